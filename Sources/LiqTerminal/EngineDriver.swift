import Dispatch
import LiqCore
import LiqUI

/// Ticks the engine on its own serial queue from a `DispatchSourceTimer` and hands a snapshot of every
/// step to a callback on the main queue. Commands and snapshot requests arrive from any thread and run on
/// the engine's queue, in order; the snapshot (a shock preview's exact scan included) is built there, never
/// on the main queue. The engine stays pure: the driver owns the wall clock and playback (pause, speed,
/// one step), which are not the world's.
public final class EngineDriver: @unchecked Sendable {
    // Everything below is touched only on `queue`.
    private let queue = DispatchQueue(label: "liqtop.engine")
    private var engine: Engine
    private var timer: DispatchSourceTimer?
    private var owedMs = 0.0
    private var lastFire: UInt64 = 0
    private var request = SnapshotRequest()
    private var paused = false
    private var speed = 1.0
    private let frameMs: Double
    /// Wall time and simulated time of recent fires, for the speed actually achieved.
    private var pace: [(wallMs: Double, simulatedMs: Double, behind: Bool)] = []
    /// Share of a frame the engine may spend on ticks, so that keys and commands are answered within it.
    private let tickBudget: Double
    private let callbackQueue: DispatchQueue
    private let onSnapshot: @Sendable (Snapshot) -> Void
    private let onError: @Sendable (Error) -> Void
    /// The journal `--record` writes, and whether the engine plays the recorded world (not a risk path).
    private var journal: JournalFile?
    private var recording = true
    /// `liqtop replay`: the recording, the next of its lines to apply, and the tick branched from.
    private let replay: JournalReplay?
    private var replayNext = 0
    private var branchedAt: Int?
    private let branchJournal: BranchJournal?

    /// `hertz` timer fires a second; each fire advances simulated time by the elapsed wall time × speed.
    /// `tickBudget` is the share of each frame the ticks may take (the rest answers keys and draws).
    public init(
        engine: Engine, hertz: Double = 10, tickBudget: Double = 0.6, callbackQueue: DispatchQueue = .main,
        journal: JournalFile? = nil, replay: JournalReplay? = nil, branchJournal: BranchJournal? = nil,
        onSnapshot: @escaping @Sendable (Snapshot) -> Void, onError: @escaping @Sendable (Error) -> Void = { _ in }
    ) {
        self.engine = engine
        self.journal = journal
        self.replay = replay
        self.branchJournal = branchJournal
        if let replay {
            replayNext = replay.entry(after: engine.world.ticks)
            paused = true
        }
        self.tickBudget = tickBudget
        frameMs = 1_000 / hertz
        self.callbackQueue = callbackQueue
        self.onSnapshot = onSnapshot
        self.onError = onError
    }

    public func start() {
        queue.async { [self] in
            guard timer == nil else { return }
            let source = DispatchSource.makeTimerSource(queue: queue)
            source.schedule(deadline: .now(), repeating: .milliseconds(Int(frameMs)), leeway: .milliseconds(5))
            source.setEventHandler { [weak self] in self?.fire() }
            timer = source
            source.resume()
        }
    }

    /// The journal being written (`--record`, or a replay's branch), if any.
    public var journalFile: JournalFile? { queue.sync { journal } }

