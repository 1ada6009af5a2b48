import ArgumentParser
import Foundation
import LiqCore
import LiqTerminal

/// `--record FILE` and `--force`, which `run` and `sim` share: the journal of the run (docs/interfaces.md,
/// "Journals").
struct RecordOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Write a tamper-evident journal of the run to this file ('liqtop verify' checks it).", valueName: "file"))
    var record: String?

    @Flag(help: "With --record: replace the file if it exists.")
    var force = false

    func validate(pathOptions: PathOptions) throws {
        if force, record == nil { throw ValidationError("--force is for --record: give --record FILE with it") }
        if record != nil, pathOptions.wantsPath {
            throw ValidationError("--record records a scenario's own world; a risk path (--path) cannot be recorded")
        }
    }

    /// The scenario with `--set`, and the header that records it (the files it read, with their SHA-256).
    static func scenario(_ argument: String, sets: [String]) throws -> (Scenario, JournalHeader) {
        let (text, file) = try ScenarioSource.text(argument)
        let combination = try RiskOptions.combination(sets)
        let absolute =
            file.hasPrefix("builtin:") || file.hasPrefix("/")
            ? file : FileManager.default.currentDirectoryPath + "/" + file
        let read = ReadFiles()
        let base = ScenarioSource.resources(for: absolute)
        var resources: ScenarioLoader.Resources?
        if let load = base {
            resources = { @Sendable (path: String) throws(ConfigError) -> (text: String, file: String) in
                let loaded = try load(path)
                read.append(path, sha256: sha256Hex(loaded.text))
                return loaded
            }
        }
        let scenario = try RiskRun.scenario(text, file: absolute, combination, resources: resources)
        let header = JournalHeader(
            liqtop: Risk.version, scenarioFile: absolute, scenarioText: text, resources: read.files,
            sets: combination, seed: 0, tickMs: scenario.simulation.tickMs)
        return (scenario, header)
    }

    /// `--record` onto the scenario file, or onto a file it reads (market data, a price path), would replace
    /// the run's own input.
    static func refuseOverwriting(_ record: String, scenario: String, header: JournalHeader?) throws {
        try Sim.refuseOverwriting(scenarioFile: scenario, with: record, option: "--record")
        for resource in header?.resources ?? [] {
            if Verify.identity(resource.path) == Verify.identity(record) {
                throw CLIError("--record: \(sanitized(record)) is a file the scenario reads; choose another name")
            }
        }
    }

    /// Opens the journal and writes its header (before the run starts: a path that cannot be written is
    /// said at once).
    func open(header: JournalHeader, world: World) throws -> JournalFile? {
        guard let record else { return nil }
        do {
            return try JournalFile(path: record, force: force, header: header, world: world)
        } catch {
            throw CLIError(error.message)
        }
    }
}

/// The files a scenario read while loading, with their SHA-256 (for the journal's header).
final class ReadFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(path: String, sha256: String)] = []

    var files: [(path: String, sha256: String)] { lock.withLock { entries } }

    func append(_ path: String, sha256: String) { lock.withLock { entries.append((path, sha256)) } }
}
