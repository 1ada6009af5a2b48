extension LendingPool {
    /// `BorrowLogic.executeRepay` (variable debt): repays up to the account's debt; returns what was repaid.
    @discardableResult
    public mutating func repay(accountIndex: Int, reserve: Int, amount: UInt128) throws -> UInt128 {
        guard amount != 0 else { throw BorrowError.invalidAmount }
        guard !reserves[reserve].configuration.isPaused else { throw BorrowError.reservePaused }
        var updated = reserves[reserve]
        try updated.updateState(to: time)
        let scaled = accounts[accountIndex].scaledDebt[reserve]
        let debt = try WadRayMath.rayMul(scaled, updated.variableBorrowIndex)
        guard debt != 0 else { return 0 }
        let paid = min(amount, debt)
        let burnt = paid == debt ? scaled : min(scaled, try WadRayMath.rayDiv(paid, updated.variableBorrowIndex))
        updated.totalScaledVariableDebt = try FullWidth.subtract(
            updated.totalScaledVariableDebt, burnt, operation: "repay")
        try updated.updateInterestRates(liquidityAdded: paid, liquidityTaken: 0)
        reserves[reserve] = updated
        accounts[accountIndex].scaledDebt[reserve] = scaled - burnt
        return paid
    }
}
