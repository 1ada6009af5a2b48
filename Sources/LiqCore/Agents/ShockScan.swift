/// The exact answer to "what if this asset's oracle price moved by k %": the accounts liquidatable right
/// after (exact), the health-factor histogram (HealthBands), and the most urgent accounts by exact health
/// factor. The struct-of-arrays risk index finds candidates in one pass over both cores; the exact
/// arithmetic decides every account its estimate does not settle (`RiskIndex.verdict`'s bands). The shock
/// dialog's preview and `liqtop bench shock_scan` run this same function.
public struct ShockScan: Sendable, Equatable {
    public var liquidatable: [Int]
    public var histogram: [Int]
    public var mostUrgent: [Int]

    /// `urgent` caps the most-urgent list.
    public static func run(
        _ pool: LendingPool, index: RiskIndex, asset: Int, percentBps: Int, urgent: Int = 100
    ) throws -> ShockScan {
        try run(pool, index: index, assets: [asset], percentBps: percentBps, urgent: urgent)
    }

    /// Several assets moved by the same percentage at once: an asset and those that track it.
    public static func run(
        _ pool: LendingPool, index: RiskIndex, assets: [Int], percentBps: Int, urgent: Int = 100
    ) throws -> ShockScan {
        let shockedPool = shocked(pool, assets: assets, percentBps: percentBps)
        let moves = assets.map { (asset: $0, price: Double(shockedPool.prices[$0]) / 1e8) }
        let (candidates, histogram) = index.scan(moves: moves, edges: HealthBands.edges)
        var liquidatable: [(Int, Double)] = []
        liquidatable.reserveCapacity(candidates.count)
        for candidate in candidates {
            let confirmed =
                try candidate.certain
                || shockedPool.accountData(pool.accounts[candidate.account]).healthFactor.isLiquidatable
            if confirmed { liquidatable.append((candidate.account, candidate.estimate)) }
        }
        return ShockScan(
            liquidatable: liquidatable.map(\.0), histogram: histogram,
            mostUrgent: try mostUrgent(liquidatable, in: shockedPool, count: urgent))
    }

    /// The pool with `asset`'s oracle price moved by `percentBps` (at least one unit).
    public static func shocked(_ pool: LendingPool, asset: Int, percentBps: Int) -> LendingPool {
        shocked(pool, assets: [asset], percentBps: percentBps)
    }

    public static func shocked(_ pool: LendingPool, assets: [Int], percentBps: Int) -> LendingPool {
        var shockedPool = pool
        let factor = UInt128(max(0, 10_000 + percentBps))
        for asset in assets {
            shockedPool.prices[asset] = max(1, FullWidth.mulDivSaturating(pool.prices[asset], factor, 10_000))
        }
        return shockedPool
    }

    /// The `count` most urgent accounts by exact health factor (ties by account): the Double estimate
    /// shortlists, the exact arithmetic orders.
    static func mostUrgent(_ liquidatable: [(Int, Double)], in pool: LendingPool, count: Int) throws -> [Int] {
        var shortlisted = Smallest<UrgentEntry>(count * 2 + 50)
        for (account, estimate) in liquidatable {
            shortlisted.insert(UrgentEntry(estimate: estimate, account: account))
        }
        let shortlist = shortlisted.sorted.map { ($0.account, $0.estimate) }
        let exact = try shortlist.map { (account: $0.0, hf: try pool.accountData(pool.accounts[$0.0]).healthFactor) }
        return exact.sorted { ($0.hf, $0.account) < ($1.hf, $1.account) }.prefix(count).map(\.account)
    }
}
