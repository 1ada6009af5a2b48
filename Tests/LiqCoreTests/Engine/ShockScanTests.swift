import LiqBench
import Testing

@testable import LiqCore

@Suite struct ShockScanTests {
    @Test(arguments: [(-2_000, UInt64(1)), (-3_500, 2), (-500, 3), (1_000, 4)])
    func fastScanEqualsABruteForceExactScan(shock: (Int, UInt64)) throws {
        let pool = try BenchWorlds.pool(accounts: 3_000, seed: shock.1)
        let result = try ShockScan.run(pool, index: RiskIndex(pool: pool), asset: 0, percentBps: shock.0)
        let exact = try BenchWorlds.exactLiquidatable(pool, asset: 0, percentBps: shock.0)
        #expect(result.liquidatable.sorted() == exact)
        // The 100 most urgent are the brute-force top 100 by exact health factor.
        let shocked = ShockScan.shocked(pool, asset: 0, percentBps: shock.0)
        let healthFactors = try pool.accounts.indices.map { try shocked.accountData(pool.accounts[$0]).healthFactor }
        let ranked = exact.map { (account: $0, hf: healthFactors[$0]) }
            .sorted { ($0.hf, $0.account) < ($1.hf, $1.account) }.prefix(100).map(\.account)
        #expect(result.mostUrgent == ranked)
        #expect(result.mostUrgent.count == min(100, exact.count))
        if shock.0 <= -2_000 {
            #expect(exact.count > 50, "the shock must liquidate something for the test to mean anything")
        }
        // The histogram of estimates matches one of exact health factors, but for accounts within 2e-4 of an edge.
        let edges = HealthBands.edges
        var expected = Array(repeating: 0, count: edges.count + 1)
        var nearEdge = 0
        for hf in healthFactors where !hf.isInfinite {
            let value = Double(hf.wad) / 1e18
            expected[edges.firstIndex { value < $0 } ?? edges.count] += 1
            if edges.contains(where: { abs(value - $0) < 2e-4 }) { nearEdge += 1 }
        }
        let differences = zip(result.histogram, expected).reduce(0) { $0 + abs($1.0 - $1.1) }
        #expect(differences <= 2 * nearEdge)
        #expect(result.histogram.reduce(0, +) == pool.accounts.count)
    }

    /// The contract truncates the average liquidation threshold to whole basis points, so an account with
    /// two collaterals can be liquidatable while its estimate is just above 1: the scan must ask the exact
    /// arithmetic about it rather than dismiss it.
    @Test func anEstimateJustAboveOneIsDecidedExactly() throws {
        var pool = try BenchWorlds.pool(accounts: 0)
        let units = pool.reserves.map(\.configuration.unit)
        // WETH (LT 83 %) and WBTC (LT 78 %) in proportions that make the average 8,099.6 bps → 8,099.
        let wethUSD = 59_920.0, wbtcUSD = 40_080.0
        let weighted = wethUSD * 0.83 + wbtcUSD * 0.78
        let debtUSD = weighted / 1.00004 // estimate 1.00004 before the shock
        pool.accounts.append(
            id: "edge",
            collateral: [
                (0, World.amount(usd: wethUSD, price: pool.prices[0], unit: units[0])),
                (2, World.amount(usd: wbtcUSD, price: pool.prices[2], unit: units[2])),
            ], debt: [(3, World.amount(usd: debtUSD, price: pool.prices[3], unit: units[3]))])
        let data = try pool.accountData(pool.accounts[0])
        #expect(data.averageLiquidationThresholdBps == 8_099)
        #expect(data.healthFactor.isLiquidatable, "the exact HF is below 1")
        let index = RiskIndex(pool: pool)
        #expect(index.healthFactor(account: 0) > 1.00003)
        // A 0 % "shock" leaves it where it is: the scan must still report it.
        let result = try ShockScan.run(pool, index: index, asset: 1, percentBps: 0)
        #expect(result.liquidatable == [0])
        #expect(result.liquidatable == (try BenchWorlds.exactLiquidatable(pool, asset: 1, percentBps: 0)))
    }

