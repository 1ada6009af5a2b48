import Testing

@testable import LiqCore

/// Liquidations worked by hand from LiquidationLogic (docs/mechanics.md).
@Suite struct LiquidationRuleTests {
    @Test func interfacesExampleHalfOfTotalDebt() throws {
        // docs/interfaces.md: 12 WETH at $2,100, LT 83 %, 21,000 USDC. HF = 20,916/21,000 = 0.996.
        // v3.3: HF > 0.95 with collateral and debt ≥ $2,000 -> max 50 % of $21,000 = 10,500 USDC.
        // Collateral 10,500/2,100 = 5 WETH, × 1.05 = 5.25; fee 10 % of the 0.25 bonus = 0.025.
        // After: 6.75 WETH × 2,100 × 0.83 = 11,765.25 / 10,500 = 1.1205.
        let toml = """
            name = "one borrower"
            [[assets]]
            symbol = "WETH"
            decimals = 18
            price_usd = "2100"
            ltv_bps = 8050
            liquidation_threshold_bps = 8300
            liquidation_bonus_bps = 10500
            liquidation_protocol_fee_bps = 1000
            [[assets]]
            symbol = "USDC"
            decimals = 6
            price_usd = "1"
            ltv_bps = 7700
            liquidation_threshold_bps = 8000
            liquidation_bonus_bps = 10450
            liquidation_protocol_fee_bps = 1000
            [[positions]]
            id = "carol"
            collateral = { WETH = "12" }
            debt = { USDC = "21000" }
            """
        let pool = try ScenarioLoader.load(text: toml, file: "example.toml").makePool()
        let quote = try #require(try pool.quote("carol").liquidation)
        #expect(quote.healthFactorBefore.description == "0.996")
        #expect(quote.closeFactorRule == .v33HalfOfTotalDebt)
        #expect(quote.maxLiquidatableDebt == Fixtures.units("10500", 6))
        #expect(quote.debtRepaid == Fixtures.units("10500", 6))
        #expect(quote.collateralSeized == Fixtures.wad("5.25"))
        #expect(quote.liquidatorReceives == Fixtures.wad("5.225"))
        #expect(quote.protocolFee == Fixtures.wad("0.025"))
        #expect(quote.deficit == 0)
        #expect(quote.healthFactorAfter.description == "1.1205")
    }

    @Test(arguments: ["aave-v3.1", "aave-v3.3"])
    func healthFactorExactly095TakesTheFullCloseFactor(rules: String) throws {
        // 20 WETH × $2,000 = $40,000 with LT 76 % (custom asset below) = $30,400 against $32,000: HF = 0.95.
        // 100 %: 32,000 USDC -> 16 WETH × 1.05 = 16.8 WETH; fee = 10 % of 0.8 = 0.08.
        let pool = try ScenarioLoader.load(
            text: """
                name = "edge 0.95"
                rules = "\(rules)"
                [[assets]]
                symbol = "WETH"
                decimals = 18
                price_usd = "2000"
                liquidation_threshold_bps = 7600
                liquidation_bonus_bps = 10500
                liquidation_protocol_fee_bps = 1000
                [[assets]]
                symbol = "USDC"
                decimals = 6
                price_usd = "1"
                [[positions]]
                id = "p"
                collateral = { WETH = "20" }
                debt = { USDC = "32000" }
                """, file: "t.toml"
        ).makePool()
        let quote = try #require(try pool.quote("p").liquidation)
        #expect(quote.healthFactorBefore == .closeFactorThreshold)
        #expect(quote.closeFactorRule == (rules == "aave-v3.1" ? .v31Full : .v33FullBelowHealthFactorThreshold))
        #expect(quote.maxLiquidatableDebt == Fixtures.units("32000", 6))
        #expect(quote.collateralSeized == Fixtures.wad("16.8"))
        #expect(quote.protocolFee == Fixtures.wad("0.08"))
        #expect(quote.liquidatorReceives == Fixtures.wad("16.72"))
        #expect(quote.healthFactorAfter == .infinite)
    }

    @Test func v31JustAboveThresholdTakesHalfOfTheReserveDebt() throws {
        // 10 WETH, $16,000 of threshold-weighted collateral against 16,800 USDC: HF = 0.952… > 0.95 -> 50 %.
        let pool = try Fixtures.pool(
            rules: "aave-v3.1",
            """
            [[positions]]
            id = "p"
            collateral = { WETH = "10" }
            debt = { USDC = "16800" }
            """)
        let quote = try #require(try pool.quote("p").liquidation)
        #expect(quote.closeFactorRule == .v31Half)
        #expect(quote.maxLiquidatableDebt == Fixtures.units("8400", 6))
        // 8,400 / 2,000 = 4.2 WETH × 1.05 = 4.41 WETH.
        #expect(quote.collateralSeized == Fixtures.wad("4.41"))
    }

    @Test func smallPositionsTakeTheFullCloseFactorInV33() throws {
        // 1 WETH = $2,000 is not below the threshold, so use 0.9 WETH = $1,800 against 1,500 USDC:
        // HF = 1,440/1,500 = 0.96 > 0.95, but the collateral is worth < $2,000 -> the whole 1,500 USDC.
        let pool = try Fixtures.pool(
            """
            [[positions]]
            id = "small"
            collateral = { WETH = "0.9" }
            debt = { USDC = "1500" }
            """)
        let quote = try #require(try pool.quote("small").liquidation)
        #expect(quote.healthFactorBefore.description == "0.96")
        #expect(quote.closeFactorRule == .v33FullSmallCollateral)
        #expect(quote.debtRepaid == Fixtures.units("1500", 6))
        // 1,500 / 2,000 = 0.75 WETH × 1.05 = 0.7875 WETH.
        #expect(quote.collateralSeized == Fixtures.wad("0.7875"))
    }

