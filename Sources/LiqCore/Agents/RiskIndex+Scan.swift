import Dispatch

/// Scans over the index: candidates below a health factor, and a shock of one or more assets over every
/// account, split over the cores.
extension RiskIndex {
    /// Accounts whose estimate at the reference prices is below `limit`, in account order.
    public func candidates(below limit: Double) -> [(account: Int, healthFactor: Double)] {
        var found: [(account: Int, healthFactor: Double)] = []
        // A multiplication rules out nearly every account before the division decides (w/o < limit implies
        // w < limit·o·(1 + 1e-9) whatever the rounding), so the answer is the division's.
        let loose = limit * (1 + 1e-9)
        weighted.withUnsafeBufferPointer { weighted in
            owed.withUnsafeBufferPointer { owed in
                for account in 0..<count {
                    let w = weighted[account], o = owed[account]
                    guard o > 0, w < loose * o else { continue }
                    let estimate = w / o
                    if estimate < limit { found.append((account, estimate)) }
                }
            }
        }
        return found
    }

    /// A candidate of a shock scan: its estimate, and whether the estimate alone settles that it is
    /// liquidatable (otherwise the exact health factor decides).
    public struct Candidate: Sendable, Equatable {
        public var account: Int
        public var estimate: Double
        public var certain: Bool
    }

    /// One pass over the accounts with `asset` at `price`, split over the machine's cores (each slice
    /// writes its own results; they are joined in account order, so the answer does not depend on timing).
    /// Returns the accounts with an estimate below 1 + `upperBand` (and every account with under $1 of debt),
    /// and the histogram of estimates by `edges`.
    public func scan(
        asset: Int, price: Double, edges: [Double], slices: Int = 2
    ) -> (candidates: [Candidate], histogram: [Int]) {
        scan(moves: [(asset, price)], edges: edges, slices: slices)
    }

    /// The same pass with several assets moved at once (an asset and those that track it).
    public func scan(
        moves: [(asset: Int, price: Double)], edges: [Double], slices: Int = 2
    )
        -> (candidates: [Candidate], histogram: [Int])
    {
        let (collateralMoves, debtMoves) = columnMoves(moves)
        let sliceCount = max(1, min(slices, count / 50_000 + 1))
        // One result box per slice: each thread writes only its own.
        final class Part: @unchecked Sendable {
            var candidates: [Candidate] = []
            var histogram: [Int] = []
        }
        let parts = (0..<sliceCount).map { _ in Part() }
        let w = weighted, d = owed, total = count, band = upperBand
        // Up to two moved columns a side (an asset and one that tracks it) take the vector kernel.
        let vector = collateralMoves.count <= 2 && debtMoves.count <= 2
        DispatchQueue.concurrentPerform(iterations: sliceCount) { slice in
            let from = total * slice / sliceCount, to = total * (slice + 1) / sliceCount
            if vector {
                let none: [Float] = []
                func move(_ moves: [([Float], Double)], _ i: Int) -> ([Float], Double) {
                    i < moves.count ? moves[i] : (none, 0)
                }
                let (c0, dc0) = move(collateralMoves, 0), (c1, dc1) = move(collateralMoves, 1)
                let (b0, db0) = move(debtMoves, 0), (b1, db1) = move(debtMoves, 1)
                w.withUnsafeBufferPointer { w in
                    d.withUnsafeBufferPointer { d in
                        c0.withUnsafeBufferPointer { c0 in
                            c1.withUnsafeBufferPointer { c1 in
                                b0.withUnsafeBufferPointer { b0 in
                                    b1.withUnsafeBufferPointer { b1 in
                                        let kernel = ScanKernel(
                                            weighted: w, owed: d, collateral: ((c0, dc0), (c1, dc1)),
                                            debt: ((b0, db0), (b1, db1)), edges: edges, upperBand: band)
                                        (parts[slice].candidates, parts[slice].histogram) = kernel.run(from..<to)
                                    }
                                }
                            }
                        }
                    }
                }
                return
            }
            var candidates: [Candidate] = []
            var histogram = Array(repeating: 0, count: edges.count + 1)
            for account in from..<to {
                Self.tally(
                    account, worth: w[account], owed: d[account], moves: (collateralMoves, debtMoves), edges: edges,
                    upperBand: band, histogram: &histogram, candidates: &candidates)
            }
            parts[slice].candidates = candidates
            parts[slice].histogram = histogram
        }
        var candidates: [Candidate] = []
        var histogram = Array(repeating: 0, count: edges.count + 1)
        for part in parts {
            candidates += part.candidates
            for bin in histogram.indices { histogram[bin] += part.histogram[bin] }
        }
        return (candidates, histogram)
    }

    /// Moved columns and their price moves in each column's own units (scaled balances grow by their index).
    /// Columns an asset does not use (empty) drop out here, once, rather than in the loops.
    func columnMoves(
        _ moves: [(asset: Int, price: Double)]
    ) -> (collateral: [([Float], Double)], debt: [([Float], Double)]) {
        let moved = moves.map { move in
            let delta = move.price - prices[move.asset]
            return (
                collateral: collateralColumns[move.asset], collateralDelta: delta * incomeFactors[move.asset],
                debt: debtColumns[move.asset], debtDelta: delta * debtFactors[move.asset]
            )
        }
        return (
            moved.filter { !$0.collateral.isEmpty }.map { ($0.collateral, $0.collateralDelta) },
            moved.filter { !$0.debt.isEmpty }.map { ($0.debt, $0.debtDelta) }
        )
    }

    /// One account of the scalar scan: its estimate after the moves, counted in its band of `edges`, and a
    /// candidate unless the verdict dismisses it (nothing without debt after the moves). The shock index
    /// evaluates the accounts it holds aside with this same step.
    static func tally(
        _ account: Int, worth: Double, owed: Double,
        moves: (collateral: [([Float], Double)], debt: [([Float], Double)]), edges: [Double], upperBand: Double,
        histogram: inout [Int], candidates: inout [Candidate]
    ) {
        var owed = owed, worth = worth
        for (column, delta) in moves.debt { owed += delta * Double(column[account]) }
        for (column, delta) in moves.collateral { worth += delta * Double(column[account]) }
        guard owed > 0 else { return }
        let estimate = worth / owed
        var bin = 0
        while bin < edges.count && estimate >= edges[bin] { bin += 1 }
        histogram[bin] += 1
        let verdict = verdict(estimate: estimate, owedUSD: owed, upperBand: upperBand)
        if verdict != .notLiquidatable {
            candidates.append(Candidate(account: account, estimate: estimate, certain: verdict == .liquidatable))
        }
    }
}
