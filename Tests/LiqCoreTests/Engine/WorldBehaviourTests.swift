import Testing

@testable import LiqCore

/// What the living world must show (issue: "What it must show"), on the built-in scenarios.
@Suite struct WorldBehaviourTests {
    static func engine(_ name: String, seed: UInt64 = 1, schedule: [ScheduledCommand] = []) throws -> Engine {
        try Engine(scenario: #require(try BuiltInScenarios.load(name)), seed: seed, schedule: schedule)
    }

    /// Steps to `seconds` of simulated time; returns every event on the way.
    @discardableResult
    static func run(_ engine: inout Engine, until seconds: Int64) throws -> [Event] {
        var events: [Event] = []
        while engine.world.nowMs < seconds * 1_000 { events += try engine.step() }
        return events
    }

    @Test func anOutageOfAThirdOfTheStakeStallsFinalityWhileItLasts() throws {
        // eu-outage: Europe goes down from 1,800 s to 5,400 s.
        var engine = try Self.engine("eu-outage")
        let network = engine.world.network
        let europe = network.nodes.filter { $0.region == .eu }.reduce(UInt64(0)) { $0 + $1.stake }
        let total = network.nodes.reduce(UInt64(0)) { $0 + $1.stake }
        #expect(europe * 3 >= total, "Europe must hold at least a third of the stake")

        try Self.run(&engine, until: 1_800)
        let finalizedBefore = engine.world.chain.finalizedHeight
        #expect(finalizedBefore > 0)
        // Two epochs (768 s) after the outage starts, whatever was justified before has settled.
        try Self.run(&engine, until: 1_800 + 800)
        let stalledAt = engine.world.chain.finalizedHeight
        let headDuring = engine.world.chain.height
        let during = try Self.run(&engine, until: 5_400)
        #expect(engine.world.chain.finalizedHeight == stalledAt, "no finality while Europe is down")
        #expect(engine.world.chain.height > headDuring, "blocks continue without finality")
        #expect(engine.world.chain.missedSlots > 0, "European proposers miss their slots")
        #expect(during.contains { $0.kind == .finalityStalled })
        // Back up: finality resumes within a few epochs.
        try Self.run(&engine, until: 5_400 + 1_600)
        #expect(engine.world.chain.finalizedHeight > stalledAt)
    }

    @Test func reportersInTheDownRegionStopAndPricesGoStale() throws {
        // Europe (where the reporters run) down from 600 s for 4,200 s, longer than the 1 h heartbeat,
        // and WETH falls 10 % meanwhile: the on-chain price keeps its old value and its age grows.
        var engine = try Self.engine(
            "default",
            schedule: [
                ScheduledCommand(atMs: 600_000, command: .regionOutage(.eu)),
                ScheduledCommand(atMs: 900_000, command: .shock(asset: 0, percentBps: -1_000, overSeconds: 0)),
                ScheduledCommand(atMs: 4_800_000, command: .regionRecover(.eu)),
            ])
        let weth = 0
        #expect(engine.world.network.nodes[engine.world.feeds[weth].reporter].region == .eu)
        try Self.run(&engine, until: 600)
        let updatesBefore = engine.world.statistics.oracleUpdates
        let onChainBefore = engine.world.pool.prices[weth]
        try Self.run(&engine, until: 4_790)
        #expect(engine.world.statistics.oracleUpdates == updatesBefore)
        #expect(engine.world.pool.prices[weth] == onChainBefore)
        #expect(engine.world.truePrices[weth] < onChainBefore * 95 / 100)
        #expect(engine.world.feeds[weth].isStale(at: engine.world.nowMs))
        #expect(engine.world.statistics.maxOracleStalenessMs > 3_600_000)
        // After the region is back the reporter catches up.
        try Self.run(&engine, until: 4_900)
        #expect(engine.world.pool.prices[weth] < onChainBefore * 95 / 100)
        #expect(!engine.world.feeds[weth].isStale(at: engine.world.nowMs))
    }

    @Test func aCrashLiquidatesAndAnOutageDuringItLeavesMoreBadDebt() throws {
        // crash: ETH and wstETH −35 % over 60 s at 600 s, bots running.
        var healthy = try Self.engine("crash")
        let events = try Self.run(&healthy, until: 3_000)
        #expect(healthy.world.statistics.liquidations > 50)
        #expect(events.contains { $0.kind == .liquidation })
        #expect(healthy.world.liquidators.contains { $0.flashLoans > 0 }, "USDC debts are liquidated with flash loans")
        #expect(events.contains { $0.kind == .failedLiquidation }, "bots compete; the losers fail")
        // The same crash while Europe (one of three bots, every oracle reporter) is down for 15 minutes.
        var outage = try Self.engine(
            "crash",
            schedule: [
                ScheduledCommand(atMs: 590_000, command: .regionOutage(.eu)),
                ScheduledCommand(atMs: 1_490_000, command: .regionRecover(.eu)),
            ])
        try Self.run(&outage, until: 1_480)
        #expect(
            outage.world.statistics.oracleUpdates == 0
                || outage.world.pool.prices[0] > outage.world.truePrices[0] * 14 / 10,
            "the oracle did not follow the crash while its reporters were down")
        try Self.run(&outage, until: 3_000)
        #expect(outage.world.statistics.badDebtBase > healthy.world.statistics.badDebtBase)
    }

