import CNCurses
import CTerminalGuard
import Glibc

/// The process's signals while the dashboard is up (the C side does what a signal handler may do):
/// crashes and fatal signals restore the terminal and say where the log is; INT, TERM, HUP, TSTP and
/// CONT arrive on a pipe for the main queue.
enum TerminalGuard {
    /// Saves the terminal's modes and catches the signals; call before curses changes anything.
    /// Returns the descriptor the orderly signals arrive on.
    static func install(ttyDescriptor: Int32, noteDescriptor: Int32, logPath: String) -> Int32 {
        liq_guard_install(ttyDescriptor, noteDescriptor, logPath)
    }

    /// Once curses has read terminfo: the bytes that leave its screen, for the emergency paths.
    static func captureRestoreSequence() {
        var sequence = ""
        for capability in ["sgr0", "rmkx", "cnorm", "rmcup"] {
            guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { continue }
            sequence += String(cString: value)
        }
        liq_guard_set_restore_sequence(sequence)
    }

    static func handled(_ signal: Int32) { liq_guard_handled(signal) }

    /// Runs `draw` unless restoring has begun; a crash elsewhere waits for it to finish.
    static func drawing(_ draw: () -> Void) {
        guard liq_guard_begin_draw() == 1 else { return }
        defer { liq_guard_end_draw() }
        draw()
    }

    static func beginRestore() { liq_guard_begin_restore() }

    /// Stops the process as Ctrl-Z does, returning once the shell continues it.
    static func suspend() { liq_guard_suspend() }
}

/// INT, TERM and HUP during a headless run: a flag to poll, so that the run can stop cleanly and remove
/// what it was writing. A second one ends the process at once; so do crashes and the other fatal signals
/// (QUIT, USR1, ALRM, …), which first remove the partial file and say which signal it was.
public enum Interruption {
    public static func install(partialFile: String?) { liq_interrupt_install(partialFile) }

    /// The partial file is now complete, under its own name: nothing removes it any more.
    public static func fileCompleted() { liq_interrupt_clear_partial() }

    /// The signal that arrived (SIGINT, SIGTERM or SIGHUP), or nil.
    public static var signal: Int32? {
        let number = liq_interrupt_signal()
        return number == 0 ? nil : number
    }
}
