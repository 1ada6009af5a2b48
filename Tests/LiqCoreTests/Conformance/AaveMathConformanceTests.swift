import Testing

@testable import LiqCore

/// Aave v3.3's own test literals (aave-dao/aave-v3-origin @ 5431379f, the v3.3.0 merge) and the values the
/// v3-core JS reference computes. Every expected value is copied from the source named with it.
@Suite struct AaveMathConformanceTests {
    static let wad: UInt128 = 1_000_000_000_000_000_000
    static let ray: UInt128 = 1_000_000_000_000_000_000_000_000_000

    /// tests/protocol/libraries/math/WadRayMath.t.sol, lines 22–82.
    @Test func wadRayMathLiterals() throws {
        let (wad, ray) = (Self.wad, Self.ray)
        #expect(try WadRayMath.wadMul(0, wad) == 0)
        #expect(try WadRayMath.wadMul(wad, 0) == 0)
        #expect(try WadRayMath.wadMul(0, 0) == 0)
        #expect(try WadRayMath.wadMul(2_500_000_000_000_000_000, 500_000_000_000_000_000) == 1_250_000_000_000_000_000)
        #expect(try WadRayMath.wadMul(412_200_000_000_000_000_000, wad) == 412_200_000_000_000_000_000)
        #expect(try WadRayMath.wadMul(6 * wad, 2 * wad) == 12 * wad)
        #expect(
            try WadRayMath.rayMul(2_500_000_000_000_000_000_000_000_000, 500_000_000_000_000_000_000_000_000)
                == 1_250_000_000_000_000_000_000_000_000)
        #expect(
            try WadRayMath.rayMul(412_200_000_000_000_000_000_000_000_000, ray)
                == 412_200_000_000_000_000_000_000_000_000)
        #expect(try WadRayMath.rayMul(6 * ray, 2 * ray) == 12 * ray)
        #expect(try WadRayMath.wadDiv(2_500_000_000_000_000_000, 500_000_000_000_000_000) == 5 * wad)
        #expect(try WadRayMath.wadDiv(412_200_000_000_000_000_000, wad) == 412_200_000_000_000_000_000)
        #expect(try WadRayMath.wadDiv(8_745_000_000_000_000_000, 670_000_000_000_000_000) == 13_052_238_805_970_149_254)
        #expect(try WadRayMath.wadDiv(6 * wad, 2 * wad) == 3 * wad)
        #expect(
            try WadRayMath.rayDiv(2_500_000_000_000_000_000_000_000_000, 500_000_000_000_000_000_000_000_000) == 5 * ray
        )
        #expect(
            try WadRayMath.rayDiv(412_200_000_000_000_000_000_000_000_000, ray)
                == 412_200_000_000_000_000_000_000_000_000)
        #expect(
            try WadRayMath.rayDiv(8_745_000_000_000_000_000_000_000_000, 670_000_000_000_000_000_000_000_000)
                == 13_052_238_805_970_149_253_731_343_284)
        #expect(try WadRayMath.rayDiv(6 * ray, 2 * ray) == 3 * ray)
        #expect(try WadRayMath.wadToRay(wad) == ray)
        #expect(try WadRayMath.wadToRay(412_200_000_000_000_000_000) == 412_200_000_000_000_000_000_000_000_000)
        #expect(try WadRayMath.wadToRay(0) == 0)
        #expect(WadRayMath.rayToWad(ray) == wad)
        #expect(WadRayMath.rayToWad(412_200_000_000_000_000_000_000_000_000) == 412_200_000_000_000_000_000)
        #expect(WadRayMath.rayToWad(0) == 0)
    }

    /// aave/aave-v3-core @ 782f5191, test-suites/wadraymath.spec.ts 24–85: the contract against its JS
    /// reference (helpers/utils/wadraymath.ts), whose values these are.
    @Test func wadRayMathAgainstTheJSReference() throws {
        let a: UInt128 = 134_534_543_232_342_353_231_234
        let b: UInt128 = 13_265_462_389_132_757_665_657
        #expect(try WadRayMath.wadMul(a, b) == 1_784_662_923_287_792_467_070_443_765)
        #expect(try WadRayMath.wadDiv(a, b) == 10_141_715_327_055_228_122)
        #expect(try WadRayMath.rayMul(a, b) == 1_784_662_923_287_792_467)
        #expect(try WadRayMath.rayDiv(a, b) == 10_141_715_327_055_228_122_033_939_726)
        #expect(WadRayMath.rayToWad(Self.ray + 499_999_999) == Self.wad)
        #expect(WadRayMath.rayToWad(Self.ray + 500_000_000) == Self.wad + 1)
    }

    /// tests/protocol/libraries/math/PercentageMath.t.sol, lines 49–57.
    @Test func percentageMathLiterals() throws {
        #expect(try PercentageMath.percentMul(Self.wad, 5_000) == 500_000_000_000_000_000)
        #expect(try PercentageMath.percentMul(14_251_500_000_000_000_000, 7_442) == 10_605_966_300_000_000_000)
        #expect(
            try PercentageMath.percentMul(9_087_312 * Self.ray, 1_333) == 1_211_338_689_600_000_000_000_000_000_000_000)
        #expect(try PercentageMath.percentDiv(Self.wad, 5_000) == 2 * Self.wad)
        #expect(try PercentageMath.percentDiv(14_251_500_000_000_000_000, 7_442) == 19_150_094_060_736_361_193)
        #expect(
            try PercentageMath.percentDiv(9_087_312 * Self.ray, 1_333) == 68_171_882_970_742_685_671_417_854_463_615_904
        )
    }

    /// tests/protocol/libraries/math/MathUtils.t.sol, lines 20–50 (v3.3's three-term compounding; v3.4
    /// changed the formula and its tests, which these are not).
    @Test func mathUtilsLiterals() throws {
        let rate: UInt128 = 1_000_500_000_000_000_000_000_000_000
        let halfYear: UInt64 = 15_768_000
        #expect(try Interest.linear(rate: rate, seconds: halfYear) == 1_500_250_000_000_000_000_000_000_000)
        #expect(try Interest.compounded(rate: rate, seconds: halfYear) == 1_646_239_361_880_034_706_419_516_000)
        #expect(try Interest.compounded(rate: rate, seconds: 0) == Self.ray)
        // Derived in the reference from the same formula (8 % over 7 years); v3.4's Taylor form differs.
        #expect(
            try Interest.compounded(rate: 80_000_000_000_000_000_000_000_000, seconds: 7 * 31_536_000)
                == 1_745_486_836_363_624_056_433_536_000)
    }

    /// tests/misc/rates/RateStrategy.calculateRates.t.sol (optimal 80 %, base 1 %, slope1 4 %, slope2 60 %,
    /// reserve factor 10 %): the tests assert an expression with literal inputs; these are its exact values.
    /// RS3 and RS4 (lines 87, 125) add unbacked aTokens, which liqtop does not model (no portals).
    @Test(arguments: [
        (
            UInt128(800_000_000_000_000_000), UInt128(200_000_000_000_000_000),
            UInt128(50_000_000_000_000_000_000_000_000), UInt128(36_000_000_000_000_000_000_000_000)
        ),
        (1_000_000_000_000_000_000, 0, 650_000_000_000_000_000_000_000_000, 585_000_000_000_000_000_000_000_000),
        (
            80_000_000_000_000_000_000, 9_920_000_000_000_000_000_000, 10_400_000_000_000_000_000_000_000,
            74_880_000_000_000_000_000_000
        ),
    ])
    func twoSlopeRates(debt: UInt128, available: UInt128, borrowRate: UInt128, liquidityRate: UInt128) throws {
        let strategy = InterestRateStrategy(
            optimalUsageRatioBps: 8_000, baseVariableBorrowRateBps: 100,
            variableRateSlope1Bps: 400, variableRateSlope2Bps: 6_000)
        let rates = try strategy.rates(totalDebt: debt, availableLiquidity: available, reserveFactorBps: 1_000)
        #expect(rates.variableBorrowRate == borrowRate)
        #expect(rates.liquidityRate == liquidityRate)
    }

    /// RS6 (line 466): a strategy of zeros gives zero rates whatever the usage.
    @Test func zeroRateStrategy() throws {
        let zero = InterestRateStrategy(
            optimalUsageRatioBps: 8_000, baseVariableBorrowRateBps: 0,
            variableRateSlope1Bps: 0, variableRateSlope2Bps: 0)
        let rates = try zero.rates(totalDebt: 20, availableLiquidity: 30_000 + 1_000 - 50, reserveFactorBps: 1_000)
        #expect(rates == .init(liquidityRate: 0, variableBorrowRate: 0))
    }

    /// tests/protocol/pool/pool-configurator/PoolConfigurator.upgradeabilty.t.sol, test_interestRateStrategy_update
    /// (109–153), v3.3's best held-out check: 200,000 USDX supplied, 30,000 borrowed (usage 15 %), a year
    /// passes, then the strategy changes to base 10 % and the new rate must be exactly 107585394738663515131637198.
    /// It chains compounding, the debt's rayMul, the usage and the two-slope rate.
    @Test func rateAfterAYearAndAStrategyChange() throws {
        var reserve = Reserve(
            configuration: ReserveConfiguration(
                symbol: "USDX", decimals: 6, reserveFactorBps: 1_000,
                rateStrategy: .init(
                    optimalUsageRatioBps: 4_500, baseVariableBorrowRateBps: 0,
                    variableRateSlope1Bps: 400, variableRateSlope2Bps: 6_000)))
        reserve.totalScaledSupply = 200_000_000_000
        reserve.availableLiquidity = 200_000_000_000
        reserve.totalScaledVariableDebt = 30_000_000_000
        try reserve.updateInterestRates(liquidityAdded: 0, liquidityTaken: 30_000_000_000)
        #expect(reserve.currentVariableBorrowRate == 13_333_333_333_333_333_333_333_333) // line 128

        try reserve.updateState(to: 31_536_000)
        #expect(reserve.variableBorrowIndex == 1_013_422_222_219_058_487_279_941_333) // [D] in the reference
        #expect(try reserve.totalDebt(at: 31_536_000) == 30_402_666_667) // [D]
        reserve.configuration.rateStrategy = .init(
            optimalUsageRatioBps: 8_000, baseVariableBorrowRateBps: 1_000,
            variableRateSlope1Bps: 400, variableRateSlope2Bps: 6_000)
        try reserve.updateInterestRates(liquidityAdded: 0, liquidityTaken: 0)
        #expect(reserve.currentVariableBorrowRate == 107_585_394_738_663_515_131_637_198) // line 152
    }

    /// tests/protocol/pool/Pool.t.sol, test_getters_getUserAccountData (407–430): 0.4 WBTC at $27,000 (LT 86 %)
    /// against 2,000 USDX. The totals are asserted there; the health factor follows from them.
    @Test func accountData() throws {
        let pool = try AaveFixture.pool(
            positions: """
                [[positions]]
                id = "bob"
                collateral = { WBTC = "0.4" }
                debt = { USDX = "2000" }
                """)
        let data = try pool.accountData(pool.accounts[pool.accountIndex(id: "bob")!])
        #expect(data.totalCollateralBase == 1_080_000_000_000)
        #expect(data.totalDebtBase == 200_000_000_000)
        #expect(data.healthFactor == HealthFactor(wad: 4_644_000_000_000_000_000))
    }
}

