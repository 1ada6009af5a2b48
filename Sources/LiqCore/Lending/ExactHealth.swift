/// `accountData`'s health factor for many accounts of one pool state, without building each dense
/// `Account`: the reserves' normalized income and debt are computed once, and positions are read from the
/// account book in place. The integer operations are `accountData`'s own (GenericLogic.sol's
/// `calculateUserAccountData`: value = rayMul(scaled, index)·price/unit truncating, avgLT = Σ value·LT /
/// Σ value truncating, HF = wadDiv(percentMul(collateral, avgLT), debt)), and sums of integers do not
/// depend on the order positions are read in, so the health factor is the same to the wei (tested against
/// `accountData`). Anything that would throw is handed to `accountData`, which throws the same error.
struct ExactHealth: Sendable {
    let pool: LendingPool
    /// Per reserve, what a position's value needs: plain integers, so a loop over them holds no references.
    let terms: [ReserveTerms]
    /// The liquidation threshold that applies, flat by (slot, reserve): slot 0 holds the reserves' own, then
    /// one slot per eMode category.
    let thresholds: [UInt128]
    /// The slot of each eMode category id (0: none, or a category the pool does not define).
    let slots: [UInt8]

    struct ReserveTerms {
        var income: UInt128 = 0
        var debt: UInt128 = 0
        var price: UInt128 = 0
        var unit: UInt128 = 0
        var ownThreshold: UInt128 = 0
        /// The unit's reciprocal, where the unit is below 2^64 (every asset of 19 decimals or fewer).
        var unitReciprocal: Reciprocal?
        /// False where computing the normalized income (debt) throws: positions there are handed over.
        var hasIncome = false
        var hasDebt = false
    }

    init(_ pool: LendingPool) {
        self.pool = pool
        terms = pool.reserves.indices.map { reserve in
            let state = pool.reserves[reserve]
            let income = try? state.normalizedIncome(at: pool.time), debt = try? state.normalizedDebt(at: pool.time)
            return ReserveTerms(
                income: income ?? 0, debt: debt ?? 0, price: pool.prices[reserve], unit: state.configuration.unit,
                ownThreshold: state.configuration.liquidationThresholdBps,
                unitReciprocal: state.configuration.unit == 0 || state.configuration.unit > UInt128(UInt64.max)
                    ? nil : Reciprocal(UInt64(state.configuration.unit)),
                hasIncome: income != nil, hasDebt: debt != nil)
        }
        var thresholds = pool.reserves.map(\.configuration.liquidationThresholdBps)
        var slots = [UInt8](repeating: 0, count: 256)
        var slot = 0
        // `eModeCategory(id:)` takes the first category with an id.
        for category in pool.eModeCategories where category.id != 0 && slots[Int(category.id)] == 0 {
            slot += 1
            slots[Int(category.id)] = UInt8(slot)
            thresholds += pool.reserves.indices.map { reserve in
                category.contains(reserve: reserve)
                    ? category.liquidationThresholdBps : pool.reserves[reserve].configuration.liquidationThresholdBps
            }
        }
        self.thresholds = thresholds
        self.slots = slots
    }

    func healthFactor(account index: Int) throws -> HealthFactor {
        try withReader { try $0.healthFactor(index) }
    }

    /// Runs `body` with a reader over this state's buffers (one setup for a loop over many accounts).
    func withReader<Result>(_ body: (Reader) throws -> Result) rethrows -> Result {
        try pool.accounts.withColumns { columns in
            try terms.withUnsafeBufferPointer { terms in
                try thresholds.withUnsafeBufferPointer { thresholds in
                    try slots.withUnsafeBufferPointer { slots in
                        try body(
                            Reader(
                                pool: pool, columns: columns, terms: terms, thresholds: thresholds, slots: slots,
                                reserveCount: pool.reserves.count))
                    }
                }
            }
        }
    }

    /// The health factor from the buffers, with no reference counting in the loop; valid only inside
    /// `withReader`.
    struct Reader {
        let pool: LendingPool
        let columns: AccountBook.Columns
        let terms: UnsafeBufferPointer<ReserveTerms>
        let thresholds: UnsafeBufferPointer<UInt128>
        let slots: UnsafeBufferPointer<UInt8>
        let reserveCount: Int

