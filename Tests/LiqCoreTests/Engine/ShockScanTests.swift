import Testing
@testable import LiqCore

@Suite struct ShockScanTests {
    @Test(arguments: [(-2_000, UInt64(1)), (-3_500, 2), (-500, 3), (1_000, 4)])
    func fastScanEqualsABruteForceExactScan(shock: (Int, UInt64)) throws {
        let pool = try BenchWorlds.pool(accounts: 3_000, seed: shock.1)
        let result = try BenchWorlds.shockScan(pool, index: RiskIndex(pool: pool), asset: 0, percentBps: shock.0)
        let exact = try BenchWorlds.exactLiquidatable(pool, asset: 0, percentBps: shock.0)
        #expect(result.liquidatable.sorted() == exact)
        // The struct-of-arrays index gives the same answer.
        let shockIndex = ShockIndex(RiskIndex(pool: pool), prices: pool.prices.map { Double($0) / 1e8 })
        let columnar = try BenchWorlds.shockScan(pool, shockIndex: shockIndex, asset: 0, percentBps: shock.0)
        #expect(columnar.liquidatable.sorted() == exact)
        #expect(columnar.histogram == result.histogram)
        #expect(columnar.mostUrgent == result.mostUrgent)
        // The 100 most urgent are the brute-force top 100 by exact health factor.
        var shocked = pool
        shocked.prices[0] = shocked.prices[0] * UInt128(10_000 + shock.0) / 10_000
        let ranked = try exact.map { (account: $0, hf: try shocked.accountData(pool.accounts[$0]).healthFactor) }
            .sorted { ($0.hf, $0.account) < ($1.hf, $1.account) }.prefix(100).map(\.account)
        #expect(result.mostUrgent == ranked)
        #expect(result.histogram.reduce(0, +) == pool.accounts.count)
        #expect(result.mostUrgent.count == min(100, exact.count))
        if shock.0 <= -2_000 { #expect(exact.count > 50, "the shock must liquidate something for the test to mean anything") }
    }
}
