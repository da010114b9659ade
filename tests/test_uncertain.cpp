// Parameter uncertainty in a run (run --uncertain): the draws, their per-replication scenarios,
// identity with plain runs at the drawn values, wider intervals, and located errors.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "parksim/engine/error.hpp"
#include "parksim/experiments/space.hpp"
#include "parksim/experiments/uncertain.hpp"
#include "parksim/model/run.hpp"
#include "parksim/model/scenario.hpp"
#include "test_helpers.hpp"

using namespace parksim;
using namespace parksim::experiments;

namespace {

const std::string kMini = test::source_path("tests/data/mini.toml");

// Entry drives the number of firms, which mini's targets measure.
const char* kEntrySpace = R"([[parameter]]
path = "model.entry_rate_per_year"
low = "2%"
high = "30%"

[[parameter]]
path = "model.innovation_rate"
distribution = "log_uniform"
low = 0.4
high = 1.6
)";

// Runs `sc` (each replication its own scenario when `scenarios` is given) and keeps every
// replication's records.
std::vector<model::ReplicationRecords> records_of(const model::Scenario& sc, int replications,
                                                  std::vector<model::Scenario> scenarios = {}) {
  std::vector<model::ReplicationRecords> out(static_cast<std::size_t>(replications));
  model::RunOptions opt;
  opt.replications = replications;
  opt.threads = 1;
  opt.replication_scenarios = std::move(scenarios);
  opt.on_replication = [&](int r, const model::ReplicationRecords& rec) {
    out[std::size_t(r)] = rec;
  };
  model::run_scenario(sc, opt);
  return out;
}

double firms_in(const model::Scenario& sc, const model::ReplicationRecords& rec, int year) {
  model::TargetSpec t;
  t.metric = "firms";
  t.year = year;
  return model::metric_value(sc, rec, t);
}

double width_90(std::vector<double> v) {  // the scorecard's q95 - q05, without interpolation
  std::sort(v.begin(), v.end());
  return v[v.size() - 1 - v.size() / 20] - v[v.size() / 20];
}

}  // namespace

TEST_CASE("uncertain draws lie in their ranges and fill every LHS stratum once", "[uncertain]") {
  const auto space = parse_space(kEntrySpace, "entry.toml");
  const int n = 10;
  const auto d = draw_uncertain(space, n, 3);
  REQUIRE(d.design.points() == std::size_t(n));
  REQUIRE(d.design.dims() == 2u);
  CHECK(d.design.space.parameters[0].unit == "1/year");
  CHECK(d.design.space.parameters[1].unit == "1");
  for (std::size_t j = 0; j < 2; ++j) {
    std::vector<int> strata;
    for (std::size_t r = 0; r < std::size_t(n); ++r) {
      const double v = d.design.value[r][j], u = d.design.unit[r][j];
      CHECK(v >= space.parameters[j].low);
      CHECK(v <= space.parameters[j].high);
      CHECK(v == space.parameters[j].value_at(u));
      strata.push_back(int(std::floor(u * n)));
    }
    std::sort(strata.begin(), strata.end());
    for (int k = 0; k < n; ++k) CHECK(strata[std::size_t(k)] == k);
  }
  // The same seed draws the same values; another seed others.
  CHECK(draw_uncertain(space, n, 3).design.value == d.design.value);
  CHECK(draw_uncertain(space, n, 4).design.value != d.design.value);
  CHECK(uncertainty_label(d) ==
        "stochastic and parameter uncertainty (2 parameters, LHS, 10 draws)");
  CHECK(d.warnings.empty());
  CHECK(draw_uncertain(space, 2, 3).warnings.empty());
  const auto one = parse_space(
      "[[parameter]]\npath = \"model.innovation_rate\"\nlow = 0.5\nhigh = 1\n"
      "[[parameter]]\npath = \"model.imitation_rate\"\nlow = 0.2\nhigh = 1\n"
      "[[parameter]]\npath = \"talent.reward_sensitivity\"\nlow = 0.5\nhigh = 2\n",
      "three.toml");
  CHECK(draw_uncertain(one, 2, 1).warnings.size() == 1);  // 2 draws of 3 parameters
}

TEST_CASE("a replication of an uncertain run equals a plain run with its drawn values set",
          "[uncertain]") {
  const auto space = parse_space(kEntrySpace, "entry.toml");
  const auto draws = draw_uncertain(space, 3, 11);
  const auto base = model::load_scenario(kMini);
  const auto uncertain = records_of(base, 3, uncertain_scenarios(draws, kMini, {}, {}));
  for (std::size_t r : {std::size_t(1), std::size_t(2)}) {
    // The plain run with replication r's values as --set overrides: its replication r has the
    // same random streams, so every recorded number is the same.
    const auto fixed = model::load_scenario(kMini, draws.design.overrides(r));
    const auto plain = records_of(fixed, int(r) + 1);
    REQUIRE(plain[r].steps.size() == uncertain[r].steps.size());
    for (std::size_t t = 0; t < plain[r].steps.size(); ++t) {
      CHECK(plain[r].steps[t].cube == uncertain[r].steps[t].cube);
      CHECK(plain[r].steps[t].scalars == uncertain[r].steps[t].scalars);
    }
  }
  // Replications with other draws differ from that plain run (the identity is not vacuous).
  const auto fixed1 = model::load_scenario(kMini, draws.design.overrides(1));
  const auto plain1 = records_of(fixed1, 1);
  CHECK(firms_in(base, plain1[0], 2017) != firms_in(base, uncertain[0], 2017));
}