        func healthFactor(_ account: Int) throws -> HealthFactor {
            if let healthFactor = fast(account) { return healthFactor }
            return try pool.accountData(pool.accounts[account]).healthFactor
        }

        /// Health factors of many accounts, in chunks of 32: a chunk's positions are read first with no load
        /// waiting on another, so their cache misses overlap, and the arithmetic then finds them in cache.
        /// Account by account, the arithmetic between two accounts' loads leaves each miss waited out alone.
        func healthFactors(_ accounts: ArraySlice<Int>) throws -> [HealthFactor] {
            var result: [HealthFactor] = []
            result.reserveCapacity(accounts.count)
            var touched: UInt64 = 0
            var low = accounts.startIndex
            while low < accounts.endIndex {
                let chunk = accounts[low..<min(low + 32, accounts.endIndex)]
                touched &+= columns.touch(chunk)
                for account in chunk { result.append(try healthFactor(account)) }
                low = chunk.endIndex
            }
            keep(touched)
            return result
        }

        /// nil where a step would throw: `accountData` then throws the same error.
        @inline(__always)
        private func fast(_ account: Int) -> HealthFactor? {
            var collateral: UInt128 = 0, owed: UInt128 = 0, weightedThreshold: UInt128 = 0
            var collaterals = 0, threshold: UInt128 = 0
            let slot = Int(slots[Int(columns.eModes[account])]) * reserveCount
            let start = Int(columns.starts[account])
            for position in start..<(start + Int(columns.counts[account])) {
                let scaled = columns.amounts[position]
                guard scaled != 0 else { continue }
                let tag = columns.tags[position], reserve = Int(tag & 0xFF)
                let terms = terms[reserve]
                if tag & AccountBook.debtBit != 0 {
                    guard terms.hasDebt, let value = Self.value(scaled, terms.debt, terms) else { return nil }
                    let (sum, overflow) = owed.addingReportingOverflow(value)
                    guard !overflow else { return nil }
                    owed = sum
                } else if tag & AccountBook.collateralFlagBit != 0, terms.ownThreshold != 0 {
                    guard terms.hasIncome, let value = Self.value(scaled, terms.income, terms) else { return nil }
                    let (sum, overflow) = collateral.addingReportingOverflow(value)
                    threshold = thresholds[slot + reserve]
                    collaterals += 1
                    let (product, productOverflow) = value.multipliedReportingOverflow(by: threshold)
                    let (weighted, weightedOverflow) = weightedThreshold.addingReportingOverflow(product)
                    guard !overflow, !productOverflow, !weightedOverflow else { return nil }
                    collateral = sum
                    weightedThreshold = weighted
                }
            }
            guard owed != 0 else { return .infinite }
            // One collateral of value v: (v·LT) / v is LT, without the division.
            let averageThreshold =
                collateral == 0 ? 0 : collaterals == 1 ? threshold : weightedThreshold / collateral
            guard let adjusted = try? PercentageMath.percentMul(collateral, averageThreshold),
                let wad = try? WadRayMath.wadDiv(adjusted, owed)
            else { return nil }
            return HealthFactor(wad: wad)
        }

        /// A position's value in the base currency: `baseValue(rayMul(scaled, index))`.
        @inline(__always)
        static func value(_ scaled: UInt128, _ index: UInt128, _ terms: ReserveTerms) -> UInt128? {
            guard let balance = try? WadRayMath.rayMul(scaled, index) else { return nil }
            guard let reciprocal = terms.unitReciprocal else {
                return try? FullWidth.mulDiv(balance, terms.price, terms.unit, operation: "base value")
            }
            let (high, low) = balance.wideProduct(terms.price)
            return high < terms.unit ? reciprocal.divide(high: high, low: low).quotient : nil
        }
    }
}

/// Keeps a value the optimizer would otherwise drop with the loads that made it (`Columns.touch` loads for
/// their effect on the cache only).
@_optimize(none) func keep(_ value: UInt64) {}
