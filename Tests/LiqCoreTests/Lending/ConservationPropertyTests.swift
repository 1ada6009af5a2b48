import PropertyBased
import Testing

@testable import LiqCore

/// Executing a liquidation creates and loses nothing: what leaves the borrower is what the liquidator and
/// the treasury receive, and the debt that leaves the borrower is what is repaid plus what is written off.
/// Checked over random markets (decimals 0–27, prices, thresholds, bonuses, fees, indexes, eMode) and
/// accounts, in underlying units and against bounds computed independently of the liquidation code.
@Suite struct ConservationPropertyTests {
    struct Case {
        var pool: LendingPool
        var request: LiquidationRequest
    }

    struct Flags {
        var raw: Int
        var rulesV33: Bool { raw & 1 == 0 }
        var mixedDebt: Bool { raw & 2 != 0 }
        var halfCover: Bool { raw & 4 != 0 }
        var singleCollateral: Bool { raw & 8 != 0 }
        var eMode: Bool { raw & 16 != 0 }
    }

    static let decimalsChoices = [0, 2, 6, 8, 18, 24, 27]

    /// Three reserves: collateral in 0 and 1, debt in 2 (and in 0 with mixed debt); eMode groups 0 and 2.
    static func makeCase(
        decimals: [Int], cents: [Int], thresholds: [Int], amounts: [Int],
        debtRatioPercent: Int, indexBumps: [Int], flags: Flags
    ) throws -> Case {
        let ray = WadRayMath.ray
        var reserves: [Reserve] = []
        var prices: [UInt128] = []
        for i in 0..<3 {
            let threshold = UInt128(thresholds[i])
            let maxBonus = 10_000 * 10_000 / threshold
            let bonus = min(10_001 + UInt128(thresholds[(i + 1) % 3] % 1_500), maxBonus)
            var reserve = Reserve(
                configuration: ReserveConfiguration(
                    symbol: "R\(i)", decimals: decimalsChoices[decimals[i]], ltvBps: threshold - 500,
                    liquidationThresholdBps: threshold, liquidationBonusBps: bonus,
                    liquidationProtocolFeeBps: UInt128(thresholds[(i + 2) % 3] % 3_000)))
            reserve.liquidityIndex = ray + UInt128(indexBumps[i]) * 1_000_000_000_000_000_000_000
            reserve.variableBorrowIndex = ray + UInt128(indexBumps[(i + 1) % 3]) * 1_000_000_000_000_000_000_000
            reserves.append(reserve)
            prices.append(UInt128(cents[i]) * 1_000_000)
        }
        let categories = [
            EModeCategory(
                id: 1, label: "grouped", ltvBps: 9_000, liquidationThresholdBps: 9_500,
                liquidationBonusBps: 10_100, reserves: [0, 2])
        ]
        var account = Account(id: "borrower", reserveCount: 3, eModeCategory: flags.eMode ? 1 : 0)
        var pool = LendingPool(
            rules: flags.rulesV33 ? .aaveV33 : .aaveV31, reserves: reserves, prices: prices,
            eModeCategories: categories)
        var weighted: UInt128 = 0
        for i in 0..<(flags.singleCollateral ? 1 : 2) {
            let unit = reserves[i].configuration.unit
            let amount = UInt128(amounts[i]) * unit / 1_000 // 0.001 … 1,000,000 whole tokens
            account.scaledCollateral[i] = try WadRayMath.rayDiv(amount, reserves[i].liquidityIndex)
            account.usingAsCollateral[i] = account.scaledCollateral[i] != 0
            let threshold = pool.collateralParameters(for: account, reserve: i).liquidationThresholdBps
            weighted += try PercentageMath.percentMul(FullWidth.mulDiv(amount, prices[i], unit), threshold)
        }
        // Debt worth debtRatio % of the threshold-weighted collateral, split between reserves 2 and 0.
        let debtBase = weighted * UInt128(debtRatioPercent) / 100
        let shares: [(Int, UInt128)] = flags.mixedDebt ? [(2, debtBase * 2 / 3), (0, debtBase / 3)] : [(2, debtBase)]
        for (reserve, value) in shares {
            let amount = try FullWidth.mulDiv(value, reserves[reserve].configuration.unit, prices[reserve])
            account.scaledDebt[reserve] = try WadRayMath.rayDiv(amount, reserves[reserve].variableBorrowIndex)
        }
        for i in 0..<3 {
            pool.reserves[i].totalScaledSupply = account.scaledCollateral[i] + 1_000_000
            pool.reserves[i].totalScaledVariableDebt = account.scaledDebt[i]
            pool.reserves[i].availableLiquidity = UInt128(1) << 120
        }
        pool.accounts = AccountBook(reserveCount: pool.reserves.count, accounts: [account])
        let collateral = try pool.defaultQuotePair(for: account).collateral
        var cover = UInt128.max
        if flags.halfCover { cover = try pool.debtBalance(account, reserve: 2) / 2 }
        return Case(
            pool: pool, request: LiquidationRequest(collateralReserve: collateral, debtReserve: 2, debtToCover: cover))
    }

