import Testing

@testable import LiqUI

@Suite struct WidgetsTests {
    @Test func countsGroupThousandsAndShortenOnlyWhenTheyDoNotFit() {
        #expect(Widgets.count(0) == "0")
        #expect(Widgets.count(999) == "999")
        #expect(Widgets.count(1_000) == "1,000")
        #expect(Widgets.count(-1_234_567) == "-1,234,567")
        #expect(Widgets.count(12_345, width: 6) == "12,345")
        #expect(Widgets.count(123_456, width: 6) == "123k") // "123,456" is 7
        #expect(Widgets.count(1_234_567, width: 6) == "1.2M")
        #expect(Widgets.count(99_960_000, width: 5) == "100M") // 99.96 rounds to 100: no decimal
        #expect(Widgets.count(1_500, width: 4) == "2k") // too narrow for "1.5k"
        #expect(Widgets.count(1_500, width: 5) == "1,500")
    }

    @Test func pricesCarryTheDecimalsThatMatterAtTheirSize() {
        #expect(Widgets.price(120_000.4) == "120,000")
        #expect(Widgets.price(34_814.14) == "34,814.14")
        #expect(Widgets.price(1_816.849) == "1,816.85")
        #expect(Widgets.price(999.2675) == "999.27")
        #expect(Widgets.price(25.12345) == "25.123")
        #expect(Widgets.price(1.00012) == "1.0001")
        #expect(Widgets.price(0.99981) == "0.9998")
        #expect(Widgets.price(0.0123456) == "0.012346")
    }

    @Test func dollarsShortenFromTenThousandAndGroupBelow() {
        #expect(Widgets.usd(0.5) == "$0.50")
        #expect(Widgets.usd(0) == "$0")
        #expect(Widgets.usd(12.4) == "$12")
        #expect(Widgets.usd(9_077.6) == "$9,078")
        #expect(Widgets.usd(12_900) == "$12.9k")
        #expect(Widgets.usd(-3_230_000) == "-$3.23M")
        #expect(Widgets.usd(2.5e9) == "$2.50B")
        #expect(Widgets.usd(1.5e13) == "$15.00T")
        #expect(Widgets.usd(1.5e22) == "$1.50e22")
    }

    @Test func hugeValuesTakeTheExponentFormAndCarryRounding() {
        #expect(Widgets.fixed(9.996e21, 2) == "1.00e22") // not "10.00e21"
        #expect(Widgets.fixed(1.8e18, 2) == "1.80e18")
        #expect(Widgets.price(1e22) == "1.00e22")
        #expect(MarketPanel.changeText(-34.84) == "−34.8 %")
        #expect(MarketPanel.changeText(2_345.6) == "+2346 %")
        #expect(MarketPanel.changeText(2.2e16) == "+>9999 %")
    }

    @Test func cellsThatDoNotFitAreCutWithAnEllipsisNeverSilently() {
        #expect(Widgets.right("3,456", 3) == "3,…")
        #expect(Widgets.left("Europe", 4) == "Eur…")
        #expect(Widgets.right("42", 5) == "   42")
        #expect(Widgets.left("42", 1) == "…")
        #expect(Widgets.left("42", 0) == "")
    }

    @Test func longLinesWrapAtSpacesWithTheRestIndented() {
        #expect(Widgets.wrap("short", width: 20, indent: 4) == ["short"])
        #expect(
            Widgets.wrap("base collateral = 2,100 × 12 / 1,816.85 = 13.87", width: 20, indent: 4)
                == ["base collateral =", "    2,100 × 12 /", "    1,816.85 = 13.87"])
        // A word longer than the line is cut where it must be.
        #expect(
            Widgets.wrap("0123456789012345678901234", width: 20, indent: 4) == ["01234567890123456789", "    01234"])
    }
}
