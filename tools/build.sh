#!/usr/bin/env bash
# Configures and builds parksim (Release) into build/. Extra arguments go to CMake's configure step.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPython3_EXECUTABLE=/usr/bin/python3 "$@" > build.log 2>&1 \
  || { cat build.log; exit 1; }
cmake --build build --parallel 2>&1 | tail -n 3
