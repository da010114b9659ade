// Entry responds to programmes only through the money they pay to firms of a zone-sector
// (programmes/programme.cpp, expected_support; agents/lifecycle.cpp, attractiveness).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "model_helpers.hpp"
#include "parksim/model/records.hpp"
#include "phases.hpp"
#include "programmes/programme.hpp"

using namespace parksim;
using test::mini;
using test::programme_index;
using test::records;
using test::simulate;
using test::with;

namespace {

double entries(const model::Scenario& sc, const model::StepRecord& r, std::size_t z,
               std::size_t s) {
  const std::size_t Z = sc.zones.size(), S = sc.sectors.size();
  return r.cube[(std::size_t(model::Series::Entries) * Z + z) * S + s];
}

}  // namespace

TEST_CASE("a programme that pays nothing leaves every recorded series as if it were off",
          "[model][entry]") {
  // The retrofit programme at rate 0 pays no firm anything, so entrants expect nothing from it.
  const auto on = mini({"programmes.retrofit.rate=0"});
  const auto off = mini({"programmes.retrofit.enabled=false"});
  REQUIRE(on.programmes.size() == off.programmes.size() + 1);
  for (std::uint64_t rep = 0; rep < 2; ++rep) {
    const auto a = records(on, rep);
    const auto b = records(off, rep);
    REQUIRE(a.size() == b.size());
    for (std::size_t t = 0; t < a.size(); ++t) {
      INFO("replication " << rep << ", step " << t);
      CHECK(a[t].cube == b[t].cube);
      CHECK(a[t].zone_talent == b[t].zone_talent);
      CHECK(a[t].zone_land == b[t].zone_land);
      CHECK(a[t].zone_wage == b[t].zone_wage);
      CHECK(a[t].zone_housing == b[t].zone_housing);
      CHECK(a[t].scalars == b[t].scalars);
    }
  }
}

TEST_CASE("a paying programme raises entry in the cells it pays and not elsewhere",
          "[model][entry]") {
  // A reward of 2000万 per first high-tech certification, for north equipment firms only: a large
  // sum per firm of the cell, so the support entrants expect there is decisive. Same seeds (CRN).
  // Elsewhere entry is not raised (it may fall a little: entrants of the paid cell take land and
  // talent).
  const std::vector<std::string> base = {"sectors.equipment.demand_growth=10%"};
  const std::vector<std::string> prog = {
      "programmes.reward.kind=\"high_tech_reward\"", "programmes.reward.amount=\"2000万\"",
      "programmes.reward.from=\"2015-01\"",          "programmes.reward.to=\"2017-12\"",
      "programmes.reward.zones=[\"north\"]",         "programmes.reward.sectors=[\"equipment\"]"};
  const auto on = mini(with(base, prog));
  const auto off = mini(base);
  const std::size_t Z = on.zones.size(), S = on.sectors.size();
  const auto north = std::size_t(on.zone_index("north"));
  const auto equipment = std::size_t(on.sector_index("equipment"));
  double paid = 0, eligible_on = 0, eligible_off = 0, other_on = 0, other_off = 0;
  const std::size_t reward = programme_index(on, "reward");
  for (std::uint64_t rep = 0; rep < 3; ++rep) {
    const auto a = records(on, rep);
    const auto b = records(off, rep);
    for (std::size_t t = 0; t < a.size(); ++t) {
      paid += a[t].subsidy[reward];
      for (std::size_t z = 0; z < Z; ++z)
        for (std::size_t s = 0; s < S; ++s) {
          const bool eligible = z == north && s == equipment;
          (eligible ? eligible_on : other_on) += entries(on, a[t], z, s);
          (eligible ? eligible_off : other_off) += entries(off, b[t], z, s);
        }
    }
  }
  INFO("paid " << paid << ", eligible " << eligible_on << " vs " << eligible_off << ", other "
               << other_on << " vs " << other_off);
  REQUIRE(paid > 0);
  CHECK(eligible_on > 1.2 * eligible_off);
  CHECK(other_on <= 1.05 * other_off + 3.0);
}

