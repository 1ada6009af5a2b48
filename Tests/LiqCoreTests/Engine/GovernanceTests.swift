import Testing

@testable import LiqCore

/// Governance: a proposal waits for the vote, passes, waits in the timelock, and executes in the first
/// block after it; the PoolConfigurator's checks refuse impossible parameters; the preview is exact.
@Suite struct GovernanceTests {
    static let quick = """

        [governance]
        voting_delay_s = 60
        voting_s = 300
        timelock_s = 120
        grace_s = 600
        """

    static func world(_ extra: String = quick, name: String = "default") throws -> World {
        let text = try #require(BuiltInScenarios.named(name)).toml + extra
        return try World(scenario: ScenarioLoader.load(text: text, file: "gov.toml"), seed: 4)
    }

    /// Accounts liquidatable by the protocol's arithmetic.
    static func liquidatable(_ pool: LendingPool) throws -> Set<Int> {
        Set(try pool.accounts.indices.filter { try pool.accountData(pool.accounts[$0]).healthFactor.isLiquidatable })
    }

    @Test func aProposalGoesThroughTheVoteAndTheTimelockAndExecutesInABlock() throws {
        var world = try Self.world()
        for _ in 0..<30 { _ = try world.step() }
        let proposal = Proposal(asset: 0, changes: [.liquidationThresholdBps: 7_500, .ltvBps: 7_000])
        var events = world.apply(.propose(proposal))
        #expect(
            events.first?.message
                == "proposal #1 proposed: WETH LTV 80.5 % → 70 %, liquidation threshold 83 % → 75 %; the vote opens at 00:01:30"
        )
        let before = try Self.liquidatable(world.pool)
        // The preview, taken now: exactly the accounts the new threshold makes liquidatable.
        var changed = world.pool
        changed.reserves[0].configuration = proposal.applied(to: changed.reserves[0].configuration)
        let expected = try Self.liquidatable(changed).subtracting(before)
        let preview = ProposalPreview.compute(proposal, pool: world.pool, index: world.riskIndex)
        #expect(preview.problem == nil && preview.newlyLiquidatable == expected.count && expected.count > 5)
        for _ in 0..<600 { events += try world.step() }
        let states = events.filter { $0.kind == .governance }.map { event in
            (event.timeMs / 1_000, event.fields.first { $0.0 == "state" }!.1)
        }
        // Proposed at 30 s; the vote from 90 s to 390 s; executable from 510 s, in the next block (slot 43).
        #expect(states.map(\.0) == [30, 90, 390, 516])
        #expect(states.map(\.1) == [.text("pending"), .text("voting"), .text("queued"), .text("executed")])
        #expect(world.pool.reserves[0].configuration.liquidationThresholdBps == 7_500)
        #expect(world.pool.reserves[0].configuration.ltvBps == 7_000)
        // The risk index follows: its estimate agrees with the new exact health factors.
        for account in world.pool.accounts.indices.prefix(500) {
            let exact = try world.pool.accountData(world.pool.accounts[account]).healthFactor
            guard exact.wad < 100_000_000_000_000_000_000 else { continue }
            #expect(abs(world.riskIndex.healthFactor(account: account) - Double(exact.wad) / 1e18) < 1e-3)
        }
        #expect(world.proposals.first?.state == .executed)
    }

    /// Execution is a transaction: an L2 whose sequencer stays down past the grace period never executes it.
    @Test func withoutABlockTheProposalExpires() throws {
        var world = try Self.world(Self.quick, name: "arbitrum-sequencer")
        let sequencer = try #require(world.sequencer)
        _ = world.apply(.propose(Proposal(asset: 0, changes: [.liquidationBonusBps: 10_600])))
        _ = world.apply(.crashNode(sequencer))
        var events: [Event] = []
        for _ in 0..<1_200 { events += try world.step() }
        #expect(world.proposals.first?.state == .expired)
        #expect(events.contains { $0.message == "proposal #1 expired: no block executed it within the grace period" })
        #expect(world.pool.reserves[0].configuration.liquidationBonusBps == 10_500)
    }

    /// The PoolConfigurator's `configureReserveAsCollateral` rules (docs/mechanics.md, "Governance").
    @Test func impossibleParametersAreRefused() {
        let weth = ReserveConfiguration(
            symbol: "WETH", decimals: 18, ltvBps: 8_050, liquidationThresholdBps: 8_300, liquidationBonusBps: 10_500)
        func problem(_ changes: [RiskParameter: UInt128]) -> String? {
            Proposal(asset: 0, changes: changes).problem(with: weth)
        }
        #expect(problem([:]) == "a proposal changes at least one parameter")
        #expect(problem([.ltvBps: 8_400]) == "LTV 84 % is above the threshold 83 %")
        #expect(problem([.liquidationBonusBps: 10_000]) == "the liquidation bonus must be above 100 % (10500 is 5 %)")
        // 97 % × 105 % = 101.85 % > 100 %; 95 % × 105 % = 99.75 % is fine.
        #expect(problem([.liquidationThresholdBps: 9_700, .ltvBps: 9_000])?.hasPrefix("threshold × bonus") == true)
        #expect(problem([.liquidationThresholdBps: 9_500]) == nil)
        #expect(problem([.liquidationProtocolFeeBps: 10_001]) == "the protocol fee is at most 100 %")
    }

    @Test func scriptedProposalsAndTheirErrors() throws {
        let event = """

            [[events]]
            at_s = 10
            kind = "proposal"
            asset = "WBTC"
            liquidation_threshold_bps = 7500
            """
        var world = try Self.world(Self.quick + event)
        for _ in 0..<600 { _ = try world.step() }
        #expect(world.pool.reserves[2].configuration.liquidationThresholdBps == 7_500)
        let text = try #require(BuiltInScenarios.named("default")).toml
        func error(_ extra: String) -> String {
            do {
                _ = try ScenarioLoader.load(text: text + extra, file: "gov.toml")
                return ""
            } catch { return "\(error)" }
        }
        #expect(error(event).isEmpty, "LTV 73 % under 75 %: fine")
        #expect(
            error(event.replacingOccurrences(of: "liquidation_threshold_bps = 7500", with: ""))
                .contains("WBTC: a proposal changes at least one parameter"))
        #expect(
            error(event.replacingOccurrences(of: "7500", with: "7500\nduration_s = 5"))
                .contains("a proposal event has no recovery"))
        #expect(
            error(event.replacingOccurrences(of: "7500", with: "6000"))
                .contains("gov.toml:")
                && error(event.replacingOccurrences(of: "7500", with: "6000"))
                    .contains("liquidation_threshold_bps: WBTC: LTV 73 % is above the threshold 60 %")
        )
    }
}

