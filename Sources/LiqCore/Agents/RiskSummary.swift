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
    /// Collateral (USD at today's prices) of the accounts liquidatable after each drop of the curve asset.
    public var curve: [(dropPercent: Int, collateralUSD: Double)]
    /// Collateral (where it counts) per asset, in tokens.
    public var collateralTokens: [Double]

    public static let curveDrops = Array(stride(from: 0, through: 50, by: 5))
}

extension RiskIndex {
    /// The summary at the reference prices; `edges` are the histogram's upper bounds (the last bin is open).
    public func summary(curveAsset: Int, edges: [Double], shortlist: Int = 250) -> RiskSummary {
        summary(curveAssets: [curveAsset], edges: edges, shortlist: shortlist)
    }

    /// The curve for a fall of `curveAssets[0]` and of the assets that track it (they fall with it).
    public func summary(curveAssets: [Int], edges: [Double], shortlist: Int = 250) -> RiskSummary {
        let curveAsset = curveAssets[0]
        var accounts = Array(repeating: 0, count: edges.count + 1)
        var debt = Array(repeating: 0.0, count: edges.count + 1)
        var liquidatable = 0
        var urgent = Smallest<UrgentEntry>(shortlist)
        let liquidatableBelow = 1 + upperBand
        var uncertain: [Int] = []
        let drops = RiskSummary.curveDrops
        var firstDrop = Array(repeating: 0.0, count: drops.count + 1)
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
            // The first drop at which the account is liquidatable; with no debt in the asset the estimate
            // only falls as the price does, so the search can start near the closed-form crossing.
            // Threshold-weighted collateral and debt, in USD, that fall with the curve assets.
            var held = 0.0, borrowed = 0.0
            for (column, usd) in collateralMoves { held += Double(column[account]) * usd }
            for (column, usd) in debtMoves { borrowed += Double(column[account]) * usd }
            func crossed(at level: Int) -> Bool {
                let fall = -Double(drops[level]) / 100
                let owedAfter = d + fall * borrowed
                return owedAfter > 0 && (w + fall * held) / owedAfter < 1
            }
            var level = 0
            if borrowed == 0 {
                if estimate >= 1 {
                    guard held > 0 else { continue }
                    let crossing = (w - d) / held * 100 / 5
                    guard crossing < Double(drops.count) else { continue }
                    level = max(0, Int(crossing) - 1)
                }
                while level < drops.count && !crossed(at: level) { level += 1 }
                firstDrop[level] += value[account]
            } else {
                for step in drops.indices where crossed(at: step) {
                    firstDrop[step] += value[account]
                    firstDrop[step + 1] -= value[account]
                }
            }
        }
        var curve: [(Int, Double)] = []
        var running = 0.0
        for level in drops.indices {
            running += firstDrop[level]
            curve.append((drops[level], max(0, running)))
        }
        return RiskSummary(
            version: version, curveAsset: curveAsset, bucketAccounts: accounts, bucketDebtUSD: debt,
            liquidatableCount: liquidatable, uncertain: uncertain,
            mostUrgent: urgent.sorted.map { ($0.account, $0.estimate) }, curve: curve,
            collateralTokens: (0..<assets).map(totalCollateralTokens(asset:)))
    }
}

/// An account by its estimate, ties by account: the order of "most urgent".
struct UrgentEntry: Comparable {
    var estimate: Double
    var account: Int
    static func < (a: UrgentEntry, b: UrgentEntry) -> Bool { (a.estimate, a.account) < (b.estimate, b.account) }
}
