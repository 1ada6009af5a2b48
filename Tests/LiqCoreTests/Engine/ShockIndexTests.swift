import LiqBench
import Testing

@testable import LiqCore

/// The shock index against the brute force: the exact liquidatable set (every account's exact health
/// factor after the shock), the 100 most urgent, and the histogram account by account.
@Suite struct ShockIndexTests {
    /// A generated pool plus accounts the index must hold aside: one that holds and owes WETH, one with
    /// dust debt, one that owes with no collateral, one WETH holder without debt, and a USDC borrower
    /// whose debt would be under $1 at the lowest ratio the index answers.
    static func pool(accounts: Int, seed: UInt64) throws -> LendingPool {
        var pool = try BenchWorlds.pool(accounts: accounts, seed: seed)
        let units = pool.reserves.map(\.configuration.unit), prices = pool.prices
        func amount(_ usd: Double, _ asset: Int) -> UInt128 {
            World.amount(usd: usd, price: prices[asset], unit: units[asset])
        }
        pool.accounts.append(id: "loop", collateral: [(0, amount(50_000, 0))], debt: [(0, amount(36_000, 0))])
        pool.accounts.append(
            id: "mixed", collateral: [(0, amount(20_000, 0))], debt: [(0, amount(5_000, 0)), (3, amount(9_000, 3))])
        pool.accounts.append(id: "dust", collateral: [(0, 21_960_000)], debt: [(5, 30_000_000_000)])
        pool.accounts.append(id: "bare", collateral: [], debt: [(3, amount(100, 3))])
        pool.accounts.append(id: "saver", collateral: [(0, amount(10_000, 0))], debt: [])
        pool.accounts.append(id: "thin", collateral: [(2, amount(3_000, 2))], debt: [(3, amount(100, 3))])
        return pool
    }

