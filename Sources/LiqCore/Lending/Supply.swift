extension LendingPool {
    /// `SupplyLogic.executeSupply`: mints `amount.rayDiv(liquidityIndex)` scaled aTokens; the reserve is
    /// enabled as collateral when it can be (`validateUseAsCollateral`: LTV ≠ 0).
    public mutating func supply(accountIndex: Int, reserve: Int, amount: UInt128) throws {
        guard amount != 0 else { throw BorrowError.invalidAmount }
        var updated = reserves[reserve]
        try updated.updateState(to: time)
        let scaled = try WadRayMath.rayDiv(amount, updated.liquidityIndex)
        guard scaled != 0 else { throw BorrowError.invalidMintAmount }
        try updated.updateInterestRates(liquidityAdded: amount, liquidityTaken: 0)
        updated.totalScaledSupply = try FullWidth.add(updated.totalScaledSupply, scaled, operation: "supply")
        reserves[reserve] = updated
        let isFirstSupply = accounts[accountIndex].scaledCollateral[reserve] == 0
        accounts[accountIndex].scaledCollateral[reserve] = try FullWidth.add(
            accounts[accountIndex].scaledCollateral[reserve], scaled, operation: "supply")
        if isFirstSupply, updated.configuration.ltvBps != 0 {
            accounts[accountIndex].usingAsCollateral[reserve] = true
        }
    }
}
