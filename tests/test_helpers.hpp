#pragma once
// Shared test helpers: paths to test data and temporary files.
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>

namespace parksim::test {

inline std::string source_path(const std::string& relative) {
  return std::string(PARKSIM_SOURCE_DIR) + "/" + relative;
}

// A scratch directory unique to this test process.
inline std::filesystem::path scratch_dir() {
  auto dir =
      std::filesystem::temp_directory_path() / ("parksim_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string write_file(const std::string& name, const std::string& text) {
  const auto path = scratch_dir() / name;
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

}  // namespace parksim::test
