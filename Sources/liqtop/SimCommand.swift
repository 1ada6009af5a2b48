import ArgumentParser
import Foundation
import LiqCore
import LiqTerminal

struct Sim: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the engine headless, as fast as it can go, and print a summary.",
        discussion: """
            The same scenario, seed, ticks and commands always give the same events and state_hash.
            --shock ASSET:PERCENT@SECONDS[~OVER]  e.g. WETH:-35@600~60 (a 35 % drop at 10 min, spread over 60 s)
            --outage REGION@SECONDS[+DURATION]     e.g. eu@1800+3600; without a duration it lasts to the end.
            Regions: na, eu, sa, ap, jp, au (any case).
            """)

    @Argument(help: "A built-in scenario name or a path to a .toml file.")
    var scenario: String

    @Option(parsing: .unconditional, help: "How many ticks to run (one tick is [clock] tick_ms, 1 s by default).")
    var ticks: Int

    @Option(parsing: .unconditional, help: "The seed of the world's random stream (0 … 18446744073709551615).")
    var seed: UInt64 = 1

    @Flag(help: "Print one JSON object (the keys of docs/interfaces.md).")
    var json = false

    @Option(help: ArgumentHelp("Write every event as one JSON object per line to this file.", valueName: "file"))
    var events: String?

    @Option(
        parsing: .unconditionalSingleValue,
        help: ArgumentHelp("Schedule a price shock (repeatable).", valueName: "asset:percent@seconds[~over]"))
    var shock: [String] = []

    @Option(
        parsing: .unconditionalSingleValue,
        help: ArgumentHelp("Schedule a regional outage (repeatable).", valueName: "region@seconds[+duration]"))
    var outage: [String] = []

    @OptionGroup var pathOptions: PathOptions

    @OptionGroup var recordOptions: RecordOptions

    /// 100 million ticks of 1 s are over three years simulated, about a quarter of an hour of `default`.
    static let maximumTicks = 100_000_000

    func validate() throws {
        try recordOptions.validate(pathOptions: pathOptions)
        guard ticks >= 0 else { throw ValidationError("--ticks must be 0 or more") }
        guard ticks <= Self.maximumTicks else {
            throw ValidationError(
                "--ticks must be at most \(Self.maximumTicks) (over three years of 1 s ticks); split longer runs")
        }
    }

    func run() throws {
        var header: JournalHeader?
        let scenario: Scenario
        if recordOptions.record != nil {
            (scenario, header) = try RecordOptions.scenario(self.scenario, sets: pathOptions.sets)
        } else {
            scenario = try pathOptions.scenario(self.scenario)
        }
        var schedule: [ScheduledCommand] = []
        for text in shock { schedule.append(try Self.parseShock(text, scenario: scenario)) }
        for text in outage { schedule += try Self.parseOutage(text) }
        var engine: Engine
        do {
            engine = try Engine(scenario: scenario, seed: seed, schedule: schedule)
            if pathOptions.wantsPath {
                let horizonMs = Int64(ticks) * engine.world.settings.tickMs
                engine = Engine(world: pathOptions.world(engine.world, seed: seed, horizonMs: horizonMs))
            }
        } catch let error as ArithmeticError {
            throw CLIError("\(self.scenario): \(error): an amount or price is too large to compute with")
        }
        if let events { try Self.refuseOverwriting(scenarioFile: self.scenario, with: events, option: "--events") }
        if let record = recordOptions.record {
            try RecordOptions.refuseOverwriting(record, scenario: self.scenario, header: header)
            if let events, Verify.identity(events) == Verify.identity(record) || events == record {
                throw CLIError("--record and --events name the same file; give them two")
            }
        }
        header?.seed = seed
        header?.schedule = schedule
        let journal = try header.flatMap { try recordOptions.open(header: $0, world: engine.world) }
        let writer = try events.map { try EventWriter(path: $0) }
        // Ctrl-C, TERM and HUP stop the run between ticks; any other signal that ends it removes the
        // partial file first: nothing half-written stays behind.
        Interruption.install(partialFile: writer?.temporary)
        var progress = SimProgress(total: ticks)
        for tick in 0..<ticks {
            if let signal = Interruption.signal {
                progress.clear()
                writer?.discard()
                let unwritten = events.map { "; \(sanitized($0)) was not written" } ?? ""
                journal?.close()
                Liqtop.fail(
                    "interrupted by \(SimProgress.name(of: signal)) at tick \(tick) of \(ticks)\(unwritten)",
                    status: 128 + signal)
            }
            do {
                let happened = try engine.step()
                journal?.step(engine.world)
                try writer?.write(happened)
            } catch {
                progress.clear()
                writer?.discard()
                throw error
            }
            progress.advance(to: tick + 1)
        }
        progress.clear()
        try writer?.close()
        journal?.close()
        if let failure = journal?.failure { throw CLIError(failure + "; the lines before it stand") }
        Interruption.fileCompleted()
        let elapsed = progress.elapsedSeconds
        let summary = SimSummary(world: engine.world, ticks: ticks, seed: seed, hash: engine.stateHash)
        print(json ? summary.json().rendered() : summary.text(elapsedSeconds: elapsed))
    }

    /// `--events` (or `risk --out`) naming the scenario file itself would replace the scenario with output.
    static func refuseOverwriting(scenarioFile: String, with output: String, option: String) throws {
        var scenarioStatus = stat(), outputStatus = stat()
        guard stat(scenarioFile, &scenarioStatus) == 0, stat(output, &outputStatus) == 0 else { return }
        if scenarioStatus.st_dev == outputStatus.st_dev, scenarioStatus.st_ino == outputStatus.st_ino {
            throw CLIError("\(option): \(sanitized(output)) is the scenario file; choose another name for the output")
        }
    }

    /// `WETH:-35@600` or `WETH:-35@600~60`.
    static func parseShock(_ text: String, scenario: Scenario) throws -> ScheduledCommand {
        let usage = "--shock: \(quoted(text)) is not ASSET:PERCENT@SECONDS[~OVER] (e.g. WETH:-35@600~60)"
        guard let colon = text.firstIndex(of: ":"), let at = text.firstIndex(of: "@"), colon < at else {
            throw CLIError(usage)
        }
        let symbol = String(text[..<colon])
        guard
            let asset = scenario.assetIndex(symbol: symbol)
                ?? scenario.assets.firstIndex(where: { $0.symbol.lowercased() == symbol.lowercased() })
        else {
            throw CLIError(
                "--shock: no asset \(quoted(symbol)) in \(scenario.name) (assets: "
                    + "\(scenario.assets.map(\.symbol).joined(separator: ", ")))"
            )
        }
        let rest = text[text.index(after: at)...]
        let parts = rest.split(separator: "~", maxSplits: 1, omittingEmptySubsequences: false)
        guard let percent = Double(text[text.index(after: colon)..<at]), percent.isFinite,
            let seconds = Double(parts[0]), (0...1e9).contains(seconds)
        else { throw CLIError(usage) }
        guard (percent * 100).rounded() > -10_000, percent <= 1_000 else {
            throw CLIError("--shock: \(percent) % is outside −99.99 … +1000 %")
        }
        var over = 0.0
        if parts.count == 2 {
            guard let value = Double(parts[1]), (1...1e7).contains(value) else {
                throw CLIError("--shock: the spread ~OVER must be 1 to 10,000,000 seconds")
            }
            over = value
        }
        return ScheduledCommand(
            atMs: Int64(seconds * 1_000),
            command: .shock(asset: asset, percentBps: Int((percent * 100).rounded()), overSeconds: Int(over)))
    }

    /// `eu@1800` or `eu@1800+3600`.
    static func parseOutage(_ text: String) throws -> [ScheduledCommand] {
        let usage = "--outage: \(quoted(text)) is not REGION@SECONDS[+DURATION] (e.g. eu@1800+3600)"
        let pieces = text.split(separator: "@", maxSplits: 1)
        guard pieces.count == 2 else { throw CLIError(usage) }
        guard let region = Region(id: String(pieces[0])) else {
            throw CLIError("--outage: \(quoted(String(pieces[0]))) is not a region; use na, eu, sa, ap, jp or au")
        }
        let times = pieces[1].split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)
        guard let start = Double(times[0]), (0...1e9).contains(start) else { throw CLIError(usage) }
        var commands = [ScheduledCommand(atMs: Int64(start * 1_000), command: .regionOutage(region))]
        if times.count == 2 {
            guard let duration = Double(times[1]), duration > 0, duration <= 1e9 else { throw CLIError(usage) }
            commands.append(ScheduledCommand(atMs: Int64((start + duration) * 1_000), command: .regionRecover(region)))
        }
        return commands
    }
}

enum EventJSON {
    static func line(_ event: Event) -> String {
        var members: [(String, JSONValue)] = [
            ("t", .number(DecimalAmount.format(UInt128(event.timeMs), decimals: 3))),
            ("kind", .string(event.kind.rawValue)),
        ]
        for (key, value) in event.fields {
            switch value {
            case .int(let number): members.append((key, .number(String(number))))
            case .text(let text): members.append((key, .string(text)))
            case .decimal(let text): members.append((key, .string(text)))
            }
        }
        members.append(("message", .string(event.message)))
        return JSONValue.object(members).compact()
    }
}
