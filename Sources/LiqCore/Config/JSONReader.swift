/// JSON, read by hand rather than with Foundation: LiqCore does no I/O and imports no Foundation (the
/// layering rule), every error must name its line (a market export is a million lines), numbers must stay
/// exact text (uint256 amounts never pass through a Double), and a million small documents must parse in
/// seconds. RFC 8259: objects, arrays, strings with escapes (\uXXXX and surrogate pairs), numbers, true,
/// false, null. Duplicate keys: the first wins. Depth is capped, so a hostile file cannot exhaust the stack.
package struct JSONItem: Sendable {
    package enum Value: Sendable {
        case object([(key: String, item: JSONItem)])
        case array([JSONItem])
        case string(String)
        /// A number as written (`-12`, `1.5e3`).
        case number(String)
        case bool(Bool)
        case null
    }

    package var value: Value
    /// The line its first character is on.
    package var line: Int

    package subscript(key: String) -> JSONItem? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.item
    }

    package var typeName: String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

package struct JSONProblem: Error, Sendable {
    package var line: Int
    package var message: String
}

package enum JSONReader {
    static let maximumDepth = 64

    /// Parses one JSON text (`firstLine` is the line its first byte is on, for a line of a JSON-lines file).
    package static func parse(_ text: Substring.UTF8View, firstLine: Int = 1) throws(JSONProblem) -> JSONItem {
        var cursor = Cursor(bytes: Array(text), line: firstLine)
        cursor.skipSpace()
        let item = try cursor.value(depth: 0)
        cursor.skipSpace()
        guard cursor.atEnd else { throw cursor.problem("unexpected \(cursor.describeNext()) after the value") }
        return item
    }

    struct Cursor {
        let bytes: [UInt8]
        var offset = 0
        var line: Int

        init(bytes: [UInt8], line: Int) {
            self.bytes = bytes
            self.line = line
        }

        var atEnd: Bool { offset >= bytes.count }

        func problem(_ message: String) -> JSONProblem { JSONProblem(line: line, message: message) }

        func describeNext() -> String {
            guard !atEnd else { return "end of text" }
            let byte = bytes[offset]
            return (0x21...0x7E).contains(byte)
                ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        }

        mutating func skipSpace() {
            while offset < bytes.count {
                switch bytes[offset] {
                case 0x20, 0x09, 0x0D: offset += 1
                case 0x0A:
                    offset += 1
                    line += 1
                default: return
                }
            }
        }

        mutating func expect(_ word: String) throws(JSONProblem) {
            for byte in word.utf8 {
                guard offset < bytes.count, bytes[offset] == byte else {
                    throw problem("expected \(word), found \(describeNext())")
                }
                offset += 1
            }
        }

        mutating func value(depth: Int) throws(JSONProblem) -> JSONItem {
            guard depth < JSONReader.maximumDepth else { throw problem("nested more than 64 deep") }
            guard !atEnd else { throw problem("expected a value, found end of text") }
            let start = line
            switch bytes[offset] {
            case UInt8(ascii: "{"): return JSONItem(value: .object(try members(depth: depth)), line: start)
            case UInt8(ascii: "["): return JSONItem(value: .array(try elements(depth: depth)), line: start)
            case UInt8(ascii: "\""): return JSONItem(value: .string(try string()), line: start)
            case UInt8(ascii: "t"):
                try expect("true")
                return JSONItem(value: .bool(true), line: start)
            case UInt8(ascii: "f"):
                try expect("false")
                return JSONItem(value: .bool(false), line: start)
            case UInt8(ascii: "n"):
                try expect("null")
                return JSONItem(value: .null, line: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return JSONItem(value: .number(try number()), line: start)
            default: throw problem("expected a value, found \(describeNext())")
            }
        }

        mutating func members(depth: Int) throws(JSONProblem) -> [(key: String, item: JSONItem)] {
            offset += 1
            var members: [(key: String, item: JSONItem)] = []
            skipSpace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
                offset += 1
                return members
            }
            while true {
                skipSpace()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                    throw problem("expected a key in quotes, found \(describeNext())")
                }
                let key = try string()
                skipSpace()
                try expect(":")
                skipSpace()
                let item = try value(depth: depth + 1)
                if !members.contains(where: { $0.key == key }) { members.append((key, item)) }
                skipSpace()
                guard offset < bytes.count else { throw problem("an object is not closed with '}'") }
                if bytes[offset] == UInt8(ascii: ",") {
                    offset += 1
                } else if bytes[offset] == UInt8(ascii: "}") {
                    offset += 1
                    return members
                } else {
                    throw problem("expected ',' or '}' in an object, found \(describeNext())")
                }
            }
        }

        mutating func elements(depth: Int) throws(JSONProblem) -> [JSONItem] {
            offset += 1
            var elements: [JSONItem] = []
            skipSpace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
                offset += 1
                return elements
            }
            while true {
                skipSpace()
                elements.append(try value(depth: depth + 1))
                skipSpace()
                guard offset < bytes.count else { throw problem("an array is not closed with ']'") }
                if bytes[offset] == UInt8(ascii: ",") {
                    offset += 1
                } else if bytes[offset] == UInt8(ascii: "]") {
                    offset += 1
                    return elements
                } else {
                    throw problem("expected ',' or ']' in an array, found \(describeNext())")
                }
            }
        }

        mutating func number() throws(JSONProblem) -> String {
            let start = offset
            if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            func digits() -> Int {
                let from = offset
                while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) {
                    offset += 1
                }
                return offset - from
            }
            let integral = offset
            guard digits() > 0 else { throw problem("a number needs digits") }
            if bytes[integral] == UInt8(ascii: "0"), offset - integral > 1 {
                throw problem("a number may not start with 0")
            }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
                offset += 1
                guard digits() > 0 else { throw problem("a number needs digits after '.'") }
            }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
                offset += 1
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
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
            while offset < bytes.count, bytes[offset] != UInt8(ascii: "\""), bytes[offset] != UInt8(ascii: "\\"),
                bytes[offset] >= 0x20
            {
                offset += 1
            }
            guard offset < bytes.count else { throw problem("a string is not closed with '\"'") }
            if bytes[offset] == UInt8(ascii: "\"") {
                offset += 1
                return String(decoding: bytes[start..<offset - 1], as: UTF8.self)
            }
            var scalars = String(decoding: bytes[start..<offset], as: UTF8.self).unicodeScalars
            while offset < bytes.count {
                let byte = bytes[offset]
                switch byte {
                case UInt8(ascii: "\""):
                    offset += 1
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    offset += 1
                    guard offset < bytes.count else { break }
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
                    while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                    scalars.append(contentsOf: String(decoding: bytes[from..<offset], as: UTF8.self).unicodeScalars)
                }
            }
            throw problem("a string is not closed with '\"'")
        }

        mutating func hex4() throws(JSONProblem) -> UInt32 {
            guard offset + 4 <= bytes.count,
                let value = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16)
            else { throw problem("\\u needs four hexadecimal digits") }
            offset += 4
            return value
        }

        mutating func unicodeEscape() throws(JSONProblem) -> Unicode.Scalar {
            let first = try hex4()
            if (0xD800..<0xDC00).contains(first) {
                guard offset + 2 <= bytes.count, bytes[offset] == UInt8(ascii: "\\"),
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
}
