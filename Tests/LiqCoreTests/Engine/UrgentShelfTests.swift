import LiqBench
import Testing

@testable import LiqCore

/// The shock index's urgent shelf: the accounts it holds rank as the brute force ranks them, whatever the
/// list's length, after interest has run and after shelved accounts change; and its lower bound is below
/// every shelved account's exact health factor.
@Suite struct UrgentShelfTests {
    /// The brute force's most urgent: every account's exact health factor after the shock, ties by account.
    static func bruteForce(_ pool: LendingPool, group: [Int], bps: Int, count: Int) throws -> [Int] {
        let shocked = ShockScan.shocked(pool, assets: group, percentBps: bps)
        let healthFactors = try pool.accounts.indices.map { try shocked.accountData(pool.accounts[$0]).healthFactor }
        return Array(
            pool.accounts.indices.filter { healthFactors[$0].isLiquidatable }
                .sorted { (healthFactors[$0], $0) < (healthFactors[$1], $1) }.prefix(count))
    }

    /// The generated pools clamp target health factors at 1.01: about one account in a hundred holds WETH
    /// alone at that target, all within 1e-9 of one another after any WETH shock. They are the shelf.
    @Test(arguments: [(-2_000, UInt64(31)), (-500, 32), (-4_000, 33)])
    func shelvedTiesRankAsTheBruteForce(shock: (bps: Int, seed: UInt64)) throws {
        let pool = try ShockIndexTests.pool(accounts: 6_000, seed: shock.seed)
        let index = RiskIndex(pool: pool)
        let shockIndex = ShockIndex(index: index, pool: pool, assets: [0])
        #expect(shockIndex.shelf.account.count > 40, "the clamped accounts are shelved")
        #expect(shockIndex.shelf.groups.count >= 1)
        for count in [1, 7, 25, 100, 400] {
            let result = try ShockScan.run(
                pool, index: index, assets: [0], percentBps: shock.bps, urgent: count, shockIndex: shockIndex)
            #expect(result.mostUrgent == (try Self.bruteForce(pool, group: [0], bps: shock.bps, count: count)))
        }
    }

    /// Shelved accounts that change after the build (more debt, so more urgent than every other; or repaid)
    /// and interest that runs for a while: the shelf masks the changed and bounds the rest with the indexes'
    /// growth.
    @Test func changesAndInterestAfterTheBuild() throws {
        var pool = try ShockIndexTests.pool(accounts: 5_000, seed: 34)
        var index = RiskIndex(pool: pool)
        let shockIndex = ShockIndex(index: index, pool: pool, assets: [0])
        let shelved = shockIndex.shelf.account.map { Int($0) }
        #expect(shelved.count > 20)
        for (n, account) in shelved.prefix(12).enumerated() {
            var state = pool.accounts[account]
            let debtReserve = try #require(state.scaledDebt.indices.first { state.scaledDebt[$0] != 0 })
            state.scaledDebt[debtReserve] = n % 2 == 0 ? state.scaledDebt[debtReserve] * 11 / 10 : 0
            pool.accounts[account] = state
            index.refresh(account: account, in: pool)
        }
        pool.advance(seconds: 40)
        index.rebase(pool: pool)
        #expect(shockIndex.isCurrent(index), "40 s of interest is within the index's tolerance")
        for bps in [-2_000, -700] {
            for count in [3, 100] {
                let result = try ShockScan.run(
                    pool, index: index, assets: [0], percentBps: bps, urgent: count, shockIndex: shockIndex)
                #expect(result.mostUrgent == (try Self.bruteForce(pool, group: [0], bps: bps, count: count)))
            }
        }
    }

    /// The bound against the exact health factor of every shelved account: at shocks from −60 % to +40 %, now
    /// and after 30 days of interest (further than the index would be kept: the bound does not rely on it).
    @Test func theLowerBoundIsBelowTheExactHealthFactor() throws {
        let pool = try ShockIndexTests.pool(accounts: 3_000, seed: 35)
        let shelf = ShockIndex(index: RiskIndex(pool: pool), pool: pool, assets: [0]).shelf
        var aged = pool
        aged.advance(seconds: 86_400 * 30)
        var checked = 0, loosest = 0.0
        for (age, state) in [pool, aged].enumerated() {
            for bps in [-6_000, -2_000, -500, 0, 4_000] {
                let shocked = ShockScan.shocked(state, assets: [0], percentBps: bps)
                let exact = ExactHealth(shocked)
                for group in shelf.groups {
                    let bound = try #require(shelf.lowerBound(group, exact: exact))
                    for line in group.lines {
                        let account = Int(shelf.account[line])
                        let hf = Double(try shocked.accountData(shocked.accounts[account]).healthFactor.wad) / 1e18
                        let low = bound.line(
                            shelf.mu[line], shelf.debtBase[line], Double(shelf.debtRounding[line]))
                        #expect(low <= hf, "account \(account) at \(bps) bps: \(low) > \(hf)")
                        // The group's stopping bound, with its smallest debt, is below too.
                        #expect(bound.stop(shelf.mu[line]) <= low)
                        if age == 0 { loosest = max(loosest, (hf - low) / hf) }
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 200)
        // Without interest in between, tight enough to rank accounts that lie 1e-9 apart.
        #expect(loosest < 1e-10, "\(loosest)")
    }
}
