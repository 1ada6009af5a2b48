#!/usr/bin/env bash
# Submits a risk run to Slurm: the array of shards (deploy/slurm/risk-array.sh), then a merge that runs
# once every shard has succeeded and writes the run's summary.
#
#   deploy/slurm/submit.sh                  # 20 shards into runs/run-1
#   SHARDS=50 PATHS=1000000 SCENARIO=my-market.toml RUN_DIR=runs/big deploy/slurm/submit.sh
#   cat runs/run-1/summary.json             # when the merge is done
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export SHARDS=${SHARDS:-20}
export RUN_DIR=${RUN_DIR:-runs/run-1}
export LIQTOP=${LIQTOP:-liqtop}
mkdir -p "$RUN_DIR"

array=$(sbatch --parsable --export=ALL --array="0-$((SHARDS - 1))" "$here/risk-array.sh")
sbatch --parsable --dependency="afterok:${array%%;*}" --job-name=liqtop-risk-merge --output="$RUN_DIR/merge.log" \
    --wrap="$LIQTOP risk merge --json $RUN_DIR/shard-*.jsonl > $RUN_DIR/summary.json.partial && mv $RUN_DIR/summary.json.partial $RUN_DIR/summary.json"
echo "submitted: shards as job $array, the merge after them; the summary will be $RUN_DIR/summary.json"
