/// What `GenericLogic.calculateUserAccountData` returns (aave-v3-core
/// `contracts/protocol/libraries/logic/GenericLogic.sol`; docs/mechanics.md).
public struct AccountData: Sendable, Equatable {
    /// USD, 8 decimals.
    public var totalCollateralBase: UInt128
    public var totalDebtBase: UInt128
    /// Weighted averages in basis points, truncated to an integer as the contract does.
    public var averageLtvBps: UInt128
    public var averageLiquidationThresholdBps: UInt128
    public var healthFactor: HealthFactor
    public var hasZeroLtvCollateral: Bool
}

extension LendingPool {
    /// The LTV and liquidation threshold that apply to an account's collateral in a reserve (eMode aware).
    public func collateralParameters(
        for account: Account, reserve: Int
    ) -> (ltvBps: UInt128, liquidationThresholdBps: UInt128) {
        let configuration = reserves[reserve].configuration
        if let category = eModeCategory(id: account.eModeCategory), category.contains(reserve: reserve) {
            return (category.ltvBps, category.liquidationThresholdBps)
        }
        return (configuration.ltvBps, configuration.liquidationThresholdBps)
    }

    /// The liquidation bonus that applies when seizing an account's collateral in a reserve (eMode aware).
    public func liquidationBonus(for account: Account, reserve: Int) -> UInt128 {
        if let category = eModeCategory(id: account.eModeCategory), category.contains(reserve: reserve) {
            return category.liquidationBonusBps
        }
        return reserves[reserve].configuration.liquidationBonusBps
    }

    /// `calculateUserAccountData`:
    /// collateral_i = balance·price/unit, debt_j = price·debt/unit (both truncating);
    /// avgLT = Σ(collateral_i·LT_i) / Σcollateral_i (truncating);
    /// HF = wadDiv(percentMul(totalCollateral, avgLT), totalDebt), max without debt.
    public func accountData(_ account: Account) throws -> AccountData {
        var totalCollateral: UInt128 = 0
        var totalDebt: UInt128 = 0
        var weightedLtv: UInt128 = 0
        var weightedThreshold: UInt128 = 0
        var hasZeroLtvCollateral = false
        for reserve in reserves.indices {
            // The gates use the reserve's own LT and LTV; eMode values only replace them in the sums.
            let own = reserves[reserve].configuration
            if own.liquidationThresholdBps != 0, account.usingAsCollateral[reserve],
                account.scaledCollateral[reserve] != 0
            {
                let parameters = collateralParameters(for: account, reserve: reserve)
                let value = try baseValue(collateralBalance(account, reserve: reserve), reserve: reserve)
                totalCollateral = try FullWidth.add(totalCollateral, value, operation: "total collateral")
                if own.ltvBps != 0 {
                    weightedLtv = try FullWidth.add(weightedLtv, FullWidth.multiply(value, parameters.ltvBps))
                } else {
                    hasZeroLtvCollateral = true
                }
                weightedThreshold = try FullWidth.add(
                    weightedThreshold, FullWidth.multiply(value, parameters.liquidationThresholdBps))
            }
            if account.scaledDebt[reserve] != 0 {
                let value = try baseValue(debtBalance(account, reserve: reserve), reserve: reserve)
                totalDebt = try FullWidth.add(totalDebt, value, operation: "total debt")
            }
        }
        let averageLtv = totalCollateral == 0 ? 0 : weightedLtv / totalCollateral
        let averageThreshold = totalCollateral == 0 ? 0 : weightedThreshold / totalCollateral
        let healthFactor: HealthFactor =
            totalDebt == 0
            ? .infinite
            : HealthFactor(
                wad: try WadRayMath.wadDiv(PercentageMath.percentMul(totalCollateral, averageThreshold), totalDebt))
        return AccountData(
            totalCollateralBase: totalCollateral, totalDebtBase: totalDebt,
            averageLtvBps: averageLtv, averageLiquidationThresholdBps: averageThreshold,
            healthFactor: healthFactor, hasZeroLtvCollateral: hasZeroLtvCollateral)
    }
}
