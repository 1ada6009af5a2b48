import Testing

@testable import LiqCore

/// Each historical scenario reproduces the shape of what happened (not tuned numbers), on a smaller
/// population so that the tests stay quick: 600 borrowers, 16 nodes.
@Suite struct HistoryScenarioTests {
    static func engine(_ name: String, _ sets: [(String, String)] = [], seed: UInt64 = 3) throws -> Engine {
        let text = try #require(BuiltInScenarios.named(name)).toml
        let sets = sets.contains { $0.0 == "borrowers.count" } ? sets : [("borrowers.count", "600")] + sets
        let overrides = try ([("network.nodes", "16")] + sets).map {
            try ConfigOverride(key: $0.0, value: $0.1)
        }
        return try Engine(scenario: ScenarioLoader.load(text: text, file: name, overrides: overrides), seed: seed)
    }

    static func liquidations(_ events: [Event]) -> [(account: String, collateral: String, debt: String)] {
        events.filter { $0.kind == .liquidation }.map { event in
            func text(_ key: String) -> String {
                guard case .text(let value)? = event.fields.first(where: { $0.0 == key })?.1 else { return "" }
                return value
            }
            return (text("account"), text("collateral_asset"), text("debt_asset"))
        }
    }

    /// The base fee rises several-fold under six times the usual gas demand, and liquidations lag the price:
    /// when the 30-minute fall ends, accounts are liquidatable and not yet liquidated, and liquidations go on.
    @Test func blackThursdayCongestsAndLiquidationsLag() throws {
        var engine = try Self.engine("black-thursday", [("borrowers.count", "2000")])
        let startFee = engine.world.chain.baseFeeGwei
        var maxFee = startFee
        var after: [Event] = []
        for tick in 1...3_600 {
            let events = try engine.step()
            maxFee = max(maxFee, engine.world.chain.baseFeeGwei)
            if tick == 1_800 {
                let pool = engine.world.pool
                let waiting = try pool.accounts.indices.filter {
                    try pool.accountData(pool.accounts[$0]).healthFactor.isLiquidatable
                }
                #expect(waiting.count > 10, "accounts still liquidatable when the fall ends")
            }
            if tick > 1_800 { after += events }
        }
        #expect(maxFee >= 3 * startFee, "base fee \(startFee) → \(maxFee) gwei")
        #expect(Self.liquidations(after).count > 5, "liquidations after the fall")
        #expect(abs(Double(engine.world.truePrices[0]) / 1e8 - 130.2) < 2, "on the recorded path at 1 h")
    }

    /// DAI's price spike liquidates DAI borrowers, whom the same fall of ETH alone leaves alone.
    @Test func compoundDaiLiquidatesDaiBorrowers() throws {
        func daiLiquidations(_ engine: inout Engine) throws -> Int {
            var events: [Event] = []
            for _ in 0..<7_200 { events += try engine.step() }
            return Self.liquidations(events).filter { $0.debt == "DAI" }.count
        }
        var spike = try Self.engine("compound-dai")
        var ethOnly = try Self.engine("compound-dai", [("price_paths.DAI.points", "[[0, \"1\"]]")])
        let withSpike = try daiLiquidations(&spike), without = try daiLiquidations(&ethOnly)
        #expect(withSpike > 5 && withSpike > 4 * without, "\(withSpike) with the spike, \(without) without")
    }

    /// LUNA ends far below its oracle's floor, the oracle sits at the floor, and bad debt is above zero.
    @Test func lunaEndsWithBadDebtAndAFlooredOracle() throws {
        var engine = try Self.engine("luna", [("clock.tick_ms", "12000")])
        for _ in 0..<21_600 { _ = try engine.step() }
        let world = engine.world
        let luna = try #require(world.pool.reserveIndex(symbol: "LUNA"))
        #expect(world.pool.prices[luna] == 10_700_000, "the oracle at its floor, $0.107")
        #expect(world.truePrices[luna] == 8_000_000, "the market below it, at $0.08: −99.9 % from $80")
        #expect(Double(world.statistics.badDebtBase) / 1e8 + world.unrealisedBadDebtUSD > 0)
    }

    /// Positions with USDC or DAI collateral are liquidated as the stablecoins fall.
    @Test func usdcDepegLiquidatesStablecoinCollateral() throws {
        var engine = try Self.engine("usdc-depeg", [("clock.tick_ms", "12000")])
        var events: [Event] = []
        for _ in 0..<3_000 { events += try engine.step() } // 10 hours: the fall to $0.88
        let stable = Self.liquidations(events).filter { $0.collateral == "USDC" || $0.collateral == "DAI" }
        #expect(stable.count > 5)
        #expect(abs(Double(engine.world.truePrices[3]) / 1e8 - 0.88) < 0.001)
    }

