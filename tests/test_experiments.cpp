// Experiments: spaces, designs, Sobol and Morris estimators on known functions, sweeps.
#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "parksim/engine/error.hpp"
#include "parksim/engine/h5_reader.hpp"
#include "parksim/experiments/calibrate.hpp"
#include "parksim/experiments/compare.hpp"
#include "parksim/experiments/design.hpp"
#include "parksim/experiments/sensitivity.hpp"
#include "parksim/experiments/space.hpp"
#include "parksim/experiments/sweep.hpp"
#include "parksim/model/run.hpp"
#include "parksim/model/scenario.hpp"
#include "test_helpers.hpp"

using namespace parksim;
using namespace parksim::experiments;

namespace {

const char* kIshigamiSpace = R"(scenario_keys = false
[[parameter]]
path = "x1"
low = -3.141592653589793
high = 3.141592653589793
[[parameter]]
path = "x2"
low = -3.141592653589793
high = 3.141592653589793
[[parameter]]
path = "x3"
low = -3.141592653589793
high = 3.141592653589793
)";

double ishigami(const std::vector<double>& x) {
  return std::sin(x[0]) + 7.0 * std::pow(std::sin(x[1]), 2) +
         0.1 * std::pow(x[2], 4) * std::sin(x[0]);
}

std::vector<double> evaluate(const Design& d) {
  std::vector<double> y;
  for (const auto& v : d.value) y.push_back(ishigami(v));
  return y;
}

}  // namespace

TEST_CASE("Sobol indices of the Ishigami function match the analytic values",
          "[experiments][sobol]") {
  const auto space = parse_space(kIshigamiSpace, "ishigami.toml");
  const auto d = make_design(space, Method::Sobol, 4096, 1);
  REQUIRE(d.points() == 4096u * 5u);
  const auto s = sobol_indices(d, evaluate(d));
  // REFERENCES.md §3
  const double s1[] = {0.3139051911, 0.4424111448, 0.0};
  const double st[] = {0.5575888552, 0.4424111448, 0.2436836641};
  for (int i = 0; i < 3; ++i) {
    INFO("x" << i + 1);
    CHECK(std::abs(s[std::size_t(i)].first - s1[i]) < 0.05);
    CHECK(std::abs(s[std::size_t(i)].total - st[i]) < 0.05);
    CHECK(s[std::size_t(i)].first_conf > 0);
    CHECK(s[std::size_t(i)].first_conf < 0.1);
  }
}

TEST_CASE("Morris mu* of x2 on Ishigami is 7.875 with 4 levels, whatever the seed",
          "[experiments][morris]") {
  const auto space = parse_space(kIshigamiSpace, "ishigami.toml");
  for (std::uint64_t seed : {1u, 2u, 99u}) {
    const auto d = make_design(space, Method::Morris, 20, seed, 4);
    REQUIRE(d.points() == 20u * 4u);
    const auto m = morris_indices(d, evaluate(d));
    CHECK(m[1].mu_star == Approx(7.875).epsilon(1e-12));
    CHECK(m[0].mu_star > 0);
  }
}

TEST_CASE("a Latin hypercube has one point in every stratum of every column",
          "[experiments][design]") {
  const auto space = parse_space(kIshigamiSpace, "ishigami.toml");
  const int n = 37;
  const auto d = make_design(space, Method::Lhs, n, 5);
  for (std::size_t c = 0; c < 3; ++c) {
    std::vector<int> hits(n, 0);
    for (const auto& row : d.unit) ++hits[std::size_t(row[c] * n)];
    for (int h : hits) CHECK(h == 1);
  }
  // A grid has n^k points with both ends of every range.
  const auto g = make_design(space, Method::Grid, 3, 1);
  REQUIRE(g.points() == 27u);
  CHECK(g.value.front()[0] == Approx(-3.141592653589793));
  CHECK(g.value.back()[2] == Approx(3.141592653589793));
}

TEST_CASE("a design survives its HDF5 file exactly", "[experiments][design]") {
  const auto space = parse_space(kIshigamiSpace, "ishigami.toml");
  const auto d = make_design(space, Method::Sobol, 16, 1);
  const auto path = (test::scratch_dir() / "design.h5").string();
  write_design(d, path);
  const auto back = read_design(path);
  CHECK(back.method == Method::Sobol);
  CHECK(back.n == 16);
  CHECK(back.unit == d.unit);
  CHECK(back.value == d.value);
  CHECK(back.space.parameters.size() == 3);
}

