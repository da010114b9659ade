#!/usr/bin/env bash
# Fuzzes the scenario loader, the checkpoint reader and the design/sweep readers with libFuzzer
# (clang), splitting PARKSIM_FUZZ_SECONDS (default 60) between them. The scenario fuzzer starts from the shipped
# scenarios and the malformed corpus, the checkpoint fuzzer from a checkpoint of tests/data/mini.toml.
# Exits non-zero on any crash, sanitizer report, leak or hang (a single input running over 10 s).
# Findings are written to $build/findings/.
set -euo pipefail
cd "$(dirname "$0")/.."
# PARKSIM_FUZZ_BUILD names a tree already configured with PARKSIM_FUZZ=ON (tools/test.sh passes its
# sanitizer tree); otherwise build-fuzz is configured here.
build=${PARKSIM_FUZZ_BUILD:-build-fuzz}
clangxx=$(command -v clang++-14 || command -v clang++ || true)
if [ -z "$clangxx" ]; then
  echo "fuzz: clang++ not found; only the seeded mutation tests (unit_tests [fuzz], [checkpoint]) run"
  exit 0
fi
if ! grep -q '^PARKSIM_FUZZ:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_C_COMPILER="${clangxx/++/}" -DCMAKE_CXX_COMPILER="$clangxx" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARKSIM_FUZZ=ON -DBUILD_TESTING=OFF \
    -DPython3_EXECUTABLE=/usr/bin/python3 > "$build.log" 2>&1 || { cat "$build.log"; exit 1; }
fi
cmake --build "$build" --parallel --target fuzz_scenario fuzz_checkpoint fuzz_design_sweep 2>&1 | tail -n 1
total=${PARKSIM_FUZZ_SECONDS:-60}
third=$(( total / 3 > 0 ? total / 3 : 1 ))
mkdir -p "$build"/corpus "$build"/corpus_checkpoint "$build"/corpus_h5 "$build"/findings
cp scenarios/*.toml scenarios/overlays/*.toml tests/data/mini.toml tests/malformed/*.toml "$build"/corpus/
# Seeds are rewritten each time: a checkpoint of an older format would only test the magic check.
PARKSIM_FUZZ_WRITE_SEEDS="$build"/corpus_checkpoint "$build"/fuzz_checkpoint
cp tests/fuzz/seeds/*.h5 "$build"/corpus_h5/
run() {  # target corpus max_len seconds
  echo "== $1 ($4 s)"
  "$build/$1" "$build/$2" -max_total_time="$4" -timeout=10 -rss_limit_mb=4096 -max_len="$3" \
    -artifact_prefix="$build"/findings/ -print_final_stats=1 2>&1 | tail -n 12
}
run fuzz_scenario corpus 65536 "$third"
run fuzz_checkpoint corpus_checkpoint 1048576 "$third"
# The design and sweep readers, from a small design and sweep (tests/fuzz/seeds). A damaged object
# header makes HDF5 ask malloc for 2^63 bytes and fail cleanly; ASan would abort instead.
ASAN_OPTIONS=allocator_may_return_null=1 LSAN_OPTIONS=suppressions=tests/fuzz/lsan_hdf5.supp \
  run fuzz_design_sweep corpus_h5 65536 "$(( total - 2 * third > 0 ? total - 2 * third : 1 ))"
