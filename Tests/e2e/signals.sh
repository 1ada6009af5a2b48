#!/usr/bin/env bash
# Every signal that can end the dashboard gives the terminal back: the alternate screen off, the cursor
# visible, the tty in canonical mode with echo (stty -a shows icanon and echo). A crash signal names the
# log, and once restoring has begun nothing draws again. Ctrl-Z suspends and fg resumes; ^S is a key,
# not XOFF. Usage: Tests/e2e/signals.sh [path/to/liqtop]   (default: .build/release/liqtop)
set -u
binary=$(realpath "${1:-.build/release/liqtop}")
work=$(mktemp -d)
log="$work/liqtop.log"
run=0
socket=""
passed=0
failed=0
tm() { tmux -L "$socket" "$@"; }
cleanup() { [ -n "$socket" ] && tm kill-server >/dev/null 2>&1; pkill -9 -f -- "$binary --log $log" >/dev/null 2>&1; true; }
trap 'cleanup; rm -rf "$work"' EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; tm capture-pane -t e2e -p | grep -v '^$' | tail -12 | sed 's/^/     | /'; }

wait_for() {
    local deadline=$((SECONDS + ${2:-10}))
    while [ $SECONDS -lt $deadline ]; do
        tm capture-pane -t e2e -p | grep -qF -- "$1" && return 0
        sleep 0.2
    done
    return 1
}

# The dashboard in an interactive shell (job control for Ctrl-Z); after it, the shell reports its exit
# status and the tty modes that matter.
start() {
    cleanup
    run=$((run + 1))
    socket="liqtop-signals-$$-$run"
    tm new-session -d -s e2e -x "${WIDTH:-120}" -y "${HEIGHT:-40}" "bash --norc --noprofile -i"
    [ -n "${1:-}" ] && tm pipe-pane -t e2e -o "cat >> $1"
    tm send-keys -t e2e "clear; $binary --log $log --speed 1000; echo EXIT=\$?; stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(icanon|echo|ixon)' | tr '\n' ' '; echo MODES" Enter
    wait_for "Node health" 15
}

pid() { pgrep -f -- "$binary --log $log" | head -1; }

terminal_is_back() {
    [ "$(tm display -p -t e2e '#{alternate_on}')" = "0" ] && [ "$(tm display -p -t e2e '#{cursor_flag}')" = "1" ] \
        && wait_for "MODES" 5 && tm capture-pane -t e2e -p | grep -F "MODES" | grep -qE '(^| )icanon .*echo ' \
        && ! tm capture-pane -t e2e -p | grep -F "MODES" | grep -qE -- '-icanon|-echo '
}

