// The malformed-scenario corpus: every file under tests/malformed/ must fail to load with exactly
// the problems listed for it in tests/malformed/EXPECTED.txt (all of them, in order).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "parksim/engine/error.hpp"
#include "parksim/model/scenario.hpp"
#include "test_helpers.hpp"

using namespace parksim;

namespace {

const std::string kDir = test::source_path("tests/malformed");

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// case file -> expected formatted problems, from the manifest.
std::map<std::string, std::vector<std::string>> read_manifest() {
  std::map<std::string, std::vector<std::string>> expected;
  std::ifstream in(kDir + "/EXPECTED.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto bar = line.find(" | ");
    REQUIRE(bar != std::string::npos);
    expected[line.substr(0, bar)].push_back(replace_all(line.substr(bar + 3), "{dir}", kDir));
  }
  return expected;
}

// The problems a case gives, formatted with files relative to the corpus folder.
std::vector<std::string> actual_problems(const std::string& file) {
  try {
    model::load_scenario(kDir + "/" + file);
  } catch (const InputError& e) {
    std::vector<std::string> out;
    for (auto p : e.problems()) {
      if (p.file.rfind(kDir + "/", 0) == 0) p.file = p.file.substr(kDir.size() + 1);
      out.push_back(p.format());
    }
    return out;
  }
  return {"(loaded without error)"};
}

}  // namespace

TEST_CASE("every malformed scenario gives exactly its expected errors", "[scenario][corpus]") {
  const auto expected = read_manifest();
  std::size_t cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kDir)) {
    if (entry.path().extension() != ".toml") continue;
    const std::string file = entry.path().filename().string();
    ++cases;
    INFO("case " << file);
    const auto it = expected.find(file);
    REQUIRE(it != expected.end());  // a case without expectations would test nothing
    CHECK(actual_problems(file) == it->second);
  }
  CHECK(cases == expected.size());
  CHECK(cases >= 50);
}
