/// One reserve: its configuration and its moving state (indexes, rates, totals, treasury, deficit).
/// Balances are held scaled, as Aave's aTokens and variable debt tokens hold them; the underlying
/// amount is `scaled.rayMul(index)`.
public struct Reserve: Sendable, Equatable {
    public var configuration: ReserveConfiguration
    /// Supply index (ray), grows linearly with the liquidity rate.
    public var liquidityIndex: UInt128 = WadRayMath.ray
    /// Variable borrow index (ray), grows compounded with the borrow rate.
    public var variableBorrowIndex: UInt128 = WadRayMath.ray
    /// Current rates, ray per year.
    public var currentLiquidityRate: UInt128 = 0
    public var currentVariableBorrowRate: UInt128 = 0
    /// Seconds of the last index update.
    public var lastUpdateTimestamp: UInt64 = 0
    /// Scaled aToken supply, the treasury's aTokens included.
    public var totalScaledSupply: UInt128 = 0
    /// Scaled variable debt of all accounts.
    public var totalScaledVariableDebt: UInt128 = 0
    /// Reserve-factor interest owed to the treasury, scaled by the liquidity index (`accruedToTreasury`).
    public var accruedToTreasury: UInt128 = 0
    /// Scaled aTokens the treasury holds (liquidation protocol fees arrive this way).
    public var treasuryScaledBalance: UInt128 = 0
    /// Underlying held by the reserve and free to lend (`virtualUnderlyingBalance`).
    public var availableLiquidity: UInt128 = 0
    /// Debt written off as bad debt, in underlying units (aave-v3.3 `reserve.deficit`).
    public var deficit: UInt128 = 0

    public init(configuration: ReserveConfiguration) {
        self.configuration = configuration
    }

    /// `getNormalizedIncome` at `time`.
    public func normalizedIncome(at time: UInt64) throws -> UInt128 {
        guard time > lastUpdateTimestamp else { return liquidityIndex }
        return try WadRayMath.rayMul(
            Interest.linear(rate: currentLiquidityRate, seconds: time - lastUpdateTimestamp),
            liquidityIndex)
    }

    /// `getNormalizedDebt` at `time`.
    public func normalizedDebt(at time: UInt64) throws -> UInt128 {
        guard time > lastUpdateTimestamp else { return variableBorrowIndex }
        return try WadRayMath.rayMul(
            Interest.compounded(rate: currentVariableBorrowRate, seconds: time - lastUpdateTimestamp),
            variableBorrowIndex)
    }

    /// Total variable debt in underlying units.
    public func totalDebt(at time: UInt64) throws -> UInt128 {
        try WadRayMath.rayMul(totalScaledVariableDebt, normalizedDebt(at: time))
    }

    /// Total supplied (aTokens) in underlying units.
    public func totalSupplied(at time: UInt64) throws -> UInt128 {
        try WadRayMath.rayMul(totalScaledSupply, normalizedIncome(at: time))
    }

    /// `ReserveLogic.updateState`: `_updateIndexes` then `_accrueToTreasury`.
    public mutating func updateState(to time: UInt64) throws {
        guard time > lastUpdateTimestamp else { return }
        let previousBorrowIndex = variableBorrowIndex
        if currentLiquidityRate != 0 {
            liquidityIndex = try normalizedIncome(at: time)
        }
        if totalScaledVariableDebt != 0 {
            variableBorrowIndex = try normalizedDebt(at: time)
        }
        // _accrueToTreasury: the reserve factor's share of the debt accrued since the last update.
        let previousDebt = try WadRayMath.rayMul(totalScaledVariableDebt, previousBorrowIndex)
        let currentDebt = try WadRayMath.rayMul(totalScaledVariableDebt, variableBorrowIndex)
        let toMint = try PercentageMath.percentMul(currentDebt - previousDebt, configuration.reserveFactorBps)
        if toMint != 0 {
            accruedToTreasury = try FullWidth.add(
                accruedToTreasury, WadRayMath.rayDiv(toMint, liquidityIndex), operation: "treasury")
        }
        lastUpdateTimestamp = time
    }

    /// `updateInterestRatesAndVirtualBalance`: moves the available liquidity, then recomputes the rates.
    public mutating func updateInterestRates(liquidityAdded: UInt128, liquidityTaken: UInt128) throws {
        availableLiquidity = try FullWidth.subtract(
            FullWidth.add(availableLiquidity, liquidityAdded), liquidityTaken, operation: "available liquidity")
        let totalDebt = try WadRayMath.rayMul(totalScaledVariableDebt, variableBorrowIndex)
        let rates = try configuration.rateStrategy.rates(
            totalDebt: totalDebt, availableLiquidity: availableLiquidity,
            reserveFactorBps: configuration.reserveFactorBps)
        currentLiquidityRate = rates.liquidityRate
        currentVariableBorrowRate = rates.variableBorrowRate
    }

    /// `cumulateToLiquidityIndex`: spreads `amount` over all suppliers (the flash-loan premium).
    public mutating func cumulateToLiquidityIndex(totalLiquidity: UInt128, amount: UInt128) throws {
        guard totalLiquidity != 0 else { return }
        let share = try WadRayMath.rayDiv(WadRayMath.wadToRay(amount), WadRayMath.wadToRay(totalLiquidity))
        liquidityIndex = try WadRayMath.rayMul(share + WadRayMath.ray, liquidityIndex)
    }
}
