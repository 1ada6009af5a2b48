extension ShockIndex {
    /// Whether this index answers a shock of `assets` over `index`: the same group, and still current.
    public func answers(assets: [Int], index: RiskIndex) -> Bool {
        assets == self.assets && isCurrent(index)
    }

    /// Whether the lines still hold for `index`: the same index (not one rebuilt since, as governance does when
    /// thresholds change), no other asset's price has moved, no reserve's factor by
    /// more than half the risk index's tolerance (so, with the risk index's own tolerance, estimates stay
    /// within the verdict's margin: `RiskIndex.certainBelow`), and the refreshed accounts are all in the log.
    public func isCurrent(_ index: RiskIndex) -> Bool {
        guard index.lineage === lineage, index.count == roles.count,
            index.refreshes.accounts(since: builtRefreshes) != nil
        else { return false }
        for asset in 0..<index.assets where !assets.contains(asset) && index.prices[asset] != builtPrices[asset] {
            return false
        }
        return !zip(index.incomeFactors + index.debtFactors, builtFactors).contains {
            !(abs($0 / $1 - 1) <= RiskIndex.indexTolerance / 2)
        }
    }

    /// The shock's candidates and histogram, as the full scan finds them but without a pass over the
    /// accounts, gathered as they come (`ShockScan.Gathered`): nil when the index does not answer (not
    /// current, or a ratio outside the cells), and the caller runs the full scan. `prices` are the group's
    /// new prices, in `assets`' order; `urgent` is the length of the most-urgent list to gather for.
    func gather(index: RiskIndex, prices: [Double], urgent: Int = 100) -> ShockScan.Gathered? {
        guard prices.count == assets.count, isCurrent(index),
            let refreshed = index.refreshes.accounts(since: builtRefreshes)
        else { return nil }
        let ratio = prices[0] / referencePrice
        let cell = Cell.of(Float(ratio))
        guard ratio.isFinite, cell >= 1, cell <= Cell.count - 2 else { return nil }
        // Accounts refreshed since the build: their entries are stale (masked), their state evaluated anew.
        let patched = ShockScan.inAccountOrder(refreshed, count: roles.count)
        var mask: [UInt64] = []
        if !patched.isEmpty {
            mask = [UInt64](repeating: 0, count: (roles.count + 63) / 64)
            for account in patched { mask[account >> 6] |= 1 << UInt64(account & 63) }
        }
        var histogram = fixedHistogram
        // Lines: below edge e at ρ, read off the tables; the bins are the differences.
        var belowPrevious = 0
        let lines = rising.count + falling.count
        for edge in edges.indices {
            let below =
                Int(rising.below.isEmpty ? 0 : rising.below[edge * Cell.count + cell])
                + Int(falling.below.isEmpty ? 0 : falling.below[edge * Cell.count + cell])
            histogram[edge] += below - belowPrevious
            belowPrevious = below
        }
        histogram[edges.count] += lines - belowPrevious
        for account in patched { if let bin = band(atBuild: account, cell: cell) { histogram[bin] -= 1 } }
        // Accounts held aside are evaluated first (the histogram counts them) and gathered last; the lines
        // are gathered rising first, each family from its deep end, so that the shortlist of the most urgent
        // fills early with small estimates and later candidates mostly fall through it.
        var candidates: [RiskIndex.Candidate] = []
        let live = evaluated.lazy.map { Int($0) }.filter { !Self.masked($0, mask) } + patched
        evaluate(live, index: index, prices: prices, histogram: &histogram, candidates: &candidates)
        var gathered = ShockScan.Gathered(
            accounts: roles.count, histogram: histogram, urgent: urgent, upperBand: index.upperBand)
        gather(rising, rising: true, ratio: ratio, cell: cell, mask: mask, into: &gathered)
        gather(falling, rising: false, ratio: ratio, cell: cell, mask: mask, into: &gathered)
        gathered.add(candidates)
        gathered.add(fixedCandidates.lazy.filter { !Self.masked($0.account, mask) })
        if !shelf.isEmpty { gathered.shelf = ShelfQuery(shelf: shelf, ratio: ratio, mask: mask) }
        return gathered
    }

    /// What the most-urgent ranking needs of the shelf at a query's ratio.
    struct ShelfQuery {
        let shelf: UrgentShelf
        let ratio: Double
        let mask: [UInt64]

        func rank(into smallest: inout Smallest<ShockScan.UrgentExact>, exact: ExactHealth) throws {
            try shelf.rank(into: &smallest, exact: exact, ratio: ratio, mask: mask)
        }
    }

    static func masked(_ account: Int, _ mask: [UInt64]) -> Bool {
        !mask.isEmpty && mask[account >> 6] & 1 << UInt64(account & 63) != 0
    }

    /// The band an account was counted in at build, at ρ's cell (nil for accounts in no table).
    private func band(atBuild account: Int, cell: Int) -> Int? {
        let role = roles[account]
        switch RoleTag(rawValue: role >> 4) {
        case .fixed: return Int(role & 0xF)
        case .rising, .falling:
            let isRising = role >> 4 == RoleTag.rising.rawValue
            let family = isRising ? rising : falling
            // Lines were appended in account order.
            var low = 0, high = family.lineAccounts.count
            while low < high {
                let middle = (low + high) / 2
                if Int(family.lineAccounts[middle]) < account { low = middle + 1 } else { high = middle }
            }
            let line = low
            let k = Double(family.lineK[line]), m = Double(family.lineM[line])
            return edges.filter {
                let crossing = Cell.of(Self.crossing(rising: isRising, k: k, m: m, at: $0))
                return isRising ? crossing <= cell : crossing >= cell
            }.count
        default: return nil
        }
    }

    /// A family's candidates at ρ: whole buckets on the far side of ρ's cell, and the entries of ρ's own
    /// cell compared one by one. Rising lines the shock goes deepest past sit in the last buckets, falling
    /// ones in the first: each family is read from its deep end.
    private func gather(
        _ family: LineFamily, rising: Bool, ratio: Double, cell: Int, mask: [UInt64],
        into gathered: inout ShockScan.Gathered
    ) {
        guard !family.start.isEmpty else { return }
        let boundary = Int(family.start[cell])..<Int(family.start[cell + 1])
        let beyond = rising ? Int(family.start[cell + 1])..<family.account.count : 0..<Int(family.start[cell])
        gathered.withSettled { settled, picks in
            family.account.withUnsafeBufferPointer { account in
                family.candidateRatio.withUnsafeBufferPointer { candidateRatio in
                    family.certainRatio.withUnsafeBufferPointer { certainRatio in
                        family.k.withUnsafeBufferPointer { k in
                            family.m.withUnsafeBufferPointer { m in
                                @inline(__always) func take(_ slot: Int) {
                                    let entry = account[slot], shelved = entry & LineFamily.shelvedBit != 0
                                    let account = Int(entry & ~LineFamily.shelvedBit)
                                    if !mask.isEmpty && Self.masked(account, mask) { return }
                                    let line = Double(k[slot]) + ratio * Double(m[slot])
                                    let certain =
                                        rising ? ratio < Double(certainRatio[slot]) : ratio > Double(certainRatio[slot])
                                    // The shelf ranks its own settled accounts (`UrgentShelf.rank`).
                                    if shelved && certain { return picks.settle(account, settled: settled) }
                                    picks.add(
                                        account, estimate: rising ? line : 1 / line, certain: certain, settled: settled)
                                }
                                if rising {
                                    for slot in beyond.reversed() { take(slot) }
                                } else {
                                    for slot in beyond { take(slot) }
                                }
                                for slot in boundary {
                                    let crossing = Double(candidateRatio[slot])
                                    if rising ? ratio < crossing : ratio > crossing { take(slot) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Accounts evaluated with the full scan's own step (`RiskIndex.tally`).
    private func evaluate(
        _ accounts: some Sequence<Int>, index: RiskIndex, prices: [Double], histogram: inout [Int],
        candidates: inout [RiskIndex.Candidate]
    ) {
        let moves = index.columnMoves(zip(assets, prices).map { (asset: $0, price: $1) })
        for account in accounts {
            RiskIndex.tally(
                account, worth: index.weighted[account], owed: index.owed[account], moves: moves, edges: edges,
                upperBand: index.upperBand, histogram: &histogram, candidates: &candidates)
        }
    }
}
