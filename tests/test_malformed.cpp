// The malformed-scenario corpus: every file under tests/malformed/ must fail to load with exactly
// the problems listed for it in tests/malformed/EXPECTED.txt (all of them, in order); inputs that
// cannot be files of the corpus are made by the tests at the end, with their expected problems.
#include <fmt/format.h>
#include <sys/stat.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "parksim/engine/error.hpp"
#include "parksim/model/input_text.hpp"
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

// ---------------------------------------------------------------- inputs made by the test
// Special files (FIFOs, symbolic link loops, devices), huge or generated files and --set
// arguments cannot be corpus files; they are made here, each with its exact expected problems.
// Paths under the scratch folder are written {tmp}.

namespace {

namespace fs = std::filesystem;

struct Made {
  fs::path dir;
  Made() : dir(test::scratch_dir() / "made") {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  std::string path(const std::string& name) const { return (dir / name).string(); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name, std::ios::binary) << text;
    return path(name);
  }
};

std::vector<std::string> made_problems(const Made& made, const std::string& scenario,
                                       const std::vector<std::string>& sets = {},
                                       const std::vector<std::string>& overlays = {}) {
  try {
    model::load_scenario(scenario, sets, overlays);
  } catch (const InputError& e) {
    std::vector<std::string> out;
    for (const auto& p : e.problems())
      out.push_back(
          replace_all(replace_all(p.format(), made.dir.string(), "{tmp}"), kDir, "{dir}"));
    return out;
  }
  return {"(loaded without error)"};
}

const std::string kValid = kDir + "/bases/valid.toml";

}  // namespace

TEST_CASE("special files are refused by name and kind, never waited on or read",
          "[scenario][corpus]") {
  const Made made;
  REQUIRE(::mkfifo(made.path("fifo.toml").c_str(), 0600) == 0);
  fs::create_directory(made.dir / "folder.toml");
  fs::create_symlink(made.dir / "loop_b.toml", made.dir / "loop_a.toml");
  fs::create_symlink(made.dir / "loop_a.toml", made.dir / "loop_b.toml");
  made.write("huge.toml", "");
  fs::resize_file(made.dir / "huge.toml", model::kMaxInputBytes + 1);  // sparse: costs no disk
  made.write("extends_fifo.toml", "extends = \"fifo.toml\"\n");
  made.write("extends_loop.toml", "extends = \"loop_a.toml\"\n");
  made.write("extends_huge.toml", "extends = \"huge.toml\"\n");

  CHECK(
      made_problems(made, made.path("fifo.toml")) ==
      std::vector<std::string>{"{tmp}/fifo.toml: the scenario is a FIFO (named pipe), not a file"});
  CHECK(
      made_problems(made, kValid, {}, {made.path("fifo.toml")}) ==
      std::vector<std::string>{"{tmp}/fifo.toml: the overlay is a FIFO (named pipe), not a file"});
  CHECK(made_problems(made, made.path("extends_fifo.toml")) ==
        std::vector<std::string>{
            "{tmp}/extends_fifo.toml:1:11: extends: file \"fifo.toml\" is a FIFO (named pipe), "
            "not a file (looked for {tmp}/fifo.toml)"});
  CHECK(made_problems(made, made.path("folder.toml")) ==
        std::vector<std::string>{"{tmp}/folder.toml: the scenario is a directory, not a file"});
  CHECK(made_problems(made, "/dev/zero") ==
        std::vector<std::string>{"/dev/zero: the scenario is a device, not a file"});
  CHECK(made_problems(made, kValid, {}, {"/dev/null"}) ==
        std::vector<std::string>{"/dev/null: the overlay is a device, not a file"});
  CHECK(made_problems(made, made.path("loop_a.toml")) ==
        std::vector<std::string>{"{tmp}/loop_a.toml: the scenario is a symbolic link loop"});
  CHECK(made_problems(made, made.path("extends_loop.toml")) ==
        std::vector<std::string>{
            "{tmp}/extends_loop.toml:1:11: extends: file \"loop_a.toml\" is a symbolic link loop "
            "(looked for {tmp}/loop_a.toml)"});
  CHECK(made_problems(made, made.path("huge.toml")) ==
        std::vector<std::string>{
            "{tmp}/huge.toml: the scenario is larger than 64 MiB, the limit for input files"});
  CHECK(made_problems(made, made.path("extends_huge.toml")) ==
        std::vector<std::string>{
            "{tmp}/extends_huge.toml:1:11: extends: file \"huge.toml\" is larger than 64 MiB, "
            "the limit for input files (looked for {tmp}/huge.toml)"});
  CHECK(made_problems(made, made.path("nowhere.toml")) ==
        std::vector<std::string>{"{tmp}/nowhere.toml: the scenario does not exist"});
}

