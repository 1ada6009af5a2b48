extension Scenario {
    /// What the scenario's positions hold and borrow of an asset, in its units.
    public func positionTotals(asset: Int) throws -> (collateral: UInt128, debt: UInt128) {
        var collateral: UInt128 = 0, debt: UInt128 = 0
        for position in positions {
            collateral = try FullWidth.add(
                collateral, position.collateral[asset] ?? 0, operation: "total collateral of \(assets[asset].symbol)")
            debt = try FullWidth.add(
                debt, position.debt[asset] ?? 0, operation: "total debt of \(assets[asset].symbol)")
        }
        return (collateral, debt)
    }

    /// The lending pool at time 0: reserves with indexes at 1, positions as accounts, other suppliers
    /// filling each reserve up to `total_supplied` (default: the positions' collateral plus twice their debt).
    /// Collateral is enabled wherever the asset has a liquidation threshold.
    public func makePool() throws -> LendingPool {
        if let market { return try makePool(market) }
        var reserves: [Reserve] = []
        for (index, asset) in assets.enumerated() {
            var reserve = Reserve(configuration: asset.configuration)
            let (collateral, debt) = try positionTotals(asset: index)
            let supplied = try asset.totalSupplied ?? FullWidth.add(collateral, FullWidth.multiply(debt, 2))
            reserve.totalScaledSupply = supplied
            reserve.totalScaledVariableDebt = debt
            reserve.availableLiquidity = 0
            try reserve.updateInterestRates(liquidityAdded: supplied - debt, liquidityTaken: 0)
            reserves.append(reserve)
        }
        let categories = eModes.map {
            EModeCategory(
                id: $0.id, label: $0.label, ltvBps: $0.ltvBps, liquidationThresholdBps: $0.liquidationThresholdBps,
                liquidationBonusBps: $0.liquidationBonusBps, reserves: $0.assets)
        }
        let accounts = positions.map { position in
            var account = Account(id: position.id, reserveCount: assets.count, eModeCategory: position.eMode)
            for (asset, amount) in position.collateral {
                account.scaledCollateral[asset] = amount
                account.usingAsCollateral[asset] = amount != 0 && assets[asset].liquidationThresholdBps != 0
            }
            for (asset, amount) in position.debt { account.scaledDebt[asset] = amount }
            return account
        }
        var pool = LendingPool(
            rules: rules, reserves: reserves, prices: assets.map(\.priceUSD),
            eModeCategories: categories, sentinel: sentinel, accounts: accounts)
        pool.flashLoanPremiumTotalBps = flashLoanPremiumBps
        pool.flashLoanPremiumToProtocolBps = flashLoanPremiumToProtocolBps
        return pool
    }

    /// The pool of an exported market: each reserve's state as exported, accrued to the export's moment
    /// (`MarketReserve.reserve(at:)`), under the parameters the scenario settled on (the reserve's own
    /// unless its `[[assets]]` entry overrides them); the users as accounts, scaled balances as exported.
    private func makePool(_ market: MarketData) throws -> LendingPool {
        var reserves: [Reserve] = []
        for (index, asset) in assets.enumerated() {
            var reserve = try market.reserves[index].reserve(at: market.timestamp)
            reserve.configuration = asset.configuration
            reserves.append(reserve)
        }
        let categories = eModes.map {
            EModeCategory(
                id: $0.id, label: $0.label, ltvBps: $0.ltvBps, liquidationThresholdBps: $0.liquidationThresholdBps,
                liquidationBonusBps: $0.liquidationBonusBps, reserves: $0.assets)
        }
        var pool = LendingPool(
            rules: rules, reserves: reserves, prices: assets.map(\.priceUSD), eModeCategories: categories,
            sentinel: sentinel)
        pool.accounts = market.accounts
        pool.flashLoanPremiumTotalBps = flashLoanPremiumBps
        pool.flashLoanPremiumToProtocolBps = flashLoanPremiumToProtocolBps
        return pool
    }
}
