/// One key of a scenario file, declared once: its name, how it is read (type and bounds), its default and
/// what it means. The loader reads the key through this declaration, the settings take their defaults
/// from it, and `ScenarioKeys.markdown()` writes the documentation's tables from it, so no default or
/// bound is ever written twice.
package struct ScenarioKey<Value: Sendable>: Sendable, DocumentedKey {
    package typealias Reader = @Sendable (inout TableReader, String) throws(ConfigError) -> Value?

    package let name: String
    package let summary: String
    /// The value when the key is absent; nil when the key is required or its default is computed.
    package let defaultValue: Value?
    /// A stablecoin's default where it differs (`[[assets]]` only).
    package let stableDefault: Value?
    /// The values it takes and the default, as the documentation shows them.
    package let valuesText: String
    package let defaultText: String
    let reader: Reader

    init(
        _ name: String, _ summary: String, values valuesText: String, default defaultValue: Value?,
        stableDefault: Value? = nil, defaultText: String, reader: @escaping Reader
    ) {
        self.name = name
        self.summary = summary
        self.valuesText = valuesText
        self.defaultValue = defaultValue
        self.stableDefault = stableDefault
        self.defaultText = defaultText
        self.reader = reader
    }

    package var documentation: KeyDocumentation {
        KeyDocumentation(name: name, summary: summary, valuesText: valuesText, defaultText: defaultText)
    }

    /// The default, which a key without one must not be asked for.
    package var fallback: Value {
        guard let defaultValue else { preconditionFailure("scenario key \(name) has no default") }
        return defaultValue
    }
}

/// A key as the documentation lists it.
package struct KeyDocumentation: Sendable, Equatable {
    package let name: String
    package let summary: String
    package let valuesText: String
    package let defaultText: String
}

/// Anything the documentation lists as a key, whatever its value's type.
package protocol DocumentedKey: Sendable {
    var documentation: KeyDocumentation { get }
}

/// A section of the file: a table (`[network]`), an array of tables (`[[assets]]`) or the top level.
package protocol ScenarioKeySection: Sendable {
    /// The TOML key of the section; empty for the top level.
    var table: String { get }
    /// `[name]` or `[[name]]`.
    var heading: String { get }
    /// What the section is for, one line.
    var summary: String { get }
}

extension ScenarioKeySection {
    /// The section's keys, in the order they are declared.
    package var keys: [KeyDocumentation] {
        Mirror(reflecting: self).children.compactMap { ($0.value as? any DocumentedKey)?.documentation }
    }
}

extension TableReader {
    /// The key's value, its default when it is absent, or an error when it is required.
    package mutating func read<Value>(_ key: ScenarioKey<Value>) throws(ConfigError) -> Value {
        if let value = try key.reader(&self, key.name) { return value }
        guard let fallback = key.defaultValue else { throw error(key.name, "is required") }
        return fallback
    }

    /// The key's value, or nil when it is absent (for keys whose default is computed).
    package mutating func readIfPresent<Value>(_ key: ScenarioKey<Value>) throws(ConfigError) -> Value? {
        try key.reader(&self, key.name)
    }

    /// An `[[assets]]` key whose default differs for stablecoins.
    package mutating func read<Value>(_ key: ScenarioKey<Value>, stable: Bool) throws(ConfigError) -> Value {
        if let value = try key.reader(&self, key.name) { return value }
        return stable ? (key.stableDefault ?? key.fallback) : key.fallback
    }

    /// The section's table, or nil when the file has none.
    package mutating func section(_ section: some ScenarioKeySection) throws(ConfigError) -> TableReader? {
        try table(section.table)
    }

    /// The section's array of tables.
    package mutating func sections(_ section: some ScenarioKeySection) throws(ConfigError) -> [TableReader] {
        try tables(section.table)
    }
}
