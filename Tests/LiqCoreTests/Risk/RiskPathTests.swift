import Testing

@testable import LiqCore

/// Monte Carlo paths: a path is a function of the run's seed and its index alone; faults are drawn from the
/// model and act on the world; the fast mode keeps the distribution.
@Suite struct RiskPathTests {
    /// A small, jumpy default world: 300 borrowers, 16 nodes, a volatile market.
    static func world(faults: FaultModel = FaultModel(), volatile: Bool = true) throws -> World {
        var scenario = try #require(try BuiltInScenarios.load("default"))
        scenario.simulation.borrowers.count = 300
        scenario.simulation.network.nodeCount = 16
        scenario.simulation.faults = faults
        if volatile {
            for index in scenario.simulation.assets.indices where !scenario.simulation.assets[index].isStable {
                scenario.simulation.assets[index].volatilityBps = 30_000
            }
            scenario.simulation.jumpsPerDay = 48
            scenario.simulation.jumpSize = 0.06
        }
        return try World(scenario: scenario, seed: 5)
    }

    @Test func aPathDependsOnItsIndexAlone() throws {
        let base = try Self.world()
        let all = try RiskRunner.run(base: base, seed: 9, paths: 0..<4, horizonMs: 900_000, workers: 1)
        let tail = try RiskRunner.run(base: base, seed: 9, paths: 2..<4, horizonMs: 900_000, workers: 2)
        #expect(all.map(\.path) == [0, 1, 2, 3])
        #expect(Array(all[2...]) == tail, "the same paths whatever the range and the workers")
        #expect(Set(all.map(\.seed)).count == 4)
        #expect(all[0].seed == World.pathSeed(9, path: 0))
        // Different paths draw different markets.
        #expect(Set(all.map { $0.moves.map(\.percent) }).count > 1)
    }

    /// Path i's seed is output i + 1 of SplitMix64 seeded with the run's seed; the reference generator
    /// (Vigna's splitmix64.c) seeded with 0 starts 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4.
    @Test func pathSeedIsSplitMix64() {
        #expect(World.pathSeed(0, path: 0) == 0xE220_A839_7B1D_CDAF)
        #expect(World.pathSeed(0, path: 1) == 0x6E78_9E6A_A1B9_65F4)
        #expect(World.pathSeed(1, path: 0) != World.pathSeed(0, path: 0))
    }

    @Test func noFaultsWhenEveryRateIsZero() throws {
        let world = try Self.world(faults: .none, volatile: false)
        #expect(world.settings.faults.draw(for: world, from: 0, horizonMs: 365 * 86_400_000, seed: 1).isEmpty)
    }

