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
        var copy = String(Substring(text))
        let result = copy.withUTF8 { bytes in
            Result { () throws(JSONProblem) -> JSONItem in try parse(bytes, 0..<bytes.count, firstLine: firstLine) }
        }
        return try result.get()
    }

    /// Parses the JSON text in `range` of `bytes`, without copying it.
    package static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, firstLine: Int
    ) throws(JSONProblem) -> JSONItem {
        var cursor = Cursor(bytes: bytes, offset: range.lowerBound, end: range.upperBound, line: firstLine)
        // A byte-order mark some editors write at the start of a file.
        if range.count >= 3, bytes[range.lowerBound] == 0xEF, bytes[range.lowerBound + 1] == 0xBB,
            bytes[range.lowerBound + 2] == 0xBF
        {
            cursor.offset += 3
        }
        cursor.skipSpace()
        let item = try cursor.value(depth: 0)
        cursor.skipSpace()
        guard cursor.atEnd else { throw cursor.problem("unexpected \(cursor.describeNext()) after the value") }
        return item
    }

    /// Each non-blank line of `range` of a JSON-lines text (whose first line is `firstLine`), parsed; the
    /// first line that does not parse ends the walk and is returned.
    package static func forEachLine<E: Error>(
        in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, firstLine: Int, _ body: (JSONItem) throws(E) -> Void
    ) throws(E) -> JSONProblem? {
        try lines(bytes, range, firstLine: firstLine, body)
    }

    private static func lines<E: Error>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, firstLine: Int, _ body: (JSONItem) throws(E) -> Void
    ) throws(E) -> JSONProblem? {
        var start = range.lowerBound, line = firstLine
        while start < range.upperBound {
            var end = start
            var blank = true
            while end < range.upperBound, bytes[end] != 0x0A {
                if blank, bytes[end] != 0x20, bytes[end] != 0x09, bytes[end] != 0x0D { blank = false }
                end += 1
            }
            if !blank {
                let item: JSONItem
                do {
                    item = try parse(bytes, start..<end, firstLine: line)
                } catch {
                    return error
                }
                try body(item)
            }
            start = end + 1
            line += 1
        }
        return nil
    }

    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset: Int
        /// One past the last byte of the text.
        let end: Int
        var line: Int

        var atEnd: Bool { offset >= end }

        func problem(_ message: String) -> JSONProblem { JSONProblem(line: line, message: message) }

        func describeNext() -> String {
            guard !atEnd else { return "end of text" }
            let byte = bytes[offset]
            return (0x21...0x7E).contains(byte)
                ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        }

        mutating func skipSpace() {
            while offset < end {
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
                guard offset < end, bytes[offset] == byte else {
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
            var keys: Set<String> = []
            skipSpace()
            if offset < end, bytes[offset] == UInt8(ascii: "}") {
                offset += 1
                return members
            }
            while true {
                skipSpace()
                guard offset < end, bytes[offset] == UInt8(ascii: "\"") else {
                    throw problem("expected a key in quotes, found \(describeNext())")
                }
                let key = try string()
                skipSpace()
                try expect(":")
                skipSpace()
                let item = try value(depth: depth + 1)
                // The first of duplicate keys wins; past a few keys, a set finds them (no quadratic search).
                if members.count < 16 {
                    if !members.contains(where: { $0.key == key }) { members.append((key, item)) }
                } else {
                    if keys.isEmpty { keys = Set(members.map(\.key)) }
                    if keys.insert(key).inserted { members.append((key, item)) }
                }
                skipSpace()
                guard offset < end else { throw problem("an object is not closed with '}'") }
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
            if offset < end, bytes[offset] == UInt8(ascii: "]") {
                offset += 1
                return elements
            }
            while true {
                skipSpace()
                elements.append(try value(depth: depth + 1))
                skipSpace()
                guard offset < end else { throw problem("an array is not closed with ']'") }
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
    }
}