    static let inputs = (
        Gen.int(in: 0...6).array(of: 3), // decimals choices
        Gen.int(in: 1...5_000_000).array(of: 3), // prices in cents: $0.01 … $50,000
        Gen.int(in: 5_000...9_000).array(of: 3), // liquidation thresholds
        Gen.int(in: 1...1_000_000_000).array(of: 2), // collateral in thousandths of a token
        Gen.int(in: 60...140), // debt as % of threshold-weighted collateral
        Gen.int(in: 0...500_000).array(of: 3), // index growth, in 1e-6
        Gen.int(in: 0...31) // Flags
    )

    @Test func valueIsConservedByEveryLiquidation() async {
        await propertyCheck(
            count: 500, input: Self.inputs.0, Self.inputs.1, Self.inputs.2, Self.inputs.3,
            Self.inputs.4, Self.inputs.5, Self.inputs.6
        ) { decimals, cents, thresholds, amounts, ratio, bumps, flags in
            do {
                let generated = try Self.makeCase(
                    decimals: decimals, cents: cents, thresholds: thresholds, amounts: amounts,
                    debtRatioPercent: ratio, indexBumps: bumps, flags: Flags(raw: flags))
                try Self.check(generated)
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    /// Runs the liquidation and checks every identity; a revert must be one the inputs explain.
    static func check(_ generated: Case) throws {
        var pool = generated.pool
        let request = generated.request
        let c = request.collateralReserve, d = request.debtReserve
        let before = pool
        let borrowerBefore = before.accounts[0]
        let quote: LiquidationQuote
        do {
            quote = try pool.liquidate(accountIndex: 0, request)
        } catch let error as LiquidationError {
            #expect(pool == before, "a revert changes nothing")
            switch error {
            case .healthFactorNotBelowThreshold:
                #expect(try !before.accountData(borrowerBefore).healthFactor.isLiquidatable)
            case .mustNotLeaveDust: #expect(before.rules == .aaveV33)
            case .invalidBurnAmount: break // a liquidation too small to burn one scaled unit
            default: Issue.record("unexpected revert \(error)")
            }
            return
        }
        let borrowerAfter = pool.accounts[0]

        // Collateral in underlying units: the borrower's balance drops by what was seized (±2 wei of
        // rayMul/rayDiv rounding at a non-unit index), and seized = liquidator + treasury.
        let collateralBefore = try before.collateralBalance(borrowerBefore, reserve: c)
        let collateralAfter = try pool.collateralBalance(borrowerAfter, reserve: c)
        #expect(quote.collateralSeized == quote.liquidatorReceives + quote.protocolFee)
        #expect(distance(collateralBefore - collateralAfter, quote.collateralSeized) <= 2)
        let treasuryGain = try WadRayMath.rayMul(
            pool.reserves[c].treasuryScaledBalance, pool.reserves[c].liquidityIndex)
        #expect(distance(treasuryGain, quote.protocolFee) <= 1)
        let suppliedDrop =
            try before.reserves[c].totalSupplied(at: before.time) - pool.reserves[c].totalSupplied(at: pool.time)
        #expect(distance(suppliedDrop, quote.liquidatorReceives) <= 2)

        // Debt in underlying units: what leaves the borrower is repaid or written off, reserve by reserve,
        // and the reserves' totals and deficits move by exactly the borrower's scaled change.
        var debtDrop: UInt128 = 0
        for reserve in 0..<3 {
            let owed = try before.debtBalance(borrowerBefore, reserve: reserve)
            let left = try pool.debtBalance(borrowerAfter, reserve: reserve)
            debtDrop += owed - left
            let burnt = borrowerBefore.scaledDebt[reserve] - borrowerAfter.scaledDebt[reserve]
            #expect(
                before.reserves[reserve].totalScaledVariableDebt - pool.reserves[reserve].totalScaledVariableDebt
                    == burnt)
            #expect(pool.reserves[reserve].deficit - before.reserves[reserve].deficit == quote.deficits[reserve])
            if quote.deficits[reserve] != 0 {
                #expect(pool.rules == .aaveV33 && quote.hasNoCollateralLeft && left == 0)
            }
        }
        #expect(distance(debtDrop, quote.debtRepaid + quote.deficits.reduce(0, +)) <= 3)
        if quote.hasNoCollateralLeft { #expect(!borrowerAfter.isBorrowingAny) }

        // The repaid debt enters the reserve; the liquidator's collateral leaves it.
        let collateralDelta =
            Int128(pool.reserves[c].availableLiquidity) - Int128(before.reserves[c].availableLiquidity)
        #expect(collateralDelta == (c == d ? Int128(quote.debtRepaid) : 0) - Int128(quote.liquidatorReceives))
        if c != d {
            #expect(pool.reserves[d].availableLiquidity - before.reserves[d].availableLiquidity == quote.debtRepaid)
        }

        // Bounds from the rules, computed here from balances and prices.
        let healthFactor = quote.healthFactorBefore
        #expect(healthFactor.isLiquidatable)
        let reserveDebt = try before.debtBalance(borrowerBefore, reserve: d)
        #expect(quote.debtRepaid <= reserveDebt)
        #expect(quote.collateralSeized <= collateralBefore)
        if before.rules == .aaveV31, healthFactor > .closeFactorThreshold {
            #expect(quote.debtRepaid <= reserveDebt / 2 + 1)
        }
        if quote.closeFactorRule == .v33HalfOfTotalDebt {
            #expect(try before.baseValue(quote.debtRepaid, reserve: d) <= quote.before.totalDebtBase / 2 + 1)
        }
        // Seized ≈ repaid × price ratio × bonus (Doubles, so only where rounding is negligible).
        if !quote.cappedByCollateral, quote.collateralSeized > 1_000_000 {
            let cUnit = Double(before.reserves[c].configuration.unit),
                dUnit = Double(before.reserves[d].configuration.unit)
            let expected =
                Double(quote.debtRepaid) / dUnit * Double(quote.debtPrice) / Double(quote.collateralPrice)
                * cUnit * Double(quote.liquidationBonusBps) / 10_000
            #expect(abs(Double(quote.collateralSeized) - expected) <= expected * 1e-6)
        }
        #expect(pool.prices == before.prices)
    }

    static func distance(_ a: UInt128, _ b: UInt128) -> UInt128 { a > b ? a - b : b - a }
}

extension ConservationPropertyTests {
    /// The generator reaches every branch the properties are about, so they cannot pass vacuously.
    @Test func generatedCasesCoverExecutedCappedAndBadDebtLiquidations() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ range: ClosedRange<Int>) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + Int((state >> 33) % UInt64(range.count))
        }
        var executed = 0, capped = 0, withDeficit = 0, reverted = 0, inEMode = 0, largeDecimals = 0
        for _ in 0..<400 {
            let flags = Flags(raw: next(0...31))
            let decimals = (0..<3).map { _ in next(0...6) }
            let generated = try Self.makeCase(
                decimals: decimals, cents: (0..<3).map { _ in next(1...5_000_000) },
                thresholds: (0..<3).map { _ in next(5_000...9_000) },
                amounts: (0..<2).map { _ in next(1...1_000_000_000) },
                debtRatioPercent: next(60...140), indexBumps: (0..<3).map { _ in next(0...500_000) }, flags: flags)
            try Self.check(generated)
            var pool = generated.pool
            guard let quote = try? pool.liquidate(accountIndex: 0, generated.request) else {
                reverted += 1
                continue
            }
            executed += 1
            if quote.cappedByCollateral { capped += 1 }
            if quote.deficits.contains(where: { $0 != 0 }) { withDeficit += 1 }
            if flags.eMode && quote.liquidationBonusBps == 10_100 { inEMode += 1 }
            if decimals.contains(where: { $0 >= 5 }) { largeDecimals += 1 }
        }
        #expect(executed >= 150)
        #expect(capped >= 10)
        #expect(withDeficit >= 5)
        #expect(reverted >= 30)
        #expect(inEMode >= 10)
        #expect(largeDecimals >= 50)
    }
}
