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

    /// The curve for moves of `curveAssets[0]` and of the assets that track it (they move with it).
    public func summary(curveAssets: [Int], edges: [Double], shortlist: Int = 250) -> RiskSummary {
        let curveAsset = curveAssets[0]
        var accounts = Array(repeating: 0, count: edges.count + 1)
        var debt = Array(repeating: 0.0, count: edges.count + 1)
        var liquidatable = 0
        var urgent = Smallest<UrgentEntry>(shortlist)
        let liquidatableBelow = 1 + upperBand
        var uncertain: [Int] = []
        let moves = RiskSummary.curveMoves
        // Per level of `moves`, a difference: the running sum is the collateral liquidatable at that level.
        var changes = Array(repeating: 0.0, count: moves.count + 1)
        var hasShorts = false
        // Per moved asset, the USD that one percent of its price is per scaled unit of each column.
        let collateralMoves = curveAssets.filter { !collateralColumns[$0].isEmpty }
            .map { (collateralColumns[$0], prices[$0] * incomeFactors[$0]) }
        let debtMoves = curveAssets.filter { !debtColumns[$0].isEmpty }.map {
            (debtColumns[$0], prices[$0] * debtFactors[$0])
        }
        for account in 0..<count where owed[account] > 0 {
            let w = weighted[account], d = owed[account]
            let estimate = w / d
            var bin = 0
            while bin < edges.count && estimate >= edges[bin] { bin += 1 }
            accounts[bin] += 1
            debt[bin] += d
            switch Self.verdict(estimate: estimate, owedUSD: d, upperBand: upperBand) {
            case .liquidatable: liquidatable += 1
            case .askExact: uncertain.append(account)
            case .notLiquidatable: break
            }
            if estimate < liquidatableBelow {
                urgent.insert(UrgentEntry(estimate: estimate, account: account))
            }
            // Threshold-weighted collateral and debt, in USD, that move with the curve assets.
            var held = 0.0, borrowed = 0.0
            for (column, usd) in collateralMoves { held += Double(column[account]) * usd }
            for (column, usd) in debtMoves { borrowed += Double(column[account]) * usd }
            func crossed(at level: Int) -> Bool {
                let move = Double(moves[level]) / 100
                let owedAfter = d + move * borrowed
                return owedAfter > 0 && (w + move * held) / owedAfter < 1
            }
            if borrowed > 0, held == 0 { hasShorts = true }
            if borrowed == 0 {
                // With no debt in the moved assets the health factor only rises with the price: liquidatable
                // from one level down to the last, and the search starts near the closed-form crossing.
                guard held > 0 || estimate < 1 else { continue }
                var level = 0
                if held > 0 {
                    let crossing = (0.5 - (d - w) / held) * 100 / 5
                    guard crossing < Double(moves.count) else { continue }
                    level = Int(max(0, crossing - 1))
                }
                while level < moves.count && !crossed(at: level) { level += 1 }
                changes[level] += value[account]
            } else {
                for level in moves.indices where crossed(at: level) {
                    changes[level] += value[account]
                    changes[level + 1] -= value[account]
                }
            }
        }
        var curve: [(Int, Double)] = []
        var running = 0.0
        for level in moves.indices {
            running += changes[level]
            curve.append((moves[level], max(0, running)))
        }
        var summary = RiskSummary(
            version: version, curveAsset: curveAsset, bucketAccounts: accounts, bucketDebtUSD: debt,
            liquidatableCount: liquidatable, uncertain: uncertain,
            mostUrgent: urgent.sorted.map { ($0.account, $0.estimate) }, curve: curve,
            collateralTokens: (0..<assets).map(totalCollateralTokens(asset:)))
        summary.hasShorts = hasShorts
        return summary
    }
}

/// An account by its estimate, ties by account: the order of "most urgent".
struct UrgentEntry: Comparable {
    var estimate: Double
    var account: Int
    static func < (a: UrgentEntry, b: UrgentEntry) -> Bool { (a.estimate, a.account) < (b.estimate, b.account) }
}
