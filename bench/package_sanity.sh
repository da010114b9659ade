#!/usr/bin/env bash
# Package sanity (issue 13): each shipped scenario's whole policy package against its no-policy
# overlay, paired with common random numbers, so that the package's effect on output can be held
# against the development-zone prior of REFERENCES §2 (state-level zones raise city GDP about 20%,
# Alder, Shao & Zilibotti 2016; more for dedicated zones). Prints `parksim compare`'s table per
# scenario; the recorded numbers and the reading are in bench/README.md ("Package sanity").
# Usage: bench/package_sanity.sh [R]   (R paired replications, default 8; THREADS default 2;
# SCENARIOS="lingang_2015 ezhou_2015" runs a subset)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
R="${1:-8}"
parksim="$here/build/parksim"
declare -A overlay=(
  [lingang_2015]=lingang_no_policy
  [minhang_2018]=minhang_no_policy
  [ezhou_2015]=ezhou_no_policy
  [shanghai_manufacturing_2018]=shanghai_no_policy
  [innovation_centres_2022]=innovation_centres_no_policy
)
for scenario in ${SCENARIOS:-lingang_2015 minhang_2018 ezhou_2015 shanghai_manufacturing_2018 innovation_centres_2022}; do
  echo "== $scenario: package (base) against ${overlay[$scenario]} (variant), R = $R"
  /usr/bin/time -f "   %e s wall" "$parksim" compare "$here/scenarios/$scenario.toml" \
    --variant-with "$here/scenarios/overlays/${overlay[$scenario]}.toml" -R "$R" -t "${THREADS:-2}"
done
