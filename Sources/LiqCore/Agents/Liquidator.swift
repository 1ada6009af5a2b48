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
    /// How it competes, drawn from the seed for each bot (the user keeps the defaults).
    public var strategy = Strategy()
    public var flashLoans = 0
    public var liquidations = 0
    public var failures = 0
    /// USD (8 decimals) of debt repaid and of estimated profit, for display.
    public var debtRepaidBase: UInt128 = 0
    public var profitUSD: Double = 0
}

/// How a bot competes, drawn from the seed: liquidators differ in speed, in what they chase, in how much
/// they can send at once and in how much capital they hold (its wallet is sized by it when the world is
/// built), and each bid varies around its share, as bids in a priority-gas auction answer each other.
public struct Strategy: Sendable, Equatable {
    public enum Focus: Sendable, Equatable {
        /// The largest debts first (where the most bonus is).
        case largestDebt
        /// The most profitable first, after slippage and gas.
        case mostProfit
    }

    /// From a block's arrival at its node to its bids leaving: its software's and its link's delay.
    public var reactionMs: Int64 = 100
    public var focus: Focus = .largestDebt
    /// The most liquidations it sends for one block.
    public var bidsPerBlock = 40
    /// Each bid's share of profit varies by up to this fraction around the bot's own share.
    public var bidSpread = 0.0

    public init() {}

    /// One bot's strategy, drawn in a fixed order from `rng`; `capital` scales its wallet.
    static func draw(using rng: inout SeededGenerator) -> (strategy: Strategy, capital: Double) {
        var strategy = Strategy()
        strategy.reactionMs = 40 + Int64(rng.unit() * 560)
        strategy.focus = rng.chance(0.5) ? .largestDebt : .mostProfit
        strategy.bidsPerBlock = rng.int(in: 8...40)
        strategy.bidSpread = 0.3
        let capital = 0.3 + 1.4 * rng.unit()
        return (strategy, capital)
    }
}
