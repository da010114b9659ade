// Talent levers (programmes/talent.cpp, agents/talent.cpp): housing enters newcomers' zone choice
// and the programme pays only for its own units; the leading-talent reward pays employed leaders
// of eligible firms by contribution; the talent pilot acts on foreign and returnee talent only.
// Accounting is checked exactly around the talent phase, signs with common random numbers on
// tests/data/mini.toml.
#include <catch2/catch.hpp>

#include "model_helpers.hpp"
#include "programmes/programme.hpp"
#include "programmes/talent.hpp"

using namespace parksim;
using test::mini;
using test::programme_index;
using test::with;

namespace {

// Runs one replication, calling before(w) just before the talent phase and after(w) just after.
template <class Before, class After>
void around_talent(const model::Scenario& sc, Before&& before, After&& after) {
  test::around_phase(sc, "talent", before, after);
}

const std::vector<std::string> kReward = {
    "programmes.reward.kind=\"leading_talent_reward\"",
    "programmes.reward.rate=\"50%\"",
    "programmes.reward.cap_per_year=\"60万\"",
    "programmes.reward.from=\"2015-01\"",
    "programmes.reward.to=\"2017-12\"",
    "programmes.reward.sectors=[\"equipment\", \"services\"]"};

const std::vector<std::string> kPilot = {
    "programmes.pilot.kind=\"talent_pilot\"", "programmes.pilot.effect=1",
    "programmes.pilot.from=\"2015-01\"", "programmes.pilot.to=\"2017-12\""};

struct Present {
  double renters_north = 0, leading = 0, foreign = 0, all = 0;
};

Present present_at_end(const model::Scenario& sc) {
  Present out;
  test::simulate(sc, [&](const model::World& w) {
    if (w.step != sc.months() - 1) return;
    const auto& t = w.talent;
    for (std::size_t a = 0; a < t.size(); ++a) {
      if (t.zone[a] == model::kOutside) continue;
      out.all += 1;
      out.leading += t.level[a];
      out.foreign += t.foreign[a];
      out.renters_north += t.zone[a] == 0 && t.renter[a];
    }
  });
  return out;
}

}  // namespace

TEST_CASE("talent housing books the discount on its own units in use, not the zone's",
          "[programmes][talent]") {
  for (const char* units : {"200", "0"}) {
    const auto sc = mini({std::string("programmes.housing.units_per_year=") + units});
    const std::size_t p = programme_index(sc, "housing");
    double paid_before = 0, booked = 0, used_total = 0;
    around_talent(
        sc, [&](const model::World& w) { paid_before = w.programmes[p].paid_total; },
        [&](const model::World& w) {
          double expected = 0;
          for (std::size_t z = 0; z < w.zones.size(); ++z) {
            const double own = w.sc.zones[z].talent_housing_units;
            const double beyond = std::max(0.0, w.zones[z].housing_used - own);
            expected +=
                std::min(beyond, model::talent_programmes::programme_units_in_zone(w, p, z)) *
                w.sc.zones[z].market_rent * w.sc.talent.talent_housing_discount;
            used_total += w.zones[z].housing_used;
          }
          const double paid = w.programmes[p].paid_total - paid_before;
          REQUIRE(paid == Approx(expected).epsilon(1e-12).margin(1e-9));
          booked += paid;
        });
    CHECK(used_total > 0.0);  // the zone's own units are in use in both cases
    if (std::string(units) == "0")
      CHECK(booked == 0.0);
    else
      CHECK(booked > 0.0);
  }
}

TEST_CASE("talent housing draws renters to the zone it serves", "[programmes][talent][mechanism]") {
  const std::vector<std::string> many = {"programmes.housing.units_per_year=1500"};
  const auto on = present_at_end(mini(many));
  const auto off = present_at_end(mini(with(many, {"programmes.housing.enabled=false"})));
  CHECK(on.renters_north > off.renters_north);
  // Without the stay/leave channel (no discount for the housed) newcomers still respond: the
  // expected saving enters arrivals and moves.
  const auto sc_on = mini(with(many, {"talent.leaving_rate=0"}));
  const auto sc_off =
      mini(with(many, {"talent.leaving_rate=0", "programmes.housing.enabled=false"}));
  CHECK(present_at_end(sc_on).renters_north > present_at_end(sc_off).renters_north);
}

