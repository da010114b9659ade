// Investment levers (programmes/projects.cpp, agents/investment.cpp, agents/awards.cpp, leasing in
// agents/banks.cpp and programmes/finance.cpp): caps per project (audit X2), budgets that ration
// claims by rank (X3), industrialisation projects (L6), smart retrofit and demonstration
// application without double support (L7, L3), leasing with a lessor's credit check and a
// plausible choice (L11). Accounting exact, signs with common random numbers on mini.toml.
#include <catch2/catch.hpp>
#include <cmath>

#include "model_helpers.hpp"
#include "phases.hpp"
#include "programmes/finance.hpp"
#include "programmes/projects.hpp"

using namespace parksim;
using test::mini;
using test::programme_index;
using test::simulate;
using test::with;

namespace {

// L6, L3 and L11 with document 000's numbers beside mini's smart retrofit (30%, cap 1000万).
const std::vector<std::string> kInd = {"programmes.ind.kind=\"industrialisation\"",
                                       "programmes.ind.rate=20%", "programmes.ind.cap=\"1亿\"",
                                       "programmes.ind.from=\"2015-01\"",
                                       "programmes.ind.to=\"2017-12\""};
const std::vector<std::string> kDemo = {
    "programmes.demo.kind=\"demo_application\"", "programmes.demo.rate=20%",
    "programmes.demo.cap=\"1000万\"", "programmes.demo.from=\"2015-01\"",
    "programmes.demo.to=\"2017-12\""};
const std::vector<std::string> kLease = {
    "programmes.lease.kind=\"leasing_subsidy\"", "programmes.lease.rate=5%",
    "programmes.lease.cap=\"500万\"", "programmes.lease.from=\"2015-01\"",
    "programmes.lease.to=\"2017-12\""};

// A World after two steps (programmes active) and an alive firm of a strategic emerging sector.
struct Tiny {
  model::Scenario sc;
  model::World w;
  std::size_t firm = 0, other = 0;  // SEI firm, non-SEI firm
  explicit Tiny(model::Scenario scenario)
      : sc(std::move(scenario)), w(sc, {std::uint64_t(sc.info.seed), 0}) {
    model::populate(w);
    auto schedule = model::make_schedule();
    for (int t = 0; t < 2; ++t) {
      w.step = t;
      schedule.run_step(w);
    }
    bool sei = false, non = false;
    for (std::size_t i = 0; i < w.firms.size(); ++i) {
      if (!w.firms.alive[i] || !(w.firms.output[i] > 0)) continue;
      const bool s = sc.sectors[w.firms.sector[i]].strategic_emerging;
      if (s && !sei) firm = i, sei = true;
      if (!s && !non) other = i, non = true;
    }
    REQUIRE((sei && non));
    for (auto& a : w.award_request) std::fill(a.begin(), a.end(), 0.0);
    std::fill(w.firms.expansion_programme.begin(), w.firms.expansion_programme.end(), -1);
  }
};

double cumulative_output(const model::Scenario& sc) {
  double total = 0;
  simulate(sc, [&](const model::World& w) {
    for (std::size_t i = 0; i < w.firms.size(); ++i)
      if (w.firms.alive[i]) total += w.firms.output[i];
  });
  return total;
}

}  // namespace

