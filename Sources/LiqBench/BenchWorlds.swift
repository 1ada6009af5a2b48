import LiqCore

/// Large, seeded inputs for `liqtop bench`, and the brute-force answers the tests hold the fast paths to.
/// Not part of LiqCore: nothing the product runs depends on it.
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
            for _ in 0..<(3 - collateralCount) {
                collateralAssets.remove(at: rng.int(in: 0...(collateralAssets.count - 1)))
            }
            var debtAssets = [3, 4, 5]
            for _ in 0..<(3 - debtCount) { debtAssets.remove(at: rng.int(in: 0...(debtAssets.count - 1))) }
            let collateral = collateralAssets.map { asset in
                let threshold = Double(pool.reserves[asset].configuration.liquidationThresholdBps) / 10_000
                let usd = debtUSD * target / threshold / Double(collateralAssets.count)
                return (reserve: asset, amount: World.amount(usd: usd, price: pool.prices[asset], unit: units[asset]))
            }
            let debt = debtAssets.map { asset in
                (
                    reserve: asset,
                    amount: World.amount(
                        usd: debtUSD / Double(debtAssets.count), price: pool.prices[asset], unit: units[asset])
                )
            }
            pool.accounts.append(id: "a\(index)", collateral: collateral, debt: debt)
        }
        return pool
    }

    /// The same set by brute force: the exact health factor of every account.
    public static func exactLiquidatable(_ pool: LendingPool, asset: Int, percentBps: Int) throws -> [Int] {
        let shockedPool = ShockScan.shocked(pool, asset: asset, percentBps: percentBps)
        return try pool.accounts.indices.filter {
            try shockedPool.accountData(pool.accounts[$0]).healthFactor.isLiquidatable
        }
    }
}
