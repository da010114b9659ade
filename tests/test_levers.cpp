// Mechanisms of the land, incubator, patent and innovation-centre levers on the small test
// scenario.
#include <algorithm>
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <set>

#include "model_helpers.hpp"

using namespace parksim;
using test::mini;
using test::programme_index;
using test::simulate;
using test::with;

namespace {

// South is full and its services firms grow fast; nobody relocates, so growth needs floor.
const std::vector<std::string> kCrowdedSouth = {
    "zones.south.area=\"1.55 km2\"", "sectors.services.demand_growth=60%",
    "model.relocation_rate=0", "zones.south.plot_ratio_cap=2.0"};

const std::vector<std::string> kDensify = {
    "programmes.densify.kind=\"plot_ratio_increase\"", "programmes.densify.rate=50%",
    "programmes.densify.from=\"2015-01\"", "programmes.densify.to=\"2017-12\""};

}  // namespace

TEST_CASE(
    "a plot-ratio programme lets firms short of land build up to the cap and waives part of the "
    "premium",
    "[model][mechanism][land]") {
  const auto sc = mini(with(kCrowdedSouth, kDensify));
  const auto p = programme_index(sc, "densify");
  double floor_added = 0;
  simulate(sc, [&](const model::World& w) {
    floor_added = 0;
    for (std::size_t i = 0; i < w.firms.size(); ++i) {
      if (!w.firms.alive[i]) continue;
      const auto& zone = sc.zones[w.firms.zone[i]];
      REQUIRE(w.floor_area(i) <= w.firms.land(i) * zone.plot_ratio_cap * (1 + 1e-9));
      floor_added += w.firms.extra_floor[i];
    }
  });
  CHECK(floor_added > 0);
  const auto none = mini(kCrowdedSouth);
  simulate(none, [&](const model::World& w) {
    for (std::size_t i = 0; i < w.firms.size(); ++i) REQUIRE(w.firms.extra_floor[i] == 0);
  });
  // The waived premium is the programme's cost: half of the premium on every m2 of floor added.
  std::map<std::int64_t, double> floor_of;
  double paid = 0, premium = 0;
  simulate(sc, [&](const model::World& w) {
    paid = w.programmes[p].paid_total;
    for (std::size_t i = 0; i < w.firms.size(); ++i) {
      const auto& zone = sc.zones[w.firms.zone[i]];
      double& before = floor_of[w.firms.id[i]];
      premium += (w.firms.extra_floor[i] - before) * zone.land_price / zone.plot_ratio *
                 sc.model.plot_ratio_premium_share;
      before = w.firms.extra_floor[i];
    }
  });
  CHECK(paid > 0);
  CHECK(paid == Approx(0.5 * premium).epsilon(1e-9));
}

TEST_CASE("an exit clause takes back contract land only: the starting stock is never evicted",
          "[model][mechanism][land]") {
  // North's rule is far above any firm's density; south has no rule. The terms are written into
  // new land contracts (003), so only land granted during the run can be taken back.
  const auto sc =
      mini({"zones.north.min_output_per_mu=\"100亿\"", "zones.north.exit_clause_years=1"});
  int revoked_south = 0, first_month = -1;
  double taken_back = 0;
  simulate(sc, [&](const model::World& w) {
    taken_back = w.land_revoked;
    if (first_month < 0 && w.land_revoked > 0) first_month = w.month;
    for (std::size_t i = 0; i < w.firms.size(); ++i) {
      if (w.firms.zone[i] != 0) revoked_south += w.firms.land_revoked[i] ? 1 : 0;
      if (w.month == 2015 * 12) REQUIRE(!w.firms.land_revoked[i]);
    }
  });
  CHECK(taken_back > 0);
  CHECK(revoked_south == 0);
  CHECK(first_month > 2015 * 12);  // not in the first January: the stock holds no contract land
  // Without the clause no land is taken back.
  const auto none = mini({"zones.north.min_output_per_mu=\"100亿\""});
  simulate(none, [&](const model::World& w) {
    REQUIRE(w.land_revoked == 0.0);
    for (std::size_t i = 0; i < w.firms.size(); ++i) REQUIRE(!w.firms.land_revoked[i]);
  });
}

