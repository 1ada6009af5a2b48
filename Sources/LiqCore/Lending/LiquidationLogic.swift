/// Liquidation quotes with Aave v3's own arithmetic.
///
/// Sources (docs/mechanics.md):
/// - validation order: aave-v3-core `ValidationLogic.validateLiquidationCall`;
/// - v3.1 close factor: aave-v3-core `LiquidationLogic._calculateDebt`;
/// - v3.3 close factor, dust rule and bad debt: aave-v3-origin `LiquidationLogic.executeLiquidationCall`,
///   `_burnDebtTokens`, `_burnBadDebt` (the collateral leftover of the dust rule net of the protocol fee,
///   as corrected after the v3.3 audit);
/// - collateral, bonus, cap and protocol fee: `_calculateAvailableCollateralToLiquidate` (same in both).
extension LendingPool {
    public func quoteLiquidation(accountIndex: Int, _ request: LiquidationRequest) throws -> LiquidationQuote {
        try quoteLiquidation(account: accounts[accountIndex], request)
    }

    public func quoteLiquidation(account: Account, _ request: LiquidationRequest) throws -> LiquidationQuote {
        let c = request.collateralReserve, d = request.debtReserve
        let before = try accountData(account)
        let healthFactor = before.healthFactor
        let userCollateralBalance = try collateralBalance(account, reserve: c)
        let userReserveDebt = try debtBalance(account, reserve: d)

        // validateLiquidationCall, in the contract's order: paused reserves, the sentinel, the health factor.
        guard !reserves[c].configuration.isPaused, !reserves[d].configuration.isPaused else {
            throw LiquidationError.reservePaused
        }
        if let sentinel, !(healthFactor < .closeFactorThreshold || sentinel.isLiquidationAllowed) {
            throw LiquidationError.priceOracleSentinelCheckFailed
        }
        guard healthFactor.isLiquidatable else { throw LiquidationError.healthFactorNotBelowThreshold }
        guard reserves[c].configuration.liquidationThresholdBps != 0, account.usingAsCollateral[c] else {
            throw LiquidationError.collateralCannotBeLiquidated
        }
        guard userReserveDebt != 0 else { throw LiquidationError.specifiedCurrencyNotBorrowedByUser }

        let collateralPrice = prices[c], debtPrice = prices[d]
        let collateralUnit = reserves[c].configuration.unit, debtUnit = reserves[d].configuration.unit
        let userReserveDebtBase = try FullWidth.mulDiv(userReserveDebt, debtPrice, debtUnit)
        let userReserveCollateralBase = try FullWidth.mulDiv(userCollateralBalance, collateralPrice, collateralUnit)

        let (rule, maxLiquidatableDebt) = try closeFactor(
            healthFactor: healthFactor, totalDebtBase: before.totalDebtBase, userReserveDebt: userReserveDebt,
            userReserveDebtBase: userReserveDebtBase, userReserveCollateralBase: userReserveCollateralBase,
            debtPrice: debtPrice, debtUnit: debtUnit)
        var debtRepaid = min(request.debtToCover, maxLiquidatableDebt)

        // _calculateAvailableCollateralToLiquidate
        let bonus = liquidationBonus(for: account, reserve: c)
        let feeBps = reserves[c].configuration.liquidationProtocolFeeBps
        let baseCollateral = try FullWidth.mulMulDiv(
            debtPrice, debtRepaid, collateralUnit, collateralPrice, debtUnit,
            operation: "base collateral")
        let maxCollateral = try PercentageMath.percentMul(baseCollateral, bonus)
        var collateralAmount = maxCollateral
        let capped = maxCollateral > userCollateralBalance
        if capped {
            collateralAmount = userCollateralBalance
            debtRepaid = try PercentageMath.percentDiv(
                FullWidth.mulMulDiv(
                    collateralPrice, collateralAmount, debtUnit, debtPrice, collateralUnit,
                    operation: "debt amount needed"),
                bonus)
        }
        let collateralToLiquidateBase = try FullWidth.mulDiv(collateralAmount, collateralPrice, collateralUnit)
        var protocolFee: UInt128 = 0
        var bonusCollateral: UInt128 = 0
        if feeBps != 0 {
            bonusCollateral = try FullWidth.subtract(
                collateralAmount, PercentageMath.percentDiv(collateralAmount, bonus),
                operation: "bonus collateral")
            protocolFee = try PercentageMath.percentMul(bonusCollateral, feeBps)
        }
        let liquidatorReceives = collateralAmount - protocolFee

        if rules == .aaveV33, debtRepaid < userReserveDebt, liquidatorReceives + protocolFee < userCollateralBalance {
            let debtLeftBase = try FullWidth.mulDiv(userReserveDebt - debtRepaid, debtPrice, debtUnit)
            let collateralLeftBase = try FullWidth.mulDiv(
                userCollateralBalance - liquidatorReceives - protocolFee, collateralPrice, collateralUnit)
            guard debtLeftBase >= CloseFactor.minLeftoverBase, collateralLeftBase >= CloseFactor.minLeftoverBase else {
                throw LiquidationError.mustNotLeaveDust
            }
        }
        let hasNoCollateralLeft = rules == .aaveV33 && before.totalCollateralBase == collateralToLiquidateBase

        var after = account
        var deficits = Array(repeating: UInt128(0), count: reserves.count)
        // _burnDebtTokens: all of this reserve's debt when no collateral is left, else what is repaid.
        if hasNoCollateralLeft {
            after.scaledDebt[d] = 0
            deficits[d] = try FullWidth.subtract(userReserveDebt, debtRepaid, operation: "outstanding debt")
        } else {
            try burnScaled(
                &after.scaledDebt[d], amount: debtRepaid, balance: userReserveDebt,
                index: reserves[d].normalizedDebt(at: time))
        }
        // _burnCollateralATokens, then the fee's transferOnLiquidation (clamped to the scaled balance left).
        let liquidityIndex = try reserves[c].normalizedIncome(at: time)
        let scaledCollateralBefore = after.scaledCollateral[c]
        try burnScaled(
            &after.scaledCollateral[c], amount: liquidatorReceives,
            balance: userCollateralBalance, index: liquidityIndex)
        let scaledCollateralBurnt = scaledCollateralBefore - after.scaledCollateral[c]
        var fee = protocolFee
        var scaledFeeTransferred: UInt128 = 0
        if fee != 0 {
            if try WadRayMath.rayDiv(fee, liquidityIndex) > after.scaledCollateral[c] {
                fee = try WadRayMath.rayMul(after.scaledCollateral[c], liquidityIndex)
            }
            scaledFeeTransferred = min(try WadRayMath.rayDiv(fee, liquidityIndex), after.scaledCollateral[c])
            after.scaledCollateral[c] -= scaledFeeTransferred
        }
        if liquidatorReceives + protocolFee == userCollateralBalance { after.usingAsCollateral[c] = false }
        // _burnBadDebt: every other debt of an account without collateral becomes deficit.
        if hasNoCollateralLeft {
            for reserve in reserves.indices where after.scaledDebt[reserve] != 0 {
                deficits[reserve] = try FullWidth.add(
                    deficits[reserve], debtBalance(after, reserve: reserve), operation: "deficit")
                after.scaledDebt[reserve] = 0
            }
        }

        return LiquidationQuote(
            rules: rules, request: request, before: before,
            collateralPrice: collateralPrice, debtPrice: debtPrice,
            userCollateralBalance: userCollateralBalance, userReserveDebt: userReserveDebt,
            userReserveCollateralBase: userReserveCollateralBase, userReserveDebtBase: userReserveDebtBase,
            closeFactorRule: rule, maxLiquidatableDebt: maxLiquidatableDebt,
            liquidationBonusBps: bonus, liquidationProtocolFeeBps: feeBps,
            baseCollateral: baseCollateral, cappedByCollateral: capped, debtRepaid: debtRepaid,
            collateralSeized: liquidatorReceives + fee, liquidatorReceives: liquidatorReceives, protocolFee: fee,
            bonusCollateral: bonusCollateral, hasNoCollateralLeft: hasNoCollateralLeft, deficits: deficits,
            scaledCollateralBurnt: scaledCollateralBurnt, scaledFeeTransferred: scaledFeeTransferred,
            accountAfter: after, healthFactorAfter: try accountData(after).healthFactor)
    }