extension GovernanceTests {
    /// The Risk view's what-if: the open proposals executed at once in a copy; the world itself unchanged.
    @Test func aWhatIfExecutesTheOpenProposalsInACopy() throws {
        var world = try Self.world()
        #expect(world.executingOpenProposals() == nil)
        _ = world.apply(.propose(Proposal(asset: 0, changes: [.liquidationThresholdBps: 7_500, .ltvBps: 7_000])))
        let changed = try #require(world.executingOpenProposals())
        #expect(changed.pool.reserves[0].configuration.liquidationThresholdBps == 7_500)
        #expect(changed.proposals[0].state == .executed)
        #expect(world.pool.reserves[0].configuration.liquidationThresholdBps == 8_300)
        #expect(world.proposals[0].state == .pending)
        let before = try Self.liquidatable(world.pool), after = try Self.liquidatable(changed.pool)
        #expect(after.isStrictSuperset(of: before))
        // The copy's risk index follows its new thresholds.
        let estimated = { (w: World) in
            (0..<w.riskIndex.count).filter { w.riskIndex.healthFactor(account: $0) < 1 }.count
        }
        #expect(estimated(changed) > estimated(world))
    }
}

extension GovernanceTests {
    /// A paused reserve: `validateLiquidationCall` reverts with RESERVE_PAUSED before the sentinel and the
    /// health factor (either side paused), and so do repayments and flash loans of it.
    @Test func aPausedReserveRefusesLiquidationsRepaymentsAndFlashLoans() throws {
        var pool = try Self.world().pool
        let carol = try #require(pool.accounts.indices.first { pool.accounts.id(at: $0) == "carol" })
        let request = LiquidationRequest(collateralReserve: 0, debtReserve: 3, debtToCover: .max)
        _ = try pool.quoteLiquidation(accountIndex: carol, request)
        for paused in [0, 3] {
            var stopped = pool
            stopped.reserves[paused].configuration.isPaused = true
            #expect(throws: LiquidationError.reservePaused) {
                try stopped.quoteLiquidation(accountIndex: carol, request)
            }
        }
        // A repayment checks the reserve repaid only: USDC with WETH paused goes through.
        var wethPaused = pool
        wethPaused.reserves[0].configuration.isPaused = true
        #expect(try wethPaused.repay(accountIndex: carol, reserve: 3, amount: 1) == 1)
        pool.reserves[3].configuration.isPaused = true
        #expect(throws: BorrowError.reservePaused) { try pool.repay(accountIndex: carol, reserve: 3, amount: 1) }
        #expect(throws: BorrowError.reservePaused) {
            try pool.flashLoan(reserve: 3, amount: 1_000_000) { _, amount, premium in amount + premium }
        }
    }

    /// Pausing WETH by proposal: after it executes, a 30 % fall of ETH liquidates nobody through WETH.
    @Test func aPauseProposalStopsLiquidationsOfThatReserve() throws {
        var world = try Self.world(
            Self.quick + """

                [[events]]
                at_s = 1
                kind = "proposal"
                asset = "WETH"
                paused = true
                """)
        var events: [Event] = []
        for _ in 0..<600 { events += try world.step() }
        #expect(events.contains { $0.message.hasPrefix("proposal #1 executed: WETH paused no → yes") })
        #expect(world.pool.reserves[0].configuration.isPaused)
        _ = world.apply(.shock(asset: 0, percentBps: -3_000, overSeconds: 0))
        var after: [Event] = []
        for _ in 0..<300 { after += try world.step() }
        let liquidations = after.filter { $0.kind == .liquidation }
        #expect(!liquidations.contains { $0.fields.contains { $0.1 == .text("WETH") } }, "no WETH liquidation")
        let pool = world.pool
        let stuck = try pool.accounts.indices.filter {
            try pool.accountData(pool.accounts[$0]).healthFactor.isLiquidatable
                && pool.accounts[$0].usingAsCollateral[0] && pool.accounts[$0].scaledCollateral[0] > 0
        }
        #expect(stuck.count > 20, "accounts liquidatable and stuck behind the pause: \(stuck.count)")
    }
}

