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
