/// A transaction an agent intends to send: what, from which node, when, and what it bids. Agents decide
/// from a read-only world and return intents; the world sends them (`World.send`).
public struct Intent: Sendable, Equatable {
    public var kind: TransactionKind
    public var origin: Int
    public var atMs: Int64
    public var priorityFeeGwei: UInt64
    public var gas: UInt64
    /// The fee cap is this many times today's base fee plus the priority fee (wallets use 2).
    public var baseFeeHeadroom: UInt64 = 2
}
