import Testing

@testable import LiqCore
@testable import LiqUI

/// Lists: filtering, sorting and scrolling the pending liquidations, page keys, and the help.
extension ReducerTests {
    @Test func filterAndSortPendingLiquidations() throws {
        var session = try Self.session()
        session.press(.char("/"), .char("b"), .char("7"))
        #expect(session.view.filtering)
        let rows = Reducer.liquidationRows(session.snapshot(), session.view)
        #expect(rows.allSatisfy { $0.accountID.contains("b7") })
        session.press(.enter, .char("s"))
        #expect(session.view.sort == .debt)
        let sorted = Reducer.liquidationRows(session.snapshot(), session.view).map(\.debtUSD)
        #expect(sorted == sorted.sorted(by: >))
    }

    /// The filter, the order and the scrolling reach every liquidatable account, not just the rows of the
    /// first window: the engine filters and orders them all, and sends the rows around the cursor.
    @Test func pendingLiquidationsCoverEveryAccountNotJustTheFirstWindow() throws {
        // Bots off: the crash leaves every account it made liquidatable, more than a window holds.
        var session = Session(engine: try Frames.crashedEngine(bots: false, borrowers: 3_000))
        let world = session.engine.world
        let index = world.riskIndex
        // Brute force: every account the exact arithmetic finds liquidatable.
        let all = try world.pool.accounts.indices.filter {
            try world.pool.accountData(world.pool.accounts[$0]).healthFactor.isLiquidatable
        }
        // All of them count; the few the default pair cannot liquidate (the dust rule, say) cannot be listed.
        let listable = all.filter { (try? world.pool.quotePosition(accountIndex: $0).liquidation) != nil }
        #expect(session.snapshot().liquidatableAccounts == all.count)
        #expect(session.snapshot().pendingMatching == all.count)
        #expect(all.count > Reducer.pendingWindow + 50, "more than a window, for the test to mean anything")

        // Every account whose id contains "b9" (there are far more than 20 liquidatable ones in all).
        session.press(.tab, .tab, .tab)
        #expect(session.view.focus == .liquidations)
        session.press(.char("/"), .char("b"), .char("9"), .enter)
        let matching = all.filter { world.pool.accounts.id(at: $0).contains("b9") }
        let filtered = session.snapshot()
        #expect(filtered.pendingMatching == matching.count)
        #expect(Set(filtered.pendingLiquidations.map(\.account)).isSubset(of: Set(matching)))
        #expect(session.screen().joined().contains("(\(matching.count) of \(all.count) match)"))
        session.press(.escape)

        // Largest debt first, over all of them: the first row is the largest debt of the whole set
        // (among the accounts the exact arithmetic confirms).
        session.press(.char("s"))
        let byDebt = session.snapshot().pendingLiquidations
        let largest = all.max { (index.debtUSD(account: $0), -$0) < (index.debtUSD(account: $1), -$1) }
        #expect(byDebt.first?.account == largest)
        session.press(.char("s"), .char("s")) // back to HF

        // Scrolling past the first window: the query moves with the cursor, and the rows follow.
        session.press(.end)
        let last = session.view.selected(.liquidations)
        #expect(last == all.count - 1)
        let query = Reducer.pendingQuery(session.view)
        #expect(query.offset > 0 && query.offset <= last && last < query.offset + query.limit)
        let deep = session.snapshot()
        // A window past the end comes back to the last page: exactly the listable accounts at the window's
        // positions of the whole ordering (estimate, then account).
        let windowStart = max(0, min(query.offset, all.count - query.limit))
        #expect(windowStart > 0, "the last rows are not in the first window")
        let ordered = all.sorted { (index.healthFactor(account: $0), $0) < (index.healthFactor(account: $1), $1) }
        let expected = ordered.dropFirst(windowStart).prefix(query.limit).filter { listable.contains($0) }
        #expect(deep.pendingLiquidations.map(\.account) == Array(expected))
        #expect(deep.pendingLiquidations.last.map { $0.position } ?? 0 < all.count)
        #expect(!deep.pendingLiquidations.isEmpty)
        #expect(session.screen().joined().contains("\(deep.pendingLiquidations.last!.accountID) "))
        session.press(.home)
        #expect(session.view.selected(.liquidations) == 0)
        #expect(Reducer.pendingQuery(session.view).offset == 0)
    }

