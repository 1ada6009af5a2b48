/// `[governance]`, and the new parameters of a `[[events]]` entry of kind `proposal`.
extension ScenarioLoader {
    static func readGovernance(_ root: inout TableReader) throws(ConfigError) -> GovernanceTimes {
        let keys = ScenarioKeys.governance
        var times = GovernanceTimes()
        guard var reader = try root.section(keys) else { return times }
        times.votingDelaySeconds = try reader.read(keys.votingDelay)
        times.votingSeconds = try reader.read(keys.voting)
        times.timelockSeconds = try reader.read(keys.timelock)
        times.graceSeconds = try reader.read(keys.grace)
        try reader.finish()
        return times
    }

    /// A proposal's parameters for `asset`: at least one, and a set the PoolConfigurator would accept.
    static func readProposal(
        _ reader: inout TableReader, asset: Int, assets: [AssetSpec]
    ) throws(ConfigError) -> Proposal {
        let keys = ScenarioKeys.events
        var changes: [RiskParameter: UInt128] = [:]
        let fields: [(RiskParameter, ScenarioKey<UInt128>)] = [
            (.ltvBps, keys.ltv), (.liquidationThresholdBps, keys.liquidationThreshold),
            (.liquidationBonusBps, keys.liquidationBonus), (.liquidationProtocolFeeBps, keys.protocolFee),
            (.reserveFactorBps, keys.reserveFactor),
        ]
        for (parameter, key) in fields {
            if let value = try reader.readIfPresent(key) { changes[parameter] = value }
        }
        if let paused = try reader.readIfPresent(keys.paused) { changes[.paused] = paused ? 1 : 0 }
        let proposal = Proposal(asset: asset, changes: changes)
        if let problem = proposal.problem(with: assets[asset].configuration) {
            let key =
                fields.first { changes[$0.0] != nil }?.1.name ?? (changes.isEmpty ? keys.kind.name : keys.paused.name)
            throw reader.error(key, "\(assets[asset].symbol): \(problem)")
        }
        return proposal
    }

    /// A `proposal` event: governance's, or with `steward = true` the risk steward's (within its bounds).
    static func proposalCommand(
        _ reader: inout TableReader, asset: Int, assets: [AssetSpec]
    ) throws(ConfigError) -> Command {
        let keys = ScenarioKeys.events
        let proposal = try readProposal(&reader, asset: asset, assets: assets)
        guard try reader.read(keys.steward) else { return .propose(proposal) }
        if let problem = RiskSteward.boundsProblem(proposal, configuration: assets[asset].configuration) {
            throw reader.error(keys.steward.name, "\(assets[asset].symbol): \(problem)")
        }
        return .stewardUpdate(proposal)
    }
}
