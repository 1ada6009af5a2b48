import Dispatch
import LiqCore

/// Ticks the engine on its own serial queue from a `DispatchSourceTimer` and hands a snapshot of every
/// step to a callback on the main queue (design.md, "Time, threads and determinism"). Commands arrive
/// from any thread and run on the engine's queue, in order. The engine itself stays pure: the driver
/// owns the wall clock.
public final class EngineDriver: @unchecked Sendable {
    // Everything below is touched only on `queue`.
    private let queue = DispatchQueue(label: "liqtop.engine")
    private var engine: Engine
    private var timer: DispatchSourceTimer?
    private var owedMs = 0.0
    private var lastFire: UInt64 = 0
    /// Fires whose work did not fit in the frame: the simulation then runs slower than asked.
    public private(set) var lateFrames = 0
    private var curveAsset: Int?
    private let frameMs: Double
    private let callbackQueue: DispatchQueue
    private let onSnapshot: @Sendable (Snapshot) -> Void
    private let onError: @Sendable (Error) -> Void

    /// `hertz` timer fires a second; each fire advances simulated time by the elapsed wall time × speed.
    public init(engine: Engine, hertz: Double = 10, callbackQueue: DispatchQueue = .main,
                onSnapshot: @escaping @Sendable (Snapshot) -> Void, onError: @escaping @Sendable (Error) -> Void = { _ in }) {
        self.engine = engine
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

    public func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
        }
    }

    /// Sends a command to the engine. Pause, resume, step and speed are the driver's to carry out.
    public func send(_ command: Command) {
        queue.async { [self] in
            engine.apply(command)
            if case .step = command, engine.world.paused { advance(ticks: 1) }
            publish()
        }
    }

    /// Chooses the asset of the liquidations-versus-price curve.
    public func selectCurveAsset(_ asset: Int) {
        queue.async { [self] in
            curveAsset = asset
            publish()
        }
    }

    /// Runs `body` with the engine on its queue (for reads the snapshot does not carry).
    public func withEngine<T: Sendable>(_ body: @Sendable (Engine) -> T) -> T {
        queue.sync { body(engine) }
    }

    private func fire() {
        let now = DispatchTime.now().uptimeNanoseconds
        let elapsedMs = lastFire == 0 ? frameMs : Double(now - lastFire) / 1e6
        lastFire = now
        guard !engine.world.paused else { return }
        owedMs += min(elapsedMs, frameMs * 4) * engine.world.speed
        let ticks = Int(owedMs / Double(engine.world.tickMs))
        guard ticks > 0 else { return }
        owedMs -= Double(ticks * Int(engine.world.tickMs))
        advance(ticks: ticks)
        // Work that does not fit in a frame is not owed again: the world slows down rather than queueing.
        if Double(DispatchTime.now().uptimeNanoseconds - now) / 1e6 > frameMs {
            lateFrames += 1
            owedMs = 0
        }
        publish()
    }

    private func advance(ticks: Int) {
        do {
            for _ in 0..<ticks { try engine.step() }
        } catch {
            timer?.cancel()
            timer = nil
            let report = onError
            callbackQueue.async { report(error) }
        }
    }

    private func publish() {
        let snapshot = engine.snapshot(curveAsset: curveAsset)
        let deliver = onSnapshot
        callbackQueue.async { deliver(snapshot) }
    }
}
