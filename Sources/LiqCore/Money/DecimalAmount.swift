/// Exact conversion between decimal text ("0.2", "17000", "1_000.5", "2.5e3") and integer units
/// with a fixed number of decimals (0.2 WBTC at 8 decimals is 20000000). No floating point is involved.
public enum DecimalAmount {
    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case notANumber(String)
        case negative(String)
        case tooManyDecimals(text: String, found: Int, allowed: Int)
        case tooLarge(String)

        public var description: String {
            switch self {
            case .empty: "is empty; expected a decimal number"
            case .notANumber(let text): "\"\(text)\" is not a decimal number"
            case .negative(let text): "\"\(text)\" is negative; expected zero or more"
            case .tooManyDecimals(let text, let found, let allowed):
                "\"\(text)\" has \(found) decimal places; at most \(allowed) allowed here"
            case .tooLarge(let text): "\"\(text)\" is too large"
            }
        }
    }

    /// Parses `text` into units of `10^-decimals`. Accepts an optional leading `+`, TOML's `_`
    /// digit separators and an exponent (`2.5e3`). Trailing zeros after the point do not count as
    /// decimal places ("1.50" at 1 decimal is fine).
    public static func parse(_ text: String, decimals: Int) throws(ParseError) -> UInt128 {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { throw .empty }
        // TOML's rule for digit separators: each "_" stands between two digits.
        let characters = Array(trimmed)
        for (index, character) in characters.enumerated() where character == "_" {
            guard index > 0, index < characters.count - 1,
                  characters[index - 1].isASCIIDigit, characters[index + 1].isASCIIDigit else { throw .notANumber(trimmed) }
        }
        var body = Substring(trimmed.filter { $0 != "_" })
        if body.first == "-" {
            if body.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) && body.count > 1 {
                body = body.dropFirst()
            } else {
                throw .negative(trimmed)
            }
        } else if body.first == "+" {
            body = body.dropFirst()
        }
        var exponent = 0
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let digits = body[body.index(after: e)...]
            let unsigned = digits.first == "-" || digits.first == "+" ? digits.dropFirst() : digits
            guard !unsigned.isEmpty, unsigned.allSatisfy(\.isASCIIDigit) else { throw .notANumber(trimmed) }
            // Beyond ±80 nothing fits in 128 bits or survives 36 decimals; say which.
            guard let value = Int(digits), (-80...80).contains(value) else {
                throw digits.first == "-" ? .tooManyDecimals(text: trimmed, found: 81, allowed: decimals) : .tooLarge(trimmed)
            }
            exponent = value
            body = body[..<e]
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        guard !(whole.isEmpty && fraction.isEmpty),
              whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit)
        else { throw .notANumber(trimmed) }

        // digits * 10^(exponent - fraction.count) units of 1; scale to units of 10^-decimals.
        var digits = Array(whole + fraction)
        if digits.allSatisfy({ $0 == "0" }) { return 0 }
        var scale = exponent - fraction.count + decimals
        while scale < 0, digits.last == "0" {
            digits.removeLast()
            scale += 1
        }
        if scale < 0 {
            throw .tooManyDecimals(text: trimmed, found: decimals - scale, allowed: decimals)
        }
        var result: UInt128 = 0
        for digit in digits + Array(repeating: "0", count: scale) {
            let (shifted, o1) = result.multipliedReportingOverflow(by: 10)
            let (next, o2) = shifted.addingReportingOverflow(UInt128(digit.asciiValue! - 48))
            guard !o1, !o2 else { throw .tooLarge(trimmed) }
            result = next
        }
        return result
    }

    /// Formats integer units as an exact decimal string without trailing zeros ("0" for zero).
    public static func format(_ units: UInt128, decimals: Int) -> String {
        let digits = String(units)
        guard decimals > 0 else { return digits }
        let padded = digits.count <= decimals
            ? String(repeating: "0", count: decimals - digits.count + 1) + digits
            : digits
        let split = padded.index(padded.endIndex, offsetBy: -decimals)
        let whole = padded[..<split]
        let fraction = padded[split...].reversed().drop(while: { $0 == "0" }).reversed()
        return fraction.isEmpty ? String(whole) : "\(whole).\(String(fraction))"
    }

    /// Formats with exactly `places` decimals, rounding half up (for tables, never for JSON).
    public static func format(_ units: UInt128, decimals: Int, places: Int) -> String {
        var value = units
        if places < decimals, let divisor = try? FullWidth.pow10(decimals - places) {
            let (quotient, remainder) = units.quotientAndRemainder(dividingBy: divisor)
            value = remainder >= divisor - remainder ? quotient + 1 : quotient
        }
        let text = format(value, decimals: min(places, decimals))
        let have = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
        guard places > have else { return text }
        return (have == 0 ? text + "." : text) + String(repeating: "0", count: places - have)
    }
}

extension Character {
    /// One of 0–9 and nothing else (a digit with a combining mark is one Character too).
    var isASCIIDigit: Bool {
        guard let value = asciiValue else { return false }
        return (48...57).contains(value)
    }
}

extension String {
    func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
