extension ShockIndex {
    /// The urgent shelf: the rising lines most likely to be the most urgent, ranked without asking the exact
    /// arithmetic about each of them.
    ///
    /// An account whose health factor counts one collateral position, in the moving group, and whose debt
    /// is all outside it, has HF = wadDiv(percentMul(⌊C·P′/unit⌋, LT), D) at the collateral's price P′: its
    /// collateral in token units C and its debt in the base currency D do not move with P′. So at every
    /// shock these accounts rank by μ = C / D, to the roundings. Thousands of accounts can sit within
    /// 10⁻⁹ of one another (positions opened at the same target health factor), where no estimate from the
    /// Float columns can rank them and the most-urgent list would otherwise ask the exact arithmetic about
    /// every one. The shelf keeps those with the smallest lines (k = 0, the `depth` smallest m, and all
    /// within twice the estimate's band of them), with μ computed exactly at build, sorted within each
    /// (collateral reserve, threshold) group; a query walks each group in order of μ and asks the exact
    /// arithmetic only about accounts whose lower bound (below) does not already rule them out.
    ///
    /// The lower bound covers what can change between the build and the query: the collateral's own price,
    /// interest (each reserve's index grows by γ = now / at build: C′ ≥ (C − ½)·γ − ½ by rayMul's
    /// rounding, and each debt position's value at most (units + ½)·γ + ½ units), and each truncation
    /// (⌊C′·P′/unit⌋ loses under 1, percentMul and wadDiv round half up, each debt position's value loses
    /// under 1). Other prices and thresholds must be as built, or the group is walked in full. Accounts
    /// refreshed since the build are masked, as everywhere in the index. Any subset of accounts could be
    /// shelved without changing an answer: shelved accounts are kept out of the estimate shortlist and
    /// ranked here instead, and the walk stops only where the bound proves the rest cannot rank.
    struct UrgentShelf: Sendable {
        /// Accounts sorted by μ within each group.
        var groups: [Group] = []
        var account: [UInt32] = []
        var mu: [Double] = []
        var debtBase: [Double] = []
        /// Per account, the debt's rounding (`SingleCollateral.debtRounding`), rounded up.
        var debtRounding: [Float] = []
        /// The crossing below which the account's line is settled liquidatable (`verdictCrossings`): the
        /// walk ranks only those; the others are decided by the exact arithmetic with the unsettled.
        var certainRatio: [Float] = []
        /// Every reserve at build: normalized income and debt (0 where they could not be computed), price.
        var income: [UInt128] = []
        var debt: [UInt128] = []
        var prices: [UInt128] = []
        /// Every reserve's own liquidation threshold at build: whether a position counts as collateral.
        var ownThresholds: [UInt128] = []
        var moving: [Bool] = []

        struct Group: Sendable {
            var reserve: Int
            var slot: Int
            var threshold: UInt128
            var lines: Range<Int>
            var smallestDebt: Double
            /// The largest debt rounding against its debt, over the group.
            var roundingShare: Double
        }

        /// How many of the smallest lines the shelf aims to hold (the most-urgent list's usual length), and at
        /// most how many accounts (ties beyond it go through the shortlist as before).
        static let depth = 100
        static let capacity = 1 << 16
        /// Below $100 of debt an account's roundings are large against its health factor: not shelved.
        static let smallestDebt: UInt128 = 10_000_000_000

        var isEmpty: Bool { account.isEmpty }
    }
}

extension ShockIndex.UrgentShelf {
    init(pool: LendingPool, lines: [ShockIndex.Line], moving assets: [Int], upperBand: Double) {
        var smallest = Smallest<Double>(Self.depth)
        for line in lines where line.k == 0 { smallest.insert(line.m) }
        let cut = (smallest.largest ?? .infinity) * (1 + 2 * upperBand) * (1 + 1e-9)
        var chosen = lines.filter { $0.k == 0 && $0.m <= cut }
        if chosen.count > Self.capacity {
            chosen.sort { ($0.m, $0.account) < ($1.m, $1.account) }
            chosen.removeLast(chosen.count - Self.capacity)
        }
        guard !chosen.isEmpty else { return }
        let exact = ExactHealth(pool)
        moving = pool.reserves.indices.map { assets.contains($0) }
        income = exact.terms.map { $0.hasIncome ? $0.income : 0 }
        debt = exact.terms.map { $0.hasDebt ? $0.debt : 0 }
        prices = exact.terms.map(\.price)
        ownThresholds = exact.terms.map(\.ownThreshold)
        struct Entry {
            var mu: Double
            var account: UInt32
            var single: ExactHealth.Reader.SingleCollateral
            var certain: Float
        }
        var entries: [Entry] = []
        let accounts = chosen.map { Int($0.account) }
        var touched: UInt64 = 0
        exact.withReader { reader in
            for (position, line) in chosen.enumerated() {
                // A chunk's positions read ahead, their cache misses overlapping (`ExactHealth.Reader`).
                if position % 32 == 0 {
                    touched &+= reader.columns.touch(accounts[position..<min(position + 32, accounts.count)])
                }
                guard let single = reader.singleCollateral(Int(line.account), moving: moving),
                    single.debtBase >= Self.smallestDebt
                else { continue }
                let mu = single.units.doubleValue / single.debtBase.doubleValue
                let certain = ShockIndex.verdictCrossings(rising: true, k: line.k, m: line.m, upperBand: upperBand)
                entries.append(Entry(mu: mu, account: line.account, single: single, certain: certain.certain))
            }
        }
        keep(touched)
        entries.sort {
            ($0.single.reserve, $0.single.slot, $0.mu, $0.account) < (
                $1.single.reserve, $1.single.slot, $1.mu, $1.account
            )
        }
        account = entries.map(\.account)
        mu = entries.map(\.mu)
        debtBase = entries.map { $0.single.debtBase.doubleValue }
        debtRounding = entries.map { Float($0.single.debtRounding * (1 + 1e-6)) }
        certainRatio = entries.map(\.certain)
        var start = 0
        while start < entries.count {
            let first = entries[start].single
            var end = start
            while end < entries.count, entries[end].single.reserve == first.reserve,
                entries[end].single.slot == first.slot
            {
                end += 1
            }
            groups.append(
                Group(
                    reserve: first.reserve, slot: first.slot, threshold: first.threshold, lines: start..<end,
                    smallestDebt: debtBase[start..<end].min() ?? 1,
                    roundingShare: (start..<end).map { Double(debtRounding[$0]) / debtBase[$0] }.max() ?? 0))
            start = end
        }
    }

