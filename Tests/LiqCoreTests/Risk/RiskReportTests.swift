import Testing

@testable import LiqCore

/// The summary's statistics, checked by hand on small sets.
@Suite struct RiskReportTests {
    static func outcome(_ path: Int, _ debt: Double, faults: Int = 0, stalled: Bool = false) -> PathOutcome {
        PathOutcome(
            path: path, seed: UInt64(path), realisedBadDebtUSD: debt, unrealisedBadDebtUSD: 0, liquidations: path,
            liquidatedDebtUSD: 0, maxOracleStalenessS: 0, finalityStalled: stalled,
            faults: (0..<faults).map { _ in PathOutcome.Fault(kind: "node_crash", target: "n", startS: 0, durationS: 60)
            },
            moves: [])
    }

    /// Nearest rank: the value at rank ⌈p/100 · n⌉.
    @Test func percentilesAreNearestRank() {
        let twenty = (1...20).map(Double.init)
        #expect(RiskReport.percentile(twenty, 95) == 19) // ⌈19⌉ = 19
        #expect(RiskReport.percentile(twenty, 99) == 20) // ⌈19.8⌉ = 20
        #expect(RiskReport.percentile(twenty, 50) == 10) // ⌈10⌉ = 10
        #expect(RiskReport.percentile((1...10).map(Double.init), 95) == 10) // ⌈9.5⌉ = 10
        #expect(RiskReport.percentile([7], 1) == 7)
        #expect(RiskReport.percentile([], 95) == 0)
        // Order of the input does not matter.
        #expect(RiskReport.percentile(twenty.reversed(), 95) == 19)
    }

    @Test func summaryOfAHundredPaths() {
        // Paths 0…99 with bad debt 1…100, the odd ones with a fault, and finality stalled in path 3 alone.
        let outcomes = (0..<100).map { Self.outcome($0, Double($0 + 1), faults: $0 % 2, stalled: $0 == 3) }
        let report = RiskReport(outcomes.shuffled())
        #expect(report.paths == 100)
        #expect(report.meanBadDebtUSD == 50.5)
        #expect(report.p50BadDebtUSD == 50)
        #expect(report.var95USD == 95)
        #expect(report.evar99USD == 99)
        #expect(report.cvar95USD == 98) // mean of 96…100
        #expect(report.pAnyBadDebt == 0.99) // every path above $1 but the first, which is exactly $1
        #expect(report.finalityStallShare == 0.01)
        #expect(report.liquidationsMean == 49.5)
        // Odd paths (bad debt 2, 4, …, 100) drew a fault; even ones (1, 3, …, 99) did not.
        #expect(report.withFaults.paths == 50 && report.withFaults.meanBadDebtUSD == 51)
        #expect(report.withoutFaults.paths == 50 && report.withoutFaults.meanBadDebtUSD == 50)
        #expect(report.withFaults.var95USD == 96) // rank ⌈47.5⌉ = 48 of 2, 4, …: 96
        #expect(report.worst.map(\.path) == [99, 98, 97, 96, 95])
    }

    @Test func anyBadDebtMeansMoreThanOneDollar() {
        let report = RiskReport([Self.outcome(0, 0), Self.outcome(1, 1), Self.outcome(2, 1.01), Self.outcome(3, 500)])
        #expect(report.pAnyBadDebt == 0.5)
        #expect(RiskReport([]).paths == 0 && RiskReport([]).var95USD == 0)
    }

    /// Figures are kept in cents, so that what a shard writes with two decimals reads back the same.
    @Test func outcomesAreInCents() {
        let outcome = PathOutcome(
            path: 0, seed: 0, realisedBadDebtUSD: 1.234_9, unrealisedBadDebtUSD: 0.005, liquidations: 0,
            liquidatedDebtUSD: .nan, maxOracleStalenessS: 0, finalityStalled: false, faults: [],
            moves: [.init(asset: "WETH", percent: -12.345_6)])
        #expect(outcome.realisedBadDebtUSD == 1.23)
        #expect(outcome.unrealisedBadDebtUSD == 0.01)
        #expect(outcome.liquidatedDebtUSD == 0)
        #expect(outcome.moves[0].percent == -12.35)
    }
}

/// The Risk view's histogram: equal-width bins from the least to the most bad debt.
@Suite struct RiskHistogramTests {
    @Test func binsSpanTheValues() {
        let histogram = RiskHistogram(stride(from: 0.0, through: 100, by: 10).map { $0 }, bins: 10)
        #expect(histogram.edges.first == 0 && histogram.edges.last == 100 && histogram.edges.count == 11)
        // 0…90 one each; 100 is the last bin's upper edge, included.
        #expect(histogram.counts == [1, 1, 1, 1, 1, 1, 1, 1, 1, 2])
        #expect(histogram.bin(of: -5) == 0 && histogram.bin(of: 1e9) == 9 && histogram.bin(of: 55) == 5)
    }

    @Test func oneValueOneBinNoneNoBins() {
        #expect(RiskHistogram([339, 339, 339]).counts == [3])
        #expect(RiskHistogram([339, 339]).edges == [339, 339])
        #expect(RiskHistogram([]).counts.isEmpty)
    }
}