TEST_CASE("an industrialisation project claims min(rate x installed capital, cap) once",
          "[programmes][investment]") {
  Tiny t(mini(kInd));
  auto& w = t.w;
  const auto p = programme_index(t.sc, "ind");
  const auto i = t.firm;
  const double min = t.sc.model.industrialisation_min_project;
  // Expansions below the project size, and expansions of non-SEI firms, are no L6 projects.
  CHECK(model::projects::industrialisation_project(w, i, 0.99 * min) == -1);
  CHECK(model::projects::industrialisation_project(w, i, min) == int(p));
  CHECK(model::projects::industrialisation_project(w, t.other, 10 * min) == -1);
  CHECK(model::projects::industrialisation_share(w, int(p), 2e8) == Approx(0.20));
  CHECK(model::projects::industrialisation_share(w, int(p), 1e9) == Approx(0.10));  // cap 1亿
  // 6亿 decided, 1亿 from cash; credit then leases finance the rest, the project first.
  model::projects::start_expansion_project(w, i, 6e8, 1e8);
  model::projects::on_capital_installed(w, i, 3e8);
  CHECK(w.firms.expansion_project[i] == Approx(4e8));
  CHECK(w.firms.expansion_gap[i] == Approx(2e8));
  model::projects::on_capital_installed(w, i, 5e8);  // more than the project: the rest is others'
  CHECK(w.firms.expansion_project[i] == Approx(6e8));
  CHECK(w.firms.expansion_gap[i] == 0.0);
  model::projects::claim_industrialisation(w);
  CHECK(w.award_request[p][i] == Approx(1e8));  // min(20% x 6亿, 1亿), one claim
  // A second, unfinanced project of 3亿 with 5000万 from cash claims on what was installed.
  w.award_request[p][i] = 0;
  model::projects::start_expansion_project(w, i, 3e8, 5e7);
  model::projects::claim_industrialisation(w);
  CHECK(w.award_request[p][i] == Approx(0.20 * 5e7));
  // Once paid this year, the firm has no further L6 project until January (yearly rounds).
  w.programmes[p].paid_to_firm_this_year[i] = 1.0;
  CHECK(model::projects::industrialisation_project(w, i, 10 * min) == -1);
}

TEST_CASE("caps hold per project and a budget that runs out rations claims by rank",
          "[programmes][investment][budget]") {
  Tiny t(mini(with(kInd, {"programmes.ind.budget_per_year=\"1亿\""})));
  auto& w = t.w;
  const auto p = programme_index(t.sc, "ind");
  auto& f = w.firms;
  std::vector<std::size_t> three;
  for (std::size_t i = 0; i < f.size() && three.size() < 3; ++i)
    if (f.alive[i]) three.push_back(i);
  REQUIRE(three.size() == 3);
  // The year's budget untouched so far, and no award yet to the second and third firm.
  w.programmes[p].paid_this_year = 0.0;
  w.programmes[p].paid_to_firm_this_year[three[1]] = 0.0;
  w.programmes[p].paid_to_firm_this_year[three[2]] = 0.0;
  // Ranked by productivity: the last slot first, then the first, then the middle one.
  f.productivity[three[0]] = 2.0;
  f.productivity[three[1]] = 1.0;
  f.productivity[three[2]] = 3.0;
  for (const auto i : three) w.award_request[p][i] = 6e7;
  // The first firm already got a full cap this year: a new project is still paid (per project).
  w.programmes[p].paid_to_firm_this_year[three[0]] = 1e8;
  model::phase_awards(w);
  const auto& st = w.programmes[p];
  CHECK(st.paid_this_year == Approx(1e8));                          // the budget, exactly
  CHECK(st.paid_to_firm_this_year[three[2]] == Approx(6e7));        // best ranked: in full
  CHECK(st.paid_to_firm_this_year[three[0]] == Approx(1e8 + 4e7));  // second: the rest, partly
  CHECK(st.paid_to_firm_this_year[three[1]] == 0.0);                // third: rationed out
  // Next month the budget is spent: nothing more is paid this year.
  for (const auto i : three) w.award_request[p][i] = 6e7;
  model::phase_awards(w);
  CHECK(w.programmes[p].paid_this_year == Approx(1e8));
}

TEST_CASE("a claim above the cap is cut to the cap", "[programmes][investment]") {
  Tiny t(mini(kInd));
  auto& w = t.w;
  const auto p = programme_index(t.sc, "ind");
  w.award_request[p][t.firm] = 3e8;
  model::phase_awards(w);
  CHECK(w.programmes[p].paid_to_firm_this_year[t.firm] == Approx(1e8));
}