    /// Under $1 of debt the contract's rounding of each value down to 1e-8 USD decides: 21,960,000 wei of
    /// WETH at $1,816.85 is worth 3.99e-8 USD, counted as 3e-8; against 3e-8 USD of DAI the exact HF is
    /// percentMul(3, 8300) / 3 = 2/3, while the estimate says 0.83 × 3.99 / 3 ≈ 1.10. The scan must ask.
    @Test func dustAccountsAreDecidedExactly() throws {
        var pool = try BenchWorlds.pool(accounts: 0)
        pool.accounts.append(id: "dust", collateral: [(0, 21_960_000)], debt: [(5, 30_000_000_000)])
        let data = try pool.accountData(pool.accounts[0])
        #expect(data.totalCollateralBase == 3 && data.totalDebtBase == 3)
        #expect(data.healthFactor.isLiquidatable)
        let index = RiskIndex(pool: pool)
        #expect(index.healthFactor(account: 0) > 1.1)
        let result = try ShockScan.run(pool, index: index, asset: 1, percentBps: 0)
        #expect(result.liquidatable == [0])
    }
}

/// The vector kernel of the scan against the scalar loop it replaced, to the bit: the same candidates
/// (account, estimate, certainty) and the same histogram, for one moved asset, an asset with a tracker
/// (two columns), a debt asset, and more columns than the kernel takes (the scalar path); sizes that
/// leave a tail of one to three accounts, and a pool with dust and debt-free accounts.
@Suite struct ScanKernelTests {
    static func reference(
        _ index: RiskIndex, moves: [(asset: Int, price: Double)], edges: [Double]
    )
        -> (candidates: [RiskIndex.Candidate], histogram: [Int])
    {
        var candidates: [RiskIndex.Candidate] = []
        var histogram = Array(repeating: 0, count: edges.count + 1)
        for account in 0..<index.count {
            var owed = index.owed[account], worth = index.weighted[account]
            for move in moves where !index.debtColumns[move.asset].isEmpty {
                owed +=
                    (move.price - index.prices[move.asset]) * index.debtFactors[move.asset]
                    * Double(index.debtColumns[move.asset][account])
            }
            for move in moves where !index.collateralColumns[move.asset].isEmpty {
                worth +=
                    (move.price - index.prices[move.asset]) * index.incomeFactors[move.asset]
                    * Double(index.collateralColumns[move.asset][account])
            }
            guard owed > 0 else { continue }
            let estimate = worth / owed
            var bin = 0
            while bin < edges.count && estimate >= edges[bin] { bin += 1 }
            histogram[bin] += 1
            let verdict = RiskIndex.verdict(estimate: estimate, owedUSD: owed, upperBand: index.upperBand)
            if verdict != .notLiquidatable {
                candidates.append(.init(account: account, estimate: estimate, certain: verdict == .liquidatable))
            }
        }
        return (candidates, histogram)
    }

    @Test(arguments: [
        (accounts: 4_001, moved: [0], factor: 0.8), (accounts: 4_002, moved: [0, 1], factor: 0.75),
        (accounts: 4_003, moved: [3], factor: 1.3), (accounts: 4_000, moved: [0, 1, 2, 3, 4, 5], factor: 0.9),
        (accounts: 110_001, moved: [0], factor: 0.8),
    ])
    func kernelEqualsTheScalarLoop(_ example: (accounts: Int, moved: [Int], factor: Double)) throws {
        var pool = try BenchWorlds.pool(accounts: example.accounts, seed: UInt64(example.accounts))
        // A dust account and one without debt, among the others.
        pool.accounts.append(id: "dust", collateral: [(0, 21_960_000)], debt: [(5, 30_000_000_000)])
        pool.accounts.append(id: "no debt", collateral: [(0, 1_000_000_000_000_000_000)], debt: [])
        let index = RiskIndex(pool: pool)
        let moves = example.moved.map { (asset: $0, price: index.prices[$0] * example.factor) }
        let expected = Self.reference(index, moves: moves, edges: HealthBands.edges)
        for slices in [1, 2] {
            let found = index.scan(moves: moves, edges: HealthBands.edges, slices: slices)
            #expect(found.histogram == expected.histogram)
            #expect(found.candidates.count == expected.candidates.count)
            #expect(found.candidates == expected.candidates)
        }
        #expect(
            expected.candidates.contains { $0.account == pool.accounts.count - 2 }, "the dust account is asked about")
        #expect(expected.histogram.reduce(0, +) == pool.accounts.count - 1, "all but the debt-free account")
    }
}
