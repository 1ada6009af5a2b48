/// Reads the moving world's sections of a scenario. Every key is documented in the README.
extension ScenarioLoader {
    static func readAssetMarket(_ reader: inout TableReader) throws(ConfigError) -> SimulationSettings.AssetMarket {
        var market = SimulationSettings.AssetMarket()
        market.isStable = try reader.bool("stable") ?? false
        market.volatilityBps = try reader.integer("annual_volatility_bps", in: 0...100_000) ?? (market.isStable ? 0 : 6_000)
        market.heartbeatSeconds = try reader.integer("oracle_heartbeat_s", in: 1...604_800) ?? (market.isStable ? 86_400 : 3_600)
        market.deviationBps = try reader.integer("oracle_deviation_bps", in: 1...10_000) ?? (market.isStable ? 25 : 50)
        market.dexLiquidityUSD = UInt128(try reader.integer("dex_liquidity_usd", in: 0...1_000_000_000_000) ?? 0)
        market.oracleRegion = try region(&reader, "oracle_region")
        return market
    }

    static func region(_ reader: inout TableReader, _ key: String) throws(ConfigError) -> Region? {
        guard let text = try reader.string(key) else { return nil }
        guard let region = Region(id: text) else {
            throw reader.error(key, "\(quoted(text)) is not a region; use na, eu, sa, ap, jp or au")
        }
        return region
    }

    static func assetIndexes(_ reader: inout TableReader, _ key: String, assets: [AssetSpec]) throws(ConfigError) -> [Int]? {
        guard let symbols = try reader.strings(key) else { return nil }
        var indexes: [Int] = []
        for (offset, symbol) in symbols.enumerated() {
            guard let index = assets.firstIndex(where: { $0.symbol == symbol }) else {
                throw reader.source.error(reader.path.appending(key).appending(index: offset), "\(quoted(symbol)) is not a listed asset")
            }
            indexes.append(index)
        }
        return indexes
    }

