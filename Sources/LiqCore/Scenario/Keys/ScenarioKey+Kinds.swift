/// The kinds of key a scenario file has. Each reads its value with its bounds (an error names the key and
/// the range) and describes those bounds for the documentation.
extension ScenarioKey where Value == Int {
    static func integer(
        _ name: String, _ range: ClosedRange<Int>, default value: Int?, stable: Int? = nil,
        _ summary: String, defaultText: String? = nil
    ) -> Self {
        Self(
            name, summary, values: KeyText.range(range), default: value, stableDefault: stable,
            defaultText: defaultText ?? KeyText.defaultText(value.map(String.init), stable: stable.map(String.init))
        ) {
            reader, key throws(ConfigError) in try reader.integer(key, in: range)
        }
    }
}

extension ScenarioKey where Value == Double {
    static func number(
        _ name: String, _ range: ClosedRange<Double>, default value: Double?,
        _ summary: String, defaultText: String? = nil
    ) -> Self {
        Self(
            name, summary, values: KeyText.range(range), default: value,
            defaultText: defaultText ?? KeyText.defaultText(value.map(KeyText.number))
        ) {
            reader, key throws(ConfigError) in try reader.number(key, in: range)
        }
    }
}

extension ScenarioKey where Value == UInt128 {
    /// Basis points, an integer from 0 to `max` (10000 is 100 %).
    static func basisPoints(
        _ name: String, max: Int = 10_000, default value: UInt128?,
        _ summary: String
    ) -> Self {
        Self(
            name, summary, values: "0 to \(KeyText.integer(max)) bps", default: value,
            defaultText: KeyText.defaultText(value.map { String($0) })
        ) {
            reader, key throws(ConfigError) in try reader.basisPoints(key, max: max)
        }
    }

    /// Whole US dollars, an integer within `range`.
    static func dollars(
        _ name: String, _ range: ClosedRange<Int>, default value: UInt128?,
        _ summary: String
    ) -> Self {
        Self(
            name, summary, values: "\(KeyText.range(range)) USD", default: value,
            defaultText: KeyText.defaultText(value.map { String($0) })
        ) {
            reader, key throws(ConfigError) in try reader.integer(key, in: range).map { UInt128($0) }
        }
    }
}

extension ScenarioKey where Value == Bool {
    static func flag(_ name: String, default value: Bool?, _ summary: String, defaultText: String? = nil) -> Self {
        Self(
            name, summary, values: "true or false", default: value,
            defaultText: defaultText ?? KeyText.defaultText(value.map { String($0) })
        ) {
            reader, key throws(ConfigError) in try reader.bool(key)
        }
    }
}

extension ScenarioKey where Value == String {
    /// A name or label shown on one line: printable, at most `maxLength` characters.
    static func text(
        _ name: String, maxLength: Int, default value: String?, _ summary: String,
        defaultText: String? = nil
    ) -> Self {
        Self(
            name, summary, values: "text, at most \(maxLength) characters", default: value,
            defaultText: defaultText ?? KeyText.defaultText(value.map { "\"\($0)\"" })
        ) {
            reader, key throws(ConfigError) in try reader.printable(key, maxLength: maxLength)
        }
    }

    /// A string the loader checks itself (a symbol, a region, a rule set): `values` says which.
    static func string(
        _ name: String, values: String, default value: String?, _ summary: String,
        defaultText: String? = nil
    ) -> Self {
        Self(
            name, summary, values: values, default: value,
            defaultText: defaultText ?? KeyText.defaultText(value.map { "\"\($0)\"" })
        ) {
            reader, key throws(ConfigError) in try reader.string(key)
        }
    }
}

extension ScenarioKey where Value == [String] {
    /// An array of strings the loader checks itself (symbols, regions).
    static func strings(_ name: String, values: String, default value: [String]?, _ summary: String) -> Self {
        Self(
            name, summary, values: values, default: value,
            defaultText: KeyText.defaultText(value.map { "[" + $0.map { "\"\($0)\"" }.joined(separator: ", ") + "]" })
        ) {
            reader, key throws(ConfigError) in try reader.strings(key)
        }
    }
}

extension ScenarioKey where Value == Void {
    /// A key whose reading depends on the rest of the file (an amount in an asset's units, a table of
    /// amounts per symbol): declared here for its name and documentation, read by the loader.
    static func documented(_ name: String, values: String, defaultText: String, _ summary: String) -> Self {
        Self(name, summary, values: values, default: nil, defaultText: defaultText) { _, _ throws(ConfigError) in nil }
    }
}

/// How bounds and defaults are written in the documentation.
enum KeyText {
    static func defaultText(_ value: String?, stable: String? = nil) -> String {
        guard let value else { return "required" }
        guard let stable, stable != value else { return value }
        return "\(value) (\(stable) for stablecoins)"
    }

    static func integer(_ value: Int) -> String { DecimalAmount.grouped(value) }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    static func range(_ range: ClosedRange<Int>) -> String {
        range.upperBound == Int.max
            ? "\(integer(range.lowerBound)) or more"
            : "\(integer(range.lowerBound)) to \(integer(range.upperBound))"
    }

    static func range(_ range: ClosedRange<Double>) -> String {
        func show(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? integer(Int(value)) : String(value)
        }
        return "\(show(range.lowerBound)) to \(show(range.upperBound))"
    }
}
