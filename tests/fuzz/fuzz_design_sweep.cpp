// libFuzzer entry point for the readers of DESIGN.h5 and SWEEP.h5 (built by tools/fuzz.sh with
// clang when PARKSIM_FUZZ=ON). Any input must either read or raise parksim::Error; a crash, a
// sanitizer report, a hang or any other exception is a finding. Seeds: tests/fuzz/seeds/*.h5.
#include <unistd.h>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "parksim/engine/error.hpp"
#include "parksim/experiments/design.hpp"
#include "parksim/experiments/sensitivity.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = (std::filesystem::temp_directory_path() /
                                   ("parksim_fuzz_" + std::to_string(::getpid()) + ".h5"))
                                      .string();
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), std::streamsize(size));
  try {
    parksim::experiments::read_design(path);
  } catch (const parksim::Error&) {}
  try {
    parksim::experiments::sweep_output(path, "output:2017");  // the metric the seed sweep stores
  } catch (const parksim::Error&) {}
  return 0;  // any other exception escapes and libFuzzer reports it
}
