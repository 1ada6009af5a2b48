/// A liquidation bot hosted on a node. It finds liquidatable accounts (a fast Double scan confirmed with
/// the exact arithmetic), sizes each liquidation for profit (bonus minus DEX slippage minus gas) and
/// competes by priority fee. Its transactions need its host node and the network like any other.
public struct Liquidator: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var host: Int
    /// Token balances by asset: it repays from here and receives the collateral here.
    public var wallet: [UInt128]
    /// Accounts it has a liquidation in flight for.
    public var pending: [Int] = []
    /// Assets it has found itself short of for a liquidation it wanted: reported once, and again only after
    /// it has since paid a liquidation in that asset.
    public var shortOf: Set<Int> = []
    public var minimumProfitUSD: Double
    /// Share of the expected profit it bids away as priority fee.
    public var aggressiveness: Double
    /// Funds liquidations with flash loans where a DEX pool pairs the collateral with the debt asset.
    public var usesFlashLoans = false
    public var flashLoans = 0
    public var liquidations = 0
    public var failures = 0
    /// USD (8 decimals) of debt repaid and of estimated profit, for display.
    public var debtRepaidBase: UInt128 = 0
    public var profitUSD: Double = 0
}
