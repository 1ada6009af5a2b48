import LiqCore
import Testing

@testable import LiqUI

/// Absurd but valid inputs must show as pinned figures, never trap: a trap ends the dashboard with the
/// terminal in raw mode.
@Suite struct HostileValueTests {
    /// A price event a quadrillion times the last ($2·10¹⁹ for WETH): its change in basis points does not
    /// fit in an Int. The snapshot used to trap converting it (SIGILL); the market panel shows it pinned.
    @Test func anAbsurdPriceRendersInsteadOfTrapping() throws {
        guard var scenario = try BuiltInScenarios.load("default") else {
            Issue.record("default")
            return
        }
        scenario.simulation.borrowers.count = 200
        var engine = try Engine(scenario: scenario, seed: 1)
        for _ in 0..<5 { try engine.step() }
        engine.apply(.setPrice(asset: 0, price: 2 * 1_000_000_000 * 1_000_000_000 * 1_000_000_000))
        for _ in 0..<40 { try engine.step() }
        let snapshot = engine.snapshot(SnapshotRequest(curveAsset: 0))
        let row = try #require(snapshot.market.first)
        #expect(row.changeBps == Int.max)
        for (width, height) in [(80, 24), (120, 40), (200, 60)] {
            let screen = Frames.text(Dashboard.render(snapshot, ViewState(), width: width, height: height))
            #expect(screen.contains("WETH"), "\(width)x\(height)")
        }
        let market = Frames.text(Dashboard.render(snapshot, ViewState(), width: 200, height: 60))
        #expect(market.contains("e16 %") || market.contains("e19"), "the change or the price in exponent form")
    }

    @Test func widgetsPinWhatTheyCannotShow() {
        #expect(Widgets.fixed(1.8e22, 2) == "1.80e22")
        #expect(Widgets.fixed(-3e30, 0) == "-3.00e30")
        #expect(Widgets.fixed(.nan, 2) == "-")
        #expect(Widgets.bar(.nan, width: 4) == "░░░░")
        #expect(Widgets.bar(1e300, width: 4) == "████")
        #expect(Widgets.sparkline([0, .infinity, 1], width: 3).count == 3)
        #expect(Int(clamping: Double.infinity) == Int.max)
        #expect(Int64(clamping: -1e300) == Int64.min)
        #expect(Int(clamping: Double.nan) == 0)
        #expect(Int(clamping: -2.9) == -2)
    }
}
