import Dispatch
import Glibc
import LiqCore

/// The dashboard's Monte Carlo: paths of a copy of the world, run beside the engine on a background queue
/// with one core left to the engine and the screen. The screen reads `status()` at every frame; the paths
/// finished so far make the report, so the view fills in as the run goes.
final class RiskJob: @unchecked Sendable {
    static let paths = 200
    static let horizonMs: Int64 = 24 * 3_600_000

    let base: World
    /// The comparison's world (the open proposals executed now) and what it changes, if one was asked for:
    /// its paths run after the base run's, with the same seeds.
    let variant: (world: World, label: String)?
    let seed: UInt64
    let fast = true
    // Touched only on `state`.
    private let state = DispatchQueue(label: "liqtop.risk.state")
    private var outcomes: [PathOutcome] = []
    private var variantOutcomes: [PathOutcome] = []
    private var stopped = false
    private var ending: RiskStatus.State?
    private var finishedAfter: Double?
    private let started = DispatchTime.now().uptimeNanoseconds

    /// Starts at once; `progress` hears of every finished path (from a worker thread).
    init(world: World, compare: Bool = false, progress: @escaping @Sendable () -> Void) {
        var base = world
        base.useFastPaths()
        self.base = base
        seed = world.seed
        variant = compare ? Self.variant(of: base) : nil
        let workers = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)) - 1)
        DispatchQueue.global(qos: .utility).async { [self] in
            let result: RiskStatus.State
            do {
                _ = try RiskRunner.run(
                    base: self.base, seed: seed, paths: 0..<Self.paths, horizonMs: Self.horizonMs, workers: workers,
                    progress: { [self] outcome in
                        state.sync { outcomes.append(outcome) }
                        progress()
                    },
                    cancelled: { [self] in state.sync { stopped } })
                if let variant {
                    _ = try RiskRunner.run(
                        base: variant.world, seed: seed, paths: 0..<Self.paths, horizonMs: Self.horizonMs,
                        workers: workers,
                        progress: { [self] outcome in
                            state.sync { variantOutcomes.append(outcome) }
                            progress()
                        },
                        cancelled: { [self] in state.sync { stopped } })
                }
                result = .finished
            } catch RiskRunner.Stop.cancelled {
                result = .stopped
            } catch {
                result = .failed("\(error)")
            }
            state.sync {
                ending = result
                finishedAfter = elapsed
            }
            progress()
        }
    }

    func stop() { state.sync { stopped = true } }

    /// The world with its open proposals executed now, and their numbers in words.
    static func variant(of world: World) -> (world: World, label: String)? {
        guard let changed = world.executingOpenProposals() else { return nil }
        let numbers = world.proposals.filter { [.pending, .voting, .queued].contains($0.state) }.map { "#\($0.id)" }
        return (changed, "proposal\(numbers.count == 1 ? "" : "s") \(numbers.joined(separator: ", ")) executed now")
    }

    private var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }

    func status() -> RiskStatus {
        state.sync {
            var status = RiskStatus(
                paths: Self.paths, horizonMs: Self.horizonMs, fast: fast, fromMs: base.nowMs,
                state: ending ?? (stopped ? .stopped : .running), outcomes: outcomes,
                elapsedSeconds: finishedAfter ?? elapsed)
            status.comparison = variant.map { RiskStatus.Comparison(label: $0.label, outcomes: variantOutcomes) }
            return status
        }
    }

    /// Path `index` of this run, as a world to watch, named on screen.
    func world(ofPath index: Int) -> World {
        base.path(
            seed: World.pathSeed(seed, path: index), horizonMs: Self.horizonMs,
            name: "\(base.scenarioName) · path \(index)"
        ).world
    }
}
