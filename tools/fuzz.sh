#!/usr/bin/env bash
# Fuzzes the scenario loader with libFuzzer (clang) for PARKSIM_FUZZ_SECONDS (default 60), starting
# from the shipped scenarios and the malformed corpus. Exits non-zero on any crash, sanitizer
# report, leak or hang (a single input running over 10 s). Findings are written to build-fuzz/findings/.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang++ > /dev/null; then
  echo "fuzz: clang++ not found; only the seeded mutation test (unit_tests [fuzz]) runs"
  exit 0
fi
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARKSIM_FUZZ=ON \
  -DBUILD_TESTING=OFF -DPython3_EXECUTABLE=/usr/bin/python3 > build-fuzz.log 2>&1 || { cat build-fuzz.log; exit 1; }
cmake --build build-fuzz --parallel --target fuzz_scenario fuzz_design_sweep 2>&1 | tail -n 1
corpus=build-fuzz/corpus
mkdir -p "$corpus" build-fuzz/findings
cp scenarios/*.toml scenarios/overlays/*.toml tests/data/mini.toml tests/malformed/*.toml "$corpus"/
build-fuzz/fuzz_scenario "$corpus" -max_total_time="${PARKSIM_FUZZ_SECONDS:-60}" -timeout=10 -rss_limit_mb=4096 \
  -max_len=65536 -artifact_prefix=build-fuzz/findings/ -print_final_stats=1 2>&1 | tail -n 12
# The design and sweep readers, from a small design and sweep (tests/fuzz/seeds). A damaged object
# header makes HDF5 ask malloc for 2^63 bytes and fail cleanly; ASan would abort instead.
mkdir -p build-fuzz/corpus_h5 && cp tests/fuzz/seeds/*.h5 build-fuzz/corpus_h5/
ASAN_OPTIONS=allocator_may_return_null=1 LSAN_OPTIONS=suppressions=tests/fuzz/lsan_hdf5.supp build-fuzz/fuzz_design_sweep build-fuzz/corpus_h5 -max_total_time="${PARKSIM_FUZZ_SECONDS:-60}" -timeout=10 \
  -rss_limit_mb=4096 -max_len=65536 -artifact_prefix=build-fuzz/findings/ -print_final_stats=1 2>&1 | tail -n 12
