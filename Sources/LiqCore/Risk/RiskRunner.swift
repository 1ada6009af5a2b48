import Crypto
import Dispatch

/// Runs the paths of a Monte Carlo over the machine's cores. Each path copies the base world and runs alone,
/// so the outcomes do not depend on the number of workers, the order they finish in, or the shard.
public enum RiskRunner {
    /// SHA-256 of `text`, hex: names a scenario file's text in a run's files, so that shards of different
    /// scenarios are never merged (the swept values are in the files beside it).
    public static func digest(_ text: String) -> String {
        hexadecimal(SHA256.hash(data: Array(text.utf8)))
    }

    /// Why a run stopped before its last path.
    public enum Stop: Error, Sendable {
        case cancelled
    }

    /// Runs `paths` of the run seeded `seed` from `base`'s present, `workers` at a time. `progress` hears of
    /// every finished path (from any worker); `cancelled` is asked between paths and stops the run.
    public static func run(
        base: World, seed: UInt64, paths: Range<Int>, horizonMs: Int64, workers: Int,
        progress: @escaping @Sendable (PathOutcome) -> Void = { _ in },
        cancelled: @escaping @Sendable () -> Bool = { false }
    ) throws -> [PathOutcome] {
        let count = max(1, min(workers, paths.count))
        // One result box per worker: each thread writes only its own. A failed path stops the paths after it
        // (the ones before it still run), so the failure reported is the lowest path's, whatever the timing.
        final class Part: @unchecked Sendable {
            var outcomes: [PathOutcome] = []
            var failure: (path: Int, error: Error)?
            var cancelled = false
        }
        final class FirstFailure: @unchecked Sendable {
            private let queue = DispatchQueue(label: "liqtop.risk.failed")
            private var path = Int.max
            func allows(_ index: Int) -> Bool { queue.sync { index < path } }
            func record(_ index: Int) { queue.sync { path = min(path, index) } }
        }
        let parts = (0..<count).map { _ in Part() }
        let firstFailure = FirstFailure()
        DispatchQueue.concurrentPerform(iterations: count) { worker in
            for index in stride(from: paths.lowerBound + worker, to: paths.upperBound, by: count) {
                if !firstFailure.allows(index) { return }
                if cancelled() {
                    parts[worker].cancelled = true
                    return
                }
                do {
                    let outcome = try base.runPath(index, seed: seed, horizonMs: horizonMs)
                    parts[worker].outcomes.append(outcome)
                    progress(outcome)
                } catch {
                    parts[worker].failure = (index, error)
                    firstFailure.record(index)
                    return
                }
            }
        }
        if let failure = parts.compactMap(\.failure).min(by: { $0.path < $1.path }) { throw failure.error }
        if parts.contains(where: \.cancelled) { throw Stop.cancelled }
        return parts.flatMap(\.outcomes).sorted { $0.path < $1.path }
    }
}