TEST_CASE("an incubator programme opens incubators, pays their running costs and hosts entrants",
          "[model][mechanism][incubator]") {
  const auto sc = mini({"programmes.inc.kind=\"incubator\"", "programmes.inc.units_per_year=2",
                        "programmes.inc.years=2", "programmes.inc.amount=\"120万\"",
                        "programmes.inc.from=\"2015-03\"", "programmes.inc.to=\"2017-12\"",
                        "programmes.inc.zones=[\"north\"]", "model.entry_rate_per_year=0.5",
                        "model.incubator_places=3"});
  const auto p = programme_index(sc, "inc");
  int incubated_entrants = 0;
  simulate(sc, [&](const model::World& w) {
    const double expected = w.month < 2015 * 12 + 2 ? 0 : (w.month < 2016 * 12 ? 2 : 4);
    REQUIRE(w.zones[0].incubators == expected);  // opened at the start and in January 2016 only
    REQUIRE(w.zones[1].incubators == 0);
    REQUIRE(w.programmes[p].paid_this_step == Approx(120e4 / 12.0 * expected));
    int hosted = 0;
    for (std::size_t i = 0; i < w.firms.size(); ++i) {
      const bool young = (w.month - w.firms.birth[i]) / 12.0 < sc.model.incubation_years;
      if (!w.firms.alive[i] || !(w.firms.flags[i] & model::kIncubated) || !young) continue;
      REQUIRE(w.firms.zone[i] == 0);
      ++hosted;
      if (w.firms.birth[i] == w.month) ++incubated_entrants;
    }
    REQUIRE(hosted <= w.zones[0].incubators * sc.model.incubator_places);
  });
  CHECK(incubated_entrants > 0);
}

TEST_CASE("patents count successful own innovations of above-size firms", "[model][mechanism]") {
  auto patents = [](double per_innovation, const std::string& min_output) {
    const auto sc = mini({"model.patents_per_innovation=" + std::to_string(per_innovation),
                          "model.patent_min_output=\"" + min_output + "\""});
    double total = 0;
    simulate(sc, [&](const model::World& w) { total += w.record[model::Scalar::Patents]; });
    return total;
  };
  const double one = patents(1.0, "2000万");
  CHECK(one > 0);
  CHECK(patents(2.5, "2000万") == Approx(2.5 * one));  // the count does not feed back on behaviour
  CHECK(patents(1.0, "1000亿") == 0);                  // no firm is that large
}

namespace {
// An innovation-centre programme that every consortium of the mini scenario can enter.
std::vector<std::string> centres(const std::string& qualify) {
  return {"programmes.ic.kind=\"innovation_centre\"",
          "programmes.ic.amount=\"2000万\"",
          "programmes.ic.match_rate=0.5",
          "programmes.ic.units_per_year=1",
          "programmes.ic.from=\"2015-03\"",
          "programmes.ic.to=\"2017-12\"",
          "programmes.ic.sectors=[\"equipment\"]",
          "model.centre_formation_rate=20",
          "model.centre_min_members=2",
          "model.centre_max_members=3",
          "model.centre_member_min_output=\"1000万\"",
          "model.centre_review_rd=\"1万\"",
          "model.centre_result_rate=24",
          "model.centre_qualify_probability=" + qualify};
}
}  // namespace

TEST_CASE("an innovation centre is selected, prepares for a year, operates and lifts its members",
          "[model][mechanism][centres]") {
  const auto sc = mini(centres("1"));
  const auto p = programme_index(sc, "ic");
  std::vector<model::Centre> last;
  double paid_in_2015 = 0;
  simulate(sc, [&](const model::World& w) {
    for (const auto& c : w.centres) {
      REQUIRE(c.sector == 0);
      REQUIRE(c.members.size() >= 2);
      REQUIRE(c.members.size() <= 3);
      const bool revoked_now = c.stage == model::CentreStage::Revoked && c.ended == w.month;
      if (revoked_now && w.month - c.operating_since < 36) {
        // Before its three-year review a centre is revoked only when its consortium fell apart.
        int alive = 0;
        for (std::size_t i = 0; i < w.firms.size(); ++i)
          if (w.firms.alive[i] &&
              std::find(c.members.begin(), c.members.end(), w.firms.id[i]) != c.members.end())
            ++alive;
        REQUIRE(alive < sc.model.centre_min_members);
      }
    }
    last = w.centres;
    if (w.year() == 2015) paid_in_2015 = w.programmes[p].paid_total;
  });
  // Applications are accepted all year but at most one is selected a calendar year: one in each of
  // 2015 (from the programme's start, 2015-03), 2016 and 2017, each qualified after exactly 12
  // months.
  REQUIRE(last.size() == 3);
  for (std::size_t k = 0; k < last.size(); ++k) CHECK(last[k].selected / 12 == 2015 + int(k));
  CHECK(last[0].selected >= 2015 * 12 + 2);
  for (const auto& c : last)
    if (c.operating_since >= 0) CHECK(c.operating_since == c.selected + 12);
  CHECK(last[0].operating_since >= 0);
  CHECK(last[0].results > 0);
  CHECK(last[2].stage == model::CentreStage::Preparing);
  // Funding flows from selection: one centre's months of 2015, municipal money plus the district's
  // half as much again.
  const int months_2015 = 2015 * 12 + 12 - last[0].selected;
  CHECK(paid_in_2015 == Approx(2000e4 * 1.5 / 12.0 * months_2015));
  // Members are distinct across centres that were live together.
  std::vector<std::int64_t> all;
  for (const auto& c : last)
    if (c.stage != model::CentreStage::Revoked)
      all.insert(all.end(), c.members.begin(), c.members.end());
  std::sort(all.begin(), all.end());
  CHECK(std::adjacent_find(all.begin(), all.end()) == all.end());
}

