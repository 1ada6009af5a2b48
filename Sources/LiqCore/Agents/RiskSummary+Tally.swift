/// One contiguous range of accounts summed for `RiskSummary`: the histogram, the liquidatable and the
/// uncertain, the most urgent by estimate, the curve's changes per level, collateral per asset in tokens
/// (before the income factor). Tallies of consecutive ranges `append` into the tally of their union.
struct SummaryTally {
    var accounts: [Int]
    var debt: [Double]
    var liquidatable = 0
    var uncertain: [Int] = []
    var urgent: Smallest<UrgentEntry>
    /// Per level of `RiskSummary.curveMoves`, a difference: the running sum is the collateral liquidatable
    /// at that level.
    var changes: [Double]
    var hasShorts = false
    var collateralTokens: [Double]

    /// Accounts at a time whose moving collateral and debt are summed column by column first: each column is
    /// read as a buffer once per chunk, not looked up (and reference-counted) once per account.
    static let chunk = 2_048

    init(_ index: RiskIndex, accounts range: Range<Int>, curveAssets: [Int], edges: [Double], shortlist: Int) {
        accounts = Array(repeating: 0, count: edges.count + 1)
        debt = Array(repeating: 0, count: edges.count + 1)
        urgent = Smallest(shortlist)
        let moves = RiskSummary.curveMoves
        changes = Array(repeating: 0, count: moves.count + 1)
        collateralTokens = (0..<index.assets).map { Self.collateralTokens(index, asset: $0, range) }
        // Per moved asset, the USD that one percent of its price is per scaled unit of each column.
        let collateralMoves = curveAssets.filter { !index.collateralColumns[$0].isEmpty }
            .map { (index.collateralColumns[$0], index.prices[$0] * index.incomeFactors[$0]) }
        let debtMoves = curveAssets.filter { !index.debtColumns[$0].isEmpty }
            .map { (index.debtColumns[$0], index.prices[$0] * index.debtFactors[$0]) }
        var held = [Double](repeating: 0, count: Self.chunk), borrowed = held
        for start in stride(from: range.lowerBound, to: range.upperBound, by: Self.chunk) {
            let chunk = start..<min(start + Self.chunk, range.upperBound)
            held.withUnsafeMutableBufferPointer { held in
                borrowed.withUnsafeMutableBufferPointer { borrowed in
                    Self.sum(collateralMoves, chunk, into: held)
                    Self.sum(debtMoves, chunk, into: borrowed)
                }
            }
            add(index, chunk, held: held, borrowed: borrowed, edges: edges)
        }
    }

    /// Σ column·usd per account of `chunk`, in the order of `moves` (as one account at a time adds them).
    private static func sum(
        _ moves: [([Float], Double)], _ chunk: Range<Int>, into sums: UnsafeMutableBufferPointer<Double>
    ) {
        for offset in 0..<chunk.count { sums[offset] = 0 }
        for (column, usd) in moves {
            column.withUnsafeBufferPointer { column in
                for account in chunk { sums[account - chunk.lowerBound] += Double(column[account]) * usd }
            }
        }
    }

    /// The curve's moves as fractions of the price.
    private static let moveFractions = RiskSummary.curveMoves.map { Double($0) / 100 }

    private mutating func add(
        _ index: RiskIndex, _ chunk: Range<Int>, held: [Double], borrowed: [Double], edges: [Double]
    ) {
        index.weighted.withUnsafeBufferPointer { weighted in
            index.owed.withUnsafeBufferPointer { owed in
                index.value.withUnsafeBufferPointer { value in
                    held.withUnsafeBufferPointer { held in
                        borrowed.withUnsafeBufferPointer { borrowed in
                            Self.moveFractions.withUnsafeBufferPointer { moves in
                                for account in chunk where owed[account] > 0 {
                                    add(
                                        account, w: weighted[account], d: owed[account], value: value[account],
                                        held: held[account - chunk.lowerBound],
                                        borrowed: borrowed[account - chunk.lowerBound], moves: moves, edges: edges,
                                        upperBand: index.upperBand)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// One account with debt: w, d its weighted collateral and debt, `held` and `borrowed` their parts
    /// (threshold-weighted, USD) that move with the curve assets, `value` its collateral in USD.
    @inline(__always)
    private mutating func add(
        _ account: Int, w: Double, d: Double, value: Double, held: Double, borrowed: Double,
        moves: UnsafeBufferPointer<Double>, edges: [Double], upperBand: Double
    ) {
        let estimate = w / d
        var bin = 0
        while bin < edges.count && estimate >= edges[bin] { bin += 1 }
        accounts[bin] += 1
        debt[bin] += d
        switch RiskIndex.verdict(estimate: estimate, owedUSD: d, upperBand: upperBand) {
        case .liquidatable: liquidatable += 1
        case .askExact: uncertain.append(account)
        case .notLiquidatable: break
        }
        if estimate < 1 + upperBand {
            urgent.insert(UrgentEntry(estimate: estimate, account: account))
        }
        func crossed(at level: Int) -> Bool {
            let owedAfter = d + moves[level] * borrowed
            return owedAfter > 0 && (w + moves[level] * held) / owedAfter < 1
        }
        if borrowed > 0, held == 0 { hasShorts = true }
        if borrowed == 0 {
            // With no debt in the moved assets the health factor only rises with the price: liquidatable
            // from one level down to the last, and the search starts near the closed-form crossing.
            guard held > 0 || estimate < 1 else { return }
            var level = 0
            if held > 0 {
                let crossing = (0.5 - (d - w) / held) * 100 / 5
                guard crossing < Double(moves.count) else { return }
                level = Int(max(0, crossing - 1))
            }
            while level < moves.count && !crossed(at: level) { level += 1 }
            changes[level] += value
        } else {
            for level in moves.indices where crossed(at: level) {
                changes[level] += value
                changes[level + 1] -= value
            }
        }
    }

    /// Collateral (where it counts) of `asset` over `range`, in tokens before the income factor: each column's
    /// threshold-weighted amount over its threshold, the threshold's reciprocal looked up in a flat table.
    private static func collateralTokens(_ index: RiskIndex, asset: Int, _ range: Range<Int>) -> Double {
        guard !index.collateralColumns[asset].isEmpty else { return 0 }
        // By the threshold's reciprocal: a multiplication where a division would wait (display only).
        let inverses = index.thresholds.map { 1 / $0[asset] }
        var total = 0.0
        index.collateralColumns[asset].withUnsafeBufferPointer { column in
            index.categories.withUnsafeBufferPointer { categories in
                inverses.withUnsafeBufferPointer { inverses in
                    for account in range where column[account] != 0 {
                        total += Double(column[account]) * inverses[Int(categories[account])]
                    }
                }
            }
        }
        return total
    }

    /// The tally of the accounts that follow this one's, added after them.
    mutating func append(_ next: SummaryTally) {
        for bin in accounts.indices {
            accounts[bin] += next.accounts[bin]
            debt[bin] += next.debt[bin]
        }
        liquidatable += next.liquidatable
        uncertain += next.uncertain
        for entry in next.urgent.sorted { urgent.insert(entry) }
        for level in changes.indices { changes[level] += next.changes[level] }
        hasShorts = hasShorts || next.hasShorts
        for asset in collateralTokens.indices { collateralTokens[asset] += next.collateralTokens[asset] }
    }
}