    /// Poisson starts: at 50 outages per region and year, a year holds about 50 per region; overlaps merge.
    @Test func faultsFollowTheirRates() throws {
        var model = FaultModel.none
        model.regionOutage = .init(perYear: 50, medianHours: 2)
        let world = try Self.world(faults: model, volatile: false)
        let year: Int64 = 365 * 86_400_000
        let faults = world.settings.faults.draw(for: world, from: 0, horizonMs: year, seed: 3)
        let regions = Set(world.network.nodes.map(\.region)).count
        #expect(faults.allSatisfy { $0.kind == "region_outage" && $0.endMs > $0.startMs && $0.startMs < year })
        // 50 per region and year ± 4 standard deviations (√50 ≈ 7) for the regions together.
        let expected = 50.0 * Double(regions)
        #expect(abs(Double(faults.count) - expected) < 4 * expected.squareRoot())
        // One target's faults never overlap (they merge).
        for region in Region.allCases {
            let own = faults.filter { $0.target == .regionOutage(region) }
            for (a, b) in zip(own, own.dropFirst()) { #expect(a.endMs < b.startMs) }
        }
    }

    /// A drawn outage takes its region down during the path and brings it back.
    @Test func drawnFaultsActOnTheWorld() throws {
        var model = FaultModel.none
        model.regionOutage = .init(perYear: 50_000, medianHours: 0.2)
        model.durationSigma = 0
        let base = try Self.world(faults: model, volatile: false)
        let (path, faults) = base.path(seed: 11, horizonMs: 3_600_000)
        let first = try #require(faults.first)
        guard case .regionOutage(let region) = first.target else { throw CancellationError() }
        #expect(first.endMs - first.startMs >= 720_000) // 0.2 h with no spread; longer where outages merged
        var world = path
        while world.nowMs < first.startMs + 1_000 { _ = try world.step() }
        #expect(world.network.regionDown[region.rawValue])
        while world.nowMs < first.endMs + 1_000 { _ = try world.step() }
        #expect(!world.network.regionDown[region.rawValue] || faults.dropFirst().contains { $0.target == first.target })
        let outcome = try base.runPath(0, seed: 11, horizonMs: 600_000)
        #expect(outcome.faults.allSatisfy { $0.kind == "region_outage" && $0.durationS > 0 })
    }

    /// A path does not depend on its horizon: a longer run of a path begins as the shorter one, faults and
    /// all, and its faults are the shorter one's with later ones added (each target draws from its own stream).
    @Test func aLongerHorizonExtendsThePath() throws {
        var model = FaultModel()
        model.nodeCrash = .init(perYear: 5_000, medianHours: 0.05)
        model.latencySpike = .init(perYear: 5_000, medianHours: 0.05)
        let base = try Self.world(faults: model)
        let (shortPath, shortFaults) = base.path(seed: 4, horizonMs: 1_800_000)
        let (longPath, longFaults) = base.path(seed: 4, horizonMs: 6 * 3_600_000)
        #expect(!shortFaults.isEmpty, "the rates draw faults within half an hour")
        #expect(longFaults.count > shortFaults.count)
        #expect(longFaults.filter { $0.startMs < 1_800_000 } == shortFaults)
        // Up to the shorter horizon the two run alike (their schedules differ only after it).
        var short = shortPath, long = longPath
        for _ in 0..<1_800 {
            _ = try short.step()
            _ = try long.step()
        }
        #expect(short.rng == long.rng && short.truePrices == long.truePrices)
        #expect(short.statistics == long.statistics && short.chain.height == long.chain.height)
        #expect(short.network.nodes.map(\.upMs) == long.network.nodes.map(\.upMs))
    }

    /// The fast mode (gossip from a bank of samples) against the full one on the same paths of the `crash`
    /// scenario (a scripted fall of 35 % within a minute, where the timing of oracles and bots decides the
    /// bad debt): the means of bad debt and of liquidations agree within three standard errors.
    @Test func fastModeKeepsTheDistribution() throws {
        var scenario = try #require(try BuiltInScenarios.load("crash"))
        scenario.simulation.borrowers.count = 300
        scenario.simulation.network.nodeCount = 16
        let full = try World(scenario: scenario, seed: 5)
        var fast = full
        fast.useFastPaths()
        #expect(fast.settings.tickMs == full.settings.tickMs && fast.gossipBank != nil)
        let horizon: Int64 = 1_800_000
        let a = try RiskRunner.run(base: full, seed: 2, paths: 0..<16, horizonMs: horizon, workers: 2)
        let b = try RiskRunner.run(base: fast, seed: 2, paths: 0..<16, horizonMs: horizon, workers: 2)
        func check(_ name: String, _ x: [Double], _ y: [Double]) {
            func stats(_ v: [Double]) -> (mean: Double, variance: Double) {
                let mean = v.reduce(0, +) / Double(v.count)
                return (mean, v.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(v.count - 1))
            }
            let (mx, vx) = stats(x), (my, vy) = stats(y)
            let error = ((vx + vy) / Double(x.count)).squareRoot()
            #expect(abs(mx - my) <= 3 * error + 0.01, "\(name): full \(mx), fast \(my), standard error \(error)")
        }
        check("liquidations", a.map { Double($0.liquidations) }, b.map { Double($0.liquidations) })
        check("bad debt", a.map(\.badDebtUSD), b.map(\.badDebtUSD))
        // The runs are not trivially alike: the crash liquidated, and the paths differ from each other.
        #expect(a.allSatisfy { $0.liquidations > 0 } && b.allSatisfy { $0.liquidations > 0 })
        #expect(Set(a.map(\.badDebtUSD)).count > 1 && Set(b.map(\.badDebtUSD)).count > 1)
        #expect(a != b, "the modes draw different paths")
    }

    @Test func cancellingStopsTheRun() throws {
        let base = try Self.world(faults: .none, volatile: false)
        #expect(throws: RiskRunner.Stop.self) {
            _ = try RiskRunner.run(
                base: base, seed: 1, paths: 0..<8, horizonMs: 60_000, workers: 2, cancelled: { true })
        }
    }
}