TEST_CASE("innovation-centre applications are reviewed as they mature, all year round",
          "[model][mechanism][centres]") {
  // No yearly limit: consortia form at a twelfth of the yearly rate each month and each is
  // reviewed when it forms, so selections fall in many months, not only at a January call.
  auto sets = centres("1");
  sets.push_back("programmes.ic.units_per_year=0");
  sets.push_back("model.centre_formation_rate=3");
  std::vector<model::Centre> last;
  simulate(mini(sets), [&](const model::World& w) { last = w.centres; });
  std::set<int> months_of_year;
  for (const auto& c : last) months_of_year.insert(c.selected % 12);
  REQUIRE(last.size() >= 3);
  CHECK(months_of_year.size() >= 3);
  for (const auto& c : last) CHECK(c.selected >= 2015 * 12 + 2);
}

TEST_CASE("an unqualified centre gets a six-month extension and is then revoked",
          "[model][mechanism][centres]") {
  const auto sc = mini(centres("0"));
  std::vector<model::Centre> last;
  simulate(sc, [&](const model::World& w) { last = w.centres; });
  REQUIRE(!last.empty());
  CHECK(last[0].stage == model::CentreStage::Revoked);
  CHECK(last[0].ended == last[0].selected + 18);
  CHECK(last[0].results == 0);
}

TEST_CASE("common-technology results raise the productivity of the centre's sector",
          "[model][mechanism][centres]") {
  // Same seed with and without the programme: equipment productivity ends higher with centres.
  auto mean_productivity = [](const model::Scenario& sc) {
    double sum = 0, n = 0;
    simulate(sc, [&](const model::World& w) {
      if (w.step != sc.months() - 1) return;
      for (std::size_t i = 0; i < w.firms.size(); ++i)
        if (w.firms.alive[i] && w.firms.sector[i] == 0) {
          sum += w.firms.productivity[i];
          n += 1;
        }
    });
    return sum / n;
  };
  auto sets = centres("1");
  const double with_centres = mean_productivity(mini(sets));
  sets.push_back("programmes.ic.enabled=false");
  const double without = mean_productivity(mini(sets));
  CHECK(with_centres > without * 1.01);
}

TEST_CASE("a brand M&A programme pays acquirers within its cap and yearly budget",
          "[model][mechanism][awards]") {
  const std::vector<std::string> ma = {"model.ma_consideration_rate=100%",
                                       "programmes.ma.kind=\"brand_ma\"",
                                       "programmes.ma.rate=10%",
                                       "programmes.ma.cap=\"50万\"",
                                       "programmes.ma.budget_per_year=\"300万\"",
                                       "programmes.ma.from=\"2015-01\"",
                                       "programmes.ma.to=\"2017-12\""};
  const auto sc = mini(ma);
  const auto p = programme_index(sc, "ma");
  double paid = 0;
  simulate(sc, [&](const model::World& w) {
    const auto& st = w.programmes[p];
    paid = st.paid_total;
    REQUIRE(st.paid_this_year <= 300e4 * (1 + 1e-12));
    for (double got : st.paid_to_firm_this_year) REQUIRE(got <= 50e4 * (1 + 1e-12));
    if (st.paid_this_step > 0) {  // only claimed by a firm that acquired in this step
      bool acquired = false;
      for (std::size_t i = 0; i < w.firms.size(); ++i)
        acquired = acquired || (w.firms.events[i] & model::kEventAcquisition);
      REQUIRE(acquired);
    }
  });
  CHECK(paid > 0);
  // Without the programme no M&A award is paid.
  auto none = ma;
  none.push_back("programmes.ma.enabled=false");
  simulate(mini(none), [&](const model::World& w) {
    for (std::size_t q = 0; q < w.programmes.size(); ++q)
      if (w.terms[q].kind == model::ProgrammeKind::BrandMA)
        REQUIRE(w.programmes[q].paid_total == 0);
  });
}
