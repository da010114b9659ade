// Seeded mutation test of the scenario loader: mutants of real scenario files must either load or
// fail with an InputError that names its problems, never crash, hang or throw anything else. The
// ASan/UBSan build runs it too (tools/test.sh). Bounded by PARKSIM_FUZZ_SECONDS (default 15).
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "parksim/engine/error.hpp"
#include "parksim/model/scenario.hpp"
#include "test_helpers.hpp"

using namespace parksim;

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Fragments that matter to the loader: TOML punctuation, units, extreme numbers, bad bytes.
const std::vector<std::string>& tokens() {
  static const std::vector<std::string> t = {"[",
                                             "]",
                                             "[[",
                                             "]]",
                                             "=",
                                             "\"",
                                             "'",
                                             "{",
                                             "}",
                                             ",",
                                             ".",
                                             "\n",
                                             "#",
                                             "\\",
                                             "%",
                                             "亿",
                                             "万",
                                             "亩",
                                             "km2",
                                             "-",
                                             "+",
                                             "e308",
                                             "1e999",
                                             "nan",
                                             "inf",
                                             "-1",
                                             "0",
                                             "99999999999999999999",
                                             "2015-13",
                                             "true",
                                             "\xff",
                                             "\xc3",
                                             "\x00",
                                             "[targets]",
                                             "[[targets]]",
                                             "[zones.x]",
                                             "[events.e]",
                                             "kind = \"anchor_project\"",
                                             "extends = \"nowhere.toml\"",
                                             "changes = [{ at = \"2016-01\" }]",
                                             "loss_shares = { pool = 1 }",
                                             "sector_output = 5",
                                             "rate = \"101%\"",
                                             "area = \"-1 km2\""};
  return t;
}

std::string mutate(std::string text, std::mt19937_64& rng) {
  auto pick = [&](std::size_t n) { return n == 0 ? std::size_t(0) : std::size_t(rng() % n); };
  const int edits = 1 + int(rng() % 4);
  for (int e = 0; e < edits; ++e) {
    const std::size_t at = pick(text.size() + 1);
    switch (rng() % 7) {
      case 0:
        if (!text.empty()) text[pick(text.size())] = char(rng() & 0xff);
        break;  // flip a byte
      case 1:
        text.insert(at, tokens()[pick(tokens().size())]);
        break;  // insert a token
      case 2:
        text.erase(at, pick(64));
        break;  // delete a run
      case 3:
        text.resize(at);
        break;   // truncate
      case 4: {  // duplicate a line
        const auto begin = text.rfind('\n', at == 0 ? 0 : at - 1);
        const auto end = text.find('\n', at);
        const std::size_t b = begin == std::string::npos ? 0 : begin + 1;
        // (Rebuilt rather than insert(): GCC 12 warns falsely on a self-insert, -Wrestrict.)
        if (end != std::string::npos && end > b)
          text = text.substr(0, end + 1) + text.substr(b, end - b + 1) + text.substr(end + 1);
        break;
      }
      case 5: {  // swap a number
        const auto digit = text.find_first_of("0123456789", at);
        if (digit != std::string::npos) text.replace(digit, 1, tokens()[20 + pick(8)]);
        break;
      }
      default:
        text.insert(at, std::string(1, char(rng() & 0x7f)));
        break;  // insert a byte
    }
  }
  return text;
}

}  // namespace

TEST_CASE("mutated scenarios load or fail with located problems, nothing else",
          "[scenario][fuzz]") {
  const std::vector<std::string> seeds = {
      read_text(test::source_path("tests/data/mini.toml")),
      read_text(test::source_path("scenarios/lingang_2015.toml"))};
  const char* env = std::getenv("PARKSIM_FUZZ_SECONDS");
  const double budget = env ? std::atof(env) : 15.0;
  const auto start = std::chrono::steady_clock::now();
  std::mt19937_64 rng(20151001);
  const std::string path = test::scratch_dir() / "mutant.toml";
  int mutants = 0, loaded = 0, rejected = 0;
  while (mutants < 200 ||
         std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < budget) {
    const std::string text = mutate(seeds[std::size_t(mutants) % seeds.size()], rng);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    ++mutants;
    try {
      model::load_scenario(path);
      ++loaded;
    } catch (const InputError& e) {
      ++rejected;
      REQUIRE_FALSE(e.problems().empty());
      for (const auto& p : e.problems()) REQUIRE_FALSE(p.message.empty());
    } catch (const std::exception& e) {
      FAIL("mutant " << mutants << " threw " << e.what() << "\n--- text ---\n" << text);
    }
  }
  INFO(mutants << " mutants: " << loaded << " loaded, " << rejected << " rejected");
  CHECK(rejected > 0);
  CHECK(loaded >
        0);  // the mutations are not all fatal, so the validation paths after parsing run too
}
