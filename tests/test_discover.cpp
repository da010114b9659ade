// Scenario discovery: the --where condition, PRIM on functions with known boxes, and discover on a
// design with outputs computed elsewhere and on a real sweep with replications.
#include <fmt/format.h>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "parksim/engine/error.hpp"
#include "parksim/engine/h5_reader.hpp"
#include "parksim/experiments/design.hpp"
#include "parksim/experiments/discover.hpp"
#include "parksim/experiments/space.hpp"
#include "parksim/experiments/sweep.hpp"
#include "test_helpers.hpp"

using namespace parksim;
using namespace parksim::experiments;

namespace {

std::vector<std::vector<double>> uniform_points(std::size_t n, std::size_t d, std::uint32_t seed) {
  boost::random::mt19937 rng(seed);
  boost::random::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<std::vector<double>> x(n, std::vector<double>(d));
  for (auto& row : x)
    for (auto& v : row) v = u(rng);
  return x;
}

// y flipped at a share `noise` of the points (every k-th point, deterministic).
std::vector<std::uint8_t> labels(const std::vector<std::vector<double>>& x,
                                 bool (*inside)(const std::vector<double>&), double noise) {
  std::vector<std::uint8_t> y;
  const std::size_t every = noise > 0 ? std::size_t(std::lround(1.0 / noise)) : 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    bool v = inside(x[i]);
    if (every && i % every == 0) v = !v;
    y.push_back(v);
  }
  return y;
}

const PrimBox& chosen(const PrimSearch& s) { return s.trajectory[s.chosen]; }

}  // namespace

TEST_CASE("a --where condition joins comparisons with and / or and names where it goes wrong",
          "[discover]") {
  const Condition c("output:2025 >= 1600 and (policy_cost:2025 <= 200 or firms:2025:lingang > 5)");
  REQUIRE(c.names() == std::vector<std::string>{"output:2025", "policy_cost:2025",
                                                "firms:2025:lingang"});
  CHECK(c.holds({1600, 200, 0}));
  CHECK(c.holds({1700, 900, 6}));
  CHECK_FALSE(c.holds({1599, 100, 6}));
  CHECK_FALSE(c.holds({1700, 201, 5}));
  CHECK_FALSE(c.holds({std::nan(""), 100, 6}));  // a NaN output meets no condition
  CHECK(Condition("a < 1 or b == 2 and c != 3").holds({5, 2, 4}));  // and binds tighter
  CHECK_FALSE(Condition("a < 1 or b == 2 and c != 3").holds({5, 2, 3}));
  CHECK_THROWS_WITH(Condition("output:2025 => 1600"), Catch::Contains("column 13") &&
                                                          Catch::Contains(">=, <=, >, <"));
  CHECK_THROWS_WITH(Condition("output:2025 >= 16亿"), Catch::Contains("no unit suffix"));
  CHECK_THROWS_WITH(Condition("output:2025 >= 1 and"), Catch::Contains("output name"));
  CHECK_THROWS_WITH(Condition("(a > 1"), Catch::Contains("\")\""));
  CHECK_THROWS_WITH(Condition("a > 1 b > 2"), Catch::Contains("column 7"));
}

static bool upper_tail(const std::vector<double>& x) { return x[0] > 0.7; }
static bool two_sided(const std::vector<double>& x) {
  return x[0] >= 0.2 && x[0] <= 0.6 && x[1] > 0.5;
}

TEST_CASE("PRIM finds a one-parameter box and leaves the others free", "[discover][prim]") {
  const auto x = uniform_points(2000, 3, 7);
  const auto y = labels(x, upper_tail, 0.0);
  PrimOptions o;
  o.min_density = 0.95;
  const auto s = prim(x, y, o);
  REQUIRE(s.size() == 1);
  const auto& b = chosen(s[0]);
  CHECK(s[0].reached_density);
  CHECK(b.restricted() == 1);
  CHECK(b.restricted_lower[0]);
  CHECK_FALSE(b.restricted_upper[0]);
  CHECK(b.lower[0] == Approx(0.7).margin(0.03));
  CHECK(b.density >= 0.95);
  CHECK(b.coverage >= 0.9);
  CHECK(b.quasi_p_lower[0] < 1e-6);
  // The trajectory trades coverage for density: coverage never rises while peeling.
  for (std::size_t i = 1; i < s[0].trajectory.size(); ++i)
    if (s[0].trajectory[i].n < s[0].trajectory[i - 1].n)
      CHECK(s[0].trajectory[i].coverage <= s[0].trajectory[i - 1].coverage);
}

TEST_CASE("PRIM recovers a two-parameter box under 5% label noise", "[discover][prim]") {
  const auto x = uniform_points(4000, 4, 11);
  const auto y = labels(x, two_sided, 0.05);
  PrimOptions o;
  o.min_density = 0.85;
  for (auto objective : {PrimObjective::Lenient1, PrimObjective::Original}) {
    o.objective = objective;
    const auto s = prim(x, y, o);
    const auto& b = chosen(s[0]);
    INFO("objective " << int(objective));
    CHECK(s[0].reached_density);
    CHECK(b.lower[0] == Approx(0.2).margin(0.06));
    CHECK(b.upper[0] == Approx(0.6).margin(0.06));
    CHECK(b.lower[1] == Approx(0.5).margin(0.06));
    CHECK_FALSE(b.restricted_upper[1]);
    CHECK(b.coverage >= 0.75);
    for (double p : {b.quasi_p_lower[0], b.quasi_p_upper[0], b.quasi_p_lower[1]}) CHECK(p < 1e-3);
    // Parameters 2 and 3 do not matter: any limit PRIM puts on them is not significant.
    for (std::size_t j : {2u, 3u}) {
      if (b.restricted_lower[j]) CHECK(b.quasi_p_lower[j] > 0.01);
      if (b.restricted_upper[j]) CHECK(b.quasi_p_upper[j] > 0.01);
    }
  }
}