# Orderly signals: the run ends as q does, with the shell's status for the signal.
for entry in INT:130 TERM:143 HUP:129; do
    signal=${entry%%:*}
    status=${entry##*:}
    if start; then
        kill "-$signal" "$(pid)"
        if wait_for "EXIT=$status" 5 && terminal_is_back; then ok "SIG$signal restores the terminal (exit $status)"
        else fail "SIG$signal restores the terminal"; fi
    else
        fail "start for SIG$signal"
    fi
done

# Fatal and crash signals: the terminal comes back, one line names the log, the process ends by the signal.
for entry in QUIT:131:"stopped by SIGQUIT" USR1:138:"stopped by SIGUSR1" SEGV:139:"crashed with SIGSEGV" ABRT:134:"crashed with SIGABRT"; do
    IFS=: read -r signal status note <<<"$entry"
    if start; then
        kill "-$signal" "$(pid)"
        if wait_for "EXIT=$status" 10 && terminal_is_back && wait_for "liqtop: $note; the log is $log" 1; then
            ok "SIG$signal restores the terminal and names the log"
        else
            fail "SIG$signal restores the terminal and names the log"
        fi
    else
        fail "start for SIG$signal"
    fi
done

# A crash while frames are drawn: after the last "leave the alternate screen", nothing enters it again.
redrawn=0
attempts=${CRASH_ATTEMPTS:-8}
for attempt in $(seq "$attempts"); do
    bytes="$work/bytes-$attempt"
    if start "$bytes"; then
        sleep "0.$((attempt * 7 % 10))"
        kill -SEGV "$(pid)"
        wait_for "EXIT=139" 10
        sleep 0.3
        last_leave=$(grep -abo $'\e\[?1049l' "$bytes" | tail -1 | cut -d: -f1)
        last_enter=$(grep -abo $'\e\[?1049h' "$bytes" | tail -1 | cut -d: -f1)
        if [ -z "$last_leave" ] || [ "${last_enter:-0}" -gt "$last_leave" ] \
            || [ "$(tm display -p -t e2e '#{alternate_on}')" != "0" ]; then
            redrawn=$((redrawn + 1))
        fi
    else
        redrawn=$((redrawn + 1))
    fi
done
if [ "$redrawn" -eq 0 ]; then ok "nothing draws after a crash restored the terminal ($attempts crashes)"
else fail "the screen was drawn again after a crash in $redrawn of $attempts runs"; fi

# Ctrl-Z gives the shell its terminal back; fg brings the dashboard back; ^S does not freeze it.
if start; then
    tm send-keys -t e2e C-z
    if wait_for "Stopped" 5 && [ "$(tm display -p -t e2e '#{alternate_on}')" = "0" ]; then
        tm send-keys -t e2e "fg" Enter
        if wait_for "Node health" 5 && [ "$(tm display -p -t e2e '#{alternate_on}')" = "1" ]; then
            ok "Ctrl-Z suspends and fg resumes"
        else
            fail "fg resumes"
        fi
    else
        fail "Ctrl-Z suspends"
    fi
    tm send-keys -t e2e C-s
    first=$(tm capture-pane -t e2e -p | head -1)
    sleep 1.5
    second=$(tm capture-pane -t e2e -p | head -1)
    if [ "$first" != "$second" ]; then ok "^S does not freeze the screen"; else fail "^S froze the screen"; fi
    tm send-keys -t e2e C-q q
    wait_for "MODES" 5
else
    fail "start for Ctrl-Z"
fi

# After a stop, the shell has already run the rest of start's command line: ask again once fg and q are
# done, whether the terminal is back (alternate screen off, cursor on, icanon and echo).
back_after_fg() {
    sleep 0.5
    tm send-keys -t e2e "clear; stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(icanon|echo)' | tr '\n' ' '; echo AGAIN" Enter
    wait_for "AGAIN" 5 && [ "$(tm display -p -t e2e '#{alternate_on}')" = "0" ] \
        && [ "$(tm display -p -t e2e '#{cursor_flag}')" = "1" ] \
        && tm capture-pane -t e2e -p | grep -F "AGAIN" | grep -v stty | grep -qE '^icanon echo AGAIN'
}

# Ctrl-Z then bg: a full-screen program may not draw in the background, so it stops again; fg brings it
# back, and q then leaves the terminal as it was.
if start; then
    tm send-keys -t e2e C-z
    wait_for "Stopped" 5
    tm send-keys -t e2e "clear; bg" Enter
    sleep 1.5
    tm send-keys -t e2e "jobs" Enter
    if [ "$(tm display -p -t e2e '#{alternate_on}')" = "0" ] && wait_for "Stopped" 3; then
        tm send-keys -t e2e "fg" Enter
        if wait_for "Node health" 5; then
            tm send-keys -t e2e q
            if back_after_fg; then ok "Ctrl-Z, bg, fg, q: stopped again in the background, the terminal back at the end"
            else fail "q after Ctrl-Z, bg, fg restores the terminal"; fi
        else
            fail "fg after bg resumes"
        fi
    else
        fail "bg does not draw over the shell"
    fi
else
    fail "start for Ctrl-Z and bg"
fi

# TTIN and TTOU stop the process as Ctrl-Z does: the terminal goes back to the shell first.
for signal in TTOU TTIN; do
    if start; then
        kill "-$signal" "$(pid)"
        if wait_for "Stopped" 5 && [ "$(tm display -p -t e2e '#{alternate_on}')" = "0" ]; then
            tm send-keys -t e2e "fg" Enter
            if wait_for "Node health" 5; then
                tm send-keys -t e2e q
                if back_after_fg; then ok "SIG$signal hands the terminal back, fg resumes"
                else fail "q after SIG$signal restores the terminal"; fi
            else
                fail "fg after SIG$signal"
            fi
        else
            fail "SIG$signal hands the terminal back"
        fi
    else
        fail "start for SIG$signal"
    fi
done

echo "e2e signals: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
