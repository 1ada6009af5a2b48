import Dispatch

extension ShockIndex {
    /// Builds the index of `assets` (moved together) from the risk index as it is now, and `pool`, the state
    /// it was summed from (the urgent shelf's exact terms): one pass over the accounts, then a counting sort
    /// of the lines by ratio cell. O(n); a few tens of milliseconds at 1,000,000 accounts
    /// (`liqtop bench shock_index`).
    public init(index: RiskIndex, pool: LendingPool, assets: [Int], edges: [Double] = HealthBands.edges) {
        precondition(!assets.isEmpty && assets.allSatisfy { $0 >= 0 && $0 < index.assets }, "a group of assets")
        precondition(pool.accounts.count == index.count && index.count < 1 << 31, "the index's pool")
        precondition(edges.count < 16, "a band fits in a nibble")
        self.assets = assets
        referencePrice = index.prices[assets[0]]
        self.edges = edges
        builtPrices = index.prices
        builtFactors = index.incomeFactors + index.debtFactors
        builtRefreshes = index.refreshes.total
        lineage = index.lineage
        var risingLines: [Line] = [], fallingLines: [Line] = []
        var histogram = Array(repeating: 0, count: edges.count + 1)
        var fixedCandidates: [RiskIndex.Candidate] = []
        var evaluated: [Int32] = []
        // Reserved, not filled: pages are touched only as lines are appended (no copying as they grow).
        risingLines.reserveCapacity(index.count)
        if assets.contains(where: { !index.debtColumns[$0].isEmpty }) { fallingLines.reserveCapacity(index.count) }
        var roles = [UInt8](repeating: 0, count: index.count)
        for account in 0..<index.count {
            switch Self.role(of: account, in: index, group: assets) {
            case .absent: continue
            case .rising(let k, let m):
                roles[account] = RoleTag.rising.rawValue << 4
                risingLines.append(Line(account: UInt32(account), k: k, m: m))
            case .falling(let k, let m):
                roles[account] = RoleTag.falling.rawValue << 4
                fallingLines.append(Line(account: UInt32(account), k: k, m: m))
            case .evaluated:
                roles[account] = RoleTag.evaluated.rawValue << 4
                evaluated.append(Int32(account))
            case .fixed:
                // What the full scan computes for an account the shock does not touch, to the bit.
                let owed = index.owed[account], estimate = index.weighted[account] / owed
                var bin = 0
                while bin < edges.count && estimate >= edges[bin] { bin += 1 }
                histogram[bin] += 1
                roles[account] = RoleTag.fixed.rawValue << 4 | UInt8(bin)
                let verdict = RiskIndex.verdict(estimate: estimate, owedUSD: owed, upperBand: index.upperBand)
                if verdict != .notLiquidatable {
                    fixedCandidates.append(
                        RiskIndex.Candidate(account: account, estimate: estimate, certain: verdict == .liquidatable))
                }
            }
        }
        fixedHistogram = histogram
        self.fixedCandidates = fixedCandidates
        self.evaluated = evaluated
        self.roles = roles
        // The shelf reads the account book: only from the state the index was summed at (its prices, at least,
        // are checked; without a shelf every account goes through the shortlist, as before it).
        shelf =
            pool.prices.map({ $0.doubleValue / 1e8 }) == index.prices
            ? UrgentShelf(pool: pool, lines: risingLines, moving: assets, upperBand: index.upperBand) : UrgentShelf()
        var shelved: [UInt64] = []
        if !shelf.isEmpty {
            shelved = [UInt64](repeating: 0, count: (index.count + 63) / 64)
            for account in shelf.account { shelved[Int(account) >> 6] |= 1 << UInt64(account & 63) }
        }
        rising = Self.family(
            risingLines, rising: true, edges: edges, upperBand: index.upperBand, shelved: shelved)
        falling = Self.family(fallingLines, rising: false, edges: edges, upperBand: index.upperBand)
    }

