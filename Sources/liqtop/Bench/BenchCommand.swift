import ArgumentParser
import Foundation
import LiqBench
import LiqCore
import LiqUI

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The performance suite: timings in a release build, inputs from a fixed seed.",
        discussion: """
            memory      resident bytes per account of the `large` world (1,000,000 accounts, 2,000 nodes), with its
                        shock index of WETH
            frame       one 200×60 dashboard frame composed into a ScreenBuffer from a snapshot of that world (µs)
            summary     that world's account-level figures (HF histogram, liquidatable, liquidations-versus-price curve,
                        most urgent by estimate), as a snapshot redoes them after the risk index changes (ms)
            shock_scan  a −20 % WETH shock over n accounts: the exact set that became liquidatable, the HF histogram
                        and the 100 most urgent, as the shock dialog asks it: from the shock index (ms)
            shock_scan_5  the same for −5 %
            shock_scan_full  the same answer from a pass over every account (no index), for comparison
            shock_index  building the shock index of WETH over those accounts (ms)
            quote       exact liquidation quotes per second
            tick        one engine step (1 simulated second): 100,000 accounts, 1,000 nodes, bots, oracles, gossip (ms)
            tick_slot   the same, only the ticks that hold a slot: a block, its gossip, the bots' scan (ms)
            gossip      one block propagated to every node of a 10,000-node network (ms)
            load        a scenario file of 1,000,000 [[positions]] (85 MB of TOML) read into a scenario and its
                        lending pool, from text in memory (s)
            import      a real market's export of 1,000,000 users (JSON lines, about 400 MB, from memory) read into a
                        scenario and its lending pool (s)
            risk_paths  `liqtop risk default --horizon 24h` on all cores: paths per second (full mode)
            risk_paths_fast  the same with --fast (block propagation from a bank of gossip samples)
            Name benchmarks to run only those: liqtop bench risk_paths risk_paths_fast.
            Build with -c release for meaningful figures; --quick runs small sizes in seconds.
            """)

    @Flag(help: "One JSON object per line.")
    var json = false

    @Flag(help: "Small sizes, a few seconds in all.")
    var quick = false

    @Argument(help: "Only these benchmarks (default: all).")
    var names: [String] = []

    static let all = [
        "memory", "frame", "summary", "shock_scan", "shock_scan_5", "shock_scan_full", "shock_index", "quote", "tick",
        "tick_slot", "gossip", "load", "import", "risk_paths", "risk_paths_fast", "replay_seek", "replay_memory",
    ]

    func validate() throws {
        for name in names where !Self.all.contains(name) {
            throw ValidationError("no benchmark \(quoted(name)) (benchmarks: \(Self.all.joined(separator: ", ")))")
        }
    }

    func wants(_ name: String...) -> Bool { names.isEmpty || name.contains { names.contains($0) } }

    func run() throws {
        let sizes =
            quick
            ? (accounts: 20_000, nodes: 200, tickAccounts: 5_000, tickNodes: 200, gossipNodes: 1_000, positions: 20_000)
            : (
                accounts: 1_000_000, nodes: 2_000, tickAccounts: 100_000, tickNodes: 1_000, gossipNodes: 10_000,
                positions: 1_000_000
            )
        var results: [BenchResult] = []
        func report(_ result: BenchResult) {
            guard wants(result.name) else { return } // a group's other benchmark, measured with it
            results.append(result)
            if json { print(result.json) } else { print(result.line) }
            fflush(nil)
        }
        if !json { print(BenchResult.header) }
        let engineBenchmarks = [
            "memory", "frame", "summary", "shock_scan", "shock_scan_5", "shock_scan_full", "shock_index", "quote",
            "tick",
            "tick_slot", "gossip", "load", "import",
        ]
        if engineBenchmarks.contains(where: { wants($0) }) {
            try runEngine(sizes, report)
        }
        try runRiskPaths(report)
        try runReplay(report)
    }

    func runEngine(
        _ sizes: (accounts: Int, nodes: Int, tickAccounts: Int, tickNodes: Int, gossipNodes: Int, positions: Int),
        _ report: (BenchResult) -> Void
    ) throws {

        // Each group runs when one of its benchmarks is asked for (all of them by default).
        if wants("memory", "frame", "summary") {
            // memory: the `large` world (accounts, risk index, network, bots) as `liqtop run large` loads it.
            var large = try BuiltInScenarios.load("large")!
            large.simulation.borrowers.count = sizes.accounts
            large.simulation.network.nodeCount = sizes.nodes
            let before = BenchResult.residentBytes()
            var engine = try Engine(scenario: large, seed: 1)
            let shockIndex = ShockIndex(
                index: engine.world.riskIndex, pool: engine.world.pool, assets: engine.world.assetsMoved(byShockTo: 0))
            let after = BenchResult.residentBytes()
            withExtendedLifetime(shockIndex) {}
            report(
                BenchResult(
                    name: "memory", n: sizes.accounts, unit: "bytes",
                    samples: [Double(max(0, after - before)) / Double(sizes.accounts)]))

            // frame: a 200×60 frame from a snapshot of that world, a minute into a 25 % fall of WETH.
            engine.apply(.shock(asset: 0, percentBps: -2_500, overSeconds: 30))
            for _ in 0..<60 { try engine.step() }
            let snapshot = engine.snapshot()
            if wants("frame") {
                let frame = try BenchResult.measure("frame", n: sizes.accounts, unit: "ms", runs: 50) {
                    _ = Dashboard.render(snapshot, ViewState(), width: 200, height: 60)
                }
                report(BenchResult(name: "frame", n: frame.n, unit: "us", samples: frame.samples.map { $0 * 1_000 }))
            }
            // summary: the account-level figures of that world, as a snapshot recomputes them when the risk index
            // has changed (a fresh view keeps nothing).
            if wants("summary") {
                let world = engine.world
                report(
                    try BenchResult.measure("summary", n: sizes.accounts, unit: "ms", runs: quick ? 10 : 20) {
                        _ = WorldView(world: world).riskSummary(world, curveAsset: 0)
                    })
            }
        }
        if wants("shock_scan", "shock_scan_5", "shock_scan_full", "shock_index", "quote") {
            // The shock scans over the issue's mix of 1–3 collateral and 1–2 debt assets: the product's answer
            // (from the index, built once per state as the shock dialog builds it), the full pass, the build.
            let pool = try BenchWorlds.pool(accounts: sizes.accounts)
            let index = RiskIndex(pool: pool)
            let runs = quick ? 10 : 20
            if wants("shock_index") {
                report(
                    try BenchResult.measure("shock_index", n: sizes.accounts, unit: "ms", runs: runs) {
                        _ = ShockIndex(index: index, pool: pool, assets: [0])
                    })
            }
            let shockIndex = ShockIndex(index: index, pool: pool, assets: [0])
            for (name, bps) in [("shock_scan", -2_000), ("shock_scan_5", -500)] where wants(name) {
                report(
                    try BenchResult.measure(name, n: sizes.accounts, unit: "ms", runs: runs) {
                        _ = try ShockScan.run(
                            pool, index: index, assets: [0], percentBps: bps, shockIndex: shockIndex)
                    })
            }
            if wants("shock_scan_full") {
                report(
                    try BenchResult.measure("shock_scan_full", n: sizes.accounts, unit: "ms", runs: runs) {
                        _ = try ShockScan.full(pool, index: index, assets: [0], percentBps: -2_000)
                    })
            }
            if wants("quote") {
                // quote: exact quotes of accounts that are liquidatable after the shock.
                var shocked = pool
                shocked.prices[0] = shocked.prices[0] * 8 / 10
                let targets = Array(
                    try ShockScan.run(pool, index: index, asset: 0, percentBps: -2_000).liquidatable.prefix(1_000))
                if !targets.isEmpty {
                    let timing = try BenchResult.measure("quote", n: targets.count, unit: "ms", runs: 5) {
                        for account in targets { _ = try shocked.quotePosition(accountIndex: account) }
                    }
                    report(
                        BenchResult(
                            name: "quote", n: targets.count, unit: "per_s",
                            samples: timing.samples.map { Double(targets.count) / ($0 / 1_000) }))
                }
            }
        }
        if wants("tick", "tick_slot") {
            // tick: 100,000 accounts and 1,000 nodes, bots, oracles and gossip running. Every 12th tick holds a
            // slot (a block, its gossip, the bots' scan); tick_slot reports those alone.
            var big = try BuiltInScenarios.load("default")!
            big.simulation.borrowers.count = sizes.tickAccounts
            big.simulation.network.nodeCount = sizes.tickNodes
            var world = try Engine(scenario: big, seed: 1)
            for _ in 0..<30 { try world.step() }
            var slotTicks: [Double] = []
            var lastSlot = world.world.chain.lastSlotProcessed
            let ticks = try BenchResult.measure(
                "tick", n: sizes.tickAccounts, unit: "ms", runs: quick ? 120 : 360, warmup: 0
            ) {
                try world.step()
            } after: { elapsed in
                if world.world.chain.lastSlotProcessed != lastSlot { slotTicks.append(elapsed) }
                lastSlot = world.world.chain.lastSlotProcessed
            }
            report(ticks)
            report(BenchResult(name: "tick_slot", n: sizes.tickAccounts, unit: "ms", samples: slotTicks))
        }
        if wants("gossip") {
            // gossip: one block to every node of a large network.
            var rng = SeededGenerator(seed: 7)
            var configuration = NetworkConfiguration()
            configuration.nodeCount = sizes.gossipNodes
            let network = TopologyBuilder.build(configuration, using: &rng)
            report(
                try BenchResult.measure("gossip", n: sizes.gossipNodes, unit: "ms", runs: 20) {
                    _ = Gossip.propagate(in: network, from: 0, at: 0, blockBytes: 120_000, using: &rng)
                })
        }
        if wants("load") {
            // load: a scenario file with many positions, as `liqtop quote FILE` reads it.
            let text = BenchFiles.positionsTOML(count: sizes.positions)
            let load = try BenchResult.measure("load", n: sizes.positions, unit: "ms", runs: 3, warmup: 1) {
                _ = try ScenarioLoader.load(text: text, file: "bench.toml").makePool()
            }
            report(BenchResult(name: "load", n: load.n, unit: "s", samples: load.samples.map { $0 / 1_000 }))
        }
        if wants("import") {
            // import: a real market's export (reserves and users files, from memory), as `liqtop run` loads it.
            let files = try BenchMarket.files(users: sizes.positions)
            let text = """
                name = "bench"
                [market_data]
                reserves = "reserves.json"
                users = "users.jsonl"
                timestamp = \(BenchMarket.timestamp)
                """
            let resources: ScenarioLoader.Resources = { path throws(ConfigError) in
                (path == "users.jsonl" ? files.users : files.reserves, path)
            }
            let load = try BenchResult.measure("import", n: sizes.positions, unit: "ms", runs: 3, warmup: 1) {
                _ = try ScenarioLoader.load(text: text, file: "bench.toml", resources: resources).makePool()
            }
            report(BenchResult(name: "import", n: load.n, unit: "s", samples: load.samples.map { $0 / 1_000 }))
        }
    }
}

extension Bench {
    /// risk_paths: the product's Monte Carlo (`RiskRunner.run`, as `liqtop risk` calls it) on `default` over
    /// 24 hours with every core; each sample is one batch of paths, reported as paths per second.
    func runRiskPaths(_ report: (BenchResult) -> Void) throws {
        guard let scenario = try BuiltInScenarios.load("default") else { return }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        for (name, fast) in [("risk_paths", false), ("risk_paths_fast", true)] where wants(name) {
            var world = try World(scenario: scenario, seed: 1)
            if fast { world.useFastPaths() }
            let batch = quick ? 2 * cores : (fast ? 40 : 12) * cores
            var next = 0
            let timing = try BenchResult.measure(name, n: batch, unit: "ms", runs: quick ? 1 : 3, warmup: 0) {
                _ = try RiskRunner.run(
                    base: world, seed: 1, paths: next..<(next + batch), horizonMs: (quick ? 3_600 : 86_400) * 1_000,
                    workers: cores)
                next += batch
            }
            report(
                BenchResult(
                    name: name, n: batch, unit: "paths_s",
                    samples: timing.samples.map { Double(batch) / ($0 / 1_000) }))
        }
    }
}
