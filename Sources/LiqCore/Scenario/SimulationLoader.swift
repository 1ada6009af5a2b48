/// Reads the moving world's sections of a scenario. Every key is documented in the README.
extension ScenarioLoader {
    /// An asset's market keys, and the symbol it tracks (resolved once every asset is listed).
    static func readAssetMarket(
        _ reader: inout TableReader
    ) throws(ConfigError) -> (SimulationSettings.AssetMarket, String?) {
        let keys = ScenarioKeys.assets
        var market = SimulationSettings.AssetMarket()
        market.isStable = try reader.read(keys.stable)
        let tracked = try reader.readIfPresent(keys.tracks)
        if tracked != nil {
            if market.isStable {
                throw reader.error(keys.tracks.name, "a stablecoin follows its peg; it cannot track another asset")
            }
            if reader.table[keys.volatility.name] != nil {
                throw reader.error(
                    keys.volatility.name, "this asset tracks \(quoted(tracked ?? "")): its price follows that one's")
            }
            market.tracksRatioWad = try reader.decimal(keys.tracksRatio.name, decimals: 18)
            if market.tracksRatioWad == 0 { throw reader.error(keys.tracksRatio.name, "must be more than 0") }
        } else if reader.table[keys.tracksRatio.name] != nil {
            throw reader.error(keys.tracksRatio.name, "needs `tracks`, the asset this one's price follows")
        }
        market.volatilityBps = try reader.read(keys.volatility, stable: market.isStable)
        market.heartbeatSeconds = try reader.read(keys.heartbeat, stable: market.isStable)
        market.deviationBps = try reader.read(keys.deviation, stable: market.isStable)
        market.dexLiquidityUSD = try reader.read(keys.dexLiquidity)
        market.oracleRegion = try region(&reader, keys.oracleRegion)
        try readOracleBounds(&reader, into: &market)
        return (market, tracked)
    }

    /// `tracks` names a listed asset that tracks nothing itself; the ratio defaults to the two prices'.
    static func resolveTracking(
        _ markets: inout [SimulationSettings.AssetMarket], source: ConfigSource,
        trackPaths: [(symbol: String, path: ConfigPath, ratioPath: ConfigPath)?],
        assets: [AssetSpec]
    ) throws(ConfigError) {
        for (index, entry) in trackPaths.enumerated() {
            guard let entry else { continue }
            guard let tracked = assets.firstIndex(where: { $0.symbol == entry.symbol }) else {
                throw source.error(entry.path, "\(quoted(entry.symbol)) is not a listed asset")
            }
            guard tracked != index else { throw source.error(entry.path, "an asset cannot track itself") }
            guard trackPaths[tracked] == nil else {
                throw source.error(entry.path, "\(entry.symbol) tracks another asset itself; track that one instead")
            }
            guard !markets[tracked].isStable else {
                throw source.error(
                    entry.path,
                    "\(entry.symbol) is a stablecoin; an asset that tracks one is a stablecoin: use `stable = true`")
            }
            markets[index].tracks = tracked
            if markets[index].tracksRatioWad == nil {
                markets[index].tracksRatioWad = max(
                    1,
                    FullWidth.mulDivSaturating(
                        assets[index].priceUSD, 1_000_000_000_000_000_000,
                        assets[tracked].priceUSD))
            }
        }
    }

    static func region(_ reader: inout TableReader, _ key: ScenarioKey<String>) throws(ConfigError) -> Region? {
        guard let text = try reader.readIfPresent(key) else { return nil }
        guard let region = Region(id: text) else {
            throw reader.error(key.name, "\(quoted(text)) is not a region; use na, eu, sa, ap, jp or au")
        }
        return region
    }

    static func assetIndexes(
        _ reader: inout TableReader, _ key: ScenarioKey<[String]>, assets: [AssetSpec]
    ) throws(ConfigError) -> [Int]? {
        guard let symbols = try reader.readIfPresent(key) else { return nil }
        var indexes: [Int] = []
        for (offset, symbol) in symbols.enumerated() {
            guard let index = assets.firstIndex(where: { $0.symbol == symbol }) else {
                throw reader.source.error(
                    reader.path.appending(key.name).appending(index: offset), "\(quoted(symbol)) is not a listed asset")
            }
            indexes.append(index)
        }
        return indexes
    }

