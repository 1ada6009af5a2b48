/// A TOML 1.0 parser for liqtop's scenario and theme files (https://toml.io/en/v1.0.0).
///
/// Written by hand rather than taken from TOMLKit, the TOML package on this machine's list, because
/// TOMLKit 0.6.0 bundles toml++ 3.4.0, and that parser
/// - aborts the whole process on some malformed table headers (`[[[a]]`, `[.a]`: an assertion that
///   toml++ fixed after 3.4.0; an abort cannot be caught from Swift, so no check around it helps),
/// - reads its input as a C string, so a NUL byte silently ends the file, and
/// - reports a source position only for syntax errors, never for the values that a loader must name
///   in its own errors (liqtop used to re-scan the text with a second, heuristic reader for that).
/// This parser never traps on any input. It keeps the line of every key and element and the text of
/// every float as written (so decimal amounts stay exact), rejects NUL and other control characters
/// with their line, and bounds nesting and string length so that hostile input cannot exhaust the
/// stack or the time it takes to say no.
struct TOMLParser {
    struct Failure: Error, Equatable {
        var line: Int
        /// Where on the line, for syntax errors; errors about a key's meaning name only its line.
        var column: Int?
        var message: String
    }

    /// Deeper arrays, inline tables or dotted keys are refused (each level is a recursion).
    static let maxDepth = 64
    /// No liqtop file needs a longer string; a longer one is refused as soon as it is seen.
    static let maxStringBytes = 65_536

    /// Where the keys of the section being read go when the next header closes it.
    private enum Section {
        case root
        case table(DottedKey)
        case arrayElement(DottedKey)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var line = 1
    var lineStart = 0
    private var root = ConfigTable(line: 1, origin: .header)
    private var section = Section.root
    private var sectionTable = ConfigTable(line: 1, origin: .header)

    static func parse(_ text: String) throws(Failure) -> ConfigTable {
        var text = text
        text.makeContiguousUTF8()
        let result: Result<ConfigTable, Failure> =
            text.utf8.withContiguousStorageIfAvailable { buffer in
                var parser = TOMLParser(bytes: buffer)
                do throws(Failure) {
                    return .success(try parser.document())
                } catch {
                    return .failure(error)
                }
            } ?? .failure(Failure(line: 1, column: 1, message: "the text is not contiguous UTF-8"))
        return try result.get()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: The document

    private mutating func document() throws(Failure) -> ConfigTable {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 } // a UTF-8 BOM
        while true {
            skipSpaces()
            guard let byte = peek() else { break }
            switch byte {
            case ASCII.newline, ASCII.carriageReturn: try newline()
            case ASCII.hash: try comment()
            case ASCII.openBracket:
                try closeSection()
                try header()
            default:
                guard Self.startsKey(byte) else {
                    throw failure("expected a key, a [table] header or a comment, found \(describe(byte))")
                }
                let keyLine = line
                let key = try key()
                try expectEquals()
                let value = try value(depth: 1)
                try Self.insert(key, ConfigNode(value, line: keyLine), into: &sectionTable)
                try endOfLine(after: "the value")
            }
        }
        try closeSection()
        return root
    }

