/// A price feed: its reporter posts an update transaction when the deviation threshold is crossed or the
/// heartbeat has passed (Chainlink's rule, docs/mechanics.md); the on-chain price changes
/// only when that transaction is in a block.
public struct OracleFeed: Sendable, Equatable {
    public var asset: Int
    public var reporter: Int
    public var heartbeatMs: Int64
    public var deviationBps: UInt128
    public var updatedAtMs: Int64 = 0
    /// A posted update not yet in a block.
    public var pendingTransaction: Int?
    /// A frozen feed posts nothing (a fault).
    public var frozen = false
    public var updates = 0
    /// Since when the feed has been due (past its heartbeat or deviation threshold) without an update landing.
    public var dueSinceMs: Int64?
    /// The aggregator's floor and ceiling (Chainlink's minAnswer and maxAnswer): beyond them it reports them.
    public var minAnswer: UInt128?
    public var maxAnswer: UInt128?

    /// What the feed reports for a true price: the price, held within the floor and the ceiling.
    public func answer(_ truePrice: UInt128) -> UInt128 {
        min(max(truePrice, minAnswer ?? 0), maxAnswer ?? .max)
    }

    /// Whether the reporter should post its answer for `truePrice` now, given the on-chain answer.
    public func wantsUpdate(truePrice: UInt128, onChain: UInt128, at now: Int64) -> Bool {
        guard !frozen, pendingTransaction == nil else { return false }
        return isDue(truePrice: truePrice, onChain: onChain, at: now)
    }

    public func ageMs(at now: Int64) -> Int64 { now - updatedAtMs }

    /// Whether an update is due: the heartbeat has passed or the answer (the true price within the floor and
    /// ceiling) moved past the threshold.
    public func isDue(truePrice: UInt128, onChain: UInt128, at now: Int64) -> Bool {
        if now - updatedAtMs >= heartbeatMs { return true }
        let answer = answer(truePrice)
        let difference = answer > onChain ? answer - onChain : onChain - answer
        return difference * 10_000 >= onChain * deviationBps
    }

    /// How long the on-chain price has been stale: due for an update that has not landed, ms.
    public func stalenessMs(at now: Int64) -> Int64 { dueSinceMs.map { now - $0 } ?? 0 }
    public func isStale(at now: Int64) -> Bool { ageMs(at: now) > heartbeatMs }
}
