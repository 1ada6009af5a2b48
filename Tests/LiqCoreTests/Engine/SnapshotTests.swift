import Testing
@testable import LiqCore

@Suite struct SnapshotTests {
    @Test func snapshotAddsUp() throws {
        var engine = try Engine(scenario: #require(try BuiltInScenarios.load("crash")), seed: 1)
        for _ in 0..<700 { try engine.step() }
        let snapshot = engine.world.snapshot()
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
        // Pending liquidations are confirmed with exact quotes, most urgent first.
        let hfs = snapshot.pendingLiquidations.map(\.healthFactor)
        #expect(hfs == hfs.sorted())
        for row in snapshot.pendingLiquidations { #expect(row.healthFactor.isLiquidatable) }
        #expect(snapshot.propagationHistogram.count == 40)
        #expect(snapshot.headHeight == engine.world.chain.height)
    }
}
