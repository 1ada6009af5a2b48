/// A real Aave v3 market as its own data provider exports it (UiPoolDataProviderV3's `getReservesData`,
/// `getEModes` and `getUserReservesData`; docs/real-markets.md): the reserves with their parameters and
/// state, the eMode categories, every borrower's scaled balances, and the moment to evaluate them at.
public struct MarketData: Sendable, Equatable {
    /// Unix seconds: the pool's time 0. Every reserve's indexes are accrued to it (see `MarketReserve`).
    public var timestamp: UInt64
    public var reserves: [MarketReserve]
    public var eModes: [EModeSpec]
    /// The borrowers, ids being their addresses, balances scaled as the pool holds them.
    public var accounts: AccountBook
    /// The files they came from, as the scenario names them.
    public var reservesFile: String
    public var usersFile: String
}

/// One reserve of an exported market, converted to liqtop's units: prices to USD with 8 decimals, rate
/// parameters to basis points; indexes and rates as the pool holds them (ray).
public struct MarketReserve: Sendable, Equatable {
    /// Lowercased `underlyingAsset`, which the users file refers to.
    public var address: String
    public var symbol: String
    public var decimals: Int
    public var priceUSD: UInt128
    public var ltvBps: UInt128
    public var liquidationThresholdBps: UInt128
    public var liquidationBonusBps: UInt128
    public var liquidationProtocolFeeBps: UInt128
    public var reserveFactorBps: UInt128
    public var rateStrategy: InterestRateStrategy
    public var liquidityIndex: UInt128
    public var variableBorrowIndex: UInt128
    public var liquidityRate: UInt128
    public var variableBorrowRate: UInt128
    public var lastUpdateTimestamp: UInt64
    public var availableLiquidity: UInt128
    public var totalScaledVariableDebt: UInt128
    public var accruedToTreasury: UInt128
    public var isFrozen: Bool
    public var isPaused: Bool
    public var borrowingEnabled: Bool

    /// The reserve as the pool holds it at `timestamp`: indexes accrued from `lastUpdateTimestamp` exactly
    /// as `ReserveLogic.updateState` would (linear supply interest, compounded borrow interest, at the
    /// exported rates), and that moment taken as the pool's time 0. Later accrual starts from there, as on
    /// chain after any transaction touches the reserve at the export's moment.
    func reserve(at timestamp: UInt64) throws -> Reserve {
        var reserve = Reserve(
            configuration: ReserveConfiguration(
                symbol: symbol, decimals: decimals, ltvBps: ltvBps, liquidationThresholdBps: liquidationThresholdBps,
                liquidationBonusBps: liquidationBonusBps, liquidationProtocolFeeBps: liquidationProtocolFeeBps,
                reserveFactorBps: reserveFactorBps, rateStrategy: rateStrategy))
        reserve.liquidityIndex = liquidityIndex
        reserve.variableBorrowIndex = variableBorrowIndex
        reserve.currentLiquidityRate = liquidityRate
        reserve.currentVariableBorrowRate = variableBorrowRate
        reserve.lastUpdateTimestamp = lastUpdateTimestamp
        let income = try reserve.normalizedIncome(at: timestamp)
        let debt = try reserve.normalizedDebt(at: timestamp)
        reserve.liquidityIndex = income
        reserve.variableBorrowIndex = debt
        reserve.lastUpdateTimestamp = 0
        reserve.availableLiquidity = availableLiquidity
        reserve.totalScaledVariableDebt = totalScaledVariableDebt
        reserve.accruedToTreasury = accruedToTreasury
        // aTokens outstanding: what is lent and what is free, in scaled units at the supply index.
        let lent = try WadRayMath.rayMul(totalScaledVariableDebt, debt)
        reserve.totalScaledSupply = try WadRayMath.rayDiv(FullWidth.add(lent, availableLiquidity), income)
        return reserve
    }
}
