#!/usr/bin/env bash
# Also, in a real terminal under tmux: the progress line on stderr while a run goes, and Ctrl-C stopping
# it with nothing written.
# Scale-out as a batch system runs it: the tasks of deploy/slurm/risk-array.sh started as separate
# processes at once (as Slurm starts an array), with the environment Slurm gives them, then `risk merge`:
# the merged summary is byte-identical to one unsplit run. Usage: Tests/e2e/shards.sh [path/to/liqtop]
set -euo pipefail
binary=$(realpath "${1:-.build/release/liqtop}")
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LIQTOP=$binary SHARDS=4 RUN_DIR=$work/run SCENARIO=crash PATHS=24 HORIZON=30m SEED=7

pids=()
for task in 0 1 2 3; do
    SLURM_ARRAY_TASK_ID=$task SLURM_CPUS_PER_TASK=1 "$here/deploy/slurm/risk-array.sh" >"$work/task-$task.log" &
    pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done

"$binary" risk merge --json "$RUN_DIR"/shard-*.jsonl >"$work/merged.json"
"$binary" risk "$SCENARIO" --paths "$PATHS" --horizon "$HORIZON" --seed "$SEED" --json --no-progress >"$work/one.json"
if cmp -s "$work/merged.json" "$work/one.json"; then
    echo "ok   4 shard processes of deploy/slurm/risk-array.sh + risk merge = one run ($(wc -c <"$work/one.json") bytes)"
else
    echo "FAIL the merged shards differ from one run:"
    diff "$work/merged.json" "$work/one.json" | head -20
    exit 1
fi
# Without the array's environment the script refuses, with one line.
if SLURM_ARRAY_TASK_ID= "$here/deploy/slurm/risk-array.sh" 2>"$work/err"; then
    echo "FAIL risk-array.sh ran outside an array"
    exit 1
fi
grep -q "job array" "$work/err" && echo "ok   risk-array.sh outside an array says so"

# The progress line in a terminal, and Ctrl-C: exit 130, a line that says so, no --out file left.
# (The pane is read into a variable and matched there: `capture-pane | grep -q` fails under pipefail when
# grep stops reading early.)
socket="liqtop-risk-$$"
tm() { tmux -L "$socket" "$@"; }
pane() { tm capture-pane -t risk -p; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$work"' EXIT
tm new-session -d -s risk -x 120 -y 20 "bash --norc --noprofile -i"
tm send-keys -t risk "cd $work && $binary risk default --paths 400 --horizon 6h --fast --out progress.jsonl; echo EXIT=\$?" Enter
seen=""
for _ in $(seq 1 100); do
    [[ "$(pane)" == *"left (Ctrl-C stops)"* ]] && { seen=yes; break; }
    sleep 0.1
done
if [ -n "$seen" ]; then echo "ok   the progress line shows paths done, paths per second and what is left"; else
    echo "FAIL no progress line"; pane; exit 1; fi
tm send-keys -t risk C-c
for _ in $(seq 1 50); do [[ "$(pane)" =~ EXIT=[0-9] ]] && break; sleep 0.1; done
screen=$(pane)
if [[ "$screen" == *"EXIT=130"* && "$screen" == *"interrupted by SIGINT (Ctrl-C) after"* ]] \
    && [ ! -e "$work/progress.jsonl" ] && [ ! -e "$work/.progress.jsonl.partial" ]; then
    echo "ok   Ctrl-C stops a risk run: exit 130, nothing written"
else
    echo "FAIL Ctrl-C during a risk run"; echo "$screen"; ls -la "$work"; exit 1
fi
