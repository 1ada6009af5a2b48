import Testing

@testable import LiqCore

@Suite struct ShockPreviewTests {
    /// A still market (no volatility, no jumps), no bots and no defenders: what the preview says a −20 % WETH
    /// shock (wstETH with it) makes liquidatable is exactly what is liquidatable once the shock has reached
    /// both oracles.
    @Test(arguments: [-2_000, -700, 1_500])
    func thePreviewCountsWhatTheShockLiquidates(percentBps: Int) throws {
        var engine = try Engine(scenario: try ScenarioLoader.load(text: Self.stillMarket, file: "still.toml"), seed: 3)
        try engine.step()
        let preview = try #require(
            engine.snapshot(SnapshotRequest(shock: ShockQuery(asset: 0, percentBps: percentBps))).shockPreview)
        #expect(preview.query == ShockQuery(asset: 0, percentBps: percentBps))
        // wstETH tracks WETH in the default market: the shock and its preview move both.
        #expect(preview.movedAssets == [0, 1])
        // First in line: the lowest exact health factors after the shock, every account asked.
        let shocked = ShockScan.shocked(engine.world.pool, assets: [0, 1], percentBps: percentBps)
        let ranked = try shocked.accounts.indices.map {
            (try shocked.accountData(shocked.accounts[$0]).healthFactor, $0)
        }
        .filter { $0.0.isLiquidatable }.sorted { $0 < $1 }.prefix(ShockPreview.urgentShown)
        #expect(preview.mostUrgent.map(\.accountID) == ranked.map { shocked.accounts.id(at: $0.1) })
        #expect(preview.mostUrgent.map(\.healthFactor) == ranked.map(\.0))
        #expect(preview.mostUrgent.count == min(ShockPreview.urgentShown, preview.liquidatable))
        let before = try liquidatable(engine.world)
        engine.apply(.shock(asset: 0, percentBps: percentBps, overSeconds: 0))
        let moved = [engine.world.truePrices[0], engine.world.truePrices[1]]
        while [engine.world.pool.prices[0], engine.world.pool.prices[1]] != moved { try engine.step() }
        let after = try liquidatable(engine.world)
        #expect(preview.liquidatable == after.count)
        #expect(preview.newlyLiquidatable == after.subtracting(before).count)
        if percentBps <= -2_000 {
            #expect(after.count > before.count + 20, "the shock must liquidate some for the test to mean anything")
        }
    }

    /// With the dialog open on a running market, the preview from the kept shock index is the full scan's,
    /// frame after frame, and the index is rebuilt only when it no longer holds (not every tick); closing the
    /// dialog drops it.
    @Test func theKeptIndexAnswersAsTheFullScanWhileTheWorldRuns() throws {
        let scenario = try #require(try BuiltInScenarios.load("default"))
        var engine = try Engine(scenario: scenario, seed: 5)
        let request = SnapshotRequest(shock: ShockQuery(asset: 0, percentBps: -1_500))
        var builds = Set<[Double]>(), frames = 0
        for tick in 0..<240 {
            try engine.step()
            guard tick % 4 == 0 else { continue }
            let preview = try #require(engine.snapshot(request).shockPreview)
            let kept = try #require(engine.view.shockIndex)
            builds.insert(kept.builtPrices + kept.builtFactors + [Double(kept.builtRefreshes)])
            let world = engine.world
            let confirmed = Set(engine.view.keptSummary?.confirmed ?? [])
            let full = ShockPreview.compute(
                request.shock!, moving: preview.movedAssets,
                prices: world.truePrices(afterShockTo: 0, percentBps: -1_500), pool: world.pool,
                index: world.riskIndex, shockIndex: nil
            ) { world.riskIndex.verdict(account: $0) == .liquidatable || confirmed.contains($0) }
            #expect(preview.liquidatable == full?.liquidatable)
            #expect(preview.newlyLiquidatable == full?.newlyLiquidatable)
            frames += 1
        }
        #expect(builds.count < frames / 2, "rebuilt \(builds.count) times in \(frames) frames")
        _ = engine.snapshot(SnapshotRequest())
        #expect(engine.view.shockIndex == nil)
    }

    /// The oracles lag the true price (frozen while WETH falls 15 %): the shock applies to the true price, so
    /// the preview is of the state once the oracles follow it, not of the stale oracle moved by the same
    /// percentage.
    @Test func thePreviewFollowsTheTruePriceWhenTheOracleLags() throws {
        var engine = try Engine(scenario: try ScenarioLoader.load(text: Self.stillMarket, file: "still.toml"), seed: 4)
        try engine.step()
        for asset in [0, 1] { engine.apply(.freezeOracle(asset: asset)) }
        engine.apply(.shock(asset: 0, percentBps: -1_500, overSeconds: 0))
        try engine.step()
        let stale = [engine.world.pool.prices[0], engine.world.pool.prices[1]]
        #expect(stale[0] > engine.world.truePrices[0] * 11 / 10, "the oracle lags the fall")
        let preview = try #require(
            engine.snapshot(SnapshotRequest(shock: ShockQuery(asset: 0, percentBps: -1_000))).shockPreview)
        engine.apply(.shock(asset: 0, percentBps: -1_000, overSeconds: 0))
        for asset in [0, 1] { engine.apply(.unfreezeOracle(asset: asset)) }
        let moved = [engine.world.truePrices[0], engine.world.truePrices[1]]
        while [engine.world.pool.prices[0], engine.world.pool.prices[1]] != moved { try engine.step() }
        let after = try liquidatable(engine.world)
        #expect(preview.liquidatable == after.count)
        #expect(after.count > 50, "the fall and the shock together liquidate many")
        let ranked = try after.map {
            (try engine.world.pool.accountData(engine.world.pool.accounts[$0]).healthFactor, $0)
        }
        .sorted { $0 < $1 }.prefix(ShockPreview.urgentShown)
        #expect(preview.mostUrgent.map(\.accountID) == ranked.map { engine.world.pool.accounts.id(at: $0.1) })
    }

    /// The default market with 3,000 borrowers, still prices, no bots and no defenders.
    static let stillMarket = BuiltInScenarios.defaultTOML
        .replacingOccurrences(of: "count = 5000", with: "count = 3000")
        .replacingOccurrences(of: "jumps_per_day = 0.5", with: "jumps_per_day = 0")
        .replacingOccurrences(of: "annual_volatility_bps = 7000", with: "annual_volatility_bps = 0")
        .replacingOccurrences(of: "annual_volatility_bps = 5500", with: "annual_volatility_bps = 0")
        .replacingOccurrences(of: "health_sd = 0.35", with: "health_sd = 0.35\ndefend_share = 0")
        .replacingOccurrences(of: "flash_loans = true", with: "flash_loans = true\nenabled = false")

    func liquidatable(_ world: World) throws -> Set<Int> {
        Set(
            try world.pool.accounts.indices.filter {
                try world.pool.accountData(world.pool.accounts[$0]).healthFactor.isLiquidatable
            })
    }
}
