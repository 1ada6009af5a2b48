#!/usr/bin/env bash
# One shard of a risk run, as a task of a Slurm job array: task I runs shard I of SHARDS and writes its
# --out file to a shared directory. deploy/slurm/submit.sh submits the array and the merge after it.
#
# liqtop must be on the PATH of the compute nodes (or set LIQTOP), and RUN_DIR on a file system they
# share. A failed task can be resubmitted alone (sbatch --array=7 …): a path's outcome depends only on
# the seed and its index.
#SBATCH --job-name=liqtop-risk
#SBATCH --array=0-19
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=02:00:00
#SBATCH --output=slurm-liqtop-risk-%A_%a.log
set -euo pipefail

SHARDS=${SHARDS:-20}
RUN_DIR=${RUN_DIR:-runs/run-1}
LIQTOP=${LIQTOP:-liqtop}
# The run: the same for every shard.
SCENARIO=${SCENARIO:-default}
PATHS=${PATHS:-100000}
HORIZON=${HORIZON:-24h}
SEED=${SEED:-1}
mkdir -p "$RUN_DIR"

if [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then
    echo "run this with sbatch: it is a job array" >&2
    exit 2
fi

"$LIQTOP" risk "$SCENARIO" --paths "$PATHS" --horizon "$HORIZON" --seed "$SEED" --no-progress \
    --workers "${SLURM_CPUS_PER_TASK:-2}" \
    --shard "${SLURM_ARRAY_TASK_ID}/${SHARDS}" --out "$RUN_DIR/shard-${SLURM_ARRAY_TASK_ID}.jsonl"
