/// What a transaction asks the chain to do.
public enum TransactionKind: Sendable, Equatable {
    /// An oracle reporter posts a new answer for a feed.
    case oracleUpdate(feed: Int, price: UInt128)
    /// A liquidation call, by a bot or the person at the terminal.
    case liquidation(liquidator: LiquidatorID, account: Int, request: LiquidationRequest)
    /// A borrower defends the position: repays debt from the wallet.
    case repay(account: Int, reserve: Int, amount: UInt128)
    /// A borrower defends the position: adds collateral from the wallet.
    case supply(account: Int, reserve: Int, amount: UInt128)
}

public struct Transaction: Sendable, Equatable {
    public var id: Int
    public var kind: TransactionKind
    /// The node it was submitted at.
    public var origin: Int
    public var submittedMs: Int64
    /// Priority fee in gwei per gas.
    public var priorityFeeGwei: UInt64
    /// EIP-1559 `maxFeePerGas` in wei: a block whose base fee is above it cannot include the transaction.
    public var maxFeeWei: UInt64
    public var gas: UInt64

    /// Gas an oracle update and a liquidation use (typical mainnet figures, illustrative).
    public static let oracleGas: UInt64 = 100_000
    public static let liquidationGas: UInt64 = 400_000
    public static let defenceGas: UInt64 = 150_000
}

/// A produced block.
public struct Block: Sendable, Equatable {
    public var height: Int
    public var slot: Int
    public var proposer: Int
    public var timeMs: Int64
    public var transactionCount: Int
    public var gasUsed: UInt64
    public var baseFeeGwei: UInt64
}