/// The fast mode's gossip bank draws for the network as it is at the block: a data center that lost power
/// and runs on its generator again receives blocks.
@Suite struct GossipBankTests {
    @Test func nodesOnAGeneratorReceiveBlocks() throws {
        let base = try RiskPathTests.world(faults: .none, volatile: false)
        let center = try #require(
            base.network.dataCenters.indices.first { index in
                base.network.dataCenters[index].generatorDelayMs.map { $0 < 60_000 } == true
                    && base.network.nodes.contains { $0.dataCenter == index }
            })
        var world = base
        world.useFastPaths()
        _ = world.apply(.powerLoss(dataCenter: center))
        let nodes = world.network.nodes.indices.filter { world.network.nodes[$0].dataCenter == center }
        // Past the generator's start-up, at least one block later: the site's nodes hear of the blocks.
        for _ in 0..<120 { _ = try world.step() }
        let startedBlocks = world.chain.blocksProduced
        for _ in 0..<60 { _ = try world.step() }
        #expect(world.chain.blocksProduced > startedBlocks)
        // (Drawn at time 0, as the bank once did, the site still had no power: none of them was reached.)
        #expect(nodes.allSatisfy { world.network.isUp($0, at: world.nowMs) })
        let reached = nodes.filter { world.chain.pendingArrivals[$0] != nil }
        #expect(!reached.isEmpty && reached.count * 2 >= nodes.count, "the site's nodes are reached")
    }

    /// A fault switches to a bank for the network as it is; when the fault ends, the bank drawn before it
    /// is used again, with the samples it had (none are drawn afresh for them).
    @Test func aFaultsEndBringsBackTheBankBeforeIt() throws {
        var world = try RiskPathTests.world(faults: .none, volatile: false)
        world.useFastPaths()
        for _ in 0..<600 { _ = try world.step() }
        let before = try #require(world.gossipBank?.banks.first)
        #expect(!before.samples.isEmpty)
        _ = world.apply(.crashNode(0))
        for _ in 0..<120 { _ = try world.step() }
        #expect(world.gossipBank?.banks.count == 2)
        #expect(world.gossipBank?.banks.first?.fingerprint != before.fingerprint)
        _ = world.apply(.restartNode(0))
        for _ in 0..<120 { _ = try world.step() }
        let after = try #require(world.gossipBank?.banks.first)
        #expect(world.gossipBank?.banks.count == 2)
        #expect(after.fingerprint == before.fingerprint)
        for (origin, samples) in before.samples {
            #expect(Array((after.samples[origin] ?? []).prefix(samples.count)) == samples, "proposer \(origin)")
        }
    }

    /// At most `statesKept` banks: a fifth network state drops the one used longest ago.
    @Test func banksAreBounded() throws {
        var world = try RiskPathTests.world(faults: .none, volatile: false)
        world.useFastPaths()
        for node in 0..<6 {
            _ = world.apply(.crashNode(node))
            for _ in 0..<24 { _ = try world.step() }
        }
        #expect(world.gossipBank?.banks.count == GossipBank.statesKept)
    }
}