    /// PgDn moves by the focused panel's visible rows, as the layout gives them.
    @Test func pageKeysMoveByTheVisibleRows() throws {
        var session = try Self.session()
        session.press(.tab, .tab, .tab)
        #expect(session.view.focus == .liquidations)
        let rows = Dashboard.pageRows(width: 200, height: 60, focus: .liquidations)
        // 200×60 is the grid: the liquidations panel is the lower half of the right column, less border and header.
        let rect = try #require(Dashboard.panelRects(width: 200, height: 60, focus: .liquidations)[.liquidations])
        #expect(rows == rect.height - 3 && rows > 10)
        session.view.pageRows = rows
        session.press(.pageDown)
        #expect(session.view.selected(.liquidations) == rows)
        session.press(.pageUp)
        #expect(session.view.selected(.liquidations) == 0)
    }

    @Test func helpListsEveryKey() throws {
        var session = try Self.session()
        session.view.helpRows = Dashboard.helpRows(height: 60)
        session.press(.char("?"))
        // Page through it: every key's line is on one of the pages.
        var lines = ""
        for _ in 0..<8 {
            lines += session.screen(200, 60).joined(separator: "\n")
            session.press(.pageDown)
        }
        // Scrolling stops at the end, and g / G go to the top and the end.
        let end = Chrome.helpLines().count - session.view.helpRows
        #expect(end > 0 && session.view.helpScroll == end)
        session.press(.char("j"), .char("g"))
        #expect(session.view.helpScroll == 0)
        session.press(.char("G"))
        #expect(session.view.helpScroll == end)
        for mode in Mode.allCases {
            for binding in KeyMap.bindings(for: mode) where binding.inHelp {
                #expect(lines.contains(binding.help), "\(binding.label)")
            }
        }
        #expect(!lines.contains("move down"), "duplicates stay out of the help")
        session.press(.escape)
        #expect(session.view.overlay == .none)
    }
}

/// Enter on a liquidatable account the protocol refuses (no quote, so no walkthrough) says why instead of
/// doing nothing: on an L2 in its grace period, the sentinel's rule and the time left.
@Suite struct BlockedRowTests {
    static func snapshot(reason: LiquidationError, grace: Int?, down: Bool = false) -> Snapshot {
        var snapshot = HandSnapshot.make()
        snapshot.blockedLiquidations = [
            .init(
                position: 0, account: 7, accountID: "b114", healthFactor: HealthFactor(wad: 951_400_000_000_000_000),
                collateralUSD: 12_100, debtUSD: 10_500, reason: reason)
        ]
        snapshot.pendingMatching = 1
        snapshot.graceLeftSeconds = grace
        snapshot.sequencerDown = down
        return snapshot
    }

    static func enter(on snapshot: Snapshot) -> ViewState {
        var view = ViewState()
        view.focus = .liquidations
        let (next, effects) = Reducer.reduce(view, .enter, snapshot: snapshot)
        #expect(effects.allSatisfy { if case .request = $0 { true } else { false } })
        #expect(next.overlay == .none)
        return next
    }

    @Test func enterOnARefusedRowSaysWhy() {
        let grace = Self.enter(on: Self.snapshot(reason: .priceOracleSentinelCheckFailed, grace: 2_500))
        #expect(
            grace.status
                == "b114: grace period, 41:40 left: only HF < 0.95 may be liquidated (PRICE_ORACLE_SENTINEL_CHECK_FAILED)"
        )
        let down = Self.enter(on: Self.snapshot(reason: .priceOracleSentinelCheckFailed, grace: nil, down: true))
        #expect(
            down.status == "b114: the sequencer is down: no block, no liquidation (PRICE_ORACLE_SENTINEL_CHECK_FAILED)")
        let dust = Self.enter(on: Self.snapshot(reason: .mustNotLeaveDust, grace: nil))
        #expect(
            dust.status
                == "b114 cannot be liquidated through its largest debt and collateral: MUST_NOT_LEAVE_DUST "
                + "(would leave dust)")
    }
}

