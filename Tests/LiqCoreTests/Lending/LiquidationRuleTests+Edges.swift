import Testing

@testable import LiqCore

/// Several collaterals, mixed decimals, eMode, the protocol's error names, the sequencer check, zero amounts.
extension LiquidationRuleTests {
    @Test func severalCollateralsSeizeOneAndKeepTheOthers() throws {
        // $4,000 WETH + $3,000 WBTC against 6,000 USDC, HF 0.883 -> 100 %; WETH is the largest collateral.
        // 6,000 × 1.05 / 2,000 = 3.15 WETH > 2: capped at 2 WETH, repaying 3,809.52381 USDC.
        // After: $3,000 WBTC × 0.70 = 2,100 against 2,190.47619: HF 0.958695652382325142 (computed with
        // the formula in Python big integers), and no deficit since WBTC remains.
        let pool = try Fixtures.pool(
            """
            [[positions]]
            id = "two"
            collateral = { WETH = "2", WBTC = "0.1" }
            debt = { USDC = "6000" }
            """)
        let quote = try #require(try pool.quote("two").liquidation)
        #expect(quote.request.collateralReserve == pool.reserveIndex(symbol: "WETH"))
        #expect(quote.debtRepaid == Fixtures.units("3809.52381", 6))
        #expect(!quote.hasNoCollateralLeft)
        #expect(quote.deficit == 0)
        #expect(quote.healthFactorAfter.description == "0.958695652382325142")
    }

    @Test func eightDecimalCollateralAgainstEighteenDecimalDebt() throws {
        // 1 WBTC = $30,000 (LT 70 %) against 22,000 DAI: HF = 21,000/22,000 = 0.954545… -> 50 % = 11,000 DAI.
        // Collateral = 1e8 × 11,000e18 × 1e8 / (30,000e8 × 1e18) = 36,666,666 sats (truncated);
        // × 1.05 = (36,666,666 × 10,500 + 5,000) / 10,000 = 38,499,999 sats;
        // fee: bonus = 38,499,999 − 36,666,666 = 1,833,333; 10 % = 183,333 (half up of 183,333.3).
        let pool = try Fixtures.pool(
            """
            [[positions]]
            id = "btc"
            collateral = { WBTC = "1" }
            debt = { DAI = "22000" }
            """)
        let quote = try #require(try pool.quote("btc").liquidation)
        #expect(quote.healthFactorBefore.description == "0.954545454545454545")
        #expect(quote.debtRepaid == Fixtures.wad("11000"))
        #expect(quote.baseCollateral == 36_666_666)
        #expect(quote.collateralSeized == 38_499_999)
        #expect(quote.protocolFee == 183_333)
        #expect(quote.liquidatorReceives == 38_316_666)
        #expect(quote.healthFactorAfter.description == "1.174090928181818182")
    }

    @Test func eModeUsesTheCategoryBonus() throws {
        // eMode HF 0.98936 > 0.95 -> 50 % of 9.4 WETH = 4.7 WETH; same price, bonus 1 % (not wstETH's 6 %):
        // 4.747 wstETH, fee 10 % of 0.047 = 0.0047. After: 5.253 × 2,000 × 0.93 / 9,400 = 1.039423404255319149.
        let pool = try Fixtures.pool(
            """
            [[positions]]
            id = "e"
            collateral = { wstETH = "10" }
            debt = { WETH = "9.4" }
            emode = 1
            """)
        let quote = try #require(try pool.quote("e").liquidation)
        #expect(quote.liquidationBonusBps == 10_100)
        #expect(quote.debtRepaid == Fixtures.wad("4.7"))
        #expect(quote.collateralSeized == Fixtures.wad("4.747"))
        #expect(quote.protocolFee == Fixtures.wad("0.0047"))
        #expect(quote.healthFactorAfter.description == "1.039423404255319149")
    }

    @Test func validationErrorsAreTheProtocolsNames() throws {
        let pool = try Fixtures.pool(
            """
            [[positions]]
            id = "p"
            collateral = { WETH = "1.1" }
            debt = { USDC = "1900" }
            """)
        #expect(try pool.quote("p", collateral: "WBTC").reason == .collateralCannotBeLiquidated)
        #expect(try pool.quote("p", debt: "DAI").reason == .specifiedCurrencyNotBorrowedByUser)
    }

    @Test func sentinelBlocksLiquidationDuringDowntimeAboveHF095() throws {
        func pool(up: Bool, since: Int, debt: String) throws -> LendingPool {
            try Fixtures.pool(
                """
                [[positions]]
                id = "p"
                collateral = { WETH = "10" }
                debt = { USDC = "\(debt)" }

                [oracle_sentinel]
                sequencer_up = \(up)
                seconds_since_up = \(since)
                grace_period_s = 3600
                """)
        }
        // HF = 16,000/16,500 = 0.9697: blocked while down and during the grace period, allowed after it.
        #expect(try pool(up: false, since: 0, debt: "16500").quote("p").reason == .priceOracleSentinelCheckFailed)
        #expect(try pool(up: true, since: 3600, debt: "16500").quote("p").reason == .priceOracleSentinelCheckFailed)
        #expect(try pool(up: true, since: 3601, debt: "16500").quote("p").liquidation != nil)
        // HF = 16,000/17,000 = 0.941 < 0.95: allowed even while down.
        #expect(try pool(up: false, since: 0, debt: "17000").quote("p").liquidation != nil)
        // The sentinel is checked before the health factor: a healthy account reports the sentinel.
        #expect(try pool(up: false, since: 0, debt: "1000").quote("p").reason == .priceOracleSentinelCheckFailed)
    }

    @Test func zeroDebtToCoverRevertsWithInvalidBurnAmount() throws {
        let pool = try Fixtures.pool(
            """
            [[positions]]
            id = "p"
            collateral = { WETH = "1.1" }
            debt = { USDC = "1900" }
            """)
        #expect(try pool.quote("p", cover: 0).reason == .invalidBurnAmount)
    }
}
