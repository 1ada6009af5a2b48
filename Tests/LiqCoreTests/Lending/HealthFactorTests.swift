import Testing

@testable import LiqCore

/// Health factors worked by hand from GenericLogic (docs/mechanics.md).
@Suite struct HealthFactorTests {
    @Test func healthFactorExactlyOneIsNotLiquidatable() throws {
        // 10 WETH × $2,000 × 0.80 = $16,000 against $16,000 of USDC: HF = 1 exactly.
        let pool = try Fixtures.pool(
            """
            [[positions]]
            id = "edge"
            collateral = { WETH = "10" }
            debt = { USDC = "16000" }
            """)
        #expect(try pool.healthFactor("edge") == HealthFactor(wad: WadRayMath.wad))
        let quote = try pool.quote("edge")
        #expect(quote.reason == .healthFactorNotBelowThreshold)
        #expect(quote.liquidation == nil)
    }

    @Test func oneMicroDollarMoreDebtMakesItLiquidatable() throws {
        // 16,000e8 / 16,000.000001e8 = 0.9999999999375 (wadDiv rounds half up; the next digit is 0).
        let pool = try Fixtures.pool(
            """
            [[positions]]
            id = "edge"
            collateral = { WETH = "10" }
            debt = { USDC = "16000.000001" }
            """)
        #expect(try pool.healthFactor("edge").description == "0.9999999999375")
        #expect(try pool.quote("edge").liquidation != nil)
    }

    @Test func averageThresholdIsTruncatedToWholeBasisPoints() throws {
        // Collateral $4,000 WETH (LT 8000) + $3,000 WBTC (LT 7000): avgLT = 53,000,000/7,000 = 7571.43 -> 7571.
        // HF = percentMul(7000e8, 7571) / 6000e8 = 5299.7 / 6000 = 0.88328333… (0.883333… without truncation).
        let pool = try Fixtures.pool(
            """
            [[positions]]
            id = "two"
            collateral = { WETH = "2", WBTC = "0.1" }
            debt = { USDC = "6000" }
            """)
        let data = try pool.accountData(pool.accounts[0])
        #expect(data.totalCollateralBase == 7_000_00000000)
        #expect(data.totalDebtBase == 6_000_00000000)
        #expect(data.averageLiquidationThresholdBps == 7571)
        #expect(data.averageLtvBps == (4_000 * 7_500 + 3_000 * 6_500) / 7_000)
        #expect(data.healthFactor.description == "0.883283333333333333")
    }

    @Test func noDebtIsInfiniteAndDebtWithoutCollateralIsZero() throws {
        let pool = try Fixtures.pool(
            """
            [[positions]]
            id = "saver"
            collateral = { WETH = "1" }

            [[positions]]
            id = "naked"
            debt = { USDC = "100" }
            """)
        #expect(try pool.healthFactor("saver") == .infinite)
        #expect(try pool.healthFactor("saver").description == "inf")
        #expect(try pool.healthFactor("naked") == HealthFactor(wad: 0))
    }

    @Test func eModeUsesTheCategoryThreshold() throws {
        // 10 wstETH × $2,000: in eMode LT 93 % -> 18,600 / 18,800 = 0.98936…; outside, LT 81 % -> 0.86170…
        let pool = try Fixtures.pool(
            """
            [[positions]]
            id = "in"
            collateral = { wstETH = "10" }
            debt = { WETH = "9.4" }
            emode = 1

            [[positions]]
            id = "out"
            collateral = { wstETH = "10" }
            debt = { WETH = "9.4" }
            """)
        #expect(try pool.healthFactor("in").description == "0.989361702127659574")
        #expect(try pool.healthFactor("out").description == "0.861702127659574468")
    }
}
