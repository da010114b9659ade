// Output-per-mu terms (programmes/land_terms.cpp, 003 line 140) and key-project land quotas
// (programmes/land_quotas.cpp, 002 line 162, 004 line 101), on tests/data/mini.toml.
#include <catch2/catch.hpp>

#include <cmath>

#include "model_helpers.hpp"
#include "parksim/model/units.hpp"
#include "programmes/land_quotas.hpp"
#include "programmes/land_terms.hpp"

using namespace parksim;
using test::mini;
using test::with;

namespace {

// Thresholds chosen around mini's firms so that every class is populated (test setting).
const std::vector<std::string> kTerms = {
    "programmes.terms.kind=\"output_per_mu_terms\"", "programmes.terms.class_a_min=\"180万\"",
    "programmes.terms.class_b_min=\"120万\"",       "programmes.terms.class_c_min=\"70万\"",
    "programmes.terms.power_surcharge_c=0.1",        "programmes.terms.power_surcharge_d=0.3",
    "programmes.terms.credit_discount_a=\"0.5%\"",   "programmes.terms.credit_premium_c=\"0.5%\"",
    "programmes.terms.credit_premium_d=\"1%\"",      "programmes.terms.from=\"2016-01\"",
    "programmes.terms.to=\"2017-12\""};

const std::vector<std::string> kQuota = {
    "programmes.quota.kind=\"key_project_land\"", "programmes.quota.land_per_year=\"0.2 km2\"",
    "programmes.quota.min_project=\"1000万\"", "programmes.quota.from=\"2016-01\"",
    "programmes.quota.to=\"2017-12\""};

}  // namespace

TEST_CASE("output-per-mu classes set each firm's power surcharge and loan-rate spread",
          "[land][land_terms]") {
  const auto sc = mini(kTerms);
  const auto& t = sc.programmes[test::programme_index(sc, "terms")];
  int by_class[4] = {0, 0, 0, 0};
  test::around_phase(
      sc, "production", [](const model::World&) {},
      [&](const model::World& w) {
        const auto& f = w.firms;
        for (std::size_t i = 0; i < f.size(); ++i) {
          if (!f.alive[i]) continue;
          const int c = model::land_terms::land_class(w, i);
          const double surcharge = model::land_terms::power_surcharge(w, i);
          const double spread = model::land_terms::credit_spread(w, i);
          if (c < 0) {
            CHECK(surcharge == 0.0);
            CHECK(spread == 0.0);
            continue;
          }
          ++by_class[c];
          const double per_mu = f.output_last_year[i] / (f.land(i) / units::kSquareMetresPerMu);
          CHECK((c == 0) == (per_mu >= t.class_a_min));
          CHECK((c == 3) == (per_mu < t.class_c_min));
          const double per_kwh = c == 2 ? t.power_surcharge_c : c == 3 ? t.power_surcharge_d : 0.0;
          const auto& sec = w.sc.sectors[f.sector[i]];
          CHECK(surcharge == Approx(f.output[i] * sec.energy_cost_share * per_kwh /
                                    w.sc.model.industrial_power_price));
          // The surcharge is an intermediate cost: value added is that much lower.
          CHECK(f.value_added[i] == Approx(f.output[i] * sec.value_added_share - surcharge));
          const double expected_spread = c == 0   ? -t.credit_discount_a
                                         : c == 2 ? t.credit_premium_c
                                         : c == 3 ? t.credit_premium_d
                                                  : 0.0;
          CHECK(spread == expected_spread);
        }
      });
  // Every class was reached, so each CHECK above could fail.
  for (int c = 0; c < 4; ++c) CHECK(by_class[c] > 0);
}

