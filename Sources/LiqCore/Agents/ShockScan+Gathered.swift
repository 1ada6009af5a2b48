extension ShockScan {
    /// What the answer keeps of the candidates, taken as they come (from the shock index's buckets, or the full
    /// scan's list), with no list of all of them in between: the settled liquidatable as a bitmap, the
    /// unsettled for the exact arithmetic, the histogram, and for the most urgent a shortlist of the smallest
    /// settled estimates with every settled candidate that could still contend (`near`).
    ///
    /// `near` is enough: an account contends when its estimate is at most h·(1 + 1e-9)/(1 − 2·upperBand)
    /// (`mostUrgent`), where h, the `urgent`-th exact health factor of the final shortlist, is at most the
    /// shortlist's largest estimate times 1 + 2·upperBand; and that estimate only falls as candidates come.
    struct Gathered {
        /// The settled liquidatable, a bit per account (apart from the rest, so that a loop can write it
        /// through a buffer while it adds to the rest).
        var settled: [UInt64]
        var picks: Picks
        var histogram: [Int]
        /// The urgent shelf's accounts, ranked apart (`ShockIndex.UrgentShelf`): absent from `picks`' shortlist.
        var shelf: ShockIndex.ShelfQuery?

        init(accounts: Int, histogram: [Int], urgent: Int, upperBand: Double) {
            settled = [UInt64](repeating: 0, count: (accounts + 63) / 64)
            picks = Picks(urgent: urgent, upperBand: upperBand)
            self.histogram = histogram
        }

        /// The full scan's list, in its order.
        init(
            _ found: (candidates: [RiskIndex.Candidate], histogram: [Int]), accounts: Int, urgent: Int,
            upperBand: Double
        ) {
            self.init(accounts: accounts, histogram: found.histogram, urgent: urgent, upperBand: upperBand)
            add(found.candidates)
        }

        mutating func add(_ candidates: some Sequence<RiskIndex.Candidate>) {
            withSettled { settled, picks in
                for candidate in candidates {
                    picks.add(
                        candidate.account, estimate: candidate.estimate, certain: candidate.certain, settled: settled)
                }
            }
        }

        /// The bitmap as a buffer beside the picks, for a loop that adds many (moved out and back: no copy).
        mutating func withSettled(_ body: (UnsafeMutableBufferPointer<UInt64>, inout Picks) -> Void) {
            var bits = settled
            settled = []
            bits.withUnsafeMutableBufferPointer { body($0, &picks) }
            settled = bits
        }
    }

    struct Picks {
        var settledCount = 0
        var unsettled: [Int] = []
        var shortlist: Smallest<ShortlistEntry>
        var near: [ShortlistEntry] = []
        /// Estimates above it cannot contend (−∞ when no most-urgent list is asked for).
        private var nearLimit: Double
        private let reach: Double

        init(urgent: Int, upperBand: Double) {
            shortlist = Smallest(urgent)
            nearLimit = urgent > 0 ? .infinity : -.infinity
            reach = (1 + 2 * upperBand) * (1 + 1e-9) / (1 - 2 * upperBand) * (1 + 1e-9)
        }

        /// A settled account ranked elsewhere (the urgent shelf): in the set, not in the shortlist.
        @inline(__always)
        mutating func settle(_ account: Int, settled: UnsafeMutableBufferPointer<UInt64>) {
            settled[account >> 6] |= 1 << UInt64(account & 63)
            settledCount += 1
        }

        @inline(__always)
        mutating func add(_ account: Int, estimate: Double, certain: Bool, settled: UnsafeMutableBufferPointer<UInt64>)
        {
            guard certain else { return unsettled.append(account) }
            settled[account >> 6] |= 1 << UInt64(account & 63)
            settledCount += 1
            guard estimate <= nearLimit else { return }
            let entry = ShortlistEntry(estimate: estimate, account: account)
            near.append(entry)
            if shortlist.insert(entry), let worst = shortlist.largest { nearLimit = worst.estimate * reach }
        }
    }

    /// The accounts of a bitmap, in increasing order.
    static func accounts(in bits: [UInt64], capacity: Int) -> [Int] {
        bits.withUnsafeBufferPointer { bits in
            [Int](unsafeUninitializedCapacity: capacity) { ordered, written in
                written = 0
                for (word, value) in bits.enumerated() where value != 0 {
                    var rest = value
                    while rest != 0 {
                        ordered[written] = word << 6 + rest.trailingZeroBitCount
                        written += 1
                        rest &= rest - 1
                    }
                }
            }
        }
    }
}
