import LiqCore

/// A 24-bit colour.
public struct RGB: Equatable, Hashable, Sendable {
    public var r: UInt8, g: UInt8, b: UInt8
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// `#RRGGBB`.
    public init?(hex: String) {
        guard hex.count == 7, hex.first == "#", let value = UInt32(hex.dropFirst(), radix: 16) else { return nil }
        self.init(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }
}

/// What the terminal can show.
public enum ColorDepth: Sendable, Equatable {
    case palette256, palette8, none

    /// From the terminal's colour count and the environment: `NO_COLOR` (set, non-empty) means none.
    public static func detect(colors: Int, noColor: String?) -> ColorDepth {
        if let noColor, !noColor.isEmpty { return .none }
        if colors >= 256 { return .palette256 }
        if colors >= 8 { return .palette8 }
        return .none
    }
}

/// How a style shows without colour (NO_COLOR, monochrome terminals): meaning through attributes alone.
public struct MonochromeAttributes: Equatable, Sendable {
    public var bold = false, reverse = false, underline = false, dim = false

    public init(_ style: Style) {
        bold = style.bold || [.title, .critical, .header].contains(style.role)
        reverse = style.reverse || style.role == .selection
        underline = style.underline || style.role == .critical
        dim = style.role == .dim
    }

    /// One letter for tests and snapshots: R reverse, U underline, B bold, d dim, "." plain.
    public var code: Character { reverse ? "R" : underline ? "U" : bold ? "B" : dim ? "d" : "." }
}

/// A colour theme: a foreground per role, a selection background and an optional main background
/// (nil: the terminal's own, which keeps transparency).
public struct Theme: Equatable, Sendable {
    public var name: String
    public var foreground: [ColorRole: RGB]
    public var selectionBackground: RGB
    public var background: RGB?

    public func color(_ role: ColorRole) -> RGB { foreground[role] ?? foreground[.text] ?? RGB(208, 208, 208) }

    /// xterm-256 index: the 24 greys when r ≈ g ≈ b, else the 6×6×6 cube (btop's `truecolor_to_256`).
    public static func xterm256(_ color: RGB) -> Int {
        let r = Int(color.r), g = Int(color.g), b = Int(color.b)
        if abs(r - g) < 10, abs(g - b) < 10, abs(r - b) < 10 {
            let grey = (r + g + b) / 3
            if grey < 8 { return 16 }
            if grey > 238 { return 231 }
            return 232 + (grey - 8) * 24 / 231
        }
        func level(_ v: Int) -> Int { v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40 }
        return 16 + 36 * level(r) + 6 * level(g) + level(b)
    }

    /// The nearest of the 8 ANSI colours (black, red, green, yellow, blue, magenta, cyan, white).
    public static func ansi8(_ color: RGB) -> Int {
        let palette: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
            (0, 205, 205), (229, 229, 229),
        ]
        var best = 0, bestDistance = Int.max
        for (index, entry) in palette.enumerated() {
            let dr = Int(color.r) - entry.0, dg = Int(color.g) - entry.1, db = Int(color.b) - entry.2
            let distance = dr * dr + dg * dg + db * db
            if distance < bestDistance { (best, bestDistance) = (index, distance) }
        }
        return best
    }
}

/// Reads themes: the built-ins compiled into the binary, or a TOML file. See themes/README.md.
public enum ThemeLoader {
    static let roleKeys: [(String, ColorRole)] = [
        ("text", .text), ("dim", .dim), ("title", .title), ("border", .border), ("accent", .accent),
        ("selection", .selection), ("good", .good), ("warn", .warn), ("alert", .alert), ("critical", .critical),
        ("header", .header),
    ]

    public static func load(text: String, file: String) throws(ConfigError) -> Theme {
        var (_, root) = try ConfigSource.parse(text, file: file)
        let name = try root.require("name") { r, k throws(ConfigError) in try r.printable(k, maxLength: 40) }
        guard var colors = try root.table("colors") else { throw root.error("colors", "is required: a [colors] table") }
        func color(_ key: String) throws(ConfigError) -> RGB? {
            guard let text = try colors.string(key) else { return nil }
            if text.isEmpty { return nil }
            guard let rgb = RGB(hex: text) else {
                throw colors.error(key, "\(quoted(text)) is not a colour; write #RRGGBB")
            }
            return rgb
        }
        var foreground: [ColorRole: RGB] = [:]
        for (key, role) in roleKeys {
            guard let value = try color(key) else { throw colors.error(key, "is required (#RRGGBB)") }
            foreground[role] = value
        }
        let selection = try color("selection_background") ?? RGB(68, 68, 68)
        let background = try color("background")
        try colors.finish()
        try root.finish()
        return Theme(name: name, foreground: foreground, selectionBackground: selection, background: background)
    }
}
