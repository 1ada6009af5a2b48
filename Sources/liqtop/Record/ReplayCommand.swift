import ArgumentParser
import Foundation
import LiqCore
import LiqTerminal

struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay a journal on the dashboard, move through it, and branch from any moment.",
        discussion: """
            The journal is verified as it loads (as 'liqtop verify' does). The dashboard opens paused at the
            start: ] and [ move a block, } and { a minute, Home and End to the ends, g to a moment; space plays.
            b branches: the world goes live from the moment shown; with --record the branch is recorded, its
            journal naming this one as its parent.
            """)

    @Argument(help: "The journal.")
    var file: String

    @Option(help: ArgumentHelp("Record a branch (after b) to this file.", valueName: "file"))
    var record: String?

    @Flag(help: "With --record: replace the file if it exists.")
    var force = false

    @Option(
        help: ArgumentHelp("A built-in theme (see 'liqtop themes') or a path to a theme file.", valueName: "name|file"))
    var theme = "dark"

    @Option(parsing: .unconditional, help: "Simulated seconds per real second when playing.")
    var speed: Double = 10

    @Option(help: ArgumentHelp("Where stderr goes while the screen is up.", valueName: "file"))
    var log = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop.log").path

    func validate() throws {
        if force, record == nil { throw ValidationError("--force is for --record: give --record FILE with it") }
        guard speed.isFinite, speed >= 0.125, speed <= 1_000 else {
            throw ValidationError("--speed must be from 0.125 to 1000")
        }
    }

    func run() throws {
        let theme = try ThemeSource.load(self.theme)
        var branch: BranchJournal?
        if let record {
            if Verify.identity(record) == Verify.identity(file) {
                throw CLIError("--record: \(sanitized(record)) is the journal being replayed; choose another name")
            }
            // Said now, not when b is pressed: a file there already, or a directory that cannot be written.
            if FileManager.default.fileExists(atPath: record), !force {
                throw CLIError("--record: cannot write \(sanitized(record)): it exists; --force replaces it")
            }
            let directory = (record as NSString).deletingLastPathComponent
            guard access(directory.isEmpty ? "." : directory, W_OK) == 0 else {
                throw CLIError("--record: cannot write \(sanitized(record)): \(String(cString: strerror(errno)))")
            }
            branch = BranchJournal(
                path: record, force: force, parentFile: Self.parentName(file, from: record), version: Risk.version)
        }
        guard isatty(1) == 1, isatty(0) == 1 else {
            throw CLIError(
                "the dashboard needs a terminal, and this is not one; use 'liqtop verify' to check a journal")
        }
        let text = try Verify.read(file)
        var progress = SimProgress(total: Verify.lastTick(text))
        let replay: JournalReplay
        do {
            replay = try JournalReplay(text, sources: Verify.sources(for: file)) { tick in progress.advance(to: tick) }
        } catch {
            progress.clear()
            Liqtop.fail("\(file):\(error.line): \(error.message)", status: 1)
        }
        progress.clear()
        do {
            var options = DashboardOptions(
                world: replay.engine(at: 0).world, theme: theme, maxTicks: nil, speed: speed, logPath: log)
            options.replay = replay
            options.branchJournal = branch
            try DashboardApp.run(options)
        } catch let error as CustomStringConvertible {
            throw CLIError(error.description)
        }
    }

    /// The parent as a branch's header names it: its name alone when the two files share a directory.
    static func parentName(_ parent: String, from branch: String) -> String {
        let parentDirectory = ((parent as NSString).deletingLastPathComponent as NSString).standardizingPath
        let branchDirectory = ((branch as NSString).deletingLastPathComponent as NSString).standardizingPath
        if parentDirectory == branchDirectory { return (parent as NSString).lastPathComponent }
        return parent.hasPrefix("/") ? parent : FileManager.default.currentDirectoryPath + "/" + parent
    }
}