TEST_CASE("a space file is checked against the parameter dictionary with file and line",
          "[experiments][space]") {
  const std::string bad = R"([[parameter]]
path = "model.innovation_rat"
low = 0.1
high = 1
[[parameter]]
path = "programmes.grant.rate"
low = "60%"
high = "40%"
[[parameter]]
path = "zones.north.area"
low = 5
high = 9
)";
  try {
    parse_space(bad, "space.toml");
    FAIL("accepted a bad space");
  } catch (const InputError& e) {
    REQUIRE(e.problems().size() == 3);
    CHECK(e.problems()[0].line == 2);
    CHECK(e.problems()[0].message.find("not a numeric scenario parameter") != std::string::npos);
    CHECK(e.problems()[1].key == "parameter[1].high");
    CHECK(e.problems()[2].message.find("unit") != std::string::npos);
  }
  // Quantities are read as in scenario files; areas are overridden with their unit.
  const auto ok = parse_space(
      "[[parameter]]\npath = \"zones.north.area\"\nlow = \"5 km2\"\nhigh = \"9 km2\"\n", "s.toml");
  CHECK(ok.parameters[0].value_at(0.5) == Approx(7e6));
  CHECK(ok.parameters[0].override_for(7e6) == "zones.north.area=\"7000000 m2\"");
}

TEST_CASE("a sweep stores each point's metrics as a direct run gives them, and records failures",
          "[experiments][sweep]") {
  const auto dir = test::scratch_dir() / "sweep";
  std::filesystem::create_directories(dir);
  const auto space_path = test::write_file("sweep_space.toml", R"([[parameter]]
path = "model.innovation_rate"
distribution = "levels"
levels = [0.5, 1.5, 500]
)");
  const auto space = load_space(space_path);
  const auto d = make_design(space, Method::Grid, 3, 1);
  const auto design_path = (dir / "design.h5").string();
  write_design(d, design_path);
  SweepOptions o;
  o.scenario = test::source_path("tests/data/mini.toml");
  o.design = design_path;
  o.output = (dir / "sweep.h5").string();
  o.replications = 2;
  o.metrics = {"output:2016", "firms:2017:north", "targets_met"};
  o.threads = 2;
  const auto r = run_sweep(o);
  CHECK(r.runs == 6);
  CHECK(r.failed == 2);  // innovation_rate 500 is outside 0..100
  engine::h5::Reader f(o.output);
  const auto values = f.doubles("values"), status = f.doubles("status");
  REQUIRE(values.shape == std::vector<std::size_t>{6, 3});
  CHECK(status.data == std::vector<double>{0, 0, 0, 0, 1, 1});
  const auto messages = f.strings("failures/message");
  REQUIRE(messages.size() == 2);
  CHECK(messages[0].find("innovation_rate") != std::string::npos);
  // Point 1 equals a direct run of the scenario with its override.
  const auto sc = model::load_scenario(o.scenario, {"model.innovation_rate=1.5"});
  const auto direct = metric_values(sc, parse_metrics(o.metrics, sc), 2, 1);
  for (int rep = 0; rep < 2; ++rep)
    for (int m = 0; m < 3; ++m)
      CHECK(values.data[std::size_t((2 + rep) * 3 + m)] ==
            direct[std::size_t(rep)][std::size_t(m)]);
  CHECK(!std::filesystem::exists(o.output +
                                 ".journal.0"));  // journals are removed once the file is complete
  // A second sweep to the same output is refused while journals of an unfinished one exist.
  std::ofstream(o.output + ".journal.0") << "# parksim sweep journal v1 key=0\n";
  CHECK_THROWS_WITH(run_sweep(o), Catch::Contains("--resume"));
  o.resume = true;
  CHECK_THROWS_WITH(run_sweep(o), Catch::Contains("different sweep"));
}

// Sets an environment variable for one scope (unset again even when a check throws).
struct ScopedEnv {
  const char* name;
  ScopedEnv(const char* n, const char* value) : name(n) { ::setenv(n, value, 1); }
  ~ScopedEnv() { ::unsetenv(name); }
};

