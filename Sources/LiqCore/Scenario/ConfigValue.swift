import TOMLKit

/// A parsed TOML value as a plain Swift value, detached from TOMLKit's C++ nodes.
package indirect enum ConfigValue: Sendable {
    case table([String: ConfigValue])
    case array([ConfigValue])
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case other(String)

    init(_ node: TOMLValueConvertible) {
        switch node.type {
        case .table:
            var entries: [String: ConfigValue] = [:]
            if let table = node.table {
                for key in table.keys { if let child = table[key] { entries[key] = ConfigValue(child) } }
            }
            self = .table(entries)
        case .array: self = .array(node.array.map { $0.map(ConfigValue.init) } ?? [])
        case .string: self = .string(node.string ?? "")
        case .int: self = .integer(node.int ?? 0)
        case .double: self = .float(node.double ?? 0)
        case .bool: self = .bool(node.bool ?? false)
        case .date, .time, .dateTime: self = .other("date or time")
        }
    }

    var typeName: String {
        switch self {
        case .table: "a table"
        case .array: "an array"
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a floating-point number"
        case .bool: "a boolean"
        case .other(let name): "a \(name)"
        }
    }
}

/// A configuration file being read: its name and text, for errors that name the line and key.
package struct ConfigSource: Sendable {
    package let file: String
    package let locator: SourceLocator

    /// Parses `text`; a syntax error names the file, line and column.
    package static func parse(_ text: String, file: String) throws(ConfigError) -> (ConfigSource, TableReader) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(file: file, line: error.source.begin.line, key: "syntax",
                              message: "\(error.description) (column \(error.source.begin.column))")
        } catch {
            throw ConfigError(file: file, line: nil, key: "syntax", message: "\(error)")
        }
        let source = ConfigSource(file: file, locator: SourceLocator(text: text))
        guard case .table(let entries) = ConfigValue(table) else {
            throw ConfigError(file: file, line: nil, key: "syntax", message: "not a TOML table")
        }
        return (source, TableReader(source: source, path: ConfigPath(), entries: entries))
    }

    package func error(_ path: ConfigPath, _ message: String) -> ConfigError {
        ConfigError(file: file, line: locator.line(of: path), key: path.description, message: message)
    }
}