    static func readSimulation(_ root: inout TableReader, assets: [AssetSpec]) throws(ConfigError) -> SimulationSettings {
        var settings = SimulationSettings()
        if var clock = try root.table("clock") {
            settings.tickMs = Int64(try clock.integer("tick_ms", in: 10...3_600_000) ?? 1_000)
            settings.slotSeconds = try clock.integer("slot_seconds", in: 1...600) ?? 12
            settings.epochSlots = try clock.integer("epoch_slots", in: 1...1_024) ?? 32
            guard settings.tickMs <= Int64(settings.slotSeconds) * 1_000 else {
                throw clock.error("tick_ms", "\(settings.tickMs) is longer than a slot (\(settings.slotSeconds) s); a tick may not span slots")
            }
            try clock.finish()
        }
        if var network = try root.table("network") {
            settings.network.nodeCount = try network.integer("nodes", in: 1...20_000) ?? 64
            settings.network.validatorShare = try network.number("validator_share", in: 0.01...1) ?? 0.5
            settings.network.blockBytes = try network.integer("block_bytes", in: 1_000...10_000_000) ?? 120_000
            if let symbol = try network.string("gas_asset") {
                guard let index = assets.firstIndex(where: { $0.symbol == symbol }) else {
                    throw network.error("gas_asset", "\(quoted(symbol)) is not a listed asset")
                }
                settings.gasAsset = index
            }
            if var shares = try network.table("region_shares") {
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
        if var market = try root.table("market") {
            settings.correlation = try market.number("correlation", in: 0...1) ?? 0.7
            settings.jumpsPerDay = try market.number("jumps_per_day", in: 0...1_000) ?? 0.5
            settings.jumpSize = try market.number("jump_size", in: 0...1) ?? 0.02
            settings.arbitrageBudgetUSD = UInt128(try market.integer("arbitrage_budget_usd", in: 0...1_000_000_000_000) ?? 2_000_000)
            settings.arbitrageWalletUSD = UInt128(try market.integer("arbitrage_wallet_usd", in: 0...1_000_000_000_000) ?? 20_000_000)
            try market.finish()
        }
        if var borrowers = try root.table("borrowers") {
            var population = SimulationSettings.Borrowers()
            population.count = try borrowers.integer("count", in: 0...2_000_000) ?? 0
            population.collateral = try assetIndexes(&borrowers, "collateral", assets: assets) ?? []
            population.debt = try assetIndexes(&borrowers, "debt", assets: assets) ?? []
            population.medianDebtUSD = try borrowers.number("median_debt_usd", in: 1...1e9) ?? 20_000
            population.sizeSigma = try borrowers.number("size_sigma", in: 0...5) ?? 1
            population.healthMean = try borrowers.number("health_mean", in: 0.5...100) ?? 1.6
            population.healthSD = try borrowers.number("health_sd", in: 0...10) ?? 0.35
            population.healthMin = try borrowers.number("health_min", in: 0.1...100) ?? 1.02
            population.defendShare = try borrowers.number("defend_share", in: 0...1) ?? 0.3
            population.defendBelow = try borrowers.number("defend_below", in: 0...10) ?? 1.05
            if population.count > 0, population.collateral.isEmpty || population.debt.isEmpty {
                throw borrowers.error("count", "generated borrowers need `collateral` and `debt` asset lists")
            }
            for index in population.collateral where assets[index].liquidationThresholdBps == 0 {
                throw borrowers.error("collateral", "\(assets[index].symbol) has no liquidation threshold, so it cannot be collateral")
            }
            try borrowers.finish()
            settings.borrowers = population
        }
        if var bots = try root.table("bots") {
            settings.bots.count = try bots.integer("count", in: 0...100) ?? 3
            if let names = try bots.strings("regions") {
                var regions: [Region] = []
                for (offset, name) in names.enumerated() {
                    guard let region = Region(id: name) else {
                        throw bots.source.error(bots.path.appending("regions").appending(index: offset),
                                                "\(quoted(name)) is not a region; use na, eu, sa, ap, jp or au")
                    }
                    regions.append(region)
                }
                settings.bots.regions = regions
            }
            settings.bots.minimumProfitUSD = UInt128(try bots.integer("min_profit_usd", in: 0...1_000_000_000) ?? 20)
            settings.bots.aggressivenessBps = UInt128(try bots.integer("aggressiveness_bps", in: 0...10_000) ?? 2_000)
            settings.bots.walletUSD = UInt128(try bots.integer("wallet_usd", in: 0...1_000_000_000_000) ?? 50_000_000)
            settings.bots.enabled = try bots.bool("enabled") ?? true
            settings.bots.flashLoans = try bots.bool("flash_loans") ?? false
            try bots.finish()
        }
        if settings.gasAsset == nil { settings.gasAsset = assets.firstIndex { $0.symbol == "WETH" || $0.symbol == "ETH" } }
        for var event in try root.tables("events") {
            settings.events += try readEvent(&event, assets: assets, network: settings.network)
            try event.finish()
        }
        return settings
    }

    /// One `[[events]]` entry: a command at `at_s`, and for faults with `duration_s`, its recovery.
    static func readEvent(_ reader: inout TableReader, assets: [AssetSpec], network: NetworkConfiguration) throws(ConfigError) -> [ScheduledCommand] {
        let at = try reader.require("at_s") { r, k throws(ConfigError) in try r.number(k, in: 0...1e9) }
        let kind = try reader.require("kind") { r, k throws(ConfigError) in try r.string(k) }
        let atMs = Int64(at * 1_000)
        let duration = try reader.number("duration_s", in: 0.001...1e9)
        if duration != nil, ["shock", "price", "bots"].contains(kind) {
            throw reader.error("duration_s", "a \(kind) event has no recovery; use another event to undo it")
        }
        func asset() throws(ConfigError) -> Int {
            let symbol = try reader.require("asset") { r, k throws(ConfigError) in try r.string(k) }
            guard let index = assets.firstIndex(where: { $0.symbol == symbol }) else {
                throw reader.error("asset", "\(quoted(symbol)) is not a listed asset")
            }
            return index
        }
        func requiredRegion() throws(ConfigError) -> Region {
            guard let region = try region(&reader, "region") else { throw reader.error("region", "is required") }
            return region
        }
        func linkRegions() throws(ConfigError) -> (Region, Region) {
            let names = try reader.require("regions") { r, k throws(ConfigError) in try r.strings(k) }
            guard names.count == 2, let a = Region(id: names[0]), let b = Region(id: names[1]), a != b else {
                throw reader.error("regions", "must name two different regions, as [\"eu\", \"na\"]")
            }
            return (a, b)
        }
        var commands: [ScheduledCommand] = []
        func schedule(_ command: Command, recovery: Command? = nil) {
            commands.append(ScheduledCommand(atMs: atMs, command: command))
            if let recovery, let duration { commands.append(ScheduledCommand(atMs: atMs + Int64(duration * 1_000), command: recovery)) }
        }
        switch kind {
        case "shock":
            let percent = try reader.require("percent") { r, k throws(ConfigError) in try r.number(k, in: -99.99...1_000) }
            let over = try reader.number("over_s", in: 0...1e7) ?? 0
            schedule(.shock(asset: try asset(), percentBps: Int((percent * 100).rounded()), overSeconds: Int(over)))
        case "price":
            let index = try asset()
            let price = try readPrice(&reader)
            schedule(.setPrice(asset: index, price: price))
        case "outage":
            let region = try requiredRegion()
            schedule(.regionOutage(region), recovery: .regionRecover(region))
        case "latency_spike":
            let region = try requiredRegion()
            let ms = try reader.require("ms") { r, k throws(ConfigError) in try r.integer(k, in: 1...60_000) }
            schedule(.latencySpike(region, ms: ms), recovery: .clearLatencySpike(region))
        case "cut_link":
            let (a, b) = try linkRegions()
            schedule(.cutLink(a, b), recovery: .restoreLink(a, b))
        case "degrade_link":
            let (a, b) = try linkRegions()
            let factor = try reader.number("factor", in: 1...1_000) ?? 3
            schedule(.degradeLink(a, b, factor: factor), recovery: .restoreLink(a, b))
        case "freeze_oracle":
            let index = try asset()
            schedule(.freezeOracle(asset: index), recovery: .unfreezeOracle(asset: index))
        case "power_loss":
            let name = try reader.require("datacenter") { r, k throws(ConfigError) in try r.string(k) }
            let names = TopologyBuilder.dataCenterNames(network)
            guard let center = names.firstIndex(of: name.lowercased()) else {
                throw reader.error("datacenter", "\(quoted(name)) is not a data center of this network (\(names.joined(separator: ", ")))")
            }
            let delay = try reader.number("generator_delay_s", in: 0...86_400)
            if let generator = try reader.bool("generator"), !generator {
                commands.append(ScheduledCommand(atMs: atMs, command: .setGenerator(dataCenter: center, delayMs: nil)))
            } else if let delay {
                commands.append(ScheduledCommand(atMs: atMs, command: .setGenerator(dataCenter: center, delayMs: Int64(delay * 1_000))))
            }
            schedule(.powerLoss(dataCenter: center), recovery: .powerRestore(dataCenter: center))
        case "crash":
            let node = try reader.require("node") { r, k throws(ConfigError) in try r.integer(k, in: 0...(network.nodeCount - 1)) }
            schedule(.crashNode(node), recovery: .restartNode(node))
        case "bots":
            let enabled = try reader.require("enabled") { r, k throws(ConfigError) in try r.bool(k) }
            schedule(.setBots(enabled: enabled))
        default:
            throw reader.error("kind", "\(quoted(kind)) is not an event kind; use shock, price, outage, power_loss, crash, latency_spike, cut_link, degrade_link, freeze_oracle or bots")
        }
        return commands
    }
}
