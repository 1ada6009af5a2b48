import CNCurses
import Glibc
import LiqUI

/// The terminal as curses sees it. Only this type calls curses; only the main queue uses it.
final class CursesScreen {
    private(set) var depth: ColorDepth = .none
    private var theme: Theme
    private var pairs: [Int: Int32] = [:]
    private var colorsReady = false

    enum Failure: Error, CustomStringConvertible {
        case noTerminal(String)
        var description: String {
            switch self { case .noTerminal(let message): message }
        }
    }

    /// setlocale → newterm (so an unknown TERM is our error, not curses' exit) → modes.
    init(theme: Theme, noColor: String?) throws {
        self.theme = theme
        setlocale(LC_ALL, "")
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty, term != "dumb" else {
            throw Failure.noTerminal("the dashboard needs a terminal with cursor addressing (TERM is \"\(term)\"); try liqtop sim")
        }
        guard newterm(nil, fdopen(1, "w"), fdopen(0, "r")) != nil else {
            throw Failure.noTerminal("unknown terminal type \"\(term)\"")
        }
        cbreak()
        noecho()
        nonl()
        keypad(liq_stdscr(), true)
        nodelay(liq_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        Self.disableFlowControl()
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
            init_pair(next, index(theme.color(role == .selection ? .selection : role)), index(theme.selectionBackground))
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
    private static func disableFlowControl() {
        var modes = termios()
        guard tcgetattr(1, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON | IXOFF)
        tcsetattr(1, TCSANOW, &modes)
        def_prog_mode()
    }

    /// werase, draw every run of same-styled cells, wnoutrefresh, doupdate: curses sends only changes.
    /// Nothing draws once the terminal is being restored.
    func draw(_ buffer: ScreenBuffer) {
        TerminalGuard.drawing { compose(buffer) }
    }

    private func compose(_ buffer: ScreenBuffer) {
        let window = liq_stdscr()
        werase(window)
        for y in 0..<min(buffer.height, size.height) {
            var x = 0
            while x < min(buffer.width, size.width) {
                let style = buffer[x, y].style
                var run = ""
                let start = x
                while x < min(buffer.width, size.width), buffer[x, y].style == style {
                    run.append(buffer[x, y].character)
                    x += 1
                }
                // The bottom-right cell cannot be written without scrolling: leave it out.
                if y == size.height - 1, x == size.width { run = String(run.dropLast()) }
                wattrset(window, attributes(style))
                mvwaddstr(window, Int32(y), Int32(start), run)
            }
        }
        wattrset(window, 0)
        wnoutrefresh(window)
        doupdate()
    }

    /// Reads every pending key.
    func readKeys() -> [KeyInput] {
        var keys: [KeyInput] = []
        var character: wint_t = 0
        while true {
            let result = wget_wch(liq_stdscr(), &character)
            if result == ERR { break }
            keys.append(KeyDecoder.decode(code: Int32(character), isFunctionKey: result == KEY_CODE_YES))
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

enum KeyDecoder {
    static func decode(code: Int32, isFunctionKey: Bool) -> KeyInput {
        if isFunctionKey {
            switch code {
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_ENTER: return .key(.enter)
            case KEY_BTAB: return .key(.backTab)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case liq_key_resize(): return .resize
            default: return .ignored
            }
        }
        switch code {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        default:
            guard let scalar = Unicode.Scalar(UInt32(code)), code >= 32 else { return .ignored }
            return .key(.char(Character(scalar)))
        }
    }
}