TEST_CASE("a sweep srun started as 2 tasks that MPI did not connect is refused before it writes",
          "[experiments][sweep]") {
  const auto dir = test::scratch_dir() / "sweep_unconnected";
  std::filesystem::create_directories(dir);
  const auto space = load_space(test::write_file(
      "unconnected_space.toml", "[[parameter]]\npath = \"model.innovation_rate\"\nlow = 0.5\nhigh = 1.5\n"));
  const auto design_path = (dir / "design.h5").string();
  write_design(make_design(space, Method::Lhs, 2, 1), design_path);
  SweepOptions o;
  o.scenario = test::source_path("tests/data/mini.toml");
  o.design = design_path;
  o.output = (dir / "sweep.h5").string();
  o.metrics = {"output:2016"};
  o.resume = true;  // as docs/cluster.md's job script: the case where each would run everything
  {
    // What `srun --mpi=none -n 2` gives each task: its step's size, no MPI launch variables.
    const ScopedEnv step("SLURM_STEP_NUM_TASKS", "2");
    CHECK_THROWS_WITH(run_sweep(o), Catch::Contains("2 processes") && Catch::Contains("--mpi=pmix"));
  }
  CHECK(!std::filesystem::exists(o.output));
  CHECK(!std::filesystem::exists(o.output + ".journal.0"));
  // A step of one task is one process, as before.
  const ScopedEnv one("SLURM_STEP_NUM_TASKS", "1");
  CHECK(run_sweep(o).runs == 2);
}

TEST_CASE(
    "a comparison pairs replications: a scenario against itself has no effect, a variant's effect "
    "is paired",
    "[experiments][compare]") {
  const auto base = model::load_scenario(test::source_path("tests/data/mini.toml"));
  CompareOptions o;
  o.replications = 6;
  o.threads = 2;
  o.metrics = {"output", "policy_cost"};
  const auto same = compare(base, base, o);
  REQUIRE(same.effects.size() == 2u * 3u);  // two metrics x 2015..2017
  for (const auto& e : same.effects) {
    CHECK(e.effect == 0.0);
    CHECK(e.low == 0.0);
  }
  CHECK(std::isinf(same.effects[0].variance_reduction));
  const auto variant = model::load_scenario(test::source_path("tests/data/mini.toml"),
                                            {"programmes.grant.rate=60%"});
  o.output = (test::scratch_dir() / "cmp.h5").string();
  const auto r = compare(base, variant, o);
  // The effect is the mean of the paired differences of the same runs made directly.
  std::vector<MetricSpec> m(1);
  m[0].target.metric = "policy_cost";
  m[0].target.year = 2017;
  const auto b = metric_values(base, m, 6, 1), v = metric_values(variant, m, 6, 1);
  double d = 0;
  for (int k = 0; k < 6; ++k) d += v[std::size_t(k)][0] - b[std::size_t(k)][0];
  const auto& cost2017 = r.effects[5];
  REQUIRE(cost2017.metric == "policy_cost");
  REQUIRE(cost2017.year == 2017);
  CHECK(cost2017.effect == Approx(d / 6));
  CHECK(cost2017.low <= cost2017.effect);
  CHECK(cost2017.high >= cost2017.effect);
  // Common random numbers remove most of the noise in 2015 output (the grant barely acts yet).
  CHECK(r.effects[0].variance_reduction > 5.0);
  engine::h5::Reader f(o.output);
  CHECK(f.doubles("base").shape == std::vector<std::size_t>{6, 3, 2});
  CHECK(f.doubles("variance_reduction").shape == std::vector<std::size_t>{3, 2});
}

