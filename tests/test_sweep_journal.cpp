// Sweep journals: interruption and resume with any spelling of the output path, records that do not
// fit the sweep, files that only look like journals, resuming a finished sweep.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "parksim/engine/error.hpp"
#include "parksim/engine/h5_reader.hpp"
#include "parksim/experiments/design.hpp"
#include "parksim/experiments/space.hpp"
#include "parksim/experiments/sweep.hpp"
#include "test_helpers.hpp"

using namespace parksim;
using namespace parksim::experiments;
namespace fs = std::filesystem;

namespace {

// Stops a sweep from its progress callback, as a kill after a journal batch would.
struct Interrupted {};

// Runs the test in `dir` and returns to the previous working directory afterwards.
struct WorkingDirectory {
  fs::path previous = fs::current_path();
  explicit WorkingDirectory(const fs::path& dir) { fs::current_path(dir); }
  ~WorkingDirectory() { fs::current_path(previous); }
  WorkingDirectory(const WorkingDirectory&) = delete;
  WorkingDirectory& operator=(const WorkingDirectory&) = delete;
};

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A sweep of 5 LHS points x 2 replications over mini.toml with two metrics, output in `dir`.
SweepOptions small_sweep(const fs::path& dir) {
  fs::create_directories(dir);
  const auto space = parse_space(
      "[[parameter]]\npath = \"programmes.grant.rate\"\nlow = \"10%\"\nhigh = \"50%\"\n"
      "[[parameter]]\npath = \"model.innovation_rate\"\nlow = 0.4\nhigh = 1.2\n",
      "journal_space.toml");
  const auto design = (dir / "design.h5").string();
  write_design(make_design(space, Method::Lhs, 5, 3), design);
  SweepOptions o;
  o.scenario = test::source_path("tests/data/mini.toml");
  o.design = design;
  o.replications = 2;
  o.metrics = {"output:2017", "firms:2016"};
  o.threads = 1;  // one point per journal batch
  return o;
}

// Runs `o`, interrupting it after `batches` journal batches (0: to the end).
void sweep_interrupted_after(SweepOptions o, int batches) {
  int seen = 0;
  if (batches > 0)
    o.progress = [&](const SweepProgress&) {
      if (++seen == batches) throw Interrupted{};
    };
  try {
    run_sweep(o);
  } catch (const Interrupted&) {
    return;
  }
  if (batches > 0) FAIL("the sweep ended before it was interrupted");
}

void require_same_results(const std::string& a, const std::string& b) {
  engine::h5::Reader fa(a), fb(b);
  for (const char* name : {"values", "status", "run_point", "run_replication", "unit"}) {
    INFO(name);
    const auto x = fa.doubles(name), y = fb.doubles(name);
    REQUIRE(x.shape == y.shape);
    for (std::size_t i = 0; i < x.data.size(); ++i)
      CHECK((x.data[i] == y.data[i] || (std::isnan(x.data[i]) && std::isnan(y.data[i]))));
  }
}

}  // namespace

TEST_CASE("a sweep resumed twice with a bare output name equals the uninterrupted sweep",
          "[experiments][sweep][journal]") {
  const auto dir = test::scratch_dir() / "journal_bare";
  auto o = small_sweep(dir);
  o.output = (dir / "reference.h5").string();
  run_sweep(o);
  const WorkingDirectory cwd(dir);
  o.output = "bare.h5";  // no directory part: the journal is found as "./bare.h5.journal.0" and
                         // opened as written
  sweep_interrupted_after(o, 1);
  REQUIRE(fs::exists("bare.h5.journal.0"));
  REQUIRE(!fs::exists("bare.h5"));
  o.resume = true;
  sweep_interrupted_after(o, 1);  // a resume must keep what the first attempt journalled
  const auto text = read_text("bare.h5.journal.0");
  CHECK(std::count(text.begin(), text.end(), '\n') ==
        1 + 2 * 2);  // header + two points x two replications
  const auto r = run_sweep(o);
  CHECK(r.resumed == 4);
  CHECK(r.runs == 6);
  require_same_results("bare.h5", (dir / "reference.h5").string());
  CHECK(!fs::exists("bare.h5.journal.0"));
  // Resuming a finished sweep would run it all again: it is refused with the reason.
  CHECK_THROWS_WITH(run_sweep(o), Catch::Contains("already complete"));
}

TEST_CASE("journal records that do not fit the sweep are refused with the journal's file and line",
          "[experiments][sweep][journal]") {
  const auto dir = test::scratch_dir() / "journal_damaged";
  auto o = small_sweep(dir);
  o.output = (dir / "s.h5").string();
  const auto journal = o.output + ".journal.0";
  sweep_interrupted_after(o, 1);  // header, then point p's replications 0 and 1 on lines 2 and 3
  const auto good = read_text(journal);
  const auto line2 =
      good.substr(good.find('\n') + 1, good.find('\n', good.find('\n') + 1) - good.find('\n'));
  const std::string point = line2.substr(0, line2.find(' '));
  const std::string other = point == "0" ? "1" : "0";
  o.resume = true;
  const std::vector<std::string> bad_lines = {"5 0 ok 1 2\n",
                                              "-1 0 ok 1 2\n",
                                              other + " 2 ok 1 2\n",
                                              other + " -1 ok 1 2\n",
                                              other + " 0 ok 1\n",
                                              other + " 0 ok 1 2 3\n",
                                              other + " 0 ok 1 2abc\n",
                                              other + " 0 ok 1  2\n",
                                              other + " 0 done 1 2\n",
                                              "\n",
                                              line2};
  for (const auto& bad : bad_lines) {
    INFO(bad);
    std::ofstream(journal, std::ios::binary | std::ios::trunc) << good << bad;
    CHECK_THROWS_WITH(run_sweep(o),
                      Catch::Contains(journal + ":4: ") && Catch::Contains("damaged"));
  }
  // nan and inf, as {:.17g} writes them, and failures with their message are records.
  std::ofstream(journal, std::ios::binary | std::ios::trunc) << good << other << " 0 ok nan -inf\n"
                                                             << other << " 1 failed a b  c\n";
  o.threads = 2;
  const auto r = run_sweep(o);
  CHECK(r.resumed == 4);
  engine::h5::Reader f(o.output);
  CHECK(f.strings("failures/message") == std::vector<std::string>{"a b  c"});
}

TEST_CASE(
    "only files named exactly OUTPUT.journal.RANK are journals: look-alikes are neither read nor "
    "removed",
    "[experiments][sweep][journal]") {
  const auto dir = test::scratch_dir() / "journal_lookalikes";
  auto o = small_sweep(dir);
  o.output = (dir / "s.h5").string();
  const std::vector<std::string> lookalikes = {".journal.0.bak", ".journal.01", ".journal.",
                                               ".journal.x",     ".journal.-0", ".journal.+1"};
  for (const auto& suffix : lookalikes) std::ofstream(o.output + suffix) << "the user's\n";
  fs::create_directories(o.output + ".journal.7");  // a directory is not a journal either
  run_sweep(o);  // a fresh sweep: none of them counts as an unfinished sweep's journal
  for (const auto& suffix : lookalikes) CHECK(read_text(o.output + suffix) == "the user's\n");
  CHECK(fs::is_directory(o.output + ".journal.7"));
  CHECK(!fs::exists(o.output + ".journal.0"));
}
