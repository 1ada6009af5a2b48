import Testing

@testable import LiqCore
@testable import LiqUI

/// Each panel drawn from a snapshot built by hand, checked line by line.
@Suite struct PanelTests {
    static func draw(
        _ render: (Snapshot, ViewState, inout ScreenBuffer, Rect) -> Void, _ snapshot: Snapshot,
        width: Int, height: Int
    ) -> [String] {
        var buffer = ScreenBuffer(width: width, height: height)
        render(snapshot, ViewState(), &buffer, Rect(x: 0, y: 0, width: width, height: height))
        return buffer.lines
    }

    @Test func theHistogramCountsCarryThousandsSeparators() {
        var counts = Array(repeating: 0, count: HealthBands.bands.count)
        counts[0] = 12_345
        counts[6] = 123_456
        counts[9] = 7
        let snapshot = HandSnapshot.make(histogram: counts)
        let lines = Self.draw({ CollateralPanel.render($0, $1, into: &$2, in: $3) }, snapshot, width: 80, height: 14)
        #expect(lines[1].hasPrefix("│HEALTH FACTOR  ACCOUNTS"))
        // The left half is 39 wide: bars get 39 − 17 = 22 columns, scaled to the largest band (123,456),
        // so 12,345 draws 2; counts end at the half's last column (39), shortened when 6 columns are too few.
        #expect(lines[2].hasPrefix("│< 0.9     ■■" + String(repeating: " ", count: 21) + "12,345 "), "\(lines[2])")
        #expect(lines[8].hasPrefix("│1.25–1.5  " + String(repeating: "■", count: 22) + "   123k "), "\(lines[8])")
        #expect(lines[11].hasPrefix("│≥ 3       ■" + String(repeating: " ", count: 27) + "7 "), "\(lines[11])")
    }

    @Test func theCurveShowsPricesWithSensibleDecimals() {
        let market = [HandSnapshot.market("WETH", price: 1_000_00000000)]
        let curve = [(movePercent: 0, collateralUSD: 0.0), (-10, 2_500_000), (-20, 5_000_000)]
        let snapshot = HandSnapshot.make(market: market, curve: curve)
        let lines = Self.draw({ CollateralPanel.render($0, $1, into: &$2, in: $3) }, snapshot, width: 80, height: 14)
        // The right half is 38 wide: the curve's bars get 38 − 26 = 12 columns, scaled to the largest ($5M).
        #expect(lines[5].hasSuffix("  now  1,000.00                      $0│"), "\(lines[5])")
        #expect(lines[6].hasSuffix(" −10%    900.00 ▬▬▬▬▬▬           $2.50M│"), "\(lines[6])")
        #expect(lines[7].hasSuffix(" −20%    800.00 ▬▬▬▬▬▬▬▬▬▬▬▬     $5.00M│"), "\(lines[7])")
    }

    /// With shorts owing the asset the curve has rises above today's price, and "now" stays a row when
    /// the panel has room for only some of the points.
    @Test func theCurveShowsRisesAboveTodayAndKeepsNowWhenThinned() {
        let market = [HandSnapshot.market("WETH", price: 1_000_00000000)]
        let curve = RiskSummary.curveMoves.map { move in
            (movePercent: move, collateralUSD: Double(abs(move)) * 100_000)
        }
        let snapshot = HandSnapshot.make(market: market, curve: curve)
        let tall = Self.draw({ CollateralPanel.render($0, $1, into: &$2, in: $3) }, snapshot, width: 80, height: 30)
        #expect(tall[4].contains("liquidatable if WETH moves"), "\(tall[4])")
        #expect(tall[5].hasSuffix(" +50%  1,500.00 ▬▬▬▬▬▬▬▬▬▬▬▬     $5.00M│"), "\(tall[5])")
        #expect(tall[15].hasSuffix("  now  1,000.00                      $0│"), "\(tall[15])")
        #expect(tall[25].hasSuffix(" −50%    500.00 ▬▬▬▬▬▬▬▬▬▬▬▬     $5.00M│"), "\(tall[25])")
        // 8 rows for 21 points: every third from "now" (+45 … −45), "now" among them.
        let short = Self.draw({ CollateralPanel.render($0, $1, into: &$2, in: $3) }, snapshot, width: 80, height: 14)
        let labels = short.compactMap { line in
            ["+45%", "+30%", "+15%", "now", "−15%", "−30%"].first { line.contains(" \($0) ") }
        }
        #expect(labels == ["+45%", "+30%", "+15%", "now", "−15%", "−30%"], "\(short)")
    }