TEST_CASE("output-per-mu terms change nothing before they start and cost the programme nothing",
          "[land][land_terms]") {
  // Common random numbers: terms on and off, same seed.
  const auto on = test::records(mini(kTerms));
  const auto off = test::records(mini(with(kTerms, {"programmes.terms.enabled=false"})));
  const std::size_t differs = test::first_difference(on, off);
  CHECK(differs == 12);  // 2016-01: the first month of the terms
  CHECK(on.back()[model::Scalar::PowerSurcharge] > 0.0);
  CHECK(off.back()[model::Scalar::PowerSurcharge] == 0.0);
  const auto sc = mini(kTerms);
  const std::size_t terms = test::programme_index(sc, "terms");
  for (const auto& r : on) CHECK(r.subsidy[terms] == 0.0);  // the grid and the bank, not the state
}

TEST_CASE("a class C firm that would expand into class B weighs the surcharge it escapes",
          "[land][land_terms]") {
  test::after_first_month(mini(with(kTerms, {"programmes.terms.from=\"2015-01\""})), [](model::World& w) {
    auto& f = w.firms;
    std::size_t i = 0;
    while (!f.alive[i] || f.land(i) <= 0) ++i;
    f.birth[i] = w.month - 60;  // past the grace period
    f.land_pending[i] = 0;
    const double mu = f.land(i) / units::kSquareMetresPerMu;
    f.output_last_year[i] = 100e4 * mu;  // class C (70万..120万 per mu)
    REQUIRE(model::land_terms::land_class(w, i) == 2);
    const double share = model::land_terms::surcharge_share(w, i);
    REQUIRE(share > 0.0);
    const double now = f.output_last_year[i] / 12.0;
    // Staying in C: the added output pays the surcharge.
    CHECK(model::land_terms::expansion_margin_change(w, i, now, 1.1 * now) == Approx(-share));
    // Into B (200万/mu, above 120万): the surcharge on today's output is gained too.
    CHECK(model::land_terms::expansion_margin_change(w, i, now, 2.0 * now) == Approx(share));
  });
}

TEST_CASE("key-project quotas give land only to key projects, within the year's quota",
          "[land][key_project_land]") {
  const auto sc = mini(kQuota);
  const std::size_t quota = test::programme_index(sc, "quota");
  const auto& spec = sc.programmes[quota];
  std::vector<double> added_before, pending_before;
  double granted = 0;
  int year = 0;
  double granted_this_year = 0;
  test::around_phase(
      sc, "land",
      [&](const model::World& w) {
        added_before.clear();
        for (const auto& z : w.zones) added_before.push_back(z.land_added);
        pending_before = w.firms.land_pending;
      },
      [&](const model::World& w) {
        if (w.month / 12 != year) {
          year = w.month / 12;
          granted_this_year = 0;
        }
        for (std::size_t z = 0; z < w.zones.size(); ++z) {
          const double added = w.zones[z].land_added - added_before[z];
          CHECK(added >= 0.0);
          granted += added;
          granted_this_year += added;
          CHECK(w.zones[z].land_used <= w.industrial_area(z) + 1e-6);
          if (added <= 0) continue;
          CHECK((w.month >= spec.from && w.month <= spec.to));
          // Some key project of the zone received a grant this month.
          bool key = false;
          for (std::size_t i = 0; i < pending_before.size(); ++i)
            key |= w.firms.zone[i] == z && w.firms.land_pending[i] > pending_before[i] &&
                   model::key_project_land::is_key_project(w, quota, i);
          CHECK(key);
        }
        CHECK(granted_this_year <= spec.land_per_year + 1e-6);
      });
  CHECK(granted > 0.0);  // the quota was used, so the checks above could fail
}

