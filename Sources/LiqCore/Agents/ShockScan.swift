import Dispatch

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

    /// Several assets moved by the same percentage at once: an asset and those that track it. With a
    /// `shockIndex` that answers this group and this version of the risk index, the candidates come from it
    /// (no pass over the accounts); otherwise from the full scan. The answer is the same either way, but
    /// for the histogram's resolution at its edges (see `ShockIndex.Cell`).
    public static func run(
        _ pool: LendingPool, index: RiskIndex, assets: [Int], percentBps: Int, urgent: Int = 100,
        shockIndex: ShockIndex? = nil
    ) throws -> ShockScan {
        try run(
            pool, index: index, assets: assets, prices: movedPrices(pool, assets: assets, percentBps: percentBps),
            urgent: urgent, shockIndex: shockIndex)
    }

    /// The same for oracle prices given outright (`prices`, in `assets`' order): where the oracle will be
    /// once it follows a shock to the true prices, which it may lag.
    public static func run(
        _ pool: LendingPool, index: RiskIndex, assets: [Int], prices: [UInt128], urgent: Int = 100,
        shockIndex: ShockIndex? = nil
    ) throws -> ShockScan {
        let shockedPool = shocked(pool, assets: assets, prices: prices)
        if let shockIndex, shockIndex.answers(assets: assets, index: index),
            let gathered = shockIndex.gather(
                index: index, prices: prices.map { $0.doubleValue / 1e8 }, urgent: urgent)
        {
            return try confirm(gathered, in: shockedPool, upperBand: index.upperBand, urgent: urgent)
        }
        return try full(shockedPool, index: index, assets: assets, urgent: urgent)
    }

    /// The same answer from one pass over every account (both cores): for shocks no index answers, and as
    /// the reference `liqtop bench shock_scan_full` times.
    public static func full(
        _ pool: LendingPool, index: RiskIndex, assets: [Int], percentBps: Int, urgent: Int = 100
    ) throws -> ShockScan {
        try full(shocked(pool, assets: assets, percentBps: percentBps), index: index, assets: assets, urgent: urgent)
    }

    /// The full scan over `shockedPool`, the pool with the moved assets at their new oracle prices.
    static func full(_ shockedPool: LendingPool, index: RiskIndex, assets: [Int], urgent: Int) throws -> ShockScan {
        let moves = assets.map { (asset: $0, price: shockedPool.prices[$0].doubleValue / 1e8) }
        let gathered = Gathered(
            index.scan(moves: moves, edges: HealthBands.edges), accounts: index.count, urgent: urgent,
            upperBand: index.upperBand)
        return try confirm(gathered, in: shockedPool, upperBand: index.upperBand, urgent: urgent)
    }

    /// The exact arithmetic decides every candidate the estimate does not settle (together, on both cores
    /// when there are many); the liquidatable come out in account order, from the bitmap.
    static func confirm(
        _ gathered: Gathered, in shockedPool: LendingPool, upperBand: Double, urgent: Int
    ) throws
        -> ShockScan
    {
        let exact = ExactHealth(shockedPool)
        var settled = gathered.settled, count = gathered.picks.settledCount
        // Decided by the exact arithmetic, with the health factor.
        var decided: [UrgentExact] = []
        for (account, hf) in zip(gathered.picks.unsettled, try exact.healthFactors(gathered.picks.unsettled))
        where hf.isLiquidatable {
            settled[account >> 6] |= 1 << UInt64(account & 63)
            count += 1
            decided.append(UrgentExact(hf: hf, account: account))
        }
        return ShockScan(
            liquidatable: accounts(in: settled, capacity: count), histogram: gathered.histogram,
            mostUrgent: try mostUrgent(
                gathered.picks.near, first: gathered.picks.shortlist.sorted.map(\.account), decided: decided,
                exact: exact, upperBand: upperBand, count: urgent, shelf: gathered.shelf))
    }

    /// Distinct account indexes in increasing order, through a bitmap (linear, no sort).
    static func inAccountOrder(_ accounts: [Int], count: Int) -> [Int] {
        var bits = [UInt64](repeating: 0, count: (count + 63) / 64)
        bits.withUnsafeMutableBufferPointer { bits in
            for account in accounts { bits[account >> 6] |= 1 << UInt64(account & 63) }
        }
        return Self.accounts(in: bits, capacity: accounts.count)
    }

    /// The pool with `asset`'s oracle price moved by `percentBps` (at least one unit).
    public static func shocked(_ pool: LendingPool, asset: Int, percentBps: Int) -> LendingPool {
        shocked(pool, assets: [asset], percentBps: percentBps)
    }

    public static func shocked(_ pool: LendingPool, assets: [Int], percentBps: Int) -> LendingPool {
        shocked(pool, assets: assets, prices: movedPrices(pool, assets: assets, percentBps: percentBps))
    }

    /// The pool with `assets`' oracle prices set to `prices` (in the same order).
    public static func shocked(_ pool: LendingPool, assets: [Int], prices: [UInt128]) -> LendingPool {
        precondition(prices.count == assets.count, "a price per asset")
        var shockedPool = pool
        for (asset, price) in zip(assets, prices) { shockedPool.prices[asset] = price }
        return shockedPool
    }

    /// The oracle prices of `assets` moved by `percentBps` (at least one unit).
    static func movedPrices(_ pool: LendingPool, assets: [Int], percentBps: Int) -> [UInt128] {
        let factor = UInt128(max(0, 10_000 + percentBps))
        return assets.map { max(1, FullWidth.mulDivSaturating(pool.prices[$0], factor, 10_000)) }
    }

    /// The `count` most urgent accounts by exact health factor (ties by account). Those the exact arithmetic
    /// decided come with their health factor. For the others (settled, `near` as `Gathered` keeps them): an estimate
    /// settled below 1 is off by less than `upperBand` relative (the band's own argument: the threshold's
    /// truncation to basis points and the Float columns), so with h the `count`-th exact health factor of
    /// `first` (the `count` smallest estimates) and the decided, no account whose estimate is above
    /// h / (1 − 2·upperBand) can rank, and every account below it gets its exact health factor (on both
    /// cores when there are many: accounts with equal estimates must all be asked).
    ///
    /// Accounts on the urgent shelf are in none of these lists: `shelf` adds those that can rank to the
    /// result (`ShockIndex.UrgentShelf.rank`).
    static func mostUrgent(
        _ near: [ShortlistEntry], first: [Int], decided: [UrgentExact], exact: ExactHealth,
        upperBand: Double, count: Int, shelf: ShockIndex.ShelfQuery? = nil
    ) throws -> [Int] {
        guard count > 0 else { return [] }
        func ranked(_ accounts: [Int]) throws -> Smallest<UrgentExact> {
            var smallest = Smallest<UrgentExact>(count)
            for (account, hf) in zip(accounts, try exact.healthFactors(accounts)) {
                smallest.insert(UrgentExact(hf: hf, account: account))
            }
            for entry in decided { smallest.insert(entry) }
            return smallest
        }
        var smallest = try ranked(first)
        if first.count == count, let last = smallest.largest {
            let limit = Double(last.hf.wad) / 1e18 * (1 + 1e-9) / (1 - 2 * upperBand)
            let contenders = near.compactMap { $0.estimate <= limit ? $0.account : nil }
            // In account order, the book's columns are read front to back.
            if contenders.count > count {
                smallest = try ranked(inAccountOrder(contenders, count: exact.pool.accounts.count))
            }
        }
        try shelf?.rank(into: &smallest, exact: exact)
        return smallest.sorted.map(\.account)
    }

    /// The first shortlist orders by estimate alone: any `count` accounts bound the `count`-th exact health
    /// factor from above (`mostUrgent`), so among equal estimates the first seen is kept, and thousands of
    /// equal estimates do not each replace the last.
    struct ShortlistEntry: Comparable {
        var estimate: Double
        var account: Int
        static func < (a: ShortlistEntry, b: ShortlistEntry) -> Bool { a.estimate < b.estimate }
        static func == (a: ShortlistEntry, b: ShortlistEntry) -> Bool { a.estimate == b.estimate }
    }

    struct UrgentExact: Comparable {
        var hf: HealthFactor
        var account: Int
        static func < (a: UrgentExact, b: UrgentExact) -> Bool { (a.hf, a.account) < (b.hf, b.account) }
    }
}

extension ExactHealth {
    /// Exact health factors of many accounts, split over two cores when there are enough to pay for it.
    func healthFactors(_ accounts: [Int]) throws -> [HealthFactor] {
        guard accounts.count >= 4_096 else { return try withReader { try $0.healthFactors(accounts[...]) } }
        final class Part: @unchecked Sendable {
            var result: Result<[HealthFactor], any Error> = .success([])
        }
        let parts = [Part(), Part()]
        let health = self
        DispatchQueue.concurrentPerform(iterations: 2) { slice in
            let range = accounts.count * slice / 2..<accounts.count * (slice + 1) / 2
            parts[slice].result = Result { try health.withReader { try $0.healthFactors(accounts[range]) } }
        }
        return try parts.flatMap { try $0.result.get() }
    }
}
