/// A value set from outside the file (`liqtop risk --set KEY=VALUE`): a dotted path into the scenario, where
/// an array of tables is entered by its entry's `symbol` or `id` (`assets.WETH.liquidation_threshold_bps`)
/// or index, and the value in TOML (a bare word is taken as a string). The loader then reads the changed
/// tree as it reads a file, with the same checks; an overridden value's errors carry line 0.
package struct ConfigOverride: Sendable {
    package var path: [String]
    package var value: ConfigValue

    /// Parses `KEY=VALUE`'s two sides.
    package init(key: String, value text: String) throws(TableReader.ValueProblem) {
        let path = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.isEmpty, path.allSatisfy({ !$0.isEmpty }) else {
            throw TableReader.ValueProblem(message: "\(quoted(key)) is not a key path (as bots.count)")
        }
        self.path = path
        if let parsed = try? TOMLParser.parse("v = \(text)"), let node = parsed["v"] {
            value = node.value
        } else if !text.isEmpty, !text.contains("\""), !text.contains("\n") {
            value = .string(text)
        } else {
            throw TableReader.ValueProblem(message: "\(quoted(text)) is not a TOML value")
        }
    }

    /// Sets the value in `root`, creating the tables on the way that the file did not have.
    package func apply(to root: inout ConfigTable) throws(TableReader.ValueProblem) {
        try Self.set(path[...], value, in: &root)
    }

    private static func set(
        _ path: ArraySlice<String>, _ value: ConfigValue, in table: inout ConfigTable
    )
        throws(TableReader.ValueProblem)
    {
        let key = path.first!
        let rest = path.dropFirst()
        guard !rest.isEmpty else {
            table.set(key, ConfigNode(value, line: 0))
            return
        }
        switch table[key]?.value {
        case nil:
            var child = ConfigTable(line: 0, origin: .header)
            try set(rest, value, in: &child)
            table.set(key, ConfigNode(.table(child), line: 0))
        case .table(var child):
            try set(rest, value, in: &child)
            table.set(key, ConfigNode(.table(child), line: table[key]!.line))
        case .tableArray(var items), .array(var items):
            let selector = rest.first!
            guard let index = Self.entry(selector, in: items) else {
                throw TableReader.ValueProblem(message: "\(key) has no entry \(quoted(selector))")
            }
            guard case .table(var child) = items[index].value, rest.count > 1 else {
                throw TableReader.ValueProblem(message: "\(key).\(selector) needs a key after it")
            }
            try set(rest.dropFirst(), value, in: &child)
            items[index].value = .table(child)
            let line = table[key]!.line
            if case .tableArray = table[key]!.value {
                table.set(key, ConfigNode(.tableArray(items), line: line))
            } else {
                table.set(key, ConfigNode(.array(items), line: line))
            }
        case let other?:
            throw TableReader.ValueProblem(message: "\(key) is \(other.typeName), not a table")
        }
    }

    /// The entry whose `symbol` or `id` is `selector`, or the one at that index.
    private static func entry(_ selector: String, in items: [ConfigNode]) -> Int? {
        let named = items.firstIndex { item in
            guard case .table(let table) = item.value else { return false }
            for field in ["symbol", "id"] {
                switch table[field]?.value {
                case .string(let text) where text == selector: return true
                case .integer(let number) where String(number) == selector: return true
                default: continue
                }
            }
            return false
        }
        if let named { return named }
        return Int(selector).flatMap { items.indices.contains($0) ? $0 : nil }
    }
}

extension ConfigTable {
    /// Replaces `key`'s node, or adds the key.
    mutating func set(_ key: String, _ node: ConfigNode) {
        if let index = index(of: key) {
            entries[index].node = node
        } else {
            append(key, node)
        }
    }
}
