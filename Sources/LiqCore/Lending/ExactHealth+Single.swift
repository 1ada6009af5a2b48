extension ExactHealth.Reader {
    /// The exact terms of an account whose health factor counts one collateral position, in a reserve of
    /// `moving`, and debt only in reserves outside it: its collateral balance in token units
    /// (rayMul(scaled, income)), that reserve, the threshold that applies (eMode included), and its debt in
    /// the base currency (the sum of each position's truncated value, as `accountData` sums it), and a
    /// bound on that debt's rounding. With these,
    /// HF = wadDiv(percentMul(⌊C·P/unit⌋, LT), debt) for any price P of the collateral: what the shock
    /// index's urgent shelf orders accounts by. nil for any other account, or where a step would throw.
    func singleCollateral(_ account: Int, moving: [Bool]) -> SingleCollateral? {
        var found: SingleCollateral?
        var owed: UInt128 = 0, rounding = 0.0
        let slot = Int(slots[Int(columns.eModes[account])]) * reserveCount
        let start = Int(columns.starts[account])
        for position in start..<(start + Int(columns.counts[account])) {
            let scaled = columns.amounts[position]
            guard scaled != 0 else { continue }
            let tag = columns.tags[position], reserve = Int(tag & 0xFF)
            let terms = terms[reserve]
            if tag & AccountBook.debtBit != 0 {
                guard !moving[reserve], terms.hasDebt, let value = Self.value(scaled, terms.debt, terms) else {
                    return nil
                }
                let (sum, overflow) = owed.addingReportingOverflow(value)
                guard !overflow else { return nil }
                owed = sum
                rounding += 1 + terms.price.doubleValue / terms.unit.doubleValue
            } else if tag & AccountBook.collateralFlagBit != 0, terms.ownThreshold != 0 {
                guard found == nil, moving[reserve], terms.hasIncome,
                    let units = try? WadRayMath.rayMul(scaled, terms.income)
                else { return nil }
                found = SingleCollateral(
                    reserve: reserve, slot: slot / max(1, reserveCount), threshold: thresholds[slot + reserve],
                    units: units, debtBase: 0, debtRounding: 0)
            }
        }
        guard var single = found, owed != 0 else { return nil }
        single.debtBase = owed
        single.debtRounding = rounding
        return single
    }

    struct SingleCollateral {
        var reserve: Int
        /// The threshold's slot (`ExactHealth.thresholds`): 0 for the reserves' own, then one per eMode category.
        var slot: Int
        var threshold: UInt128
        var units: UInt128
        var debtBase: UInt128
        /// Per debt position, 1 (its value's truncation) plus the base value of one token unit: what a
        /// position's rounding can add to the debt as its index grows (`ShockIndex.UrgentShelf`).
        var debtRounding: Double
    }
}
