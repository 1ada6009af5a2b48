/// The fast side of every scan over the accounts, as struct-of-arrays. Per asset, a column of
/// threshold-weighted scaled collateral and a column of scaled debt, in whole tokens (`Float`: a scan reads
/// them, it never decides with them). Balances grow with the reserves' indexes, so each asset has an
/// effective price: oracle price × normalized income for collateral, × normalized debt for debt. Per
/// account, the sums at those prices: W = Σ p·C (weighted collateral), D = Σ p·B (debt),
/// V = Σ p·collateral (unweighted). The estimated health factor is W / D, and a shock Δp to one asset
/// gives (W + Δp·C) / (D + Δp·B) from four flat arrays. Interest moves the sums too: `rebase` re-sums
/// when an index has moved by more than `indexTolerance` since the last sum.
///
/// Columns no account uses stay empty. Every decision is confirmed with the exact arithmetic: an estimate
/// is only trusted below `1 − certainBelow` with at least $1 of debt, and only dismissed at or above
/// `1 + upperBand` (the contract truncates the average liquidation threshold to whole basis points, so the
/// exact HF can sit up to 1/LT below the estimate; GenericLogic.sol, docs/mechanics.md).
public struct RiskIndex: Sendable {
    public let assets: Int
    public private(set) var count: Int
    /// The oracle prices (USD) and the reserves' normalized income and debt (as multiples of 1 ray) at
    /// which W, D and V are summed.
    public private(set) var prices: [Double]
    public private(set) var incomeFactors: [Double]
    public private(set) var debtFactors: [Double]
    /// Bumped by every change, so that summaries know when they are stale.
    public private(set) var version = 0
    /// Which accounts were re-read lately, for indexes built on this one that patch rather than rebuild.
    public private(set) var refreshes = RefreshLog()
    /// Which index this is: every `init(pool:)` makes another (governance rebuilds the index when thresholds
    /// change), whose version and refresh log can equal an earlier index's; copies and updates keep it.
    /// Figures kept from an index (summaries, the shock index) hold it, and are not reused across lineages.
    let lineage = Lineage()

    final class Lineage: Sendable {}
    /// What `incomeFactors` and `debtFactors` were computed from (see `rebase`).
    var factorBasis: FactorBasis
    public let upperBand: Double
    /// An estimate below 1 − this (with $1 of debt or more) is liquidatable without asking the exact
    /// arithmetic: it covers Float columns (~1.2e-7) and indexes up to `indexTolerance` old on both sides.
    public static let certainBelow = 1e-5
    /// How far (relative) an index may move before the sums are redone.
    public static let indexTolerance = 2e-6

    var weighted: [Double]
    var owed: [Double]
    var value: [Double]
    var categories: [UInt8]
    /// Liquidation threshold as a fraction, by eMode category id (0 for none) and asset.
    let thresholds: [[Double]]
    let countsAsCollateral: [Bool]
    let units: [Double]
    var collateralColumns: [[Float]]
    var debtColumns: [[Float]]

    public init(pool: LendingPool) {
        assets = pool.reserves.count
        count = pool.accounts.count
        prices = pool.prices.map { $0.doubleValue / 1e8 }
        (incomeFactors, debtFactors) = Self.indexFactors(pool)
        factorBasis = FactorBasis(pool, grown: 0)
        units = pool.reserves.map { $0.configuration.unit.doubleValue }
        countsAsCollateral = pool.reserves.map { $0.configuration.liquidationThresholdBps != 0 }
        thresholds = (0...255).map { category in
            (0..<pool.reserves.count).map { reserve in
                let own = pool.reserves[reserve].configuration.liquidationThresholdBps
                if let mode = pool.eModeCategory(id: UInt8(category)), mode.contains(reserve: reserve) {
                    return Double(mode.liquidationThresholdBps) / 10_000
                }
                return Double(own) / 10_000
            }
        }
        let lowest =
            (pool.reserves.map(\.configuration.liquidationThresholdBps)
            + pool.eModeCategories.map(\.liquidationThresholdBps))
            .filter { $0 > 0 }.min() ?? 10_000
        upperBand = 1 / Double(lowest) + Self.certainBelow
        weighted = Array(repeating: 0, count: count)
        owed = weighted
        value = weighted
        categories = Array(repeating: 0, count: count)
        collateralColumns = Array(repeating: [], count: assets)
        debtColumns = Array(repeating: [], count: assets)
        for account in 0..<count { refresh(account: account, in: pool) }
    }