    /// `markets` are the assets' market keys with their tracking resolved.
    static func readSimulation(
        _ root: inout TableReader, assets: [AssetSpec], markets: [SimulationSettings.AssetMarket],
        eModes: [EModeSpec], resources: Resources? = nil
    ) throws(ConfigError) -> SimulationSettings {
        var settings = SimulationSettings()
        settings.assets = markets
        if var clock = try root.section(ScenarioKeys.clock) {
            let keys = ScenarioKeys.clock
            settings.tickMs = Int64(try clock.read(keys.tickMs))
            settings.slotSeconds = try clock.read(keys.slotSeconds)
            settings.epochSlots = try clock.read(keys.epochSlots)
            guard settings.tickMs <= Int64(settings.slotSeconds) * 1_000 else {
                throw clock.error(
                    keys.tickMs.name,
                    "\(settings.tickMs) is longer than a slot (\(settings.slotSeconds) s); a tick may not span slots")
            }
            try clock.finish()
        }
        if var network = try root.section(ScenarioKeys.network) {
            let keys = ScenarioKeys.network
            settings.network.nodeCount = try network.read(keys.nodes)
            settings.network.validatorShare = try network.read(keys.validatorShare)
            settings.network.blockBytes = try network.read(keys.blockBytes)
            settings.network.gasDemand = try network.read(keys.gasDemand)
            if let symbol = try network.readIfPresent(keys.gasAsset) {
                guard let index = assets.firstIndex(where: { $0.symbol == symbol }) else {
                    throw network.error(keys.gasAsset.name, "\(quoted(symbol)) is not a listed asset")
                }
                settings.gasAsset = index
            }
            if var shares = try network.table(keys.regionShares.name) {
                var values = Array(repeating: 0.0, count: Region.allCases.count)
                for key in shares.table.keys {
                    guard let region = Region(id: key) else {
                        throw shares.error(key, "\(quoted(key)) is not a region; use na, eu, sa, ap, jp or au")
                    }
                    values[region.rawValue] = try shares.number(key, in: 0...1) ?? 0
                }
                guard values.reduce(0, +) > 0 else { throw shares.error("at least one region needs a share above 0") }
                try shares.finish()
                settings.network.regionShares = values
            }
            try network.finish()
        }
        if var market = try root.section(ScenarioKeys.market) {
            let keys = ScenarioKeys.market
            settings.correlation = try market.read(keys.correlation)
            settings.jumpsPerDay = try market.read(keys.jumpsPerDay)
            settings.jumpSize = try market.read(keys.jumpSize)
            settings.arbitrageBudgetUSD = try market.read(keys.arbitrageBudget)
            settings.arbitrageWalletUSD = try market.read(keys.arbitrageWallet)
            try market.finish()
        }
        if let borrowers = try readBorrowers(&root, assets: assets, markets: markets, eModes: eModes) {
            settings.borrowers = borrowers
        }
        if var bots = try root.section(ScenarioKeys.bots) {
            let keys = ScenarioKeys.bots
            settings.bots.count = try bots.read(keys.count)
            var regions: [Region] = []
            for (offset, name) in try bots.read(keys.regions).enumerated() {
                guard let region = Region(id: name) else {
                    throw bots.source.error(
                        bots.path.appending(keys.regions.name).appending(index: offset),
                        "\(quoted(name)) is not a region; use na, eu, sa, ap, jp or au")
                }
                regions.append(region)
            }
            settings.bots.regions = regions
            settings.bots.minimumProfitUSD = try bots.read(keys.minimumProfit)
            settings.bots.aggressivenessBps = try bots.read(keys.aggressiveness)
            settings.bots.walletUSD = try bots.read(keys.wallet)
            settings.bots.enabled = try bots.read(keys.enabled)
            settings.bots.flashLoans = try bots.read(keys.flashLoans)
            try bots.finish()
        }
        if settings.gasAsset == nil {
            settings.gasAsset = assets.firstIndex { $0.symbol == "WETH" || $0.symbol == "ETH" }
        }
        if var faults = try root.section(ScenarioKeys.faults) {
            settings.faults = try readFaults(&faults)
            try faults.finish()
        }
        for var event in try root.sections(ScenarioKeys.events) {
            settings.events += try readEvent(&event, assets: assets, network: settings.network)
            try event.finish()
        }
        settings.pricePaths = try readPricePaths(&root, assets: assets, resources: resources)
        settings.l2 = try readL2(&root)
        settings.governance = try readGovernance(&root)
        return settings
    }