    /// The close factor of the pool's rule set and the largest debt it lets one call repay.
    func closeFactor(
        healthFactor: HealthFactor, totalDebtBase: UInt128, userReserveDebt: UInt128,
        userReserveDebtBase: UInt128, userReserveCollateralBase: UInt128,
        debtPrice: UInt128, debtUnit: UInt128
    ) throws -> (CloseFactorRule, UInt128) {
        switch rules {
        case .aaveV31:
            let rule: CloseFactorRule = healthFactor > .closeFactorThreshold ? .v31Half : .v31Full
            return (rule, try PercentageMath.percentMul(userReserveDebt, rule.closeFactorBps))
        case .aaveV33:
            let threshold = CloseFactor.minBaseMaxCloseFactorThreshold
            guard healthFactor > .closeFactorThreshold else {
                return (.v33FullBelowHealthFactorThreshold, userReserveDebt)
            }
            guard userReserveCollateralBase >= threshold else { return (.v33FullSmallCollateral, userReserveDebt) }
            guard userReserveDebtBase >= threshold else { return (.v33FullSmallDebt, userReserveDebt) }
            let totalDefault = try PercentageMath.percentMul(totalDebtBase, CloseFactor.defaultBps)
            guard userReserveDebtBase > totalDefault else { return (.v33FullReserveDebtWithinHalf, userReserveDebt) }
            return (.v33HalfOfTotalDebt, try FullWidth.mulDiv(totalDefault, debtUnit, debtPrice))
        }
    }

    /// `ScaledBalanceTokenBase._burnScaled`: burns `amount.rayDiv(index)` scaled units; the whole balance
    /// when the whole balance is burnt (so rounding never leaves one scaled wei behind).
    func burnScaled(_ scaled: inout UInt128, amount: UInt128, balance: UInt128, index: UInt128) throws {
        if amount == balance {
            guard scaled != 0 else { throw LiquidationError.invalidBurnAmount }
            scaled = 0
            return
        }
        let burn = try WadRayMath.rayDiv(amount, index)
        guard burn != 0 else { throw LiquidationError.invalidBurnAmount }
        scaled -= min(burn, scaled)
    }
}
