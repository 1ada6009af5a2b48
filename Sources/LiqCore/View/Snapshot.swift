/// What the dashboard shows, taken from the world after a tick: aggregates and the visible rows only.
public struct Snapshot: Sendable {
    public struct RegionRow: Sendable, Equatable {
        public var region: Region
        public var nodesUp: Int
        public var nodesTotal: Int
        public var medianLatencyMs: Int
        public var medianLagBlocks: Int
        public var averagePeers: Double
        public var propagationP50Ms: Int
        public var propagationP90Ms: Int
        public var uptimePercent: Double
        /// Share of the region's stake that is online, and the region's share of all stake.
        public var stakeOnline: Double
        public var stakeShare: Double
    }

    public struct NodeRow: Sendable, Equatable {
        public var id: Int
        public var name: String
        public var region: Region
        public var dataCenter: String
        public var roles: NodeRoles
        public var status: NodeStatus
        public var peers: Int
        public var latencyMs: Int
        public var head: Int
        public var lag: Int
        public var lastPropagationMs: Int
        public var propagationHistory: [Int32]
        public var uptimePercent: Double
        public var crashed: Bool
        public var dataCenterIndex: Int
        public var dataCenterPowered: Bool
        /// Its data center is under an intrusion not yet detected; it was slashed for equivocating.
        public var compromised = false
        public var slashed = false
    }

    public struct MarketRow: Sendable, Equatable {
        public var symbol: String
        public var decimals: Int
        public var truePrice: UInt128
        public var oraclePrice: UInt128
        public var oracleAgeSeconds: Int64
        public var isStale: Bool
        public var isFrozen: Bool
        /// Change of the true price over the history window, in bps.
        public var changeBps: Int
        /// Recent true prices in USD, oldest first.
        public var sparkline: [Double]
        /// Both sides of the DEX pool in USD; nil without a pool.
        public var dexDepthUSD: Double?
        /// The asset whose price this one tracks (`tracks` in the scenario), by symbol.
        public var tracks: String? = nil
        /// Its risk parameters now, in bps, in the order of `RiskParameter.allCases`.
        public var riskParameters: [UInt128] = []
        /// Its reporter sits in a data center an intruder controls: it posts the intruder's price.
        public var isManipulated = false
    }

    public struct HealthBucket: Sendable, Equatable {
        public var label: String
        public var accounts: Int
        public var debtUSD: Double
    }

    public struct AssetTotals: Sendable, Equatable {
        public var symbol: String
        public var borrowedUSD: Double
        public var collateralUSD: Double
        /// APR in percent.
        public var borrowRate: Double
        /// The reserve's deficit (bad debt written off), in USD.
        public var deficitUSD: Double
    }

    public enum PendingStatus: Sendable, Equatable {
        case pending, inMempool, failed(LiquidationFailure)
    }

    public struct BlockedLiquidation: Sendable, Equatable {
        public var position: Int
        public var account: Int
        public var accountID: String
        public var healthFactor: HealthFactor
        public var collateralUSD: Double
        public var debtUSD: Double
        public var reason: LiquidationError
    }

    public struct PendingLiquidation: Sendable, Equatable {
        public var account: Int
        public var accountID: String
        public var healthFactor: HealthFactor
        public var collateralUSD: Double
        public var debtUSD: Double
        public var quote: LiquidationQuote
        public var estimatedProfitUSD: Double
        public var status: PendingStatus
        /// The profit's parts: what selling the collateral brings (DEX out, or true value without a pool),
        /// what the debt costs at true prices, and gas with any flash-loan premium.
        public var saleProceedsUSD: Double = 0
        public var debtCostUSD: Double = 0
        public var gasUSD: Double = 0
        public var soldOnDEX = false
        /// The row's place in the whole ordering (an account the default pair cannot liquidate keeps its
        /// place, without a row).
        public var position = 0
    }

    public var scenarioName: String
    /// When a real market's export was taken (`World.marketExport`).
    public var marketExport: String?
    /// An L2: its sequencer is down, or the seconds left of the sentinel's grace period after it returned.
    public var sequencerDown = false
    public var graceLeftSeconds: Int?
    /// Data centers under an intrusion not yet detected, by name.
    public var intrusions: [String] = []
    public var timeMs: Int64
    public var tickMs: Int64
    public var slotMs: Int64
    /// Playback, which the driver that runs the world owns and fills in (a snapshot is built paused at ×1).
    public var paused = false
    public var speed = 1.0
    /// Set by the dashboard's driver when ticks take longer than their period: the speed the world actually
    /// ran at over the last seconds (every tick runs in full; the world runs slower instead).
    public var achievedSpeed: Double?
    /// The Monte Carlo run the Risk view shows (the terminal's driver attaches it; the world does not know it).
    public var risk: RiskStatus?
    public var botsEnabled: Bool
    public var headHeight: Int
    public var finalizedHeight: Int
    public var finalityStalledEpochs: Int
    public var baseFeeGwei: UInt64
    public var missedSlots: Int
    public var lastBlockAgeMs: Int64?
    public var onlineStake: Double
    public var regions: [RegionRow]
    /// Link state between regions and region outages, for the fault keys.
    public var links: [[LinkState]]
    public var regionDown: [Bool]
    public var nodes: [NodeRow]
    /// 40 bins over 0–10 s of the last block's propagation times (ethstats).
    public var propagationHistogram: [Int]
    public var market: [MarketRow]
    public var healthHistogram: [HealthBucket]
    public var assets: [AssetTotals]
    /// USD (at today's prices) of collateral in accounts that would be liquidatable after each price move of
    /// `curveAsset` (and of the assets that track it), highest price first: the rises only when one of them
    /// liquidates more than today's price does (someone owes the asset), then now and the falls.
    public var curveAsset: String
    public var liquidationCurve: [(movePercent: Int, collateralUSD: Double)]
    /// A window of the pending liquidations the dashboard asked for (`PendingQuery`): its rows (each with its
    /// place in the whole ordering), and how many accounts match in all.
    public var pendingLiquidations: [PendingLiquidation]
    /// Accounts of the window that are liquidatable but cannot be liquidated through their largest debt and
    /// collateral (the dust rule, say): listed with the protocol's reason, at their place in the ordering.
    public var blockedLiquidations: [BlockedLiquidation] = []
    public var pendingMatching: Int
    public var liquidatableAccounts: Int
    public var totalSuppliedUSD: Double
    public var totalBorrowedUSD: Double
    public var totalDeficitUSD: Double
    public var userOutcome: WorldView.UserOutcome?
    public var recentEvents: [Event]
    /// The exact effect of the shock the request asked about, if it asked.
    public var shockPreview: ShockPreview?
    /// The exact effect of the proposal being edited, if the proposal form is open.
    public var proposalPreview: ProposalPreview?
    /// `liqtop replay`: where the recording is, and whether the world has branched from it.
    public var replay: ReplayStatus?
    public struct ReplayStatus: Sendable, Equatable {
        public var tick: Int
        public var endTick: Int
        /// The tick branched from, once branched (the world is live again).
        public var branchedAt: Int?
        public init(tick: Int, endTick: Int, branchedAt: Int? = nil) {
            self.tick = tick
            self.endTick = endTick
            self.branchedAt = branchedAt
        }
    }
    /// `--record`: the journal being written (its path), paused while a risk path plays, or failed.
    public var recording: Recording?
    public enum Recording: Sendable, Equatable {
        case on(String)
        case paused
        case failed(String)
    }
    /// Governance proposals not yet executed nor expired, and how long governance takes.
    public var proposals: [ProposalRecord] = []
    public var governance = GovernanceTimes()
}
