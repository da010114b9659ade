// Talent services (programmes/talent_services.cpp): settlement and schooling priority goes within
// its quota and budget to employees of eligible firms, leading talent first, and the school
// places it brings are booked exactly; craftsman awards pay the year's awards within the budget
// and the candidates. Signs with common random numbers on tests/data/mini.toml.
#include <catch2/catch.hpp>

#include "model_helpers.hpp"
#include "programmes/talent_services.hpp"

using namespace parksim;
using test::mini;
using test::programme_index;
using test::with;

namespace {

std::vector<std::string> settlement(const std::string& units, const std::string& budget) {
  return {"programmes.hukou.kind=\"settlement_priority\"",
          "programmes.hukou.units_per_year=" + units,
          "programmes.hukou.amount=\"2.5万\"",
          "programmes.hukou.budget_per_year=\"" + budget + "\"",
          "programmes.hukou.from=\"2015-01\"",
          "programmes.hukou.to=\"2017-12\"",
          "programmes.hukou.sectors=[\"equipment\"]"};
}

const std::vector<std::string> kCraftsman = {
    "programmes.craft.kind=\"craftsman_award\"", "programmes.craft.units_per_year=20",
    "programmes.craft.amount=\"2万\"",           "programmes.craft.budget_per_year=\"30万\"",
    "programmes.craft.from=\"2015-01\"",         "programmes.craft.to=\"2017-12\"",
    "programmes.craft.sectors=[\"equipment\"]"};

bool at_equipment_firm(const model::World& w, std::size_t a) {
  const int e = w.talent.employer[a];
  return e >= 0 && w.sc.sectors[w.firms.sector[std::size_t(e)]].id == "equipment";
}

// Persons inside the area at the end of the run, and their count per step.
struct Presence {
  double skilled = 0, leading = 0;
  std::vector<double> by_step;
};
Presence presence(const model::Scenario& sc) {
  Presence out;
  test::simulate(sc, [&](const model::World& w) {
    double n = 0;
    out.skilled = out.leading = 0;
    for (std::size_t a = 0; a < w.talent.size(); ++a) {
      if (w.talent.zone[a] == model::kOutside) continue;
      (w.talent.level[a] ? out.leading : out.skilled) += w.persons(w.talent.level[a]);
      n += 1;
    }
    out.by_step.push_back(n);
  });
  return out;
}

// Checks every month of one run and returns the places granted in 2015.
double check_settlement_month_by_month(const model::Scenario& sc) {
  const std::size_t p = programme_index(sc, "hukou");
  const double quota = sc.programmes[p].units_per_year, budget = sc.programmes[p].budget_per_year;
  std::vector<std::uint16_t> before;
  double paid_before = 0, granted_year = 0, granted_2015 = 0, booked = 0;
  test::around_phase(
      sc, "talent",
      [&](const model::World& w) {
        before = w.talent.settled;
        paid_before = w.programmes[p].paid_total;
        if (w.is_january()) granted_year = 0;
      },
      [&](const model::World& w) {
        const auto& t = w.talent;
        double held = 0;
        bool skilled_granted = false;
        for (std::size_t a = 0; a < t.size(); ++a) {
          if (t.settled[a] > 0 && t.zone[a] != model::kOutside) held += w.persons(t.level[a]);
          if (t.settled[a] == 0 || before[a] != 0) continue;
          REQUIRE(at_equipment_firm(w, a));  // only employees of eligible firms get a place
          granted_year += w.persons(t.level[a]);
          skilled_granted = skilled_granted || t.level[a] == 0;
        }
        // Leading talent first: a skilled place this month means no eligible leader waits.
        if (skilled_granted)
          for (std::size_t a = 0; a < t.size(); ++a)
            REQUIRE_FALSE((t.level[a] == 1 && t.zone[a] != model::kOutside && t.settled[a] == 0 &&
                           at_equipment_firm(w, a)));
        REQUIRE(granted_year <= quota + 1e-9);
        REQUIRE(w.programmes[p].paid_this_year <= budget + 1e-6);
        const double paid = w.programmes[p].paid_total - paid_before;
        REQUIRE(paid == Approx(held * 0.3 * 25000.0 / 12.0).epsilon(1e-12).margin(1e-9));
        booked += paid;
        if (w.step < 12) granted_2015 = granted_year;
      });
  CHECK(booked > 0.0);
  return granted_2015;
}

}  // namespace

