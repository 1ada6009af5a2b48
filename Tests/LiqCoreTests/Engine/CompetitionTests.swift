import Testing

@testable import LiqCore

/// Liquidators compete: strategies drawn from the seed, bids that vary around each bot's share, equal bids
/// decided by arrival at the proposer, and events that say who raced whom.
@Suite struct CompetitionTests {
    @Test func strategiesComeFromTheSeedAndDiffer() throws {
        let scenario = try #require(try BuiltInScenarios.load("default"))
        let one = try World(scenario: scenario, seed: 1).liquidators.map(\.strategy)
        #expect(one == (try World(scenario: scenario, seed: 1).liquidators.map(\.strategy)))
        #expect(one != (try World(scenario: scenario, seed: 2).liquidators.map(\.strategy)))
        #expect(Set(one.map(\.reactionMs)).count == one.count, "each bot reacts at its own speed")
        #expect(one.allSatisfy { (40...600).contains($0.reactionMs) && (8...40).contains($0.bidsPerBlock) })
        // Capital differs too: the wallets are sized by the draw.
        let wallets = try World(scenario: scenario, seed: 1).liquidators.map { $0.wallet[0] }
        #expect(Set(wallets).count == wallets.count)
    }

    /// Equal tips: the transaction that reaches the proposer first goes first, even when it was sent later.
    @Test func equalBidsGoToTheFirstArrival() {
        var chain = Chain(slotMs: 12_000, epochSlots: 32)
        chain.baseFeeWei = 1_000_000_000
        let request = LiquidationRequest(collateralReserve: 0, debtReserve: 1)
        // Sent first, from North America (node 0); then from Europe (node 1), where the proposer is.
        let far = chain.submit(
            .liquidation(liquidator: .bot(0), account: 7, request: request), origin: 0, at: 1_000,
            priorityFeeGwei: 20, gas: Transaction.liquidationGas)
        let near = chain.submit(
            .liquidation(liquidator: .bot(1), account: 7, request: request), origin: 1, at: 1_050,
            priorityFeeGwei: 20, gas: Transaction.liquidationGas)
        var paths = Array(repeating: [Double?](repeating: 0, count: 6), count: 6)
        paths[Region.na.rawValue][Region.eu.rawValue] = 124
        paths[Region.eu.rawValue][Region.eu.rawValue] = 11
        let order = chain.selectTransactions(proposerRegion: .eu, cutoffMs: 12_000, paths: paths, origins: [.na, .eu])
        #expect(order.map { chain.mempool[$0].id } == [near, far])
        // A higher tip still wins whatever its arrival.
        chain.mempool[0].priorityFeeGwei = 21
        let outbid = chain.selectTransactions(proposerRegion: .eu, cutoffMs: 12_000, paths: paths, origins: [.na, .eu])
        #expect(outbid.map { chain.mempool[$0].id } == [far, near])
    }

    @Test func aBlocksRaceIsNamedInItsEvents() {
        func liquidation(_ bot: String, _ account: Int) -> Event {
            Event(
                timeMs: 0, kind: .liquidation, message: "\(bot) liquidated b\(account): repaid 1 USDC",
                fields: [("account", .text("b\(account)")), ("liquidator", .text(bot))], account: account)
        }
        func failure(_ bot: String, _ account: Int, _ reason: LiquidationFailure) -> Event {
            Event(
                timeMs: 0, kind: .failedLiquidation, message: "\(bot) failed on b\(account): \(reason.code)",
                fields: [
                    ("account", .text("b\(account)")), ("liquidator", .text(bot)), ("reason", .text(reason.code)),
                ],
                account: account, failure: reason)
        }
        let named = World.namingTheRace([
            liquidation("bot-1-eu", 1), failure("bot-2-na", 1, .reverted(.healthFactorNotBelowThreshold)),
            failure("bot-3-ap", 1, .reverted(.collateralCannotBeLiquidated)), liquidation("bot-2-na", 2),
            failure("bot-3-ap", 3, .reverted(.healthFactorNotBelowThreshold)), failure("bot-1-eu", 2, .walletShort),
        ])
        #expect(named[0].message == "bot-1-eu liquidated b1: repaid 1 USDC, ahead of 2 rival bids")
        #expect(named[0].fields.last?.0 == "rivals" && named[0].fields.last?.1 == .int(2))
        #expect(named[1].message == "bot-2-na lost b1 to bot-1-eu (HEALTH_FACTOR_NOT_BELOW_THRESHOLD)")
        #expect(named[2].fields.last?.1 == .text("bot-1-eu"))
        // No rival for b2 (a wallet too short never raced), none at all for b3.
        #expect(named[3].message == "bot-2-na liquidated b2: repaid 1 USDC" && named[3].fields.last?.1 == .int(0))
        #expect(named[4].message == "bot-3-ap failed on b3: HEALTH_FACTOR_NOT_BELOW_THRESHOLD")
        #expect(named[5].message == "bot-1-eu failed on b2: INSUFFICIENT_BALANCE")
    }

    /// Over a crash every bot wins a share and none takes nearly all (before: one bot won 1,171 of 1,342).
    @Test(arguments: [UInt64(1), 3])
    func winsAreShared(seed: UInt64) throws {
        var scenario = try #require(try BuiltInScenarios.load("crash"))
        scenario.simulation.borrowers.count = 1_500
        var engine = try Engine(scenario: scenario, seed: seed)
        var wins: [String: Int] = [:]
        var raced = 0
        for _ in 0..<900 {
            for event in try engine.step() where event.kind == .liquidation {
                if case .text(let name)? = event.fields.first(where: { $0.0 == "liquidator" })?.1 {
                    wins[name, default: 0] += 1
                }
                if event.fields.contains(where: { $0.0 == "rivals" && $0.1 != .int(0) }) { raced += 1 }
            }
        }
        let total = wins.values.reduce(0, +)
        #expect(total > 100)
        #expect(wins.count == 3, "\(wins)")
        #expect(wins.values.allSatisfy { $0 * 20 >= total }, "every bot wins at least 5 %: \(wins)")
        #expect(wins.values.allSatisfy { $0 * 100 <= total * 85 }, "none wins more than 85 %: \(wins)")
        #expect(raced * 4 >= total, "at least a quarter of the liquidations were races")
    }
}
