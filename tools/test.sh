#!/usr/bin/env bash
# Quick start 2: set up, build and run every test (C++ through CTest, Python through pytest),
# then the C++ unit tests again under AddressSanitizer and UndefinedBehaviorSanitizer, then a
# bounded libFuzzer run on the scenario loader, the checkpoint reader and the design/sweep readers.
# PARKSIM_SKIP_SANITIZERS=1 skips the sanitizer and fuzzing passes (for quick local runs).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build.sh -DPARKSIM_WERROR=ON
# As root (CI) the one-node Slurm test (tests/cluster) must run: a skip there is a failure.
if [ "$(id -u)" -eq 0 ]; then export PARKSIM_REQUIRE_SLURM=1; fi
(cd build && ctest --output-on-failure --timeout 900 -j 2)
MPLBACKEND=Agg /usr/bin/python3 -m pytest -q analysis/tests
if [ "${PARKSIM_SKIP_SANITIZERS:-0}" != "1" ]; then
  # One sanitizer tree serves the unit tests and the fuzzers: clang with ASan, UBSan and libFuzzer's
  # coverage instrumentation compiles the code once where gcc's ASan tree plus clang's fuzz tree
  # compiled it twice (bench/README.md, "Test suite"). Without clang: gcc, unit tests only.
  clangxx=$(command -v clang++-14 || command -v clang++ || true)
  targets=(unit_tests parksim)
  if [ -n "$clangxx" ]; then
    cc=${clangxx/++/} cxx=$clangxx san=-DPARKSIM_FUZZ=ON
    targets+=(fuzz_scenario fuzz_checkpoint fuzz_design_sweep)
  else
    cc=$(command -v gcc) cxx=$(command -v g++) san=-DPARKSIM_SANITIZE=ON
  fi
  # A tree configured with another compiler cannot be reconfigured in place.
  if [ -f build-asan/CMakeCache.txt ] && ! grep -qx "CMAKE_CXX_COMPILER:[A-Z]*=$cxx" build-asan/CMakeCache.txt; then
    rm -rf build-asan
  fi
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$san" \
    -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
    -DPython3_EXECUTABLE=/usr/bin/python3 > build-asan.log 2>&1 || { cat build-asan.log; exit 1; }
  cmake --build build-asan --parallel --target "${targets[@]}" 2>&1 | tail -n 2
  # The golden run is slow under sanitizers and covered above; everything else runs.
  # HDF5 1.10 leaks on its own error paths when it reads the damaged files of [damaged] and
  # [checkpoint]; those allocations (made inside libhdf5) are suppressed, ours are still reported.
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=tests/fuzz/lsan_hdf5.supp UBSAN_OPTIONS=print_stacktrace=1 \
    build-asan/tests/unit_tests "~[golden]"
  # libFuzzer, bounded (PARKSIM_FUZZ_SECONDS, default 60 in all), on the fuzzers just built.
  PARKSIM_FUZZ_BUILD=build-asan tools/fuzz.sh
fi
echo "all tests passed"
