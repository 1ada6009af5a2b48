// Written in C because a signal handler may only call async-signal-safe functions (POSIX.1-2017 §2.4.3),
// which Swift cannot promise (its runtime may allocate or take locks). Everything here is process-wide
// by necessity: a handler can reach nothing else. It is written once before the handlers are installed.
#define _GNU_SOURCE
#include "terminal_guard.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define MAX_SIGNAL 65

static int tty_fd = -1;
static struct termios saved_modes;
static int have_modes = 0;
static char restore_bytes[512];
static atomic_size_t restore_length = 0;
static int note_fd = -1;
static char log_path[1024];
static int pipe_fds[2] = {-1, -1};
static struct sigaction previous[MAX_SIGNAL];

static atomic_int restoring = 0;
static atomic_int drawing = 0;
static atomic_ulong drawer = 0;
static atomic_int ending = 0;
static atomic_int pending[MAX_SIGNAL];
static atomic_int interrupted = 0;
/// What a headless run is writing (`sim --events`), removed by any signal that ends the process.
static char partial_path[4096];

static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGSYS};
static const int orderly_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGTTIN, SIGTTOU};
static const int fatal_signals[] = {SIGQUIT, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2, SIGVTALRM, SIGPROF,
                                    SIGXCPU, SIGXFSZ, SIGIO, SIGPWR, SIGSTKFLT};

static void write_all(int fd, const char *bytes, size_t length) {
    while (fd >= 0 && length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return;
        bytes += written;
        length -= (size_t)written;
    }
}

static void write_text(int fd, const char *text) { write_all(fd, text, strlen(text)); }

static void write_number(int fd, int value) {
    char digits[12];
    int at = (int)sizeof digits;
    unsigned int rest = value < 0 ? 0u : (unsigned int)value;
    do {
        digits[--at] = (char)('0' + rest % 10);
        rest /= 10;
    } while (rest > 0 && at > 0);
    write_all(fd, digits + at, sizeof digits - (size_t)at);
}

/// Leaves the full screen and puts the modes back, as `endwin` does, with only write and tcsetattr.
static void restore_terminal(void) {
    atomic_store(&restoring, 1);
    write_all(tty_fd, restore_bytes, atomic_load(&restore_length));
    if (have_modes) tcsetattr(tty_fd, TCSANOW, &saved_modes);
}

/// A draw in progress on another thread is allowed to finish (at most 0.2 s), so that its bytes do not
/// follow the restore; a crash inside the draw itself does not wait for itself.
static void wait_for_drawer(void) {
    unsigned long self = (unsigned long)pthread_self();
    for (int tries = 0; tries < 200 && atomic_load(&drawing); tries++) {
        if (atomic_load(&drawer) == self) return;
        struct timespec pause = {0, 1000000};
        nanosleep(&pause, NULL);
    }
}

static void write_note(int signal_number, const char *what) {
    const char *name = sigabbrev_np(signal_number);
    write_text(note_fd, "liqtop: ");
    write_text(note_fd, what);
    write_text(note_fd, " SIG");
    if (name) write_text(note_fd, name); else write_number(note_fd, signal_number);
    if (log_path[0]) {
        write_text(note_fd, "; the log is ");
        write_text(note_fd, log_path);
    }
    write_text(note_fd, "\n");
}

/// A process may start with signals blocked (a parent's thread mask survives exec); what is caught here
/// must be deliverable, to this thread at least.
static void unblock(int signal_number) {
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, signal_number);
    pthread_sigmask(SIG_UNBLOCK, &only, NULL);
}

/// Ends the process by `signal_number`, as if nothing had caught it.
static void die_by(int signal_number) {
    signal(signal_number, SIG_DFL);
    unblock(signal_number);
    raise(signal_number);
    _exit(128 + signal_number);
}

static void remove_partial(void) {
    if (partial_path[0]) unlink(partial_path);
}

static void on_fatal(int signal_number) {
    remove_partial();
    if (atomic_exchange(&ending, 1)) die_by(signal_number);
    atomic_store(&restoring, 1);
    wait_for_drawer();
    restore_terminal();
    write_note(signal_number, "stopped by");
    die_by(signal_number);
}

static void on_crash(int signal_number, siginfo_t *info, void *context) {
    remove_partial();
    if (atomic_exchange(&ending, 1)) die_by(signal_number);
    atomic_store(&restoring, 1);
    wait_for_drawer();
    restore_terminal();
    write_note(signal_number, "crashed with");
    // The runtime's crash reporter (Swift's backtracer) comes next. It asks for a key when stdin and
    // stdout are a terminal; give it neither, so that its report goes to the log with the rest of stderr.
    int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd >= 0) {
        dup2(null_fd, 0);
        close(null_fd);
    }
    dup2(2, 1);
    struct sigaction *before = &previous[signal_number];
    if ((before->sa_flags & SA_SIGINFO) && before->sa_sigaction) {
        before->sa_sigaction(signal_number, info, context);
    } else if (before->sa_handler != SIG_DFL && before->sa_handler != SIG_IGN && before->sa_handler) {
        before->sa_handler(signal_number);
    }
    die_by(signal_number);
}

static void on_orderly(int signal_number) {
    int saved_errno = errno;
    int waiting = atomic_fetch_add(&pending[signal_number], 1);
    int stops = signal_number == SIGTSTP || signal_number == SIGTTIN || signal_number == SIGTTOU;
    if (waiting > 0 && !stops && signal_number != SIGCONT) on_fatal(signal_number);
    unsigned char byte = (unsigned char)signal_number;
    if (write(pipe_fds[1], &byte, 1) < 0) { /* a full pipe already holds this signal */ }
    errno = saved_errno;
}