    /// Each reserve's normalized income and debt at the pool's time, as multiples of 1 ray.
    static func indexFactors(_ pool: LendingPool) -> (income: [Double], debt: [Double]) {
        (
            pool.reserves.map { ((try? $0.normalizedIncome(at: pool.time)) ?? $0.liquidityIndex).doubleValue / 1e27 },
            pool.reserves.map { ((try? $0.normalizedDebt(at: pool.time)) ?? $0.variableBorrowIndex).doubleValue / 1e27 }
        )
    }

    /// Re-reads one account's scaled balances and re-sums it.
    public mutating func refresh(account index: Int, in pool: LendingPool) {
        version &+= 1
        refreshes.record(index)
        for asset in 0..<assets {
            if !collateralColumns[asset].isEmpty { collateralColumns[asset][index] = 0 }
            if !debtColumns[asset].isEmpty { debtColumns[asset][index] = 0 }
        }
        let category = pool.accounts.eModeCategory(at: index)
        categories[index] = category
        pool.accounts.forEachPosition(of: index) { reserve, scaled, isDebt, used in
            if isDebt {
                Self.set(&debtColumns[reserve], index, Float(scaled.doubleValue / units[reserve]), count: count)
            } else if used, countsAsCollateral[reserve], scaled != 0 {
                Self.set(
                    &collateralColumns[reserve], index,
                    Float(scaled.doubleValue / units[reserve] * thresholds[Int(category)][reserve]), count: count)
            }
        }
        resum(index)
    }

    private static func set(_ column: inout [Float], _ index: Int, _ value: Float, count: Int) {
        guard value != 0 || !column.isEmpty else { return }
        if column.isEmpty { column = Array(repeating: 0, count: count) }
        column[index] = value
    }

    private mutating func resum(_ index: Int) {
        var w = 0.0, d = 0.0, v = 0.0
        let category = Int(categories[index])
        for asset in 0..<assets {
            if !collateralColumns[asset].isEmpty {
                let c = Double(collateralColumns[asset][index]) * incomeFactors[asset]
                w += c * prices[asset]
                if c != 0 { v += c / thresholds[category][asset] * prices[asset] }
            }
            if !debtColumns[asset].isEmpty {
                d += Double(debtColumns[asset][index]) * debtFactors[asset] * prices[asset]
            }
        }
        weighted[index] = w
        owed[index] = d
        value[index] = v
    }

    /// Re-sums every account when the pool's oracle prices differ from the index's, or a reserve's index has
    /// moved by more than `indexTolerance` (interest); otherwise nothing to do.
    public mutating func rebase(pool: LendingPool) {
        let newPrices = pool.prices.map { $0.doubleValue / 1e8 }
        // Most ticks: the same prices, and interest at unchanged rates that cannot have moved an index by the
        // tolerance yet, so the factors need not be computed (the answer is the same: nothing to do).
        if newPrices == prices, factorBasis.boundsGrowth(of: pool, below: Self.indexTolerance) { return }
        let (income, debt) = Self.indexFactors(pool)
        func moved(_ a: [Double], _ b: [Double]) -> Bool {
            zip(a, b).contains { abs($0 / $1 - 1) > Self.indexTolerance }
        }
        guard newPrices != prices || moved(income, incomeFactors) || moved(debt, debtFactors) else {
            // Not moved yet: how far they have grown, from which the next ticks can bound it without computing.
            let grown = zip(income + debt, incomeFactors + debtFactors).map { abs($0 / $1 - 1) }.max() ?? 0
            factorBasis = FactorBasis(pool, grown: grown.isFinite ? grown : .infinity)
            return
        }
        prices = newPrices
        incomeFactors = income
        debtFactors = debt
        factorBasis = FactorBasis(pool, grown: 0)
        version &+= 1
        resumAll()
    }

