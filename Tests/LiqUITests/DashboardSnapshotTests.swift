import LiqCore
import SnapshotTesting
import Testing

@testable import LiqUI

/// Whole screens at three sizes and in monochrome, compared as text with recorded files
/// (__Snapshots__, checked by eye when recorded: see the review notes in the commit).
@Suite(.serialized) struct DashboardSnapshotTests {
    /// As the driver sends it: with the window of pending liquidations a fresh view asks for.
    static let snapshot: Snapshot = {
        var engine = try! Frames.crashedEngine()
        return engine.snapshot(Reducer.request(ViewState()))
    }()

    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func wholeScreen(size: (Int, Int)) {
        let buffer = Dashboard.render(Self.snapshot, ViewState(), width: size.0, height: size.1)
        assertSnapshot(of: Frames.text(buffer), as: .lines, named: "\(size.0)x\(size.1)")
    }

    @Test func monochromeKeepsMeaningInAttributes() {
        var view = ViewState()
        view.focus = .liquidations
        let buffer = Dashboard.render(Self.snapshot, view, width: 200, height: 60)
        assertSnapshot(of: Frames.monochrome(buffer), as: .lines, named: "mono-200x60")
    }

    @Test func tooSmallScreen() {
        let buffer = Dashboard.render(Self.snapshot, ViewState(), width: 60, height: 20)
        #expect(buffer.lines.contains { $0.contains("Terminal too small") })
        #expect(buffer.lines.contains { $0.contains("60 × 20; liqtop needs 80 × 24") })
    }

    @Test func everyPanelIsOnScreenAtGridSize() {
        let lines = Dashboard.render(Self.snapshot, ViewState(), width: 200, height: 60).lines.joined()
        for panel in Panel.allCases { #expect(lines.contains(panel.title), "\(panel.title)") }
        #expect(lines.contains("liqtop · crash · 00:11:40"))
    }

    @Test func compactLayoutNamesEveryPanelAndShowsTheFocusedOne() {
        var view = ViewState()
        view.focus = .market
        let lines = Dashboard.render(Self.snapshot, view, width: 80, height: 24).lines
        #expect(lines[1].contains("Node health  Market  Collateral ratios  Pending liquidations  Events"))
        #expect(lines.contains { $0.contains("┌─ Market") })
        #expect(!lines.contains { $0.contains("┌─ Node health") })
    }
}
