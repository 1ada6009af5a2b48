import CNCurses
import Glibc
import LiqUI

/// The terminal as curses sees it. Only this type calls curses; only the main queue uses it.
final class CursesScreen {
    private(set) var depth: ColorDepth = .none
    private var theme: Theme
    private var pairs: [Int: Int32] = [:]
    private var colorsReady = false
    private var decoder = KeyDecoder()

    enum Failure: Error, CustomStringConvertible {
        case noTerminal(String)
        var description: String {
            switch self {
            case .noTerminal(let message): message
            }
        }
    }

    /// setlocale → newterm (so an unknown TERM is our error, not curses' exit) → modes. The dashboard
    /// uses stdin and stdout; a test hands in both ends of a pseudo-terminal.
    init(theme: Theme, noColor: String?, input: Int32 = 0, output: Int32 = 1) throws {
        self.theme = theme
        setlocale(LC_ALL, "")
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty, term != "dumb" else {
            throw Failure.noTerminal(
                "the dashboard needs a terminal with cursor addressing (TERM is \"\(term)\"); try liqtop sim")
        }
        guard newterm(nil, fdopen(output, "w"), fdopen(input, "r")) != nil else {
            throw Failure.noTerminal("unknown terminal type \"\(term)\"")
        }
        cbreak()
        noecho()
        nonl()
        keypad(liq_stdscr(), true)
        for (sequence, key) in KeyDecoder.extraSequences where key_defined(sequence) == 0 { define_key(sequence, key) }
        nodelay(liq_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        Self.disableFlowControl(input)
        TerminalGuard.captureRestoreSequence()
        if has_colors() {
            start_color()
            use_default_colors()
            colorsReady = true
        }
        depth = colorsReady ? ColorDepth.detect(colors: Int(liq_colors()), noColor: noColor) : .none
        if let noColor, !noColor.isEmpty { depth = .none }
        definePairs()
    }

    var size: (width: Int, height: Int) { (Int(liq_cols()), Int(liq_lines())) }

    func setTheme(_ theme: Theme) {
        self.theme = theme
        definePairs()
        drawn = nil
    }

    /// One pair per role, plus one per role on the selection background.
    private func definePairs() {
        pairs = [:]
        guard depth != .none else { return }
        func index(_ color: RGB?) -> Int16 {
            guard let color else { return -1 }
            return Int16(depth == .palette8 ? Theme.ansi8(color) : Theme.xterm256(color))
        }
        let background = index(theme.background)
        var next: Int16 = 1
        for role in ColorRole.allCases {
            init_pair(next, index(theme.color(role)), background)
            pairs[role.rawValue] = Int32(next)
            next += 1
            init_pair(
                next, index(theme.color(role == .selection ? .selection : role)), index(theme.selectionBackground))
            pairs[100 + role.rawValue] = Int32(next)
            next += 1
        }
        if theme.background != nil { wbkgd(liq_stdscr(), chtype(liq_color_pair(1))) }
    }

    private func attributes(_ style: Style) -> Int32 {
        var attributes: Int32 = 0
        if depth == .none {
            let mono = MonochromeAttributes(style)
            if mono.bold { attributes |= liq_a_bold() }
            if mono.reverse { attributes |= liq_a_reverse() }
            if mono.underline { attributes |= liq_a_underline() }
            if mono.dim { attributes |= liq_a_dim() }
            return attributes
        }
        if style.reverse && style.role == .selection {
            attributes |= liq_color_pair(pairs[100 + ColorRole.selection.rawValue] ?? 0)
        } else {
            attributes |= liq_color_pair(pairs[style.role.rawValue] ?? 0)
            if style.reverse { attributes |= liq_a_reverse() }
        }
        if style.bold { attributes |= liq_a_bold() }
        if style.underline { attributes |= liq_a_underline() }
        return attributes
    }

    /// ^S and ^Q are keys while the screen is up, not XOFF/XON that freeze the output until ^Q, as in
    /// other full-screen programs; curses' program mode keeps the change across a suspend.
    private static func disableFlowControl(_ terminal: Int32) {
        var modes = termios()
        guard tcgetattr(terminal, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON | IXOFF)
        tcsetattr(terminal, TCSANOW, &modes)
        def_prog_mode()
    }

    /// Draw every run of same-styled cells of the rows that changed (every row after werase when the last
    /// frame does not apply), wnoutrefresh, doupdate: curses sends only changes.
    /// Nothing draws once the terminal is being restored.
    func draw(_ buffer: ScreenBuffer) {
        TerminalGuard.drawing { compose(buffer) }
    }

    func compose(_ buffer: ScreenBuffer) {
        let window = liq_stdscr()
        let (width, height) = size
        // Rows the window already holds from the last frame are left as they are: most rows of most frames
        // do not change, and a row's cells compare faster than they are handed to curses again.
        let previous = drawn.flatMap { $0.buffer.width == buffer.width && $0.size == (width, height) ? $0.buffer : nil }
        if previous == nil { werase(window) }
        for y in 0..<min(buffer.height, height) {
            if let previous, y < previous.height, Self.sameRow(y, previous, buffer) { continue }
            var x = 0
            while x < min(buffer.width, width) {
                let style = buffer[x, y].style
                var run = ""
                let start = x
                while x < min(buffer.width, width), buffer[x, y].style == style {
                    run.append(buffer[x, y].character)
                    x += 1
                }
                // The bottom-right cell cannot be written without scrolling: leave it out.
                if y == height - 1, x == width { run = String(run.dropLast()) }
                wattrset(window, attributes(style))
                mvwaddstr(window, Int32(y), Int32(start), run)
            }
        }
        wattrset(window, 0)
        wnoutrefresh(window)
        doupdate()
        drawn = (buffer, (width, height))
    }

    /// The last frame composed and the window's size then; nil when the next frame must be drawn in full
    /// (a new theme, back from a suspend).
    private var drawn: (buffer: ScreenBuffer, size: (Int, Int))?

    private static func sameRow(_ y: Int, _ a: ScreenBuffer, _ b: ScreenBuffer) -> Bool {
        let row = y * b.width..<(y + 1) * b.width
        return a.cells[row] == b.cells[row]
    }

    /// Reads every pending key.
    func readKeys() -> [KeyInput] {
        var keys: [KeyInput] = []
        while true {
            let code = wgetch(liq_stdscr())
            if code == ERR { break }
            keys.append(decoder.decode(code))
        }
        return keys
    }

    func resize(width: Int, height: Int) {
        TerminalGuard.drawing { _ = resizeterm(Int32(height), Int32(width)) }
    }

    /// Leaves the screen for the shell (Ctrl-Z): curses remembers its modes, and `resume` restores them.
    func suspend() {
        def_prog_mode()
        Self.restore()
    }

    /// Back from the shell, or continued after a stop: modes back, and the next frame redrawn in full.
    func resume() {
        TerminalGuard.drawing {
            reset_prog_mode()
            drawn = nil
            curs_set(0)
            clearok(liq_stdscr(), true)
            _ = refresh()
        }
    }

    /// Leaves curses: the normal screen, the cursor and the tty modes come back.
    static func restore() {
        if isendwin() == false {
            curs_set(1)
            endwin()
        }
    }
}

/// A key or a resize from the terminal.
enum KeyInput: Equatable {
    case key(Key)
    case resize
    case ignored
}

/// Turns what curses reads into keys. Curses decodes escape sequences into function-key codes (waiting
/// up to its escape delay for the rest of a sequence split across reads); plain input comes byte by byte,
/// and this decoder assembles UTF-8 itself, because curses' `wget_wch` in no-delay mode drops a character
/// whose bytes arrive in separate reads.
struct KeyDecoder {
    private var pending: [UInt8] = []
    private var expected = 0