    struct Line {
        var account: UInt32
        var k: Double
        var m: Double
    }

    /// The histogram table and the bucketed candidate entries of one direction's lines.
    static func family(
        _ lines: [Line], rising: Bool, edges: [Double], upperBand: Double, shelved: [UInt64] = []
    ) -> LineFamily {
        var family = LineFamily()
        family.count = lines.count
        guard !lines.isEmpty else { return family }
        family.lineAccounts = lines.map(\.account)
        family.lineK = lines.map { Float($0.k) }
        family.lineM = lines.map { Float($0.m) }
        let cells = Cell.count
        // Crossings of each edge counted by cell, then summed into "below the edge at the query's cell":
        // rising lines are below at ρ when their crossing's cell is above ρ's, falling lines when below.
        var below = [UInt32](repeating: 0, count: edges.count * cells)
        var bucket = [Int32](repeating: -1, count: lines.count)
        var bucketSizes = [UInt32](repeating: 0, count: cells + 1)
        below.withUnsafeMutableBufferPointer { below in
            // Edge by edge, each edge's row counted by one thread into its own array: the counts do not depend on
            // the split.
            final class Row: @unchecked Sendable { var counts: [UInt32] = [] }
            let rows = edges.map { _ in Row() }
            DispatchQueue.concurrentPerform(iterations: edges.count) { edge in
                var counts = [UInt32](repeating: 0, count: cells)
                let e = edges[edge]
                lines.withUnsafeBufferPointer { lines in
                    counts.withUnsafeMutableBufferPointer { counts in
                        for line in lines {
                            counts[Cell.of(crossing(rising: rising, k: line.k, m: line.m, at: e))] += 1
                        }
                    }
                }
                rows[edge].counts = counts
            }
            for (edge, row) in rows.enumerated() {
                for cell in 0..<cells { below[edge * cells + cell] = row.counts[cell] }
            }
            for (position, line) in lines.enumerated() {
                let candidate = verdictCrossings(rising: rising, k: line.k, m: line.m, upperBand: upperBand).candidate
                let cell = Cell.of(candidate)
                // A crossing in a clamp cell on the far side is never a candidate for a ratio the index answers.
                if rising ? cell >= 1 : cell <= cells - 2 {
                    bucket[position] = Int32(cell)
                    bucketSizes[cell + 1] += 1
                }
            }
            for edge in edges.indices {
                let row = edge * cells
                var total: UInt32 = 0
                if rising {
                    for cell in stride(from: cells - 1, through: 0, by: -1) {
                        let here = below[row + cell]
                        below[row + cell] = total
                        total += here
                    }
                } else {
                    for cell in 0..<cells {
                        let here = below[row + cell]
                        below[row + cell] = total
                        total += here
                    }
                }
            }
        }
        family.below = below
        for cell in 0..<cells { bucketSizes[cell + 1] += bucketSizes[cell] }
        family.start = bucketSizes
        let entries = Int(bucketSizes[cells])
        family.account = [UInt32](repeating: 0, count: entries)
        family.candidateRatio = [Float](repeating: 0, count: entries)
        family.certainRatio = family.candidateRatio
        family.k = family.candidateRatio
        family.m = family.candidateRatio
        var next = bucketSizes
        for (position, line) in lines.enumerated() where bucket[position] >= 0 {
            let slot = Int(next[Int(bucket[position])])
            next[Int(bucket[position])] += 1
            let crossings = verdictCrossings(rising: rising, k: line.k, m: line.m, upperBand: upperBand)
            family.account[slot] = line.account | (masked(Int(line.account), shelved) ? LineFamily.shelvedBit : 0)
            family.candidateRatio[slot] = crossings.candidate
            family.certainRatio[slot] = crossings.certain
            family.k[slot] = family.lineK[position]
            family.m[slot] = family.lineM[position]
        }
        return family
    }
}
