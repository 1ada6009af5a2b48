#!/usr/bin/env bash
# Real-terminal tests of the dashboard under tmux (send-keys, capture-pane, resize-window, kill -TERM).
# Usage: Tests/e2e/dashboard.sh [path/to/liqtop]   (default: .build/release/liqtop)
set -u
binary=$(realpath "${1:-.build/release/liqtop}")
run=0
socket="liqtop-e2e-$$-$run"
passed=0
failed=0
tm() { tmux -L "$socket" "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1 || true; }
trap cleanup EXIT

ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; tm capture-pane -t e2e -p | sed 's/^/     | /' | head -70; }

# Waits up to $2 seconds for the pane to contain $1.
wait_for() {
    local deadline=$((SECONDS + ${2:-10}))
    while [ $SECONDS -lt $deadline ]; do
        tm capture-pane -t e2e -p | grep -qF -- "$1" && return 0
        sleep 0.2
    done
    return 1
}

# Each run gets a tmux server of its own: reusing a socket races with the previous server's exit.
start() {
    cleanup
    run=$((run + 1))
    socket="liqtop-e2e-$$-$run"
    tm new-session -d -s e2e -x "${2:-200}" -y "${3:-60}" "bash --norc --noprofile"
    tm send-keys -t e2e "clear; $binary $1; echo EXIT=\$?" Enter
}

# 1. It starts and shows every panel.
start "--seed 3"
if wait_for "Pending liquidations" 15 && wait_for "Node health" 1 && wait_for "Market" 1 \
    && wait_for "Collateral ratios" 1 && wait_for "Events" 1 && wait_for "liqtop · default" 1; then
    ok "starts and shows every panel"
else
    fail "starts and shows every panel"
fi

# Four quick + in one burst take four steps along the speed ladder (×10 → ×200), not one.
tm send-keys -t e2e + + + +
if wait_for "×200" 5; then ok "four quick + take four steps"; else fail "four quick + take four steps"; fi
tm send-keys -t e2e - - - -

# 2. A shock shows in the events: market panel, WETH −20 %.
tm send-keys -t e2e Tab
tm send-keys -t e2e 3
if wait_for "WETH −20 %" 5; then ok "a shock shows in the events"; else fail "a shock shows in the events"; fi

# 3. A walkthrough opens and steps (pending liquidations appear after the shock).
tm send-keys -t e2e Tab Tab
if wait_for "in mempool" 30 || wait_for "pending" 1; then
    tm send-keys -t e2e " "        # pause so the row under the cursor stays put
    sleep 0.5
    tm send-keys -t e2e Enter
    if wait_for "step 1 of 8" 5; then
        tm send-keys -t e2e Right Right
        if wait_for "step 3 of 8: Close factor" 5 && wait_for "rule:" 1; then ok "a walkthrough opens and steps"
        else fail "the walkthrough steps"; fi
    else
        fail "a walkthrough opens"
    fi
    tm send-keys -t e2e Escape
else
    fail "pending liquidations after the shock"
fi

# 4. Resize to 60×20 and back.
tm resize-window -t e2e -x 60 -y 20
if wait_for "Terminal too small" 5; then
    tm resize-window -t e2e -x 200 -y 60
    if wait_for "Collateral ratios" 5; then ok "resize to 60x20 and back"; else fail "back from 60x20"; fi
else
    fail "resize to 60x20"
fi

# 5. q exits 0 and gives the terminal back.
tm send-keys -t e2e q
if wait_for "EXIT=0" 5 && [ "$(tm display -p -t e2e '#{alternate_on}')" = "0" ]; then ok "q exits 0"; else fail "q exits 0"; fi

# 5b. Too small with the shock dialog open: the screen offers only q, and q quits (keys do not reach the
#     hidden dialog).
start "--seed 4" 120 40
if wait_for "Node health" 15; then
    tm send-keys -t e2e p
    wait_for "Price shock" 5
    tm resize-window -t e2e -x 60 -y 20
    if wait_for "Terminal too small" 5; then
        tm send-keys -t e2e q
        if wait_for "EXIT=0" 5; then ok "q quits from the too-small screen"; else fail "q quits from the too-small screen"; fi
    else
        fail "too small with the dialog open"
    fi
else
    fail "start for the too-small screen"
fi

# 6. SIGTERM restores the terminal: alternate screen off, cursor visible.
start "--max-ticks 1000000" 120 40
if wait_for "Node health" 15; then
    pkill -TERM -f -- "$binary --max-ticks 1000000"
    if wait_for "EXIT=143" 5 && [ "$(tm display -p -t e2e '#{alternate_on}')" = "0" ] \
        && [ "$(tm display -p -t e2e '#{cursor_flag}')" = "1" ]; then
        ok "SIGTERM restores the terminal"
    else
        fail "SIGTERM restores the terminal"
    fi
else
    fail "start for SIGTERM"
fi

# 7. --max-ticks ends the run by itself, exit 0.
start "--max-ticks 20 --speed 100" 100 30
if wait_for "EXIT=0" 20; then ok "--max-ticks ends the run"; else fail "--max-ticks ends the run"; fi

