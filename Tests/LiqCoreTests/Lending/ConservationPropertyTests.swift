import PropertyBased
import Testing
@testable import LiqCore

/// Executing a liquidation creates and loses nothing: what leaves the borrower is what the liquidator and
/// the treasury receive, and the debt that leaves the borrower is what is repaid plus what is written off.
/// Checked over random markets (decimals 6/8/18, prices, thresholds, bonuses, indexes) and accounts.
@Suite struct ConservationPropertyTests {
    struct Case {
        var pool: LendingPool
        var request: LiquidationRequest
    }

    static let decimalsChoices = [6, 8, 18]

    /// Three reserves: collateral in 0 and 1, debt in 2 (and in 0 when `mixedDebt`).
    static func makeCase(rulesV33: Bool, decimals: [Int], cents: [Int], thresholds: [Int], amounts: [Int],
                         debtRatioPercent: Int, indexBumps: [Int], mixedDebt: Bool, halfCover: Bool,
                         singleCollateral: Bool = false) throws -> Case {
        let ray = WadRayMath.ray
        var reserves: [Reserve] = []
        var prices: [UInt128] = []
        for i in 0..<3 {
            let threshold = UInt128(thresholds[i])
            let maxBonus = 10_000 * 10_000 / threshold
            let bonus = min(10_000 + UInt128(thresholds[(i + 1) % 3] % 1_500), maxBonus)
            var reserve = Reserve(configuration: ReserveConfiguration(
                symbol: "R\(i)", decimals: decimalsChoices[decimals[i]], ltvBps: threshold - 500,
                liquidationThresholdBps: threshold, liquidationBonusBps: bonus,
                liquidationProtocolFeeBps: UInt128(thresholds[(i + 2) % 3] % 3_000)))
            reserve.liquidityIndex = ray + UInt128(indexBumps[i]) * 1_000_000_000_000_000_000_000
            reserve.variableBorrowIndex = ray + UInt128(indexBumps[(i + 1) % 3]) * 1_000_000_000_000_000_000_000
            reserves.append(reserve)
            prices.append(UInt128(cents[i]) * 1_000_000)
        }
        var account = Account(id: "borrower", reserveCount: 3)
        var weighted: UInt128 = 0
        for i in 0..<(singleCollateral ? 1 : 2) {
            let unit = reserves[i].configuration.unit
            let amount = UInt128(amounts[i]) * unit / 1_000   // 0.001 … 1,000,000 whole tokens
            account.scaledCollateral[i] = try WadRayMath.rayDiv(amount, reserves[i].liquidityIndex)
            account.usingAsCollateral[i] = account.scaledCollateral[i] != 0
            weighted += try PercentageMath.percentMul(FullWidth.mulDiv(amount, prices[i], unit), reserves[i].configuration.liquidationThresholdBps)
        }
        // Debt worth debtRatio % of the threshold-weighted collateral, split between reserves 2 and 0.
        let debtBase = weighted * UInt128(debtRatioPercent) / 100
        let shares: [(Int, UInt128)] = mixedDebt ? [(2, debtBase * 2 / 3), (0, debtBase / 3)] : [(2, debtBase)]
        for (reserve, value) in shares {
            let amount = try FullWidth.mulDiv(value, reserves[reserve].configuration.unit, prices[reserve])
            account.scaledDebt[reserve] = try WadRayMath.rayDiv(amount, reserves[reserve].variableBorrowIndex)
        }
        for i in 0..<3 {
            reserves[i].totalScaledSupply = account.scaledCollateral[i] + 1_000_000
            reserves[i].totalScaledVariableDebt = account.scaledDebt[i]
            reserves[i].availableLiquidity = UInt128(1) << 100
        }
        let pool = LendingPool(rules: rulesV33 ? .aaveV33 : .aaveV31, reserves: reserves, prices: prices, accounts: [account])
        let collateral = try pool.defaultQuotePair(for: account).collateral
        var cover = UInt128.max
        if halfCover { cover = try pool.debtBalance(account, reserve: 2) / 2 }
        return Case(pool: pool, request: LiquidationRequest(collateralReserve: collateral, debtReserve: 2, debtToCover: cover))
    }

    static let inputs = (
        Gen.int(in: 0...2).array(of: 3),
        Gen.int(in: 1...5_000_000).array(of: 3),          // prices in cents: $0.01 … $50,000
        Gen.int(in: 5_000...9_000).array(of: 3),          // liquidation thresholds
        Gen.int(in: 1...1_000_000_000).array(of: 2),      // collateral in thousandths of a token
        Gen.int(in: 60...140),                            // debt as % of threshold-weighted collateral
        Gen.int(in: 0...500_000).array(of: 3),            // index growth, in 1e-6
        Gen.int(in: 0...15)                               // rules, mixed debt, half cover, one collateral
    )

