import Testing

@testable import LiqCore

/// Random command sequences, extremes included (prices pinned at $10²² or one unit, ±99.99 % and +1000 %
/// shocks, every fault, the user's own liquidations): the books balance, nothing traps, finality never
/// goes back, and the same seed gives the same state_hash.
@Suite struct RandomCommandPropertyTests {
    static func scenario() throws -> Scenario {
        let text = BuiltInScenarios.defaultTOML
            .replacingOccurrences(of: "count = 5000", with: "count = 150")
            .replacingOccurrences(of: "nodes = 64", with: "nodes = 16")
            .replacingOccurrences(of: "epoch_slots = 32", with: "epoch_slots = 4")
            .replacingOccurrences(of: "tick_ms = 1000", with: "tick_ms = 6000")
        return try ScenarioLoader.load(text: text, file: "random.toml")
    }

    /// Any command a user or a scenario can give, drawn with extremes over-weighted.
    static func command(_ rng: inout SeededGenerator, world: World) -> Command {
        let regions = Region.allCases
        let region = regions[rng.int(in: 0...(regions.count - 1))]
        let other = regions[(region.rawValue + 1 + rng.int(in: 0...(regions.count - 2))) % regions.count]
        let asset = rng.int(in: 0...(world.pool.reserves.count - 1))
        let node = rng.int(in: 0...(world.network.nodes.count - 1))
        let center = rng.int(in: 0...(world.network.dataCenters.count - 1))
        switch rng.int(in: 0...19) {
        case 0: return .shock(asset: asset, percentBps: -rng.int(in: 1...9_999), overSeconds: rng.int(in: 0...600))
        case 1: return .shock(asset: asset, percentBps: rng.int(in: 1...100_000), overSeconds: rng.int(in: 0...600))
        case 2: return .setPrice(asset: asset, price: PriceProcess.maximumUnits)
        case 3: return .setPrice(asset: asset, price: UInt128(rng.int(in: 1...1_000)))
        case 4: return .setPrice(asset: asset, price: world.truePrices[asset] * UInt128(rng.int(in: 1...3)) / 2 + 1)
        case 5: return .regionOutage(region)
        case 6: return .regionRecover(region)
        case 7: return .powerLoss(dataCenter: center)
        case 8: return .powerRestore(dataCenter: center)
        case 9:
            return .setGenerator(dataCenter: center, delayMs: rng.chance(0.5) ? nil : Int64(rng.int(in: 0...120_000)))
        case 10: return .crashNode(node)
        case 11: return .restartNode(node)
        case 12: return .degradeLink(region, other, factor: Double(rng.int(in: 1...1_000)))
        case 13: return .cutLink(region, other)
        case 14: return .restoreLink(region, other)
        case 15:
            return rng.chance(0.5) ? .latencySpike(region, ms: rng.int(in: 1...60_000)) : .clearLatencySpike(region)
        case 16: return rng.chance(0.5) ? .freezeOracle(asset: asset) : .unfreezeOracle(asset: asset)
        case 17: return .setBots(enabled: rng.chance(0.6))
        default:
            let account = rng.int(in: 0...(world.pool.accounts.count - 1))
            var request = LiquidationRequest(
                collateralReserve: asset, debtReserve: rng.int(in: 0...(world.pool.reserves.count - 1)))
            request.debtToCover = rng.chance(0.5) ? .max : UInt128(rng.int(in: 1...1_000_000_000))
            return .userLiquidation(account: account, request: request)
        }
    }

    /// Supplied (the aTokens, with what the treasury has accrued) against what backs them: the liquidity,
    /// the debt and the deficit written off. The debt compounds while supply grows linearly, so the backing
    /// may exceed the claims by the compounding difference, never fall short beyond rounding.
    static func checkBooks(_ world: World, step: Int) throws {
        for reserve in world.pool.reserves.indices {
            let state = world.pool.reserves[reserve]
            let time = world.pool.time
            let supplied =
                try state.totalSupplied(at: time)
                + WadRayMath.rayMul(state.accruedToTreasury, state.normalizedIncome(at: time))
            let backing = try state.availableLiquidity + state.totalDebt(at: time) + state.deficit
            let symbol = state.configuration.symbol
            // Rounding: one unit per account and operation at most; the compounding gap is far below 0.01 %.
            let slack = UInt128(world.pool.accounts.count + 1_000) + backing / 10_000
            #expect(supplied <= backing + slack, "\(symbol) at step \(step): supplied \(supplied) > backing \(backing)")
            #expect(backing <= supplied + slack, "\(symbol) at step \(step): backing \(backing) ≫ supplied \(supplied)")
        }
    }

    static func run(seed: UInt64, steps: Int, check: Bool) throws -> (hash: String, commands: Int) {
        var engine = try Engine(scenario: scenario(), seed: seed)
        var chooser = SeededGenerator(seed: seed ^ 0x9E37_79B9)
        var lastFinalized = 0
        var commands = 0
        var recent: [String] = []
        for step in 1...steps {
            if chooser.chance(0.08) {
                let next = command(&chooser, world: engine.world)
                recent = Array((recent + ["\(step): \(next)"]).suffix(4))
                engine.apply(next)
                commands += 1
            }
            do {
                try engine.step()
            } catch {
                Issue.record("step \(step) threw \(error) after \(recent)")
                throw error
            }
            guard check else { continue }
            let chain = engine.world.chain
            #expect(chain.finalizedHeight >= lastFinalized, "finality went back at step \(step)")
            #expect(chain.finalizedHeight <= chain.height)
            lastFinalized = chain.finalizedHeight
            if step % 250 == 0 { try checkBooks(engine.world, step: step) }
        }
        return (engine.stateHash, commands)
    }

    @Test(arguments: [UInt64(21), 22, 23])
    func randomCommandsKeepTheBooksAndFinality(seed: UInt64) throws {
        let first = try Self.run(seed: seed, steps: 10_000, check: true)
        #expect(first.commands > 500)
    }

    @Test func theSameSeedAndCommandsGiveTheSameStateHash() throws {
        let first = try Self.run(seed: 24, steps: 1_500, check: false)
        let second = try Self.run(seed: 24, steps: 1_500, check: false)
        let other = try Self.run(seed: 25, steps: 1_500, check: false)
        #expect(first.hash == second.hash)
        #expect(first.hash != other.hash)
    }
}
