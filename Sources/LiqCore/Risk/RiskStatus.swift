/// A Monte Carlo run as the dashboard's Risk view shows it while it runs and after: how far it is, the
/// report over the paths finished so far, and the histogram of their bad debt.
public struct RiskStatus: Sendable {
    public enum State: Sendable, Equatable {
        case running, finished, stopped
        case failed(String)
    }

    public var paths: Int
    public var horizonMs: Int64
    public var fast: Bool
    /// The simulated moment the paths start from.
    public var fromMs: Int64
    public var state: State
    /// Paths finished, and the wall time taken so far.
    public var done: Int
    public var elapsedSeconds: Double
    /// Over the finished paths.
    public var report: RiskReport
    /// The finished paths' bad debt, in path order.
    public var badDebts: [Double]
    /// The path on the dashboard instead of the live world, if one is.
    public var watching: Int?
    /// That path came from an earlier run than this one (a run started while watching it).
    public var watchingEarlierRun = false
    /// The same paths from the same moment with the open proposals executed first, when asked (`e`).
    public var comparison: Comparison?

    public struct Comparison: Sendable {
        /// What differs, in words ("proposal #1 executed now").
        public var label: String
        public var done: Int
        public var report: RiskReport

        public init(label: String, outcomes: [PathOutcome]) {
            self.label = label
            done = outcomes.count
            report = RiskReport(outcomes)
        }
    }

    public init(
        paths: Int, horizonMs: Int64, fast: Bool, fromMs: Int64, state: State, outcomes: [PathOutcome],
        elapsedSeconds: Double
    ) {
        self.paths = paths
        self.horizonMs = horizonMs
        self.fast = fast
        self.fromMs = fromMs
        self.state = state
        done = outcomes.count
        self.elapsedSeconds = elapsedSeconds
        report = RiskReport(outcomes)
        badDebts = outcomes.sorted { $0.path < $1.path }.map(\.badDebtUSD)
    }

    /// The finished paths' bad debt in `bins` bins.
    public func histogram(bins: Int) -> RiskHistogram { RiskHistogram(badDebts, bins: bins) }

    public var pathsPerSecond: Double { elapsedSeconds > 0 ? Double(done) / elapsedSeconds : 0 }
}

/// Bad debt across paths in equal-width bins from the smallest figure to the largest (one bin when every
/// path came to the same figure).
public struct RiskHistogram: Sendable, Equatable {
    /// Bin i holds the figures from `edges[i]` (inclusive) to `edges[i + 1]` (exclusive; the last bin includes
    /// its upper edge).
    public var edges: [Double]
    public var counts: [Int]

    public init(_ values: [Double], bins: Int = 12) {
        guard let low = values.min(), let high = values.max() else {
            edges = []
            counts = []
            return
        }
        guard high > low, bins > 1 else {
            edges = [low, high]
            counts = [values.count]
            return
        }
        let width = (high - low) / Double(bins)
        edges = (0...bins).map { low + Double($0) * width }
        edges[bins] = high
        counts = Array(repeating: 0, count: bins)
        for value in values { counts[bin(of: value)] += 1 }
    }

    /// The bin `value` falls in (clamped to the ends).
    public func bin(of value: Double) -> Int {
        guard counts.count > 1, let low = edges.first, let high = edges.last, high > low else { return 0 }
        let index = Int((value - low) / (high - low) * Double(counts.count))
        return max(0, min(counts.count - 1, index))
    }
}
