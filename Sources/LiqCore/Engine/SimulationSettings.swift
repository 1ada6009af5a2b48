/// The moving world's settings, read from a scenario's `[clock]`, `[network]`, `[market]`,
/// `[borrowers]`, `[bots]` sections, the per-asset market keys and `[[events]]`.
public struct SimulationSettings: Sendable, Equatable {
    public var tickMs: Int64 = 1_000
    public var slotSeconds = 12
    public var epochSlots = 32
    public var network = NetworkConfiguration()
    public var correlation = 0.7
    public var jumpsPerDay = 0.5
    public var jumpSize = 0.02
    public var assets: [AssetMarket] = []
    public var borrowers = Borrowers()
    public var bots = Bots()
    public var arbitrageBudgetUSD: UInt128 = 2_000_000
    /// What the arbitrageur holds of each asset at the start, in USD.
    public var arbitrageWalletUSD: UInt128 = 20_000_000
    public var events: [ScheduledCommand] = []
    /// The asset gas is paid in (`[network] gas_asset`; by default the one named WETH or ETH): it prices the
    /// bots' and the borrowers' gas in USD.
    public var gasAsset: Int?

    public init() {}

    /// Per-asset market settings.
    public struct AssetMarket: Sendable, Equatable {
        public var volatilityBps: Int = 6_000
        public var isStable = false
        public var heartbeatSeconds: Int = 3_600
        public var deviationBps: Int = 50
        /// Both sides of the asset/stablecoin pool together, in whole USD; 0 for no pool.
        public var dexLiquidityUSD: UInt128 = 0
        /// Where the feed's reporter runs; nil for the region with the most nodes.
        public var oracleRegion: Region?
        public init() {}
    }

    /// A generated borrower population.
    public struct Borrowers: Sendable, Equatable {
        public var count = 0
        public var collateral: [Int] = []
        public var debt: [Int] = []
        public var medianDebtUSD = 20_000.0
        public var sizeSigma = 1.0
        public var healthMean = 1.6
        public var healthSD = 0.35
        public var healthMin = 1.02
        public var defendShare = 0.3
        public var defendBelow = 1.05
        public init() {}
    }

    /// Liquidator bots.
    public struct Bots: Sendable, Equatable {
        public var count = 3
        /// Host regions, cycled over the bots.
        public var regions: [Region] = [.eu, .na, .ap]
        public var minimumProfitUSD: UInt128 = 20
        /// Share of expected profit bid as priority fee, in bps.
        public var aggressivenessBps: UInt128 = 2_000
        /// Each bot's inventory per asset, in USD.
        public var walletUSD: UInt128 = 50_000_000
        public var enabled = true
        /// Fund liquidations with a flash loan of the debt asset, repaid from selling the collateral on the
        /// DEX in the same transaction, where a pool pairs the two.
        public var flashLoans = false
        public init() {}
    }
}
