import CNCurses
import Foundation
import Glibc
import Testing

@testable import LiqTerminal
@testable import LiqUI

/// Keys as the dashboard reads them: curses on a pseudo-terminal (TERM=xterm-256color), fed the bytes a
/// terminal sends, then KeyDecoder. Escape sequences, UTF-8, and both split across reads.
@Suite(.serialized) struct KeyDecoderTests {
    /// One curses screen on a fresh pty for the whole suite's checks (curses is process-wide state).
    final class Terminal {
        let master: Int32
        let screen: CursesScreen

        init() throws {
            var master: Int32 = -1, slave: Int32 = -1
            guard openpty(&master, &slave, nil, nil, nil) == 0 else { throw POSIXError(.ENOTTY) }
            self.master = master
            // Never block on a full pty: drain what curses draws.
            _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
            setenv("TERM", "xterm-256color", 1)
            screen = try CursesScreen(
                theme: BuiltInThemes.theme("dark")!, noColor: "1", input: dup(slave), output: dup(slave))
        }

        /// Sends `parts` to the terminal from another thread, `pause` ms apart (as bytes arrive over a slow
        /// link), while this thread reads keys as the dashboard does; returns every key read.
        func keys(_ parts: [[UInt8]], pause: UInt32 = 5) -> [KeyInput] {
            let master = self.master
            let writer = Thread {
                for part in parts {
                    _ = part.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
                    usleep(pause * 1_000)
                }
            }
            writer.start()
            var read: [KeyInput] = []
            // Long enough for every part, and for curses' escape delay (25 ms) after the last.
            let deadline = Date().addingTimeInterval(Double(parts.count) * Double(pause) / 1_000 + 0.15)
            while Date() < deadline {
                read += screen.readKeys()
                drain()
                usleep(1_000)
            }
            return read.filter { $0 != .ignored }
        }

        func drain() {
            var scratch = [UInt8](repeating: 0, count: 4_096)
            while read(master, &scratch, scratch.count) > 0 {}
        }

        deinit { CursesScreen.restore() }
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func sequencesUTF8AndSplitReads() throws {
        let terminal = try Terminal()
        // xterm's cursor keys, in both the normal and the application forms.
        #expect(
            terminal.keys([Self.bytes("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D")]) == [
                .key(.up), .key(.down), .key(.right), .key(.left),
            ])
        #expect(terminal.keys([Self.bytes("\u{1B}OA\u{1B}OB")]) == [.key(.up), .key(.down)])
        #expect(
            terminal.keys([Self.bytes("\u{1B}[5~\u{1B}[6~\u{1B}OH\u{1B}OF\u{1B}[Z")])
                == [.key(.pageUp), .key(.pageDown), .key(.home), .key(.end), .key(.backTab)])
        // Control keys.
        #expect(terminal.keys([[9, 13, 127]]) == [.key(.tab), .key(.enter), .key(.backspace)])
        // A lone Escape is a key once the escape delay has passed.
        #expect(terminal.keys([[27]]) == [.key(.escape)])
        // A sequence split across two reads is still one key.
        #expect(terminal.keys([[27], Self.bytes("[A")], pause: 2) == [.key(.up)])
        #expect(terminal.keys([Self.bytes("\u{1B}[5"), Self.bytes("~")], pause: 2) == [.key(.pageUp)])
        // UTF-8: one character per key, whole or split byte by byte.
        #expect(terminal.keys([Self.bytes("é€q")]) == [.key(.char("é")), .key(.char("€")), .key(.char("q"))])
        #expect(terminal.keys([[0xE2], [0x82], [0xAC]], pause: 2) == [.key(.char("€"))])
        // The normal-mode cursor keys (a terminal that ignores keypad-transmit) and other spellings.
        #expect(
            terminal.keys([Self.bytes("\u{1B}[H\u{1B}[F\u{1B}[1~\u{1B}[4~")]) == [
                .key(.home), .key(.end), .key(.home), .key(.end),
            ])
        // ^S and ^Q reach the program (flow control is off) and are ignored rather than typed.
        #expect(terminal.keys([[19, 17, 0x71]]) == [.key(.char("q"))])
    }

    @Test func theDecoderAssemblesUTF8AcrossReadsAndDropsBrokenSequences() {
        var decoder = KeyDecoder()
        func feed(_ bytes: [UInt8]) -> [KeyInput] { bytes.map { decoder.decode(Int32($0)) }.filter { $0 != .ignored } }
        #expect(feed([0xE2]) == [])
        #expect(feed([0x82]) == [])
        #expect(feed([0xAC]) == [.key(.char("€"))])
        #expect(feed([0xF0, 0x9F, 0x98, 0x80]) == [.key(.char("😀"))])
        // A lead byte cut short by a plain one: the broken character is dropped, the plain one kept.
        #expect(feed([0xC3, 0x71]) == [.key(.char("q"))])
        // Bytes that cannot start a character, a stray continuation, an overlong form: nothing.
        #expect(feed([0x80, 0xC0, 0xAF, 0xFF]) == [])
        #expect(feed([0xE0, 0x80, 0x80]) == [])
        // Control characters other than Tab, Enter, Escape and Backspace are not keys.
        #expect(feed([1, 9, 13, 27, 127]) == [.key(.tab), .key(.enter), .key(.escape), .key(.backspace)])
        // A function key from curses ends any character in progress.
        #expect(feed([0xC3]) == [])
        #expect(decoder.decode(KEY_UP) == .key(.up))
        #expect(feed([0xA9]) == [])
        #expect(decoder.decode(KEY_F0 + 1) == .ignored) // F1: not a dashboard key
    }
}