/// The listing of aave-v3-origin's tests (tests/mocks/AaveV3TestListing.sol 45–51): WETH $1,800, USDX $1,
/// WBTC $27,000, each with a liquidation threshold of 86 %, a 5 % bonus and a 10 % protocol fee.
enum AaveFixture {
    static func pool(positions: String) throws -> LendingPool {
        let text = """
            name = "aave-v3-origin test listing"
            rules = "aave-v3.3"
            [[assets]]
            symbol = "WETH"
            decimals = 18
            price_usd = "1800"
            ltv_bps = 8000
            liquidation_threshold_bps = 8600
            liquidation_bonus_bps = 10500
            liquidation_protocol_fee_bps = 1000
            [[assets]]
            symbol = "USDX"
            decimals = 6
            price_usd = "1"
            ltv_bps = 8000
            liquidation_threshold_bps = 8600
            liquidation_bonus_bps = 10500
            liquidation_protocol_fee_bps = 1000
            [[assets]]
            symbol = "WBTC"
            decimals = 8
            price_usd = "27000"
            ltv_bps = 8000
            liquidation_threshold_bps = 8600
            liquidation_bonus_bps = 10500
            liquidation_protocol_fee_bps = 1000

            \(positions)
            """
        return try ScenarioLoader.load(text: text, file: "aave-test-listing.toml").makePool()
    }
}
