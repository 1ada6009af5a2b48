/// Why a borrow reverts, named as the protocol's `Errors` library names it.
public enum BorrowError: String, Error, Sendable, CaseIterable {
    case invalidAmount = "INVALID_AMOUNT"
    case reservePaused = "RESERVE_PAUSED"
    case invalidMintAmount = "INVALID_MINT_AMOUNT"
    case inconsistentEModeCategory = "INCONSISTENT_EMODE_CATEGORY"
    case priceOracleSentinelCheckFailed = "PRICE_ORACLE_SENTINEL_CHECK_FAILED"
    case collateralBalanceIsZero = "COLLATERAL_BALANCE_IS_ZERO"
    case ltvValidationFailed = "LTV_VALIDATION_FAILED"
    case healthFactorLowerThanLiquidationThreshold = "HEALTH_FACTOR_LOWER_THAN_LIQUIDATION_THRESHOLD"
    case collateralCannotCoverNewBorrow = "COLLATERAL_CANNOT_COVER_NEW_BORROW"
}

extension LendingPool {
    /// `ValidationLogic.validateBorrow` (aave-v3-core; docs/mechanics.md): borrowing is
    /// limited by the LTV, not the liquidation threshold:
    /// `(debtBase + amountBase).percentDiv(avgLtv) <= collateralBase`.
    public func validateBorrow(accountIndex: Int, reserve: Int, amount: UInt128) throws {
        guard amount != 0 else { throw BorrowError.invalidAmount }
        guard reserves[reserve].availableLiquidity >= amount else { throw BorrowError.invalidAmount }
        if let sentinel, !sentinel.isBorrowAllowed { throw BorrowError.priceOracleSentinelCheckFailed }
        // v3.1: an account in eMode borrows only assets of its category.
        if let category = eModeCategory(id: accounts[accountIndex].eModeCategory), !category.contains(reserve: reserve)
        {
            throw BorrowError.inconsistentEModeCategory
        }
        let data = try accountData(accounts[accountIndex])
        guard data.totalCollateralBase != 0 else { throw BorrowError.collateralBalanceIsZero }
        guard data.averageLtvBps != 0 else { throw BorrowError.ltvValidationFailed }
        guard data.healthFactor > .liquidationThreshold else {
            throw BorrowError.healthFactorLowerThanLiquidationThreshold
        }
        let amountBase = try baseValue(amount, reserve: reserve)
        let collateralNeeded = try PercentageMath.percentDiv(
            FullWidth.add(data.totalDebtBase, amountBase, operation: "borrow"), data.averageLtvBps)
        guard collateralNeeded <= data.totalCollateralBase else { throw BorrowError.collateralCannotCoverNewBorrow }
    }

    /// `BorrowLogic.executeBorrow` (variable rate): validates, then mints `amount.rayDiv(borrowIndex)` scaled debt.
    public mutating func borrow(accountIndex: Int, reserve: Int, amount: UInt128) throws {
        var updated = reserves[reserve]
        try updated.updateState(to: time)
        do {
            var trial = self
            trial.reserves[reserve] = updated
            try trial.validateBorrow(accountIndex: accountIndex, reserve: reserve, amount: amount)
        }
        let scaled = try WadRayMath.rayDiv(amount, updated.variableBorrowIndex)
        guard scaled != 0 else { throw BorrowError.invalidMintAmount }
        updated.totalScaledVariableDebt = try FullWidth.add(
            updated.totalScaledVariableDebt, scaled, operation: "borrow")
        try updated.updateInterestRates(liquidityAdded: 0, liquidityTaken: amount)
        reserves[reserve] = updated
        accounts[accountIndex].scaledDebt[reserve] = try FullWidth.add(
            accounts[accountIndex].scaledDebt[reserve], scaled, operation: "borrow")
    }
}
