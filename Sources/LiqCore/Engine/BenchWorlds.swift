/// Large, seeded inputs for `liqtop bench` (and tests of the scan at smaller sizes).
public enum BenchWorlds {
    /// The default scenario's six reserves with `count` generated accounts: 1–3 collateral assets
    /// (WETH, wstETH, WBTC) and 1–2 debt assets (USDC, USDT, DAI), health factors around 1.4.
    public static func pool(accounts count: Int, seed: UInt64 = 42) throws -> LendingPool {
        guard var scenario = try BuiltInScenarios.load("default") else { fatalError("default scenario") }
        scenario.positions = []
        var pool = try scenario.makePool()
        var rng = SeededGenerator(seed: seed)
        let units = pool.reserves.map(\.configuration.unit)
        pool.accounts.reserveCapacity(accounts: count, positions: count * 4)
        for index in 0..<count {
            let debtUSD = 20_000 * DeterministicMath.exp(1.0 * rng.normal())
            let target = max(1.01, 1.4 + 0.3 * rng.normal())
            let collateralCount = rng.int(in: 1...3), debtCount = rng.int(in: 1...2)
            var collateralAssets = [0, 1, 2]
            for _ in 0..<(3 - collateralCount) { collateralAssets.remove(at: rng.int(in: 0...(collateralAssets.count - 1))) }
            var debtAssets = [3, 4, 5]
            for _ in 0..<(3 - debtCount) { debtAssets.remove(at: rng.int(in: 0...(debtAssets.count - 1))) }
            let collateral = collateralAssets.map { asset in
                let threshold = Double(pool.reserves[asset].configuration.liquidationThresholdBps) / 10_000
                let usd = debtUSD * target / threshold / Double(collateralAssets.count)
                return (reserve: asset, amount: World.amount(usd: usd, price: pool.prices[asset], unit: units[asset]))
            }
            let debt = debtAssets.map { asset in
                (reserve: asset, amount: World.amount(usd: debtUSD / Double(debtAssets.count), price: pool.prices[asset], unit: units[asset]))
            }
            pool.accounts.append(id: "a\(index)", collateral: collateral, debt: debt)
        }
        return pool
    }

    /// The answer of a shock scan: accounts liquidatable after the shock (exact), the HF histogram and
    /// the most urgent accounts.
    public struct ScanResult: Sendable, Equatable {
        public var liquidatable: [Int]
        public var histogram: [Int]
        public var mostUrgent: [Int]
    }

    static let edges: [Double] = [0.9, 0.95, 1.0, 1.05, 1.1, 1.25, 1.5, 2, 3]

    /// The fast scan: the struct-of-arrays index finds candidates in one pass over both cores; the exact
    /// health factor at the shocked oracle prices decides every account the estimate does not settle.
    public static func shockScan(_ pool: LendingPool, index: RiskIndex, asset: Int, percentBps: Int, urgent: Int = 100) throws -> ScanResult {
        var shockedPool = pool
        shockedPool.prices[asset] = shockedPool.prices[asset] * UInt128(10_000 + percentBps) / 10_000
        let (candidates, histogram) = index.scan(asset: asset, price: Double(shockedPool.prices[asset]) / 1e8, edges: edges)
        var liquidatable: [(Int, Double)] = []
        liquidatable.reserveCapacity(candidates.count)
        for candidate in candidates {
            let confirmed = try candidate.certain || shockedPool.accountData(pool.accounts[candidate.account]).healthFactor.isLiquidatable
            if confirmed { liquidatable.append((candidate.account, candidate.estimate)) }
        }
        return ScanResult(liquidatable: liquidatable.map(\.0), histogram: histogram,
                          mostUrgent: try mostUrgent(liquidatable, in: shockedPool, count: urgent))
    }

    /// The `count` most urgent accounts by exact health factor (ties by account): the Double estimate
    /// shortlists, the exact arithmetic orders.
    static func mostUrgent(_ liquidatable: [(Int, Double)], in pool: LendingPool, count: Int) throws -> [Int] {
        var shortlisted = Smallest<UrgentEntry>(count * 2 + 50)
        for (account, estimate) in liquidatable { shortlisted.insert(UrgentEntry(estimate: estimate, account: account)) }
        let shortlist = shortlisted.sorted.map { ($0.account, $0.estimate) }
        let exact = try shortlist.map { (account: $0.0, hf: try pool.accountData(pool.accounts[$0.0]).healthFactor) }
        return exact.sorted { ($0.hf, $0.account) < ($1.hf, $1.account) }.prefix(count).map(\.account)
    }

    /// The same set by brute force: the exact health factor of every account.
    public static func exactLiquidatable(_ pool: LendingPool, asset: Int, percentBps: Int) throws -> [Int] {
        var shockedPool = pool
        shockedPool.prices[asset] = shockedPool.prices[asset] * UInt128(10_000 + percentBps) / 10_000
        return try pool.accounts.indices.filter { try shockedPool.accountData(pool.accounts[$0]).healthFactor.isLiquidatable }
    }
}
