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
            case .notANumber(let text): "\(quoted(text)) is not a decimal number"
            case .negative(let text): "\(quoted(text)) is negative; expected zero or more"
            case .tooManyDecimals(let text, let found, let allowed):
                "\(quoted(text)) has \(found) decimal places; at most \(allowed) allowed here"
            case .tooLarge(let text): "\(quoted(text)) is too large"
            }
        }
    }

    /// Parses `text` into units of `10^-decimals`. Accepts an optional leading `+`, TOML's `_`
    /// digit separators and an exponent (`2.5e3`). Trailing zeros after the point do not count as
    /// decimal places ("1.50" at 1 decimal is fine). One pass over the UTF-8 bytes, without
    /// allocating: a market file holds millions of amounts.
    public static func parse(_ text: String, decimals: Int) throws(ParseError) -> UInt128 {
        var text = text
        let result: Result<UInt128, ParseError> = text.withUTF8 { bytes in
            do throws(ParseError) {
                return .success(try parse(bytes, decimals: decimals))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, decimals: Int) throws(ParseError) -> UInt128 {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        let trimmed = { String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) }
        guard start < end else { throw .empty }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        var index = start
        var negative = false
        if bytes[index] == 0x2D || bytes[index] == 0x2B { // "-" or "+"
            negative = bytes[index] == 0x2D
            index += 1
        }
        // The mantissa: digits, one optional point, TOML's "_" only between two digits. Trailing zeros
        // are held back, so that "1.000…0" never overflows where "1" fits.
        var result: UInt128 = 0
        var pendingZeros = 0
        var fractionDigits = 0
        var sawDigit = false, sawPoint = false
        while index < end {
            let byte = bytes[index]
            if isDigit(byte) {
                sawDigit = true
                if sawPoint { fractionDigits += 1 }
                if byte == 0x30 {
                    pendingZeros += 1
                } else {
                    for _ in 0...pendingZeros {
                        let (shifted, overflow) = result.multipliedReportingOverflow(by: 10)
                        guard !overflow else { throw negative ? .negative(trimmed()) : .tooLarge(trimmed()) }
                        result = shifted
                    }
                    let (sum, overflow) = result.addingReportingOverflow(UInt128(byte - 0x30))
                    guard !overflow else { throw negative ? .negative(trimmed()) : .tooLarge(trimmed()) }
                    result = sum
                    pendingZeros = 0
                }
            } else if byte == 0x5F {
                guard index > start, index < end - 1, isDigit(bytes[index - 1]), isDigit(bytes[index + 1]) else {
                    throw .notANumber(trimmed())
                }
            } else if byte == 0x2E, !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        var exponent = 0
        if index < end {
            guard bytes[index] == 0x65 || bytes[index] == 0x45 else { throw .notANumber(trimmed()) } // e, E
            index += 1
            var exponentNegative = false
            if index < end, bytes[index] == 0x2D || bytes[index] == 0x2B {
                exponentNegative = bytes[index] == 0x2D
                index += 1
            }
            guard index < end else { throw .notANumber(trimmed()) }
            var magnitude = 0
            while index < end {
                let byte = bytes[index]
                if byte == 0x5F, index > start, index < end - 1, isDigit(bytes[index - 1]), isDigit(bytes[index + 1]) {
                    index += 1
                    continue
                }
                guard isDigit(byte) else { throw .notANumber(trimmed()) }
                magnitude = min(magnitude * 10 + Int(byte - 0x30), 1_000)
                index += 1
            }
            // Beyond ±80 nothing fits in 128 bits or survives 36 decimals; say which.
            guard magnitude <= 80 else {
                throw exponentNegative
                    ? .tooManyDecimals(text: trimmed(), found: 81, allowed: decimals) : .tooLarge(trimmed())
            }
            exponent = exponentNegative ? -magnitude : magnitude
        }
        guard sawDigit else { throw .notANumber(trimmed()) }
        if result == 0 { return 0 } // zero, and a negative zero
        guard !negative else { throw .negative(trimmed()) }
        // The digits stand for result × 10^pendingZeros × 10^(exponent - fractionDigits) units of 1;
        // in units of 10^-decimals the power is pendingZeros + exponent - fractionDigits + decimals.
        let power = pendingZeros + exponent - fractionDigits + decimals
        guard power >= 0 else { throw .tooManyDecimals(text: trimmed(), found: decimals - power, allowed: decimals) }
        for _ in 0..<power {
            let (shifted, overflow) = result.multipliedReportingOverflow(by: 10)
            guard !overflow else { throw .tooLarge(trimmed()) }
            result = shifted
        }
        return result
    }

    /// An integer with thousands separators: "138,577", "-1,234,567".
    public static func grouped(_ value: Int) -> String {
        (value < 0 ? "-" : "") + groupingThousands(String(value.magnitude))
    }

    /// Digits with a comma every three from the right.
    static func groupingThousands(_ digits: some StringProtocol) -> String {
        guard digits.count > 3 else { return String(digits) }
        var grouped = ""
        grouped.reserveCapacity(digits.count + digits.count / 3)
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return grouped
    }

    /// Formats integer units as an exact decimal string without trailing zeros ("0" for zero).
    public static func format(_ units: UInt128, decimals: Int) -> String {
        let digits = String(units)
        guard decimals > 0 else { return digits }
        let padded =
            digits.count <= decimals
            ? String(repeating: "0", count: decimals - digits.count + 1) + digits
            : digits
        let split = padded.index(padded.endIndex, offsetBy: -decimals)
        let whole = padded[..<split]
        let fraction = padded[split...].reversed().drop(while: { $0 == "0" }).reversed()
        return fraction.isEmpty ? String(whole) : "\(whole).\(String(fraction))"
    }

    /// Formats with exactly `places` decimals, rounding half up, the whole part grouped by thousands
    /// ("32,601.25"): for people (tables, messages), never for JSON.
    public static func format(_ units: UInt128, decimals: Int, places: Int) -> String {
        grouping(ungrouped(units, decimals: decimals, places: places))
    }

    /// A decimal string with its whole part grouped by thousands: "1451.02520824" → "1,451.02520824".
    public static func grouping(_ text: String) -> String {
        let point = text.firstIndex(of: ".") ?? text.endIndex
        return groupingThousands(text[..<point]) + text[point...]
    }

    static func ungrouped(_ units: UInt128, decimals: Int, places: Int) -> String {
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
