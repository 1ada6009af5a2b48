import Dispatch
import LiqCore
import LiqUI

/// The dashboard's side of the Risk view, on the main queue: the run (started from the world's present),
/// and the path watched instead of the live world, with the live world kept to come back to.
/// Touched only on the main queue (the driver hands worlds back there); hence unchecked.
final class RiskSession: @unchecked Sendable {
    private var job: RiskJob?
    private var liveWorld: World?
    private var savingLive = false
    private var watching: Int?
    /// The path watched came from a run before the one shown.
    private var watchingEarlierRun = false
    /// Counts the runs asked for: only the latest one starts.
    private var generation = 0

    /// The run as the view shows it, if there is one.
    func status() -> RiskStatus? {
        var status = job?.status()
        status?.watching = watching
        status?.watchingEarlierRun = watchingEarlierRun
        return status
    }

    func stop() { job?.stop() }

    /// Carries out what the view asked; `changed` redraws (called on the main queue as the run progresses).
    func carryOut(_ request: RiskRequest, driver: EngineDriver, changed: @escaping @Sendable () -> Void) {
        switch request {
        case .start, .compare:
            // The world arrives from the engine's queue later: a second r before then replaces this request,
            // and whatever run is going stops when the new one starts, so no run is left behind.
            generation += 1
            let asked = generation
            driver.withWorld { [self] world in
                guard asked == generation else { return }
                job?.stop()
                job = RiskJob(world: world, compare: request == .compare) { DispatchQueue.main.async { changed() } }
                watchingEarlierRun = watching != nil
                changed()
            }
        case .stop: job?.stop()
        case .open(let path):
            guard let job else { return }
            watching = path
            watchingEarlierRun = false
            let next = Engine(world: job.world(ofPath: path))
            guard liveWorld == nil else {
                driver.replace(next)
                return
            }
            // The live world is kept as the engine has it before the first path replaces it; a path opened
            // meanwhile replaces it after, in the order asked.
            if !savingLive {
                savingLive = true
                driver.withWorld { [self] live in
                    liveWorld = live
                    savingLive = false
                }
            }
            driver.replace(next)
        case .live:
            guard let live = liveWorld else { return }
            driver.replace(Engine(world: live), live: true)
            liveWorld = nil
            watching = nil
            watchingEarlierRun = false
        }
    }
}
