import LiqCore
import SnapshotTesting
import Testing

@testable import LiqUI

/// The Risk view: its keys (from the keymap) and what it draws, over a run the test makes up.
@Suite struct RiskViewTests {
    /// 20 paths of 200 finished: path i has bad debt 1,000·i; the odd ones drew a node crash.
    static func status(state: RiskStatus.State = .running, watching: Int? = nil) -> RiskStatus {
        let outcomes = (0..<20).map { index in
            PathOutcome(
                path: index, seed: UInt64(100 + index), realisedBadDebtUSD: Double(index) * 1_000,
                unrealisedBadDebtUSD: 0, liquidations: 3, liquidatedDebtUSD: 10_000, maxOracleStalenessS: 12,
                finalityStalled: false,
                faults: index % 2 == 1
                    ? [.init(kind: "node_crash", target: "eu-aws-\(index)", startS: 60, durationS: 600)] : [],
                moves: [.init(asset: "WETH", percent: -Double(index))])
        }
        var status = RiskStatus(
            paths: 200, horizonMs: 86_400_000, fast: true, fromMs: 600_000, state: state, outcomes: outcomes,
            elapsedSeconds: 4)
        status.watching = watching
        return status
    }

    static func snapshot(_ risk: RiskStatus?) throws -> Snapshot {
        var engine = try Frames.crashedEngine(ticks: 30)
        var snapshot = engine.snapshot()
        snapshot.risk = risk
        return snapshot
    }

    @Test func rOpensTheViewAndStartsARunOnlyWhenThereIsNone() throws {
        let none = try Self.snapshot(nil)
        let (opened, effects) = Reducer.reduce(ViewState(), .char("r"), snapshot: none)
        #expect(opened.overlay == .risk(RiskOverlay()))
        #expect(effects.contains(.risk(.start)))
        let running = try Self.snapshot(Self.status())
        let (again, quiet) = Reducer.reduce(ViewState(), .char("r"), snapshot: running)
        #expect(again.mode == .risk)
        #expect(!quiet.contains(.risk(.start)), "the run already there is shown, not replaced")
        // In the view, r runs again from the present.
        #expect(Reducer.reduce(again, .char("r"), snapshot: running).1.contains(.risk(.start)))
    }

    /// `e` compares the run with the same paths after the open proposals execute: without a proposal it says
    /// so; with one it asks for the comparison, and the view shows both figures and the change.
    @Test func eComparesTheRunWithTheOpenProposalsExecuted() throws {
        var view = ViewState()
        view.overlay = .risk(RiskOverlay())
        var snapshot = try Self.snapshot(Self.status())
        let (refused, none) = Reducer.reduce(view, .char("e"), snapshot: snapshot)
        #expect(none.isEmpty && refused.status == "no open governance proposal to compare: v proposes one")
        var world = try Frames.crashedEngine(ticks: 30).world
        _ = world.apply(.propose(Proposal(asset: 0, changes: [.liquidationThresholdBps: 8_100])))
        snapshot.proposals = world.proposals
        #expect(Reducer.reduce(view, .char("e"), snapshot: snapshot).1.contains(.risk(.compare)))
        // The same 20 paths, each with twice the bad debt and 5 liquidations instead of 3.
        var status = Self.status()
        let doubled = (0..<20).map { index in
            PathOutcome(
                path: index, seed: UInt64(100 + index), realisedBadDebtUSD: Double(index) * 2_000,
                unrealisedBadDebtUSD: 0, liquidations: 5, liquidatedDebtUSD: 10_000, maxOracleStalenessS: 12,
                finalityStalled: false, faults: [], moves: [])
        }
        status.comparison = RiskStatus.Comparison(label: "proposal #1 executed now", outcomes: doubled)
        snapshot.risk = status
        let text = Dashboard.render(snapshot, view, width: 160, height: 50).lines.joined(separator: "\n")
        let base = status.report.var95USD
        #expect(text.contains("with proposal #1 executed now, the same paths · 20/200 paths"))
        #expect(text.contains("VaR 95 \(Widgets.usd(2 * base)) (+\(Widgets.usd(base)))"), "\(text)")
        #expect(text.contains("liquidations a path 3.0 → 5.0"))
        #expect(text.contains("200 paths × 2 of 24 h"))
    }

