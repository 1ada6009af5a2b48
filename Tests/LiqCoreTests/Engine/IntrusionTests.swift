import Testing

@testable import LiqCore

/// An intrusion at the data center that hosts the oracle reporters (aws-eu in `default`): the volatile
/// assets' feeds post 30 % below the market, which liquidates accounts healthy at the market's prices; the
/// site's validators that propose sign two blocks and are slashed, their stake no longer attesting; and
/// once detected, the feeds post the true price again and nobody else is slashed.
@Suite struct IntrusionTests {
    static func world() throws -> World {
        let scenario = try ScenarioLoader.load(
            text: try #require(BuiltInScenarios.named("default")).toml, file: "default",
            overrides: [try ConfigOverride(key: "borrowers.count", value: "1500")])
        return try World(scenario: scenario, seed: 5)
    }

    static func site(_ world: World) throws -> Int {
        try #require(world.network.dataCenters.firstIndex { $0.name == "aws-eu" })
    }

    @Test func aCompromisedSiteManipulatesItsFeedsAndItsValidatorsAreSlashed() throws {
        var world = try Self.world()
        let center = try Self.site(world)
        #expect(world.feeds.allSatisfy { world.network.nodes[$0.reporter].dataCenter == center })
        let siteValidators = world.network.nodes.indices.filter {
            world.network.nodes[$0].dataCenter == center && world.network.nodes[$0].stake > 0
        }
        #expect(!siteValidators.isEmpty)
        for _ in 0..<60 { _ = try world.step() }
        let began = world.apply(.intrusion(dataCenter: center, asset: nil, offsetBps: -3_000, detectAfterSeconds: 900))
        #expect(began.first?.message.hasPrefix("intrusion at aws-eu:") == true, "\(began)")
        var events: [Event] = []
        var healthyLiquidated = 0
        for _ in 0..<600 {
            // Accounts healthy at the market's prices, before this tick's blocks.
            var market = world.pool
            market.prices = world.truePrices
            let step = try world.step()
            for event in step where event.kind == .liquidation {
                guard let account = event.account else { continue }
                if try !market.accountData(market.accounts[account]).healthFactor.isLiquidatable {
                    healthyLiquidated += 1
                }
            }
            events += step
        }
        // WETH's feed is 30 % below the market (to within the feed's own deviation threshold), USDC's is not.
        let weth = Double(world.pool.prices[0]) / Double(world.truePrices[0])
        #expect(abs(weth - 0.7) < 0.01, "WETH oracle / market = \(weth)")
        #expect(world.pool.prices[3] == world.truePrices[3] || abs(Double(world.pool.prices[3]) / 1e8 - 1) < 0.01)
        #expect(healthyLiquidated > 20, "\(healthyLiquidated) accounts healthy at the market were liquidated")
        #expect(events.contains { $0.kind == .oracleUpdate && $0.message.contains("manipulated") })
        // Slashing: only the site's validators, and only those that proposed.
        let slashed = world.network.nodes.indices.filter { world.network.nodes[$0].slashed }
        #expect(!slashed.isEmpty && slashed.allSatisfy(siteValidators.contains), "\(slashed)")
        let equivocations = events.filter { $0.fields.contains { $0.0 == "fault" && $0.1 == .text("equivocation") } }
        #expect(equivocations.count == slashed.count)
        let (online, total) = world.network.attestingStake(at: world.nowMs)
        let slashedStake = slashed.reduce(UInt64(0)) { $0 + world.network.nodes[$1].stake }
        #expect(online == total - slashedStake, "a slashed validator no longer attests")

        // Detected at 15 minutes: the feeds return to the market, and nobody else is slashed.
        for _ in 0..<300 { events += try world.step() }
        let detected = try #require(
            events.first { $0.kind == .recovery && $0.message.contains("detected after 15m00s") })
        #expect(detected.timeMs == began[0].timeMs + 900_000)
        let slashedAtDetection = world.network.nodes.filter(\.slashed).count
        for _ in 0..<600 { _ = try world.step() }
        #expect(world.network.nodes.filter(\.slashed).count == slashedAtDetection)
        #expect(abs(Double(world.pool.prices[0]) / Double(world.truePrices[0]) - 1) < 0.01)
    }

    @Test func oneAssetOnlyAndScriptedFromAFile() throws {
        let text =
            try #require(BuiltInScenarios.named("default")).toml + """


                [[events]]
                at_s = 10
                kind = "intrusion"
                datacenter = "aws-eu"
                asset = "WBTC"
                offset_percent = 50
                duration_s = 120
                """
        var engine = try Engine(scenario: ScenarioLoader.load(text: text, file: "x.toml"), seed: 2)
        for _ in 0..<100 { _ = try engine.step() }
        #expect(abs(Double(engine.world.pool.prices[2]) / Double(engine.world.truePrices[2]) - 1.5) < 0.01)
        #expect(abs(Double(engine.world.pool.prices[0]) / Double(engine.world.truePrices[0]) - 1) < 0.01)
        for _ in 0..<100 { _ = try engine.step() }
        #expect(engine.world.network.dataCenters.contains { $0.intrusion?.detectedAtMs == 130_000 })
        // A site that does not exist is a one-line error naming the key.
        let wrong = text.replacingOccurrences(of: "datacenter = \"aws-eu\"", with: "datacenter = \"aws-mars\"")
        #expect {
            try ScenarioLoader.load(text: wrong, file: "x.toml")
        } throws: { error in
            "\(error)".contains("x.toml:") && "\(error)".contains("datacenter") && "\(error)".contains("aws-mars")
        }
    }
}
