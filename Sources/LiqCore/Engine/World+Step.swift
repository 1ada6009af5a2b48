extension World {
    /// Advances the world by one tick and returns what happened in it: scheduled commands, the market, the
    /// nodes, the oracle reporters, any slot (a block or a missed one), gossip arriving, interest.
    public mutating func step() throws -> [Event] {
        var events: [Event] = []
        nowMs += settings.tickMs
        while let next = schedule.first, next.atMs <= nowMs {
            schedule.removeFirst()
            events += perform(next.command)
        }
        stepMarket()
        updateNodes()
        updateSequencer()
        events += detectDueIntrusions()
        events += advanceGovernance()
        submitOracleUpdates()
        while Int64(chain.lastSlotProcessed + 1) * chain.slotMs <= nowMs {
            events += produceSlot(chain.lastSlotProcessed + 1)
        }
        updateHeads()
        pool.time = UInt64(nowMs / 1_000)
        riskIndex.rebase(pool: pool) // interest: re-sums only once an index has moved past the tolerance
        trackStaleness()
        eventCount += events.count
        return events
    }

    mutating func stepMarket() {
        let before = settings.pricePaths.isEmpty ? [] : truePrices
        priceProcess.step(&truePrices, seconds: Double(settings.tickMs) / 1_000, quick: usesFastPaths, using: &rng)
        for index in shocks.indices {
            move(shocks[index].asset, by: shocks[index].factorPerTick)
            shocks[index].ticksLeft -= 1
        }
        shocks.removeAll { $0.ticksLeft <= 0 }
        followPaths(before: before, trackers: false)
        followTrackedPrices()
        followPaths(before: before, trackers: true)
    }

    /// Assets on a recorded path take its price now, times the shocks given them since, times (with `noise`)
    /// what their random process did this tick, reverting to the path. Tracked assets first (their
    /// trackers follow them), then trackers that have a path of their own.
    mutating func followPaths(before: [UInt128], trackers: Bool) {
        let seconds = Double(settings.tickMs) / 1_000
        for path in settings.pricePaths
        where (tracking.indices.contains(path.asset) && tracking[path.asset] != nil) == trackers {
            let asset = path.asset
            if path.noise, before.indices.contains(asset), before[asset] > 0 {
                let moved = pathNoise[asset] * Double(truePrices[asset]) / Double(before[asset])
                let kept = max(0, 1 - PricePath.noiseReversion * seconds)
                pathNoise[asset] = DeterministicMath.exp(DeterministicMath.log(moved) * kept)
            }
            truePrices[asset] = pathPrice(path)
        }
    }

    /// A path's price now, times the shocks given its asset and its noise.
    func pathPrice(_ path: PricePath) -> UInt128 {
        PriceProcess.quantize(path.price(atMs: nowMs) * pathOffsets[path.asset] * pathNoise[path.asset])
    }

    /// Moves an asset's true price by `factor`; for an asset that tracks another, its ratio (a depeg); for one
    /// on a recorded path, its offset from the path.
    mutating func move(_ asset: Int, by factor: Double) {
        if settings.pricePaths.contains(where: { $0.asset == asset }) {
            pathOffsets[asset] *= factor
        } else if let tracked = tracking.indices.contains(asset) ? tracking[asset] : nil {
            let ratio = Double(tracked.ratioWad) * factor
            tracking[asset]?.ratioWad = UInt128(max(1, min(ratio, 1e36)).rounded())
        } else {
            truePrices[asset] = PriceProcess.quantize(Double(truePrices[asset]) / 1e8 * factor)
        }
    }

    /// Each tracking asset's true price: the tracked one's times the ratio, within the world's bounds.
    mutating func followTrackedPrices() {
        for (asset, tracked) in tracking.enumerated() {
            guard let tracked else { continue }
            let price = FullWidth.mulDivSaturating(
                truePrices[tracked.asset], tracked.ratioWad, 1_000_000_000_000_000_000)
            truePrices[asset] = min(max(price, 1), PriceProcess.maximumUnits)
        }
    }

    /// The true prices of `assetsMoved(byShockTo: asset)` right after an instant shock of `percentBps` to
    /// `asset`: where their oracles go once they follow it (the shock dialog previews that state).
    public func truePrices(afterShockTo asset: Int, percentBps: Int) -> [UInt128] {
        var after = self
        after.move(asset, by: 1 + Double(percentBps) / 10_000)
        for path in settings.pricePaths where path.asset == asset { after.truePrices[asset] = after.pathPrice(path) }
        after.followTrackedPrices()
        return assetsMoved(byShockTo: asset).map { after.truePrices[$0] }
    }

    /// The assets a shock to `asset` moves: itself, and when it is not a tracker, those that track it.
    public func assetsMoved(byShockTo asset: Int) -> [Int] {
        guard tracking.indices.contains(asset), tracking[asset] == nil else { return [asset] }
        return [asset] + tracking.indices.filter { tracking[$0]?.asset == asset }
    }

    /// An L2's sequencer: the sentinel's view of its uptime feed (up, and since when), as Aave's
    /// PriceOracleSentinel reads it from the sequencer uptime feed.
    mutating func updateSequencer() {
        guard let sequencer, let l2 = settings.l2 else { return }
        let up = network.isUp(sequencer, at: nowMs)
        if !up { sequencerUpSinceMs = Int64.max } else if sequencerUpSinceMs == Int64.max { sequencerUpSinceMs = nowMs }
        pool.sentinel = PriceOracleSentinel(
            sequencerUp: up, secondsSinceUp: up ? UInt64(max(0, nowMs - sequencerUpSinceMs) / 1_000) : 0,
            gracePeriodSeconds: UInt64(l2.gracePeriodSeconds))
    }

    /// Uptime accounting; a node that comes back syncs for a while, then catches up with the chain.
    mutating func updateNodes() {
        // On the stack (this runs every tick): one entry per region.
        var regionLatency = InlineArray<6, Int>(repeating: 0)
        for region in Region.allCases {
            regionLatency[Int(region.rawValue)] = Int(clamping: network.meanLatency(region, region).rounded())
        }
        for node in network.nodes.indices {
            let up = network.isUp(node, at: nowMs)
            network.nodes[node].totalMs += settings.tickMs
            if up { network.nodes[node].upMs += settings.tickMs }
            if up && !network.nodes[node].wasUp {
                network.nodes[node].syncingUntilMs =
                    nowMs + 10_000 + Int64(max(0, chain.height - network.nodes[node].head)) * 50
            }
            if up, network.nodes[node].syncingUntilMs > 0, nowMs >= network.nodes[node].syncingUntilMs {
                network.nodes[node].head = max(network.nodes[node].head, chain.height)
                network.nodes[node].syncingUntilMs = 0
            }
            network.nodes[node].wasUp = up
            network.nodes[node].latencyMs = up ? regionLatency[Int(network.nodes[node].region.rawValue)] : 0
        }
    }

    /// Nodes take the newest block when its gossip reaches them.
    mutating func updateHeads() {
        guard !chain.pendingArrivals.isEmpty else { return }
        for node in chain.pendingArrivals.indices {
            guard let arrival = chain.pendingArrivals[node], arrival <= nowMs else { continue }
            if network.nodes[node].head < chain.pendingHeight {
                network.nodes[node].head = chain.pendingHeight
                network.nodes[node].recordPropagation(Int(arrival - chain.pendingStartMs))
            }
            chain.pendingArrivals[node] = nil
        }
    }

    /// A feed is stale from the moment an update is due (heartbeat or deviation) until one lands.
    mutating func trackStaleness() {
        for index in feeds.indices {
            let feed = feeds[index]
            // Against what its reporter reports (the market's price, or an intruder's): a feed that keeps
            // posting a manipulated price is wrong, not stale.
            if feed.isDue(truePrice: reportedPrice(feed), onChain: pool.prices[feed.asset], at: nowMs) {
                if feed.dueSinceMs == nil { feeds[index].dueSinceMs = nowMs }
                statistics.maxOracleStalenessMs = max(
                    statistics.maxOracleStalenessMs, feeds[index].stalenessMs(at: nowMs))
            } else {
                feeds[index].dueSinceMs = nil
            }
        }
    }
}
