/// Reads one TOML table key by key, with errors that name the file, line and key, and rejects the keys
/// it was never asked for (so a typo never passes silently).
package struct TableReader {
    package let source: ConfigSource
    package let path: ConfigPath
    package let table: ConfigTable
    private var asked: [String] = []

    package init(source: ConfigSource, path: ConfigPath, table: ConfigTable) {
        self.source = source
        self.path = path
        self.table = table
        asked.reserveCapacity(table.entries.count + 4)
    }

    /// An error about `key`, on its line (or on the table's line when the key is missing).
    package func error(_ key: String, _ message: String) -> ConfigError {
        ConfigError(
            file: source.file, line: table[key]?.line ?? table.line, key: path.appending(key).description,
            message: message)
    }

    package func error(_ message: String) -> ConfigError {
        ConfigError(file: source.file, line: table.line, key: path.description, message: message)
    }

    package mutating func value(_ key: String) -> ConfigValue? {
        if !asked.contains(key) { asked.append(key) }
        return table[key]?.value
    }

    package mutating func require<T>(
        _ key: String, _ read: (inout TableReader, String) throws(ConfigError) -> T?
    ) throws(ConfigError) -> T {
        guard let value = try read(&self, key) else { throw error(key, "is required") }
        return value
    }

    package mutating func string(_ key: String) throws(ConfigError) -> String? {
        switch value(key) {
        case nil: return nil
        case .string(let text): return text
        case let other?: throw error(key, "must be a string, not \(other.typeName)")
        }
    }

    /// A name or label: a string of at most `maxLength` characters with no control characters, so that
    /// it can be shown on one line of a terminal.
    package mutating func printable(_ key: String, maxLength: Int) throws(ConfigError) -> String? {
        guard let text = try string(key) else { return nil }
        // Printable ASCII, the common case, needs no look at Unicode's tables.
        if text.utf8.count <= maxLength, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        guard text.utf8.count <= maxLength * 4, text.count <= maxLength else {
            throw error(key, "is longer than \(maxLength) characters")
        }
        // Control and format characters, and the line and paragraph separators (U+2028, U+2029), which
        // would break the one line a name is shown on.
        let control = text.unicodeScalars.contains {
            [.control, .format, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory)
        }
        guard !control else { throw error(key, "contains control characters") }
        return text
    }

    package mutating func integer(_ key: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        switch value(key) {
        case nil: return nil
        case .integer(let number):
            guard range.contains(number) else {
                throw error(key, "\(number) is out of range \(range.lowerBound)...\(range.upperBound)")
            }
            return number
        case let other?: throw error(key, "must be an integer, not \(other.typeName)")
        }
    }

    /// Basis points: an integer from 0 to `max`.
    package mutating func basisPoints(_ key: String, max: Int = 10_000) throws(ConfigError) -> UInt128? {
        try integer(key, in: 0...max).map { UInt128($0) }
    }

    /// A number, integer or float, within `range`.
    package mutating func number(_ key: String, in range: ClosedRange<Double>) throws(ConfigError) -> Double? {
        let value: Double
        switch self.value(key) {
        case nil: return nil
        case .integer(let number): value = Double(number)
        case .float(let number, _): value = number
        case let other?: throw error(key, "must be a number, not \(other.typeName)")
        }
        guard range.contains(value) else {
            throw error(key, "\(value) is out of range \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    package mutating func bool(_ key: String) throws(ConfigError) -> Bool? {
        switch value(key) {
        case nil: return nil
        case .bool(let flag): return flag
        case let other?: throw error(key, "must be true or false, not \(other.typeName)")
        }
    }

    /// A decimal amount written as a TOML number or a decimal string, converted exactly as written.
    package mutating func decimal(_ key: String, decimals: Int) throws(ConfigError) -> UInt128? {
        guard let node = value(key) else { return nil }
        do {
            return try Self.decimal(node, decimals: decimals)
        } catch {
            throw self.error(key, error.message)
        }
    }

    /// What is wrong with a value, before the caller names its place.
    package struct ValueProblem: Error {
        package let message: String
    }

    package static func decimal(_ node: ConfigValue, decimals: Int) throws(ValueProblem) -> UInt128 {
        let text: String
        switch node {
        case .string(let string): text = string
        case .integer(let number): text = String(number)
        case .float(let number, let written):
            guard number.isFinite else { throw ValueProblem(message: "must be a finite decimal number") }
            // The text as written keeps every digit; a Double would not, so never fall back to it.
            text = written
        default: throw ValueProblem(message: "must be a decimal number or a decimal string, not \(node.typeName)")
        }
        do {
            return try DecimalAmount.parse(text, decimals: decimals)
        } catch {
            throw ValueProblem(message: error.description)
        }
    }

    /// The entries of the table at `key`, for a reader that takes every entry itself (so no key can
    /// pass unread); nil when the key is absent.
    package mutating func entries(_ key: String) throws(ConfigError) -> [ConfigTable.Entry]? {
        switch value(key) {
        case nil: return nil
        case .table(let table): return table.entries
        case let other?: throw error(key, "must be a table, not \(other.typeName)")
        }
    }

    /// An error about one entry of the table at `key`, on the entry's line.
    package func error(_ key: String, _ entry: ConfigTable.Entry, _ message: String) -> ConfigError {
        ConfigError(
            file: source.file, line: entry.node.line, key: path.appending(key).appending(entry.key).description,
            message: message)
    }

    package mutating func table(_ key: String) throws(ConfigError) -> TableReader? {
        switch value(key) {
        case nil: return nil
        case .table(let table): return TableReader(source: source, path: path.appending(key), table: table)
        case let other?: throw error(key, "must be a table, not \(other.typeName)")
        }
    }

    /// An array of tables (`[[key]]`).
    package mutating func tables(_ key: String) throws(ConfigError) -> [TableReader] {
        switch value(key) {
        case nil: return []
        case .array(let items), .tableArray(let items):
            var readers: [TableReader] = []
            readers.reserveCapacity(items.count)
            let arrayPath = path.appending(key)
            for (index, item) in items.enumerated() {
                guard case .table(let table) = item.value else {
                    throw ConfigError(
                        file: source.file, line: item.line, key: arrayPath.appending(index: index).description,
                        message: "must be a table, not \(item.value.typeName)")
                }
                readers.append(TableReader(source: source, path: arrayPath.appending(index: index), table: table))
            }
            return readers
        case let other?: throw error(key, "must be an array of tables ([[\(key)]]), not \(other.typeName)")
        }
    }

    package mutating func strings(_ key: String) throws(ConfigError) -> [String]? {
        switch value(key) {
        case nil: return nil
        case .array(let items):
            var result: [String] = []
            for (index, item) in items.enumerated() {
                guard case .string(let text) = item.value else {
                    throw ConfigError(
                        file: source.file, line: item.line,
                        key: path.appending(key).appending(index: index).description,
                        message: "must be a string, not \(item.value.typeName)")
                }
                result.append(text)
            }
            return result
        case let other?: throw error(key, "must be an array of strings, not \(other.typeName)")
        }
    }

    /// Rejects every key that was never asked for, suggesting the closest known one.
    package func finish() throws(ConfigError) {
        for key in table.keys where !asked.contains(key) {
            var message = "unknown key"
            if key.count > 64 {
                message += "; known keys here: \(asked.joined(separator: ", "))"
            } else if let suggestion = asked.min(by: { editDistance($0, key) < editDistance($1, key) }),
                editDistance(suggestion, key) <= max(2, key.count / 3)
            {
                message += "; did you mean \"\(suggestion)\"?"
            } else if !asked.isEmpty {
                message += "; known keys here: \(asked.joined(separator: ", "))"
            }
            throw error(key, message)
        }
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
