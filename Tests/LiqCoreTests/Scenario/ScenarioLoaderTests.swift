import Testing

@testable import LiqCore

@Suite struct ScenarioLoaderTests {
    static let minimal = """
        name = "t"

        [[assets]]
        symbol = "WETH"
        decimals = 18
        price_usd = "2000"
        liquidation_threshold_bps = 8000
        liquidation_bonus_bps = 10500
        """

    func error(_ text: String) -> ConfigError? {
        do {
            _ = try ScenarioLoader.load(text: text, file: "s.toml")
            return nil
        } catch {
            return error
        }
    }

    @Test func loadsTheInterfacesKeysWithDefaults() throws {
        let scenario = try ScenarioLoader.load(
            text: Self.minimal + """

                [[assets]]
                symbol = "USDC"
                decimals = 6
                price_usd = 1

                [[positions]]
                id = "p"
                collateral = { WETH = "1.5" }
                debt = { USDC = 1000 }
                """, file: "s.toml")
        #expect(scenario.rules == .aaveV33)
        #expect(scenario.assets[0].priceUSD == 200_000_000_000)
        #expect(scenario.assets[1].ltvBps == 0)
        #expect(scenario.assets[1].liquidationThresholdBps == 0)
        #expect(scenario.assets[1].liquidationBonusBps == 10_000)
        #expect(scenario.assets[1].liquidationProtocolFeeBps == 0)
        #expect(scenario.positions[0].collateral == [0: 1_500_000_000_000_000_000])
        #expect(scenario.positions[0].debt == [1: 1_000_000_000])
        #expect(scenario.sentinel == nil)
    }

    @Test func tomlFloatsAreConvertedExactlyAsWritten() throws {
        // 0.1 and 2100.12345678 are not exact in binary floating point; the raw text is used.
        let scenario = try ScenarioLoader.load(
            text: """
                name = "t"
                [[assets]]
                symbol = "WETH"
                decimals = 18
                price_usd = 2100.12345678
                liquidation_threshold_bps = 8000
                liquidation_bonus_bps = 10500
                [[positions]]
                id = "p"
                collateral = { WETH = 0.1 }
                """, file: "s.toml")
        #expect(scenario.assets[0].priceUSD == 210_012_345_678)
        #expect(scenario.positions[0].collateral[0] == 100_000_000_000_000_000)
    }

    @Test func syntaxErrorNamesLineAndColumn() {
        let found = error("name = \"t\"\n[[assets]\nsymbol = 1\n")
        #expect(found?.file == "s.toml")
        #expect(found?.line == 2)
        #expect(found?.key == "syntax")
    }

