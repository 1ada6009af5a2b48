import Dispatch

/// Struct-of-arrays view for price shocks: per account, the threshold-weighted collateral and the debt in
/// USD at reference prices, plus per asset a column of threshold-weighted collateral and debt in tokens.
/// A shock of one asset then reads four flat arrays: HF' = (W + Δp·C_a) / (D + Δp·B_a). Doubles only find
/// candidates; accounts within 1e-6 of 1.0 are decided with the exact arithmetic by the caller.
public struct ShockIndex: Sendable {
    public let count: Int
    public let referencePrices: [Double]
    var weighted: [Double]
    var debt: [Double]
    var collateralColumns: [[Double]]
    var debtColumns: [[Double]]

    public init(_ index: RiskIndex, prices: [Double]) {
        let assets = index.assets
        count = assets == 0 ? 0 : index.collateral.count / assets
        referencePrices = prices
        weighted = Array(repeating: 0, count: count)
        debt = Array(repeating: 0, count: count)
        collateralColumns = Array(repeating: Array(repeating: 0, count: count), count: assets)
        debtColumns = collateralColumns
        for account in 0..<count {
            var w = 0.0, d = 0.0
            for asset in 0..<assets {
                let c = index.collateral[account * assets + asset] * index.thresholds[account * assets + asset]
                let b = index.debt[account * assets + asset]
                collateralColumns[asset][account] = c
                debtColumns[asset][account] = b
                w += c * prices[asset]
                d += b * prices[asset]
            }
            weighted[account] = w
            debt[account] = d
        }
    }

    /// One pass over the accounts with `asset` at `price`, split over the machine's cores (each slice
    /// writes its own results; they are joined in account order, so the answer does not depend on timing).
    /// Returns the accounts with an estimate below 1 + 1e-6 (with the estimate) and the histogram.
    public func scan(asset: Int, price: Double, edges: [Double], slices: Int = 2) -> (candidates: [(Int, Double)], histogram: [Int]) {
        let delta = price - referencePrices[asset]
        let sliceCount = max(1, min(slices, count / 10_000 + 1))
        final class Box: @unchecked Sendable { var parts: [([(Int, Double)], [Int])] = [] }
        let box = Box()
        box.parts = Array(repeating: ([], Array(repeating: 0, count: edges.count + 1)), count: sliceCount)
        let w = weighted, d = debt, c = collateralColumns[asset], b = debtColumns[asset], total = count
        DispatchQueue.concurrentPerform(iterations: sliceCount) { slice in
            let from = total * slice / sliceCount, to = total * (slice + 1) / sliceCount
            var candidates: [(Int, Double)] = []
            var histogram = Array(repeating: 0, count: edges.count + 1)
            for account in from..<to {
                let owed = d[account] + delta * b[account]
                guard owed > 0 else { continue }
                let estimate = (w[account] + delta * c[account]) / owed
                var bin = 0
                while bin < edges.count && estimate >= edges[bin] { bin += 1 }
                histogram[bin] += 1
                if estimate < 1 + 1e-6 { candidates.append((account, estimate)) }
            }
            box.parts[slice] = (candidates, histogram)
        }
        var candidates: [(Int, Double)] = []
        var histogram = Array(repeating: 0, count: edges.count + 1)
        for part in box.parts {
            candidates += part.0
            for bin in histogram.indices { histogram[bin] += part.1[bin] }
        }
        return (candidates, histogram)
    }
}