TEST_CASE("the leading-talent reward pays employed leaders of eligible firms by contribution",
          "[programmes][talent]") {
  const auto sc = mini(kReward);
  const std::size_t p = programme_index(sc, "reward");
  model::talent_programmes::LeadingRewards rewards;
  double paid_before = 0, booked = 0;
  around_talent(
      sc,
      [&](const model::World& w) {
        rewards = model::talent_programmes::leading_rewards(w);
        paid_before = w.programmes[p].paid_total;
        const auto& f = w.firms;
        for (std::size_t i = 0; i < f.size(); ++i) {
          const bool eligible = f.alive[i] && w.sc.sectors[f.sector[i]].id != "other";
          REQUIRE((rewards.programme[i] == int(p)) == eligible);
          if (!eligible) {
            REQUIRE(rewards.per_leader[i] == 0.0);
            continue;
          }
          const auto& t = w.sc.talent;
          const double bill = t.general_wage * f.workers[i] +
                              w.zones[f.zone[i]].skilled_wage * f.skilled[i] * w.persons(0) +
                              t.leading_wage * std::max(1, f.leading[i]);
          const double contribution = f.value_added[i] * t.leading_wage / bill;
          REQUIRE(rewards.per_leader[i] ==
                  Approx(std::min(0.5 * contribution, 600000.0 / 12.0)).epsilon(1e-12));
        }
      },
      [&](const model::World& w) {
        double owed = 0;
        const auto& t = w.talent;
        for (std::size_t a = 0; a < t.size(); ++a)
          if (t.level[a] == 1 && t.zone[a] != model::kOutside && t.employer[a] >= 0)
            owed += rewards.per_leader[std::size_t(t.employer[a])];
        const double paid = w.programmes[p].paid_total - paid_before;
        REQUIRE(paid == Approx(owed).epsilon(1e-12).margin(1e-9));
        booked += paid;
      });
  CHECK(booked > 0.0);
}

TEST_CASE("the leading-talent reward keeps and draws leading talent",
          "[programmes][talent][mechanism]") {
  const auto on = present_at_end(mini(with(kReward, {"talent.reward_sensitivity=3"})));
  const auto off = present_at_end(
      mini(with(kReward, {"talent.reward_sensitivity=3", "programmes.reward.enabled=false"})));
  CHECK(on.leading > off.leading);
}

TEST_CASE("the talent pilot acts on foreign and returnee talent only",
          "[programmes][talent][mechanism]") {
  // Nobody in the targeted group: the pilot changes nothing at all.
  const std::vector<std::string> none = {"talent.foreign_share_skilled=0",
                                         "talent.foreign_share_leading=0"};
  const auto a = present_at_end(mini(with(kPilot, none)));
  const auto b = present_at_end(mini(with(with(kPilot, none), {"programmes.pilot.enabled=false"})));
  CHECK(a.all == b.all);
  CHECK(a.foreign == 0.0);
  // With the group: the first month's domestic arrivals are identical (same random numbers, same
  // chances), foreign arrivals rise.
  auto first_month = [](const model::Scenario& sc) {
    std::pair<double, double> in{0, 0};  // domestic, foreign agents inside after month 1
    around_talent(
        sc, [](const model::World&) {},
        [&](const model::World& w) {
          if (w.step != 0) return;
          for (std::size_t a = 0; a < w.talent.size(); ++a)
            if (w.talent.zone[a] != model::kOutside)
              (w.talent.foreign[a] ? in.second : in.first) += 1;
        });
    return in;
  };
  const std::vector<std::string> group = {"talent.foreign_share_skilled=0.3",
                                          "talent.foreign_entry_barrier=1"};
  const auto on = first_month(mini(with(kPilot, group)));
  const auto off = first_month(mini(with(with(kPilot, group), {"programmes.pilot.enabled=false"})));
  CHECK(on.first == off.first);
  CHECK(on.second > off.second);
  CHECK(
      present_at_end(mini(with(kPilot, group))).foreign >
      present_at_end(mini(with(with(kPilot, group), {"programmes.pilot.enabled=false"}))).foreign);
}

TEST_CASE("a talent pilot's effect is a share of the barrier", "[programmes][talent]") {
  CHECK_THROWS(mini(with(kPilot, {"programmes.pilot.effect=1.5"})));
}