TEST_CASE("a key-project quota raises land in use and costs nothing (common random numbers)",
          "[land][key_project_land]") {
  const auto on = test::records(mini(kQuota));
  const auto off = test::records(mini(with(kQuota, {"programmes.quota.enabled=false"})));
  CHECK(test::first_difference(on, off) >= 12);  // nothing differs before the quota starts
  CHECK(on.back()[model::Scalar::KeyProjectLand] > 0.0);
  CHECK(off.back()[model::Scalar::KeyProjectLand] == 0.0);
  const auto sc = mini(kQuota);
  const std::size_t quota = test::programme_index(sc, "quota");
  for (const auto& r : on) CHECK(r.subsidy[quota] == 0.0);
  // Land held at the end: more with the quota (the land it added is in use or awaiting approval).
  const auto land = [](const model::StepRecord& r) {
    double sum = 0;
    const std::size_t n = r.cube.size() / model::kSeriesCount;
    for (std::size_t k = 0; k < n; ++k)
      sum += r.cube[std::size_t(model::Series::LandUsed) * n + k];
    return sum;
  };
  CHECK(land(on.back()) > land(off.back()));
}

TEST_CASE("a land reduction buys out the least dense firms of its zones and lends the quota on",
          "[land][land_reduction]") {
  // mini's north zone: 0.1 km2 a year bought out at 300 CNY/m2; a third becomes quota for south.
  const std::vector<std::string> reduce = {
      "programmes.cut.kind=\"land_reduction\"", "programmes.cut.land_per_year=\"0.1 km2\"",
      "programmes.cut.rate=\"33.3%\"",           "programmes.cut.amount=\"300\"",
      "programmes.cut.zones=[\"north\"]",         "programmes.cut.from=\"2016-01\"",
      "programmes.cut.to=\"2017-12\""};
  const auto sc = mini(reduce);
  const std::size_t cut = test::programme_index(sc, "cut");
  const std::size_t north = std::size_t(sc.zone_index("north"));
  int years = 0;
  double quota_granted = 0;
  std::vector<double> added_before;
  test::around_phase(
      sc, "calendar", [&](const model::World& w) { added_before.assign(1, w.zones[north].land_added); },
      [&](const model::World& w) {
        const auto& f = w.firms;
        const double taken = added_before[0] - w.zones[north].land_added;
        if (!(taken > 0)) return;
        ++years;
        CHECK(w.is_january());
        // Every firm bought out is at most as dense as every north firm left (past the grace).
        double densest_out = 0, least_dense_kept = 1e300, out_land = 0;
        for (std::size_t i = 0; i < f.size(); ++i) {
          if (!f.alive[i] || f.zone[i] != north || f.land(i) <= 0) continue;
          const bool young = w.month - f.birth[i] < w.sc.model.output_per_mu_grace_months;
          if (young) {
            CHECK_FALSE(f.land_revoked[i]);  // no full year to judge: never bought out
            continue;
          }
          const double d = f.output_last_year[i] / f.land(i);
          if (f.land_revoked[i]) {
            densest_out = std::max(densest_out, d);
            out_land += f.land(i) + f.land_pending[i];
          } else {
            least_dense_kept = std::min(least_dense_kept, d);
          }
        }
        CHECK(densest_out <= least_dense_kept);
        CHECK(out_land == Approx(taken));
        CHECK(taken >= 0.1e6);  // up to the first firm past the year's area
      });
  CHECK(years == 2);  // 2016 and 2017
  // Common random numbers: the compensation is the programme's cost, land leaves north, and some
  // of the quota is used in south (the only other zone).
  const auto on = test::records(sc);
  const auto off = test::records(mini(with(reduce, {"programmes.cut.enabled=false"})));
  CHECK(test::first_difference(on, off) == 12);
  const double reduced = on.back()[model::Scalar::LandReduced];
  CHECK(reduced >= 0.2e6);
  double paid = 0;
  for (const auto& r : on) paid += r.subsidy[cut];
  CHECK(paid == Approx(300.0 * reduced));
  test::simulate(sc, [&](const model::World& w) {
    quota_granted = w.zones[1 - north].land_added;
    CHECK(quota_granted <= sc.programmes[cut].rate * w.programmes[cut].units + 1e-6);
  });
  CHECK(quota_granted > 0.0);
}