    @Test func valueIsConservedByEveryLiquidation() async {
        await propertyCheck(count: 400, input: Self.inputs.0, Self.inputs.1, Self.inputs.2, Self.inputs.3,
                            Self.inputs.4, Self.inputs.5, Self.inputs.6) { decimals, cents, thresholds, amounts, ratio, bumps, flags in
            do {
                let generated = try Self.makeCase(rulesV33: flags & 1 == 0, decimals: decimals, cents: cents,
                                                  thresholds: thresholds, amounts: amounts, debtRatioPercent: ratio,
                                                  indexBumps: bumps, mixedDebt: flags & 2 != 0, halfCover: flags & 4 != 0,
                                                  singleCollateral: flags & 8 != 0)
                try Self.checkConservation(generated)
            } catch is LiquidationError {
                // A revert (healthy account, dust, …) is checked by the rule tests.
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func atIndexOneUnderlyingAmountsBalanceExactly() async {
        await propertyCheck(count: 300, input: Self.inputs.0, Self.inputs.1, Self.inputs.2, Self.inputs.3,
                            Self.inputs.4, Self.inputs.6) { decimals, cents, thresholds, amounts, ratio, flags in
            do {
                let generated = try Self.makeCase(rulesV33: flags & 1 == 0, decimals: decimals, cents: cents,
                                                  thresholds: thresholds, amounts: amounts, debtRatioPercent: ratio,
                                                  indexBumps: [0, 0, 0], mixedDebt: flags & 2 != 0, halfCover: flags & 4 != 0,
                                                  singleCollateral: flags & 8 != 0)
                var pool = generated.pool
                let before = pool.accounts[0]
                let c = generated.request.collateralReserve
                let quote = try pool.liquidate(accountIndex: 0, generated.request)
                let after = pool.accounts[0]
                #expect(before.scaledCollateral[c] - after.scaledCollateral[c] == quote.collateralSeized)
                #expect(pool.reserves[c].treasuryScaledBalance == quote.protocolFee)
                let debtLeft = (0..<3).reduce(UInt128(0)) { $0 + before.scaledDebt[$1] - after.scaledDebt[$1] }
                #expect(debtLeft == quote.debtRepaid + quote.deficits.reduce(0, +))
            } catch is LiquidationError {
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    static func checkConservation(_ generated: Case) throws {
        var pool = generated.pool
        let request = generated.request
        let c = request.collateralReserve, d = request.debtReserve
        let before = pool
        let quote = try pool.liquidate(accountIndex: 0, request)
        let borrowerBefore = before.accounts[0], borrowerAfter = pool.accounts[0]

        #expect(quote.collateralSeized == quote.liquidatorReceives + quote.protocolFee)
        #expect(quote.debtRepaid <= quote.maxLiquidatableDebt || quote.cappedByCollateral)
        #expect(quote.maxLiquidatableDebt <= quote.userReserveDebt)
        #expect(quote.collateralSeized <= quote.userCollateralBalance)
        #expect(quote.healthFactorBefore.isLiquidatable)

        // Collateral, in scaled aTokens: the borrower's loss is what was burnt plus what the treasury got.
        let borrowerLoss = borrowerBefore.scaledCollateral[c] - borrowerAfter.scaledCollateral[c]
        #expect(borrowerLoss == quote.scaledCollateralBurnt + quote.scaledFeeTransferred)
        #expect(pool.reserves[c].treasuryScaledBalance - before.reserves[c].treasuryScaledBalance == quote.scaledFeeTransferred)
        #expect(before.reserves[c].totalScaledSupply - pool.reserves[c].totalScaledSupply == quote.scaledCollateralBurnt)

        // Underlying: the liquidator's collateral leaves the reserve, the repaid debt enters it.
        let collateralDelta = Int128(pool.reserves[c].availableLiquidity) - Int128(before.reserves[c].availableLiquidity)
        let debtDelta = Int128(pool.reserves[d].availableLiquidity) - Int128(before.reserves[d].availableLiquidity)
        if c == d {
            #expect(collateralDelta == Int128(quote.debtRepaid) - Int128(quote.liquidatorReceives))
        } else {
            #expect(collateralDelta == -Int128(quote.liquidatorReceives))
            #expect(debtDelta == Int128(quote.debtRepaid))
        }

        // Debt: every scaled unit the borrower loses leaves the reserve's total; deficits only in v3.3
        // and only when no collateral is left.
        for reserve in 0..<3 {
            let burnt = borrowerBefore.scaledDebt[reserve] - borrowerAfter.scaledDebt[reserve]
            #expect(before.reserves[reserve].totalScaledVariableDebt - pool.reserves[reserve].totalScaledVariableDebt == burnt)
            #expect(pool.reserves[reserve].deficit - before.reserves[reserve].deficit == quote.deficits[reserve])
            if quote.deficits[reserve] != 0 {
                #expect(pool.rules == .aaveV33 && quote.hasNoCollateralLeft)
                #expect(borrowerAfter.scaledDebt[reserve] == 0)
            }
        }
        if quote.hasNoCollateralLeft { #expect(!borrowerAfter.isBorrowingAny) }
        // Nothing else moved.
        #expect(pool.prices == before.prices)
    }
}

extension ConservationPropertyTests {
    /// The generator reaches every branch the properties are about, so they cannot pass vacuously.
    @Test func generatedCasesCoverExecutedCappedAndBadDebtLiquidations() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ range: ClosedRange<Int>) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + Int((state >> 33) % UInt64(range.count))
        }
        var executed = 0, capped = 0, withDeficit = 0, reverted = 0
        for _ in 0..<300 {
            let flags = next(0...15)
            let generated = try Self.makeCase(
                rulesV33: flags & 1 == 0, decimals: (0..<3).map { _ in next(0...2) },
                cents: (0..<3).map { _ in next(1...5_000_000) }, thresholds: (0..<3).map { _ in next(5_000...9_000) },
                amounts: (0..<2).map { _ in next(1...1_000_000_000) }, debtRatioPercent: next(60...140),
                indexBumps: (0..<3).map { _ in next(0...500_000) }, mixedDebt: flags & 2 != 0, halfCover: flags & 4 != 0,
                                                  singleCollateral: flags & 8 != 0)
            do {
                var pool = generated.pool
                let quote = try pool.liquidate(accountIndex: 0, generated.request)
                executed += 1
                if quote.cappedByCollateral { capped += 1 }
                if quote.deficits.contains(where: { $0 != 0 }) { withDeficit += 1 }
            } catch is LiquidationError {
                reverted += 1
            }
        }
        #expect(executed >= 100)
        #expect(capped >= 10)
        #expect(withDeficit >= 5)
        #expect(reverted >= 30)
    }
}