static void catch_signal(int signal_number, void (*handler)(int), void (*action)(int, siginfo_t *, void *)) {
    // A signal the process was told to ignore stays ignored (nohup's SIGHUP; sim's SIGXFSZ, so that a
    // write past a file-size limit fails with EFBIG instead).
    struct sigaction current;
    if (!action && sigaction(signal_number, NULL, &current) == 0 && current.sa_handler == SIG_IGN) return;
    struct sigaction catching;
    memset(&catching, 0, sizeof catching);
    sigemptyset(&catching.sa_mask);
    if (action) {
        catching.sa_sigaction = action;
        catching.sa_flags = SA_SIGINFO | SA_ONSTACK;
    } else {
        catching.sa_handler = handler;
        catching.sa_flags = SA_RESTART;
    }
    sigaction(signal_number, &catching, signal_number < MAX_SIGNAL ? &previous[signal_number] : NULL);
    unblock(signal_number);
}

/// Room to run the crash handler on when the crash is a stack overflow (for the installing thread).
static char alternate_stack[64 * 1024];

int liq_guard_install(int fd, int note, const char *path) {
    stack_t stack = {.ss_sp = alternate_stack, .ss_size = sizeof alternate_stack, .ss_flags = 0};
    sigaltstack(&stack, NULL);
    tty_fd = fd;
    note_fd = note;
    have_modes = tcgetattr(fd, &saved_modes) == 0;
    if (path) {
        strncpy(log_path, path, sizeof log_path - 1);
        log_path[sizeof log_path - 1] = 0;
    }
    if (pipe2(pipe_fds, O_CLOEXEC | O_NONBLOCK) != 0) return -1;
    for (size_t i = 0; i < sizeof crash_signals / sizeof *crash_signals; i++) catch_signal(crash_signals[i], NULL, on_crash);
    for (size_t i = 0; i < sizeof fatal_signals / sizeof *fatal_signals; i++) catch_signal(fatal_signals[i], on_fatal, NULL);
    // The real-time signals end a process by default too; glibc keeps those below SIGRTMIN for itself.
    for (int number = SIGRTMIN; number <= SIGRTMAX; number++) catch_signal(number, on_fatal, NULL);
    for (size_t i = 0; i < sizeof orderly_signals / sizeof *orderly_signals; i++) catch_signal(orderly_signals[i], on_orderly, NULL);
    return pipe_fds[0];
}

void liq_guard_set_restore_sequence(const char *sequence) {
    size_t length = strlen(sequence);
    if (length >= sizeof restore_bytes) length = sizeof restore_bytes - 1;
    memcpy(restore_bytes, sequence, length);
    atomic_store(&restore_length, length);
}

void liq_guard_handled(int signal_number) {
    if (signal_number > 0 && signal_number < MAX_SIGNAL) atomic_store(&pending[signal_number], 0);
}

int liq_guard_begin_draw(void) {
    atomic_store(&drawer, (unsigned long)pthread_self());
    atomic_store(&drawing, 1);
    if (atomic_load(&restoring)) {
        atomic_store(&drawing, 0);
        return 0;
    }
    return 1;
}

void liq_guard_end_draw(void) { atomic_store(&drawing, 0); }

void liq_guard_begin_restore(void) { atomic_store(&restoring, 1); }

void liq_guard_suspend(void) {
    // Raised on this thread with SIGTSTP unblocked here, so that it is delivered before raise returns:
    // the process stops right here. (A kill to the process was delivered to another thread some time
    // later, sometimes after the handler was back, and then the process did not stop.)
    sigset_t only, before;
    sigemptyset(&only);
    sigaddset(&only, SIGTSTP);
    signal(SIGTSTP, SIG_DFL);
    pthread_sigmask(SIG_UNBLOCK, &only, &before);
    raise(SIGTSTP);
    pthread_sigmask(SIG_SETMASK, &before, NULL);
    catch_signal(SIGTSTP, on_orderly, NULL);
}

static void on_interrupt(int signal_number) {
    if (atomic_exchange(&interrupted, signal_number)) {
        remove_partial();
        die_by(signal_number);
    }
}

void liq_interrupt_install(const char *partial) {
    if (partial) {
        strncpy(partial_path, partial, sizeof partial_path - 1);
        partial_path[sizeof partial_path - 1] = 0;
    }
    note_fd = 2;
    stack_t stack = {.ss_sp = alternate_stack, .ss_size = sizeof alternate_stack, .ss_flags = 0};
    sigaltstack(&stack, NULL);
    catch_signal(SIGINT, on_interrupt, NULL);
    catch_signal(SIGTERM, on_interrupt, NULL);
    catch_signal(SIGHUP, on_interrupt, NULL);
    for (size_t i = 0; i < sizeof crash_signals / sizeof *crash_signals; i++) catch_signal(crash_signals[i], NULL, on_crash);
    for (size_t i = 0; i < sizeof fatal_signals / sizeof *fatal_signals; i++) catch_signal(fatal_signals[i], on_fatal, NULL);
    for (int number = SIGRTMIN; number <= SIGRTMAX; number++) catch_signal(number, on_fatal, NULL);
}

void liq_interrupt_clear_partial(void) { partial_path[0] = 0; }

int liq_interrupt_signal(void) { return atomic_load(&interrupted); }