    /// One `[[events]]` entry: a command at `at_s`, and for faults with `duration_s`, its recovery.
    static func readEvent(
        _ reader: inout TableReader, assets: [AssetSpec], network: NetworkConfiguration
    ) throws(ConfigError) -> [ScheduledCommand] {
        let keys = ScenarioKeys.events
        let at = try reader.read(keys.at)
        let kind = try reader.read(keys.kind)
        let atMs = Int64(at * 1_000)
        let duration = try reader.readIfPresent(keys.duration)
        if duration != nil, ["shock", "price", "bots", "proposal"].contains(kind) {
            throw reader.error(keys.duration.name, "a \(kind) event has no recovery; use another event to undo it")
        }
        func asset() throws(ConfigError) -> Int {
            let symbol = try reader.read(keys.asset)
            guard let index = assets.firstIndex(where: { $0.symbol == symbol }) else {
                throw reader.error(keys.asset.name, "\(quoted(symbol)) is not a listed asset")
            }
            return index
        }
        func requiredRegion() throws(ConfigError) -> Region {
            guard let region = try region(&reader, keys.region) else {
                throw reader.error(keys.region.name, "is required")
            }
            return region
        }
        func linkRegions() throws(ConfigError) -> (Region, Region) {
            let names = try reader.read(keys.regions)
            guard names.count == 2, let a = Region(id: names[0]), let b = Region(id: names[1]), a != b else {
                throw reader.error(keys.regions.name, "must name two different regions, as [\"eu\", \"na\"]")
            }
            return (a, b)
        }
        func dataCenter() throws(ConfigError) -> Int {
            let name = try reader.read(keys.dataCenter)
            let names = TopologyBuilder.dataCenterNames(network)
            guard let center = names.firstIndex(of: name.lowercased()) else {
                throw reader.error(
                    keys.dataCenter.name,
                    "\(quoted(name)) is not a data center of this network (\(names.joined(separator: ", ")))")
            }
            return center
        }
        var commands: [ScheduledCommand] = []
        func schedule(_ command: Command, recovery: Command? = nil) {
            commands.append(ScheduledCommand(atMs: atMs, command: command))
            if let recovery, let duration {
                commands.append(ScheduledCommand(atMs: atMs + Int64(duration * 1_000), command: recovery))
            }
        }
        switch kind {
        case "shock":
            let percent = try reader.read(keys.percent)
            let over = try reader.read(keys.over)
            schedule(.shock(asset: try asset(), percentBps: Int((percent * 100).rounded()), overSeconds: Int(over)))
        case "price":
            let index = try asset()
            let price = try readPrice(&reader, keys.price.name)
            schedule(.setPrice(asset: index, price: price))
        case "outage":
            let region = try requiredRegion()
            schedule(.regionOutage(region), recovery: .regionRecover(region))
        case "latency_spike":
            let region = try requiredRegion()
            let ms = try reader.read(keys.milliseconds)
            schedule(.latencySpike(region, ms: ms), recovery: .clearLatencySpike(region))
        case "cut_link":
            let (a, b) = try linkRegions()
            schedule(.cutLink(a, b), recovery: .restoreLink(a, b))
        case "degrade_link":
            let (a, b) = try linkRegions()
            let factor = try reader.read(keys.factor)
            schedule(.degradeLink(a, b, factor: factor), recovery: .restoreLink(a, b))
        case "freeze_oracle":
            let index = try asset()
            schedule(.freezeOracle(asset: index), recovery: .unfreezeOracle(asset: index))
        case "power_loss":
            let center = try dataCenter()
            let delay = try reader.readIfPresent(keys.generatorDelay)
            if let generator = try reader.readIfPresent(keys.generator), !generator {
                commands.append(ScheduledCommand(atMs: atMs, command: .setGenerator(dataCenter: center, delayMs: nil)))
            } else if let delay {
                commands.append(
                    ScheduledCommand(
                        atMs: atMs, command: .setGenerator(dataCenter: center, delayMs: Int64(delay * 1_000))))
            }
            schedule(.powerLoss(dataCenter: center), recovery: .powerRestore(dataCenter: center))
        case "intrusion":
            let center = try dataCenter()
            let offset = try reader.read(keys.offset)
            var target: Int?
            if let symbol = try reader.readIfPresent(keys.asset) {
                guard let index = assets.firstIndex(where: { $0.symbol == symbol }) else {
                    throw reader.error(keys.asset.name, "\(quoted(symbol)) is not a listed asset")
                }
                target = index
            }
            schedule(
                .intrusion(
                    dataCenter: center, asset: target, offsetBps: Int((offset * 100).rounded()),
                    detectAfterSeconds: duration.map { Int($0.rounded(.up)) }))
        case "proposal": schedule(try proposalCommand(&reader, asset: try asset(), assets: assets))
        case "crash":
            let node = try reader.require(keys.node.name) { r, k throws(ConfigError) in
                try r.integer(k, in: 0...(network.nodeCount - 1))
            }
            schedule(.crashNode(node), recovery: .restartNode(node))
        case "bots":
            let enabled = try reader.read(keys.enabled)
            schedule(.setBots(enabled: enabled))
        default:
            throw reader.error(
                keys.kind.name,
                "\(quoted(kind)) is not an event kind; use shock, price, outage, power_loss, intrusion, crash, "
                    + "latency_spike, cut_link, degrade_link, freeze_oracle, bots or proposal"
            )
        }
        return commands
    }
}
