extension World {
    /// Applies a command now; returns the events it causes.
    public mutating func apply(_ command: Command) -> [Event] {
        let events = perform(command)
        eventCount += events.count
        return events
    }

    /// A command's effect (a scheduled one counts with its tick's events).
    mutating func perform(_ command: Command) -> [Event] {
        let now = nowMs
        func event(_ kind: Event.Kind, _ message: String, _ fields: [(String, Event.Value)] = []) -> [Event] {
            [Event(timeMs: now, kind: kind, message: message, fields: fields)]
        }
        func symbol(_ asset: Int) -> String { pool.reserves[asset].configuration.symbol }
        switch command {
        case .shock(let asset, let percentBps, let overSeconds):
            let factor = 1 + Double(percentBps) / 10_000
            let ticks = max(1, Int(Int64(overSeconds) * 1_000 / max(settings.tickMs, 1)))
            if overSeconds <= 0 {
                move(asset, by: factor)
                followTrackedPrices()
            } else {
                shocks.append(
                    ActiveShock(
                        asset: asset, factorPerTick: DeterministicMath.pow(max(factor, 1e-9), 1 / Double(ticks)),
                        ticksLeft: ticks))
            }
            let percent = DecimalAmount.format(UInt128(abs(percentBps)), decimals: 2)
            let followers = assetsMoved(byShockTo: asset).dropFirst().map(symbol)
            let with = followers.isEmpty ? "" : ", \(followers.joined(separator: " and ")) with it"
            return event(
                .shock,
                "\(symbol(asset)) \(percentBps < 0 ? "−" : "+")\(percent) "
                    + "%\(overSeconds > 0 ? " over \(overSeconds) s" : "")\(with)",
                [
                    ("asset", .text(symbol(asset))), ("percent_bps", .int(Int64(percentBps))),
                    ("over_s", .int(Int64(overSeconds))),
                ])
        case .setPrice(let asset, let requested):
            let price = min(max(requested, 1), PriceProcess.maximumUnits)
            if let tracked = tracking.indices.contains(asset) ? tracking[asset] : nil {
                // A tracker's price is set through its ratio to the tracked asset.
                tracking[asset]?.ratioWad = max(
                    1, FullWidth.mulDivSaturating(price, 1_000_000_000_000_000_000, truePrices[tracked.asset]))
            }
            truePrices[asset] = price
            followTrackedPrices()
            return event(
                .price, "\(symbol(asset)) set to $\(DecimalAmount.format(price, decimals: 8, places: 2))",
                [("asset", .text(symbol(asset))), ("price", .decimal(DecimalAmount.format(price, decimals: 8)))])
        case .regionOutage(let region):
            network.regionDown[region.rawValue] = true
            return event(
                .fault, "outage: \(region.name) (\(region.id)) is down",
                [("fault", .text("outage")), ("region", .text(region.id))])
        case .regionRecover(let region):
            network.regionDown[region.rawValue] = false
            return event(
                .recovery, "\(region.name) (\(region.id)) is back",
                [("fault", .text("outage")), ("region", .text(region.id))])
        case .powerLoss(let center):
            network.dataCenters[center].powered = false
            network.dataCenters[center].powerLostAtMs = now
            let site = network.dataCenters[center]
            let backup = site.generatorDelayMs.map { "generator in \($0 / 1_000) s" } ?? "no generator"
            return event(
                .fault, "power lost at \(site.name) (\(backup))",
                [("fault", .text("power")), ("datacenter", .text(site.name))])
        case .powerRestore(let center):
            network.dataCenters[center].powered = true
            network.dataCenters[center].powerLostAtMs = nil
            return event(
                .recovery, "power back at \(network.dataCenters[center].name)",
                [("fault", .text("power")), ("datacenter", .text(network.dataCenters[center].name))])
        case .setGenerator(let center, let delay):
            network.dataCenters[center].generatorDelayMs = delay
            return []
        case .crashNode(let node):
            network.nodes[node].crashed = true
            return event(
                .fault, "node \(network.nodes[node].name) crashed",
                [("fault", .text("crash")), ("node", .text(network.nodes[node].name))])
        case .restartNode(let node):
            network.nodes[node].crashed = false
            return event(
                .recovery, "node \(network.nodes[node].name) restarted",
                [("fault", .text("crash")), ("node", .text(network.nodes[node].name))])
        case .degradeLink(let a, let b, let factor):
            network.links[a.rawValue][b.rawValue].latencyFactor = factor
            network.links[b.rawValue][a.rawValue].latencyFactor = factor
            return event(
                .fault, "link \(a.id)–\(b.id) degraded ×\(factor)",
                [("fault", .text("degrade")), ("link", .text("\(a.id)-\(b.id)"))])
        case .cutLink(let a, let b):
            network.links[a.rawValue][b.rawValue].cut = true
            network.links[b.rawValue][a.rawValue].cut = true
            return event(
                .fault, "link \(a.id)–\(b.id) cut (partition)",
                [("fault", .text("cut")), ("link", .text("\(a.id)-\(b.id)"))])
        case .restoreLink(let a, let b):
            network.links[a.rawValue][b.rawValue] = LinkState()
            network.links[b.rawValue][a.rawValue] = LinkState()
            return event(
                .recovery, "link \(a.id)–\(b.id) restored",
                [("fault", .text("link")), ("link", .text("\(a.id)-\(b.id)"))])
        case .latencySpike(let region, let ms):
            network.latencySpikeMs[region.rawValue] = ms
            return event(
                .fault, "latency spike +\(ms) ms in \(region.id)",
                [("fault", .text("latency")), ("region", .text(region.id))])
        case .clearLatencySpike(let region):
            network.latencySpikeMs[region.rawValue] = 0
            return event(
                .recovery, "latency in \(region.id) back to normal",
                [("fault", .text("latency")), ("region", .text(region.id))])
        case .freezeOracle(let asset):
            feeds[asset].frozen = true
            return event(
                .fault, "\(symbol(asset)) oracle frozen", [("fault", .text("oracle")), ("asset", .text(symbol(asset)))])
        case .unfreezeOracle(let asset):
            feeds[asset].frozen = false
            return event(
                .recovery, "\(symbol(asset)) oracle running",
                [("fault", .text("oracle")), ("asset", .text(symbol(asset)))])
        case .setBots(let enabled):
            botsEnabled = enabled
            return event(
                .bots, "liquidation bots \(enabled ? "on" : "off")", [("enabled", .text(enabled ? "true" : "false"))])
        case .userLiquidation(let account, let request):
            return sendUserLiquidation(account: account, request: request)
        case .intrusion(let center, let asset, let offsetBps, let detectAfter):
            return beginIntrusion(at: center, asset: asset, offsetBps: offsetBps, detectAfterSeconds: detectAfter)
        case .detectIntrusion(let center):
            return detectIntrusion(at: center)
        case .propose(let proposal):
            return propose(proposal)
        case .stewardUpdate(let proposal):
            return propose(proposal, byRiskSteward: true)
        }
    }
}
