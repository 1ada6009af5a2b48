import Foundation
import Testing

@testable import LiqCore

/// The scenario keys are declared once (ScenarioKeys); these tests hold the loader, the settings' defaults
/// and the documentation to that declaration.
@Suite struct ScenarioKeysTests {
    static let minimal = """
        name = "t"
        [[assets]]
        symbol = "WETH"
        decimals = 18
        price_usd = "2000"
        liquidation_threshold_bps = 8000
        liquidation_bonus_bps = 10500
        [[assets]]
        symbol = "USDC"
        decimals = 6
        price_usd = "1"
        stable = true
        """

    /// The kind that reads each `[[events]]` key, so that the probe reaches it.
    static let eventKind = [
        "asset": "shock", "percent": "shock", "over_s": "shock", "price_usd": "price", "region": "outage",
        "duration_s": "outage", "regions": "cut_link", "factor": "degrade_link", "ms": "latency_spike",
        "datacenter": "power_loss", "generator_delay_s": "power_loss", "generator": "power_loss",
        "node": "crash", "enabled": "bots", "offset_percent": "intrusion",
        "ltv_bps": "proposal", "liquidation_threshold_bps": "proposal", "liquidation_bonus_bps": "proposal",
        "liquidation_protocol_fee_bps": "proposal", "reserve_factor_bps": "proposal", "paused": "proposal",
        "steward": "proposal",
    ]

    /// A valid entry of each kind of event, which the probe then spoils one key of.
    static let validEvent: [String: [(String, String)]] = [
        "shock": [("asset", "\"WETH\""), ("percent", "-10")],
        "price": [("asset", "\"WETH\""), ("price_usd", "1")],
        "outage": [("region", "\"eu\"")],
        "cut_link": [("regions", "[\"eu\", \"na\"]")],
        "degrade_link": [("regions", "[\"eu\", \"na\"]")],
        "latency_spike": [("region", "\"eu\""), ("ms", "10")],
        "power_loss": [("datacenter", "\"aws-eu\"")],
        "crash": [("node", "0")],
        "bots": [("enabled", "true")],
        "intrusion": [("datacenter", "\"aws-eu\"")],
        "proposal": [("asset", "\"WETH\""), ("reserve_factor_bps", "1000")],
    ]

    /// `entries` as TOML lines, with `key` set to `value` (replacing it, or added at the end).
    static func lines(_ entries: [(String, String)], setting key: String? = nil, to value: String = "") -> String {
        var entries = entries
        if let key {
            if let index = entries.firstIndex(where: { $0.0 == key }) {
                entries[index].1 = value
            } else {
                entries.append((key, value))
            }
        }
        return entries.map { "\($0.0) = \($0.1)" }.joined(separator: "\n")
    }

    /// A file that is valid but for `key` of `section`, set to a value of the wrong type (an array of tables).
    static func probe(_ section: any ScenarioKeySection, _ key: String) -> String {
        let wrong = "[{ x = 1 }]"
        let weth: [(String, String)] = [
            ("symbol", "\"WETH\""), ("decimals", "18"), ("price_usd", "\"2000\""),
            ("liquidation_threshold_bps", "8000"), ("liquidation_bonus_bps", "10500"),
        ]
        let usdc = "[[assets]]\nsymbol = \"USDC\"\ndecimals = 6\nprice_usd = \"1\"\nstable = true\n"
        let top: [(String, String)] = [("name", "\"t\"")]
        switch section.table {
        case "":
            return lines(top, setting: key, to: wrong) + "\n[[assets]]\n" + lines(weth) + "\n" + usdc
        case "assets":
            return "name = \"t\"\n[[assets]]\n" + lines(weth, setting: key, to: wrong) + "\n" + usdc
        case "emode":
            let valid: [(String, String)] = [
                ("id", "1"), ("ltv_bps", "8000"), ("liquidation_threshold_bps", "8500"),
                ("liquidation_bonus_bps", "10100"), ("assets", "[\"WETH\"]"),
            ]
            return minimal + "\n[[emode]]\n" + lines(valid, setting: key, to: wrong) + "\n"
        case "l2":
            return minimal + "\n[l2]\n" + lines([("sequencer_region", "\"na\"")], setting: key, to: wrong) + "\n"
        case "price_paths":
            let valid: [(String, String)] = [("asset", "\"WETH\""), ("points", "[[0, \"2000\"]]")]
            return minimal + "\n[[price_paths]]\n" + lines(valid, setting: key, to: wrong) + "\n"
        case "market_data":
            let valid: [(String, String)] = [("reserves", "\"r.json\""), ("users", "\"u.jsonl\""), ("timestamp", "1")]
            return minimal + "\n[market_data]\n" + lines(valid, setting: key, to: wrong) + "\n"
        case "positions":
            return minimal + "\n[[positions]]\n" + lines([("id", "\"p\"")], setting: key, to: wrong) + "\n"
        case "events":
            let kind = eventKind[key] ?? "outage"
            let valid = [("at_s", "1"), ("kind", "\"\(kind)\"")] + (validEvent[kind] ?? [])
            return minimal + "\n[[events]]\n" + lines(valid, setting: key, to: wrong) + "\n"
        default:
            return minimal + "\n[\(section.table)]\n\(key) = \(wrong)\n"
        }
    }