    @Test func theWorstPathsAreSelectedAndOpened() throws {
        let snapshot = try Self.snapshot(Self.status())
        var view = ViewState()
        view.overlay = .risk(RiskOverlay())
        for _ in 0..<9 { view = Reducer.reduce(view, .char("j"), snapshot: snapshot).0 }
        #expect(
            view.overlay
                == .risk(
                    {
                        var overlay = RiskOverlay()
                        overlay.selection = 4
                        return overlay
                    }()))
        view = Reducer.reduce(view, .up, snapshot: snapshot).0
        let (closed, effects) = Reducer.reduce(view, .enter, snapshot: snapshot)
        // Worst first: paths 19, 18, 17, 16, 15; the fourth is path 16.
        #expect(effects == [.risk(.open(path: 16))])
        #expect(closed.overlay == .none && closed.status?.contains("path 16") == true)
        // With no path finished yet there is nothing to open.
        var empty = Self.status()
        empty = RiskStatus(
            paths: 200, horizonMs: 86_400_000, fast: true, fromMs: 0, state: .running, outcomes: [], elapsedSeconds: 1)
        let (still, none) = Reducer.reduce(view, .enter, snapshot: try Self.snapshot(empty))
        #expect(none.isEmpty && still.mode == .risk)
        // Before the first path finishes there is no rate to give a time left from.
        let starting = Dashboard.render(try Self.snapshot(empty), still, width: 120, height: 40).lines
        #expect(starting.contains { $0.contains("the first paths are running, 1 s so far") })
        #expect(starting.contains { $0.contains("no path has finished yet") })
    }

    @Test func stopLiveCloseAndHelp() throws {
        var view = ViewState()
        view.overlay = .risk(RiskOverlay())
        let running = try Self.snapshot(Self.status())
        let watching = try Self.snapshot(Self.status(watching: 3))
        #expect(Reducer.reduce(view, .char("s"), snapshot: running).1 == [.risk(.stop)])
        let finished = try Self.snapshot(Self.status(state: .finished))
        #expect(Reducer.reduce(view, .char("s"), snapshot: finished).1.isEmpty)
        #expect(Reducer.reduce(view, .char("l"), snapshot: running).1.isEmpty, "already on the live world")
        // On the dashboard itself, l comes back too, while a path is watched.
        #expect(Reducer.reduce(ViewState(), .char("l"), snapshot: watching).1 == [.risk(.live)])
        #expect(Reducer.reduce(ViewState(), .char("l"), snapshot: running).1.isEmpty)
        #expect(Reducer.reduce(view, .char("l"), snapshot: watching).1 == [.risk(.live)])
        #expect(Reducer.reduce(view, .escape, snapshot: running).0.overlay == .none)
        let help = Reducer.reduce(view, .char("?"), snapshot: running).0
        #expect(help.mode == .help && help.underHelp == .risk(RiskOverlay()))
        #expect(Reducer.reduce(help, .escape, snapshot: running).0.mode == .risk)
        // Every key of the view is in the help and the hint bar.
        let helpText = Chrome.helpLines().map { $0.key + " " + $0.text }.joined(separator: "\n")
        #expect(helpText.contains("RISK VIEW") && helpText.contains("watch the selected path"))
        let mainBar = KeyMap.hintBar(for: .main, focus: .nodes).map(\.label)
        #expect(mainBar.contains("r"))
    }

    @Test func drawsProgressHistogramSummaryAndWorstPaths() throws {
        var view = ViewState()
        view.overlay = .risk(
            {
                var overlay = RiskOverlay()
                overlay.selection = 1
                return overlay
            }())
        let lines = Dashboard.render(try Self.snapshot(Self.status()), view, width: 160, height: 48).lines
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Risk · Monte Carlo of bad debt"))
        #expect(text.contains("from 00:10:00 · 200 paths of 24 h, fast mode · 20 done, 5.0/s, 36 s left"))
        // 20 values from $0 to $19k in 12 bins; VaR 95 (rank 19: $18k) and EVaR 99 (rank 20: $19k) are in the last.
        let histogram = lines.filter { $0.contains("–$") }
        #expect(histogram.count == 12)
        #expect(histogram.last?.contains("◀ VaR 95 $18.0k · EVaR 99 $19.0k") == true, "\(histogram.last ?? "")")
        #expect(text.contains("mean $9,500  median $9,000  VaR 95 $18.0k  EVaR 99 $19.0k  CVaR 95 $19.0k"))
        #expect(text.contains("bad debt over $1 in 95.0 % of paths · 3.0 liquidations a path"))
        #expect(text.contains("finality stalled in 0.0 % of paths · oracle staleness p95 12 s"))
        #expect(text.contains("drew faults  10 paths · mean $10.0k"))
        #expect(text.contains("drew none    10 paths · mean $9,000"))
        let worst = lines.filter { $0.contains(" path ") && $0.contains("WETH") }
        #expect(worst.count == 5)
        #expect(
            worst[1].contains("▶ path 18") && worst[1].contains("$18.0k") && worst[1].contains("node crash") == false)
        #expect(worst[0].contains("path 19") && worst[0].contains("node crash eu-aws-19"))
        // Watching a path, the view says so and how to go back.
        let watching = Dashboard.render(try Self.snapshot(Self.status(watching: 19)), view, width: 160, height: 48)
        #expect(watching.lines.contains { $0.contains("the dashboard shows path 19 of this run · l goes back") })
    }

    /// At the smallest size the dashboard allows, the histogram shrinks, the summary's lines fit and the worst
    /// paths and the view's keys stay on screen.
    @Test func fitsTheSmallestScreen() throws {
        var view = ViewState()
        view.overlay = .risk(RiskOverlay())
        let snapshot = try Self.snapshot(Self.status(state: .finished))
        let lines = Dashboard.render(snapshot, view, width: 80, height: 24).lines
        #expect(lines.contains { $0.contains("done in 4 s (r runs again)") })
        #expect(lines.filter { $0.contains(" path ") && $0.contains("WETH") }.count == 5)
        #expect(lines.filter { $0.contains("–$") }.count >= 2)
        #expect(lines.contains { $0.contains("CVaR 95 $19.0k") })
        #expect(!lines.contains { $0.contains("…") }, "nothing cut short")
        #expect(lines.contains { $0.contains("oracle staleness p95 12 s") })
        for key in ["enter watch", "s stop", "l live", "esc close"] {
            #expect(lines.last?.contains(key) == true, "\(key) in the hint bar")
        }
    }
}

/// The Risk view as a whole screen, compared with a recorded file (checked by eye when recorded).
@Suite(.serialized) struct RiskViewSnapshotTests {
    @Test func riskViewAt120x40() throws {
        var view = ViewState()
        view.overlay = .risk(RiskOverlay())
        let buffer = Dashboard.render(
            try RiskViewTests.snapshot(RiskViewTests.status(state: .finished)), view, width: 120, height: 40)
        assertSnapshot(of: Frames.text(buffer), as: .lines, named: "120x40")
    }
}
