/// TOML's values: strings, numbers, booleans, dates and times, arrays and inline tables.
extension TOMLParser {
    mutating func value(depth: Int) throws(Failure) -> ConfigValue {
        guard depth <= Self.maxDepth else { throw failure("values nested more than \(Self.maxDepth) levels deep") }
        guard let byte = peek() else { throw failure("the file ends where a value was expected") }
        switch byte {
        case ASCII.quote, ASCII.apostrophe:
            let literal = byte == ASCII.apostrophe
            if peek(1) == byte, peek(2) == byte { return .string(try multiLineString(literal: literal)) }
            return .string(try singleLineString(literal: literal))
        case ASCII.openBracket: return try array(depth: depth)
        case ASCII.openBrace: return try inlineTable(depth: depth)
        case 0x74, 0x66: // t, f
            for (word, flag) in [("true", true), ("false", false)] where matches(word) {
                position += word.utf8.count
                return .bool(flag)
            }
            throw failure("expected a value (true or false?), found \(describe(byte))")
        default:
            return try numberOrDateTime()
        }
    }

    private func matches(_ word: String) -> Bool {
        var offset = 0
        for expected in word.utf8 {
            guard peek(offset) == expected else { return false }
            offset += 1
        }
        guard let after = peek(offset) else { return true }
        return !Self.isBareKey(after)
    }

    // MARK: Strings

    /// `"basic"` (with escapes) or `'literal'`, on one line.
    mutating func singleLineString(literal: Bool) throws(Failure) -> String {
        let delimiter = literal ? ASCII.apostrophe : ASCII.quote
        position += 1
        let start = position
        var built: [UInt8]?
        while true {
            guard let byte = peek() else { throw failure("the file ends inside a string") }
            if byte == delimiter {
                let result = built.map { String(decoding: $0, as: UTF8.self) } ?? text(start..<position)
                position += 1
                return result
            }
            if byte == ASCII.newline || byte == ASCII.carriageReturn {
                throw failure(
                    "the string is not closed on its line (a multi-line string needs \(literal ? "'''" : "\"\"\""))")
            }
            try checkStringByte(byte, start: start)
            if byte == ASCII.backslash, !literal {
                if built == nil { built = Array(UnsafeBufferPointer(rebasing: bytes[start..<position])) }
                try escape(into: &built!)
            } else {
                built?.append(byte)
                position += 1
            }
        }
    }

    /// `"""basic"""` or `'''literal'''`: a line break right after the opening is dropped, and in a basic
    /// string a backslash at the end of a line removes the line break and the spaces that follow.
    mutating func multiLineString(literal: Bool) throws(Failure) -> String {
        let delimiter = literal ? ASCII.apostrophe : ASCII.quote
        position += 3
        if peek() == ASCII.newline || (peek() == ASCII.carriageReturn && peek(1) == ASCII.newline) { try newline() }
        let start = position
        var built: [UInt8] = []
        while true {
            guard let byte = peek() else { throw failure("the file ends inside a multi-line string") }
            if byte == delimiter, peek(1) == delimiter, peek(2) == delimiter {
                var run = 3
                while peek(run) == delimiter { run += 1 }
                guard run <= 5 else { throw failure("too many quotes at the end of a multi-line string") }
                built.append(contentsOf: repeatElement(delimiter, count: run - 3))
                position += run
                return String(decoding: built, as: UTF8.self)
            }
            switch byte {
            case ASCII.newline, ASCII.carriageReturn:
                let from = position
                try newline()
                built.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<position]))
            case ASCII.backslash where !literal:
                if lineEndingBackslash() {
                    try skipBlankLinesAndSpaces()
                } else {
                    try escape(into: &built)
                }
            default:
                try checkStringByte(byte, start: start)
                built.append(byte)
                position += 1
            }
        }
    }

    /// A backslash followed by spaces and a line break.
    private func lineEndingBackslash() -> Bool {
        var offset = 1
        while peek(offset) == ASCII.space || peek(offset) == ASCII.tab { offset += 1 }
        return peek(offset) == ASCII.newline
            || (peek(offset) == ASCII.carriageReturn && peek(offset + 1) == ASCII.newline)
    }

    private mutating func skipBlankLinesAndSpaces() throws(Failure) {
        position += 1
        while let byte = peek() {
            if byte == ASCII.space || byte == ASCII.tab {
                position += 1
            } else if byte == ASCII.newline || byte == ASCII.carriageReturn {
                try newline()
            } else {
                return
            }
        }
    }

    private func checkStringByte(_ byte: UInt8, start: Int) throws(Failure) {
        if Self.isControl(byte), byte != ASCII.tab {
            throw failure("\(describe(byte)) in a string; write control characters as escapes (\\u0000)")
        }
        if position - start >= Self.maxStringBytes {
            throw failure("a string longer than \(Self.maxStringBytes) bytes; no liqtop setting needs one")
        }
    }

    /// `\n`, `\"`, `\u00E9`, … after a backslash.
    private mutating func escape(into built: inout [UInt8]) throws(Failure) {
        guard let code = peek(1) else { throw failure("the file ends inside an escape") }
        let simple: UInt8? =
            switch code {
            case 0x62: 0x08 // \b
            case 0x74: 0x09 // \t
            case 0x6E: 0x0A // \n
            case 0x66: 0x0C // \f
            case 0x72: 0x0D // \r
            case 0x22, 0x5C: code // \" and \\
            default: nil
            }
        if let replacement = simple {
            built.append(replacement)
            position += 2
            return
        }
        let digits: Int
        switch code {
        case 0x75: digits = 4 // \u
        case 0x55: digits = 8 // \U
        default:
            let shown =
                (0x21...0x7E).contains(code)
                ? "\\" + String(Character(Unicode.Scalar(code))) : "a backslash before \(describe(code))"
            throw failure("\(shown) is not an escape; use \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX or \\UXXXXXXXX")
        }
        var value: UInt32 = 0
        for offset in 0..<digits {
            guard let digit = peek(2 + offset), let nibble = Self.hexValue(digit) else {
                throw failure("\\\(code == 0x75 ? "u" : "U") needs \(digits) hexadecimal digits")
            }
            value = value << 4 | UInt32(nibble)
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw failure(
                "\\\(code == 0x75 ? "u" : "U")\(String(value, radix: 16, uppercase: true)) is not a Unicode scalar "
                    + "value"
            )
        }
        built.append(contentsOf: String(scalar).utf8)
        position += 2 + digits
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
