/// TOML's numbers, dates and times, read from one token.
extension TOMLParser {
    // MARK: Numbers, dates and times

    static func isTokenByte(_ byte: UInt8) -> Bool {
        isBareKey(byte) || byte == ASCII.plus || byte == ASCII.dot || byte == ASCII.colon
    }

    mutating func numberOrDateTime() throws(Failure) -> ConfigValue {
        let start = position
        while let byte = peek(), Self.isTokenByte(byte) { position += 1 }
        // A date and a time may be separated by a space: 1979-05-27 07:32:00.
        if position - start == 10, peek() == ASCII.space, let a = peek(1), let b = peek(2), peek(3) == ASCII.colon,
            Self.isDigit(a), Self.isDigit(b)
        {
            position += 1
            while let byte = peek(), Self.isTokenByte(byte) { position += 1 }
        }
        guard position > start else { throw failure("expected a value, found \(describeNext())") }
        let token = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        let written = text(start..<position)
        if TOMLDateTime.isValid(token) { return .dateTime(written) }
        if let integer = try integer(token, written: written) { return .integer(integer) }
        if let float = TOMLFloat.parse(token) { return .float(float, text: written) }
        position = start
        throw failure(
            "\"\(written.prefix(40))\" is not a TOML value (a number, a string in quotes, true, false, a date, [ ] or "
                + "{ })"
        )
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Decimal (`-17`, `1_000`), hexadecimal, octal or binary (`0xff`, `0o17`, `0b101`); nil if the token
    /// is not an integer at all, an error if it is one that does not fit in 64 bits.
    func integer(_ token: [UInt8], written: String) throws(Failure) -> Int? {
        var digits = token[...]
        var radix = 10
        var negative = false
        if token.count > 2, token[0] == 0x30, let prefix = [0x78: 16, 0x6F: 8, 0x62: 2][token[1]] {
            radix = prefix
            digits = token[2...]
        } else if let sign = digits.first, sign == ASCII.plus || sign == ASCII.minus {
            negative = sign == ASCII.minus
            digits = digits.dropFirst()
        }
        guard Self.digitsWithUnderscores(digits, radix: radix) else { return nil }
        if radix == 10, digits.count > 1, digits.first == 0x30 { return nil } // no leading zeros
        let clean = String(decoding: digits.filter { $0 != ASCII.underscore }, as: UTF8.self)
        guard let magnitude = UInt64(clean, radix: radix) else {
            throw failure("\(written.prefix(40)) does not fit in a 64-bit integer")
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else {
                throw failure("\(written.prefix(40)) does not fit in a 64-bit integer")
            }
            return magnitude == UInt64(Int64.max) + 1 ? Int.min : -Int(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else {
            throw failure("\(written.prefix(40)) does not fit in a 64-bit integer")
        }
        return Int(magnitude)
    }

    /// Digits of `radix`, with single underscores only between digits.
    static func digitsWithUnderscores(_ bytes: ArraySlice<UInt8>, radix: Int) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != ASCII.underscore, last != ASCII.underscore else {
            return false
        }
        var previousUnderscore = false
        for byte in bytes {
            if byte == ASCII.underscore {
                if previousUnderscore { return false }
                previousUnderscore = true
                continue
            }
            previousUnderscore = false
            guard let value = hexValue(byte), Int(value) < radix else { return false }
        }
        return true
    }
}

/// TOML floats: `3.14`, `-0.01`, `5e+22`, `6.626e-34`, `1_000.5`, `inf`, `-nan`.
enum TOMLFloat {
    static func parse(_ token: [UInt8]) -> Double? {
        var body = token[...]
        var sign = 1.0
        if let first = body.first, first == ASCII.plus || first == ASCII.minus {
            sign = first == ASCII.minus ? -1 : 1
            body = body.dropFirst()
        }
        switch String(decoding: body, as: UTF8.self) {
        case "inf": return sign * .infinity
        case "nan": return .nan
        default: break
        }
        let exponentAt = body.firstIndex { $0 == 0x65 || $0 == 0x45 }
        let mantissa = body[..<(exponentAt ?? body.endIndex)]
        let dot = mantissa.firstIndex(of: ASCII.dot)
        let integerPart = mantissa[..<(dot ?? mantissa.endIndex)]
        guard TOMLParser.digitsWithUnderscores(integerPart, radix: 10),
            integerPart.count == 1 || integerPart.first != 0x30
        else { return nil }
        if let dot {
            guard TOMLParser.digitsWithUnderscores(mantissa[(dot + 1)...], radix: 10) else { return nil }
        }
        if let exponentAt {
            var exponent = body[(exponentAt + 1)...]
            if let first = exponent.first, first == ASCII.plus || first == ASCII.minus {
                exponent = exponent.dropFirst()
            }
            guard TOMLParser.digitsWithUnderscores(exponent, radix: 10) else { return nil }
        }
        guard dot != nil || exponentAt != nil else { return nil }
        let clean = String(decoding: token.filter { $0 != ASCII.underscore }, as: UTF8.self)
        return Double(clean)
    }
}

/// RFC 3339 dates and times as TOML writes them: `1979-05-27`, `07:32:00`, `1979-05-27T07:32:00.999-07:00`.
/// liqtop reads no dates; they are recognised so that a date is an error about its key, not a syntax error.
enum TOMLDateTime {
    static func isValid(_ token: [UInt8]) -> Bool {
        var rest = token[...]
        var sawDate = false
        if rest.count >= 10, rest[rest.startIndex + 4] == ASCII.minus {
            guard field(rest.prefix(4), 0...9999), rest[rest.startIndex + 7] == ASCII.minus,
                field(rest.dropFirst(5).prefix(2), 1...12), field(rest.dropFirst(8).prefix(2), 1...31)
            else { return false }
            rest = rest.dropFirst(10)
            sawDate = true
            guard let separator = rest.first else { return true }
            guard separator == 0x54 || separator == 0x74 || separator == ASCII.space else { return false }
            rest = rest.dropFirst()
        }
        guard rest.count >= 8, rest[rest.startIndex + 2] == ASCII.colon, rest[rest.startIndex + 5] == ASCII.colon,
            field(rest.prefix(2), 0...23), field(rest.dropFirst(3).prefix(2), 0...59),
            field(rest.dropFirst(6).prefix(2), 0...60)
        else { return false }
        rest = rest.dropFirst(8)
        if rest.first == ASCII.dot {
            let fraction = rest.dropFirst().prefix { $0 >= 0x30 && $0 <= 0x39 }
            guard !fraction.isEmpty else { return false }
            rest = rest.dropFirst(1 + fraction.count)
        }
        guard let zone = rest.first else { return true }
        guard sawDate else { return false } // a local time has no offset
        if zone == 0x5A || zone == 0x7A, rest.count == 1 { return true }
        guard zone == ASCII.plus || zone == ASCII.minus, rest.count == 6, rest[rest.startIndex + 3] == ASCII.colon
        else { return false }
        return field(rest.dropFirst().prefix(2), 0...23) && field(rest.dropFirst(4).prefix(2), 0...59)
    }

    static func field(_ digits: ArraySlice<UInt8>, _ range: ClosedRange<Int>) -> Bool {
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let value = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return range.contains(value)
    }
}
