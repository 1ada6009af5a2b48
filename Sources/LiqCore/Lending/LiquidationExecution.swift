extension LendingPool {
    /// Executes a liquidation call against the account: the quote's numbers, applied to the account and
    /// to the reserves' totals, treasury, deficit, liquidity and rates (aave-v3-origin
    /// `LiquidationLogic.executeLiquidationCall`, `receiveAToken = false`: the liquidator takes the
    /// underlying). Throws the protocol's error and changes nothing when the call would revert.
    @discardableResult
    public mutating func liquidate(accountIndex: Int, _ request: LiquidationRequest) throws -> LiquidationQuote {
        let quote = try quoteLiquidation(accountIndex: accountIndex, request)
        let before = accounts[accountIndex]
        let after = quote.accountAfter
        var updated = reserves
        // updateState only on the reserves the call touches: the collateral, the debt and any bad debt
        // (updating others would split their compounding and drift from the contract at the wei level).
        for reserve in updated.indices {
            let touched =
                reserve == request.collateralReserve || reserve == request.debtReserve
                || before.scaledDebt[reserve] != after.scaledDebt[reserve]
            guard touched else { continue }
            try updated[reserve].updateState(to: time)
            let debtBurnt = before.scaledDebt[reserve] - after.scaledDebt[reserve]
            updated[reserve].totalScaledVariableDebt = try FullWidth.subtract(
                updated[reserve].totalScaledVariableDebt, debtBurnt, operation: "total debt")
            updated[reserve].deficit = try FullWidth.add(
                updated[reserve].deficit, quote.deficits[reserve], operation: "deficit")
            if reserve == request.collateralReserve {
                updated[reserve].totalScaledSupply = try FullWidth.subtract(
                    updated[reserve].totalScaledSupply, quote.scaledCollateralBurnt, operation: "total supply")
                updated[reserve].treasuryScaledBalance = try FullWidth.add(
                    updated[reserve].treasuryScaledBalance, quote.scaledFeeTransferred, operation: "treasury")
            }
            let added = reserve == request.debtReserve ? quote.debtRepaid : 0
            let taken = reserve == request.collateralReserve ? quote.liquidatorReceives : 0
            if debtBurnt != 0 || added != 0 || taken != 0 {
                try updated[reserve].updateInterestRates(liquidityAdded: added, liquidityTaken: taken)
            }
        }
        reserves = updated
        accounts[accountIndex] = after
        return quote
    }
}
