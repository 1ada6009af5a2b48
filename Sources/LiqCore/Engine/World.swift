/// Everything that exists in the simulation, as one value: network, chain, market, protocol and agents.
///
/// The world holds its state and its rules only, and changes only through `apply(_:)` and `step()`, which
/// return the events they caused. What a screen needs besides (the event log, price history, the pending
/// window, summaries, previews) lives in a `WorldView` that `Engine` feeds; playback (pause, speed) is the
/// driver's. A Monte Carlo worker runs a `World` alone.
public struct World: Sendable {
    public internal(set) var scenarioName: String
    /// For a real market (`[market_data]`): when its export was taken, as the header shows it.
    public internal(set) var marketExport: String?
    public internal(set) var seed: UInt64
    public internal(set) var settings: SimulationSettings
    public internal(set) var nowMs: Int64 = 0
    public internal(set) var rng: SeededGenerator
    public internal(set) var network: Network
    public internal(set) var chain: Chain
    public internal(set) var pool: LendingPool
    public internal(set) var truePrices: [UInt128]
    public internal(set) var priceProcess: PriceProcess
    public internal(set) var shocks: [ActiveShock] = []
    /// Per asset on a recorded path (`settings.pricePaths`): the shocks' multiplier on top of the path, and
    /// the noise around it (both 1 without).
    var pathOffsets: [Double] = []
    /// An L2's sequencer node (`settings.l2`), and since when it has been up (ms; before 0 at the start, so
    /// that the grace period has passed).
    public internal(set) var sequencer: Int?
    public internal(set) var sequencerUpSinceMs: Int64 = 0
    var pathNoise: [Double] = []
    /// Per asset, the asset whose true price it follows and the ratio (a wad), or nil. A shock to the
    /// tracked asset moves both; a shock to the tracker moves the ratio (a depeg).
    public internal(set) var tracking: [Tracking?] = []
    public internal(set) var feeds: [OracleFeed]
    public internal(set) var dexPools: [DexPool]
    public internal(set) var arbitrageur: Arbitrageur
    public internal(set) var liquidators: [Liquidator]
    /// The person at the terminal, as a liquidator with a wallet.
    public internal(set) var user: Liquidator
    public internal(set) var botsEnabled: Bool
    /// What the borrowers hold outside the protocol (what they borrowed), by asset.
    public internal(set) var borrowerWallet: [UInt128]
    public internal(set) var defenders: [Bool]
    public internal(set) var defencePending: [Bool]
    public internal(set) var riskIndex: RiskIndex
    public internal(set) var schedule: [ScheduledCommand]
    /// The asset gas is paid in.
    public internal(set) var gasAsset: Int
    /// Every event the world has caused (part of the state hash, so that an event stream is reproduced too).
    public internal(set) var eventCount = 0
    public internal(set) var statistics = Statistics()
    /// Governance proposals, in the order they were made (their ids are 1, 2, …).
    public internal(set) var proposals: [ProposalRecord] = []
    /// The fast path mode's gossip (`useFastPaths()`); nil: every block is gossiped afresh.
    public internal(set) var gossipBank: GossipBank?
    /// The bots' last candidate scan and the risk index version and limit it was for: blocks in which
    /// nothing moved an estimate reuse it.
    var candidateCache: (version: Int, limit: Double, found: [(account: Int, healthFactor: Double)])?

    public struct Tracking: Sendable, Equatable {
        public var asset: Int
        public var ratioWad: UInt128
    }

    public struct ActiveShock: Sendable, Equatable {
        public var asset: Int
        public var factorPerTick: Double
        public var ticksLeft: Int
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

    /// A liquidator by identity: one of the bots, or the user. One path serves both.
    public internal(set) subscript(liquidator id: LiquidatorID) -> Liquidator {
        get {
            switch id {
            case .bot(let index): liquidators[index]
            case .user: user
            }
        }
        set {
            switch id {
            case .bot(let index): liquidators[index] = newValue
            case .user: user = newValue
            }
        }
    }

    /// Debt of underwater accounts beyond their collateral, at true prices, in USD: bad debt that no
    /// liquidation has realised yet (for display; the realised figure is `statistics.badDebtBase`).
    public var unrealisedBadDebtUSD: Double {
        let prices = truePrices.map { Double($0) / 1e8 }
        var total = 0.0
        for account in 0..<riskIndex.count where riskIndex.debtUSD(account: account) > 0 {
            total += max(
                0,
                riskIndex.debtUSD(account: account, prices: prices)
                    - riskIndex.collateralUSD(account: account, prices: prices))
        }
        return total
    }
}