    mutating func decode(_ code: Int32) -> KeyInput {
        if code >= 256 {
            pending = []
            return Self.functionKey(code)
        }
        let byte = UInt8(truncatingIfNeeded: code)
        if !pending.isEmpty {
            if byte & 0xC0 == 0x80 {
                pending.append(byte)
                guard pending.count == expected else { return .ignored }
                defer { pending = [] }
                let text = String(decoding: pending, as: UTF8.self)
                guard let scalar = text.unicodeScalars.first, scalar != "\u{FFFD}", text.count == 1 else {
                    return .ignored
                }
                return .key(.char(Character(scalar)))
            }
            // A sequence cut short: drop it, and read this byte afresh.
            pending = []
        }
        switch byte {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 0x20..<0x7F: return .key(.char(Character(Unicode.Scalar(byte))))
        case 0xC2...0xF4:
            pending = [byte]
            expected = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            return .ignored
        default: return .ignored // other control characters, and bytes that cannot start UTF-8
        }
    }

    static func functionKey(_ code: Int32) -> KeyInput {
        switch code {
        case KEY_UP: .key(.up)
        case KEY_DOWN: .key(.down)
        case KEY_LEFT: .key(.left)
        case KEY_RIGHT: .key(.right)
        case KEY_ENTER: .key(.enter)
        case KEY_BTAB: .key(.backTab)
        case KEY_BACKSPACE: .key(.backspace)
        case KEY_PPAGE: .key(.pageUp)
        case KEY_NPAGE: .key(.pageDown)
        case KEY_HOME: .key(.home)
        case KEY_END: .key(.end)
        case liq_key_resize(): .resize
        default: .ignored
        }
    }

    /// Sequences terminals send that the terminal's description may lack: the cursor keys in normal mode
    /// (a terminal that ignores the keypad-transmit request), and the other spellings of Home and End, as
    /// htop defines them.
    static let extraSequences: [(String, Int32)] = [
        ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT),
        ("\u{1B}OA", KEY_UP), ("\u{1B}OB", KEY_DOWN), ("\u{1B}OC", KEY_RIGHT), ("\u{1B}OD", KEY_LEFT),
        ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END), ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END),
        ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[8~", KEY_END),
        ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE), ("\u{1B}[Z", KEY_BTAB),
    ]
}
