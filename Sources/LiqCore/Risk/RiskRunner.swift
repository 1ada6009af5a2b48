import Crypto
import Dispatch

/// Runs the paths of a Monte Carlo over the machine's cores. Each path copies the base world and runs alone,
/// so the outcomes do not depend on the number of workers, the order they finish in, or the shard.
public enum RiskRunner {
    /// SHA-256 of `text`, hex: names a scenario (with its overrides) in a run's files, so that shards of
    /// different scenarios are never merged.
    public static func digest(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map {
            String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16)
        }.joined()
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
        // One result box per worker: each thread writes only its own.
        final class Part: @unchecked Sendable {
            var outcomes: [PathOutcome] = []
            var failure: Error?
        }
        let parts = (0..<count).map { _ in Part() }
        DispatchQueue.concurrentPerform(iterations: count) { worker in
            for index in stride(from: paths.lowerBound + worker, to: paths.upperBound, by: count) {
                if cancelled() {
                    parts[worker].failure = Stop.cancelled
                    return
                }
                do {
                    let outcome = try base.runPath(index, seed: seed, horizonMs: horizonMs)
                    parts[worker].outcomes.append(outcome)
                    progress(outcome)
                } catch {
                    parts[worker].failure = error
                    return
                }
            }
        }
        if let failure = parts.compactMap(\.failure).first { throw failure }
        return parts.flatMap(\.outcomes).sorted { $0.path < $1.path }
    }
}
