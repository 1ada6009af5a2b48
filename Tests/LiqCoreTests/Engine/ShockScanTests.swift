import Testing
@testable import LiqCore

@Suite struct ShockScanTests {
    @Test(arguments: [(-2_000, UInt64(1)), (-3_500, 2), (-500, 3), (1_000, 4)])
    func fastScanEqualsABruteForceExactScan(shock: (Int, UInt64)) throws {
        let pool = try BenchWorlds.pool(accounts: 3_000, seed: shock.1)
        let result = try BenchWorlds.shockScan(pool, index: RiskIndex(pool: pool), asset: 0, percentBps: shock.0)
        let exact = try BenchWorlds.exactLiquidatable(pool, asset: 0, percentBps: shock.0)
        #expect(result.liquidatable.sorted() == exact)
        #expect(result.histogram.reduce(0, +) == pool.accounts.count)
        #expect(result.mostUrgent.count == min(100, exact.count))
        if shock.0 <= -2_000 { #expect(exact.count > 50, "the shock must liquidate something for the test to mean anything") }
    }
}
