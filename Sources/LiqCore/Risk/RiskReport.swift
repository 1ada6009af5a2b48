/// The distribution of bad debt over a run's paths, as risk teams report it: mean, median, VaR 95 (the
/// 95th percentile), EVaR 99 (the 99th), CVaR 95 (the mean of the worst 5 %), how often there is any bad
/// debt; the same split by paths with and without faults; and the worst paths.
///
/// Percentiles are nearest-rank everywhere: the p-th percentile of n values sorted ascending is the value
/// at rank ⌈p/100 × n⌉ (1-based), so it is always one of the paths' own figures.
public struct RiskReport: Sendable, Equatable {
    public struct Split: Sendable, Equatable {
        public var paths: Int
        public var meanBadDebtUSD: Double
        public var var95USD: Double
    }

    public var paths: Int
    public var meanBadDebtUSD: Double
    public var p50BadDebtUSD: Double
    public var var95USD: Double
    public var evar99USD: Double
    public var cvar95USD: Double
    /// Share of paths with more than $1 of bad debt.
    public var pAnyBadDebt: Double
    public var liquidationsMean: Double
    public var liquidatedDebtUSDp95: Double
    public var maxOracleStalenessSp95: Double
    /// Share of paths in which finality stalled for at least an epoch.
    public var finalityStallShare: Double
    public var withFaults: Split
    public var withoutFaults: Split
    /// The five worst paths, worst first (ties: the lower path index first).
    public var worst: [PathOutcome]

    /// The report of `outcomes` (any order: they are sorted by path first, so shards merge to the same bytes).
    public init(_ outcomes: [PathOutcome]) {
        let all = outcomes.sorted { $0.path < $1.path }
        let debts = all.map(\.badDebtUSD)
        paths = all.count
        meanBadDebtUSD = Self.mean(debts)
        p50BadDebtUSD = Self.percentile(debts, 50)
        var95USD = Self.percentile(debts, 95)
        evar99USD = Self.percentile(debts, 99)
        let tail = debts.sorted(by: >).prefix(max(1, (debts.count * 5 + 99) / 100))
        cvar95USD = debts.isEmpty ? 0 : Self.mean(Array(tail))
        pAnyBadDebt = debts.isEmpty ? 0 : Double(debts.filter { $0 > 1 }.count) / Double(debts.count)
        liquidationsMean = Self.mean(all.map { Double($0.liquidations) })
        liquidatedDebtUSDp95 = Self.percentile(all.map(\.liquidatedDebtUSD), 95)
        maxOracleStalenessSp95 = Self.percentile(all.map { Double($0.maxOracleStalenessS) }, 95)
        finalityStallShare = all.isEmpty ? 0 : Double(all.filter(\.finalityStalled).count) / Double(all.count)
        func split(_ subset: [PathOutcome]) -> Split {
            let values = subset.map(\.badDebtUSD)
            return Split(paths: subset.count, meanBadDebtUSD: Self.mean(values), var95USD: Self.percentile(values, 95))
        }
        withFaults = split(all.filter { !$0.faults.isEmpty })
        withoutFaults = split(all.filter { $0.faults.isEmpty })
        worst = Array(all.sorted { ($0.badDebtUSD, -$0.path) > ($1.badDebtUSD, -$1.path) }.prefix(5))
    }

    /// Nearest rank: the value at rank ⌈p/100 × n⌉ of the values sorted ascending; 0 for none.
    public static func percentile(_ values: [Double], _ p: Int) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = max(1, (p * sorted.count + 99) / 100)
        return sorted[min(rank, sorted.count) - 1]
    }

    /// The mean, summed in path order (the same sum for any split of the work).
    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }
}
