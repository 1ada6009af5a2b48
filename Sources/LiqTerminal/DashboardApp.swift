import CNCurses
import Dispatch
import Glibc
import LiqCore
import LiqUI

/// How to start the dashboard.
public struct DashboardOptions: Sendable {
    /// The world to show, as it starts: a scenario's, or one Monte Carlo path of it (`liqtop run --path`).
    public var world: World
    public var theme: Theme
    public var maxTicks: Int?
    public var speed: Double
    /// stderr goes here while the screen is up.
    public var logPath: String
    /// `--record`: the journal, its header already written.
    public var journal: JournalFile?
    /// `liqtop replay`: the recording (the world starts at its beginning), and where a branch is recorded.
    public var replay: JournalReplay?
    public var branchJournal: BranchJournal?

    public init(
        world: World, theme: Theme, maxTicks: Int?, speed: Double, logPath: String, journal: JournalFile? = nil
    ) {
        self.journal = journal
        self.world = world
        self.theme = theme
        self.maxTicks = maxTicks
        self.speed = speed
        self.logPath = logPath
    }
}

/// The dashboard's Dispatch loop (see the README's Architecture): the engine ticks on its own queue;
/// rendering, stdin and SIGWINCH/SIGINT/SIGTERM are handled on the main queue, the only one that touches curses.
public final class DashboardApp: @unchecked Sendable {
    private let options: DashboardOptions
    private var screen: CursesScreen!
    private var driver: EngineDriver!
    private var view = ViewState()
    private var latest: Snapshot?
    private var sources: [DispatchSourceProtocol] = []
    private var renderPending = false
    private var lastFrameMicros: Int?
    private var savedStderr: Int32 = -1
    /// Handed to the shell (Ctrl-Z, or stopped in the background): nothing draws or touches the terminal.
    private var suspended = false
    /// The Risk view's Monte Carlo and the path watched, if any.
    private let risk = RiskSession()

    private init(options: DashboardOptions) {
        self.options = options
    }

    /// Runs until the user quits, a signal arrives or `maxTicks` pass; never returns.
    public static func run(_ options: DashboardOptions) throws -> Never {
        let app = DashboardApp(options: options)
        try app.start()
        dispatchMain()
    }

