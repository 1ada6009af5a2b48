import LiqCore

/// Small drawing pieces shared by the panels.
public enum Widgets {
    /// A box with a title in its top border; returns the inner area.
    @discardableResult
    public static func box(_ buffer: inout ScreenBuffer, _ rect: Rect, title: String, focused: Bool) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let style = Style(focused ? .accent : .border, bold: focused)
        let horizontal = String(repeating: "─", count: rect.width - 2)
        buffer.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: style)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            buffer.put("│", x: rect.x, y: row, style: style)
            buffer.put("│", x: rect.maxX - 1, y: row, style: style)
        }
        buffer.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        buffer.put(
            " \(title) ", x: rect.x + 2, y: rect.y, style: Style(focused ? .accent : .title, bold: true),
            clip: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1))
        return rect.inset(1)
    }

    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The last `width` values as block heights between their min and max.
    public static func sparkline(_ values: [Double], width: Int) -> String {
        guard width > 0 else { return "" }
        let recent = Array(values.suffix(width))
        guard let low = recent.min(), let high = recent.max(), !recent.isEmpty else { return "" }
        let span = high - low
        return String(
            recent.map { value in
                span <= 0 ? blocks[3] : blocks[max(0, min(7, Int(clamping: (value - low) / span * 7.999)))]
            })
    }

    /// A horizontal bar of `fraction` (0…1) in `width` cells.
    public static func bar(_ fraction: Double, width: Int) -> String {
        guard width > 0 else { return "" }
        let filled = max(0, min(width, Int(clamping: (fraction * Double(width)).rounded())))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    /// Right-aligns `text` in `width` (cut on the left when too long).
    /// `text` right-aligned in `width` columns; cut with "…" when longer (never silently: a number cut to
    /// its last digits would read as another number).
    public static func right(_ text: String, _ width: Int) -> String {
        text.count > width ? cut(text, width) : String(repeating: " ", count: width - text.count) + text
    }

    /// `text` left-aligned in `width` columns; cut with "…" when longer.
    public static func left(_ text: String, _ width: Int) -> String {
        text.count > width ? cut(text, width) : text + String(repeating: " ", count: width - text.count)
    }

    /// `text` in lines of at most `width` columns, broken at spaces where it can be, each line after the first
    /// indented by `indent`.
    public static func wrap(_ text: String, width: Int, indent: Int) -> [String] {
        guard width > indent + 8, text.count > width else { return [text] }
        var lines: [String] = []
        var rest = Substring(text)
        var limit = width
        while rest.count > limit {
            let head = rest.prefix(limit)
            let space = head.lastIndex(of: " ").flatMap { $0 > head.startIndex ? $0 : nil }
            let cut = space ?? head.endIndex
            lines.append((lines.isEmpty ? "" : String(repeating: " ", count: indent)) + rest[..<cut])
            rest = rest[cut...].drop { $0 == " " }
            limit = width - indent
        }
        if !rest.isEmpty { lines.append((lines.isEmpty ? "" : String(repeating: " ", count: indent)) + rest) }
        return lines
    }

    static func cut(_ text: String, _ width: Int) -> String {
        width <= 0 ? "" : width == 1 ? "…" : String(text.prefix(width - 1)) + "…"
    }

    /// A count with thousands separators: "138,577".
    public static func count(_ value: Int) -> String { DecimalAmount.grouped(value) }

    /// A count for a column `width` wide: with thousands separators when they fit ("12,345"), else
    /// shortened ("123k", "1.2M").
    public static func count(_ value: Int, width: Int) -> String {
        let grouped = count(value)
        guard grouped.count > width else { return grouped }
        let magnitude = Double(value.magnitude), sign = value < 0 ? "-" : ""
        for (unit, suffix) in [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")] where magnitude >= unit {
            let scaled = magnitude / unit
            // Whole units from 100 up, or when one decimal does not fit.
            let text = scaled >= 99.95 || width < 5 ? fixed(scaled, 0) : fixed(scaled, 1)
            return sign + text + suffix
        }
        return grouped
    }

    /// "$1.23M", "$950.0k", "$9,078", "$12", "$0.50".
    public static func usd(_ value: Double) -> String {
        let magnitude = abs(value)
        let sign = value < 0 ? "-" : ""
        if magnitude >= 1e15 { return sign + "$" + fixed(magnitude, 2) } // exponent form: "$1.50e22"
        if magnitude >= 1e12 { return sign + "$" + fixed(magnitude / 1e12, 2) + "T" }
        if magnitude >= 1e9 { return sign + "$" + fixed(magnitude / 1e9, 2) + "B" }
        if magnitude >= 1e6 { return sign + "$" + fixed(magnitude / 1e6, 2) + "M" }
        if magnitude >= 1e4 { return sign + "$" + fixed(magnitude / 1e3, 1) + "k" }
        if magnitude == 0 { return "$0" }
        return sign + "$" + (magnitude < 10 ? fixed(magnitude, 2) : count(Int(magnitude.rounded())))
    }

    /// A price with the decimals that matter at its size: "120,000", "1,816.85", "999.27", "25.123",
    /// "1.0001" and "0.9998" (a stablecoin's peg), "0.012345".
    public static func price(_ value: Double) -> String {
        let magnitude = abs(value)
        guard magnitude.isFinite, magnitude < 1e15 else { return fixed(value, 2) }
        let places = magnitude >= 100_000 ? 0 : magnitude >= 100 ? 2 : magnitude >= 10 ? 3 : magnitude >= 0.1 ? 4 : 6
        let text = fixed(magnitude, places)
        let point = text.firstIndex(of: ".") ?? text.endIndex
        let whole = Int(text[..<point]) ?? 0
        return (value < 0 ? "-" : "") + count(whole) + text[point...]
    }

    /// `value` with `places` decimals, without Foundation.
    public static func fixed(_ value: Double, _ places: Int) -> String {
        guard value.isFinite else { return value > 0 ? "inf" : "-" }
        var scale = 1.0
        for _ in 0..<max(0, places) { scale *= 10 }
        // Past 10^15 a Double has no cents left to show, and past 9.2·10^18 no Int holds it: 1.80e18.
        guard abs(value) * scale < 1e15 else {
            var mantissa = abs(value), exponent = 0
            while mantissa >= 10 {
                mantissa /= 10
                exponent += 1
            }
            // 9.996 would show as "10.00": carry into the exponent instead.
            if (mantissa * 100).rounded() >= 1_000 {
                mantissa /= 10
                exponent += 1
            }
            return (value < 0 ? "-" : "") + fixed(mantissa, 2) + "e" + String(exponent)
        }
        let rounded = (abs(value) * scale).rounded()
        let whole = Int(rounded / scale)
        let fraction = Int(rounded - Double(whole) * scale)
        let sign = value < 0 && rounded != 0 ? "-" : ""
        guard places > 0 else { return sign + String(whole) }
        let digits = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: places - digits.count) + digits
    }

    /// A length of time as people say it: "45 s", "90 min", "24 h", "1 h 30 min", "2 d".
    public static func duration(seconds: Int) -> String {
        if seconds % 86_400 == 0, seconds >= 2 * 86_400 { return "\(seconds / 86_400) d" }
        if seconds % 3_600 == 0 { return "\(seconds / 3_600) h" }
        if seconds % 60 == 0 {
            return seconds < 3_600 ? "\(seconds / 60) min" : "\(seconds / 3_600) h \(seconds % 3_600 / 60) min"
        }
        return "\(seconds) s"
    }

    /// "01:02:03".
    public static func clock(_ ms: Int64) -> String { UTCTime.clock(ms) }
}