extension GovernanceTests {
    /// The form's preview of a pause: the accounts liquidatable now that hold or owe the asset.
    @Test func thePreviewOfAPauseCountsTheLiquidationsItBlocks() throws {
        var world = try Self.world()
        _ = world.apply(.shock(asset: 0, percentBps: -2_000, overSeconds: 0))
        for _ in 0..<13 { _ = try world.step() } // the oracle follows
        let pool = world.pool
        let expected = try pool.accounts.indices.filter { index in
            let account = pool.accounts[index]
            let touches = (account.usingAsCollateral[0] && account.scaledCollateral[0] > 0) || account.scaledDebt[0] > 0
            return try touches && pool.accountData(account).healthFactor.isLiquidatable
        }.count
        let preview = ProposalPreview.compute(
            Proposal(asset: 0, changes: [.paused: 1]), pool: pool, index: world.riskIndex)
        #expect(expected > 10 && preview.blockedByPause == expected, "\(preview.blockedByPause) of \(expected)")
        #expect(preview.newlyLiquidatable == 0)
    }
}

extension GovernanceTests {
    /// The engine refuses what the configurator would, and re-checks at execution: two proposals valid
    /// alone (threshold 75 % with LTV 70 %, then LTV 82 %) cannot both run; the second fails.
    @Test func refusedAtOnceOrFailedAtExecution() throws {
        var world = try Self.world()
        let refused = world.apply(.propose(Proposal(asset: 0, changes: [.liquidationBonusBps: 10_000])))
        #expect(
            refused.first?.message == "proposal refused: WETH: the liquidation bonus must be above 100 % (10500 is 5 %)"
        )
        #expect(world.proposals.isEmpty)
        _ = world.apply(.propose(Proposal(asset: 0, changes: [.liquidationThresholdBps: 7_500, .ltvBps: 7_000])))
        _ = world.apply(.propose(Proposal(asset: 0, changes: [.ltvBps: 8_200])))
        var events: [Event] = []
        for _ in 0..<600 { events += try world.step() }
        #expect(world.proposals.map(\.state) == [.executed, .failed])
        #expect(
            events.contains {
                $0.message
                    == "proposal #2 failed: the PoolConfigurator refuses it now: LTV 82 % is above the threshold 75 %"
            })
        #expect(world.pool.reserves[0].configuration.ltvBps == 7_000)
    }
}

extension GovernanceTests {
    /// The risk steward (AGRS): within 0.25 % of LTV or threshold and 0.5 % of bonus, no vote, executed in the
    /// next block; not the same parameter again within 3 days; not the fee, the reserve factor or a pause.
    @Test func theRiskStewardMovesParametersALittleAtOnce() throws {
        var world = try Self.world()
        let steward = world.apply(.stewardUpdate(Proposal(asset: 0, changes: [.liquidationThresholdBps: 8_275])))
        #expect(
            steward.first?.message
                == "proposal #1 by the risk steward: WETH liquidation threshold 83 % → 82.75 %; executes in the next block"
        )
        for _ in 0..<12 { _ = try world.step() }
        #expect(world.pool.reserves[0].configuration.liquidationThresholdBps == 8_275)
        let again = world.apply(.stewardUpdate(Proposal(asset: 0, changes: [.liquidationThresholdBps: 8_250])))
        #expect(
            again.first?.message
                == "risk steward update refused: WETH: the risk steward changed the liquidation threshold less than 3 days ago"
        )
        let far = world.apply(.stewardUpdate(Proposal(asset: 0, changes: [.liquidationBonusBps: 10_600])))
        #expect(
            far.first?.message
                == "risk steward update refused: WETH: the risk steward may move the liquidation bonus 0.5 % at most, not 1 %"
        )
        let fee = world.apply(.stewardUpdate(Proposal(asset: 0, changes: [.liquidationProtocolFeeBps: 1_100])))
        #expect(fee.first?.message.hasSuffix("may not change the protocol fee; propose it to governance") == true)
        // Its bonus bound: 105 % → 105.5 % is within.
        _ = world.apply(.stewardUpdate(Proposal(asset: 0, changes: [.liquidationBonusBps: 10_550])))
        for _ in 0..<12 { _ = try world.step() }
        #expect(world.pool.reserves[0].configuration.liquidationBonusBps == 10_550)
        #expect(world.proposals.map(\.state) == [.executed, .executed])
    }
}
