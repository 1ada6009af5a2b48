import ArgumentParser
import LiqCore

/// The options `sim` and `run` share to set scenario keys and to take one path of a `liqtop risk` run.
struct PathOptions: ParsableArguments {
    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Set a scenario key, as 'liqtop risk --set' does (repeatable).", valueName: "KEY=VALUE"))
    var sets: [String] = []

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("One path of 'liqtop risk --seed S', by the seed it lists.", valueName: "seed"))
    var pathSeed: UInt64?

    @Option(parsing: .unconditional, help: ArgumentHelp("Path I of 'liqtop risk --seed S'.", valueName: "I"))
    var path: Int?

    @Flag(help: "With --path or --path-seed: the path as 'liqtop risk --fast' ran it.")
    var fast = false

    func validate() throws {
        try RiskOptions.checkPath(path, pathSeed: pathSeed)
        if fast, !wantsPath { throw ValidationError("--fast is for a path: give --path or --path-seed with it") }
    }

    /// A path is asked for.
    var wantsPath: Bool { path != nil || pathSeed != nil }

    /// The scenario with the `--set` values.
    func scenario(_ argument: String) throws -> Scenario { try RiskOptions.scenario(argument, sets: sets) }

    /// `world` as path `--path` or `--path-seed` of a run seeded `seed` over `horizonMs`, or as it is. `named`
    /// puts the path in the world's name, as the dashboard's header shows it ("default · path 7").
    func world(_ world: World, seed: UInt64, horizonMs: Int64, named: Bool = false) -> World {
        guard let pathSeed = RiskOptions.pathSeed(path, pathSeed: pathSeed, seed: seed) else { return world }
        var world = world
        if fast { world.useFastPaths() }
        let label = path.map { "path \($0)" } ?? "path seed \(pathSeed)"
        let name = named ? "\(world.scenarioName) · \(label)" : nil
        return world.path(seed: pathSeed, horizonMs: horizonMs, name: name).world
    }
}
