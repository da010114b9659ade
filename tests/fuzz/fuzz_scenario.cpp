// libFuzzer entry point for the scenario loader (built by tools/fuzz.sh with clang when
// PARKSIM_FUZZ=ON). Any input must either load or raise InputError; anything else is a finding.
#include <unistd.h>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "parksim/engine/error.hpp"
#include "parksim/model/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = (std::filesystem::temp_directory_path() /
                                   ("parksim_fuzz_" + std::to_string(::getpid()) + ".toml"))
                                      .string();
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), std::streamsize(size));
  try {
    parksim::model::load_scenario(path);
  } catch (const parksim::InputError& e) {
    if (e.problems().empty()) std::abort();  // an error must say what is wrong
  }
  return 0;  // any other exception escapes and libFuzzer reports it
}
