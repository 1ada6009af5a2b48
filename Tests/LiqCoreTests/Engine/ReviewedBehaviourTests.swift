import Testing

@testable import LiqCore

/// Behaviours a review of the living world asked for.
@Suite struct ReviewedBehaviourTests {
    static func scenario(_ extra: String, replacing: [(String, String)] = []) throws -> Scenario {
        var text = BuiltInScenarios.defaultTOML
        for (old, new) in replacing { text = text.replacingOccurrences(of: old, with: new) }
        return try ScenarioLoader.load(text: text + "\n" + extra, file: "review.toml")
    }

    /// Steps to `seconds` of simulated time; returns every event on the way.
    @discardableResult
    static func run(_ engine: inout Engine, until seconds: Int64) throws -> [Event] {
        var events: [Event] = []
        while engine.world.nowMs < seconds * 1_000 { events += try engine.step() }
        return events
    }

    @Test func europeHoldsAboutHalfTheStakeWhateverTheSeed() throws {
        for seed: UInt64 in 1...40 {
            var rng = SeededGenerator(seed: seed)
            let network = TopologyBuilder.build(NetworkConfiguration(), using: &rng)
            let europe = network.nodes.filter { $0.region == .eu }.reduce(UInt64(0)) { $0 + $1.stake }
            let total = network.nodes.reduce(UInt64(0)) { $0 + $1.stake }
            #expect(europe * 3 > total, "seed \(seed): Europe holds more than a third of the stake")
        }
    }

