import Testing

@testable import LiqUI

/// The Table widget, line by line (as ratatui tests its widgets: a buffer, then the literal lines).
@Suite struct TableTests {
    static let table = Table([
        .init("NAME", .fixed(6), gap: 0), .init("COUNT", .fixed(6), .right),
        .init("NOTE", .flexible(min: 4, max: 10), priority: 2), .init("X", .fixed(3), .right, priority: 1),
    ])

    static func lines(_ width: Int, selected: Int? = nil, first: Int = 0, height: Int = 4) -> [String] {
        var buffer = ScreenBuffer(width: width, height: height)
        let rows: [[Table.Cell]] = [
            [.init("alpha"), .init("12"), .init("fine"), .init("a")],
            [.init("beta"), .init("3,456"), .init("a long note"), .init("b")],
            [.init("gamma"), .init("7")],
        ]
        table.render(
            rows, first: first, selected: selected, into: &buffer, in: Rect(x: 0, y: 0, width: width, height: height))
        return buffer.lines
    }

    @Test func wideEnoughEveryColumnFlexibleTakesUpToItsMaximum() {
        // 6 + 1 + 6 + 1 + 10 + 1 + 3 = 28 of 30 (lines come without trailing blanks); a cut cell ends in "…".
        #expect(
            Self.lines(30) == [
                "NAME    COUNT NOTE         X",
                "alpha      12 fine         a",
                "beta    3,456 a long no…   b",
                "gamma       7",
            ])
    }

    @Test func narrowerTheFlexibleColumnShrinksThenTheLowestPriorityDrops() {
        // 6 + 1 + 6 + 1 + 4 + 1 + 3 = 22 keeps all four, with NOTE at its minimum.
        #expect(
            Self.lines(22) == [
                "NAME    COUNT NOTE   X",
                "alpha      12 fine   a",
                "beta    3,456 a l…   b",
                "gamma       7",
            ])
        // At 21, X (priority 1) goes first, and NOTE takes the 3 columns left over (7).
        #expect(
            Self.lines(21) == [
                "NAME    COUNT NOTE",
                "alpha      12 fine",
                "beta    3,456 a long…",
                "gamma       7",
            ])
        // At 12, NOTE goes too; the first column never does.
        #expect(Self.layout(12).map(\.column) == [0])
        #expect(Self.layout(13).map(\.column) == [0, 1])
    }

    static func layout(_ width: Int) -> [Table.Placed] { table.layout(width: width) }

    @Test func theSelectedRowIsReversedAcrossTheWidthAndShortRowsLeaveBlanks() {
        var buffer = ScreenBuffer(width: 30, height: 4)
        let rows: [[Table.Cell]] = [[.init("alpha"), .init("12")], [.init("gamma"), .init("7")]]
        Self.table.render(rows, selected: 1, into: &buffer, in: Rect(x: 0, y: 0, width: 30, height: 4))
        #expect(buffer.line(2) == "gamma       7")
        #expect((0..<30).allSatisfy { buffer[$0, 2].style.reverse })
        #expect(!(0..<30).contains { buffer[$0, 1].style.reverse })
        #expect(buffer.line(3).allSatisfy { $0 == " " })
    }

    @Test func rowsStartAtFirstAndStopAtTheRectsEnd() {
        #expect(
            Self.lines(30, first: 1, height: 3) == [
                "NAME    COUNT NOTE         X",
                "beta    3,456 a long no…   b",
                "gamma       7",
            ])
    }

    /// Rows that do not fit are counted on the last line, and the selected row scrolls into view.
    @Test func rowsThatDoNotFitAreCountedAndTheSelectionStaysInView() {
        #expect(
            Self.lines(30, height: 3) == ["NAME    COUNT NOTE         X", "alpha      12 fine         a", "… 2 more"])
        // Selecting the last row scrolls to it (nothing is left below it to count).
        let selected = Self.lines(30, selected: 2, height: 3)
        #expect(selected == ["NAME    COUNT NOTE         X", "gamma       7", ""])
    }
}