    /// `[a.b]` or `[[a.b]]`, up to the end of its line.
    private mutating func header() throws(Failure) {
        let headerLine = line
        position += 1
        let isArray = peek() == ASCII.openBracket
        if isArray { position += 1 }
        skipSpaces()
        guard let first = peek(), Self.startsKey(first) else {
            throw failure("expected a table name after '\(isArray ? "[[" : "[")', found \(describeNext())")
        }
        let key = try key()
        guard peek() == ASCII.closeBracket else {
            throw failure("expected ']' to close the table header, found \(describeNext())")
        }
        position += 1
        if isArray {
            guard peek() == ASCII.closeBracket else {
                throw failure("expected ']]' to close the array-of-tables header, found \(describeNext())")
            }
            position += 1
        }
        try endOfLine(after: "the table header")
        try Self.walk(key, in: &root, line: headerLine) { table, last throws(Failure) in
            guard let index = table.index(of: last) else {
                table.append(
                    last,
                    ConfigNode(
                        isArray ? .tableArray([]) : .table(ConfigTable(line: headerLine, origin: .header)),
                        line: headerLine))
                return
            }
            let existing = table.entries[index].node
            switch (existing.value, isArray) {
            case (.tableArray, true): return
            case (.table(var opened), false) where opened.origin == .implicit:
                opened.origin = .header
                opened.line = headerLine
                table.entries[index].node = ConfigNode(.table(opened), line: headerLine)
            case (.table(let opened), false):
                throw Self.failure(
                    Self.redefinition(shortened(key.name), opened, firstLine: existing.line), line: headerLine)
            case (.array, true):
                throw Self.failure(
                    "[[\(shortened(key.name))]] cannot add to \(shortened(key.name)): it is an array of values (line "
                        + "\(existing.line))",
                    line: headerLine)
            default:
                throw Self.failure(
                    "\(isArray ? "[[\(shortened(key.name))]]" : "[\(shortened(key.name))]"): \(shortened(key.name)) is "
                        + "already \(existing.value.typeName) (line \(existing.line))",
                    line: headerLine)
            }
        }
        sectionTable = ConfigTable(line: headerLine, origin: .header)
        section = isArray ? .arrayElement(key) : .table(key)
    }

    private static func redefinition(_ name: String, _ table: ConfigTable, firstLine: Int) -> String {
        switch table.origin {
        case .dotted: "[\(name)]: \(name) was defined by dotted keys on line \(firstLine) and cannot be opened again"
        case .inline: "[\(name)]: \(name) is an inline table (line \(firstLine)), complete as written"
        default: "[\(name)] is defined twice (first on line \(firstLine))"
        }
    }

    /// Moves the keys of the section just read into the tree.
    private mutating func closeSection() throws(Failure) {
        let table = sectionTable
        sectionTable = ConfigTable(line: line, origin: .header)
        switch section {
        case .root:
            for entry in table.entries { root.append(entry.key, entry.node) }
        case .table(let key):
            try Self.walk(key, in: &root, line: table.line) { parent, last throws(Failure) in
                guard let index = parent.index(of: last) else { return }
                try parent.modifyTable(at: index) { target throws(Failure) in
                    for entry in table.entries {
                        if let first = target[entry.key] {
                            throw Self.failure(
                                "\(shortened(entry.key)) is defined twice (first on line \(first.line))",
                                line: entry.node.line)
                        }
                        target.append(entry.key, entry.node)
                    }
                }
            }
        case .arrayElement(let key):
            try Self.walk(key, in: &root, line: table.line) { parent, last throws(Failure) in
                guard let index = parent.index(of: last) else { return }
                try parent.modifyTableArray(at: index) { items in
                    items.append(ConfigNode(.table(table), line: table.line))
                }
            }
        }
        section = .root
    }

    private static func walk(
        _ key: DottedKey, in table: inout ConfigTable, line: Int,
        _ body: (inout ConfigTable, String) throws(Failure) -> Void
    ) throws(Failure) {
        if key.rest.isEmpty { return try body(&table, key.first) }
        try walk(key.parts[...], in: &table, line: line, body)
    }

    /// Follows `keys` from `table` down to the table that holds the last key, creating the tables a
    /// header implies and descending into the last element of an array of tables, then runs `body`.
    private static func walk(
        _ keys: ArraySlice<String>, in table: inout ConfigTable, line: Int,
        _ body: (inout ConfigTable, String) throws(Failure) -> Void
    ) throws(Failure) {
        guard let first = keys.first else { return }
        guard keys.count > 1 else { return try body(&table, first) }
        let rest = keys.dropFirst()
        guard let index = table.index(of: first) else {
            var child = ConfigTable(line: line, origin: .implicit)
            try walk(rest, in: &child, line: line, body)
            table.append(first, ConfigNode(.table(child), line: line))
            return
        }
        // No payload is bound here: a second reference would make the in-place changes below copy.
        let origin = table.entries[index].node.value.tableOrigin
        if origin != nil, origin != .inline {
            try table.modifyTable(at: index) { child throws(Failure) in try walk(rest, in: &child, line: line, body) }
        } else if table.entries[index].node.value.tableArrayCount > 0 {
            try table.modifyTableArray(at: index) { items throws(Failure) in
                var last = items.removeLast()
                defer { items.append(last) }
                try ConfigTable.modify(&last.value) { element throws(Failure) in
                    try walk(rest, in: &element, line: line, body)
                }
            }
        } else {
            let node = table.entries[index].node
            throw Self.failure(
                origin == .inline
                    ? "\(shortened(first)) is an inline table (line \(node.line)), complete as written; it cannot be "
                        + "extended"
                    : "\(shortened(first)) is already \(node.value.typeName) (line \(node.line)); it cannot also hold "
                        + "a table",
                line: line)
        }
    }

    /// Adds `key = value` (dotted or not) to a section or inline table.
    static func insert(_ key: DottedKey, _ node: ConfigNode, into table: inout ConfigTable) throws(Failure) {
        guard key.rest.isEmpty else { return try insert(key.parts[...], node, into: &table) }
        if let existing = table.index(of: key.first) {
            throw Self.failure(
                "\(shortened(key.first)) is defined twice (first on line \(table.entries[existing].node.line))",
                line: node.line)
        }
        table.append(key.first, node)
    }

    private static func insert(
        _ keys: ArraySlice<String>, _ node: ConfigNode, into table: inout ConfigTable
    ) throws(Failure) {
        guard let first = keys.first else { return }
        let existing = table.index(of: first)
        if keys.count == 1 {
            if let existing {
                throw Self.failure(
                    "\(shortened(first)) is defined twice (first on line \(table.entries[existing].node.line))",
                    line: node.line)
            }
            table.append(first, node)
            return
        }
        guard let existing else {
            var child = ConfigTable(line: node.line, origin: .dotted)
            try insert(keys.dropFirst(), node, into: &child)
            table.append(first, ConfigNode(.table(child), line: node.line))
            return
        }
        guard table.entries[existing].node.value.tableOrigin == .dotted else {
            let found = table.entries[existing].node
            throw Self.failure(
                "\(shortened(first)) is already \(found.value.typeName) (line \(found.line)); a dotted key cannot add "
                    + "to it",
                line: node.line)
        }
        try table.modifyTable(at: existing) { child throws(Failure) in try insert(keys.dropFirst(), node, into: &child)
        }
    }
}
