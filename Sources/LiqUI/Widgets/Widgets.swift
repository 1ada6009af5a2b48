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
        buffer.put(" \(title) ", x: rect.x + 2, y: rect.y, style: Style(focused ? .accent : .title, bold: true),
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
        return String(recent.map { value in
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
    public static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.suffix(width)) : String(repeating: " ", count: width - text.count) + text
    }

    public static func left(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }

    /// A count with thousands separators: "138,577".
    public static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// "$1.23M", "$950.0k", "$12".
    public static func usd(_ value: Double) -> String {
        let magnitude = abs(value)
        let sign = value < 0 ? "-" : ""
        if magnitude >= 1e9 { return sign + "$" + fixed(magnitude / 1e9, 2) + "B" }
        if magnitude >= 1e6 { return sign + "$" + fixed(magnitude / 1e6, 2) + "M" }
        if magnitude >= 1e4 { return sign + "$" + fixed(magnitude / 1e3, 1) + "k" }
        return sign + "$" + fixed(magnitude, magnitude < 10 ? 2 : 0)
    }

    /// A price with sensible decimals.
    public static func price(_ value: Double) -> String {
        value >= 1_000 ? fixed(value, 2) : value >= 1 ? fixed(value, 4) : fixed(value, 6)
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

    /// "01:02:03".
    public static func clock(_ ms: Int64) -> String {
        let seconds = ms / 1_000
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(seconds / 3_600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }
}