TEST_CASE("a retrofit's yuan is supported once: L3 pays on local purchases only where it adds",
          "[programmes][investment]") {
  Tiny t(mini(kDemo));
  const auto& w = t.w;
  const auto i = t.firm;
  const int l7 = int(programme_index(t.sc, "retrofit")), l3 = int(programme_index(t.sc, "demo"));
  // Small project: L7 30% on the whole beats L7 on the rest + L3 20% on the local part.
  auto s = model::projects::retrofit_support(w, i, 1000e4, 150e4);
  CHECK(s.retrofit.programme == l7);
  CHECK(s.retrofit.amount == Approx(300e4));
  CHECK_FALSE(s.demonstration.available());
  // Large project: L7's 1000万 cap binds, so L3 on the 1500万 bought locally adds 300万.
  s = model::projects::retrofit_support(w, i, 1e8, 1500e4);
  CHECK(s.retrofit.amount == Approx(1000e4));
  CHECK(s.demonstration.programme == l3);
  CHECK(s.demonstration.amount == Approx(300e4));
  CHECK(s.retrofit.amount + s.demonstration.amount <= 0.3 * (1e8 - 1500e4) + 0.2 * 1500e4);
  // Without L7, L3 pays 20% of the local purchases alone.
  Tiny u(mini(with(kDemo, {"programmes.retrofit.enabled=false"})));
  s = model::projects::retrofit_support(u.w, u.firm, 1000e4, 150e4);
  CHECK_FALSE(s.retrofit.available());
  CHECK(s.demonstration.amount == Approx(30e4));
}

TEST_CASE("the lessor checks credit and the leasing choice is not knife-edge",
          "[programmes][investment][leasing]") {
  Tiny t(mini(kLease));
  auto& w = t.w;
  auto& f = w.firms;
  const auto i = t.firm;
  const double lev = t.sc.model.lessor_max_leverage;
  const double assets =
      f.capital[i] + f.land_owned[i] * t.sc.zones[f.zone[i]].land_price + std::max(f.cash[i], 0.0);
  const double limit = model::leasing::lessor_limit(w, i);
  CHECK(f.debt[i] + limit == Approx(lev * (assets + limit)));
  f.debt[i] = assets * 1.01;  // negative net worth: no lease
  CHECK(model::leasing::lessor_limit(w, i) == 0.0);
  // 5% one-off on a lease against a 6% premium over three years (7% vs 5% a year).
  const double p0 = model::leasing::lease_probability(w, 1e7, 0.0);
  const double p5 = model::leasing::lease_probability(w, 1e7, 0.05 * 1e7);
  CHECK(p0 == Approx(1 / (1 + std::exp(0.06 / (0.5 * 0.15)))));
  CHECK(p5 > p0);
  CHECK(p5 - p0 < 0.2);  // the old scale (0.02 rate points) moved it 0.05 -> 0.38
  // The 500万 cap per contract halves the support per yuan on a 2亿 lease.
  const auto lease = programme_index(t.sc, "lease");
  const auto offer = model::leasing_subsidy::offer(w, t.firm, 2e8);
  CHECK(offer.programme == int(lease));
  CHECK(offer.amount == Approx(500e4));
  // No lessor room: no lease at all.
  double leased = 0;
  simulate(mini(with(kLease, {"model.lessor_max_leverage=0"})), [&](const model::World& v) {
    for (std::size_t k = 0; k < v.firms.size(); ++k) leased += v.firms.lease_debt[k];
  });
  CHECK(leased == 0.0);
}

TEST_CASE("L6 and L11 raise output, and a 5% one-off leasing support moves it less than L6",
          "[programmes][investment][mechanism]") {
  // Same seed and replication: the runs share their random numbers (CRN).
  const auto both = with(kInd, kLease);
  const double base = cumulative_output(mini(both));
  const double no_ind = cumulative_output(mini(with(both, {"programmes.ind.enabled=false"})));
  const double no_lease = cumulative_output(mini(with(both, {"programmes.lease.enabled=false"})));
  CHECK(base > no_ind);
  CHECK(base >= no_lease);
  CHECK(base - no_lease < base - no_ind);
}
