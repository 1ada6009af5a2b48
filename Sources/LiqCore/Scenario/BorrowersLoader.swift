/// Reads `[borrowers]`: the generated population, and the assets each of its shapes uses.
extension ScenarioLoader {
    static func readBorrowers(
        _ root: inout TableReader, assets: [AssetSpec], markets: [SimulationSettings.AssetMarket],
        eModes: [EModeSpec]
    ) throws(ConfigError) -> SimulationSettings.Borrowers? {
        guard var borrowers = try root.section(ScenarioKeys.borrowers) else { return nil }
        let keys = ScenarioKeys.borrowers
        var population = SimulationSettings.Borrowers()
        population.count = try borrowers.read(keys.count)
        population.collateral = try assetIndexes(&borrowers, keys.collateral, assets: assets) ?? []
        population.debt = try assetIndexes(&borrowers, keys.debt, assets: assets) ?? []
        population.medianDebtUSD = try borrowers.read(keys.medianDebt)
        population.sizeSigma = try borrowers.read(keys.sizeSigma)
        population.healthMean = try borrowers.read(keys.healthMean)
        population.healthSD = try borrowers.read(keys.healthSD)
        population.healthMin = try borrowers.read(keys.healthMin)
        population.defendShare = try borrowers.read(keys.defendShare)
        population.defendBelow = try borrowers.read(keys.defendBelow)
        population.loopHealthMean = try borrowers.read(keys.loopHealthMean)
        population.loopHealthSD = try borrowers.read(keys.loopHealthSD)
        if population.count > 0, population.collateral.isEmpty || population.debt.isEmpty {
            throw borrowers.error(keys.count.name, "generated borrowers need `collateral` and `debt` asset lists")
        }
        for index in population.collateral where assets[index].liquidationThresholdBps == 0 {
            throw borrowers.error(
                keys.collateral.name, "\(assets[index].symbol) has no liquidation threshold, so it cannot be collateral"
            )
        }
        if var shares = try borrowers.table(keys.shares.name) {
            population.shares = try readShares(&shares)
            // What a short and a loop use, from the two lists.
            let isStable = { (asset: Int) in markets.indices.contains(asset) && markets[asset].isStable }
            population.shortCollateral = population.debt.filter {
                isStable($0) && assets[$0].liquidationThresholdBps > 0
            }
            population.shortDebt = population.collateral.filter { !isStable($0) && markets[$0].tracks == nil }
            population.loops = population.collateral.compactMap { asset in
                guard let tracked = markets[asset].tracks,
                    let category = eModes.first(where: { $0.assets.contains(asset) && $0.assets.contains(tracked) })
                else { return nil }
                return .init(collateral: asset, debt: tracked, eMode: category.id)
            }
            if population.shares.short > 0, population.shortCollateral.isEmpty || population.shortDebt.isEmpty {
                throw shares.error(
                    "short",
                    "a short supplies a stablecoin of `debt` that has a liquidation threshold and borrows an asset "
                        + "of `collateral` that is not a stablecoin and tracks none; this scenario lists none of one")
            }
            if population.shares.loop > 0, population.loops.isEmpty {
                throw shares.error(
                    "loop",
                    "a loop supplies an asset of `collateral` that tracks another (wstETH tracks WETH) and borrows "
                        + "that one, in an [[emode]] category holding both; this scenario has no such pair")
            }
        }
        try borrowers.finish()
        return population
    }

    /// `{ long = …, short = …, loop = … }`, each 0 to 1, scaled to add up to 1.
    private static func readShares(
        _ shares: inout TableReader
    ) throws(ConfigError) -> SimulationSettings.Borrowers.Shares {
        let long = try shares.number("long", in: 0...1) ?? 0
        let short = try shares.number("short", in: 0...1) ?? 0
        let loop = try shares.number("loop", in: 0...1) ?? 0
        let total = long + short + loop
        guard total > 0 else { throw shares.error("at least one of long, short and loop needs a share above 0") }
        try shares.finish()
        return .init(long: long / total, short: short / total, loop: loop / total)
    }
}