    @Test func aHealthyDayHasFreshOracles() throws {
        var engine = try Engine(scenario: #require(try BuiltInScenarios.load("default")), seed: 1)
        try Self.run(&engine, until: 7_200)
        // Every due update lands within a couple of slots.
        #expect(engine.world.statistics.maxOracleStalenessMs < 60_000)
        #expect(engine.world.statistics.oracleUpdates > 0)
    }

    @Test func baseFeeFollowsDemandInsteadOfCollapsing() throws {
        var engine = try Engine(scenario: #require(try BuiltInScenarios.load("default")), seed: 1)
        try Self.run(&engine, until: 1_200)
        #expect(engine.world.chain.baseFeeWei > 1_000_000_000, "the base fee stays in gwei with demand near the target")
        #expect(engine.world.chain.baseFeeWei < 100_000_000_000)
    }

    @Test func dustAccountsDoNotStarveTheBots() throws {
        // 40 tiny underwater accounts ($9 each at HF ≈ 0.5) sit at the top of every urgency list.
        var dust = ""
        for index in 0..<40 {
            dust +=
                "[[positions]]\nid = \"dust\(index)\"\ncollateral = { WETH = \"0.005\" }\ndebt = { USDC = \"9\" }\n\n"
        }
        let scenario = try Self.scenario(
            dust + """
                [[events]]
                at_s = 300
                kind = "shock"
                asset = "WETH"
                percent = -35
                over_s = 60
                """)
        var engine = try Engine(scenario: scenario, seed: 1)
        try Self.run(&engine, until: 1_200)
        #expect(engine.world.statistics.liquidations > 50)
    }

    @Test func aWhaleIsLiquidatedInProfitableSlices() throws {
        // 20,000 WETH against $30 M of USDC: HF ≈ 1.0056; the drop makes it liquidatable. Selling the whole
        // close-factor amount into a $200 M pool would slip more than the bonus, so the bots take slices.
        let scenario = try Self.scenario(
            """
            [[positions]]
            id = "whale"
            collateral = { WETH = "20000" }
            debt = { USDC = "30000000" }

            [[events]]
            at_s = 300
            kind = "shock"
            asset = "WETH"
            percent = -3
            """, replacing: [("count = 5000", "count = 0")])
        var engine = try Engine(scenario: scenario, seed: 1)
        let whale = engine.world.pool.accountIndex(id: "whale")!
        let before = engine.world.pool.accounts[whale].scaledDebt[3]
        let events = try Self.run(&engine, until: 1_200).filter { $0.kind == .liquidation && $0.account == whale }
        #expect(!events.isEmpty, "the whale is liquidated")
        let after = engine.world.pool.accounts[whale].scaledDebt[3]
        #expect(after < before)
        // No single liquidation took the close factor's full half of the debt (15,000,000 USDC and interest):
        // each was a slice of it, at most a half of that.
        let repaid = events.compactMap { event in
            event.fields.first { $0.0 == "debt_repaid" }.flatMap {
                if case .decimal(let text) = $0.1 { Double(text) } else { nil }
            }
        }
        #expect(repaid.count == events.count)
        #expect(repaid.allSatisfy { $0 <= 7_600_000 }, "\(repaid)")
    }

    @Test func powerLossWithAndWithoutGenerators() throws {
        let scenario = try Self.scenario(
            """
            [[events]]
            at_s = 10
            kind = "power_loss"
            datacenter = "aws-eu"
            duration_s = 100

            [[events]]
            at_s = 10
            kind = "power_loss"
            datacenter = "hetzner-eu"
            generator = false

            [[events]]
            at_s = 20
            kind = "crash"
            node = 0
            duration_s = 30
            """)
        var engine = try Engine(scenario: scenario, seed: 1)
        let network = engine.world.network
        let aws = network.dataCenters.firstIndex { $0.name == "aws-eu" }!
        let hetzner = network.dataCenters.firstIndex { $0.name == "hetzner-eu" }!
        let awsNode = network.nodes.firstIndex { $0.dataCenter == aws }!
        let hetznerNode = network.nodes.firstIndex { $0.dataCenter == hetzner }!
        try Self.run(&engine, until: 15)
        #expect(!engine.world.network.isUp(awsNode, at: engine.world.nowMs), "down until AWS's generator starts (10 s)")
        #expect(!engine.world.network.isUp(hetznerNode, at: engine.world.nowMs))
        // Node 0's crash is due at 20 s: at 15 s it is not crashed, and it is up unless its own site lost power.
        #expect(engine.world.nowMs == 15_000)
        #expect(!engine.world.network.nodes[0].crashed)
        let nodeZeroSite = network.nodes[0].dataCenter
        #expect(
            engine.world.network.isUp(0, at: engine.world.nowMs) == (nodeZeroSite != aws && nodeZeroSite != hetzner))
        try Self.run(&engine, until: 25)
        #expect(!engine.world.network.isUp(0, at: engine.world.nowMs), "crashed at 20 s")
        #expect(engine.world.network.isUp(awsNode, at: engine.world.nowMs), "on generator power")
        #expect(!engine.world.network.isUp(hetznerNode, at: engine.world.nowMs), "no generator")
        #expect(engine.world.network.nodes[0].crashed)
        try Self.run(&engine, until: 60)
        #expect(!engine.world.network.nodes[0].crashed, "restarted after 30 s")
        try Self.run(&engine, until: 120)
        #expect(engine.world.network.dataCenters[aws].powered, "mains back after 100 s")
        #expect(!engine.world.network.dataCenters[hetzner].powered)
    }

    @Test func scenarioErrorsForTheNewKeys() {
        func key(_ extra: String) -> String? {
            do {
                _ = try Self.scenario(extra)
                return nil
            } catch { return (error as? ConfigError)?.key }
        }
        #expect(
            key("[[events]]\nat_s = 1\nkind = \"power_loss\"\ndatacenter = \"aws-mars\"\n") == "events[0].datacenter")
        #expect(key("[[events]]\nat_s = 1\nkind = \"crash\"\nnode = 64\n") == "events[0].node")
        #expect(
            key("[[events]]\nat_s = 1\nkind = \"shock\"\nasset = \"WETH\"\npercent = -5\nduration_s = 10\n")
                == "events[0].duration_s")
        #expect(key("[[events]]\nat_s = 1\nkind = \"meteor\"\n") == "events[0].kind")
    }

    @Test func regionSharesTakeAnyCase() throws {
        let scenario = try Self.scenario("", replacing: [("nodes = 64", "nodes = 10\n[network.region_shares]\nEU = 1")])
        #expect(scenario.simulation.network.regionShares[Region.eu.rawValue] == 1)
        #expect(throws: ConfigError.self) {
            try Self.scenario("", replacing: [("nodes = 64", "nodes = 10\n[network.region_shares]\nmars = 1")])
        }
    }
}
