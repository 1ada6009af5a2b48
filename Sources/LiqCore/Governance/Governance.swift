/// Aave's governance process for a proposal, in simulated time: a voting delay, the vote, the timelock,
/// then a grace period in which it must be executed, by a transaction in a block, or it expires. Votes
/// are not modelled: a proposal passes.
public struct GovernanceTimes: Sendable, Equatable {
    public var votingDelaySeconds = ScenarioKeys.governance.votingDelay.fallback
    public var votingSeconds = ScenarioKeys.governance.voting.fallback
    public var timelockSeconds = ScenarioKeys.governance.timelock.fallback
    public var graceSeconds = ScenarioKeys.governance.grace.fallback
    public init() {}
}

/// A proposal on its way through governance.
public struct ProposalRecord: Sendable, Equatable {
    public enum State: String, Sendable, Equatable {
        case pending, voting, queued, executed, expired
        /// Its execution reverted: the parameters had changed so that the configurator refuses it.
        case failed
    }

    public var id: Int
    public var proposal: Proposal
    public var state: State = .pending
    /// Made by the risk steward: no vote and no timelock, executed in the next block.
    public var byRiskSteward = false
    public var proposedAtMs: Int64
    public var votingStartsMs: Int64
    public var votingEndsMs: Int64
    /// When the timelock lets it execute, and when its grace period ends.
    public var executableMs: Int64
    public var expiresMs: Int64

    init(id: Int, proposal: Proposal, at time: Int64, times: GovernanceTimes) {
        self.id = id
        self.proposal = proposal
        proposedAtMs = time
        votingStartsMs = time + Int64(times.votingDelaySeconds) * 1_000
        votingEndsMs = votingStartsMs + Int64(times.votingSeconds) * 1_000
        executableMs = votingEndsMs + Int64(times.timelockSeconds) * 1_000
        expiresMs = executableMs + Int64(times.graceSeconds) * 1_000
    }

    /// The next moment its state changes, for the header's countdown; nil once it is done.
    public var nextChangeMs: Int64? {
        switch state {
        case .pending: votingStartsMs
        case .voting: votingEndsMs
        case .queued: executableMs
        case .executed, .expired, .failed: nil
        }
    }
}

/// Aave's risk steward (the Manual Aave Generalized Risk Stewards, activated in 2024 by BGD Labs' AIP
/// "Aave Generalized Risk Stewards (AGRS) activation"): small changes within bounds, without a vote, by the
/// risk providers' multisig. At most 0.25 % (absolute) of LTV or liquidation threshold and 0.5 % of
/// liquidation bonus per update, and 3 days between two updates of the same parameter of a reserve.
public enum RiskSteward {
    public static let minimumDelayMs: Int64 = 3 * 86_400_000

    /// The largest change allowed per update, in bps; nil for a parameter the steward may not change.
    public static func bound(_ parameter: RiskParameter) -> UInt128? {
        switch parameter {
        case .ltvBps, .liquidationThresholdBps: 25
        case .liquidationBonusBps: 50
        case .liquidationProtocolFeeBps, .reserveFactorBps, .paused: nil
        }
    }

    /// Why the steward may not make this change now, in words; nil when it may.
    static func problem(
        _ proposal: Proposal, configuration: ReserveConfiguration, history: [ProposalRecord], at now: Int64
    ) -> String? {
        if let problem = boundsProblem(proposal, configuration: configuration) { return problem }
        for parameter in proposal.changes.keys.sorted() {
            let last = history.filter {
                $0.byRiskSteward && $0.state == .executed && $0.proposal.asset == proposal.asset
                    && $0.proposal.changes[parameter] != nil
            }.map(\.executableMs).max()
            if let last, now - last < minimumDelayMs {
                return "the risk steward changed the \(parameter.label) less than 3 days ago"
            }
        }
        return nil
    }

    /// Why a change is beyond the steward's bounds; nil when it is within them.
    public static func boundsProblem(_ proposal: Proposal, configuration: ReserveConfiguration) -> String? {
        for (parameter, value) in proposal.changes.sorted(by: { $0.key < $1.key }) {
            guard let bound = bound(parameter) else {
                return "the risk steward may not change the \(parameter.label); propose it to governance"
            }
            let current = parameter.value(in: configuration)
            let change = value > current ? value - current : current - value
            guard change <= bound else {
                return "the risk steward may move the \(parameter.label) \(RiskParameter.percent(bound)) at most, "
                    + "not \(RiskParameter.percent(change))"
            }
        }
        return nil
    }
}