    /// While the sequencer is down no block is made (nobody can repay or liquidate); after it returns, the
    /// sentinel's grace period lets only HF < 0.95 be liquidated, and the rest right after it.
    @Test func arbitrumSequencerHoldsLiquidationsThroughTheGracePeriod() throws {
        var engine = try Self.engine("arbitrum-sequencer", [("borrowers.count", "2000")])
        var down: [Event] = [], grace: [Event] = [], after: [Event] = []
        var sawDown = false, sawGrace = false
        for tick in 0..<10_200 {
            let events = try engine.step()
            let now = engine.world.nowMs
            if now > 600_000 && now <= 5_400_000 {
                down += events
            } else if now > 5_400_000 && now <= 9_000_000 {
                grace += events
            } else if now > 9_000_000 {
                after += events
            }
            guard tick % 60 == 0 else { continue }
            let snapshot = engine.snapshot()
            sawDown = sawDown || snapshot.sequencerDown
            sawGrace = sawGrace || (snapshot.graceLeftSeconds ?? 0) > 3_000
        }
        func healthFactors(_ events: [Event]) -> [Double] {
            events.filter { $0.kind == .liquidation }.compactMap { event in
                guard case .decimal(let text)? = event.fields.first(where: { $0.0 == "health_factor_before" })?.1 else {
                    return nil
                }
                return Double(text)
            }
        }
        #expect(healthFactors(down).isEmpty, "no block while the sequencer is down")
        #expect(!healthFactors(grace).isEmpty && healthFactors(grace).allSatisfy { $0 < 0.95 })
        #expect(healthFactors(after).contains { $0 >= 0.95 }, "the rest once the grace period has passed")
        #expect(sawDown && sawGrace, "the header's badges")
    }

    /// The sequencer is a node like any other, marked as such: crashing it stops the blocks and the header
    /// says so; restarting it starts the grace period.
    @Test func theSequencerCanBeCrashedFromNodeHealth() throws {
        var engine = try Self.engine("arbitrum-sequencer")
        let node = try #require(engine.world.sequencer)
        #expect(engine.world.network.nodes[node].roles.contains(.sequencer))
        _ = engine.apply(.crashNode(node))
        for _ in 0..<60 { _ = try engine.step() }
        let height = engine.world.chain.height
        for _ in 0..<60 { _ = try engine.step() }
        #expect(engine.world.chain.height == height && engine.snapshot().sequencerDown)
        _ = engine.apply(.restartNode(node))
        for _ in 0..<120 { _ = try engine.step() }
        #expect(!engine.snapshot().sequencerDown && (engine.snapshot().graceLeftSeconds ?? 0) > 3_000)
    }

    @Test func pathsInterpolateAndHold() {
        let path = PricePath(asset: 0, points: [(0, 100_00000000), (1_000, 50_00000000)], noise: false)
        #expect(path.price(atMs: 0) == 100 && path.price(atMs: 500) == 75 && path.price(atMs: 5_000) == 50)
        let feed = OracleFeed(asset: 0, reporter: 0, heartbeatMs: 1, deviationBps: 1, minAnswer: 10, maxAnswer: 20)
        #expect(feed.answer(5) == 10 && feed.answer(15) == 15 && feed.answer(25) == 20)
    }

    /// stETH's discount liquidates the wstETH/WETH eMode loops, which ETH's dollar price cannot: over the
    /// first 12 hours loops go with the depeg and none without it, and they outnumber WETH-only longs.
    @Test func stethDepegLiquidatesLoopsNotLongs() throws {
        func liquidations(_ engine: inout Engine) throws -> (loops: Int, wethLongs: Int) {
            var events: [Event] = []
            for _ in 0..<43_200 { events += try engine.step() }
            // Generated borrowers only: the scenario's own grace is an eMode loop that starts liquidatable.
            let all = Self.liquidations(events).filter {
                $0.account.hasPrefix("b") && $0.account.dropFirst().allSatisfy(\.isNumber)
            }
            return (
                all.filter { $0.collateral == "wstETH" && $0.debt == "WETH" }.count,
                all.filter { $0.collateral == "WETH" && ["USDC", "USDT", "DAI"].contains($0.debt) }.count
            )
        }
        var depeg = try Self.engine("steth-depeg")
        let text = try #require(BuiltInScenarios.named("steth-depeg")).toml
        let calm = try #require(text.components(separatedBy: "\n[[events]]").first)
        var control = try Engine(
            scenario: ScenarioLoader.load(
                text: calm, file: "calm",
                overrides: [
                    try ConfigOverride(key: "borrowers.count", value: "600"),
                    try ConfigOverride(key: "network.nodes", value: "16"),
                ]), seed: 3)
        let withDepeg = try liquidations(&depeg), without = try liquidations(&control)
        #expect(withDepeg.loops > 10, "\(withDepeg)")
        #expect(withDepeg.loops > 2 * withDepeg.wethLongs, "\(withDepeg)")
        #expect(without.loops == 0, "\(without)")
        // The ratio, not the dollar price: wstETH is 6.4 % below its starting ratio to WETH at 12 h.
        let ratio = Double(depeg.world.truePrices[1]) / Double(depeg.world.truePrices[0])
        #expect(abs(ratio / (2080.52 / 1816.85) - 0.97 * 0.965) < 0.002, "ratio \(ratio)")
    }
}