/// A recording's keys: moves through it, a moment typed after g, commands refused until b branches.
@Suite struct ReplayKeyTests {
    static func snapshot() -> Snapshot {
        var snapshot = HandSnapshot.make(market: [HandSnapshot.market("WETH", price: 1_000_00000000)])
        snapshot.replay = .init(tick: 120, endTick: 7_200)
        return snapshot
    }

    @Test func keysMoveThroughTheRecordingAndBIsTheOnlyWayToChangeIt() {
        let snapshot = Self.snapshot()
        var view = ViewState()
        view.replaying = true
        #expect(view.mode == .replay)
        let moves: [(Key, ReplayMove)] = [
            (.char("]"), .blockForward), (.char("["), .blockBack), (.char("}"), .minuteForward),
            (.char("{"), .minuteBack), (.home, .start), (.end, .end),
        ]
        for (key, move) in moves {
            #expect(Reducer.reduce(view, key, snapshot: snapshot).1.contains(.replay(move)), "\(key)")
        }
        // g, then a moment: 1:02:03 is tick 3,723 at 1 s a tick.
        var typing = Reducer.reduce(view, .char("g"), snapshot: snapshot).0
        #expect(typing.mode == .goTo)
        for key in "1:02:03" { typing = Reducer.reduce(typing, .char(key), snapshot: snapshot).0 }
        let (went, effects) = Reducer.reduce(typing, .enter, snapshot: snapshot)
        #expect(effects.contains(.replay(.to(tick: 3_723))) && went.overlay == .none)
        #expect(Reducer.seconds("62:03") == 3_723 && Reducer.seconds("7") == 7 && Reducer.seconds("1:60") == nil)
        // A shock is refused while the recording plays …
        let (refused, none) = Reducer.reduce(view, .char("a"), snapshot: snapshot)
        #expect(!none.contains { if case .engine = $0 { true } else { false } })
        #expect(refused.status == "a recording plays as it was: b branches from here, and then your commands change it")
        // … and b branches: the dashboard's keys are back, and commands reach the world.
        let (branched, branch) = Reducer.reduce(view, .char("b"), snapshot: snapshot)
        #expect(branch.contains(.replay(.branch)) && !branched.replaying && branched.mode == .main)
        #expect(Reducer.reduce(branched, .char("a"), snapshot: snapshot).1.contains(.engine(.setBots(enabled: false))))
    }

    @Test func theHeaderSaysWhereTheRecordingIs() {
        var snapshot = Self.snapshot()
        var buffer = ScreenBuffer(width: 160, height: 1)
        Chrome.header(snapshot, frameMicros: nil, into: &buffer, width: 160)
        #expect(buffer.lines[0].contains("REPLAY 00:02:00 / 02:00:00"), "\(buffer.lines[0])")
        snapshot.replay?.branchedAt = 120
        buffer = ScreenBuffer(width: 160, height: 1)
        Chrome.header(snapshot, frameMicros: nil, into: &buffer, width: 160)
        #expect(buffer.lines[0].contains("BRANCH from 00:02:00"), "\(buffer.lines[0])")
    }
}

/// End in Events stops with the oldest event on the panel's last row, not alone at its top.
@Suite struct EventScrollTests {
    @Test func endKeepsThePanelFull() {
        var snapshot = HandSnapshot.make()
        snapshot.recentEvents = (0..<50).map { Event(timeMs: Int64($0) * 1_000, kind: .shock, message: "event \($0)") }
        var view = ViewState()
        view.focus = .events
        view.pageRows = 7
        view = Reducer.reduce(view, .end, snapshot: snapshot).0
        #expect(view.eventScroll == 50 - 7)
        view = Reducer.reduce(view, .down, snapshot: snapshot).0
        #expect(view.eventScroll == 50 - 7)
    }
}