    /// `resum` of every account, column by column: per account the same additions in the same order (asset
    /// by asset, from 0), so the same sums to the bit, in flat loops. A Monte Carlo path re-sums all its
    /// accounts on every oracle update.
    private mutating func resumAll() {
        var w = [Double](repeating: 0, count: count), d = w, v = w
        let count = count
        for asset in 0..<assets {
            let price = prices[asset]
            if !collateralColumns[asset].isEmpty {
                let income = incomeFactors[asset]
                let threshold = thresholds.map { $0[asset] }
                // Adding 0 where an account holds none is `resum`'s skip to the bit (v is never −0), and lets the
                // loop run without branches.
                collateralColumns[asset].withUnsafeBufferPointer { column in
                    categories.withUnsafeBufferPointer { category in
                        threshold.withUnsafeBufferPointer { threshold in
                            w.withUnsafeMutableBufferPointer { w in
                                v.withUnsafeMutableBufferPointer { v in
                                    for index in 0..<count {
                                        let c = Double(column[index]) * income
                                        w[index] += c * price
                                        let share = c / threshold[Int(category[index])] * price
                                        v[index] += c != 0 ? share : 0
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if !debtColumns[asset].isEmpty {
                let factor = debtFactors[asset]
                debtColumns[asset].withUnsafeBufferPointer { column in
                    d.withUnsafeMutableBufferPointer { d in
                        for index in 0..<count { d[index] += Double(column[index]) * factor * price }
                    }
                }
            }
        }
        weighted = w
        owed = d
        value = v
    }

    /// The last `capacity` accounts refreshed, in a ring, and how many refreshes there have been.
    public struct RefreshLog: Sendable {
        public static let capacity = 8_192
        public private(set) var total = 0
        private var ring: [Int32] = []

        mutating func record(_ account: Int) {
            if ring.count < Self.capacity {
                ring.append(Int32(account))
            } else {
                ring[total % Self.capacity] = Int32(account)
            }
            total += 1
        }

        /// The accounts refreshed since the log's total was `total` (repeats possible), or nil when the ring
        /// no longer holds them all.
        public func accounts(since total: Int) -> [Int]? {
            let missed = self.total - total
            guard missed >= 0, missed <= Self.capacity else { return nil }
            return (total..<self.total).map { Int(ring[$0 % Self.capacity]) }
        }
    }

    /// What an estimate settles on its own, the one rule every scan uses.
    public enum Verdict: Sendable { case liquidatable, notLiquidatable, askExact }

    /// Below 1 − `certainBelow` with at least $1 of debt: liquidatable. At or above 1 + `upperBand` with at
    /// least $1 of debt: not. Anything else, and every account under $1 of debt (where the contract's
    /// rounding of each value to 1e-8 USD outweighs any band), is for the exact arithmetic to decide.
    public static func verdict(estimate: Double, owedUSD: Double, upperBand: Double) -> Verdict {
        guard owedUSD >= 1 else { return .askExact }
        return estimate < 1 - certainBelow ? .liquidatable : estimate < 1 + upperBand ? .askExact : .notLiquidatable
    }

    public func verdict(account: Int) -> Verdict {
        Self.verdict(estimate: healthFactor(account: account), owedUSD: owed[account], upperBand: upperBand)
    }

    // MARK: Per account

    /// The estimated health factor at the reference prices (infinite without debt).
    public func healthFactor(account: Int) -> Double {
        owed[account] == 0 ? .infinity : weighted[account] / owed[account]
    }

    /// Estimated collateral (where it counts) and debt in USD at the reference prices.
    public func collateralUSD(account: Int) -> Double { value[account] }
    public func debtUSD(account: Int) -> Double { owed[account] }

    /// Collateral (where it counts) of one asset, in tokens.
    public func collateralTokens(account: Int, asset: Int) -> Double {
        collateralColumns[asset].isEmpty
            ? 0
            : Double(collateralColumns[asset][account]) * incomeFactors[asset]
                / thresholds[Int(categories[account])][asset]
    }

    /// Debt in one asset, in tokens.
    public func debtTokens(account: Int, asset: Int) -> Double {
        debtColumns[asset].isEmpty ? 0 : Double(debtColumns[asset][account]) * debtFactors[asset]
    }

    /// Estimated collateral and debt in USD at any prices (a pass over the used columns).
    public func collateralUSD(account: Int, prices: [Double]) -> Double {
        (0..<assets).reduce(0) { $0 + collateralTokens(account: account, asset: $1) * prices[$1] }
    }

    public func debtUSD(account: Int, prices: [Double]) -> Double {
        (0..<assets).reduce(0) { $0 + debtTokens(account: account, asset: $1) * prices[$1] }
    }

    /// The estimate after `asset` moves to `price` (one asset shocked from the reference prices).
    public func healthFactor(account: Int, asset: Int, price: Double) -> Double {
        let delta = price - prices[asset]
        let d = owed[account] + delta * debtTokens(account: account, asset: asset)
        let c = collateralColumns[asset].isEmpty ? 0 : Double(collateralColumns[asset][account]) * incomeFactors[asset]
        return d <= 0 ? .infinity : (weighted[account] + delta * c) / d
    }
}