    private func start() throws {
        let engine = Engine(world: options.world)
        redirectStderr()
        // Before curses changes the terminal's modes, so that every way out can put them back.
        let signals = TerminalGuard.install(
            ttyDescriptor: 1, noteDescriptor: savedStderr >= 0 ? savedStderr : 2,
            logPath: options.logPath)
        do {
            screen = try CursesScreen(theme: options.theme, noColor: getenv("NO_COLOR").map { String(cString: $0) })
        } catch {
            restoreStderr()
            throw error
        }
        view.themeIndex = BuiltInThemes.names.firstIndex(of: options.theme.name) ?? 0
        view.replaying = options.replay != nil
        driver = EngineDriver(
            engine: engine, hertz: 10, journal: options.journal, replay: options.replay,
            branchJournal: options.branchJournal, onSnapshot: { [self] snapshot in received(snapshot) },
            onError: { [self] error in
                writeError("engine error: \(error)\n")
                finish(1, message: "liqtop: the engine stopped: \(error)")
            })
        driver.play(.setSpeed(options.speed))
        driver.request(Reducer.request(view))
        if signals >= 0 {
            let orderly = DispatchSource.makeReadSource(fileDescriptor: signals, queue: .main)
            orderly.setEventHandler { [self] in receivedSignals(from: signals) }
            orderly.resume()
            sources.append(orderly)
        }
        signal(SIGWINCH, SIG_IGN)
        let winch = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: .main)
        winch.setEventHandler { [self] in resized() }
        winch.resume()
        sources.append(winch)
        let input = DispatchSource.makeReadSource(fileDescriptor: 0, queue: .main)
        input.setEventHandler { [self] in readInput() }
        input.resume()
        sources.append(input)
        driver.start()
    }

    /// INT, TERM and HUP end the run as `q` does, with the shell's exit status for the signal; TSTP
    /// (Ctrl-Z), TTIN and TTOU hand the terminal to the shell until `fg`; CONT redraws what the shell may
    /// have covered, or, in the background (`bg`), stops again rather than draw over the shell.
    private func receivedSignals(from descriptor: Int32) {
        var bytes = [UInt8](repeating: 0, count: 16)
        let count = read(descriptor, &bytes, bytes.count)
        guard count > 0 else { return }
        for number in bytes.prefix(count).map(Int32.init) {
            TerminalGuard.handled(number)
            switch number {
            case SIGTSTP, SIGTTIN, SIGTTOU:
                suspendUntilForeground()
            case SIGCONT:
                if Self.inForeground {
                    screen.resume()
                    render()
                } else {
                    suspendUntilForeground()
                }
            default:
                finish(128 + number)
            }
        }
    }

    /// Gives the terminal back and stops; continued in the background, stops again (as a full-screen
    /// program that may not draw there); continued in the foreground, takes the terminal back and redraws.
    private func suspendUntilForeground() {
        if !suspended {
            suspended = true
            if Self.inForeground { screen.suspend() }
        }
        repeat {
            TerminalGuard.suspend()
            // In an orphaned process group the stop is discarded: wait for the terminal without spinning.
            if !Self.inForeground { usleep(100_000) }
        } while !Self.inForeground
        suspended = false
        screen.resume()
        render()
    }

    /// This process's group owns the terminal (or there is no terminal to ask about).
    static var inForeground: Bool {
        let owner = tcgetpgrp(0)
        return owner < 0 || owner == getpgrp()
    }

    private func received(_ snapshot: Snapshot) {
        latest = snapshot
        if let maxTicks = options.maxTicks, snapshot.timeMs / max(1, snapshot.tickMs) >= Int64(maxTicks) {
            render()
            finish(0)
        }
        scheduleRender()
    }

    private func readInput() {
        for input in screen.readKeys() {
            switch input {
            case .resize: resized()
            case .ignored: continue
            case .key(let key):
                let (width, height) = screen.size
                let tooSmall = width < Dashboard.minimumSize.width || height < Dashboard.minimumSize.height
                // Before the first frame, and while the screen only says "enlarge the window, or press q to
                // quit", q is the one key: nothing hidden (a dialog, a panel) takes the others.
                guard let snapshot = shown, !tooSmall else {
                    if key == .char("q") { finish(0) }
                    continue
                }
                let (next, effects) = Reducer.reduce(view, key, snapshot: snapshot)
                view = next
                for effect in effects { carryOut(effect) }
            }
        }
        render()
    }

    /// What a key asked of the world, the driver, the screen or the program.
    private func carryOut(_ effect: Effect) {
        switch effect {
        case .engine(let command): driver.send(command)
        case .playback(let playback):
            driver.play(playback)
            if var shown = latest {
                playback.apply(to: &shown)
                latest = shown
            }
        case .request(let request): driver.request(request)
        case .theme(let name): if let theme = BuiltInThemes.theme(name) { screen.setTheme(theme) }
        case .risk(let request):
            risk.carryOut(request, driver: driver) { [self] in scheduleRender() }
        case .replay(let move): driver.move(move)
        case .quit: finish(0)
        }
    }

    /// The latest snapshot with the Risk view's run attached.
    private var shown: Snapshot? {
        guard var snapshot = latest else { return nil }
        snapshot.risk = risk.status()
        return snapshot
    }

    private func resized() {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 {
            screen.resize(width: Int(size.ws_col), height: Int(size.ws_row))
        }
        render()
    }

    /// At most about 30 frames a second, however often snapshots arrive.
    private func scheduleRender() {
        guard !renderPending else { return }
        renderPending = true
        DispatchQueue.main.asyncAfter(deadline: .now() + .milliseconds(33)) { [self] in
            renderPending = false
            render()
        }
    }

    private func render() {
        guard !suspended, let snapshot = shown else { return }
        let started = DispatchTime.now().uptimeNanoseconds
        let (width, height) = screen.size
        view.pageRows = Dashboard.pageRows(width: width, height: height, focus: view.focus)
        view.helpRows = Dashboard.helpRows(height: height)
        let buffer = Dashboard.render(snapshot, view, width: width, height: height, frameMicros: lastFrameMicros)
        screen.draw(buffer)
        lastFrameMicros = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000)
    }

    private func finish(_ code: Int32, message: String? = nil) {
        TerminalGuard.beginRestore()
        risk.stop()
        driver?.stop()
        CursesScreen.restore()
        restoreStderr()
        if let message { writeError(message + "\n") }
        if let journal = driver?.journalFile {
            journal.close()
            let (blocks, commands) = journal.counts
            let note =
                journal.failure.map { $0 + "; the lines before it stand" }
                ?? "recorded \(blocks) block\(blocks == 1 ? "" : "s") and \(commands) command\(commands == 1 ? "" : "s") "
                + "to \(sanitized(journal.path))"
            writeError(note + "\n")
        }
        exit(code)
    }

    /// stderr goes to the log file while the screen is up, so stray output never garbles it.
    private func redirectStderr() {
        let file = open(options.logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard file >= 0 else { return }
        savedStderr = dup(2)
        dup2(file, 2)
        close(file)
    }

    private func restoreStderr() {
        guard savedStderr >= 0 else { return }
        dup2(savedStderr, 2)
        close(savedStderr)
        savedStderr = -1
    }
}

/// Writes to file descriptor 2 (the log while the screen is up, the terminal after).
func writeError(_ text: String) {
    var bytes = Array(text.utf8)
    _ = write(2, &bytes, bytes.count)
}
