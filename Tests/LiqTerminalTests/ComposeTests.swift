import CNCurses
import Glibc
import Testing

@testable import LiqTerminal
@testable import LiqUI

/// Frames as curses holds them: a frame rewrites only the rows that changed since the last one, and the
/// window must still hold every row of the new frame (read back from curses' own window). `compose` is
/// called directly: `draw` wraps it in the process's terminal guard, which another suite's test of the
/// restore path leaves closed.
extension KeyDecoderTests {
    static func windowLines(_ height: Int, _ width: Int) -> [String] {
        (0..<height).map { y in
            var text = [CChar](repeating: 0, count: width + 1)
            _ = mvwinnstr(liq_stdscr(), Int32(y), 0, &text, Int32(width))
            var line = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    @Test func aFrameRewritesTheRowsThatChangedAndTheWindowHoldsItAll() throws {
        let terminal = try Terminal()
        let (width, height) = terminal.screen.size
        #expect(width >= 20 && height >= 6)
        var frame = ScreenBuffer(width: width, height: height)
        for y in 0..<height { frame.put("row \(y) first", x: 0, y: y) }
        terminal.screen.compose(frame)
        terminal.drain()
        // Two rows change, one to shorter text: what was there before must not show through.
        var next = ScreenBuffer(width: width, height: height)
        for y in 0..<height { next.put(y == 2 ? "two" : y == 4 ? "row 4 second" : "row \(y) first", x: 0, y: y) }
        terminal.screen.compose(next)
        terminal.drain()
        let shown = Self.windowLines(height, width)
        #expect(shown == next.lines)
        #expect(shown[2] == "two" && shown[4] == "row 4 second")
        // A frame of another width is drawn in full.
        var narrow = ScreenBuffer(width: width - 5, height: height)
        narrow.put("narrow", x: 0, y: 0)
        terminal.screen.compose(narrow)
        terminal.drain()
        let after = Self.windowLines(height, width)
        #expect(after == narrow.lines)
        #expect(after[0] == "narrow" && after[1].isEmpty)
    }
}