TEST_CASE("deep keys and long extends chains are refused before they exhaust the stack",
          "[scenario][corpus]") {
  const Made made;
  std::string parts = "a";
  for (int i = 1; i < 60000; ++i) parts += ".a";
  made.write("deep_header.toml", "[" + parts + "]\n");
  made.write("deep_key.toml", "[scenario]\n" + parts + " = 1\n");
  CHECK(made_problems(made, made.path("deep_header.toml")) ==
        std::vector<std::string>{
            "{tmp}/deep_header.toml:1:2: table header has 60000 levels; at most 64 are allowed"});
  CHECK(made_problems(made, made.path("deep_key.toml")) ==
        std::vector<std::string>{
            "{tmp}/deep_key.toml:2:1: key has 60000 levels; at most 64 are allowed"});
  const std::string shown =
      "--set " + parts.substr(0, 80) + "…";  // the argument, cut for the message
  CHECK(made_problems(made, kValid, {parts + "=1"}) ==
        std::vector<std::string>{shown + ": the path has 60000 levels; at most 64 are allowed"});
  CHECK(made_problems(made, kValid, {"model.x={" + parts + " = 1}"}) ==
        std::vector<std::string>{"--set model.x={" + parts.substr(0, 71) +
                                 "…: key has 60000 levels; at most 64 are allowed"});

  // chain_i extends chain_{i+1}; chain_99 extends the valid base: 101 files from chain_0.
  for (int i = 0; i < 100; ++i)
    made.write(
        fmt::format("chain_{}.toml", i),
        fmt::format("extends = \"{}\"\n", i == 99 ? kValid : fmt::format("chain_{}.toml", i + 1)));
  CHECK(made_problems(made, made.path("chain_0.toml")) ==
        std::vector<std::string>{
            "{tmp}/chain_31.toml:1:11: extends: the extends chain is longer than 32 files"});
  CHECK(made_problems(made, made.path("chain_68.toml")) ==
        std::vector<std::string>{
            "{tmp}/chain_99.toml:1:11: extends: the extends chain is longer than 32 files"});
  CHECK_NOTHROW(
      model::load_scenario(made.path("chain_69.toml")));  // 31 files and the base: at the limit
}

TEST_CASE("a huge unknown key is reported briefly and without a costly suggestion",
          "[scenario][corpus]") {
  const Made made;
  const std::string key(1 << 20, 'k');
  made.write("huge_key.toml", "extends = \"" + kValid + "\"\n[model]\n" + key + " = 1\n");
  CHECK(made_problems(made, made.path("huge_key.toml")) ==
        std::vector<std::string>{"{tmp}/huge_key.toml:3:1048580: model." + key.substr(0, 80) +
                                 "…: unknown key"});
}

TEST_CASE("problems of --set arguments are located at the argument", "[scenario][corpus]") {
  const Made made;
  struct SetCase {
    std::string set;
    std::vector<std::string> expected;
  };
  const std::vector<SetCase> cases = {
      {"a..b=1", {"--set a..b=1: the path has an empty part; write path.to.key=value"}},
      {".seed=1", {"--set .seed=1: the path has an empty part; write path.to.key=value"}},
      {"novalue", {"--set novalue: not of the form path.to.key=value"}},
      {"scenario.title=\"x\"\n[evil]\nkind = 1",
       {"--set scenario.title=\"x\"\\n[evil]\\nkind = 1: the value spans lines; give one value "
        "(write a line break "
        "in text as \\n inside \"...\")"}},
      {"programmes.grant.rate=250%",
       {"--set programmes.grant.rate=250%: programmes.grant.rate: \"250%\" is over 100%"}},
      {"programmes.grant.rate.x=1", {"--set programmes.grant.rate.x=1: \"rate\" is not a table"}},
      {"programmes.extra.rate=10%",
       {"--set programmes.extra.rate=10%: programmes.extra.kind: required key is missing "
        "(Mechanism the programme acts through)",
        "--set programmes.extra.rate=10%: programmes.extra.from: required key is missing (First "
        "active month)",
        "--set programmes.extra.rate=10%: programmes.extra.to: required key is missing (Last "
        "active month)"}},
      {"bogus=1", {"--set bogus=1: bogus: unknown section"}},
      {"scenario.end=3015-12",
       {"--set scenario.end=3015-12: scenario.end: month 3015-12 is out of range (1990-01 .. "
        "2100-01)"}},
      {"scenario.name=\"\"", {"--set scenario.name=\"\": scenario.name: must not be empty"}},
      {"scenario.title=\"\\u001b[2J\"",
       {"--set scenario.title=\"\\u001b[2J\": scenario.title: text holds the control character "
        "U+001B; allowed: "
        "printable text (line breaks and tabs only in a description)"}},
  };
  for (const auto& c : cases) {
    INFO("--set " << c.set);
    CHECK(made_problems(made, kValid, {c.set}) == c.expected);
  }
}
