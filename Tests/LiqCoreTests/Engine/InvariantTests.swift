import Testing

@testable import LiqCore

/// Invariants over long random runs: tokens conserved across accounts, pool, treasury, liquidators and
/// DEX; scaled totals consistent; finalized height never decreases and never passes the head.
@Suite struct InvariantTests {
    /// Underlying tokens per asset wherever they can be: the reserve, every wallet and the DEX pools.
    static func tokens(_ world: World) -> [UInt128] {
        world.pool.reserves.indices.map { asset in
            var total =
                world.pool.reserves[asset].availableLiquidity + world.borrowerWallet[asset]
                + world.arbitrageur.wallet[asset] + world.user.wallet[asset]
            for bot in world.liquidators { total += bot.wallet[asset] }
            for dex in world.dexPools {
                if dex.asset == asset { total += dex.assetReserve }
                if dex.stable == asset { total += dex.stableReserve }
            }
            return total
        }
    }

    static func scenario() throws -> Scenario {
        let text = BuiltInScenarios.defaultTOML
            .replacingOccurrences(of: "count = 5000", with: "count = 600")
            .replacingOccurrences(of: "nodes = 64", with: "nodes = 40")
            .replacingOccurrences(of: "epoch_slots = 32", with: "epoch_slots = 8")
        return try ScenarioLoader.load(text: text, file: "invariants.toml")
    }

    /// A random fault or shock, from the world's own seeded choices.
    static func randomCommand(_ rng: inout SeededGenerator, world: World) -> Command {
        let region = Region.allCases[rng.int(in: 0...5)]
        let other = Region.allCases[(region.rawValue + 1 + rng.int(in: 0...4)) % 6]
        let asset = rng.int(in: 0...(world.pool.reserves.count - 1))
        switch rng.int(in: 0...11) {
        case 0: return .shock(asset: asset, percentBps: -rng.int(in: 500...4_000), overSeconds: rng.int(in: 0...120))
        case 1: return .shock(asset: asset, percentBps: rng.int(in: 100...2_000), overSeconds: 0)
        case 2: return .regionOutage(region)
        case 3: return .regionRecover(region)
        case 4: return .cutLink(region, other)
        case 5: return .restoreLink(region, other)
        case 6: return .crashNode(rng.int(in: 0...(world.network.nodes.count - 1)))
        case 7: return .restartNode(rng.int(in: 0...(world.network.nodes.count - 1)))
        case 8: return .freezeOracle(asset: asset)
        case 9: return .unfreezeOracle(asset: asset)
        case 10: return .powerLoss(dataCenter: rng.int(in: 0...(world.network.dataCenters.count - 1)))
        default: return .setBots(enabled: rng.chance(0.7))
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func invariantsHoldOverLongRandomRuns(seed: UInt64) throws {
        var engine = try Engine(scenario: Self.scenario(), seed: seed)
        var chooser = SeededGenerator(seed: seed &* 7_919)
        let initialTokens = Self.tokens(engine.world)
        let otherSuppliers = engine.world.pool.reserves.indices.map { reserve in
            engine.world.pool.reserves[reserve].totalScaledSupply
                - engine.world.pool.accounts.reduce(UInt128(0)) { $0 + $1.scaledCollateral[reserve] }
        }
        var lastFinalized = 0
        var sawLiquidation = false
        for tick in 1...2_400 {
            if tick % 60 == 0 { engine.apply(Self.randomCommand(&chooser, world: engine.world)) }
            let events = try engine.step()
            sawLiquidation = sawLiquidation || events.contains { $0.kind == .liquidation }
            let world = engine.world
            #expect(world.chain.finalizedHeight >= lastFinalized)
            #expect(world.chain.finalizedHeight <= world.chain.height)
            lastFinalized = world.chain.finalizedHeight
            guard tick % 100 == 0 else { continue }
            #expect(Self.tokens(world) == initialTokens, "tokens conserved at tick \(tick)")
            for reserve in world.pool.reserves.indices {
                let state = world.pool.reserves[reserve]
                let accountsCollateral = world.pool.accounts.reduce(UInt128(0)) { $0 + $1.scaledCollateral[reserve] }
                let accountsDebt = world.pool.accounts.reduce(UInt128(0)) { $0 + $1.scaledDebt[reserve] }
                #expect(accountsDebt == state.totalScaledVariableDebt, "scaled debt of reserve \(reserve)")
                #expect(
                    accountsCollateral + state.treasuryScaledBalance + otherSuppliers[reserve]
                        == state.totalScaledSupply,
                    "scaled supply of reserve \(reserve)")
            }
            for node in world.network.nodes { #expect(node.head <= world.chain.height) }
        }
        #expect(sawLiquidation, "the random shocks should cause at least one liquidation")
    }
}
