// The burn-in before the start (model.burn_in_years, sim/model/world/burn_in.cpp): what it changes
// about the first year, what it keeps equal to the base year, and that it is the same for a
// variant that changes only programmes.
#include <tbb/global_control.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>

#include "model_helpers.hpp"

using namespace parksim;
using parksim::test::source_path;

namespace {

model::Scenario lingang(const std::vector<std::string>& sets, bool no_policy = true) {
  std::vector<std::string> overlays;
  if (no_policy) overlays.push_back(source_path("scenarios/overlays/lingang_no_policy.toml"));
  return model::load_scenario(source_path("scenarios/lingang_2015.toml"), sets, overlays);
}

// Exits in the first and the second simulated year, summed over replications.
std::pair<double, double> exits_by_year(const model::Scenario& sc, int replications) {
  double first = 0, second = 0;
  auto schedule = model::make_schedule();
  for (int r = 0; r < replications; ++r) {
    model::World w(sc, {std::uint64_t(sc.info.seed), std::uint64_t(r)});
    model::populate(w);
    for (int t = 0; t < 24; ++t) {
      w.step = t;
      schedule.run_step(w);
      for (double e : w.exits_cell) (t < 12 ? first : second) += e;
    }
  }
  return {first, second};
}

model::World populated(const model::Scenario& sc) {
  model::World w(sc, {std::uint64_t(sc.info.seed), 0});
  model::populate(w);
  return w;
}

}  // namespace

TEST_CASE("a burn-in removes the first year without exits", "[model][burn_in]") {
  // A drawn population has every firm at demand = capacity with months of sales in cash: none
  // exits in year one. After three years of the firm rules, firms in distress are part of the
  // start, and the first year's exits are of the second year's order.
  const auto [drawn_first, drawn_second] = exits_by_year(lingang({}), 2);
  CHECK(drawn_first == 0);
  CHECK(drawn_second > 0);
  const auto [burned_first, burned_second] = exits_by_year(lingang({"model.burn_in_years=3"}), 2);
  CHECK(burned_first > 0);
  CHECK(burned_first >= 0.5 * burned_second);
}

TEST_CASE("after a burn-in the start keeps the base year's output, land and talent",
          "[model][burn_in]") {
  const auto sc = lingang({"model.burn_in_years=3"});
  const auto w = populated(sc);
  const auto& f = w.firms;
  std::vector<double> output(w.cells(), 0.0), land(sc.zones.size(), 0.0);
  for (std::size_t i = 0; i < f.size(); ++i) {
    REQUIRE(f.alive[i]);
    output[w.cell(f.zone[i], f.sector[i])] += 12.0 * f.output[i];
    land[f.zone[i]] += f.land(i) + f.land_pending[i];
    CHECK(f.birth[i] <= sc.info.start - 12 * 3);  // no entry during the burn-in: all are older
  }
  for (std::size_t z = 0; z < sc.zones.size(); ++z) {
    const auto& zone = sc.zones[z];
    for (std::size_t k = 0; k < zone.sectors.size(); ++k) {
      const auto c = w.cell(z, std::size_t(sc.sector_index(zone.sectors[k])));
      CHECK(output[c] == Approx(zone.sector_output[k]).epsilon(1e-9));
    }
    CHECK(land[z] == Approx(zone.land_used).epsilon(1e-9));
    CHECK(w.zones[z].land_used == Approx(zone.land_used).epsilon(1e-12));
    double present[2] = {0, 0};
    for (std::size_t a = 0; a < w.talent.size(); ++a)
      if (w.talent.zone[a] == z) present[w.talent.level[a]] += 1;
    CHECK(present[0] == std::lround(zone.skilled_talent / w.persons(0)));
    CHECK(present[1] == zone.leading_talent);
  }
  // The burn-in left demand and capacity apart: the firms do not all produce what they sell.
  std::size_t apart = 0;
  for (std::size_t i = 0; i < f.size(); ++i)
    apart += std::abs(f.demand[i] - f.output[i]) > 1e-6 * f.output[i];
  CHECK(apart > f.size() / 4);
}

TEST_CASE("a variant that changes only programmes starts from the same burned-in population",
          "[model][burn_in]") {
  const auto base = populated(lingang({"model.burn_in_years=2"}, false));
  const auto variant = populated(lingang({"model.burn_in_years=2"}, true));
  REQUIRE(base.firms.size() == variant.firms.size());
  CHECK(base.firms.id == variant.firms.id);
  CHECK(base.firms.output == variant.firms.output);
  CHECK(base.firms.cash == variant.firms.cash);
  CHECK(base.firms.distress == variant.firms.distress);
  CHECK(base.talent.employer == variant.talent.employer);
}

TEST_CASE("a burn-in is bit-identical at 1 and 2 threads", "[model][burn_in][determinism]") {
  const auto sc = lingang({"model.burn_in_years=2"});
  auto state = [&](int threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::size_t(threads));
    const auto w = populated(sc);
    std::vector<double> v = w.firms.cash;
    v.insert(v.end(), w.firms.log_shifter.begin(), w.firms.log_shifter.end());
    v.insert(v.end(), w.firms.capital.begin(), w.firms.capital.end());
    return v;
  };
  const auto one = state(1), two = state(2);
  REQUIRE(one.size() == two.size());
  CHECK(std::memcmp(one.data(), two.data(), one.size() * sizeof(double)) == 0);
}
