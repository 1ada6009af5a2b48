/// Everything that exists in the simulation, as one value: network, chain, market, protocol and agents.
public struct World: Sendable {
    public var scenarioName: String
    public var seed: UInt64
    public var settings: SimulationSettings
    public var nowMs: Int64 = 0
    public var rng: SeededGenerator
    public var network: Network
    public var chain: Chain
    public var pool: LendingPool
    public var truePrices: [UInt128]
    public var priceProcess: PriceProcess
    public var shocks: [ActiveShock] = []
    public var feeds: [OracleFeed]
    public var dexPools: [DexPool]
    public var arbitrageur: Arbitrageur
    public var liquidators: [Liquidator]
    /// The person at the terminal, as a liquidator with a wallet.
    public var user: Liquidator
    public var botsEnabled: Bool
    /// What the borrowers hold outside the protocol (what they borrowed), by asset.
    public var borrowerWallet: [UInt128]
    public var defenders: [Bool]
    public var defencePending: [Bool]
    public var riskIndex: RiskIndex
    /// The last account-level summary (see `updateRiskSummary`).
    public internal(set) var keptRiskSummary: RiskSummary?
    /// The last pending-liquidations window (see `updatePendingWindow`).
    public internal(set) var keptPendingWindow: PendingWindow?
    public var schedule: [ScheduledCommand]
    public var recentEvents: [Event] = []
    /// The events worth a person's attention (not every block, justification, defence or losing bid).
    public var notableEvents: [Event] = []
    public var eventCount = 0
    public var paused = false
    public var speed = 1.0
    /// Recent true prices per asset, oldest first, one per tick (for sparklines and 24 h change).
    public var priceHistory: [[UInt128]]
    public var statistics = Statistics()
    /// Status of the liquidations bots and the user have in flight or lost, by account.
    public var liquidationStatus: [Int: LiquidationStatus] = [:]
    /// What became of the user's latest liquidation: the account and a sentence.
    public var userOutcome: UserOutcome?

    public struct UserOutcome: Sendable, Equatable {
        public var account: Int
        public var succeeded: Bool
        public var text: String
    }

    public struct ActiveShock: Sendable, Equatable {
        public var asset: Int
        public var factorPerTick: Double
        public var ticksLeft: Int
    }

    public enum LiquidationStatus: Sendable, Equatable {
        case inMempool
        case failed(String)
    }

    public struct Statistics: Sendable, Equatable {
        public var liquidations = 0
        public var failedLiquidations = 0
        public var debtRepaidBase: UInt128 = 0
        public var badDebtBase: UInt128 = 0
        public var oracleUpdates = 0
        public var maxOracleStalenessMs: Int64 = 0
        public var defences = 0
    }

    public var tickMs: Int64 { settings.tickMs }
    public var ticks: Int { Int(nowMs / max(settings.tickMs, 1)) }

    /// Debt of underwater accounts beyond their collateral, at true prices, in USD: bad debt that no
    /// liquidation has realised yet (for display; the realised figure is `statistics.badDebtBase`).
    public var unrealisedBadDebtUSD: Double {
        let prices = truePrices.map { Double($0) / 1e8 }
        var total = 0.0
        for account in 0..<riskIndex.count where riskIndex.debtUSD(account: account) > 0 {
            total += max(0, riskIndex.debtUSD(account: account, prices: prices) - riskIndex.collateralUSD(account: account, prices: prices))
        }
        return total
    }
}
