extension World {
    /// Appends the generated borrowers ("b0", "b1", …) to the pool, each of a shape drawn from the shares,
    /// its debt log-normal around the median and its health factor from the normal truncated at health_min.
    /// A long-only population draws no shape, so its draws are those of the scenarios written before shapes.
    static func generateBorrowers(
        _ population: SimulationSettings.Borrowers, into pool: inout LendingPool, defenders: inout [Bool],
        using rng: inout SeededGenerator
    ) {
        guard population.count > 0, !population.collateral.isEmpty, !population.debt.isEmpty else { return }
        let prices = pool.prices
        let units = pool.reserves.map(\.configuration.unit)
        pool.accounts.reserveCapacity(
            accounts: pool.accounts.count + population.count,
            positions: pool.accounts.positionCount + population.count * 3)
        defenders.reserveCapacity(pool.accounts.count + population.count)
        func pick(_ assets: [Int]) -> Int { assets[rng.int(in: 0...(assets.count - 1))] }
        for index in 0..<population.count {
            let shape = population.shares.isLongOnly ? .long : population.shape(rng.unit())
            let loop = shape == .loop ? population.loops[rng.int(in: 0...(population.loops.count - 1))] : nil
            let debtAsset =
                switch shape {
                case .long: pick(population.debt)
                case .short: pick(population.shortDebt)
                case .loop: loop?.debt ?? 0
                }
            let debtUSD = population.medianDebtUSD * DeterministicMath.exp(population.sizeSigma * rng.normal())
            // Drawn from the normal truncated at health_min: clamping instead would put every draw
            // below the floor on the floor itself (hundreds of identical health factors).
            let (mean, sd) =
                shape == .loop
                ? (population.loopHealthMean, population.loopHealthSD) : (population.healthMean, population.healthSD)
            let target =
                sd > 0
                ? mean + sd * rng.normal(atLeast: (population.healthMin - mean) / sd)
                : max(population.healthMin, mean)
            var collateralAssets: [Int]
            switch shape {
            case .long:
                collateralAssets = [pick(population.collateral)]
                if population.collateral.count > 1, rng.chance(0.3) {
                    let second = pick(population.collateral)
                    if second != collateralAssets[0] { collateralAssets.append(second) }
                }
            case .short: collateralAssets = [pick(population.shortCollateral)]
            case .loop: collateralAssets = [loop?.collateral ?? 0]
            }
            let eMode = loop.flatMap { loop in pool.eModeCategory(id: loop.eMode) }
            let collateral = collateralAssets.enumerated().map { position, asset in
                let share = collateralAssets.count == 1 ? 1.0 : (position == 0 ? 0.6 : 0.4)
                let thresholdBps =
                    eMode?.liquidationThresholdBps ?? pool.reserves[asset].configuration.liquidationThresholdBps
                let threshold = Double(thresholdBps) / 10_000
                let usd = debtUSD * target * share / max(threshold, 0.01)
                return (reserve: asset, amount: amount(usd: usd, price: prices[asset], unit: units[asset]))
            }
            pool.accounts.append(
                id: "b\(index)", eModeCategory: eMode?.id ?? 0, collateral: collateral,
                debt: [(debtAsset, amount(usd: debtUSD, price: prices[debtAsset], unit: units[debtAsset]))])
            defenders.append(rng.chance(population.defendShare))
        }
    }
}
