/// A value read from a TOML file, with the line it was written on.
package struct ConfigNode: Sendable {
    package var value: ConfigValue
    package var line: Int

    package init(_ value: ConfigValue, line: Int) {
        self.value = value
        self.line = line
    }
}

/// A parsed TOML value as a plain Swift value.
package enum ConfigValue: Sendable {
    case table(ConfigTable)
    /// An array written as a value: `[1, 2]`, `[{ a = 1 }]`.
    case array([ConfigNode])
    /// An array of tables written as `[[key]]` sections.
    case tableArray([ConfigNode])
    case string(String)
    case integer(Int)
    /// A float keeps its text as written, so that a decimal amount can be read exactly.
    case float(Double, text: String)
    case bool(Bool)
    case dateTime(String)

    package var typeName: String {
        switch self {
        case .table: "a table"
        case .array: "an array"
        case .tableArray: "an array of tables"
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a floating-point number"
        case .bool: "a boolean"
        case .dateTime: "a date or time"
        }
    }

    /// The elements of either kind of array.
    package var elements: [ConfigNode]? {
        switch self {
        case .array(let items), .tableArray(let items): items
        default: nil
        }
    }
}

/// A TOML table: its keys in the order written, each with its node.
package struct ConfigTable: Sendable {
    /// How a table came to be, which decides how it may be extended later (TOML 1.0 §Table).
    package enum Origin: Sendable {
        /// Opened by a `[header]`, or the root.
        case header
        /// Created on the way to a deeper header (`[a]` for `[a.b]`); may still be opened once.
        case implicit
        /// Created by a dotted key (`a.b = 1`); only more dotted keys may add to it.
        case dotted
        /// Written inline (`{ … }`); complete as written.
        case inline
    }

    package struct Entry: Sendable {
        package var key: String
        package var node: ConfigNode
    }

    /// The keys in the order written, with their nodes (one array: a market file holds millions of tables).
    package internal(set) var entries: [Entry] = []
    /// Key positions, kept only once a table outgrows a linear search.
    private var positions: [String: Int] = [:]
    package internal(set) var line: Int
    package internal(set) var origin: Origin

    private static let linearLimit = 12

    package init(line: Int, origin: Origin) {
        self.line = line
        self.origin = origin
    }

    package var keys: some Collection<String> { entries.lazy.map(\.key) }

    package func index(of key: String) -> Int? {
        if entries.count > Self.linearLimit { return positions[key] }
        return entries.firstIndex { $0.key == key }
    }

    package subscript(key: String) -> ConfigNode? {
        index(of: key).map { entries[$0].node }
    }

    /// Adds a key that is not yet present (the parser checks that first).
    mutating func append(_ key: String, _ node: ConfigNode) {
        entries.append(Entry(key: key, node: node))
        if entries.count > Self.linearLimit {
            if positions.isEmpty {
                for (offset, entry) in entries.enumerated() { positions[entry.key] = offset }
            } else {
                positions[key] = entries.count - 1
            }
        }
    }
}

/// A configuration file being read: its name and parsed tree, for errors that name the line and key.
package struct ConfigSource: Sendable {
    package let file: String
    package let root: ConfigTable

    /// Parses `text`; a syntax error names the file, the line and the column.
    package static func parse(_ text: String, file: String) throws(ConfigError) -> (ConfigSource, TableReader) {
        let root: ConfigTable
        do {
            root = try TOMLParser.parse(text)
        } catch {
            let place = error.column.map { " (column \($0))" } ?? ""
            throw ConfigError(file: file, line: error.line, key: "syntax", message: error.message + place)
        }
        let source = ConfigSource(file: file, root: root)
        return (source, TableReader(source: source, path: ConfigPath(), table: root))
    }

    package func error(_ path: ConfigPath, _ message: String) -> ConfigError {
        ConfigError(file: file, line: line(of: path), key: path.description, message: message)
    }

    /// The line of `path`, or of the deepest part of it that exists (the root is line 1).
    package func line(of path: ConfigPath) -> Int {
        var line = 1
        var current = ConfigValue.table(root)
        for component in path.components {
            let next: ConfigNode?
            switch (component, current) {
            case (.key(let key), .table(let table)):
                line = table.line
                next = table[key]
            case (.index(let index), _):
                next = current.elements.flatMap { index >= 0 && index < $0.count ? $0[index] : nil }
            default:
                next = nil
            }
            guard let next else { return line }
            line = next.line
            current = next.value
        }
        return line
    }
}
