/// `accountData`'s health factor for many accounts of one pool state, without building each dense
/// `Account`: the reserves' normalized income and debt are computed once, and positions are read from the
/// account book in place. The integer operations are `accountData`'s own (GenericLogic.sol's
/// `calculateUserAccountData`: value = rayMul(scaled, index)·price/unit truncating, avgLT = Σ value·LT /
/// Σ value truncating, HF = wadDiv(percentMul(collateral, avgLT), debt)), and sums of integers do not
/// depend on the order positions are read in, so the health factor is the same to the wei (tested against
/// `accountData`). Anything that would throw is handed to `accountData`, which throws the same error.
struct ExactHealth: Sendable {
    let pool: LendingPool
    /// Normalized income and debt by reserve at the pool's time (nil where computing it throws).
    private let income: [UInt128?]
    private let debt: [UInt128?]
    /// The liquidation threshold that applies, by eMode category id (0: none) and reserve.
    private let thresholds: [UInt8: [UInt128]]
    private let ownThresholds: [UInt128]

    init(_ pool: LendingPool) {
        self.pool = pool
        income = pool.reserves.map { try? $0.normalizedIncome(at: pool.time) }
        debt = pool.reserves.map { try? $0.normalizedDebt(at: pool.time) }
        ownThresholds = pool.reserves.map(\.configuration.liquidationThresholdBps)
        var thresholds: [UInt8: [UInt128]] = [:]
        // `eModeCategory(id:)` takes the first category with an id.
        for category in pool.eModeCategories where category.id != 0 && thresholds[category.id] == nil {
            thresholds[category.id] = pool.reserves.indices.map { reserve in
                category.contains(reserve: reserve)
                    ? category.liquidationThresholdBps : pool.reserves[reserve].configuration.liquidationThresholdBps
            }
        }
        self.thresholds = thresholds
    }

    func healthFactor(account index: Int) throws -> HealthFactor {
        var collateral: UInt128 = 0, owed: UInt128 = 0, weightedThreshold: UInt128 = 0
        var handOver = false
        let category = pool.accounts.eModeCategory(at: index)
        let applying = category == 0 ? ownThresholds : thresholds[category] ?? ownThresholds
        pool.accounts.forEachPosition(of: index) { reserve, scaled, isDebt, used in
            guard !handOver, scaled != 0 else { return }
            if isDebt {
                guard let factor = debt[reserve],
                    let balance = try? WadRayMath.rayMul(scaled, factor),
                    let value = try? pool.baseValue(balance, reserve: reserve),
                    let sum = try? FullWidth.add(owed, value, operation: "total debt")
                else { return handOver = true }
                owed = sum
            } else if used, ownThresholds[reserve] != 0 {
                guard let factor = income[reserve],
                    let balance = try? WadRayMath.rayMul(scaled, factor),
                    let value = try? pool.baseValue(balance, reserve: reserve),
                    let sum = try? FullWidth.add(collateral, value, operation: "total collateral"),
                    let product = try? FullWidth.multiply(value, applying[reserve]),
                    let weighted = try? FullWidth.add(weightedThreshold, product)
                else { return handOver = true }
                collateral = sum
                weightedThreshold = weighted
            }
        }
        if handOver { return try pool.accountData(pool.accounts[index]).healthFactor }
        guard owed != 0 else { return .infinite }
        let averageThreshold = collateral == 0 ? 0 : weightedThreshold / collateral
        return HealthFactor(
            wad: try WadRayMath.wadDiv(PercentageMath.percentMul(collateral, averageThreshold), owed))
    }
}
