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
    /// The reserve's parameters, as a scenario's `[[assets]]` entry holds them (no `total_supplied`).
    public var asset: AssetSpec
    public var liquidityIndex: UInt128
    public var variableBorrowIndex: UInt128
    public var liquidityRate: UInt128
    public var variableBorrowRate: UInt128
    public var lastUpdateTimestamp: UInt64
    /// The underlying the pool accounts for (`virtualUnderlyingBalance` where the export has it, else
    /// `availableLiquidity`, the aToken's balance, which also counts donations).
    public var availableLiquidity: UInt128
    public var totalScaledVariableDebt: UInt128
    /// Bad debt written off (v3.3+ `deficit`), in underlying units.
    public var deficit: UInt128
    public var accruedToTreasury: UInt128

    /// The reserve as the pool holds it at `timestamp`: `ReserveLogic.updateState` from `lastUpdateTimestamp`
    /// (linear supply interest and compounded borrow interest at the exported rates, the reserve factor's
    /// share to the treasury), and that moment taken as the pool's time 0. Later accrual starts from there,
    /// as on chain after any transaction touches the reserve at the export's moment.
    func reserve(at timestamp: UInt64) throws -> Reserve {
        var reserve = Reserve(configuration: asset.configuration)
        reserve.liquidityIndex = liquidityIndex
        reserve.variableBorrowIndex = variableBorrowIndex
        reserve.currentLiquidityRate = liquidityRate
        reserve.currentVariableBorrowRate = variableBorrowRate
        reserve.lastUpdateTimestamp = lastUpdateTimestamp
        reserve.totalScaledVariableDebt = totalScaledVariableDebt
        reserve.accruedToTreasury = accruedToTreasury
        try reserve.updateState(to: timestamp)
        reserve.lastUpdateTimestamp = 0
        reserve.availableLiquidity = availableLiquidity
        reserve.deficit = deficit
        // aTokens outstanding: what backs them (free, lent, written off) at the supply index, less what the
        // treasury is owed but has not minted yet.
        let lent = try WadRayMath.rayMul(totalScaledVariableDebt, reserve.variableBorrowIndex)
        let backing = try FullWidth.add(FullWidth.add(lent, availableLiquidity), deficit)
        let scaled = try WadRayMath.rayDiv(backing, reserve.liquidityIndex)
        reserve.totalScaledSupply = scaled > reserve.accruedToTreasury ? scaled - reserve.accruedToTreasury : 0
        return reserve
    }
}
