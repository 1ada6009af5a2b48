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
        // One value: a line break would let the text add keys of its own ("1\nx = 2").
        guard !text.contains(where: \.isNewline) else {
            throw TableReader.ValueProblem(message: "a value is one line; \(quoted(text)) has a line break")
        }
        if let parsed = try? TOMLParser.parse("v = \(text)"), let node = parsed["v"] {
            value = node.value
        } else if !text.isEmpty, text.unicodeScalars.allSatisfy(Self.isBareWord), !Self.looksNumeric(text) {
            // A bare word (eu, WETH, my-pool) is a string; anything else TOML refused is an error, not a string.
            value = .string(text)
        } else if Self.looksNumeric(text) {
            throw TableReader.ValueProblem(message: "\(quoted(text)) is not a number TOML can hold")
        } else {
            throw TableReader.ValueProblem(
                message: "\(quoted(text)) is not a TOML value (strings in quotes, arrays in [ ] closed)")
        }
    }

    /// What a bare word of `--set` may hold: ASCII letters and digits, `_ - . : /`.
    static func isBareWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "_-.:/".unicodeScalars.contains(scalar))
    }

    /// Digits with a sign, a point or an exponent only: meant as a number.
    static func looksNumeric(_ text: String) -> Bool {
        guard let first = text.first, first.isNumber || first == "-" || first == "+" || first == "." else {
            return false
        }
        return text.allSatisfy { $0.isNumber || "+-._eE".contains($0) }
    }

    /// Sets the value in `root`, creating the tables on the way that the file did not have. Returns the key's
    /// path with every array entry by its index (`assets.0.liquidation_bonus_bps` for `assets.WETH.…`), so that
    /// two overrides naming one key two ways can be told apart from two keys.
    @discardableResult
    package func apply(to root: inout ConfigTable) throws(TableReader.ValueProblem) -> String {
        var resolved: [String] = []
        try Self.set(path[...], value, in: &root, resolved: &resolved)
        return resolved.joined(separator: ".")
    }

    private static func set(
        _ path: ArraySlice<String>, _ value: ConfigValue, in table: inout ConfigTable, resolved: inout [String]
    )
        throws(TableReader.ValueProblem)
    {
        let key = path.first!
        let rest = path.dropFirst()
        resolved.append(key)
        guard !rest.isEmpty else {
            table.set(key, ConfigNode(value, line: 0))
            return
        }
        switch table[key]?.value {
        case nil:
            var child = ConfigTable(line: 0, origin: .header)
            try set(rest, value, in: &child, resolved: &resolved)
            table.set(key, ConfigNode(.table(child), line: 0))
        case .table(var child):
            try set(rest, value, in: &child, resolved: &resolved)
            table.set(key, ConfigNode(.table(child), line: table[key]!.line))
        case .tableArray(var items), .array(var items):
            let selector = rest.first!
            guard let index = Self.entry(selector, in: items) else {
                let names = items.compactMap(Self.name)
                let known = names.isEmpty ? "" : " (entries: \(names.joined(separator: ", ")), or an index from 0)"
                throw TableReader.ValueProblem(message: "\(key) has no entry \(quoted(selector))\(known)")
            }
            guard case .table(var child) = items[index].value else {
                throw TableReader.ValueProblem(message: "\(key).\(selector) is a value, not a table of keys")
            }
            guard rest.count > 1 else {
                throw TableReader.ValueProblem(message: "\(key).\(selector) needs a key after it")
            }
            resolved.append(String(index))
            try set(rest.dropFirst(), value, in: &child, resolved: &resolved)
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

    /// An entry's `symbol` or `id`, as `--set` names it.
    private static func name(_ item: ConfigNode) -> String? {
        guard case .table(let table) = item.value else { return nil }
        for field in ["symbol", "id"] {
            switch table[field]?.value {
            case .string(let text): return text
            case .integer(let number): return String(number)
            default: continue
            }
        }
        return nil
    }

    /// The entry whose `symbol`, `id` or `asset` (a price path's) is `selector`, or the one at that index.
    private static func entry(_ selector: String, in items: [ConfigNode]) -> Int? {
        let named = items.firstIndex { item in
            guard case .table(let table) = item.value else { return false }
            for field in ["symbol", "id", "asset"] {
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
