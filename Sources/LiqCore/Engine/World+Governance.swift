/// Governance in simulated time: a proposal waits for its vote, passes, waits in the timelock, and is
/// executed by a transaction in the first block after that (so a chain that makes no block cannot execute
/// it, and past the grace period it expires). Executed, it changes the reserve's parameters, and every
/// health factor that depends on them.
extension World {
    mutating func propose(_ proposal: Proposal, byRiskSteward: Bool = false) -> [Event] {
        guard pool.reserves.indices.contains(proposal.asset) else { return [] }
        let configuration = pool.reserves[proposal.asset].configuration
        let stewardProblem =
            byRiskSteward
            ? RiskSteward.problem(proposal, configuration: configuration, history: proposals, at: nowMs) : nil
        if let problem = stewardProblem ?? proposal.problem(with: configuration) {
            let symbol = pool.reserves[proposal.asset].configuration.symbol
            let what = byRiskSteward ? "risk steward update refused" : "proposal refused"
            return [
                Event(
                    timeMs: nowMs, kind: .governance, message: "\(what): \(symbol): \(problem)",
                    fields: [("state", .text("refused")), ("asset", .text(symbol))])
            ]
        }
        let id = proposals.count + 1
        if byRiskSteward {
            // No vote and no timelock: the steward's transaction executes in the next block.
            var times = GovernanceTimes()
            (times.votingDelaySeconds, times.votingSeconds, times.timelockSeconds) = (0, 0, 0)
            var record = ProposalRecord(id: id, proposal: proposal, at: nowMs, times: times)
            record.state = .queued
            record.byRiskSteward = true
            proposals.append(record)
            return [governanceEvent(record, "by the risk steward: \(describe(proposal)); executes in the next block")]
        }
        let record = ProposalRecord(id: id, proposal: proposal, at: nowMs, times: settings.governance)
        proposals.append(record)
        return [
            governanceEvent(record, "proposed: \(describe(proposal)); the vote opens \(inWords(record.votingStartsMs))")
        ]
    }

    /// Votes open and close, and unexecuted proposals expire.
    mutating func advanceGovernance() -> [Event] {
        var events: [Event] = []
        for index in proposals.indices {
            let record = proposals[index]
            switch record.state {
            case .pending where nowMs >= record.votingStartsMs:
                proposals[index].state = .voting
                events.append(governanceEvent(proposals[index], "voting until \(clock(record.votingEndsMs))"))
            case .voting where nowMs >= record.votingEndsMs:
                proposals[index].state = .queued
                events.append(
                    governanceEvent(
                        proposals[index], "passed and queued: executable from \(clock(record.executableMs))"))
            case .queued where nowMs > record.expiresMs:
                proposals[index].state = .expired
                events.append(
                    governanceEvent(proposals[index], "expired: no block executed it within the grace period"))
            default: break
            }
        }
        return events
    }

    /// Queued proposals past their timelock execute first in the block.
    mutating func executeDueProposals(at time: Int64) -> [Event] {
        var events: [Event] = []
        for index in proposals.indices
        where proposals[index].state == .queued && time >= proposals[index].executableMs
            && time <= proposals[index].expiresMs
        {
            let proposal = proposals[index].proposal
            let reserve = proposal.asset
            // Executed, the payload calls the PoolConfigurator, which checks the parameters as they are then:
            // another proposal may have changed them since (the call reverts, and the proposal cannot run).
            if let problem = proposal.problem(with: pool.reserves[reserve].configuration) {
                proposals[index].state = .failed
                events.append(
                    governanceEvent(
                        proposals[index], "failed: the PoolConfigurator refuses it now: \(problem)", at: time))
                continue
            }
            let change = describe(proposal)
            let configuration = proposal.applied(to: pool.reserves[reserve].configuration)
            pool.reserves[reserve].configuration = configuration
            // Every weighted figure of the index depends on the thresholds: rebuilt once, as at the start.
            riskIndex = RiskIndex(pool: pool)
            candidateCache = nil
            proposals[index].state = .executed
            events.append(governanceEvent(proposals[index], "executed: \(change)", at: time))
        }
        return events
    }

    func describe(_ proposal: Proposal) -> String {
        let symbol = pool.reserves[proposal.asset].configuration.symbol
        let current = pool.reserves[proposal.asset].configuration
        let parts = proposal.changes.sorted { $0.key < $1.key }.map { parameter, value in
            "\(parameter.label) \(parameter.text(parameter.value(in: current))) → \(parameter.text(value))"
        }
        return "\(symbol) " + parts.joined(separator: ", ")
    }

    func governanceEvent(_ record: ProposalRecord, _ text: String, at time: Int64? = nil) -> Event {
        var fields: [(String, Event.Value)] = [
            ("proposal", .int(Int64(record.id))), ("state", .text(record.state.rawValue)),
            ("asset", .text(pool.reserves[record.proposal.asset].configuration.symbol)),
        ]
        for (parameter, value) in record.proposal.changes.sorted(by: { $0.key < $1.key }) {
            fields.append((parameter.rawValue, .int(Int64(value))))
        }
        return Event(
            timeMs: time ?? nowMs, kind: .governance, message: "proposal #\(record.id) \(text)", fields: fields)
    }

    func clock(_ ms: Int64) -> String { UTCTime.clock(ms) }

    func inWords(_ ms: Int64) -> String { ms <= nowMs ? "now" : "at \(clock(ms))" }

    /// This world with every open proposal executed now, for a what-if (the Risk view's comparison); nil
    /// when none is open. Executed out of turn, without a block: the world it makes is a counterfactual.
    public func executingOpenProposals() -> World? {
        let open = proposals.indices.filter { [.pending, .voting, .queued].contains(proposals[$0].state) }
        guard !open.isEmpty else { return nil }
        var world = self
        for index in open {
            world.proposals[index].state = .queued
            world.proposals[index].executableMs = min(world.proposals[index].executableMs, nowMs)
            world.proposals[index].expiresMs = max(world.proposals[index].expiresMs, nowMs)
        }
        _ = world.executeDueProposals(at: nowMs)
        return world
    }
}