    @Test(arguments: [
        (-2_000, UInt64(1), [0]), (-500, 2, [0]), (1_000, 3, [0]), (-3_500, 4, [0, 1]), (2_500, 5, [3]),
        (-1_000, 6, [3]), (-9_000, 7, [2]), (0, 8, [0]),
    ])
    func theIndexAnswersAsTheBruteForce(shock: (bps: Int, seed: UInt64, group: [Int])) throws {
        let pool = try Self.pool(accounts: 4_000, seed: shock.seed)
        let index = RiskIndex(pool: pool)
        let shockIndex = ShockIndex(index: index, pool: pool, assets: shock.group)
        let shocked = ShockScan.shocked(pool, assets: shock.group, percentBps: shock.bps)
        let prices = shock.group.map { Double(shocked.prices[$0]) / 1e8 }
        let found = try #require(shockIndex.gather(index: index, prices: prices), "the index answers")
        let result = try ShockScan.run(
            pool, index: index, assets: shock.group, percentBps: shock.bps, shockIndex: shockIndex)

        // The exact set and the most urgent: every account's exact health factor after the shock.
        let healthFactors = try pool.accounts.indices.map { try shocked.accountData(pool.accounts[$0]).healthFactor }
        let exact = pool.accounts.indices.filter { healthFactors[$0].isLiquidatable }
        #expect(result.liquidatable == exact)
        let ranked = exact.sorted { (healthFactors[$0], $0) < (healthFactors[$1], $1) }.prefix(100)
        #expect(result.mostUrgent == Array(ranked))
        if shock.bps <= -2_000 { #expect(exact.count > 50, "the shock must liquidate something") }
        // The full scan agrees on both.
        let full = try ShockScan.full(pool, index: index, assets: shock.group, percentBps: shock.bps)
        #expect(full.liquidatable == result.liquidatable && full.mostUrgent == result.mostUrgent)

        // The histogram, account by account: each account's band at ρ by its role.
        let ratio = prices[0] / index.prices[shock.group[0]]
        let reference = Self.histogram(index, group: shock.group, prices: prices, ratio: ratio)
        #expect(found.histogram == reference)
        #expect(result.histogram == reference)
        // Against the full scan's estimates: different only for accounts within 5e-4 of an edge.
        let edges = HealthBands.edges
        var nearEdge = 0
        for account in 0..<index.count {
            let estimate = Self.scanEstimate(index, account, group: shock.group, prices: prices)
            if let estimate, edges.contains(where: { abs(estimate / $0 - 1) < 5e-4 }) { nearEdge += 1 }
        }
        let differences = zip(full.histogram, reference).reduce(0) { $0 + abs($1.0 - $1.1) }
        #expect(differences <= 2 * nearEdge)
        #expect(reference.reduce(0, +) == full.histogram.reduce(0, +))
    }

    /// The full scan's estimate of one account (nil without debt after the shock).
    static func scanEstimate(_ index: RiskIndex, _ account: Int, group: [Int], prices: [Double]) -> Double? {
        var owed = index.owed[account], worth = index.weighted[account]
        for (asset, price) in zip(group, prices) where !index.debtColumns[asset].isEmpty {
            owed += (price - index.prices[asset]) * index.debtFactors[asset] * Double(index.debtColumns[asset][account])
        }
        for (asset, price) in zip(group, prices) where !index.collateralColumns[asset].isEmpty {
            worth +=
                (price - index.prices[asset]) * index.incomeFactors[asset]
                * Double(index.collateralColumns[asset][account])
        }
        return owed > 0 ? worth / owed : nil
    }

    /// One account's band: lines by their crossings' cells against ρ's, the others by the scan's estimate
    /// (nil: in no band).
    static func band(_ index: RiskIndex, _ account: Int, group: [Int], price: Double) -> Int? {
        let edges = HealthBands.edges
        let cell = ShockIndex.Cell.of(Float(price / index.prices[group[0]]))
        func crossing(_ rising: Bool, _ k: Double, _ m: Double, _ e: Double) -> Int {
            ShockIndex.Cell.of(ShockIndex.crossing(rising: rising, k: k, m: m, at: e))
        }
        switch ShockIndex.role(of: account, in: index, group: group) {
        case .absent: return nil
        case .rising(let k, let m): return edges.filter { crossing(true, k, m, $0) <= cell }.count
        case .falling(let k, let m): return edges.filter { crossing(false, k, m, $0) >= cell }.count
        case .fixed, .evaluated:
            let prices = group.map { index.prices[$0] * price / index.prices[group[0]] }
            guard let estimate = scanEstimate(index, account, group: group, prices: prices) else { return nil }
            return edges.filter { estimate >= $0 }.count
        }
    }

    static func histogram(_ index: RiskIndex, group: [Int], prices: [Double], ratio: Double) -> [Int] {
        var histogram = Array(repeating: 0, count: HealthBands.edges.count + 1)
        for account in 0..<index.count {
            if let band = band(index, account, group: group, price: prices[0]) { histogram[band] += 1 }
        }
        return histogram
    }

    @Test func rolesOfTheAccountsHeldAside() throws {
        let pool = try Self.pool(accounts: 10, seed: 9)
        let index = RiskIndex(pool: pool)
        func role(_ id: String, _ group: [Int] = [0]) -> ShockIndex.Role {
            ShockIndex.role(of: pool.accountIndex(id: id)!, in: index, group: group)
        }
        #expect(role("loop") == .evaluated)
        #expect(role("mixed") == .evaluated)
        #expect(role("dust") == .evaluated)
        #expect(role("saver") == .absent)
        #expect(role("bare") == .fixed)
        #expect(role("bare", [3]) == .evaluated)
        #expect(role("thin", [3]) == .evaluated, "its $100 of debt is under $1 at a ratio of 2^-7")
        #expect(role("thin", [4]) == .fixed)
        guard case .rising = role("a0") else {
            Issue.record("a WETH holder has a rising line")
            return
        }
    }

    /// A line is the estimate: k + ρ·m (or its inverse) against the risk index's one-asset shock estimate, to
    /// the two Float roundings of k and m (6e-8 each).
    @Test func linesAreTheRiskIndexEstimate() throws {
        let pool = try BenchWorlds.pool(accounts: 500, seed: 3)
        let index = RiskIndex(pool: pool)
        var checked = (rising: 0, falling: 0)
        for asset in [0, 3] {
            for account in 0..<index.count {
                for ratio in [0.5, 0.93, 1.0, 1.7] {
                    let expected = index.healthFactor(
                        account: account, asset: asset, price: index.prices[asset] * ratio)
                    switch ShockIndex.role(of: account, in: index, group: [asset]) {
                    case .rising(let k, let m):
                        #expect(abs((k + ratio * m) / expected - 1) < 2e-7)
                        checked.rising += 1
                    case .falling(let k, let m):
                        #expect(abs(1 / (k + ratio * m) / expected - 1) < 2e-7)
                        checked.falling += 1
                    default: continue
                    }
                }
            }
        }
        #expect(checked.rising > 1_000 && checked.falling > 500)
    }

    @Test func aRatioOutOfRangeFallsBackToTheFullScan() throws {
        let pool = try Self.pool(accounts: 1_000, seed: 4)
        let index = RiskIndex(pool: pool)
        let shockIndex = ShockIndex(index: index, pool: pool, assets: [0])
        #expect(shockIndex.answers(assets: [0], index: index))
        #expect(!shockIndex.answers(assets: [0, 1], index: index))
        // −99.5 %: ρ below the cells.
        #expect(shockIndex.gather(index: index, prices: [index.prices[0] * 0.005]) == nil)
        let deep = try ShockScan.run(pool, index: index, assets: [0], percentBps: -9_950, shockIndex: shockIndex)
        #expect(deep == (try ShockScan.full(pool, index: index, assets: [0], percentBps: -9_950)))
    }

    /// Accounts change after the build (more debt, collateral withdrawn, a loop opened, a position closed)
    /// and the group's own oracle moves: the index patches and still answers as the brute force does; the
    /// histogram counts the changed accounts by the scan's estimate and the others as built.
    @Test func theIndexPatchesChangedAccountsAndOutlivesItsOwnPrice() throws {
        var pool = try Self.pool(accounts: 3_000, seed: 21)
        var index = RiskIndex(pool: pool)
        let built = index
        let shockIndex = ShockIndex(index: index, pool: pool, assets: [0])
        let units = pool.reserves.map(\.configuration.unit)
        var changed: [Int] = []
        for account in stride(from: 0, to: 3_000, by: 97) {
            var state = pool.accounts[account]
            switch account % 4 {
            case 0: state.scaledDebt[3] = state.scaledDebt[3] * 3 + 1_000 * units[3]
            case 1: state.scaledCollateral[0] = 0
            case 2: state.scaledDebt[0] = state.scaledCollateral[0] / 2
            default: state.scaledDebt = state.scaledDebt.map { _ in 0 }
            }
            pool.accounts[account] = state
            index.refresh(account: account, in: pool)
            changed.append(account)
        }
        // WETH's oracle moves by +3 %: the risk index re-sums; the index's lines do not depend on it.
        pool.prices[0] = pool.prices[0] * 103 / 100
        index.rebase(pool: pool)
        #expect(shockIndex.isCurrent(index))
        for bps in [-2_500, -800, 1_500] {
            let result = try ShockScan.run(pool, index: index, assets: [0], percentBps: bps, shockIndex: shockIndex)
            let full = try ShockScan.full(pool, index: index, assets: [0], percentBps: bps)
            #expect(result.liquidatable == (try BenchWorlds.exactLiquidatable(pool, asset: 0, percentBps: bps)))
            #expect(result.liquidatable == full.liquidatable && result.mostUrgent == full.mostUrgent)
            // The histogram: built roles at the ratio to the build's price, the changed by the scan's estimate.
            let shocked = ShockScan.shocked(pool, asset: 0, percentBps: bps)
            let price = Double(shocked.prices[0]) / 1e8
            var expected = Self.histogram(built, group: [0], prices: [price], ratio: price / built.prices[0])
            let edges = HealthBands.edges
            for account in changed {
                if let old = Self.band(built, account, group: [0], price: price) { expected[old] -= 1 }
                if let estimate = Self.scanEstimate(index, account, group: [0], prices: [price]) {
                    expected[edges.filter { estimate >= $0 }.count] += 1
                }
            }
            #expect(result.histogram == expected)
        }
        // Another asset's price moves: the lines no longer hold, and the scan falls back.
        pool.prices[2] = pool.prices[2] * 95 / 100
        index.rebase(pool: pool)
        #expect(!shockIndex.isCurrent(index))
        let after = try ShockScan.run(pool, index: index, assets: [0], percentBps: -2_000, shockIndex: shockIndex)
        #expect(after == (try ShockScan.full(pool, index: index, assets: [0], percentBps: -2_000)))
    }

    /// Governance rebuilds the risk index when a threshold changes: the new index starts its version and its
    /// refresh log again, from the same numbers as the old one, but the shock index built on the old one no
    /// longer answers, and the scan answers as the brute force does with the new threshold.
    @Test func aRebuiltRiskIndexIsAnotherIndex() throws {
        var pool = try Self.pool(accounts: 3_000, seed: 22)
        let index = RiskIndex(pool: pool)
        let shockIndex = ShockIndex(index: index, pool: pool, assets: [0])
        #expect(shockIndex.isCurrent(index))
        pool.reserves[0].configuration.liquidationThresholdBps -= 1_000
        pool.reserves[0].configuration.ltvBps = min(
            pool.reserves[0].configuration.ltvBps, pool.reserves[0].configuration.liquidationThresholdBps - 500)
        let rebuilt = RiskIndex(pool: pool)
        #expect(rebuilt.version == index.version && rebuilt.refreshes.total == index.refreshes.total)
        #expect(!shockIndex.isCurrent(rebuilt))
        let result = try ShockScan.run(pool, index: rebuilt, assets: [0], percentBps: -1_000, shockIndex: shockIndex)
        #expect(result.liquidatable == (try BenchWorlds.exactLiquidatable(pool, asset: 0, percentBps: -1_000)))
    }

    @Test func accountOrderThroughABitmap() {
        #expect(ShockScan.inAccountOrder([130, 3, 64, 0, 63, 65], count: 200) == [0, 3, 63, 64, 65, 130])
        #expect(ShockScan.inAccountOrder([], count: 0) == [])
    }
}

/// The batch health factor is `accountData`'s to the wei: generated accounts, eMode accounts of the default
/// scenario, a dust account, after a shock and after interest has run.
@Suite struct ExactHealthTests {
    @Test func theSameHealthFactorAsAccountData() throws {
        var pools = [
            try ShockIndexTests.pool(accounts: 600, seed: 12),
            ShockScan.shocked(try ShockIndexTests.pool(accounts: 300, seed: 13), asset: 0, percentBps: -3_000),
        ]
        var engine = try Engine(scenario: try #require(try BuiltInScenarios.load("default")), seed: 1)
        for _ in 0..<600 { _ = try engine.step() }
        let world = engine.world
        pools.append(world.pool)
        var aged = world.pool
        aged.advance(seconds: 86_400 * 200)
        pools.append(aged)
        #expect(world.pool.accounts.indices.contains { world.pool.accounts.eModeCategory(at: $0) != 0 })
        for pool in pools {
            let batch = ExactHealth(pool)
            let expected = try pool.accounts.indices.map { try pool.accountData(pool.accounts[$0]).healthFactor }
            for account in pool.accounts.indices {
                #expect(try batch.healthFactor(account: account) == expected[account])
            }
            // Many at once: in chunks, and every other account so that chunks skip around the book.
            let every = Array(pool.accounts.indices), alternate = every.filter { $0 % 2 == 1 }
            #expect(try batch.healthFactors(every) == expected)
            #expect(try batch.healthFactors(alternate) == alternate.map { expected[$0] })
        }
    }

    /// Past 4,096 accounts the batch splits over two cores; the answer is the same, in the order asked.
    @Test func theSameOnTwoCores() throws {
        let pool = ShockScan.shocked(try ShockIndexTests.pool(accounts: 5_000, seed: 14), asset: 0, percentBps: -2_000)
        let batch = ExactHealth(pool)
        let asked = Array(pool.accounts.indices.reversed())
        #expect(asked.count >= 4_096)
        let expected = try asked.map { try pool.accountData(pool.accounts[$0]).healthFactor }
        #expect(try batch.healthFactors(asked) == expected)
    }
}