    /// Adds to `smallest` (the most urgent so far) every shelved account at ratio `ratio` that can rank,
    /// settled liquidatable and not masked, asking the exact arithmetic of `exact` (the shocked pool) only
    /// about those the lower bound does not rule out.
    func rank(
        into smallest: inout Smallest<ShockScan.UrgentExact>, exact: ExactHealth, ratio: Double, mask: [UInt64]
    ) throws {
        try exact.withReader { reader in
            for group in groups {
                let bound = lowerBound(group, exact: exact)
                for line in group.lines {
                    let account = Int(account[line])
                    guard !ShockIndex.masked(account, mask), ratio < Double(certainRatio[line]) else { continue }
                    if let bound, let largest = smallest.largest {
                        let h = largest.hf.wad.doubleValue / 1e18 * (1 + 1e-12)
                        // μ only grows along the group, no debt is below the group's smallest, and no
                        // rounding share above the group's largest.
                        if bound.stop(mu[line]) > h { break }
                        if bound.line(mu[line], debtBase[line], Double(debtRounding[line])) > h { continue }
                    }
                    smallest.insert(ShockScan.UrgentExact(hf: try reader.healthFactor(account), account: account))
                }
            }
        }
    }

    /// A lower bound on a shelved account's health factor now, from its μ, its debt and its debt's rounding
    /// at build (see the type's comment); nil where the group's other terms (prices, thresholds) are not as
    /// built, and it must be walked in full.
    ///
    /// With γ_c, γ_j the indexes' growth, γ the largest γ_j, P′ the collateral's price now and LT as a
    /// fraction: percentMul(⌊C′·P′/unit⌋, LT) ≥ C·K − E₁ with K = γ_c·P′/unit·LT and
    /// E₁ = ((γ_c + 1)/2·P′/unit + 1)·LT + ½, and the debt now is at most γ·D + E₂ with
    /// E₂ = max(γ, (γ + 1)/2)·(debt rounding). Where no index has moved, balances are as built to the unit:
    /// E₁ = LT + ½ and E₂ = 0. So HF ≥ (μ·K − E₁/D) / (γ + E₂/D) − ½·10⁻¹⁸, which grows with
    /// μ, and with D where it is positive.
    func lowerBound(_ group: Group, exact: ExactHealth) -> Bound? {
        let terms = exact.terms, reserves = terms.count, c = group.reserve
        // Thresholds as built, the reserves' own included: they decide which positions count as collateral.
        guard reserves == moving.count, income[c] != 0, terms[c].hasIncome, terms[c].unit != 0,
            exact.thresholds[group.slot * reserves + c] == group.threshold,
            terms.indices.allSatisfy({ terms[$0].ownThreshold == ownThresholds[$0] })
        else { return nil }
        var growth = 0.0, debtMoved = false
        for j in 0..<reserves where !moving[j] {
            guard debt[j] != 0, terms[j].hasDebt, terms[j].price == prices[j] else { return nil }
            growth = max(growth, terms[j].debt.doubleValue / debt[j].doubleValue)
            debtMoved = debtMoved || terms[j].debt != debt[j]
        }
        guard growth > 0 else { return nil }
        let γc = terms[c].income.doubleValue / income[c].doubleValue
        // An index as built gives the same balance to the unit: no rounding from it.
        let collateralRounding = terms[c].income == income[c] ? 0 : (γc + 1) / 2
        let perUnit = terms[c].price.doubleValue / terms[c].unit.doubleValue,
            threshold = group.threshold.doubleValue / 1e4
        return Bound(
            k: γc * perUnit * threshold, e1: (collateralRounding * perUnit + 1) * threshold + 0.5, growth: growth,
            roundingGrowth: debtMoved ? max(growth, (growth + 1) / 2) : 0, smallestDebt: group.smallestDebt,
            roundingShare: group.roundingShare)
    }

    struct Bound {
        let k, e1, growth, roundingGrowth, smallestDebt, roundingShare: Double

        /// One account's bound: its μ, debt and debt rounding. Written as `stop` is, term for term (the rounding
        /// share divided first), so that each of its roundings is monotone in what `stop` takes the extreme of.
        func line(_ mu: Double, _ debt: Double, _ rounding: Double) -> Double {
            safe((mu * k - e1 / debt) / (growth + roundingGrowth * (rounding / debt)))
        }

        /// Below `line` for every account of the group whose μ is at least `mu`.
        func stop(_ mu: Double) -> Double {
            safe((mu * k - e1 / smallestDebt) / (growth + roundingGrowth * roundingShare))
        }

        /// Room for the Double arithmetic (each step within 2⁻⁵³ relative) and wadDiv's half unit.
        private func safe(_ value: Double) -> Double { value * (1 - 1e-12) - 1e-17 }
    }
}
