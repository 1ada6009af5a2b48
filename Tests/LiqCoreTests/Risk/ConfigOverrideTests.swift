import Testing

@testable import LiqCore

/// `liqtop risk --set KEY=VALUE`: a value set into the scenario's tree, read with the file's own checks.
@Suite struct ConfigOverrideTests {
    static func load(_ sets: [(String, String)]) throws -> Scenario {
        let text = try #require(BuiltInScenarios.named("default")).toml
        let overrides = try sets.map { try ConfigOverride(key: $0.0, value: $0.1) }
        return try ScenarioLoader.load(text: text, file: "builtin:default", overrides: overrides)
    }

    @Test func setsATableKeyAnAssetBySymbolAndANewTable() throws {
        let plain = try Self.load([])
        let scenario = try Self.load([
            ("bots.count", "7"), ("assets.WETH.liquidation_threshold_bps", "8200"),
            ("faults.region_outage_per_year", "0"), ("faults.duration_sigma", "0.5"),
        ])
        #expect(scenario.simulation.bots.count == 7)
        let weth = try #require(scenario.assetIndex(symbol: "WETH"))
        #expect(scenario.assets[weth].liquidationThresholdBps == 8_200)
        #expect(plain.assets[weth].liquidationThresholdBps != 8_200)
        #expect(scenario.simulation.faults.regionOutage.perYear == 0)
        #expect(scenario.simulation.faults.durationSigma == 0.5)
        // Untouched keys keep the file's values.
        #expect(scenario.simulation.borrowers.count == plain.simulation.borrowers.count)
        // An entry by its index, too.
        #expect(
            try Self.load([("assets.0.liquidation_threshold_bps", "8100")]).assets[0].liquidationThresholdBps == 8_100)
    }

    @Test func badKeysAndValuesAreNamed() throws {
        func message(_ sets: [(String, String)]) -> String {
            do {
                _ = try Self.load(sets)
                return "no error"
            } catch let error as ConfigError {
                return "\(error.line.map(String.init) ?? "-") \(error.key): \(error.message)"
            } catch let problem as TableReader.ValueProblem {
                return problem.message
            } catch {
                return "\(error)"
            }
        }
        #expect(message([("bots.cuont", "3")]).contains("cuont"))
        #expect(message([("assets.NOPE.liquidation_threshold_bps", "8000")]).contains("no entry \"NOPE\""))
        #expect(message([("assets.WETH.liquidation_threshold_bps", "20000")]).hasPrefix("0 "))
        #expect(message([("faults.region_outage_per_year", "-1")]).contains("region_outage_per_year"))
        #expect(message([("bots.count.deeper", "1")]).contains("not a table"))
        #expect(message([("a..b", "1")]).contains("not a key path"))
        // One key by two names: by symbol and by index.
        #expect(
            message([("assets.WETH.liquidation_bonus_bps", "10500"), ("assets.0.liquidation_bonus_bps", "10600")])
                .contains("names the same key as assets.WETH.liquidation_bonus_bps"))
        // Two keys of one entry are two keys.
        #expect(
            message([("assets.WETH.liquidation_bonus_bps", "10500"), ("assets.0.liquidation_threshold_bps", "8400")])
                == "no error")
    }

    @Test func aBareWordIsAString() throws {
        let override = try ConfigOverride(key: "bots.regions", value: "[\"eu\", \"na\"]")
        guard case .array(let items) = override.value else { throw CancellationError() }
        #expect(items.count == 2)
        guard case .string(let word) = try ConfigOverride(key: "x", value: "eu").value else {
            throw CancellationError()
        }
        #expect(word == "eu")
    }
}