TEST_CASE("parameter uncertainty in entry widens the interval of the number of firms",
          "[uncertain]") {
  const auto space = parse_space(kEntrySpace, "entry.toml");
  const int n = 20;
  const auto base = model::load_scenario(kMini);
  const auto plain = records_of(base, n);
  const auto draws = draw_uncertain(space, n, 5);
  const auto uncertain = records_of(base, n, uncertain_scenarios(draws, kMini, {}, {}));
  std::vector<double> a, b;
  for (int r = 0; r < n; ++r) {
    a.push_back(firms_in(base, plain[std::size_t(r)], 2017));
    b.push_back(firms_in(base, uncertain[std::size_t(r)], 2017));
  }
  INFO("stochastic-only 90% width " << width_90(a) << ", with parameters " << width_90(b));
  CHECK(width_90(b) > 1.5 * width_90(a));
}

TEST_CASE("the scorecard of a run says what its intervals include", "[uncertain]") {
  const auto base = model::load_scenario(kMini);
  model::RunOptions opt;
  opt.replications = 2;
  opt.threads = 1;
  CHECK(model::run_scenario(base, opt).uncertainty == "stochastic only");
  const auto draws = draw_uncertain(parse_space(kEntrySpace, "entry.toml"), 2, 1);
  opt.replication_scenarios = uncertain_scenarios(draws, kMini, {}, {});
  opt.uncertainty = uncertainty_label(draws);
  CHECK(model::run_scenario(base, opt).uncertainty == uncertainty_label(draws));
  // Checkpoints hold no per-replication parameters.
  opt.checkpoint_at = base.info.start + 6;
  opt.checkpoint_path = (test::scratch_dir() / "uncertain.ckpt").string();
  CHECK_THROWS_WITH(model::run_scenario(base, opt), Catch::Contains("checkpoint"));
  opt.checkpoint_at = -1;
  opt.replications = 3;  // one scenario short
  CHECK_THROWS_WITH(model::run_scenario(base, opt), Catch::Contains("2 per-replication"));
}

TEST_CASE("an uncertain space's problems are all reported at their file, line and key",
          "[uncertain]") {
  const auto space = parse_space(R"([[parameter]]
path = "programmes.grant.rate"
low = "10%"
high = "50%"

[[parameter]]
path = "model.demand_elasticity"
low = 3
high = 30

[[parameter]]
path = "talent.reward_sensitivity"
low = 0.5
high = 2

[[parameter]]
path = "model.innovation_rate"
distribution = "levels"
levels = [0.5, 200]
)",
                                 "bad_space.toml");
  try {
    draw_uncertain(space, 1, 1, {"talent.reward_sensitivity=1.5"});
    FAIL("no error");
  } catch (const InputError& e) {
    const auto& p = e.problems();
    REQUIRE(p.size() == 5);
    CHECK(p[0].file == "bad_space.toml");
    CHECK(p[0].line == 2);
    CHECK(p[0].key == "parameter[0].path");
    CHECK_THAT(p[0].message, Catch::Contains("not a behavioural parameter"));
    CHECK(p[1].line == 9);
    CHECK(p[1].key == "parameter[1].high");
    CHECK_THAT(p[1].message, Catch::Contains("1.5..20"));
    CHECK(p[2].line == 12);
    CHECK(p[2].key == "parameter[2].path");
    CHECK_THAT(p[2].message, Catch::Contains("--set talent.reward_sensitivity=1.5"));
    CHECK(p[3].line == 19);
    CHECK(p[3].key == "parameter[3].levels");
    CHECK_THAT(p[3].message, Catch::Contains("200"));
    CHECK(p[4].key == "-R");
    CHECK_THAT(p[4].message, Catch::Contains("at least 2"));
  }
  const auto free = parse_space(
      "scenario_keys = false\n[[parameter]]\npath = \"x\"\nlow = 0\nhigh = 1\n", "free.toml");
  CHECK_THROWS_WITH(draw_uncertain(free, 4, 1), Catch::Contains("scenario_keys = false"));
}

TEST_CASE("the shipped behaviour space draws behavioural keys within their allowed ranges",
          "[uncertain]") {
  const auto space = load_space(test::source_path("scenarios/spaces/behaviour.toml"));
  REQUIRE(space.parameters.size() == 8u);
  const auto draws = draw_uncertain(space, 16, 20151014);  // throws on any problem
  CHECK(draws.warnings.empty());
  // Every draw makes a valid Lingang scenario.
  const auto scenarios =
      uncertain_scenarios(draws, test::source_path("scenarios/lingang_2015.toml"), {}, {});
  CHECK(scenarios.size() == 16u);
}
