import LiqCore
import Testing

@testable import LiqUI

/// Key sequences into the reducer and a real engine with manual ticks, asserting on rendered lines.
@Suite(.serialized) struct ReducerTests {
    /// A reducer and a real engine, with the effects carried out as the dashboard's run loop does.
    struct Session {
        var engine: Engine
        var view = ViewState()
        var effects: [Effect] = []
        var paused = false
        var speed = 1.0
        var quit = false

        var commands: [Command] { effects.compactMap { if case .engine(let command) = $0 { command } else { nil } } }

        mutating func press(_ keys: Key...) {
            for key in keys {
                let (next, produced) = Reducer.reduce(view, key, snapshot: snapshot())
                view = next
                for effect in produced {
                    switch effect {
                    case .engine(let command): engine.apply(command)
                    case .playback(.pause): paused = true
                    case .playback(.resume): paused = false
                    case .playback(.step): if paused { _ = try? engine.step() }
                    case .playback(.setSpeed(let value)): speed = value
                    case .quit: quit = true
                    case .request, .theme, .risk, .replay: break
                    }
                }
                effects += produced
            }
        }

        mutating func tick(_ count: Int) throws { for _ in 0..<count { try engine.step() } }

        /// The snapshot as the driver sends it: for the view's request, with the driver's playback.
        mutating func snapshot() -> Snapshot {
            var snapshot = engine.snapshot(Reducer.request(view))
            snapshot.paused = paused
            snapshot.speed = speed
            return snapshot
        }

        mutating func screen(_ width: Int = 200, _ height: Int = 60) -> [String] {
            Dashboard.render(snapshot(), view, width: width, height: height).lines
        }
    }

    static func session() throws -> Session { Session(engine: try Frames.crashedEngine()) }

    @Test func tabMovesFocusAroundEveryPanel() throws {
        var session = try Self.session()
        var seen: [Panel] = []
        for _ in Panel.allCases {
            seen.append(session.view.focus)
            session.press(.tab)
        }
        #expect(seen == Panel.allCases)
        #expect(session.view.focus == .nodes)
        session.press(.backTab)
        #expect(session.view.focus == .events)
    }

