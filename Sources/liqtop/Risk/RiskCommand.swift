import ArgumentParser
import Foundation
import LiqCore
import LiqTerminal

struct Risk: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Monte Carlo bad-debt risk: paths with their own market and infrastructure faults.",
        discussion: """
            liqtop risk SCENARIO [--paths N] [--horizon D] [--seed S] [--workers K] [--shard I/N] \
            [--set KEY=V1,V2,...]... [--fast] [--json] [--out FILE] [--no-progress]
              runs N paths (default 1000) of 24h (or --horizon: seconds, 90m, 6h, 2d) and prints VaR 95, \
            EVaR 99, CVaR 95 and the rest. Every option: liqtop risk run --help.
            liqtop risk merge FILE... [--json]
              prints the summary of a run split with --shard, from the shards' --out files.
            """,
        subcommands: [RiskRun.self, RiskMerge.self], defaultSubcommand: RiskRun.self)

    /// liqtop's version, in every run file: shards of different versions are never merged.
    static let version = "0.12"
}

struct RiskRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run N paths of a scenario and print the distribution of bad debt (the default).",
        discussion: """
            Path i has a seed made from --seed and i alone: its outcome does not depend on --paths, --workers or \
            --shard. Replay a path with 'liqtop sim SCENARIO --seed S --path I --ticks N' (N: the horizon in \
            seconds, with 1 s ticks), or watch it with 'liqtop run SCENARIO --seed S --path I --horizon H'; give \
            them the run's --set and --fast too.

            --set KEY=V1,V2 sweeps a scenario key over the same paths, one row per combination: \
            assets.WETH.liquidation_threshold_bps=8000,8250, bots.count=1,3, faults.region_outage_per_year=0.

            The scenario's own [[events]] happen in every path; "with faults" counts the paths that drew \
            faults from [faults].
            """)

    @Argument(help: "A built-in scenario name or a path to a .toml file.")
    var scenario: String

    @Option(parsing: .unconditional, help: "How many paths (1 … 10,000,000).")
    var paths = 1_000

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("How long each path runs: seconds, or 90m, 6h, 2d.", valueName: "duration"))
    var horizon = "24h"

    @Option(parsing: .unconditional, help: "The seed of the run: the world, and every path's seed.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Paths run at once (default: the machine's cores).")
    var workers: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Run only shard I of N (from 0), for `risk merge`.", valueName: "I/N"))
    var shard: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Sweep a scenario key over values.", valueName: "KEY=V1,V2"))
    var sets: [String] = []

    @Flag(help: "Print JSON: one object, or one line per combination of --set.")
    var json = false

    @Option(help: ArgumentHelp("Write one JSON line per path to this file (for risk merge).", valueName: "file"))
    var out: String?

    @Flag(help: "The fast path mode: block propagation from a bank of gossip samples (see the README).")
    var fast = false

    @Flag(help: "No progress line on stderr.")
    var noProgress = false

    /// More than this many combinations of --set in one run is a mistake more often than a plan.
    static let maximumCombinations = 1_000

    func validate() throws {
        guard (1...10_000_000).contains(paths) else { throw ValidationError("--paths must be from 1 to 10000000") }
        if let workers, !(1...256).contains(workers) { throw ValidationError("--workers must be from 1 to 256") }
    }

    func run() throws {
        let horizonS = try RiskOptions.seconds(horizon)
        let shard = try self.shard.map { try RiskOptions.shard($0, paths: paths) } ?? (0, 1)
        let range = RiskOptions.paths(paths, shard: shard)
        let sweeps = try sets.map(RiskOptions.sweep)
        if let twice = sweeps.map(\.key).firstDuplicate {
            throw CLIError("--set \(twice) is given twice; give its values once, separated by commas")
        }
        let count = sweeps.reduce(1) { product, sweep in
            let (next, overflow) = product.multipliedReportingOverflow(by: sweep.values.count)
            return overflow ? .max : next
        }
        guard count <= Self.maximumCombinations else {
            throw CLIError(
                "--set: \(count) combinations; at most \(Self.maximumCombinations) in one run (split the sweep)")
        }
        let combinations = RiskOptions.combinations(sweeps)
        if let out { try Sim.refuseOverwriting(scenarioFile: scenario, with: out, option: "--out") }
        let (text, file) = try ScenarioSource.text(scenario)
        // Every --set is checked on the scenario before any path runs; each combination's world is built when
        // its turn comes (a world of the large scenario is a gigabyte).
        let scenarios = try combinations.map { try Self.scenario(text, file: file, $0) }
        // The scenario's own text: shards of one run share it whatever they sweep.
        let digest = RiskRunner.digest(text)
        let writer = try out.map { try EventWriter(path: $0, option: "--out") }
        Interruption.install(partialFile: writer?.temporary)
        let progress = RiskProgress(total: range.count * scenarios.count, visible: !noProgress && isatty(2) == 1)
        var reports: [(RiskRunIdentity, RiskReport)] = []
        for (scenario, combination) in zip(scenarios, combinations) {
            var world: World
            do {
                world = try World(scenario: scenario, seed: seed)
            } catch {
                progress.clear()
                writer?.discard()
                throw error
            }
            if fast { world.useFastPaths() }
            let identity = RiskRunIdentity(
                version: Risk.version, scenario: scenario.name, digest: digest, seed: seed, paths: paths,
                horizonS: horizonS, fast: fast, underwaterAtStartUSD: PathOutcome.cents(world.unrealisedBadDebtUSD),
                source: self.scenario, scriptedEvents: scenario.simulation.events.count, set: combination)
            let outcomes: [PathOutcome]
            do {
                outcomes = try RiskRunner.run(
                    base: world, seed: seed, paths: range, horizonMs: Int64(horizonS) * 1_000,
                    workers: workers ?? ProcessInfo.processInfo.activeProcessorCount,
                    progress: { _ in progress.advance() }, cancelled: { Interruption.signal != nil })
            } catch RiskRunner.Stop.cancelled {
                progress.clear()
                writer?.discard()
                let signal = Interruption.signal ?? SIGINT
                let unwritten = out.map { "; \(sanitized($0)) was not written" } ?? ""
                Liqtop.fail(
                    "interrupted by \(SimProgress.name(of: signal)) after \(progress.done) paths\(unwritten)",
                    status: 128 + signal)
            } catch {
                progress.clear()
                writer?.discard()
                throw error
            }
            try writer?.write(line: RiskJSON.header(identity, shard: shard).compact())
            for outcome in outcomes { try writer?.write(line: RiskJSON.path(outcome).compact()) }
            reports.append((identity, RiskReport(outcomes)))
        }
        progress.clear()
        try writer?.close()
        Interruption.fileCompleted()
        let shardText = shard.1 > 1 ? "\(shard.0)/\(shard.1)" : nil
        RiskPrinter.print(reports, json: json, sweep: reports.count > 1, shard: shardText)
    }

    /// The scenario with one combination of `--set` values; a bad key or value names the `--set`.
    static func scenario(
        _ text: String, file: String, _ combination: [(key: String, value: String)],
        resources: ScenarioLoader.Resources? = nil
    ) throws -> Scenario {
        var overrides: [ConfigOverride] = []
        for (key, value) in combination {
            do {
                overrides.append(try ConfigOverride(key: key, value: value))
            } catch {
                throw CLIError("--set \(key)=\(value): \(error.message)")
            }
        }
        let loaded: Result<Scenario, ConfigError> = Result { () throws(ConfigError) -> Scenario in
            try ScenarioLoader.load(
                text: text, file: file, overrides: overrides,
                resources: resources ?? ScenarioSource.resources(for: file))
        }
        switch loaded {
        case .success(let scenario):
            return scenario
        case .failure(let error):
            if combination.isEmpty { throw CLIError(error.description) }
            guard error.line == 0 else {
                // The file's own rule broke with the values set (an LTV now above the threshold): say which.
                let set = combination.map { "--set \($0.key)=\($0.value)" }.joined(separator: " ")
                throw CLIError("\(error.description) (with \(set))")
            }
            // A value the scenario's own rules refuse (a threshold above 100 %) names the --set it came from.
            let named = combination.first { error.key == $0.key || $0.key.hasSuffix("." + error.key) }
            throw CLIError("--set \(named.map { "\($0.key)=\($0.value)" } ?? error.key): \(error.message)")
        }
    }
}
