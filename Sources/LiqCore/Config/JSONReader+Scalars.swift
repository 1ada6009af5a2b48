/// Numbers and strings of `JSONReader`: RFC 8259's grammar, numbers kept as their text.
extension JSONReader.Cursor {
    mutating func number() throws(JSONProblem) -> String {
        let start = offset
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        func digits() -> Int {
            let from = offset
            while offset < end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) {
                offset += 1
            }
            return offset - from
        }
        let integral = offset
        guard digits() > 0 else { throw problem("a number needs digits") }
        if bytes[integral] == UInt8(ascii: "0"), offset - integral > 1 {
            throw problem("a number may not start with 0")
        }
        if offset < end, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard digits() > 0 else { throw problem("a number needs digits after '.'") }
        }
        if offset < end, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < end, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard digits() > 0 else { throw problem("a number needs digits in its exponent") }
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    mutating func string() throws(JSONProblem) -> String {
        offset += 1
        let start = offset
        // The common case: no escapes, decoded in one go.
        while offset < end, bytes[offset] != UInt8(ascii: "\""), bytes[offset] != UInt8(ascii: "\\"),
            bytes[offset] >= 0x20
        {
            offset += 1
        }
        guard offset < end else { throw problem("a string is not closed with '\"'") }
        if bytes[offset] == UInt8(ascii: "\"") {
            offset += 1
            return String(decoding: bytes[start..<offset - 1], as: UTF8.self)
        }
        var scalars = String(decoding: bytes[start..<offset], as: UTF8.self).unicodeScalars
        while offset < end {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                offset += 1
                guard offset < end else { break }
                let escape = bytes[offset]
                offset += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                    scalars.append(Unicode.Scalar(escape))
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"): scalars.append(try unicodeEscape())
                default: throw problem("\\\(Character(Unicode.Scalar(escape))) is not a JSON escape")
                }
            case 0..<0x20: throw problem("a control character in a string must be escaped")
            default:
                // One UTF-8 sequence, copied whole.
                let from = offset
                offset += 1
                while offset < end, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                scalars.append(contentsOf: String(decoding: bytes[from..<offset], as: UTF8.self).unicodeScalars)
            }
        }
        throw problem("a string is not closed with '\"'")
    }

    mutating func hex4() throws(JSONProblem) -> UInt32 {
        guard offset + 4 <= end else { throw problem("\\u needs four hexadecimal digits") }
        var value: UInt32 = 0
        for byte in bytes[offset..<offset + 4] {
            let digit: UInt8
            switch byte {
            case 48...57: digit = byte - 48
            case 65...70: digit = byte - 55
            case 97...102: digit = byte - 87
            default: throw problem("\\u needs four hexadecimal digits")
            }
            value = value << 4 | UInt32(digit)
        }
        offset += 4
        return value
    }

    mutating func unicodeEscape() throws(JSONProblem) -> Unicode.Scalar {
        let first = try hex4()
        if (0xD800..<0xDC00).contains(first) {
            guard offset + 2 <= end, bytes[offset] == UInt8(ascii: "\\"),
                bytes[offset + 1] == UInt8(ascii: "u")
            else { throw problem("a high surrogate must be followed by a low one") }
            offset += 2
            let second = try hex4()
            guard (0xDC00..<0xE000).contains(second) else {
                throw problem("a high surrogate must be followed by a low one")
            }
            return Unicode.Scalar(0x10000 + (first - 0xD800) << 10 + (second - 0xDC00))!
        }
        guard let scalar = Unicode.Scalar(first) else {
            throw problem("\\u\(String(first, radix: 16)) is a lone surrogate")
        }
        return scalar
    }
}
