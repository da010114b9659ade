#!/usr/bin/env bash
# The issue's Sobol benchmark: 8 parameters, N = 256 (2,560 runs) on the Lingang scenario at default
# size, one replication per point; wall time and peak memory of each step. Optional first argument:
# N (default 256); PROCS=2 runs the sweep under mpirun with 2 processes of 1 thread.
# Usage: bench/sobol_bench.sh [N]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
N="${1:-256}"
out="${OUT:-$here/out/bench}"
mkdir -p "$out"
parksim="$here/build/parksim"
timed() { /usr/bin/time -f "%e s wall, %M KiB peak RSS" "$@"; }
timed "$parksim" sample --method sobol --space "$here/bench/lingang_sobol_space.toml" -n "$N" -o "$out/design.h5"
rm -f "$out"/sweep.h5.journal.*
if [ "${PROCS:-1}" -gt 1 ]; then
  OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 timed mpirun -n "$PROCS" "$parksim" sweep \
    "$here/scenarios/lingang_2015.toml" "$out/design.h5" -o "$out/sweep.h5" -t 1 --metric output:2025 --metric sei_share:2025
else
  timed "$parksim" sweep "$here/scenarios/lingang_2015.toml" "$out/design.h5" -o "$out/sweep.h5" -t 2 \
    --metric output:2025 --metric sei_share:2025
fi
timed "$parksim" analyze sobol "$out/sweep.h5" --metric output:2025 -o "$out/sobol_output.h5"