    /// On an L2, step 3 names the sentinel's rule while it applies: nothing while the sequencer is down, and
    /// only HF < 0.95 during the grace period.
    @Test func walkthroughStepThreeNamesTheSentinelRule() throws {
        var snapshot = DashboardSnapshotTests.snapshot
        #expect(WalkthroughPanel.sentinel(snapshot).isEmpty)
        snapshot.graceLeftSeconds = 42 * 60 + 10
        #expect(
            WalkthroughPanel.sentinel(snapshot).map(\.0) == [
                "sentinel: grace period, 42:10 left: only HF < 0.95 may be liquidated (PRICE_ORACLE_SENTINEL_CHECK_FAILED otherwise)"
            ])
        snapshot.sequencerDown = true
        #expect(WalkthroughPanel.sentinel(snapshot).first?.0.contains("the sequencer is down") == true)
    }

    @Test func walkthroughStepThreeShowsTheCloseFactorRule() throws {
        var session = try Self.session()
        session.press(.tab, .tab, .tab) // pending liquidations
        #expect(session.view.focus == .liquidations)
        session.press(.enter)
        guard case .walkthrough(let walkthrough) = session.view.overlay else {
            Issue.record("the walkthrough did not open")
            return
        }
        #expect(session.screen().contains { $0.contains("step 1 of 8: The position") })
        session.press(.right, .right)
        let lines = session.screen()
        #expect(lines.contains { $0.contains("step 3 of 8: Close factor") })
        #expect(lines.contains { $0.contains("rule: " + walkthrough.row.quote.closeFactorRule.explanation) })
        // The numbers are the exact quote of `liqtop quote` for that account at that moment.
        let fresh = try session.engine.world.pool.quotePosition(accountIndex: walkthrough.account).liquidation
        #expect(fresh?.maxLiquidatableDebt == walkthrough.row.quote.maxLiquidatableDebt)
        // x asks, y confirms: the user's liquidation goes into the mempool.
        session.press(.char("x"))
        #expect(session.screen().contains { $0.contains("y confirms") })
        session.press(.char("y"))
        #expect(
            session.commands.contains {
                if case .userLiquidation(let account, _) = $0 { account == walkthrough.account } else { false }
            })
        #expect(
            session.engine.world.chain.mempool.contains {
                if case .liquidation(.user, _, _) = $0.kind { true } else { false }
            })
        // The transaction travels into a block (or lapses after 2 minutes); the last step says what became of it.
        try session.tick(130)
        session.press(.right, .right, .right, .right, .right)
        let result = session.screen().joined(separator: "\n")
        #expect(result.contains("step 8 of 8: Result"))
        #expect(
            result.contains("executed in block") || result.contains("your liquidation failed in block")
                || result.contains("was not included within 2 minutes"))
        #expect(session.engine.view.userOutcome?.account == walkthrough.account)
        session.press(.escape)
        #expect(session.view.overlay == .none)
    }

    /// A panel's key pressed in another panel does nothing but say where it works.
    @Test func aPanelsKeyElsewhereSaysWhereItWorks() throws {
        var session = try Self.session()
        #expect(session.view.focus != .market)
        session.press(.char("1"))
        #expect(session.commands.isEmpty)
        #expect(
            session.view.status == "1/2/3: in Market (tab to it), shock the selected asset −5 % / +5 % / −20 %")
        #expect(session.screen().contains { $0.contains("1/2/3: in Market (tab to it), shock") })
    }

    /// A status longer than the bottom row ends in "…" short of the last column, which a terminal never shows.
    @Test func aLongStatusShowsItIsCut() throws {
        var session = try Self.session()
        session.view.status = String(repeating: "word ", count: 30)
        let last = try #require(session.screen(80, 24).last)
        #expect(last.count == 79 && last.hasSuffix("…"), "\(last)")
    }

    @Test func quickShockKeysActOnTheSelectedAssetAndShowInEvents() throws {
        var session = try Self.session()
        session.press(.tab, .down, .down) // market, WBTC
        let before = session.engine.world.truePrices[2]
        session.press(.char("3"))
        #expect(session.commands.last == .shock(asset: 2, percentBps: -2_000, overSeconds: 0))
        #expect(session.engine.world.truePrices[2] < before * 81 / 100)
        #expect(session.screen().contains { $0.contains("WBTC −20 %") })
    }

    @Test func shockDialogTakesAPercentageAndConfirms() throws {
        var session = try Self.session()
        session.press(.char("p"))
        guard case .shock = session.view.overlay else {
            Issue.record("no dialog")
            return
        }
        session.press(.backspace, .backspace, .backspace, .char("-"), .char("1"), .char("5"), .down)
        #expect(session.screen().contains { $0.contains("change   -15▏ %") })
        session.press(.enter)
        #expect(session.commands.last == .shock(asset: 1, percentBps: -1_500, overSeconds: 0))
        #expect(session.view.overlay == .none)
    }

    /// The dialog names the first accounts in line after the shock, with their exact health factors: the
    /// lowest of every account's, after the shock, as the protocol computes it.
    @Test func theShockDialogNamesTheFirstInLine() throws {
        var session = try Self.session()
        session.press(.char("p"), .char("-"), .char("3"), .char("0"))
        let world = session.engine.world
        let moved = world.assetsMoved(byShockTo: 0)
        // Where the oracles go once they follow the shock to the true prices.
        let shocked = ShockScan.shocked(
            world.pool, assets: moved, prices: world.truePrices(afterShockTo: 0, percentBps: -3_000))
        let first = try shocked.accounts.indices.map {
            (try shocked.accountData(shocked.accounts[$0]).healthFactor, $0)
        }
        .filter { $0.0.isLiquidatable }.sorted { $0 < $1 }.prefix(3)
        #expect(first.count == 3)
        let expected =
            "first in line  "
            + first.map { "\(shocked.accounts.id(at: $0.1)) HF \(Widgets.fixed($0.0.approximateValue, 4))" }
            .joined(separator: " · ")
        #expect(session.screen().contains { $0.contains(expected) }, "\(expected)")
    }

    /// The dialog opens with a suggestion that the first typed character replaces; an invalid entry says why.
    @Test func theShockDialogsFirstKeyReplacesItsSuggestion() throws {
        var session = try Self.session()
        session.press(.char("p"), .char("-"), .char("3"), .char("0"))
        guard case .shock(let dialog) = session.view.overlay else {
            Issue.record("no dialog")
            return
        }
        #expect(dialog.text == "-30")
        #expect(dialog.query == ShockQuery(asset: 0, percentBps: -3_000))
        #expect(
            session.effects.last == .request(Reducer.request(session.view)),
            "the dialog asks the engine for its preview")
        session.press(.char("-"), .char("2"), .enter)
        #expect(session.view.status == "\"-30-2\" is not a number; " + ShockDialog.rangeMessage)
        #expect(session.commands.isEmpty)
        session.press(
            .backspace, .backspace, .backspace, .backspace, .backspace, .char("2"), .char("0"), .char("0"), .char("0"),
            .enter)
        #expect(session.view.status == "2000 % is out of range; " + ShockDialog.rangeMessage)
        #expect(session.screen().contains { $0.contains("2000 % is out of range") })
        // Space pauses and resumes the world under the dialog, and types nothing.
        let typed = session.view.overlay
        session.press(.char(" "))
        #expect(session.paused && session.view.overlay == typed)
        session.press(.char(" "))
        #expect(!session.paused && session.view.overlay == typed)
        // A letter is refused with a reason, not dropped in silence; ? opens the help over the dialog.
        session.press(.char("a"))
        #expect(session.view.status == "a percentage is digits, '.', '-' and '+' (\"a\" is not)")
        let dialog2 = session.view.overlay
        session.press(.char("?"))
        #expect(session.view.mode == .help)
        session.press(.char("q"))
        #expect(session.view.overlay == dialog2)
    }

    /// What is a shock: whole basis points from −99.99 % to +1000 %, not zero; a lone sign is a change being
    /// typed, not an error.
    @Test func theShockDialogTakesOnlyAShock() {
        func dialog(_ text: String) -> ShockDialog {
            var dialog = ShockDialog(asset: 0)
            dialog.text = text
            dialog.suggested = false
            return dialog
        }
        #expect(dialog("-99.99").query == ShockQuery(asset: 0, percentBps: -9_999))
        #expect(dialog("1000").query == ShockQuery(asset: 0, percentBps: 100_000))
        #expect(dialog("0.01").query == ShockQuery(asset: 0, percentBps: 1))
        for text in ["-99.999", "-99.9999", "-100", "1000.01"] {
            #expect(dialog(text).query == nil, "\(text)")
            #expect(dialog(text).problem == "\(text) % is out of range; " + ShockDialog.rangeMessage)
        }
        for text in ["0", "-0000", "+0", "0.001"] {
            #expect(dialog(text).query == nil, "\(text)")
            #expect(dialog(text).problem == "\(text) % moves nothing; " + ShockDialog.rangeMessage)
        }
        #expect(dialog("-").problem == "type the change's digits, e.g. -20")
        #expect(dialog("+").problem == "type the change's digits, e.g. +20")
    }

    /// Four quick + before the driver's next snapshot: each starts from the speed the last one set.
    @Test func quickSpeedKeysEachTakeAStep() throws {
        var session = try Self.session()
        var snapshot = session.snapshot()
        snapshot.speed = 10
        var view = ViewState()
        for _ in 0..<4 {
            let (next, effects) = Reducer.reduce(view, .char("+"), snapshot: snapshot)
            view = next
            for case .playback(let playback) in effects { playback.apply(to: &snapshot) }
        }
        #expect(snapshot.speed == 200)
        for case .playback(let playback) in Reducer.reduce(view, .char(" "), snapshot: snapshot).1 {
            playback.apply(to: &snapshot)
        }
        #expect(snapshot.paused)
    }

    /// Every mode's hint bar comes from its keymap: what a key does is always on screen.
    @Test func everyModeShowsItsOwnKeys() throws {
        var session = try Self.session()
        func hints() -> String { session.screen(200, 60).last ?? "" }
        #expect(hints().contains("? help") && hints().contains("q quit"))
        session.press(.char("?"))
        #expect(hints().contains("↑↓/jk scroll") && hints().contains("esc close"))
        session.press(.escape, .char("/"))
        #expect(session.view.mode == .filter)
        #expect(hints().contains("enter keep") && hints().contains("esc clear"))
        session.press(.escape, .enter) // the filter put the focus on Pending liquidations
        #expect(session.view.mode == .walkthrough)
        #expect(hints().contains("→/l/enter next") && hints().contains("x execute") && hints().contains("? help"))
        // Help over the walkthrough opens at the walkthrough's keys, and closing it comes back.
        session.view.helpRows = Dashboard.helpRows(height: 60)
        let step = session.view.overlay
        session.press(.char("?"))
        #expect(session.view.mode == .help)
        #expect(session.screen(200, 60).contains { $0.contains("WALKTHROUGH") })
        session.press(.escape)
        #expect(session.view.overlay == step)
        session.press(.char("x"))
        #expect(session.view.mode == .confirm)
        #expect(hints().contains("y confirm") && hints().contains("any other key cancel"))
        session.press(.char("n"))
        #expect(session.view.mode == .walkthrough)
        #expect(session.commands.isEmpty, "any other key cancels")
    }

    /// The snapshot request follows the view: a new one when the window, the region or the curve changes,
    /// none when a key changes nothing the engine needs.
    @Test func theRequestFollowsTheView() throws {
        var session = try Self.session()
        session.press(.char("?"), .escape)
        #expect(!session.effects.contains { if case .request = $0 { true } else { false } })
        session.press(.tab, .down) // Market: WBTC's curve
        #expect(
            session.effects.last
                == .request(SnapshotRequest(curveAsset: 1, pending: Reducer.pendingQuery(session.view))))
        session.press(.backTab, .enter)
        #expect(Reducer.request(session.view).nodeRegion == .na)
    }

    @Test func faultKeysToggleOnTheSelectedRegionAndNode() throws {
        var session = try Self.session()
        session.press(.down, .char("o")) // eu
        #expect(session.commands.last == .regionOutage(.eu))
        session.press(.char("o"))
        #expect(session.commands.last == .regionRecover(.eu))
        session.press(.char("x"))
        #expect(session.engine.world.network.links[Region.eu.rawValue][Region.na.rawValue].cut)
        session.press(.char("x"))
        #expect(!session.engine.world.network.links[Region.eu.rawValue][Region.na.rawValue].cut)
        session.press(.enter, .char("c")) // first node of Europe
        #expect(session.engine.world.network.nodes.contains { $0.crashed })
        session.press(.char("c"))
        #expect(!session.engine.world.network.nodes.contains { $0.crashed })
        session.press(.escape)
        #expect(session.view.expandedRegion == nil)
    }

    /// `v` opens the proposal form on the asset selected in Market: typed values over today's, an exact
    /// preview, and enter proposes it; the header then follows it through governance.
    @Test func theProposalFormProposesNewParameters() throws {
        var session = try Self.session()
        session.press(.char("v"))
        guard case .proposal(let form) = session.view.overlay else {
            Issue.record("the form is open")
            return
        }
        #expect(form.asset == 0 && form.current == [8_050, 8_300, 10_500, 1_000, 1_500, 0])
        #expect(session.screen(160, 48).joined().contains("Governance proposal"))
        session.press(.char("7"), .char("5")) // the liquidation threshold, focused first
        session.press(.enter)
        #expect(session.view.status == "LTV 80.5 % is above the threshold 75 %" || session.commands.isEmpty)
        session.press(.up, .char("7"), .char("0"), .enter)
        let proposal = Proposal(asset: 0, changes: [.ltvBps: 7_000, .liquidationThresholdBps: 7_500])
        #expect(session.commands.last == .propose(proposal))
        #expect(session.view.overlay == .none)
        #expect(session.screen(160, 48)[0].contains("proposal #1 pending 24:00:00"), "\(session.screen(160, 48)[0])")
        // A value that is not a percentage says so, and esc leaves without proposing.
        session.press(.char("v"), .char("x"))
        #expect(session.view.status == "a percentage is digits and '.' (\"x\" is not)")
        session.press(.escape)
        #expect(session.view.overlay == .none && session.commands.count == 1)
    }

    /// Typed faster than the preview: Enter still checks the configurator's rules on today's parameters.
    @Test func theFormRefusesImpossibleParametersWithoutThePreview() throws {
        var session = try Self.session()
        let snapshot = session.snapshot()
        var view = Reducer.reduce(session.view, .char("v"), snapshot: snapshot).0
        for key: Key in [.down, .char("1"), .char("0"), .char("0")] {
            view = Reducer.reduce(view, key, snapshot: snapshot).0
        }
        let (refused, effects) = Reducer.reduce(view, .enter, snapshot: snapshot)
        #expect(!effects.contains { if case .engine = $0 { true } else { false } })
        #expect(refused.status == "refused: the liquidation bonus must be above 100 % (10500 is 5 %)")
    }

    /// `s` in the form: the risk steward's update, within its bounds, or refused with the bound.
    @Test func sSendsTheUpdateAsTheRiskSteward() throws {
        var session = try Self.session()
        let snapshot = session.snapshot()
        var view = Reducer.reduce(session.view, .char("v"), snapshot: snapshot).0
        for key: Key in [.char("8"), .char("2"), .char(".")] { view = Reducer.reduce(view, key, snapshot: snapshot).0 }
        let (refused, none) = Reducer.reduce(view, .char("s"), snapshot: snapshot)
        #expect(none.allSatisfy { if case .engine = $0 { false } else { true } })
        #expect(
            refused.status == "refused: the risk steward may move the liquidation threshold 0.25 % at most, not 1 %")
        for key: Key in [.char("7"), .char("5")] { view = Reducer.reduce(view, key, snapshot: snapshot).0 }
        let effects = Reducer.reduce(view, .char("s"), snapshot: snapshot).1
        #expect(
            effects.contains(.engine(.stewardUpdate(Proposal(asset: 0, changes: [.liquidationThresholdBps: 8_275])))))
    }

    /// `i` on a node starts an intrusion at its data center (reporters 30 % low, detected in 15 min); again,
    /// while it is undetected, it is detected now. On a region row it says how to pick a node.
    @Test func intrusionKeyHitsTheSelectedNodesDataCenter() throws {
        var session = try Self.session()
        session.press(.down, .char("i"))
        #expect(session.commands.isEmpty)
        #expect(session.view.status == "press enter on a region to pick a node: i hits its data center")
        session.press(.enter, .char("i"))
        let center = try #require(session.engine.world.network.nodes.first { $0.region == .eu }).dataCenter
        #expect(
            session.commands.last
                == .intrusion(dataCenter: center, asset: nil, offsetBps: -3_000, detectAfterSeconds: 900))
        #expect(session.engine.world.network.dataCenters[center].intrusion?.isActive == true)
        let header = session.screen(160, 48)[0]
        #expect(header.contains("INTRUSION \(session.engine.world.network.dataCenters[center].name)"), "\(header)")
        session.press(.char("i"))
        #expect(session.commands.last == .detectIntrusion(dataCenter: center))
        #expect(session.engine.world.network.dataCenters[center].intrusion?.detectedAtMs != nil)
        #expect(!session.screen(160, 48)[0].contains("INTRUSION"))
    }

    @Test func spacePausesAndResumesInsideTheWalkthrough() throws {
        var session = try Self.session()
        session.press(.tab, .tab, .tab, .enter)
        guard case .walkthrough = session.view.overlay else {
            Issue.record("the walkthrough did not open")
            return
        }
        session.press(.char(" "))
        #expect(session.paused)
        session.press(.char(" "))
        #expect(!session.paused)
        guard case .walkthrough = session.view.overlay else {
            Issue.record("space closed the walkthrough")
            return
        }
    }

    @Test func botsPauseSpeedAndQuit() throws {
        var session = try Self.session()
        session.press(.char("a"))
        #expect(!session.engine.world.botsEnabled)
        session.press(.char(" "))
        #expect(session.paused)
        session.press(.char("+"))
        #expect(session.speed == 2)
        session.press(.char("q"))
        #expect(session.quit)
    }
}
