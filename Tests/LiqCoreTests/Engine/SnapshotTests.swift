import Testing

@testable import LiqCore

@Suite struct SnapshotTests {
    @Test func snapshotAddsUp() throws {
        var engine = try Engine(scenario: #require(try BuiltInScenarios.load("crash")), seed: 1)
        for _ in 0..<700 { try engine.step() }
        let snapshot = engine.snapshot()
        #expect(snapshot.regions.reduce(0) { $0 + $1.nodesTotal } == 64)
        #expect(snapshot.nodes.count == 64)
        #expect(abs(snapshot.regions.reduce(0.0) { $0 + $1.stakeShare } - 1) < 1e-9)
        #expect(snapshot.market.map(\.symbol) == ["WETH", "wstETH", "WBTC", "USDC", "USDT", "DAI"])
        #expect(snapshot.market[0].truePrice < 181_685_000_000 * 75 / 100, "ETH crashed 35 %")
        // Every account with debt sits in exactly one bucket.
        let withDebt = engine.world.pool.accounts.filter { $0.isBorrowingAny }.count
        #expect(snapshot.healthHistogram.reduce(0) { $0 + $1.accounts } == withDebt)
        // Deeper drops never liquidate less.
        let curve = snapshot.liquidationCurve.map(\.collateralUSD)
        #expect(curve == curve.sorted())
        #expect(snapshot.curveAsset == "WETH")
        // Pending liquidations are confirmed with exact quotes, most urgent first (by the estimate, one key for
        // every window; it agrees with the exact health factor to far better than the four decimals shown).
        let estimates = snapshot.pendingLiquidations.map { engine.world.riskIndex.healthFactor(account: $0.account) }
        #expect(estimates == estimates.sorted())
        for (row, estimate) in zip(snapshot.pendingLiquidations, estimates) {
            #expect(abs(Double(row.healthFactor.wad) / 1e18 - estimate) < 2e-4)
        }
        for row in snapshot.pendingLiquidations { #expect(row.healthFactor.isLiquidatable) }
        #expect(snapshot.propagationHistogram.count == 40)
        #expect(snapshot.headHeight == engine.world.chain.height)
    }

    /// Windows of the pending liquidations, taken one after another, list every listable account once, in
    /// one order (by the estimate, then the account), whatever the order asked, and with a filter too.
    @Test func consecutiveWindowsListEveryAccountOnce() throws {
        var engine = try Engine(scenario: #require(try BuiltInScenarios.load("crash")), seed: 1)
        for _ in 0..<700 { try engine.step() }
        let world = engine.world
        let view = engine.view
        let summary = view.riskSummary(world, curveAsset: 0)
        for (order, filter) in [(PendingQuery.Order.urgency, ""), (.debt, ""), (.urgency, "b1"), (.debt, "b2")] {
            var listed: [Int] = []
            var offset = 0
            var matching = Int.max
            while offset < matching {
                let page = view.pendingRows(
                    world, PendingQuery(filter: filter, order: order, offset: offset, limit: 17), summary: summary)
                matching = page.matching
                // The last page comes back so as to end with the ordering; it overlaps the one before.
                #expect(page.offset == max(0, min(offset, matching - 17)))
                #expect(page.rows.allSatisfy { (page.offset..<(page.offset + 17)).contains($0.position) })
                listed += page.rows.filter { $0.position >= offset }.map(\.account)
                offset += 17
            }
            #expect(listed.count == Set(listed).count, "no account twice (\(order), /\(filter))")
            let expected = try world.pool.accounts.indices.filter {
                try world.pool.accountData(world.pool.accounts[$0]).healthFactor.isLiquidatable
                    && (try world.pool.quotePosition(accountIndex: $0)).liquidation != nil
                    && (filter.isEmpty || world.pool.accounts.id(at: $0).contains(filter))
            }
            #expect(Set(listed) == Set(expected), "every listable account (\(order), /\(filter))")
            let keys = listed.map { world.riskIndex.healthFactor(account: $0) }
            let debts = listed.map { world.riskIndex.debtUSD(account: $0) }
            if order == .urgency { #expect(keys == keys.sorted()) } else { #expect(debts == debts.sorted(by: >)) }
        }
    }
}

/// The events log keeps a fault through the flood of liquidations it causes: routine events go first.
@Suite struct EventLogTests {
    @Test func keyEventsOutliveTheFlood() throws {
        let world = try World(scenario: try #require(try BuiltInScenarios.load("default")), seed: 1)
        var view = WorldView(world: world)
        let fault = Event(timeMs: 1, kind: .fault, message: "intrusion at aws-eu: …")
        let flood = (0..<1_000).map { Event(timeMs: 2 + Int64($0), kind: .liquidation, message: "liquidated b\($0)") }
        view.observe([fault] + flood, in: world, stepped: false)
        let log = view.notableEvents
        #expect(log.count == WorldView.notableLimit)
        #expect(log.first == fault)
        #expect(log.last?.message == "liquidated b999")
        #expect(log.dropFirst().allSatisfy { $0.kind == .liquidation })
    }
}
