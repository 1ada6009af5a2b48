/// The shock scan's inner loop over four accounts at a time (`SIMD4<Double>`): the same operations in the
/// same order as the scalar loop per account (debts moved, then collateral, then one division), so the
/// same estimates to the bit. The histogram comes from nine counts, "estimate ≥ edge", kept as vector
/// sums (band b holds those at or above edge b − 1 and below edge b, as the scalar loop's walk up the
/// ascending edges finds). Accounts the verdict does not dismiss (`RiskIndex.verdict`) are compacted
/// without a branch. Written with the standard library's SIMD types because no package on the machine's
/// list offers a vector scan; tests hold it equal to the scalar loop.
struct ScanKernel {
    typealias Column = (values: UnsafeBufferPointer<Float>, delta: Double)

    let weighted: UnsafeBufferPointer<Double>
    let owed: UnsafeBufferPointer<Double>
    /// Two moved columns a side, in the order the scalar loop adds them; an empty column moves nothing
    /// (and only a second column may be empty after a full one).
    let collateral: (Column, Column)
    let debt: (Column, Column)
    let edges: [Double]
    let upperBand: Double

    func run(_ range: Range<Int>) -> (candidates: [RiskIndex.Candidate], histogram: [Int]) {
        precondition(edges.count <= 9)
        precondition(zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 }, "ascending edges")
        var candidates: [RiskIndex.Candidate] = []
        var atOrAbove = [Int](repeating: 0, count: edges.count)
        var valid = 0
        // Nine edges padded with +∞ (nothing is at or above it), so the loop needs no count.
        let edge = (0..<9).map { SIMD4<Double>(repeating: $0 < edges.count ? edges[$0] : .infinity) }
        let (c0, c1, b0, b1) = (collateral.0, collateral.1, debt.0, debt.1)
        let moved = [b0, b1, c0, c1].map { !$0.values.isEmpty }
        let (nb, nc) = ((moved[0] ? 1 : 0) + (moved[1] ? 1 : 0), (moved[2] ? 1 : 0) + (moved[3] ? 1 : 0))
        var counts = (
            SIMD4<Int64>(), SIMD4<Int64>(), SIMD4<Int64>(), SIMD4<Int64>(), SIMD4<Int64>(), SIMD4<Int64>(),
            SIMD4<Int64>(), SIMD4<Int64>(), SIMD4<Int64>()
        )
        var validCount = SIMD4<Int64>()
        let ones = SIMD4<Int64>(repeating: 1), zeros = SIMD4<Int64>()
        func load(_ p: UnsafeBufferPointer<Double>, _ i: Int) -> SIMD4<Double> {
            UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: SIMD4<Double>.self)
        }
        func load(_ p: UnsafeBufferPointer<Float>, _ i: Int) -> SIMD4<Double> {
            SIMD4<Double>(UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: SIMD4<Float>.self))
        }
        var account = range.lowerBound
        // Candidates are written without a branch, each lane's slot kept only if it is asked about (the C
        // scan's compaction): a branch on a 12 % chance costs more in mispredictions than the stores.
        var found = 0
        let slots = UnsafeMutablePointer<RiskIndex.Candidate>.allocate(capacity: range.count + 4)
        defer { slots.deallocate() }
        while account + 4 <= range.upperBound {
            var o = load(owed, account), w = load(weighted, account)
            if nb > 0 { o += SIMD4(repeating: b0.delta) * load(b0.values, account) }
            if nb > 1 { o += SIMD4(repeating: b1.delta) * load(b1.values, account) }
            if nc > 0 { w += SIMD4(repeating: c0.delta) * load(c0.values, account) }
            if nc > 1 { w += SIMD4(repeating: c1.delta) * load(c1.values, account) }
            let estimate = w / o
            let isValid = o .> SIMD4<Double>()
            validCount &+= zeros.replacing(with: ones, where: isValid)
            counts.0 &+= zeros.replacing(with: ones, where: isValid .& (estimate .>= edge[0]))
            counts.1 &+= zeros.replacing(with: ones, where: isValid .& (estimate .>= edge[1]))
            counts.2 &+= zeros.replacing(with: ones, where: isValid .& (estimate .>= edge[2]))
            counts.3 &+= zeros.replacing(with: ones, where: isValid .& (estimate .>= edge[3]))
            counts.4 &+= zeros.replacing(with: ones, where: isValid .& (estimate .>= edge[4]))
            counts.5 &+= zeros.replacing(with: ones, where: isValid .& (estimate .>= edge[5]))
            counts.6 &+= zeros.replacing(with: ones, where: isValid .& (estimate .>= edge[6]))
            counts.7 &+= zeros.replacing(with: ones, where: isValid .& (estimate .>= edge[7]))
            counts.8 &+= zeros.replacing(with: ones, where: isValid .& (estimate .>= edge[8]))
            for lane in 0..<4 {
                let candidate = candidate(account + lane, estimate: estimate[lane], owed: o[lane])
                slots[found] = candidate.value
                found &+= candidate.asked ? 1 : 0
            }
            account += 4
        }
        candidates = Array(UnsafeBufferPointer(start: slots, count: found))
        let lanes = [counts.0, counts.1, counts.2, counts.3, counts.4, counts.5, counts.6, counts.7, counts.8]
        for e in atOrAbove.indices { atOrAbove[e] = Int(lanes[e].wrappedSum()) }
        valid = Int(validCount.wrappedSum())
        // The tail, one account at a time, with the same formula.
        while account < range.upperBound {
            var o = owed[account], w = weighted[account]
            for column in [b0, b1].prefix(nb) { o += column.delta * Double(column.values[account]) }
            for column in [c0, c1].prefix(nc) { w += column.delta * Double(column.values[account]) }
            if o > 0 {
                let estimate = w / o
                valid += 1
                for e in atOrAbove.indices where estimate >= edges[e] { atOrAbove[e] += 1 }
                let candidate = candidate(account, estimate: estimate, owed: o)
                if candidate.asked { candidates.append(candidate.value) }
            }
            account += 1
        }
        // Band 0: below the first edge; band b: at or above edge b − 1 and not at or above edge b.
        var histogram = [Int](repeating: 0, count: edges.count + 1)
        histogram[0] = valid - (atOrAbove.first ?? 0)
        for band in 1..<histogram.count {
            histogram[band] = atOrAbove[band - 1] - (band < edges.count ? atOrAbove[band] : 0)
        }
        return (candidates, histogram)
    }

    /// An account as a candidate, and whether the scan keeps it: it has debt and `RiskIndex.verdict` does
    /// not dismiss it.
    private func candidate(_ account: Int, estimate: Double, owed: Double) -> (value: RiskIndex.Candidate, asked: Bool)
    {
        let verdict = RiskIndex.verdict(estimate: estimate, owedUSD: owed, upperBand: upperBand)
        let value = RiskIndex.Candidate(account: account, estimate: estimate, certain: verdict == .liquidatable)
        return (value, owed > 0 && verdict != .notLiquidatable)
    }
}