    public func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
        }
    }

    /// Sends a command to the world.
    public func send(_ command: Command) {
        queue.async { [self] in
            // A recording plays as it was: nothing changes it until it branches.
            guard replay == nil || branchedAt != nil else { return }
            engine.apply(command)
            if recording { journal?.command(command, world: engine.world) }
            publish()
        }
    }

    /// Pause, resume, one step while paused, or a new speed.
    public func play(_ playback: Playback) {
        queue.async { [self] in
            switch playback {
            case .pause: paused = true
            case .resume: paused = false
            case .step: if paused { advance(ticks: 1) }
            case .setSpeed(let value): speed = max(0.1, min(value, 1_000))
            }
            if playback != .step { pace.removeAll() } // a new pace to measure
            publish()
        }
    }

    /// Hands a copy of the world, as it is now, to `body` on the main queue (for a Monte Carlo from it).
    public func withWorld(_ body: @escaping @Sendable (World) -> Void) {
        queue.async { [self] in
            let world = engine.world
            callbackQueue.async { body(world) }
        }
    }

    /// Plays another engine from now on (a Monte Carlo path to watch); playback stays as it was. `live` says
    /// it is the recorded world again (back from a path): a journal records only that one.
    public func replace(_ next: Engine, live: Bool = false) {
        queue.async { [self] in
            engine = next
            recording = live
            owedMs = 0
            pace.removeAll()
            publish()
        }
    }

    /// What the next snapshots carry (curve, nodes, pending window, shock preview).
    public func request(_ request: SnapshotRequest) {
        queue.async { [self] in
            self.request = request
            publish()
        }
    }

    private func fire() {
        let now = DispatchTime.now().uptimeNanoseconds
        let elapsedMs = lastFire == 0 ? frameMs : Double(now - lastFire) / 1e6
        lastFire = now
        guard !paused else { return }
        owedMs += min(elapsedMs, frameMs * 4) * speed
        let ticks = Int(owedMs / Double(engine.world.tickMs))
        var ran = 0
        if ticks > 0 {
            owedMs -= Double(ticks * Int(engine.world.tickMs))
            ran = advance(ticks: ticks, deadline: now + UInt64(frameMs * tickBudget * 1e6))
        }
        // Ticks that did not fit in the budget are not owed again: every tick runs in full, and the world
        // runs slower (the header shows the speed achieved) rather than queueing work it cannot do.
        let behind = ran < ticks || elapsedMs > frameMs * 4 // or the previous fire overran: time was dropped
        if behind { owedMs = 0 }
        pace.append((elapsedMs, Double(ran) * Double(engine.world.tickMs), behind))
        if pace.count > Int(3_000 / frameMs) { pace.removeFirst(pace.count - Int(3_000 / frameMs)) }
        publish()
    }

    /// The speed achieved over the last three seconds, when some fire in them fell behind and it is under 90 %
    /// of the asked speed; nil otherwise.
    private var achievedSpeed: Double? {
        guard !paused, pace.contains(where: \.behind) else { return nil }
        let wall = pace.reduce(0) { $0 + $1.wallMs }, simulated = pace.reduce(0) { $0 + $1.simulatedMs }
        guard wall > 0, simulated / wall < speed * 0.9 else { return nil }
        return simulated / wall
    }

    /// Runs up to `ticks` ticks, stopping early once `deadline` (uptime nanoseconds) has passed; returns how many ran.
    @discardableResult
    private func advance(ticks: Int, deadline: UInt64 = .max) -> Int {
        var ran = 0
        do {
            while ran < ticks {
                if let replay, branchedAt == nil, recording {
                    // A recording plays to its end and stops there.
                    guard engine.world.ticks < replay.endTick else {
                        paused = true
                        break
                    }
                    try engine.step()
                    replayNext = replay.apply(at: engine.world.ticks, from: replayNext, to: &engine)
                    ran += 1
                    if DispatchTime.now().uptimeNanoseconds > deadline { break }
                    continue
                }
                try engine.step()
                if recording { journal?.step(engine.world) }
                ran += 1
                if DispatchTime.now().uptimeNanoseconds > deadline { break }
            }
        } catch {
            timer?.cancel()
            timer = nil
            pace.removeAll()
            let report = onError
            callbackQueue.async { report(error) }
        }
        return ran
    }

    /// Moves through the recording, or branches from the moment shown.
    public func move(_ move: ReplayMove) {
        queue.async { [self] in
            // Not while a risk path is on screen (l comes back first).
            guard let replay, branchedAt == nil, recording else { return }
            let now = engine.world.ticks
            let ticksPerMinute = Int(60_000 / max(1, engine.world.tickMs))
            let target: Int
            switch move {
            case .blockForward: target = replay.blockTicks.first { $0 > now } ?? replay.endTick
            case .blockBack: target = replay.blockTicks.last { $0 < now } ?? replay.startTick
            case .minuteForward: target = now + ticksPerMinute
            case .minuteBack: target = now - ticksPerMinute
            case .start: target = replay.startTick
            case .end: target = replay.endTick
            case .to(let tick): target = tick
            case .branch:
                branch(replay)
                publish()
                return
            }
            let clamped = max(replay.startTick, min(target, replay.endTick))
            // Forward within the interval: run on from here; otherwise from the checkpoint before.
            if clamped >= now, clamped - now <= replay.interval {
                while engine.world.ticks < clamped {
                    _ = try? engine.step()
                    replayNext = replay.apply(at: engine.world.ticks, from: replayNext, to: &engine)
                }
            } else {
                engine = replay.engine(at: clamped)
                replayNext = replay.entry(after: clamped)
            }
            owedMs = 0
            publish()
        }
    }

    /// The world goes live from the moment shown; with `--record`, a journal of the branch starts, its
    /// header naming the parent journal and its chain at the branch point.
    private func branch(_ replay: JournalReplay) {
        let tick = engine.world.ticks
        branchedAt = tick
        guard let branchJournal else { return }
        var header = replay.header
        let point = replay.branchPoint(at: tick)
        header.parent = .init(file: branchJournal.parentFile, line: point.line, chain: point.chain, tick: tick)
        header.liqtop = branchJournal.version
        do {
            journal = try JournalFile(
                path: branchJournal.path, force: branchJournal.force, header: header, world: engine.world)
            recording = true
        } catch {
            branchFailure = error.message
        }
    }

    private var branchFailure: String?

    private func publish() {
        var snapshot = engine.snapshot(request)
        if let replay {
            snapshot.replay = Snapshot.ReplayStatus(
                tick: engine.world.ticks, endTick: replay.endTick, branchedAt: branchedAt)
        }
        if let branchFailure { snapshot.recording = .failed(branchFailure) }
        snapshot.paused = paused
        snapshot.speed = speed
        snapshot.achievedSpeed = achievedSpeed
        if let journal {
            snapshot.recording = journal.failure.map { .failed($0) } ?? (recording ? .on(journal.path) : .paused)
        }
        let deliver = onSnapshot, published = snapshot
        callbackQueue.async { deliver(published) }
    }
}

/// `liqtop replay --record FILE`: where a branch's journal goes, and how its header names the parent.
public struct BranchJournal: Sendable {
    public var path: String
    public var force: Bool
    /// The parent journal as the branch's header names it (relative to the branch's directory when beside it).
    public var parentFile: String
    public var version: String
    public init(path: String, force: Bool, parentFile: String, version: String) {
        self.path = path
        self.force = force
        self.parentFile = parentFile
        self.version = version
    }
}