TEST_CASE("settlement places go within quota and budget to leaders first and schools are booked",
          "[programmes][talent_services]") {
  const double by_quota = check_settlement_month_by_month(mini(settlement("60", "1亿")));
  const double by_budget = check_settlement_month_by_month(mini(settlement("60", "20万")));
  CHECK(by_quota == 60.0);      // the quota binds
  CHECK(by_budget < by_quota);  // 20万 pays the schools of fewer than 60 persons a year
  CHECK(by_budget > 0.0);
}

TEST_CASE("a settlement place keeps talent in the area and draws it",
          "[programmes][talent_services][mechanism]") {
  const auto many = settlement("1000", "1亿");
  const auto on = presence(mini(many));
  const auto off = presence(mini(with(many, {"programmes.hukou.enabled=false"})));
  CHECK(on.skilled > off.skilled);
  CHECK(on.leading >= off.leading);
  // The channel is the place's value: worth nothing, it changes nobody's choice (and still costs
  // the schools).
  const auto worthless = presence(mini(with(many, {"talent.settlement_value=0"})));
  CHECK(worthless.by_step == off.by_step);
}

TEST_CASE("craftsman awards pay the year's awards within budget and candidates",
          "[programmes][talent_services]") {
  const auto sc = mini(kCraftsman);
  const std::size_t p = programme_index(sc, "craft");
  double candidates = 0, paid_before = 0, booked = 0;
  test::around_phase(
      sc, "calendar",
      [&](const model::World& w) {
        candidates = 0;
        for (std::size_t i = 0; i < w.firms.size(); ++i)
          if (w.firms.alive[i] && w.sc.sectors[w.firms.sector[i]].id == "equipment")
            candidates += w.firms.skilled[i] * w.persons(0);
        paid_before = w.programmes[p].paid_total;
      },
      [&](const model::World& w) {
        const double paid = w.programmes[p].paid_total - paid_before;
        // 30万 pays 15 of the 20 awards of 2万 (the budget binds).
        const double expected = w.is_january() ? std::min(15.0, candidates) * 20000.0 : 0.0;
        REQUIRE(paid == Approx(expected).margin(1e-9));
        booked += paid;
        // What each candidate expects: the year's awards shared among the candidates.
        const auto v = model::talent_services::service_values(w);
        double now = 0;
        for (std::size_t i = 0; i < w.firms.size(); ++i)
          if (w.firms.alive[i] && w.sc.sectors[w.firms.sector[i]].id == "equipment")
            now += w.firms.skilled[i] * w.persons(0);
        REQUIRE(now > 0.0);
        for (std::size_t i = 0; i < w.firms.size(); ++i) {
          const bool eligible =
              w.firms.alive[i] && w.sc.sectors[w.firms.sector[i]].id == "equipment";
          const double want = eligible ? std::min(15.0, now) * 20000.0 / now / 12.0 : 0.0;
          REQUIRE(v.craftsman_per_firm[i] == Approx(want).epsilon(1e-12).margin(1e-12));
        }
      });
  CHECK(booked == Approx(3 * 15 * 20000.0));  // one selection each January of 2015-2017
}

TEST_CASE("craftsman awards keep and draw skilled talent",
          "[programmes][talent_services][mechanism]") {
  const auto big =
      with(kCraftsman, {"programmes.craft.units_per_year=400", "programmes.craft.amount=\"5万\"",
                        "programmes.craft.budget_per_year=\"1亿\""});
  const auto on = presence(mini(big));
  const auto off = presence(mini(with(big, {"programmes.craft.enabled=false"})));
  CHECK(on.skilled > off.skilled);
  // No money, no effect.
  const auto nothing = presence(mini(with(big, {"programmes.craft.amount=0"})));
  CHECK(nothing.by_step == off.by_step);
}
