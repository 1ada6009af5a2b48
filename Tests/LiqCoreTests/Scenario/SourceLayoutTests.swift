import Testing

@testable import LiqCore

/// The same scenario written in other TOML layouts must load to the same exact values and report lines.
@Suite struct SourceLayoutTests {
    static let inline = """
        name = "t"
        [[assets]]
        symbol = "WETH"
        decimals = 18
        price_usd = 2000.5
        liquidation_threshold_bps = 8000
        liquidation_bonus_bps = 10500
        [[positions]]
        id = "a"
        collateral = { WETH = 1.234567890123456789 }
        [[positions]]
        id = "b"
        collateral = { WETH = 2.000000000000000001 }
        """

    @Test func windowsLineEndingsKeepLinesAndDigits() throws {
        let crlf = Self.inline.replacingOccurrences(of: "\n", with: "\r\n")
        let scenario = try ScenarioLoader.load(text: crlf, file: "w.toml")
        #expect(scenario.positions[0].collateral[0] == 1_234_567_890_123_456_789)
        #expect(scenario.positions[1].collateral[0] == 2_000_000_000_000_000_001)
        #expect(scenario.assets[0].priceUSD == 200_050_000_000)
        do {
            _ = try ScenarioLoader.load(text: crlf + "\r\nbogus = 1\r\n", file: "w.toml")
            Issue.record("expected an error")
        } catch {
            // After [[positions]], a key belongs to the last position (TOML's rule).
            #expect(error.line == 14)
            #expect(error.key == "positions[1].bogus")
        }
    }

    @Test func subTablesUnderArraysOfTables() throws {
        let text = """
            name = "t"
            [[assets]]
            symbol = "WETH"
            decimals = 18
            price_usd = "2000"
            liquidation_threshold_bps = 8000
            liquidation_bonus_bps = 10500
            [[positions]]
            id = "a"
            [positions.collateral]
            WETH = 1.234567890123456789
            [[positions]]
            id = "b"
            [positions.collateral]
            WETH = 0.1
            """
        let scenario = try ScenarioLoader.load(text: text, file: "s.toml")
        #expect(scenario.positions[0].collateral[0] == 1_234_567_890_123_456_789)
        #expect(scenario.positions[1].collateral[0] == 100_000_000_000_000_000)
        do {
            _ = try ScenarioLoader.load(
                text: text.replacingOccurrences(of: "WETH = 0.1", with: "WETH = 0.1\nWBTC = 1"), file: "s.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 16)
            #expect(error.key == "positions[1].collateral.WBTC")
        }
        // 19 decimals in an 18-decimal asset is an error in this layout too.
        #expect(throws: ConfigError.self) {
            try ScenarioLoader.load(
                text: text.replacingOccurrences(of: "WETH = 0.1", with: "WETH = 0.1000000000000000001"), file: "s.toml")
        }
    }

    @Test func controlCharactersInKeysAreEscapedInErrors() {
        do {
            _ = try ScenarioLoader.load(text: Self.inline + "\n\"a\\nb\\u001b[31m\" = 1\n", file: "s.toml")
            Issue.record("expected an error")
        } catch {
            #expect(!error.description.contains("\n"))
            #expect(!error.description.contains("\u{1B}"))
            #expect(error.key == "positions[1].\"a\\nb\\u{1B}[31m\"")
        }
    }

    @Test func protocolBoundsOnBonusAndRates() {
        func message(_ text: String) -> String? {
            do {
                _ = try ScenarioLoader.load(text: text, file: "s.toml")
                return nil
            } catch { return error.key }
        }
        #expect(
            message(Self.inline.replacingOccurrences(of: "10500", with: "10000")) == "assets[0].liquidation_bonus_bps")
        #expect(
            message(
                Self.inline.replacingOccurrences(
                    of: "liquidation_bonus_bps = 10500",
                    with: "liquidation_bonus_bps = 10500\nvariable_rate_slope1_bps = 9000"))
                == "assets[0].variable_rate_slope2_bps")
        #expect(
            message(
                Self.inline.replacingOccurrences(
                    of: "liquidation_bonus_bps = 10500",
                    with:
                        "liquidation_bonus_bps = 10500\nvariable_rate_slope2_bps = "
                        + "99000\nbase_variable_borrow_rate_bps = 2000"
                )) == "assets[0].variable_rate_slope2_bps")
    }
}
