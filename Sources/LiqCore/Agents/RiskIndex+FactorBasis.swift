extension RiskIndex {
    /// When the index factors were last computed (or checked): the pool's time, how far they had grown past
    /// the factors the sums use, and each reserve's stored indexes, rates and last update. While none of the
    /// reserves' part changes, each index grows at its fixed rate (linearly for income, compounded for
    /// debt), so the growth since is at most exp(r·Δt/year) − 1 < 2·r·Δt/year with r the highest of those
    /// rates: a bound `rebase` checks instead of computing the factors. Anything that changes a rate or an
    /// index (an action's `updateState`, a flash loan's premium) changes the basis and forces the full
    /// computation, whose answer is then the same as always.
    struct FactorBasis: Sendable, Equatable {
        struct Reserve: Sendable, Equatable {
            var lastUpdate: UInt64
            var liquidityIndex: UInt128
            var variableBorrowIndex: UInt128
            var liquidityRate: UInt128
            var variableBorrowRate: UInt128
        }

        var time: UInt64
        /// The largest relative growth of a factor past the sums' factors, when last computed.
        var grown: Double
        var reserves: [Reserve]
        /// The highest rate, per year (1.0 = 100 %).
        var highestRate: Double

        init(_ pool: LendingPool, grown: Double) {
            time = pool.time
            self.grown = grown
            reserves = pool.reserves.map {
                Reserve(
                    lastUpdate: $0.lastUpdateTimestamp, liquidityIndex: $0.liquidityIndex,
                    variableBorrowIndex: $0.variableBorrowIndex, liquidityRate: $0.currentLiquidityRate,
                    variableBorrowRate: $0.currentVariableBorrowRate)
            }
            highestRate =
                pool.reserves.map { max($0.currentLiquidityRate, $0.currentVariableBorrowRate).doubleValue / 1e27 }
                .max() ?? 0
        }

        /// Whether no factor of `pool` can have grown past the sums' by `tolerance`, provably: the reserves are
        /// as they were, and what had grown plus twice the highest rate over the time since (exp(x) − 1 < 2x
        /// for the x below 10⁻³ this is used with), with a margin for rounding, stays under it.
        func boundsGrowth(of pool: LendingPool, below tolerance: Double) -> Bool {
            guard pool.time >= time, pool.reserves.count == reserves.count else { return false }
            let since = 2 * highestRate * Double(pool.time - time) / (365 * 86_400)
            let bound = (grown + since + grown * since) * 1.01 + 1e-12
            guard bound.isFinite, since < 1e-3, bound < tolerance else { return false }
            for (index, reserve) in pool.reserves.enumerated() {
                let basis = reserves[index]
                guard reserve.lastUpdateTimestamp == basis.lastUpdate, reserve.liquidityIndex == basis.liquidityIndex,
                    reserve.variableBorrowIndex == basis.variableBorrowIndex,
                    reserve.currentLiquidityRate == basis.liquidityRate,
                    reserve.currentVariableBorrowRate == basis.variableBorrowRate
                else { return false }
            }
            return true
        }
    }
}
