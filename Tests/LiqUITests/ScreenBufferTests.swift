import Testing

@testable import LiqUI

@Suite struct ScreenBufferTests {
    @Test func textIsClippedToTheBufferAndTheClipRect() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        #expect(buffer.put("hello world", x: 2, y: 0) == 8)
        buffer.put("abcdef", x: 0, y: 1, clip: Rect(x: 2, y: 1, width: 3, height: 1))
        buffer.put("outside", x: 0, y: 5)
        // What the buffer or the clip cuts ends in "…"; blanks cut off need none.
        #expect(buffer.lines == ["  hello w…", "  cd…", ""])
        buffer.put("ab   ", x: 0, y: 2, clip: Rect(x: 0, y: 2, width: 3, height: 1))
        #expect(buffer.line(2) == "ab")
    }

    @Test func controlAndWideCharactersTakeOneCellAsQuestionMarks() {
        var buffer = ScreenBuffer(width: 12, height: 1)
        buffer.put("a\u{1B}[2Jb漢c\u{301}d", x: 0, y: 0)
        // ESC becomes "?", "[2J" stays as text, the wide 漢 becomes "?", the combining accent is dropped.
        #expect(buffer.line(0) == "a?[2Jb?cd")
    }

    @Test func stylesAreKeptPerCell() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.put("ok", x: 1, y: 0, style: Style(.good, bold: true))
        #expect(buffer[1, 0].style == Style(.good, bold: true))
        #expect(buffer[0, 0].style == .plain)
    }

    @Test func rectanglesSplitWithoutGapsOrOverlap() {
        let area = Rect(x: 0, y: 0, width: 80, height: 24)
        let rows = area.rows([1, 10, 12, 1])
        #expect(rows.map(\.height) == [1, 10, 12, 1])
        #expect(rows.map(\.y) == [0, 1, 11, 23])
        let columns = area.columns([0.5, 0.25, 0.25])
        #expect(columns.map(\.width) == [40, 20, 20])
        #expect(columns.map(\.x) == [0, 40, 60])
        #expect(Rect(x: 0, y: 0, width: 3, height: 3).inset(2).isEmpty)
    }
}
