import Testing

@testable import LiqCore

/// Leverage both ways: `[borrowers] shares` mixes longs (volatile collateral, stablecoin debt), shorts
/// (stablecoin collateral, volatile debt) and yield loops (wstETH supplied, WETH borrowed in the ETH eMode
/// category). Each shape is liquidated by its own move: a fall, a rise, a depeg of wstETH against ETH.
@Suite struct BorrowerShapeTests {
    static let shares = "shares = { long = 0.6, short = 0.15, loop = 0.25 }"

    static func world(count: Int = 5_000) throws -> World {
        let toml = BuiltInScenarios.defaultTOML
            .replacingOccurrences(of: "\nhealth_sd = 0.35\n", with: "\nhealth_sd = 0.35\n\(shares)\n")
            .replacingOccurrences(of: "\ncount = 5000\n", with: "\ncount = \(count)\n")
        return try World(scenario: try ScenarioLoader.load(text: toml, file: "mix.toml"), seed: 3)
    }

    enum Shape: Equatable { case long, short, loop }

    static func isGenerated(_ world: World, _ account: Int) -> Bool {
        let id = world.pool.accounts.id(at: account)
        return id.hasPrefix("b") && id.count > 1 && id.dropFirst().allSatisfy(\.isNumber)
    }

    /// A generated account's shape from its positions (the scenario's own positions are nil).
    static func shape(_ world: World, _ account: Int) -> Shape? {
        guard isGenerated(world, account) else { return nil }
        let borrower = world.pool.accounts[account]
        let symbols = world.pool.reserves.map(\.configuration.symbol)
        let held = symbols.indices.filter { borrower.usingAsCollateral[$0] && borrower.scaledCollateral[$0] > 0 }.map {
            symbols[$0]
        }
        let owed = symbols.indices.filter { borrower.scaledDebt[$0] > 0 }.map { symbols[$0] }
        let stable: Set = ["USDC", "USDT", "DAI"]
        if held == ["wstETH"], owed == ["WETH"], borrower.eModeCategory == 1 { return .loop }
        if held.count == 1, stable.contains(held[0]), owed.count == 1, ["WETH", "WBTC"].contains(owed[0]),
            borrower.eModeCategory == 0
        {
            return .short
        }
        if owed.count == 1, stable.contains(owed[0]), held.allSatisfy({ !stable.contains($0) }),
            borrower.eModeCategory == 0
        {
            return .long
        }
        return nil
    }

    @Test func theMixFollowsTheSharesAndEveryShapeStartsAboveTheFloor() throws {
        let world = try Self.world()
        var counts: [Shape: Int] = [:]
        for account in world.pool.accounts.indices where Self.isGenerated(world, account) {
            guard let shape = Self.shape(world, account) else {
                Issue.record("\(world.pool.accounts.id(at: account)) has none of the three shapes")
                continue
            }
            counts[shape, default: 0] += 1
            let health = try world.pool.accountData(world.pool.accounts[account]).healthFactor
            // The floor of 1.02, with the slack of amounts rounded to units and thresholds to bps.
            #expect(Double(health.wad) / 1e18 >= 1.02 * 0.999)
        }
        // 5,000 draws: a share's standard deviation is under 0.7 %; 2.5 % is more than 3.5 of them.
        #expect(abs(Double(counts[.long] ?? 0) / 5_000 - 0.6) < 0.025)
        #expect(abs(Double(counts[.short] ?? 0) / 5_000 - 0.15) < 0.025)
        #expect(abs(Double(counts[.loop] ?? 0) / 5_000 - 0.25) < 0.025)
    }

    /// Which shapes a shock liquidates that were not liquidatable before it.
    static func liquidated(_ world: World, assets: [Int], percentBps: Int) throws -> [Shape: Int] {
        let before = try ShockScan.run(world.pool, index: world.riskIndex, assets: assets, percentBps: 0)
        let after = try ShockScan.run(world.pool, index: world.riskIndex, assets: assets, percentBps: percentBps)
        var counts: [Shape: Int] = [:]
        for account in Set(after.liquidatable).subtracting(before.liquidatable) {
            if let shape = shape(world, account) { counts[shape, default: 0] += 1 }
        }
        return counts
    }

