/// The TOML parser's lexical layer: keys, inline tables and arrays, and reading bytes with their line.
extension TOMLParser {
    // MARK: Keys

    static func startsKey(_ byte: UInt8) -> Bool {
        isBareKey(byte) || byte == ASCII.quote || byte == ASCII.apostrophe
    }

    static func isBareKey(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == ASCII.underscore || byte == ASCII.minus
    }

    /// A bare, quoted or dotted key, and the spaces after it.
    mutating func key() throws(Failure) -> DottedKey {
        var parts = DottedKey()
        while true {
            skipSpaces()
            guard let byte = peek() else { throw failure("the file ends where a key was expected") }
            if byte == ASCII.quote || byte == ASCII.apostrophe {
                if position + 2 < bytes.count, bytes[position + 1] == byte, bytes[position + 2] == byte {
                    throw failure("a key cannot be a multi-line string")
                }
                parts.append(try singleLineString(literal: byte == ASCII.apostrophe))
            } else if Self.isBareKey(byte) {
                let start = position
                while let next = peek(), Self.isBareKey(next) { position += 1 }
                parts.append(text(start..<position))
            } else {
                throw failure("expected a key, found \(describe(byte))")
            }
            guard parts.rest.count < Self.maxDepth else {
                throw failure("a key of more than \(Self.maxDepth) dotted parts")
            }
            skipSpaces()
            guard peek() == ASCII.dot else { return parts }
            position += 1
        }
    }

    mutating func expectEquals() throws(Failure) {
        guard peek() == ASCII.equals else { throw failure("expected '=' after the key, found \(describeNext())") }
        position += 1
        skipSpaces()
    }

    /// Spaces, an optional comment, then a line break or the end of the file.
    mutating func endOfLine(after what: String) throws(Failure) {
        skipSpaces()
        guard let byte = peek() else { return }
        switch byte {
        case ASCII.hash: try comment()
        case ASCII.newline, ASCII.carriageReturn: try newline()
        default: throw failure("expected a line break after \(what), found \(describeNext())")
        }
    }

    // MARK: Inline tables and arrays

    mutating func inlineTable(depth: Int) throws(Failure) -> ConfigValue {
        var table = ConfigTable(line: line, origin: .inline)
        position += 1
        skipSpaces()
        if peek() == ASCII.closeBrace {
            position += 1
            return .table(table)
        }
        while true {
            skipSpaces()
            guard let byte = peek(), Self.startsKey(byte) else {
                throw failure("expected a key in the inline table, found \(describeNext())")
            }
            let keyLine = line
            let key = try key()
            try expectEquals()
            let value = try value(depth: depth + 1)
            try Self.insert(key, ConfigNode(value, line: keyLine), into: &table)
            skipSpaces()
            switch peek() {
            case ASCII.comma: position += 1
            case ASCII.closeBrace:
                position += 1
                return .table(table)
            case ASCII.newline, ASCII.carriageReturn: throw failure("an inline table must be written on one line")
            default: throw failure("expected ',' or '}' in the inline table, found \(describeNext())")
            }
        }
    }

    mutating func array(depth: Int) throws(Failure) -> ConfigValue {
        var items: [ConfigNode] = []
        position += 1
        while true {
            try skipBlankLinesAndComments()
            guard let byte = peek() else { throw failure("the file ends inside an array; expected ']'") }
            if byte == ASCII.closeBracket {
                position += 1
                return .array(items)
            }
            let elementLine = line
            items.append(ConfigNode(try value(depth: depth + 1), line: elementLine))
            try skipBlankLinesAndComments()
            switch peek() {
            case ASCII.comma: position += 1
            case ASCII.closeBracket:
                position += 1
                return .array(items)
            case nil: throw failure("the file ends inside an array; expected ']'")
            default: throw failure("expected ',' or ']' in the array, found \(describeNext())")
            }
        }
    }

    mutating func skipBlankLinesAndComments() throws(Failure) {
        while true {
            skipSpaces()
            switch peek() {
            case ASCII.newline, ASCII.carriageReturn: try newline()
            case ASCII.hash: try comment()
            default: return
            }
        }
    }

    // MARK: Reading bytes

    func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    func peek(_ offset: Int) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    mutating func skipSpaces() {
        while position < bytes.count, bytes[position] == ASCII.space || bytes[position] == ASCII.tab { position += 1 }
    }

    /// A line break: LF or CRLF (a lone CR is not one).
    mutating func newline() throws(Failure) {
        if peek() == ASCII.carriageReturn {
            guard peek(1) == ASCII.newline else {
                throw failure("a carriage return (U+000D) must be followed by a line feed")
            }
            position += 1
        }
        position += 1
        line += 1
        lineStart = position
    }

    /// `# …` up to the line break, which is left for the caller.
    mutating func comment() throws(Failure) {
        position += 1
        while let byte = peek(), byte != ASCII.newline {
            if Self.isControl(byte), byte != ASCII.tab, !(byte == ASCII.carriageReturn && peek(1) == ASCII.newline) {
                throw failure("\(describe(byte)) in a comment; comments may not hold control characters")
            }
            position += 1
        }
    }

    static func isControl(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x7F }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// A byte as a reader would name it: `'x'`, or `U+0000` for anything unprintable.
    func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0: "a NUL byte (U+0000)"
        case ASCII.newline, ASCII.carriageReturn: "the end of the line"
        case 0x21...0x7E: "'\(Character(Unicode.Scalar(byte)))'"
        case ..<0x80: "U+" + String(byte, radix: 16, uppercase: true).leftPadded(to: 4)
        default: "a non-ASCII character"
        }
    }

    func describeNext() -> String {
        peek().map(describe) ?? "the end of the file"
    }

    /// An error about a key or table, on its line.
    static func failure(_ message: String, line: Int) -> Failure {
        Failure(line: line, column: nil, message: message)
    }

    /// An error at the current position; the column counts characters, not bytes.
    func failure(_ message: String) -> Failure {
        let end = min(position, bytes.count)
        let column = (lineStart..<max(lineStart, end)).reduce(1) { count, index in
            bytes[index] & 0xC0 == 0x80 ? count : count + 1
        }
        return Failure(line: self.line, column: column, message: message)
    }
}
