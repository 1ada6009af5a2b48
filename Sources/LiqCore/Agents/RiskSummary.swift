import Dispatch

/// What the dashboard shows about all the accounts at once, from one pass over the risk index at the
/// oracle prices: the health-factor histogram, how many look liquidatable (and the most urgent of them,
/// for exact quotes), collateral that a fall of one asset puts up for liquidation, and collateral per
/// asset. It is recomputed only when the index changes (`version`), so a still world costs nothing.
public struct RiskSummary: Sendable {
    public var version: Int
    public var curveAsset: Int
    /// Accounts with debt and their debt (USD) per histogram bin, by `edges`.
    public var bucketAccounts: [Int]
    public var bucketDebtUSD: [Double]
    /// Accounts liquidatable: those the estimate settles, plus those of `uncertain` the exact arithmetic
    /// confirms (the world adds them). The lowest estimates under 1 + the band, for exact quotes.
    public var liquidatableCount: Int
    /// Accounts the estimate cannot settle: within the band around 1, or with under $1 of debt.
    public var uncertain: [Int]
    /// Those of `uncertain` that are liquidatable (filled by the world, which has the exact arithmetic).
    public var confirmed: [Int] = []
    public var mostUrgent: [(account: Int, estimate: Double)]
    /// Collateral (USD at today's prices) of the accounts liquidatable after each move of the curve asset,
    /// from the highest price to the lowest (`curveMoves`).
    public var curve: [(movePercent: Int, collateralUSD: Double)]
    /// Some account owes the curve's assets without holding them (a short): a rise can liquidate it.
    public var hasShorts = false
    /// Collateral (where it counts) per asset, in tokens.
    public var collateralTokens: [Double]

    /// The curve's moves of the price, in per cent: a rise liquidates whoever owes the asset (shorts), a fall
    /// whoever holds it; from +50 % down to −50 %.
    public static let curveMoves = Array(stride(from: 50, through: -50, by: -5))
}

extension RiskIndex {
    /// The summary at the reference prices; `edges` are the histogram's upper bounds (the last bin is open).
    public func summary(curveAsset: Int, edges: [Double], shortlist: Int = 250) -> RiskSummary {
        summary(curveAssets: [curveAsset], edges: edges, shortlist: shortlist)
    }

    /// The curve for moves of `curveAssets[0]` and of the assets that track it (they move with it). A large
    /// index is summed in two halves, one per core (`SummaryTally`), merged in account order.
    public func summary(curveAssets: [Int], edges: [Double], shortlist: Int = 250) -> RiskSummary {
        summary(curveAssets: curveAssets, edges: edges, shortlist: shortlist, parts: count >= 1 << 16 ? 2 : 1)
    }

    /// `parts` contiguous ranges of accounts, each tallied on its own thread; the counts, lists and most
    /// urgent are the same for any split, and the USD sums differ only in the order they are added.
    func summary(curveAssets: [Int], edges: [Double], shortlist: Int, parts: Int) -> RiskSummary {
        final class Part: @unchecked Sendable { var tally: SummaryTally? }
        let results = (0..<max(1, parts)).map { _ in Part() }
        let index = self
        DispatchQueue.concurrentPerform(iterations: results.count) { part in
            let range = index.count * part / results.count..<index.count * (part + 1) / results.count
            results[part].tally = SummaryTally(
                index, accounts: range, curveAssets: curveAssets, edges: edges, shortlist: shortlist)
        }
        var tally = results[0].tally!
        for part in results.dropFirst() { tally.append(part.tally!) }
        let moves = RiskSummary.curveMoves
        var curve: [(Int, Double)] = []
        var running = 0.0
        for level in moves.indices {
            running += tally.changes[level]
            curve.append((moves[level], max(0, running)))
        }
        var summary = RiskSummary(
            version: version, curveAsset: curveAssets[0], bucketAccounts: tally.accounts,
            bucketDebtUSD: tally.debt, liquidatableCount: tally.liquidatable, uncertain: tally.uncertain,
            mostUrgent: tally.urgent.sorted.map { ($0.account, $0.estimate) }, curve: curve,
            collateralTokens: zip(tally.collateralTokens, incomeFactors).map { $0 * $1 })
        summary.hasShorts = tally.hasShorts
        return summary
    }
}

/// An account by its estimate, ties by account: the order of "most urgent".
struct UrgentEntry: Comparable {
    var estimate: Double
    var account: Int
    static func < (a: UrgentEntry, b: UrgentEntry) -> Bool { (a.estimate, a.account) < (b.estimate, b.account) }
}
