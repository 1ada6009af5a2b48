extension WorldView {
    /// The snapshot of `world` now, for `request`: aggregates and the rows a screen shows, never the whole
    /// world. `nodeLimit` caps the per-node rows when no region is asked for. The summary and the pending
    /// window are kept until the risk index or the request changes.
    public mutating func snapshot(
        of world: World, _ request: SnapshotRequest = SnapshotRequest(), nodeLimit: Int = 512
    ) -> Snapshot {
        if keptLineage !== world.riskIndex.lineage {
            keptSummary = nil
            keptWindow = nil
            keptLineage = world.riskIndex.lineage
        }
        let curveIndex = request.curveAsset ?? world.defaultCurveAsset
        let summary = riskSummary(world, curveAsset: curveIndex)
        keptSummary = summary
        keptWindow = pendingWindow(world, request.pending, summary: summary)
        var snapshot = build(world, request, summary: summary, nodeLimit: nodeLimit)
        if world.sequencer != nil, let sentinel = world.pool.sentinel {
            snapshot.sequencerDown = !sentinel.sequencerUp
            if sentinel.sequencerUp, sentinel.secondsSinceUp <= sentinel.gracePeriodSeconds {
                snapshot.graceLeftSeconds = Int(sentinel.gracePeriodSeconds - sentinel.secondsSinceUp)
            }
        }
        snapshot.intrusions = world.network.dataCenters.filter { $0.intrusion?.isActive ?? false }.map(\.name)
        if let shock = request.shock {
            let confirmed = Set(summary.confirmed)
            let moved =
                shock.asset >= 0 && shock.asset < world.pool.prices.count
                ? world.assetsMoved(byShockTo: shock.asset) : []
            // The shock index of the group, kept while the dialog is open and rebuilt only when it no longer
            // holds (another asset's price or an interest index moved, or too many accounts changed).
            if !moved.isEmpty, shockIndex?.answers(assets: moved, index: world.riskIndex) != true {
                shockIndex = ShockIndex(index: world.riskIndex, pool: world.pool, assets: moved)
            }
            let prices = moved.isEmpty ? [] : world.truePrices(afterShockTo: shock.asset, percentBps: shock.percentBps)
            snapshot.shockPreview = ShockPreview.compute(
                shock, moving: moved, prices: prices, pool: world.pool, index: world.riskIndex, shockIndex: shockIndex
            ) { account in
                world.riskIndex.verdict(account: account) == .liquidatable || confirmed.contains(account)
            }
        }
        if request.shock == nil { shockIndex = nil }
        if let proposal = request.proposal {
            snapshot.proposalPreview = ProposalPreview.compute(proposal, pool: world.pool, index: world.riskIndex)
        }
        snapshot.proposals = world.proposals.filter { [.pending, .voting, .queued].contains($0.state) }
        snapshot.governance = world.settings.governance
        return snapshot
    }

    func build(_ world: World, _ request: SnapshotRequest, summary: RiskSummary, nodeLimit: Int) -> Snapshot {
        let (network, chain, pool, feeds) = (world.network, world.chain, world.pool, world.feeds)
        let (truePrices, dexPools, curveAsset) = (world.truePrices, world.dexPools, request.curveAsset)
        let nodeRegion = request.nodeRegion
        let now = world.nowMs
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
        let shownNodes =
            nodeRegion.map { region in Array(network.nodes.lazy.filter { $0.region == region }.prefix(4_096)) }
            ?? Array(network.nodes.prefix(nodeLimit))
        let nodes = shownNodes.map { node in
            Snapshot.NodeRow(
                id: node.id, name: node.name, region: node.region,
                dataCenter: network.dataCenters[node.dataCenter].name, roles: node.roles,
                status: network.status(of: node.id, at: now, chainHead: chain.height), peers: node.peers.count,
                latencyMs: node.latencyMs, head: node.head, lag: chain.height - node.head,
                lastPropagationMs: node.lastPropagationMs, propagationHistory: Array(node.recentPropagation),
                uptimePercent: node.uptimePercent, crashed: node.crashed, dataCenterIndex: node.dataCenter,
                dataCenterPowered: network.dataCenters[node.dataCenter].powered,
                compromised: network.isCompromised(node.id), slashed: node.slashed)
        }
        var histogram = Array(repeating: 0, count: 40)
        for node in network.nodes.indices where network.isUp(node, at: now) && network.nodes[node].head == chain.height
        {
            histogram[min(39, network.nodes[node].lastPropagationMs / 250)] += 1
        }
        let (online, total) = network.attestingStake(at: now)

        let market = pool.reserves.indices.map { asset in
            let feed = feeds[asset]
            let history = priceHistory[asset]
            let first = history.first ?? truePrices[asset]
            let change =
                first == 0
                ? 0 : Int(clamping: (truePrices[asset].doubleValue - first.doubleValue) / first.doubleValue * 10_000)
            let dex = dexPools.first { $0.asset == asset }
            let units = pool.reserves.map(\.configuration.unit)
            return Snapshot.MarketRow(
                symbol: pool.reserves[asset].configuration.symbol,
                decimals: pool.reserves[asset].configuration.decimals,
                truePrice: truePrices[asset], oraclePrice: pool.prices[asset],
                oracleAgeSeconds: feed.ageMs(at: now) / 1_000,
                isStale: feed.isStale(at: now), isFrozen: feed.frozen, changeBps: change,
                sparkline: history.map { $0.doubleValue / 1e8 },
                dexDepthUSD: dex.map {
                    $0.stableReserve.doubleValue / units[$0.stable].doubleValue * 2 * truePrices[$0.stable].doubleValue
                        / 1e8
                },
                tracks: world.tracking[asset].map { pool.reserves[$0.asset].configuration.symbol },
                riskParameters: RiskParameter.allCases.map { $0.value(in: pool.reserves[asset].configuration) },
                isManipulated: world.isManipulated(feed))
        }

        // Account-level figures from the risk index (kept between ticks while nothing changes).
        let prices = pool.prices.map { $0.doubleValue / 1e8 }
        let curveIndex = curveAsset ?? world.defaultCurveAsset
        let buckets = HealthBands.bands.indices.map {
            Snapshot.HealthBucket(
                label: HealthBands.bands[$0].label, accounts: summary.bucketAccounts[$0],
                debtUSD: summary.bucketDebtUSD[$0])
        }
        let atToday = summary.curve.first { $0.movePercent == 0 }?.collateralUSD ?? 0
        let risesMatter =
            summary.hasShorts || summary.curve.contains { $0.movePercent > 0 && $0.collateralUSD > atToday }
        let curve = summary.curve.filter { risesMatter || $0.movePercent <= 0 }.map {
            ($0.movePercent, $0.collateralUSD)
        }

        // The pending liquidations the screen shows, confirmed with exact quotes.
        let pending = pendingRows(world, request.pending, summary: summary)

        var assets: [Snapshot.AssetTotals] = []
        var totalSupplied = 0.0
        for reserve in pool.reserves.indices {
            let state = pool.reserves[reserve]
            let unit = state.configuration.unit.doubleValue
            let supplied = ((try? state.totalSupplied(at: pool.time)) ?? 0).doubleValue / unit * prices[reserve]
            let borrowed = ((try? state.totalDebt(at: pool.time)) ?? 0).doubleValue / unit * prices[reserve]
            let collateral = summary.collateralTokens[reserve]
            totalSupplied += supplied
            assets.append(
                .init(
                    symbol: state.configuration.symbol, borrowedUSD: borrowed,
                    collateralUSD: collateral * prices[reserve],
                    borrowRate: state.currentVariableBorrowRate.doubleValue / 1e25,
                    deficitUSD: state.deficit.doubleValue / unit * prices[reserve]))
        }

        return Snapshot(
            scenarioName: world.scenarioName, marketExport: world.marketExport, timeMs: now,
            tickMs: world.settings.tickMs,
            slotMs: Int64(world.settings.slotSeconds) * 1_000,
            botsEnabled: world.botsEnabled, headHeight: chain.height, finalizedHeight: chain.finalizedHeight,
            finalityStalledEpochs: chain.finalityStalledEpochs, baseFeeGwei: chain.baseFeeGwei,
            missedSlots: chain.missedSlots,
            lastBlockAgeMs: chain.recentBlocks.last.map { now - $0.timeMs },
            onlineStake: total == 0 ? 0 : Double(online) / Double(total), regions: regions,
            links: network.links, regionDown: network.regionDown, nodes: Array(nodes),
            propagationHistogram: histogram, market: market, healthHistogram: buckets, assets: assets,
            curveAsset: pool.reserves[curveIndex].configuration.symbol, liquidationCurve: curve,
            pendingLiquidations: pending.rows, blockedLiquidations: pending.blocked, pendingMatching: pending.matching,
            liquidatableAccounts: summary.liquidatableCount,
            totalSuppliedUSD: totalSupplied, totalBorrowedUSD: assets.reduce(0) { $0 + $1.borrowedUSD },
            totalDeficitUSD: assets.reduce(0) { $0 + $1.deficitUSD }, userOutcome: userOutcome,
            recentEvents: notableEvents)
    }
}

extension World {
    /// The first asset that is not a stablecoin: the curve's asset unless the request picks one.
    var defaultCurveAsset: Int { settings.assets.firstIndex { !$0.isStable } ?? 0 }
}

extension WorldView {
    /// The account-level summary for `curveAsset`: the kept one while the index has not changed.
    public func riskSummary(_ world: World, curveAsset: Int) -> RiskSummary {
        if let kept = keptSummary, keptLineage === world.riskIndex.lineage, kept.version == world.riskIndex.version,
            kept.curveAsset == curveAsset
        {
            return kept
        }
        var summary = world.riskIndex.summary(
            curveAssets: world.assetsMoved(byShockTo: curveAsset), edges: HealthBands.edges)
        summary.confirmed = summary.uncertain.filter {
            (try? world.pool.accountData(world.pool.accounts[$0]).healthFactor.isLiquidatable) == true
        }
        summary.liquidatableCount += summary.confirmed.count
        return summary
    }
}