    @Test func collateralCapReducesTheDebtAndV33WritesOffTheRest() throws {
        // 2 WETH = $4,000 against 4,000 USDC: HF 0.8. The bonus would need 2.1 WETH, so all 2 WETH go and
        // the debt repaid is 4,000.percentDiv(10500) = (4,000e6 × 10,000 + 5,250) / 10,500 = 3,809.52381 USDC.
        // Fee: bonus = 2 − 2.percentDiv(10500) = 2 − 1.904761904761904762 = 0.095238095238095238 WETH,
        // 10 % of it = 0.009523809523809524 WETH (half up). v3.3: no collateral left, so 190.47619 USDC is deficit.
        let pool = try Fixtures.pool(
            """
            [[positions]]
            id = "under"
            collateral = { WETH = "2" }
            debt = { USDC = "4000" }
            """)
        let quote = try #require(try pool.quote("under").liquidation)
        #expect(quote.cappedByCollateral)
        #expect(quote.maxLiquidatableDebt == Fixtures.units("4000", 6))
        #expect(quote.debtRepaid == Fixtures.units("3809.52381", 6))
        #expect(quote.collateralSeized == Fixtures.wad("2"))
        #expect(quote.protocolFee == Fixtures.wad("0.009523809523809524"))
        #expect(quote.liquidatorReceives == Fixtures.wad("1.990476190476190476"))
        #expect(quote.hasNoCollateralLeft)
        #expect(quote.deficit == Fixtures.units("190.47619", 6))
        #expect(quote.healthFactorAfter == .infinite)
    }

    @Test func v31LeavesTheBadDebtOnTheAccount() throws {
        let pool = try Fixtures.pool(
            rules: "aave-v3.1",
            """
            [[positions]]
            id = "under"
            collateral = { WETH = "2" }
            debt = { USDC = "4000" }
            """)
        let quote = try #require(try pool.quote("under").liquidation)
        #expect(quote.debtRepaid == Fixtures.units("3809.52381", 6))
        #expect(quote.deficit == 0)
        #expect(quote.accountAfter.scaledDebt[pool.reserveIndex(symbol: "USDC")!] == Fixtures.units("190.47619", 6))
        #expect(quote.healthFactorAfter == HealthFactor(wad: 0))
    }

    @Test func dustRuleRejectsALiquidationThatLeavesUnder1000Dollars() throws {
        // WETH 1.25 = $2,500 (LT 80 %) + WBTC 0.1 = $3,000 (LT 70 %) against 4,200 USDC:
        // HF = (2,000 + 2,100) / 4,200 = 0.976. Largest collateral is WBTC ($3,000); seize WETH instead:
        // max = 50 % × 4,200 = 2,100 USDC ->
        // 1.05 × 1.05 = 1.1025 WETH, leaving 0.1475 WETH = $295 < $1,000 while debt stays: MUST_NOT_LEAVE_DUST.
        let pool = try Fixtures.pool(
            """
            [[positions]]
            id = "dusty"
            collateral = { WETH = "1.25", WBTC = "0.1" }
            debt = { USDC = "4200" }
            """)
        let quote = try pool.quote("dusty", collateral: "WETH")
        #expect(quote.reason == .mustNotLeaveDust)
        // Covering only 1,000 USDC seizes 0.525 WETH and leaves $1,450 of WETH and $3,200 of debt: allowed.
        #expect(
            try pool.quote("dusty", collateral: "WETH", cover: Fixtures.units("1000", 6)).liquidation?.collateralSeized
                == Fixtures.wad("0.525"))
        // Seizing WBTC leaves $3,000 − 2,205 = $795 of WBTC: dust as well.
        #expect(try pool.quote("dusty", collateral: "WBTC").reason == .mustNotLeaveDust)
        // v3.1 has no dust rule: 50 % of the USDC debt.
        let v31 = try Fixtures.pool(
            rules: "aave-v3.1",
            """
            [[positions]]
            id = "dusty"
            collateral = { WETH = "1.25", WBTC = "0.1" }
            debt = { USDC = "4200" }
            """)
        #expect(try v31.quote("dusty", collateral: "WETH").liquidation?.collateralSeized == Fixtures.wad("1.1025"))
    }

    @Test func dustRuleOnTheDebtSide() throws {
        // 1.1 WETH = $2,200 against 1,900 USDC: HF = 1,760/1,900 = 0.926. Covering 1,000 leaves $900 of debt.
        let pool = try Fixtures.pool(
            """
            [[positions]]
            id = "p"
            collateral = { WETH = "1.1" }
            debt = { USDC = "1900" }
            """)
        #expect(try pool.quote("p", cover: Fixtures.units("1000", 6)).reason == .mustNotLeaveDust)
        #expect(
            try pool.quote("p", cover: Fixtures.units("900", 6)).liquidation?.debtRepaid == Fixtures.units("900", 6))
        #expect(try pool.quote("p").liquidation?.debtRepaid == Fixtures.units("1900", 6))
    }
}
