import LiqBench
import Testing

@testable import LiqCore

@Suite struct RiskIndexTests {
    /// The estimate of every account against the exact health factor, before and after a refresh and a rebase.
    @Test func estimatesFollowTheExactHealthFactor() throws {
        var pool = try BenchWorlds.pool(accounts: 500, seed: 5)
        var index = RiskIndex(pool: pool)
        func check() throws {
            for account in pool.accounts.indices {
                let exact = Double(try pool.accountData(pool.accounts[account]).healthFactor.wad) / 1e18
                let estimate = index.healthFactor(account: account)
                // Above by at most the truncated average threshold (1/LT), below by float rounding only.
                #expect(
                    estimate >= exact * (1 - RiskIndex.certainBelow) && estimate <= exact * (1 + index.upperBand),
                    "account \(account)")
            }
        }
        try check()
        // An oracle update: rebase to the new prices.
        pool.prices[0] = pool.prices[0] * 7 / 10
        index.rebase(pool: pool)
        try check()
        // Interest: a year at 8 % on debt and 3 % on deposits, then the index follows the reserves' indexes.
        for reserve in pool.reserves.indices {
            pool.reserves[reserve].currentVariableBorrowRate = 8 * 10_000_000_000_000_000_000_000_000 / 100
            pool.reserves[reserve].currentLiquidityRate = 3 * 10_000_000_000_000_000_000_000_000 / 100
        }
        pool.time += 365 * 86_400
        let versionBefore = index.version
        index.rebase(pool: pool)
        #expect(index.version != versionBefore)
        try check()
        // An account halves its debt: refresh it.
        var account = pool.accounts[3]
        for reserve in 0..<account.scaledDebt.count { account.scaledDebt[reserve] /= 2 }
        pool.accounts[3] = account
        let before = index.version
        index.refresh(account: 3, in: pool)
        #expect(index.version != before)
        try check()
    }

    /// The summary's histogram, liquidatable count and curve against a direct per-account evaluation, in one
    /// range of accounts and split into two or three (one per core), across the chunks of `SummaryTally`.
    @Test(arguments: [1, 2, 3])
    func summaryMatchesADirectEvaluation(parts: Int) throws {
        let pool = try BenchWorlds.pool(accounts: 5_000, seed: 9)
        let index = RiskIndex(pool: pool)
        let edges = HealthBands.edges
        #expect(index.count > 2 * SummaryTally.chunk)
        let summary = index.summary(curveAssets: [0], edges: edges, shortlist: 50, parts: parts)
        var histogram = Array(repeating: 0, count: edges.count + 1)
        var liquidatable: [(Int, Double)] = []
        var certain = 0, uncertain: [Int] = []
        var curve = Array(repeating: 0.0, count: RiskSummary.curveMoves.count)
        let prices = pool.prices.map { Double($0) / 1e8 }
        for account in pool.accounts.indices {
            let hf = index.healthFactor(account: account)
            guard hf.isFinite else { continue }
            histogram[edges.firstIndex { hf < $0 } ?? edges.count] += 1
            if hf < 1 + index.upperBand { liquidatable.append((account, hf)) }
            if hf < 1 - RiskIndex.certainBelow, index.debtUSD(account: account) >= 1 {
                certain += 1
            } else if hf < 1 + index.upperBand {
                uncertain.append(account)
            }
            for (level, move) in RiskSummary.curveMoves.enumerated()
            where index.healthFactor(account: account, asset: 0, price: prices[0] * (1 + Double(move) / 100)) < 1 {
                curve[level] += index.collateralUSD(account: account)
            }
        }
        #expect(summary.bucketAccounts == histogram)
        #expect(summary.liquidatableCount == certain)
        #expect(summary.uncertain == uncertain)
        #expect(
            summary.mostUrgent.map(\.account) == liquidatable.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(50).map(\.0)
        )
        for level in curve.indices {
            #expect(
                abs(summary.curve[level].collateralUSD - curve[level]) <= 1e-6 * max(1, curve[level]),
                "move \(RiskSummary.curveMoves[level]) %")
        }
        let now = try #require(RiskSummary.curveMoves.firstIndex(of: 0))
        #expect(curve.last! > curve[now], "a 50 % fall must put more collateral at risk than none")
        // Collateral per asset in tokens: the exact balances summed.
        for asset in 0..<pool.reserves.count {
            var tokens = 0.0
            for account in pool.accounts.indices where pool.accounts[account].usingAsCollateral[asset] {
                tokens +=
                    Double(try pool.collateralBalance(pool.accounts[account], reserve: asset))
                    / Double(pool.reserves[asset].configuration.unit)
            }
            #expect(abs(summary.collateralTokens[asset] - tokens) <= 1e-6 * max(1, tokens))
        }
    }

    /// A risk index rebuilt after a threshold change (as governance does) can carry the same version as the one
    /// the view kept its summary from: the view still renews it.
    @Test func theViewRenewsItsSummaryForARebuiltIndex() throws {
        var world = try World(scenario: try #require(try BuiltInScenarios.load("default")), seed: 2)
        var view = WorldView(world: world)
        let before = view.snapshot(of: world)
        world.pool.reserves[0].configuration.liquidationThresholdBps -= 2_000
        world.pool.reserves[0].configuration.ltvBps = 0
        world.riskIndex = RiskIndex(pool: world.pool)
        let after = view.snapshot(of: world)
        #expect(view.keptSummary?.version == RiskIndex(pool: world.pool).version, "the versions collide")
        let expected = world.riskIndex.summary(curveAssets: world.assetsMoved(byShockTo: 0), edges: HealthBands.edges)
        #expect(after.healthHistogram.map(\.accounts) == expected.bucketAccounts)
        #expect(after.healthHistogram.map(\.accounts) != before.healthHistogram.map(\.accounts))
    }

    /// The view keeps its summary while nothing changes, and renews it when the index changes.
    @Test func theViewKeepsItsSummaryUntilTheIndexChanges() throws {
        var engine = try Engine(scenario: try BuiltInScenarios.load("default")!, seed: 1)
        _ = engine.snapshot()
        let kept = try #require(engine.view.keptSummary)
        #expect(kept.version == engine.world.riskIndex.version)
        #expect(engine.view.riskSummary(engine.world, curveAsset: 0).version == kept.version)
        var world = engine.world
        world.pool.prices[0] = world.pool.prices[0] / 2
        world.riskIndex.rebase(pool: world.pool)
        #expect(engine.view.riskSummary(world, curveAsset: 0).version != kept.version)
        #expect(engine.view.riskSummary(world, curveAsset: 0).liquidatableCount > kept.liquidatableCount)
    }
}