TEST_CASE("PRIM covers two separate boxes one after the other", "[discover][prim]") {
  const auto x = uniform_points(4000, 2, 5);
  const auto y = labels(x, [](const std::vector<double>& v) { return v[0] > 0.75 || v[1] > 0.85; },
                        0.0);
  PrimOptions o;
  o.boxes = 2;
  o.min_density = 0.95;
  const auto s = prim(x, y, o);
  REQUIRE(s.size() == 2);
  const auto &b1 = chosen(s[0]), &b2 = chosen(s[1]);
  // The larger box first; the second search starts from the points the first left.
  CHECK(b1.lower[0] == Approx(0.75).margin(0.03));
  CHECK_FALSE(b1.restricted_lower[1]);
  CHECK(b2.lower[1] == Approx(0.85).margin(0.03));
  CHECK(s[1].points == s[0].points - b1.n);
  CHECK(s[1].hits == s[0].hits - b1.k);
}

TEST_CASE("PRIM refuses options outside their ranges and says which", "[discover][prim]") {
  const auto x = uniform_points(50, 2, 1);
  const std::vector<std::uint8_t> y(50, 1);
  PrimOptions o;
  o.peel_alpha = 0.6;
  CHECK_THROWS_WITH(prim(x, y, o), Catch::Contains("peel_alpha") && Catch::Contains("0.5"));
  o = {};
  o.min_density = 0;
  CHECK_THROWS_WITH(prim(x, y, o), Catch::Contains("min_density"));
  // Everywhere true: the whole space is the box.
  const auto s = prim(x, y, PrimOptions{});
  CHECK(chosen(s[0]).restricted() == 0);
  CHECK(chosen(s[0]).density == 1.0);
}

TEST_CASE("discover on a design with outputs from a CSV finds the box in the space's values",
          "[discover]") {
  const auto space = parse_space(R"(scenario_keys = false
[[parameter]]
path = "rate"
low = 0.1
high = 0.5
[[parameter]]
path = "area"
low = 1
high = 9
)",
                                 "space.toml");
  const auto d = make_design(space, Method::Lhs, 1000, 3);
  const auto design = (test::scratch_dir() / "discover_design.h5").string();
  write_design(d, design);
  std::string csv = "reach,cost\n";
  for (std::size_t p = 0; p < d.points(); ++p) {
    const double rate = d.value[p][0], area = d.value[p][1];
    csv += fmt::format("{},{}\n", rate > 0.3 ? 1.0 : 0.0, p == 7 ? "nan" : fmt::format("{}", area));
  }
  DiscoverOptions o;
  o.input = design;
  o.outputs_csv = test::write_file("discover_outputs.csv", csv);
  o.where = "reach >= 1 and cost < 100";
  o.prim.min_density = 0.95;
  const auto r = discover(o);
  CHECK(r.used_points.size() == d.points() - 1);  // the NaN row is left out
  CHECK_FALSE(r.used[7]);
  const auto& b = chosen(r.searches[0]);
  CHECK(b.lower[0] == Approx(0.3).margin(0.02));
  CHECK_FALSE(b.restricted_lower[1]);
  CHECK_FALSE(b.restricted_upper[1]);
  o.where = "reach >= 1 and missing > 0";
  CHECK_THROWS_WITH(discover(o), Catch::Contains("missing") && Catch::Contains("reach, cost"));
  o.where = "reach >= 1";
  o.probability = 1.5;
  CHECK_THROWS_WITH(discover(o), Catch::Contains("--probability"));
}

TEST_CASE("discover on a sweep counts a point where the condition holds in P of its replications",
          "[discover][sweep]") {
  const auto dir = test::scratch_dir() / "discover_sweep";
  std::filesystem::create_directories(dir);
  const auto space = load_space(test::write_file(
      "discover_space.toml",
      "[[parameter]]\npath = \"model.innovation_rate\"\nlow = 0.5\nhigh = 1.5\n"));
  const auto design_path = (dir / "design.h5").string();
  write_design(make_design(space, Method::Lhs, 6, 2), design_path);
  SweepOptions so;
  so.scenario = test::source_path("tests/data/mini.toml");
  so.design = design_path;
  so.output = (dir / "sweep.h5").string();
  so.replications = 4;
  so.metrics = {"output:2016", "firms:2016"};
  so.threads = 2;
  run_sweep(so);
  engine::h5::Reader f(so.output);
  const auto values = f.doubles("values").data;
  // A threshold between the runs' outputs, so that points differ in how often they reach it.
  std::vector<double> output;
  for (std::size_t run = 0; run < 24; ++run) output.push_back(values[run * 2]);
  auto sorted = output;
  std::sort(sorted.begin(), sorted.end());
  const double threshold = sorted[12];
  DiscoverOptions o;
  o.input = so.output;
  o.where = fmt::format("output:2016 >= {:.17g}", threshold);
  o.probability = 0.75;
  const auto r = discover(o);
  REQUIRE(r.replications == 4);
  for (std::size_t p = 0; p < 6; ++p) {
    int held = 0;
    for (std::size_t k = 0; k < 4; ++k) held += output[p * 4 + k] >= threshold;
    CHECK(r.probability[p] == held / 4.0);
    CHECK(r.y[p] == (held >= 3));
  }
}
