/// The moving world's settings, read from a scenario's `[clock]`, `[network]`, `[market]`,
/// `[borrowers]`, `[bots]` sections, the per-asset market keys and `[[events]]`.
public struct SimulationSettings: Sendable, Equatable {
    public var tickMs = Int64(ScenarioKeys.clock.tickMs.fallback)
    public var slotSeconds = ScenarioKeys.clock.slotSeconds.fallback
    public var epochSlots = ScenarioKeys.clock.epochSlots.fallback
    public var network = NetworkConfiguration()
    public var correlation = ScenarioKeys.market.correlation.fallback
    public var jumpsPerDay = ScenarioKeys.market.jumpsPerDay.fallback
    public var jumpSize = ScenarioKeys.market.jumpSize.fallback
    public var assets: [AssetMarket] = []
    public var borrowers = Borrowers()
    public var bots = Bots()
    public var arbitrageBudgetUSD = ScenarioKeys.market.arbitrageBudget.fallback
    /// What the arbitrageur holds of each asset at the start, in USD.
    public var arbitrageWalletUSD = ScenarioKeys.market.arbitrageWallet.fallback
    public var events: [ScheduledCommand] = []
    /// An L2's sequencer (`[l2]`): it alone makes blocks, and the sentinel follows its uptime.
    public var l2: L2?
    /// `[governance]`: how long a proposal takes.
    public var governance = GovernanceTimes()
    public struct L2: Sendable, Equatable {
        public var sequencerRegion: Region
        public var gracePeriodSeconds: Int
    }
    /// Recorded price paths (`[[price_paths]]`): these assets follow them rather than the random process.
    public var pricePaths: [PricePath] = []
    /// The faults `liqtop risk` draws for each path (`[faults]`); plain runs draw none.
    public var faults = FaultModel()
    /// The asset gas is paid in (`[network] gas_asset`; by default the one named WETH or ETH): it prices the
    /// bots' and the borrowers' gas in USD.
    public var gasAsset: Int?

    public init() {}

    /// Per-asset market settings.
    public struct AssetMarket: Sendable, Equatable {
        public var volatilityBps = ScenarioKeys.assets.volatility.fallback
        public var isStable = ScenarioKeys.assets.stable.fallback
        public var heartbeatSeconds = ScenarioKeys.assets.heartbeat.fallback
        public var deviationBps = ScenarioKeys.assets.deviation.fallback
        /// Both sides of the asset/stablecoin pool together, in whole USD; 0 for no pool.
        public var dexLiquidityUSD = ScenarioKeys.assets.dexLiquidity.fallback
        /// Where the feed's reporter runs; nil for the region with the most nodes.
        public var oracleRegion: Region?
        /// The asset whose true price this one follows, and the ratio of the two prices (a wad, 18 decimals).
        public var tracks: Int?
        public var tracksRatioWad: UInt128?
        /// The feed's floor and ceiling (USD, 8 decimals): it reports them when the true price is beyond.
        public var oracleMinAnswer: UInt128?
        public var oracleMaxAnswer: UInt128?
        public init() {}
    }

    /// A generated borrower population.
    public struct Borrowers: Sendable, Equatable {
        public var count = ScenarioKeys.borrowers.count.fallback
        public var collateral: [Int] = []
        public var debt: [Int] = []
        public var medianDebtUSD = ScenarioKeys.borrowers.medianDebt.fallback
        public var sizeSigma = ScenarioKeys.borrowers.sizeSigma.fallback
        public var healthMean = ScenarioKeys.borrowers.healthMean.fallback
        public var healthSD = ScenarioKeys.borrowers.healthSD.fallback
        public var healthMin = ScenarioKeys.borrowers.healthMin.fallback
        public var defendShare = ScenarioKeys.borrowers.defendShare.fallback
        public var defendBelow = ScenarioKeys.borrowers.defendBelow.fallback
        /// The mix of position shapes (`shares`), and the assets each shape uses (resolved at load).
        public var shares = Shares()
        /// Loops run closer to the edge than other borrowers: their own health distribution (same floor).
        public var loopHealthMean = ScenarioKeys.borrowers.loopHealthMean.fallback
        public var loopHealthSD = ScenarioKeys.borrowers.loopHealthSD.fallback
        public var shortCollateral: [Int] = []
        public var shortDebt: [Int] = []
        public var loops: [Loop] = []
        public init() {}

        /// Shares of the three shapes, adding up to 1: a long supplies a volatile asset and borrows a
        /// stablecoin; a short the reverse; a loop supplies an asset that tracks another (wstETH) and
        /// borrows that one (WETH) in their eMode category, so only their ratio can liquidate it.
        public struct Shares: Sendable, Equatable {
            public var long = 1.0
            public var short = 0.0
            public var loop = 0.0
            public init(long: Double = 1, short: Double = 0, loop: Double = 0) {
                self.long = long
                self.short = short
                self.loop = loop
            }
            public var isLongOnly: Bool { short == 0 && loop == 0 }
        }

        /// A yield loop's assets and the eMode category that holds both.
        public struct Loop: Sendable, Equatable {
            public var collateral: Int
            public var debt: Int
            public var eMode: UInt8
        }

        public enum Shape: Sendable, Equatable { case long, short, loop }

        /// The shape of a borrower for a uniform draw `u` in [0, 1).
        /// A shape with no share is never drawn, whatever the rounding of the shares' sum.
        func shape(_ u: Double) -> Shape {
            if u < shares.long || shares.isLongOnly { return .long }
            if u < shares.long + shares.short || shares.loop == 0 { return .short }
            return .loop
        }
    }

    /// Liquidator bots.
    public struct Bots: Sendable, Equatable {
        public var count = ScenarioKeys.bots.count.fallback
        /// Host regions, cycled over the bots.
        public var regions = ScenarioKeys.bots.regions.fallback.compactMap(Region.init(id:))
        public var minimumProfitUSD = ScenarioKeys.bots.minimumProfit.fallback
        /// Share of expected profit bid as priority fee, in bps.
        public var aggressivenessBps = ScenarioKeys.bots.aggressiveness.fallback
        /// Each bot's inventory per asset, in USD.
        public var walletUSD = ScenarioKeys.bots.wallet.fallback
        public var enabled = ScenarioKeys.bots.enabled.fallback
        /// Fund liquidations with a flash loan of the debt asset, repaid from selling the collateral on the
        /// DEX in the same transaction, where a pool pairs the two.
        public var flashLoans = ScenarioKeys.bots.flashLoans.fallback
        public init() {}
    }
}
