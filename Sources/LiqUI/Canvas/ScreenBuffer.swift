/// A grid of cells that panels draw into; the terminal backend blits it, tests read it as lines
/// (ratatui's Buffer/TestBackend idea). Every character is one column wide: text is cleaned to that
/// before it is stored, so the grid and the terminal never disagree about positions.
public struct ScreenBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes `text` from (x, y), clipped to `clip` (default: the whole buffer); returns the columns used.
    /// Text the clip cuts ends in "…" (never silently: a cut number would read as another number).
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let bounds = clip ?? area
        guard y >= bounds.y, y < bounds.maxY, y >= 0, y < height else { return 0 }
        // Text of plain scalars only (most of any frame: ASCII, box drawing, blocks, braille, punctuation) is
        // one character per scalar and shown as it is: written without Unicode's tables or grapheme breaking.
        if text.unicodeScalars.allSatisfy(Self.isPlain) {
            return putPlain(text.unicodeScalars, x: x, y: y, style: style, bounds: bounds)
        }
        return putCharacters(text, x: x, y: y, style: style, bounds: bounds)
    }

    /// `put` for text whose every scalar `isPlain`: scalar by scalar, each shown as it is.
    mutating func putPlain(_ text: String.UnicodeScalarView, x: Int, y: Int, style: Style, bounds: Rect) -> Int {
        put(text, x: x, y: y, style: style, bounds: bounds) { Character($0) }
    }

    /// `put` for any text: character by character, each cleaned by `displayable`.
    mutating func putCharacters(_ text: String, x: Int, y: Int, style: Style, bounds: Rect) -> Int {
        put(text, x: x, y: y, style: style, bounds: bounds) { character in
            // Printable ASCII needs no look at Unicode's tables.
            if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return character }
            return Self.displayable(character)
        }
    }

    /// Writes `elements` from (x, y) within `bounds`, each as `shown` makes it (nil: nothing); text the
    /// bounds cut ends in "…" unless only blanks were cut.
    private mutating func put<Elements: Sequence>(
        _ elements: Elements, x: Int, y: Int, style: Style, bounds: Rect, shown: (Elements.Element) -> Character?
    ) -> Int where Elements.Element: Equatable & ExpressibleByUnicodeScalarLiteral {
        var column = x
        let end = min(bounds.maxX, width)
        var iterator = elements.makeIterator()
        while let element = iterator.next() {
            if column >= end {
                var rest = element
                while rest == " ", let next = iterator.next() { rest = next }
                if rest != " ", column - 1 >= max(bounds.x, 0) {
                    cells[y * width + column - 1] = Cell("…", style: style)
                }
                break
            }
            guard let character = shown(element) else { continue }
            if column >= bounds.x, column >= 0 { cells[y * width + column] = Cell(character, style: style) }
            column += 1
        }
        return column - x
    }

    /// Writes styled spans one after another from (x, y); returns the columns used.
    @discardableResult
    public mutating func put(_ spans: [(String, Style)], x: Int, y: Int, clip: Rect? = nil) -> Int {
        var used = 0
        for (text, style) in spans { used += put(text, x: x + used, y: y, style: style, clip: clip) }
        return used
    }

    public mutating func fill(_ rect: Rect, with cell: Cell = Cell()) {
        for row in max(0, rect.y)..<min(height, rect.maxY) {
            for column in max(0, rect.x)..<min(width, rect.maxX) { cells[row * width + column] = cell }
        }
    }

    /// The text of one row, trailing spaces trimmed.
    public func line(_ y: Int) -> String {
        var text = String(cells[(y * width)..<((y + 1) * width)].map(\.character))
        while text.last == " " { text.removeLast() }
        return text
    }

    public var lines: [String] { (0..<height).map(line) }

    /// Control and format characters become "?", combining marks are dropped, and characters that take
    /// two columns (CJK, most emoji) become "?": one cell is one column.
    static func displayable(_ text: String) -> [Character] { text.compactMap(displayable) }

    /// Scalars that are a grapheme of their own next to each other and that `displayable` shows as they
    /// are (a test checks every one of them against it): printable ASCII and Latin-1 but the soft hyphen,
    /// general punctuation up to the separators, arrows, mathematical operators, box drawing, block
    /// elements, geometric shapes but the two with emoji presentation, and braille.
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20..<0x7F, 0xA1...0xAC, 0xAE...0xFF, 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x22FF,
            0x2500...0x25FC, 0x25FF, 0x2800...0x28FF:
            true
        default:
            false
        }
    }

    /// One character as a cell shows it; nil for nothing at all.
    static func displayable(_ character: Character) -> Character? {
        guard let first = character.unicodeScalars.first else { return nil }
        let category = first.properties.generalCategory
        if category == .control || category == .format || category == .lineSeparator || category == .paragraphSeparator
        {
            return "?"
        }
        if first.properties.isEmojiPresentation || first.isWide { return "?" }
        return Character(first)
    }
}