TEST_CASE(
    "expected support is what firms of the cell were paid, and nothing once a programme "
    "has ended or its money is gone",
    "[model][entry]") {
  const auto sc = mini();
  model::World w(sc, {std::uint64_t(sc.info.seed), 0});
  model::populate(w);
  const auto north = std::size_t(sc.zone_index("north"));
  const auto south = std::size_t(sc.zone_index("south"));
  const auto equipment = std::size_t(sc.sector_index("equipment"));
  const std::size_t c = w.cell(north, equipment);
  const std::size_t retrofit = programme_index(sc, "retrofit");  // budget 2000万 a year
  const std::size_t line = programme_index(sc, "line");          // fund-based credit line
  const std::size_t housing = programme_index(sc, "housing");    // north only
  w.month = sc.info.start;
  for (const std::size_t p : {retrofit, line, housing}) w.programmes[p].active = true;

  // Nothing paid yet: nothing expected.
  CHECK(model::expected_support(w, retrofit, north, equipment) == 0.0);

  // 120万 paid this month to the cell's firms: a year's smoothed memory holds 1/12 of the yearly
  // rate per firm.
  const double firms = std::max(1.0, w.cluster.firms[c]);
  w.programmes[retrofit].paid_cell_this_step[c] = 1.2e6 * firms;
  model::fold_support_month(w, retrofit);
  CHECK(w.programmes[retrofit].paid_cell_this_step[c] == 0.0);
  CHECK(w.programmes[retrofit].support_per_firm_year[c] == Approx(12 * 1.2e6 / 12));
  CHECK(model::expected_support(w, retrofit, north, equipment) == Approx(1.2e6));
  CHECK(model::expected_support(w, retrofit, south, equipment) == 0.0);  // no firm paid there

  // Within the year's budget room.
  w.programmes[retrofit].paid_this_year = sc.programmes[retrofit].budget_per_year - 5e5;
  CHECK(model::expected_support(w, retrofit, north, equipment) == Approx(5e5));
  // Budget exhausted.
  w.programmes[retrofit].paid_this_year = sc.programmes[retrofit].budget_per_year;
  CHECK(model::expected_support(w, retrofit, north, equipment) == 0.0);
  w.programmes[retrofit].paid_this_year = 0;

  // Only the months the programme still runs: six months left, half a year's support.
  w.month = sc.programmes[retrofit].to - 5;
  CHECK(model::expected_support(w, retrofit, north, equipment) == Approx(0.6e6));
  // Ended (the calendar phase marks it inactive).
  w.month = sc.programmes[retrofit].to + 1;
  w.programmes[retrofit].active = false;
  CHECK(model::expected_support(w, retrofit, north, equipment) == 0.0);
  w.month = sc.info.start;

  // A fund-based programme whose fund is used up.
  w.programmes[line].support_per_firm_year[c] = 1e6;
  CHECK(model::expected_support(w, line, north, equipment) > 0.0);
  w.programmes[line].fund_left = 0;
  CHECK(model::expected_support(w, line, north, equipment) == 0.0);

  // Not open to the cell.
  const std::size_t south_cell = w.cell(south, equipment);
  w.programmes[housing].support_per_firm_year[south_cell] = 1e6;
  CHECK(model::expected_support(w, housing, south, equipment) == 0.0);

  // With no money expected anywhere, the support term of attractiveness is exactly zero: the
  // index equals the one computed with the weight set to zero.
  for (auto& st : w.programmes)
    std::fill(st.support_per_firm_year.begin(), st.support_per_firm_year.end(), 0.0);
  auto zero_weight = mini({"model.attractiveness_support=0"});
  model::World w0(zero_weight, {std::uint64_t(sc.info.seed), 0});
  model::populate(w0);
  CHECK(model::attractiveness(w, north, equipment) == model::attractiveness(w0, north, equipment));
}
