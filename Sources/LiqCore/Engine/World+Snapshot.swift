extension World {
    static let healthEdges: [(String, Double)] = [("< 0.9", 0.9), ("0.9–0.95", 0.95), ("0.95–1.0", 1.0), ("1.0–1.05", 1.05),
                                                  ("1.05–1.1", 1.1), ("1.1–1.25", 1.25), ("1.25–1.5", 1.5), ("1.5–2", 2),
                                                  ("2–3", 3), ("≥ 3", .infinity)]

    /// The snapshot of the world now. `curveAsset` picks the asset of the liquidations-versus-price curve
    /// (default: the first asset that is not a stablecoin); `nodeLimit` caps the per-node rows.
    /// `nodeRegion` asks for that region's nodes (up to 4,096) rather than the first `nodeLimit` of all.
    /// `pendingQuery` picks the pending liquidations (default: the `pendingLimit` most urgent).
    public func snapshot(curveAsset: Int? = nil, nodeRegion: Region? = nil, pendingQuery: PendingQuery? = nil,
                         nodeLimit: Int = 512, pendingLimit: Int = 20) -> Snapshot {
        let now = nowMs
        var regions: [Snapshot.RegionRow] = []
        for region in Region.allCases {
            let members = network.nodes.indices.filter { network.nodes[$0].region == region }
            guard !members.isEmpty else { continue }
            let up = members.filter { network.isUp($0, at: now) }
            func median(_ values: [Int]) -> Int { values.isEmpty ? 0 : values.sorted()[values.count / 2] }
            func percentile(_ values: [Int], _ p: Double) -> Int {
                values.isEmpty ? 0 : values.sorted()[min(values.count - 1, Int(Double(values.count) * p))]
            }
            let propagation: [Int] = up.map { network.nodes[$0].lastPropagationMs }
            let latencies: [Int] = up.map { network.nodes[$0].latencyMs }
            let lags: [Int] = up.map { chain.height - network.nodes[$0].head }
            var stake: UInt64 = 0, stakeUp: UInt64 = 0, totalStake: UInt64 = 0
            for node in members { stake += network.nodes[node].stake }
            for node in up { stakeUp += network.nodes[node].stake }
            for node in network.nodes { totalStake += node.stake }
            var peers = 0
            for node in up { peers += network.nodes[node].peers.count }
            var uptime = 0.0
            for node in members { uptime += network.nodes[node].uptimePercent }
            let row = Snapshot.RegionRow(
                region: region, nodesUp: up.count, nodesTotal: members.count,
                medianLatencyMs: median(latencies), medianLagBlocks: median(lags),
                averagePeers: up.isEmpty ? 0 : Double(peers) / Double(up.count),
                propagationP50Ms: percentile(propagation, 0.5), propagationP90Ms: percentile(propagation, 0.9),
                uptimePercent: uptime / Double(members.count),
                stakeOnline: stake == 0 ? 0 : Double(stakeUp) / Double(stake),
                stakeShare: totalStake == 0 ? 0 : Double(stake) / Double(totalStake))
            regions.append(row)
        }
        let shownNodes = nodeRegion.map { region in Array(network.nodes.lazy.filter { $0.region == region }.prefix(4_096)) }
            ?? Array(network.nodes.prefix(nodeLimit))
        let nodes = shownNodes.map { node in
            Snapshot.NodeRow(id: node.id, name: node.name, region: node.region,
                             dataCenter: network.dataCenters[node.dataCenter].name, roles: node.roles,
                             status: network.status(of: node.id, at: now, chainHead: chain.height), peers: node.peers.count,
                             latencyMs: node.latencyMs, head: node.head, lag: chain.height - node.head,
                             lastPropagationMs: node.lastPropagationMs, propagationHistory: node.propagationHistory,
                             uptimePercent: node.uptimePercent, crashed: node.crashed, dataCenterIndex: node.dataCenter,
                             dataCenterPowered: network.dataCenters[node.dataCenter].powered)
        }
        var histogram = Array(repeating: 0, count: 40)
        for node in network.nodes.indices where network.isUp(node, at: now) && network.nodes[node].head == chain.height {
            histogram[min(39, network.nodes[node].lastPropagationMs / 250)] += 1
        }
        let (online, total) = network.attestingStake(at: now)

        let market = pool.reserves.indices.map { asset in
            let feed = feeds[asset]
            let history = priceHistory[asset]
            let first = history.first ?? truePrices[asset]
            let change = first == 0 ? 0 : Int(clamping: (truePrices[asset].doubleValue - first.doubleValue) / first.doubleValue * 10_000)
            let dex = dexPools.first { $0.asset == asset }
            let units = pool.reserves.map(\.configuration.unit)
            return Snapshot.MarketRow(
                symbol: pool.reserves[asset].configuration.symbol, decimals: pool.reserves[asset].configuration.decimals,
                truePrice: truePrices[asset], oraclePrice: pool.prices[asset],
                oracleAgeSeconds: feed.ageMs(at: now) / 1_000, heartbeatSeconds: feed.heartbeatMs / 1_000,
                isStale: feed.isStale(at: now), isFrozen: feed.frozen, changeBps: change,
                sparkline: history.map { Double($0) / 1e8 },
                dexDepthUSD: dex.map { Double($0.stableReserve) / Double(units[$0.stable]) * 2 * Double(truePrices[$0.stable]) / 1e8 },
                dexPrice: dex.map { $0.midPrice(assetUnit: units[$0.asset], stableUnit: units[$0.stable], stablePrice: truePrices[$0.stable]) })
        }

        // Account-level figures from the risk index (kept between ticks while nothing changes).
        let prices = pool.prices.map { Double($0) / 1e8 }
        let curveIndex = curveAsset ?? defaultCurveAsset
        let summary = riskSummary(curveAsset: curveIndex)
        let buckets = Self.healthEdges.indices.map {
            Snapshot.HealthBucket(label: Self.healthEdges[$0].0, accounts: summary.bucketAccounts[$0], debtUSD: summary.bucketDebtUSD[$0])
        }
        let curve = summary.curve.map { ($0.dropPercent, $0.collateralUSD) }

        // The pending liquidations the screen shows, confirmed with exact quotes.
        let pending = pendingRows(pendingQuery ?? PendingQuery(limit: pendingLimit), summary: summary)

        var assets: [Snapshot.AssetTotals] = []
        for reserve in pool.reserves.indices {
            let state = pool.reserves[reserve]
            let unit = Double(state.configuration.unit)
            let supplied = Double((try? state.totalSupplied(at: pool.time)) ?? 0) / unit * prices[reserve]
            let borrowed = Double((try? state.totalDebt(at: pool.time)) ?? 0) / unit * prices[reserve]
            let collateral = summary.collateralTokens[reserve]
            assets.append(.init(symbol: state.configuration.symbol, suppliedUSD: supplied, borrowedUSD: borrowed,
                                collateralUSD: collateral * prices[reserve],
                                utilisation: supplied == 0 ? 0 : borrowed / supplied,
                                borrowRate: Double(state.currentVariableBorrowRate) / 1e25,
                                supplyRate: Double(state.currentLiquidityRate) / 1e25,
                                deficitUSD: Double(state.deficit) / unit * prices[reserve]))
        }

        return Snapshot(
            scenarioName: scenarioName, timeMs: now, tickMs: settings.tickMs, paused: paused, speed: speed,
            botsEnabled: botsEnabled, headHeight: chain.height, finalizedHeight: chain.finalizedHeight,
            finalityStalledEpochs: chain.finalityStalledEpochs, baseFeeGwei: chain.baseFeeGwei,
            blocksProduced: chain.blocksProduced, missedSlots: chain.missedSlots,
            lastBlockAgeMs: chain.recentBlocks.last.map { now - $0.timeMs },
            onlineStake: total == 0 ? 0 : Double(online) / Double(total), regions: regions,
            links: network.links, regionDown: network.regionDown, nodes: Array(nodes),
            propagationHistogram: histogram, market: market, healthHistogram: buckets, assets: assets,
            curveAsset: pool.reserves[curveIndex].configuration.symbol, liquidationCurve: curve,
            pendingLiquidations: pending.rows, pendingOffset: pending.offset, pendingMatching: pending.matching,
            liquidatableAccounts: summary.liquidatableCount,
            totalSuppliedUSD: assets.reduce(0) { $0 + $1.suppliedUSD }, totalBorrowedUSD: assets.reduce(0) { $0 + $1.borrowedUSD },
            totalDeficitUSD: assets.reduce(0) { $0 + $1.deficitUSD }, statistics: statistics, userOutcome: userOutcome,
            recentEvents: Array(notableEvents.suffix(300)))
    }
}

extension World {
    /// The first asset that is not a stablecoin: the curve's asset unless the caller picks one.
    var defaultCurveAsset: Int { settings.assets.firstIndex { !$0.isStable } ?? 0 }

    /// The account-level summary for `curveAsset`: the kept one while the index has not changed.
    public func riskSummary(curveAsset: Int) -> RiskSummary {
        if let kept = keptRiskSummary, kept.version == riskIndex.version, kept.curveAsset == curveAsset { return kept }
        var summary = riskIndex.summary(curveAsset: curveAsset, edges: Self.healthEdges.dropLast().map(\.1))
        summary.confirmed = summary.uncertain.filter { (try? pool.accountData(pool.accounts[$0]).healthFactor.isLiquidatable) == true }
        summary.liquidatableCount += summary.confirmed.count
        return summary
    }

    /// Computes the summary when the index has changed since the last one, and keeps it.
    public mutating func updateRiskSummary(curveAsset: Int? = nil) {
        keptRiskSummary = riskSummary(curveAsset: curveAsset ?? defaultCurveAsset)
    }
}