TEST_CASE("calibration recovers a known parameter from figures the model made",
          "[experiments][calibrate]") {
  // "Observed" output of 2017 made with equipment demand growing 12% a year; calibrate over 0..25%.
  const std::string mini = test::source_path("tests/data/mini.toml");
  const auto truth = model::load_scenario(mini, {"sectors.equipment.demand_growth=0.12"});
  std::vector<MetricSpec> m(1);
  m[0].target.metric = "output";
  m[0].target.year = 2017;
  const auto observed = metric_values(truth, m, 2, 2);
  const double y = 0.5 * (observed[0][0] + observed[1][0]);
  const auto dir = test::scratch_dir() / "calibrate";
  std::filesystem::create_directories(dir);
  const auto figures = (dir / "figures.csv").string();
  std::ofstream(figures) << "metric,zone,sector,year,value,tolerance,tolerance_kind,note\n"
                         << fmt::format(
                                "output,all,all,2017,{:.17g},0.01,relative,made by the model\n", y);
  const auto space = (dir / "space.toml").string();
  std::ofstream(space)
      << "[[parameter]]\npath = \"sectors.equipment.demand_growth\"\nlow = 0\nhigh = 0.25\n";
  CalibrateOptions o;
  o.scenario = mini;
  o.space = space;
  o.figures = figures;
  o.output = (dir / "fit.toml").string();
  o.points = 12;
  o.rounds = 2;
  o.replications = 2;
  o.threads = 2;
  const auto r = calibrate(o);
  REQUIRE(r.best.size() == 1);
  CHECK(std::abs(r.best[0].second - 0.12) < 0.03);
  CHECK(r.fit[0].met);
  CHECK(r.runs == 2u * 12u * 2u);
  // The overlay applies: the scenario with it reproduces the figure.
  const auto fitted = model::load_scenario(mini, {}, {o.output});
  CHECK(fitted.sectors[0].demand_growth == Approx(r.best[0].second));
  // Bad figures are reported with file and line.
  std::ofstream(figures) << "metric,zone,sector,year,value,tolerance,tolerance_kind\noutput,all,"
                            "all,2017,1,0.1,percent\n";
  CHECK_THROWS_WITH(calibrate(o), Catch::Contains("figures.csv:2:7"));
}

TEST_CASE("a run branched from a checkpoint equals the unbranched run of the same variant",
          "[experiments][checkpoint]") {
  const std::string mini = test::source_path("tests/data/mini.toml");
  const auto dir = test::scratch_dir() / "checkpoint";
  std::filesystem::create_directories(dir);
  const auto base = model::load_scenario(mini);
  // The variant agrees with the base until its grant rate changes in 2016-06.
  const auto variant = model::load_scenario(
      mini, {"programmes.grant.changes=[{ at = \"2016-06\", rate = \"60%\" }]"});
  model::RunOptions o;
  o.replications = 3;
  o.threads = 2;
  o.output = (dir / "base.h5").string();
  o.checkpoint_at = 2016 * 12;
  o.checkpoint_path = (dir / "ck.bin").string();
  model::run_scenario(base, o);
  REQUIRE(std::filesystem::exists(o.checkpoint_path));
  model::RunOptions b;
  b.replications = 3;
  b.threads = 1;  // a different thread count too
  b.output = (dir / "branched.h5").string();
  b.branch_from = o.checkpoint_path;
  const auto branched = model::run_scenario(variant, b);
  model::RunOptions d;
  d.replications = 3;
  d.threads = 2;
  d.output = (dir / "direct.h5").string();
  const auto direct = model::run_scenario(variant, d);
  engine::h5::Reader fb(b.output), fd(d.output), f0(o.output);
  for (const char* name : {"output", "firms", "employment", "subsidy_paid", "talent_present",
                           "loans_outstanding", "patents", "unicorns", "snapshots/id",
                           "snapshots/output", "snapshots/productivity", "scorecard/value"}) {
    INFO(name);
    CHECK(fb.doubles(name).data == fd.doubles(name).data);
  }
  CHECK(f0.doubles("subsidy_paid").data !=
        fd.doubles("subsidy_paid").data);          // the variant did differ
  CHECK(branched.firm_steps < direct.firm_steps);  // and the past was not re-run
  // A branch that cannot take over the state is refused.
  model::RunOptions wrong = b;
  wrong.replications = 2;
  CHECK_THROWS_WITH(model::run_scenario(variant, wrong),
                    Catch::Contains("3 replications (this run: 2)"));
}

TEST_CASE("a sweep over a programme the scenario does not have is refused before running",
          "[experiments][sweep]") {
  const auto space = parse_space(
      "[[parameter]]\npath = \"programmes.nowhere.rate\"\nlow = 0.1\nhigh = 0.5\n", "s.toml");
  const auto path = (test::scratch_dir() / "nowhere_design.h5").string();
  write_design(make_design(space, Method::Lhs, 3, 1), path);
  SweepOptions o;
  o.scenario = test::source_path("tests/data/mini.toml");
  o.design = path;
  o.output = (test::scratch_dir() / "nowhere_sweep.h5").string();
  o.metrics = {"output:2016"};
  CHECK_THROWS_WITH(run_sweep(o), Catch::Contains("programmes \"nowhere\""));
  CHECK(!std::filesystem::exists(o.output + ".journal.0"));
}