    @Test func unknownKeysAreRejectedWithTheirLine() {
        let typo = error(Self.minimal + "\nliquidation_bonus = 10500\n")
        #expect(typo?.line == 9)
        #expect(typo?.key == "assets[0].liquidation_bonus")
        #expect(typo?.message == "unknown key; did you mean \"liquidation_bonus_bps\"?")
        #expect(
            typo?.description
                == "s.toml:9: assets[0].liquidation_bonus: unknown key; did you mean \"liquidation_bonus_bps\"?")
        let top = error("colour = 1\n" + Self.minimal)
        #expect(top?.line == 1)
        #expect(top?.key == "colour")
        let section = error(Self.minimal + "\n[oracle_sentinel]\nsequencer_down = true\n")
        #expect(section?.line == 10)
        #expect(section?.key == "oracle_sentinel.sequencer_down")
    }

    @Test func tooManyDecimalsNamesTheKey() {
        let price = error(Self.minimal.replacingOccurrences(of: "\"2000\"", with: "\"0.123456789\""))
        #expect(price?.line == 6)
        #expect(price?.key == "assets[0].price_usd")
        #expect(price?.message == "\"0.123456789\" has 9 decimal places; at most 8 allowed here")
        let amount = error(
            Self.minimal + """

                [[assets]]
                symbol = "USDC"
                decimals = 6
                price_usd = "1"

                [[positions]]
                id = "p"
                debt = { USDC = "1.0000001" }
                """)
        #expect(amount?.line == 16)
        #expect(amount?.key == "positions[0].debt.USDC")
    }

    @Test func missingAndMistypedValues() {
        #expect(error("[[assets]]\nsymbol = \"A\"\ndecimals = 1\nprice_usd = 1\n")?.key == "name")
        let decimals = error(Self.minimal.replacingOccurrences(of: "decimals = 18", with: "decimals = \"18\""))
        #expect(decimals?.key == "assets[0].decimals")
        #expect(decimals?.line == 5)
        #expect(decimals?.message == "must be an integer, not a string")
        #expect(
            error(Self.minimal.replacingOccurrences(of: "decimals = 18", with: "decimals = 37"))?.message
                == "37 is out of range 0...36")
        #expect(error(Self.minimal.replacingOccurrences(of: "decimals = 18\n", with: ""))?.message == "is required")
        #expect(
            error(Self.minimal.replacingOccurrences(of: "\"2000\"", with: "\"0\""))?.message == "must be more than 0")
        #expect(
            error(Self.minimal.replacingOccurrences(of: "\"2000\"", with: "\"-5\""))?.message
                == "\"-5\" is negative; expected zero or more")
        #expect(error("name = \"t\"\n")?.message == "at least one [[assets]] entry is required")
        #expect(
            error(Self.minimal.replacingOccurrences(of: "name = \"t\"", with: "name = \"t\"\nrules = \"aave-v4\""))?.key
                == "rules")
    }

    @Test func protocolParameterBoundsAreChecked() {
        let ltv = error(Self.minimal + "\nltv_bps = 8100\n")
        #expect(ltv?.key == "assets[0].ltv_bps")
        #expect(ltv?.line == 9)
        #expect(
            error(Self.minimal.replacingOccurrences(of: "10500", with: "9900"))?.key
                == "assets[0].liquidation_bonus_bps")
        // 80 % × 130 % = 104 %: a liquidation would seize more collateral than backs the debt.
        #expect(
            error(Self.minimal.replacingOccurrences(of: "10500", with: "13000"))?.key
                == "assets[0].liquidation_bonus_bps")
        #expect(
            error(Self.minimal + "\nliquidation_protocol_fee_bps = 10001\n")?.message
                == "10001 is out of range 0...10000")
    }

    @Test func referencesMustNameListedAssetsAndCategories() {
        let collateral = error(Self.minimal + "\n\n[[positions]]\nid = \"p\"\ncollateral = { WBTC = \"1\" }\n")
        #expect(collateral?.key == "positions[0].collateral.WBTC")
        #expect(collateral?.line == 12)
        #expect(collateral?.message == "\"WBTC\" is not a listed asset")
        let emodeAsset = error(
            Self.minimal + """

                [[emode]]
                id = 1
                ltv_bps = 9000
                liquidation_threshold_bps = 9300
                liquidation_bonus_bps = 10100
                assets = ["WETH", "stETH"]
                """)
        #expect(emodeAsset?.key == "emode[0].assets[1]")
        #expect(emodeAsset?.line == 14)
        let category = error(Self.minimal + "\n[[positions]]\nid = \"p\"\nemode = 2\n")
        #expect(category?.key == "positions[0].emode")
        #expect(category?.message == "eMode category 2 is not defined in [[emode]]")
    }

    @Test func duplicatesAreRejected() {
        let asset = error(Self.minimal + "\n" + Self.minimal.replacingOccurrences(of: "name = \"t\"\n", with: ""))
        #expect(asset?.key == "assets[1].symbol")
        #expect(asset?.line == 11)
        let position = error(Self.minimal + "\n[[positions]]\nid = \"p\"\n[[positions]]\nid = \"p\"\n")
        #expect(position?.key == "positions[1].id")
        #expect(position?.line == 12)
    }

    @Test func namesWithControlCharactersAreRejected() {
        let found = error(Self.minimal + "\n[[positions]]\nid = \"evil\\u001b[2J\"\n")
        #expect(found?.key == "positions[0].id")
        #expect(found?.message == "contains control characters")
        #expect(error(Self.minimal.replacingOccurrences(of: "\"WETH\"", with: "\"W ETH\""))?.key == "assets[0].symbol")
    }

    @Test func totalSuppliedMustCoverThePositions() {
        let found = error(
            Self.minimal + "\ntotal_supplied = \"1\"\n\n[[positions]]\nid = \"p\"\ncollateral = { WETH = \"2\" }\n")
        #expect(found?.key == "assets[0].total_supplied")
        #expect(found?.line == 9)
    }

    @Test func sentinelAndFlashLoanSections() throws {
        let scenario = try ScenarioLoader.load(
            text: Self.minimal + """

                [oracle_sentinel]
                sequencer_up = false
                seconds_since_up = 0

                [flash_loans]
                premium_bps = 9
                """, file: "s.toml")
        #expect(
            scenario.sentinel == PriceOracleSentinel(sequencerUp: false, secondsSinceUp: 0, gracePeriodSeconds: 3600))
        #expect(scenario.flashLoanPremiumBps == 9)
        #expect(scenario.flashLoanPremiumToProtocolBps == 4)
    }
}

@Suite struct BuiltInScenarioTests {
    @Test func defaultScenarioCarriesTheAaveV3EthereumParameters() throws {
        let scenario = try #require(try BuiltInScenarios.load("default"))
        #expect(scenario.assets.map(\.symbol) == ["WETH", "wstETH", "WBTC", "USDC", "USDT", "DAI"])
        let weth = scenario.assets[0]
        // Aave v3 Ethereum, 2023-10-31 snapshot (bgd-labs/aave-proposals-v3):
        // WETH 80.5 % / 83 % / 5 % / 10 % / RF 15 %, $1,816.85.
        #expect(weth.ltvBps == 8050 && weth.liquidationThresholdBps == 8300)
        #expect(weth.liquidationBonusBps == 10500 && weth.liquidationProtocolFeeBps == 1000)
        #expect(weth.reserveFactorBps == 1500)
        #expect(weth.priceUSD == 181_685_000_000)
        #expect(scenario.assets[2].decimals == 8)
        #expect(scenario.assets[2].rateStrategy.variableRateSlope2Bps == 30_000)
        #expect(scenario.eModes.first?.liquidationThresholdBps == 9300)
        #expect(scenario.positions.count == 8)
    }

    @Test func defaultAccountsSitAroundTheBoundary() throws {
        let pool = try #require(try BuiltInScenarios.load("default")).makePool()
        // bob: 10 WETH × 1,816.85 × 0.83 = 15,079.855 against 15,079.855 USDC.
        #expect(try pool.healthFactor("bob") == HealthFactor(wad: WadRayMath.wad))
        #expect(try !pool.healthFactor("alice").isLiquidatable)
        for id in ["carol", "dave", "erin", "frank", "grace", "heidi"] {
            #expect(try pool.quote(id).liquidation != nil, "\(id) should be liquidatable")
        }
        #expect(try pool.quote("frank").liquidation?.deficit ?? 0 > 0)
        #expect(try pool.quote("grace").liquidation?.liquidationBonusBps == 10_100)
    }

    @Test func unknownBuiltInIsNil() throws {
        #expect(try BuiltInScenarios.load("nope") == nil)
    }
}
