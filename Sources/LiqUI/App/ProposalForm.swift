import LiqCore

/// The governance proposal form: an asset, its risk parameters with the values typed over them (in per
/// cent, as Aave writes them: a bonus of 105 % is 5 %), previewed before it is proposed.
public struct ProposalForm: Equatable, Sendable {
    public var asset: Int
    /// The focused parameter, an index into `RiskParameter.allCases`.
    public var field = 1
    /// What was typed per parameter; nil: unchanged.
    public var texts: [String?] = Array(repeating: nil, count: RiskParameter.allCases.count)
    /// The asset's parameters now (bps), from the snapshot when the form opened or the asset changed.
    public var current: [UInt128]

    public init(asset: Int, current: [UInt128]) {
        self.asset = asset
        self.current = current
    }

    /// A typed value: for `paused` 1 or 0; otherwise bps, from a percentage with up to two decimals, at most
    /// 200 %.
    static func value(_ text: String, for parameter: RiskParameter) -> UInt128? {
        guard parameter == .paused else { return bps(text) }
        return text == "1" ? 1 : text == "0" ? 0 : nil
    }

    static func bps(_ text: String) -> UInt128? {
        guard let value = Double(text), value.isFinite, value >= 0, value <= 200,
            text.split(separator: ".").dropFirst().first.map({ $0.count <= 2 }) ?? true
        else { return nil }
        return UInt128((value * 100).rounded())
    }

    /// Why the typed text is not a proposal, in words; nil when it is one (the protocol's own checks are the
    /// preview's).
    public var problem: String? {
        for (index, text) in texts.enumerated() {
            guard let text else { continue }
            let parameter = RiskParameter.allCases[index]
            if Self.value(text, for: parameter) == nil {
                return parameter == .paused
                    ? "paused: type 1 to pause the reserve, 0 to unpause it"
                    : "\(parameter.label): \"\(text)\" is not a percentage from 0 to 200"
            }
        }
        return changes.isEmpty ? "type a new value for at least one parameter" : nil
    }

    /// The changes typed, those that differ from today's values.
    public var changes: [RiskParameter: UInt128] {
        var changes: [RiskParameter: UInt128] = [:]
        for (index, parameter) in RiskParameter.allCases.enumerated() {
            guard let text = texts[index], let value = Self.value(text, for: parameter),
                index >= current.count || value != current[index]
            else { continue }
            changes[parameter] = value
        }
        return changes
    }

    /// The proposal, once every typed value reads.
    public var proposal: Proposal? {
        let readable = zip(texts, RiskParameter.allCases).allSatisfy { text, parameter in
            text.map { Self.value($0, for: parameter) != nil } ?? true
        }
        guard readable, !changes.isEmpty else { return nil }
        return Proposal(asset: asset, changes: changes)
    }

    /// Today's parameters as a configuration, for the PoolConfigurator's checks.
    public var configuration: ReserveConfiguration {
        var configuration = ReserveConfiguration(symbol: "", decimals: 0)
        for (index, parameter) in RiskParameter.allCases.enumerated() where index < current.count {
            parameter.set(current[index], in: &configuration)
        }
        return configuration
    }

    mutating func type(_ character: Character) {
        let text = texts[field] ?? ""
        if text.count < 6 { texts[field] = text + String(character) }
    }

    mutating func erase() {
        guard let text = texts[field] else { return }
        texts[field] = text.isEmpty ? nil : String(text.dropLast())
        if texts[field]?.isEmpty == true { texts[field] = nil }
    }
}