    @Test func theSameSeedAndCommandsGiveTheSameWorld() throws {
        let schedule = [
            ScheduledCommand(atMs: 120_000, command: .shock(asset: 0, percentBps: -2_000, overSeconds: 30)),
            ScheduledCommand(atMs: 200_000, command: .cutLink(.eu, .na)),
        ]
        var first = try Self.engine("default", seed: 42, schedule: schedule)
        var second = try Self.engine("default", seed: 42, schedule: schedule)
        var firstEvents: [Event] = [], secondEvents: [Event] = []
        for _ in 0..<400 {
            firstEvents += try first.step()
            secondEvents += try second.step()
        }
        #expect(first.stateHash == second.stateHash)
        #expect(firstEvents == secondEvents)
        var other = try Self.engine("default", seed: 43, schedule: schedule)
        for _ in 0..<400 { try other.step() }
        #expect(other.stateHash != first.stateHash)
    }

    /// A bot without a flash loan pays the debt from its wallet: when the wallet cannot cover a liquidation it
    /// wanted, it does not send a transaction bound to revert (and to burn block space); it says once that it
    /// is out of that asset.
    @Test func aBotThatCannotPayDoesNotSendAndSaysSo() throws {
        var scenario = try #require(try BuiltInScenarios.load("crash"))
        scenario.simulation.borrowers.count = 1_000
        scenario.simulation.bots.flashLoans = false
        var world = try World(scenario: scenario, seed: 1)
        for bot in world.liquidators.indices {
            for asset in world.pool.reserves.indices where world.settings.assets[asset].isStable {
                world.liquidators[bot].wallet[asset] = 0
            }
        }
        var events: [Event] = []
        while world.nowMs < 900_000 { events += try world.step() }
        let short = events.filter { $0.kind == .bots && $0.message.contains("is out of") }
        #expect(!short.isEmpty)
        // Once per bot and asset, until it pays a liquidation in that asset again. Sales on the DEX refill
        // USDC; nothing refills DAI or USDT here, so those are reported once per bot.
        let keys = short.filter { $0.fields.contains { $0.0 == "asset" && $0.1 != .text("USDC") } }
            .map { "\($0.fields.first { $0.0 == "liquidator" }!.1)|\($0.fields.first { $0.0 == "asset" }!.1)" }
        #expect(!keys.isEmpty)
        #expect(Set(keys).count == keys.count)
        #expect(
            !events.contains {
                $0.kind == .failedLiquidation
                    && $0.fields.contains { $0.0 == "reason" && $0.1 == .text("INSUFFICIENT_BALANCE") }
            })
    }
}