    @Test func everyDeclaredKeyIsReadByTheLoader() {
        for section in ScenarioKeys.sections {
            for key in section.keys {
                let text = Self.probe(section, key.name)
                do {
                    _ = try ScenarioLoader.load(text: text, file: "k.toml")
                    Issue.record("\(section.heading) \(key.name): a wrong value was accepted")
                } catch {
                    #expect(
                        !error.message.hasPrefix("unknown key"), "\(section.heading) \(key.name): \(error.description)")
                    #expect(error.key.contains(key.name), "\(section.heading) \(key.name): \(error.description)")
                }
            }
        }
    }

    @Test func keysAreUniqueWithinTheirSection() {
        for section in ScenarioKeys.sections {
            let names = section.keys.map(\.name)
            #expect(Set(names).count == names.count, "\(section.heading)")
            #expect(!names.isEmpty)
        }
    }

    /// The defaults as the README has always documented them, checked by hand against the loader's result.
    @Test func absentKeysTakeTheirDeclaredDefaults() throws {
        let scenario = try ScenarioLoader.load(text: Self.minimal, file: "d.toml")
        let settings = scenario.simulation
        #expect(scenario.rules == .aaveV33 && scenario.description.isEmpty)
        #expect(settings.tickMs == 1_000 && settings.slotSeconds == 12 && settings.epochSlots == 32)
        #expect(settings.network.nodeCount == 64 && settings.network.validatorShare == 0.5)
        #expect(settings.network.blockBytes == 120_000)
        #expect(settings.correlation == 0.7 && settings.jumpsPerDay == 0.5 && settings.jumpSize == 0.02)
        #expect(settings.arbitrageBudgetUSD == 2_000_000 && settings.arbitrageWalletUSD == 20_000_000)
        #expect(settings.bots.count == 3 && settings.bots.regions == [.eu, .na, .ap])
        #expect(settings.bots.minimumProfitUSD == 20 && settings.bots.aggressivenessBps == 2_000)
        #expect(settings.bots.walletUSD == 50_000_000 && settings.bots.enabled && !settings.bots.flashLoans)
        #expect(settings.assets[0].volatilityBps == 6_000 && settings.assets[0].heartbeatSeconds == 3_600)
        #expect(settings.assets[0].deviationBps == 50)
        #expect(settings.assets[1].volatilityBps == 0 && settings.assets[1].heartbeatSeconds == 86_400)
        #expect(settings.assets[1].deviationBps == 25)
        #expect(scenario.flashLoanPremiumBps == 5 && scenario.flashLoanPremiumToProtocolBps == 4)
        #expect(
            scenario.assets[0].reserveFactorBps == 1_000
                && scenario.assets[0].rateStrategy.variableRateSlope2Bps == 7_500)
        // Settings built in code start from the same defaults as a file without the keys.
        var fresh = SimulationSettings()
        fresh.assets = settings.assets
        fresh.gasAsset = settings.gasAsset
        #expect(fresh == settings)
    }

    @Test func boundsComeFromTheDeclaration() {
        do {
            _ = try ScenarioLoader.load(text: Self.minimal + "\n[network]\nnodes = 20001\n", file: "b.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "b.toml:14: network.nodes: 20001 is out of range 1...20000")
        }
    }

    /// docs/interfaces.md holds the tables `liqtop scenarios --keys` prints; regenerate them with that command.
    @Test func theDocumentationListsEveryKeyAsDeclared() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/interfaces.md"), encoding: .utf8)
        let begin = "<!-- scenario keys: generated by `liqtop scenarios --keys` -->\n"
        let end = "<!-- end of scenario keys -->"
        guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex)
        else {
            Issue.record("docs/interfaces.md lacks the generated scenario-key tables")
            return
        }
        let documented = String(text[start.upperBound..<stop.lowerBound]).trimmingCharacters(in: .newlines)
        let declared = ScenarioKeys.markdown().trimmingCharacters(in: .newlines)
        #expect(
            documented == declared,
            "docs/interfaces.md is out of date: paste `liqtop scenarios --keys` between its markers")
    }
}
