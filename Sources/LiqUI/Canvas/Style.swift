/// What a cell means, not its colour: a theme maps each role to colours for the terminal at hand.
public enum ColorRole: Int, CaseIterable, Sendable {
    case text, dim, title, border, accent, selection, good, warn, alert, critical, header
}

/// A cell's look: a colour role and attributes.
public struct Style: Equatable, Hashable, Sendable {
    public var role: ColorRole
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: ColorRole = .text, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
}

/// One character cell.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var style: Style

    public init(_ character: Character = " ", style: Style = .plain) {
        self.character = character
        self.style = style
    }
}
