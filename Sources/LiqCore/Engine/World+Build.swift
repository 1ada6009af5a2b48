extension World {
    /// Builds the world of a scenario at time 0 from `seed`.
    public init(scenario: Scenario, seed: UInt64, extraEvents: [ScheduledCommand] = []) throws {
        var settings = scenario.simulation
        guard let gasAsset = settings.gasAsset else { throw WorldError.noGasAsset }
        while settings.assets.count < scenario.assets.count { settings.assets.append(.init()) }
        var rng = SeededGenerator(seed: seed)
        var network = TopologyBuilder.build(settings.network, using: &rng)
        var pool = try scenario.makePool()
        let reserveCount = pool.reserves.count
        let prices = pool.prices
        let units = pool.reserves.map(\.configuration.unit)

        // Generated borrowers, then the reserves' totals from all accounts.
        var defenders = Array(repeating: false, count: pool.accounts.count)
        var borrowerWallet = Array(repeating: UInt128(0), count: reserveCount)
        Self.generateBorrowers(settings.borrowers, into: &pool, defenders: &defenders, using: &rng)
        var collateralTotals = Array(repeating: UInt128(0), count: reserveCount)
        var debtTotals = collateralTotals
        for account in pool.accounts.indices {
            pool.accounts.forEachPosition(of: account) { reserve, amount, isDebt, _ in
                if isDebt { debtTotals[reserve] += amount } else { collateralTotals[reserve] += amount }
            }
        }
        for reserve in 0..<reserveCount {
            let collateral = collateralTotals[reserve], debt = debtTotals[reserve]
            let others = debt * 14 / 10
            let supplied = max(scenario.assets[reserve].totalSupplied ?? 0, collateral + others)
            pool.reserves[reserve].totalScaledSupply = supplied
            pool.reserves[reserve].totalScaledVariableDebt = debt
            pool.reserves[reserve].availableLiquidity = 0
            try pool.reserves[reserve].updateInterestRates(liquidityAdded: supplied - debt, liquidityTaken: 0)
            borrowerWallet[reserve] = debt
        }

        // Oracle feeds with a reporter node in their region.
        let busiest =
            Region.allCases.max { a, b in
                network.nodes.filter { $0.region == a }.count < network.nodes.filter { $0.region == b }.count
            } ?? .eu
        var feeds: [OracleFeed] = []
        for asset in 0..<reserveCount {
            let market = settings.assets[asset]
            let reporter = Self.host(in: market.oracleRegion ?? busiest, index: asset, network: network)
            network.nodes[reporter].roles.insert(.oracleReporter)
            feeds.append(
                OracleFeed(
                    asset: asset, reporter: reporter, heartbeatMs: Int64(market.heartbeatSeconds) * 1_000,
                    deviationBps: UInt128(market.deviationBps), minAnswer: market.oracleMinAnswer,
                    maxAnswer: market.oracleMaxAnswer))
        }

        // DEX pools against the first stablecoin.
        var pools: [DexPool] = []
        if let stable = settings.assets.firstIndex(where: \.isStable) {
            for asset in 0..<reserveCount where asset != stable && settings.assets[asset].dexLiquidityUSD > 0 {
                let half = Double(settings.assets[asset].dexLiquidityUSD) / 2
                pools.append(
                    DexPool(
                        asset: asset, stable: stable,
                        assetReserve: Self.amount(usd: half, price: prices[asset], unit: units[asset]),
                        stableReserve: Self.amount(usd: half, price: prices[stable], unit: units[stable])))
            }
        }
        let arbitrageur = Arbitrageur(
            wallet: (0..<reserveCount).map {
                Self.amount(usd: Double(settings.arbitrageWalletUSD), price: prices[$0], unit: units[$0])
            },
            budgetPerBlock: settings.assets.firstIndex(where: \.isStable).map {
                Self.amount(usd: Double(settings.arbitrageBudgetUSD), price: prices[$0], unit: units[$0])
            } ?? 0)

        // Bots, hosted in their regions.
        var liquidators: [Liquidator] = []
        for index in 0..<settings.bots.count {
            let region =
                settings.bots.regions.isEmpty ? Region.eu : settings.bots.regions[index % settings.bots.regions.count]
            let host = Self.host(in: region, index: index + 7, network: network)
            network.nodes[host].roles.insert(.liquidatorHost)
            // Shares within ±10 % of the scenario's: each bid's own variation (±30 %) decides most races.
            let aggressiveness = Double(settings.bots.aggressivenessBps) / 10_000 * (0.9 + 0.2 * rng.unit())
            let (strategy, capital) = Strategy.draw(using: &rng)
            let walletUSD = Double(settings.bots.walletUSD) * capital
            liquidators.append(
                Liquidator(
                    id: index, name: "bot-\(index + 1)-\(network.nodes[host].region.id)", host: host,
                    wallet: (0..<reserveCount).map { Self.amount(usd: walletUSD, price: prices[$0], unit: units[$0]) },
                    minimumProfitUSD: Double(settings.bots.minimumProfitUSD), aggressiveness: aggressiveness,
                    usesFlashLoans: settings.bots.flashLoans, strategy: strategy))
        }
        let user = Liquidator(
            id: -1, name: Self.userName, host: Self.host(in: busiest, index: 3, network: network),
            wallet: (0..<reserveCount).map { Self.amount(usd: 10_000_000, price: prices[$0], unit: units[$0]) },
            minimumProfitUSD: 0, aggressiveness: 0.2)

        self.init(
            scenarioName: scenario.name, seed: seed, settings: settings, gasAsset: gasAsset, rng: rng, network: network,
            chain: Chain(slotMs: Int64(settings.slotSeconds) * 1_000, epochSlots: settings.epochSlots),
            pool: pool, truePrices: prices,
            priceProcess: PriceProcess(
                parameters: settings.assets.map {
                    .init(volatility: Double($0.volatilityBps) / 10_000, isStable: $0.isStable)
                }, correlation: settings.correlation, jumpsPerDay: settings.jumpsPerDay, jumpSize: settings.jumpSize),
            feeds: feeds, dexPools: pools, arbitrageur: arbitrageur, liquidators: liquidators, user: user,
            botsEnabled: settings.bots.enabled, borrowerWallet: borrowerWallet, defenders: defenders,
            defencePending: Array(repeating: false, count: defenders.count), riskIndex: RiskIndex(pool: pool),
            schedule: (settings.events + extraEvents).enumerated()
                .sorted { ($0.element.atMs, $0.offset) < ($1.element.atMs, $1.offset) }.map(\.element))
        marketExport = scenario.market.map { "export \(UTCTime.text($0.timestamp))" }
        tracking = settings.assets.map { market in
            market.tracks.map { Tracking(asset: $0, ratioWad: market.tracksRatioWad ?? 1_000_000_000_000_000_000) }
        }
        if let l2 = settings.l2 {
            let node = Self.host(in: l2.sequencerRegion, index: 0, network: self.network)
            sequencer = node
            self.network.nodes[node].roles.insert(.sequencer)
            sequencerUpSinceMs = -Int64(l2.gracePeriodSeconds + 1) * 1_000
            updateSequencer()
        }
        pathOffsets = Array(repeating: 1, count: prices.count)
        pathNoise = pathOffsets
        followPaths(before: truePrices, trackers: false)
        followTrackedPrices()
        followPaths(before: truePrices, trackers: true)
    }

    init(
        scenarioName: String, seed: UInt64, settings: SimulationSettings, gasAsset: Int, rng: SeededGenerator,
        network: Network,
        chain: Chain, pool: LendingPool, truePrices: [UInt128], priceProcess: PriceProcess, feeds: [OracleFeed],
        dexPools: [DexPool], arbitrageur: Arbitrageur, liquidators: [Liquidator], user: Liquidator, botsEnabled: Bool,
        borrowerWallet: [UInt128], defenders: [Bool], defencePending: [Bool], riskIndex: RiskIndex,
        schedule: [ScheduledCommand]
    ) {
        self.scenarioName = scenarioName
        self.seed = seed
        self.settings = settings
        self.gasAsset = gasAsset
        self.rng = rng
        self.network = network
        self.chain = chain
        self.pool = pool
        self.truePrices = truePrices
        self.priceProcess = priceProcess
        self.feeds = feeds
        self.dexPools = dexPools
        self.arbitrageur = arbitrageur
        self.liquidators = liquidators
        self.user = user
        self.botsEnabled = botsEnabled
        self.borrowerWallet = borrowerWallet
        self.defenders = defenders
        self.defencePending = defencePending
        self.riskIndex = riskIndex
        self.schedule = schedule
    }

    /// The person at the terminal, as events name them.
    static let userName = "you"

    /// Whole-USD size in an asset's units at a price (a generator's choice, rounded to an integer).
    package static func amount(usd: Double, price: UInt128, unit: UInt128) -> UInt128 {
        guard usd > 0, price > 0 else { return 0 }
        let tokens = usd / (price.doubleValue / 1e8)
        return UInt128(integral: min(tokens * unit.doubleValue, 1e36).rounded())
    }

    /// A node in `region` (or anywhere when it has none), picked by `index`.
    static func host(in region: Region, index: Int, network: Network) -> Int {
        let candidates = network.nodes.indices.filter { network.nodes[$0].region == region }
        let pool = candidates.isEmpty ? Array(network.nodes.indices) : candidates
        return pool[index % pool.count]
    }
}

/// A scenario that cannot become a moving world (it can still be quoted).
public enum WorldError: Error, Equatable, CustomStringConvertible {
    case noGasAsset

    public var description: String {
        switch self {
        case .noGasAsset:
            "no asset pays for gas: name one with gas_asset = \"SYMBOL\" under [network] (by default WETH or ETH)"
        }
    }
}