    @Test func regionRowsFitLargeCountsAndTheGaugeLineTellsTheLastBlock() {
        let snapshot = HandSnapshot.make(
            regions: [
                HandSnapshot.region(.na, up: 1_998, of: 2_000),
                HandSnapshot.region(.eu, up: 9_996, of: 10_000, p90: 12_345),
            ],
            missedSlots: 3, lastBlockAgeMs: 30_000)
        let lines = Self.draw({ NodeHealthPanel.render($0, $1, into: &$2, in: $3) }, snapshot, width: 100, height: 8)
        #expect(
            lines[1].hasPrefix(
                "│stake online ████████████████████│█████████ 100.0 % (2/3 line)  last block 30 s ago · 3 missed "))
        #expect(lines[2].hasPrefix("│REGION     UP/ALL   LAT  LAG PEERS  P50ms  P90ms  UPTIME STAKE"))
        // "1,998/2,000" does not fit UP/ALL's 9 columns, "1998/2000" does; "9996/10000" does not, so the
        // total is shortened and the count of nodes up stays exact.
        #expect(lines[3].hasPrefix("│na      1998/2000    40    0   8.0    300    800  100.0%   50%"), "\(lines[3])")
        #expect(lines[4].hasPrefix("│eu       9996/10k    40    0   8.0    300 12,345  100.0%   50%"), "\(lines[4])")
        // Two slots without a block: the line turns critical.
        var buffer = ScreenBuffer(width: 100, height: 8)
        NodeHealthPanel.render(snapshot, ViewState(), into: &buffer, in: Rect(x: 0, y: 0, width: 100, height: 8))
        let x = lines[1].distance(from: lines[1].startIndex, to: lines[1].range(of: "last block")!.lowerBound)
        #expect(buffer[x, 1].style.role == .critical)
    }

    @Test func marketPricesAreGroupedAndStablecoinsKeepFourDecimals() {
        let market = [
            HandSnapshot.market("WBTC", price: 34_814_14000000), HandSnapshot.market("USDC", price: 1_00012000),
        ]
        let lines = Self.draw(
            { MarketPanel.render($0, $1, into: &$2, in: $3) }, HandSnapshot.make(market: market), width: 90, height: 5)
        #expect(lines[2].hasPrefix("│WBTC   34,814.14  34,814.14"), "\(lines[2])")
        #expect(lines[3].hasPrefix("│USDC      1.0001     1.0001"), "\(lines[3])")
    }

    /// A liquidatable account its largest debt and collateral cannot liquidate shows the protocol's reason.
    @Test func blockedAccountsSayWhy() {
        var snapshot = HandSnapshot.make()
        snapshot.pendingMatching = 1
        snapshot.liquidatableAccounts = 1
        snapshot.blockedLiquidations = [
            .init(
                position: 0, account: 7, accountID: "dusty", healthFactor: HealthFactor(wad: 980_000_000_000_000_000),
                collateralUSD: 1_500, debtUSD: 1_480, reason: .mustNotLeaveDust)
        ]
        let lines = Self.draw({ LiquidationsPanel.render($0, $1, into: &$2, in: $3) }, snapshot, width: 100, height: 4)
        #expect(
            lines[2].hasPrefix(
                "│dusty       0.9800    $1,500    $1,480          -      -         -  cannot: would leave dust"),
            "\(lines[2])")
    }
}