    @Test func aFallLiquidatesLongsARiseShortsAndADepegLoops() throws {
        let world = try Self.world()
        let (weth, wsteth) = (0, 1)
        let fall = try Self.liquidated(world, assets: [weth, wsteth], percentBps: -2_000)
        #expect((fall[.long] ?? 0) > 50 && fall[.short] == nil && fall[.loop] == nil, "\(fall)")
        let rise = try Self.liquidated(world, assets: [weth, wsteth], percentBps: 3_000)
        #expect((rise[.short] ?? 0) > 20 && rise[.long] == nil && rise[.loop] == nil, "\(rise)")
        // wstETH alone 6.5 % below ETH (stETH's low of June 2022): the loops go, by far the most of them
        // (longs that hold wstETH lose 6.5 % of it too, but they started further from the edge).
        let depeg = try Self.liquidated(world, assets: [wsteth], percentBps: -650)
        #expect((depeg[.loop] ?? 0) > 100 && depeg[.short] == nil, "\(depeg)")
        #expect((depeg[.loop] ?? 0) > 3 * (depeg[.long] ?? 0), "\(depeg)")
    }

    /// The index answers rises and depegs over shorts and loops as the full scan does.
    @Test(arguments: [(3_000, [0, 1]), (-650, [1]), (-2_000, [0, 1]), (5_000, [2])])
    func theShockIndexAgreesWithTheFullScanOverEveryShape(shock: (bps: Int, group: [Int])) throws {
        let world = try Self.world(count: 3_000)
        let shockIndex = ShockIndex(index: world.riskIndex, pool: world.pool, assets: shock.group)
        let indexed = try ShockScan.run(
            world.pool, index: world.riskIndex, assets: shock.group, percentBps: shock.bps, shockIndex: shockIndex)
        let full = try ShockScan.full(world.pool, index: world.riskIndex, assets: shock.group, percentBps: shock.bps)
        #expect(indexed.liquidatable == full.liquidatable)
        #expect(indexed.mostUrgent == full.mostUrgent)
        #expect(!full.liquidatable.isEmpty)
    }

    /// The curve shows rises when someone owes the asset: shorts are liquidated as WETH rises.
    @Test func theCurveShowsRisesWhenShortsOweTheAsset() throws {
        let world = try Self.world()
        var view = WorldView(world: world)
        let snapshot = view.snapshot(of: world, SnapshotRequest(curveAsset: 0))
        let moves = snapshot.liquidationCurve.map(\.movePercent)
        #expect(moves == RiskSummary.curveMoves)
        let rise50 = try #require(snapshot.liquidationCurve.first).collateralUSD
        let now = try #require(snapshot.liquidationCurve.first { $0.movePercent == 0 }).collateralUSD
        #expect(rise50 > now + 1_000_000, "shorts' collateral at +50 %: \(rise50) against \(now)")
        // Long-only (the default): no rise, as before.
        let plain = try World(scenario: try #require(try BuiltInScenarios.load("default")), seed: 3)
        var plainView = WorldView(world: plain)
        let falls = plainView.snapshot(of: plain, SnapshotRequest(curveAsset: 0)).liquidationCurve.map(\.movePercent)
        #expect(falls == Array(stride(from: 0, through: -50, by: -5)))
        // Shorts keep the rises on the curve even when today's price already liquidates more than a rise would.
        #expect(world.riskIndex.summary(curveAssets: [0, 1], edges: HealthBands.edges).hasShorts)
        #expect(!plain.riskIndex.summary(curveAssets: [0, 1], edges: HealthBands.edges).hasShorts)
    }
}