# 8. The large world (1,000,000 accounts, 2,000 nodes) starts, lists its regions in full and takes a shock.
start "large --speed 10" 160 48
if wait_for "liqtop · large" 20 && wait_for "1000/1000" 5; then
    tm send-keys -t e2e Tab
    tm send-keys -t e2e 3 " "      # the shock, then pause so that the liquidations after it stay put
    if wait_for "WETH −20 %" 10 && wait_for "PAUSED" 5; then
        tm send-keys -t e2e " "
    fi
    if wait_for "WETH oracle 1,4" 30; then
        tm send-keys -t e2e q
        if wait_for "EXIT=0" 10; then ok "the large world runs and takes a shock"; else fail "q from the large world"; fi
    else
        fail "a shock in the large world"
    fi
else
    fail "the large world starts"
fi

# 9. The Risk view: r runs a Monte Carlo from the present while the dashboard goes on; the worst path opens
#    on the dashboard, l comes back to the live world, s stops a run.
start "crash --speed 20" 120 40
if wait_for "liqtop · crash" 15; then
    tm send-keys -t e2e r
    if wait_for "Risk · Monte Carlo of bad debt" 5 && wait_for " done, " 20 && wait_for "worst paths" 20 \
        && wait_for "▶ path" 20; then
        tm send-keys -t e2e Enter
        if wait_for "crash · path" 5 && wait_for "watching path" 2; then
            tm send-keys -t e2e r
            wait_for "the dashboard shows path" 5 && tm send-keys -t e2e s
            if wait_for "stopped at" 5; then
                tm send-keys -t e2e l
                if wait_for "back on the live world" 5 && wait_for "liqtop · crash · 0" 5; then
                    ok "the risk view runs, opens its worst path and comes back"
                else fail "l back to the live world"; fi
            else fail "s stops the risk run"; fi
        else fail "enter watches the worst path"; fi
    else fail "r opens the risk view and runs paths"; fi
    tm send-keys -t e2e q
    wait_for "EXIT=0" 10 || fail "q after the risk view"
else
    fail "crash starts for the risk view"
fi

# 10. run --path opens one path of a risk run, named in the header.
start "default --seed 3 --path 7 --horizon 1h --max-ticks 40" 120 40
if wait_for "liqtop · default · path 7" 15 && wait_for "EXIT=0" 20; then ok "run --path watches a risk path"; else
    fail "run --path watches a risk path"; fi

# 11. A real market's export: the header names its time; after a shock, accounts show as shortened addresses.
root=$(cd "$(dirname "$0")/../.." && pwd)
start "$root/examples/aave-v3-ethereum/market.toml --seed 3" 160 48
if wait_for "export 2023-10-31 00:00 UTC" 20; then
    tm send-keys -t e2e p
    sleep 0.5
    tm send-keys -t e2e - 3 0 Enter
    deadline=$((SECONDS + 30))
    found=1
    while [ $SECONDS -lt $deadline ]; do
        if tm capture-pane -t e2e -p | grep -qE '│0x[0-9a-f]{4}…[0-9a-f]{4} +0\.[0-9]{4}'; then found=0; break; fi
        sleep 0.3
    done
    if [ $found -eq 0 ]; then ok "a real market loads and shortens its addresses"; else
        fail "a real market loads and shortens its addresses"; fi
    tm send-keys -t e2e q
    wait_for "EXIT=0" 10 || fail "q after the real market"
else
    fail "a real market loads and shortens its addresses"
fi

# 12. A recording survives kill -9: what was written verifies (a last line cut short is a warning); then it
# replays, moves a minute on, branches, and the branch's journal verifies with its parent.
journal=$(mktemp -d)/run.jsonl
start "default --seed 3 --speed 1000 --record $journal" 160 48
if wait_for "● REC" 15 && wait_for "head 30" 20; then
    pid=$(pgrep -f -- "--record $journal" | head -1)
    kill -9 "$pid"
    wait_for "EXIT=137" 10
    tm kill-server >/dev/null 2>&1
    if verified=$("$binary" verify "$journal" 2>&1) && echo "$verified" | grep -q "^verified: "; then
        ok "a recording killed with -9 verifies"
    else
        echo "     | $verified"
        fail "a recording killed with -9 verifies"
    fi
    branch="$(dirname "$journal")/branch.jsonl"
    start "replay $journal --record $branch" 160 48
    if wait_for "REPLAY 00:00:00 / " 60; then
        tm send-keys -t e2e "}"
        if wait_for "REPLAY 00:01:00 / " 10; then
            tm send-keys -t e2e b
            if wait_for "BRANCH from 00:01:00" 5; then
                tm send-keys -t e2e Tab 3 " "
                sleep 3
                tm send-keys -t e2e q
                wait_for "EXIT=0" 10
                if "$binary" verify "$branch" | grep -q "^verified: "; then ok "replay moves, branches, and the branch verifies"; else
                    fail "the branch verifies with its parent"; fi
            else fail "b branches the replay"; fi
        else fail "} moves the replay a minute on"; fi
    else fail "replay opens the recording"; fi
else
    fail "run --record shows REC"
fi

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
