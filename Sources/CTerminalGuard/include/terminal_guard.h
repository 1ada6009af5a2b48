#ifndef LIQTOP_TERMINAL_GUARD_H
#define LIQTOP_TERMINAL_GUARD_H
// Signal handling that must be async-signal-safe, which Swift code cannot promise: restoring the
// terminal from a crash or a fatal signal, and the flags that orderly signals leave for the main loop.

/// Saves the terminal's modes (call before curses changes them) and catches every signal that would
/// otherwise end the process with the terminal in raw mode: crashes (SEGV, BUS, ILL, TRAP, ABRT, FPE,
/// SYS) and fatal signals (QUIT, PIPE, ALRM, USR1, USR2, …) restore the terminal, write one line to
/// `note_fd` naming `log_path`, and end the process by the same signal. Orderly signals (INT, TERM,
/// HUP, TSTP, CONT, and TTIN and TTOU, which stop a process as TSTP does) are written, one byte each, to the returned descriptor for the main loop to read;
/// a second INT, TERM or HUP before the first is handled ends the process as a fatal signal does.
/// Returns -1 when the pipe cannot be made.
int liq_guard_install(int tty_fd, int note_fd, const char *log_path);

/// The bytes that leave curses' screen (sgr0, rmkx, cnorm, rmcup), once curses has read terminfo.
void liq_guard_set_restore_sequence(const char *sequence);

/// The main loop has handled an orderly signal.
void liq_guard_handled(int signal_number);

/// Draws only while this returns 1: once restoring has begun, nothing may draw again.
int liq_guard_begin_draw(void);
void liq_guard_end_draw(void);

/// An orderly exit begins: from now on nothing draws.
void liq_guard_begin_restore(void);

/// Stops the process as SIGTSTP's default would (the shell's job control), and returns once continued.
void liq_guard_suspend(void);

/// For headless runs (`sim`): INT, TERM and HUP set a flag instead of ending the process, so that it can
/// remove what it was writing. A second one ends it at once; so do crashes and the other fatal signals,
/// which first remove `partial_path` (the file being written, or NULL) and say which signal it was.
void liq_interrupt_install(const char *partial_path);
/// The file is complete (renamed into place): no signal may remove it now.
void liq_interrupt_clear_partial(void);
/// The signal that arrived, or 0.
int liq_interrupt_signal(void);

#endif
