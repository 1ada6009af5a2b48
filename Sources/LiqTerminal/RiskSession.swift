import Dispatch
import LiqCore
import LiqUI

/// The dashboard's side of the Risk view, on the main queue: the run (started from the world's present),
/// and the path watched instead of the live world, with the live world kept to come back to.
/// Touched only on the main queue (the driver hands worlds back there); hence unchecked.
final class RiskSession: @unchecked Sendable {
    private var job: RiskJob?
    private var liveWorld: World?
    private var watching: Int?

    /// The run as the view shows it, if there is one.
    func status() -> RiskStatus? {
        var status = job?.status()
        status?.watching = watching
        return status
    }

    func stop() { job?.stop() }

    /// Carries out what the view asked; `changed` redraws (called on the main queue as the run progresses).
    func carryOut(_ request: RiskRequest, driver: EngineDriver, changed: @escaping @Sendable () -> Void) {
        switch request {
        case .start:
            job?.stop()
            driver.withWorld { [self] world in
                job = RiskJob(world: world) { DispatchQueue.main.async { changed() } }
                changed()
            }
        case .stop: job?.stop()
        case .open(let path):
            guard let job else { return }
            let next = Engine(world: job.world(ofPath: path))
            if liveWorld == nil {
                driver.withWorld { [self] live in
                    liveWorld = live
                    driver.replace(next)
                }
            } else {
                driver.replace(next)
            }
            watching = path
        case .live:
            guard let live = liveWorld else { return }
            driver.replace(Engine(world: live))
            liveWorld = nil
            watching = nil
        }
    }
}
