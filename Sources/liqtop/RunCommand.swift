import ArgumentParser
import Foundation
import LiqCore
import LiqTerminal
import LiqUI

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The live dashboard (the default command).",
        discussion: """
            Keys: ? shows every key. q quits, space pauses, tab moves between panels, enter opens.
            If the terminal is left in a bad state (a SIGKILL cannot be caught), run `reset` or `stty sane`.
            """)

    @Argument(help: "A built-in scenario name or a path to a .toml file.")
    var scenario = "default"

    @Option(parsing: .unconditional, help: "The seed of the world's random stream.")
    var seed: UInt64 = 1

    @Option(
        help: ArgumentHelp("A built-in theme (see 'liqtop themes') or a path to a theme file.", valueName: "name|file"))
    var theme = "dark"

    @Option(parsing: .unconditional, help: "End the run by itself after this many ticks (for smoke tests).")
    var maxTicks: Int?

    @Option(parsing: .unconditional, help: "Simulated seconds per real second.")
    var speed: Double = 10

    @OptionGroup var pathOptions: PathOptions

    @OptionGroup var recordOptions: RecordOptions

    @Option(
        help: ArgumentHelp("The risk run's --horizon, for the faults of --path (default 24h).", valueName: "duration"))
    var horizon: String?

    @Option(help: ArgumentHelp("Where stderr goes while the screen is up.", valueName: "file"))
    var log = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop.log").path

    func validate() throws {
        try recordOptions.validate(pathOptions: pathOptions)
        if horizon != nil, !pathOptions.wantsPath {
            throw ValidationError("--horizon is for a path: give --path or --path-seed with it")
        }
        if let maxTicks, maxTicks < 0 { throw ValidationError("--max-ticks must be 0 or more") }
        guard speed.isFinite, speed >= 0.125, speed <= 1_000 else {
            throw ValidationError("--speed must be from 0.125 to 1000")
        }
    }

    func run() throws {
        var header: JournalHeader?
        let scenario: Scenario
        if recordOptions.record != nil {
            (scenario, header) = try RecordOptions.scenario(self.scenario, sets: pathOptions.sets)
            header?.seed = seed
        } else {
            scenario = try pathOptions.scenario(self.scenario)
        }
        let theme = try ThemeSource.load(self.theme)
        let horizonS = try RiskOptions.seconds(horizon ?? "24h")
        // Where stderr will go while the screen is up: a log that cannot be opened is said now, not lost.
        let probe = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard probe >= 0 else { throw CLIError("--log: cannot open \(sanitized(log)): \(EventWriter.systemError())") }
        close(probe)
        guard isatty(1) == 1, isatty(0) == 1 else {
            throw CLIError("the dashboard needs a terminal, and this is not one; use 'liqtop sim' for headless runs")
        }
        if let record = recordOptions.record {
            try RecordOptions.refuseOverwriting(record, scenario: self.scenario, header: header)
        }
        do {
            let world = pathOptions.world(
                try World(scenario: scenario, seed: seed), seed: seed, horizonMs: Int64(horizonS) * 1_000, named: true)
            let journal = try header.flatMap { try recordOptions.open(header: $0, world: world) }
            try DashboardApp.run(
                DashboardOptions(
                    world: world, theme: theme, maxTicks: maxTicks, speed: speed, logPath: log, journal: journal))
        } catch let error as CustomStringConvertible {
            throw CLIError(error.description)
        }
    }
}

struct Themes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the available themes.")

    func run() throws {
        for name in BuiltInThemes.names { print("\(name)  (built in\(name == "dark" ? ", the default" : ""))") }
        // File names are the user's, not ours: escaped, so that a name holding a control sequence
        // (ESC ] 0 ; … BEL retitles a terminal) is shown, never obeyed.
        for file in ThemeSource.userThemeFiles() {
            print(
                "\(sanitized(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent))  \(sanitized(file))"
            )
        }
    }
}

/// Finds a theme: a built-in name, a name in ~/.config/liqtop/themes, or a path to a TOML file.
enum ThemeSource {
    static var userDirectory: String {
        let home =
            ProcessInfo.processInfo.environment["XDG_CONFIG_HOME"]
            ?? (ProcessInfo.processInfo.environment["HOME"].map { $0 + "/.config" } ?? "")
        return home + "/liqtop/themes"
    }

    static func userThemeFiles() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: userDirectory)) ?? []
        // Regular files only (through symlinks): not directories, dangling links, pipes or devices.
        return files.filter { $0.hasSuffix(".toml") }.sorted().map { userDirectory + "/" + $0 }.filter { path in
            var status = stat()
            return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
        }
    }

    static func load(_ argument: String) throws -> Theme {
        if let theme = BuiltInThemes.theme(argument) { return theme }
        let candidates =
            argument.contains("/") || argument.hasSuffix(".toml")
            ? [argument] : [userDirectory + "/" + argument + ".toml"]
        for path in candidates where FileManager.default.fileExists(atPath: path) {
            return try ThemeLoader.load(text: try ScenarioSource.readText(path), file: path)
        }
        throw CLIError(
            "--theme: no theme \(quoted(argument)) (themes: \(BuiltInThemes.names.joined(separator: ", ")); or a path "
                + "to a .toml file)"
        )
    }
}
