// Land contracts under a zone's rules (agents/land.cpp, document 003): the starting stock keeps
// its tenure, lease then sell (先租后让) sells or returns a leased parcel at the end of its lease,
// exit clauses take back contract land only (the firm leaves only when it has no other land), and
// the land term sets the refund of land taken back. Accounting is checked exactly on one firm of
// tests/data/mini.toml; the land phase is run alone (no requests, approvals or relocations are
// pending at the start, so it only applies the contract rules).
#include <catch2/catch.hpp>

#include "model_helpers.hpp"
#include "phases.hpp"

using namespace parksim;
using test::mini;
using test::simulate;
using test::with;

namespace {

struct Fixture {
  model::Scenario sc;
  model::World w;
  std::size_t i = 0;  // the first firm of zone north
  explicit Fixture(const std::vector<std::string>& sets)
      : sc(mini(sets)), w(sc, {std::uint64_t(sc.info.seed), 0}) {
    model::populate(w);
    w.month = sc.info.start;  // January: the yearly exit-clause review runs too
    while (w.firms.zone[i] != 0) ++i;
  }
  // Turns m2 of the firm's stock lease into a lease-then-sell contract ending now.
  void lease_contract(double m2) {
    w.firms.contract_leased[i] = m2;
    w.firms.lease_end[i] = w.month;
  }
};

}  // namespace

TEST_CASE("the starting stock keeps its own tenure: lease_share applies to new land only",
          "[land][contracts]") {
  auto leased_share = [](const std::vector<std::string>& sets) {
    Fixture fx(sets);
    double leased = 0, land = 0, contract = 0;
    for (std::size_t k = 0; k < fx.w.firms.size(); ++k) {
      leased += fx.w.firms.land_leased[k];
      land += fx.w.firms.land(k);
      contract += fx.w.firms.contract_land(k);
    }
    CHECK(contract == 0.0);
    return leased / land;
  };
  CHECK(leased_share({"zones.north.lease_share=90%", "zones.south.lease_share=90%"}) ==
        Approx(0.5).epsilon(1e-12));
  CHECK(leased_share({"zones.north.lease_share=10%", "zones.south.lease_share=10%"}) ==
        Approx(0.5).epsilon(1e-12));
  CHECK(leased_share({"zones.north.stock_lease_share=20%", "zones.south.stock_lease_share=20%"}) ==
        Approx(0.2).epsilon(1e-12));
}

TEST_CASE("lease then sell: a firm meeting its terms buys the parcel at the land price",
          "[land][contracts]") {
  Fixture fx({"zones.north.lease_then_sell_years=3", "zones.north.land_term_years=20"});
  auto& f = fx.w.firms;
  const double m2 = 0.5 * f.land_leased[fx.i];
  const double price = m2 * fx.sc.zones[0].land_price;
  f.cash[fx.i] = price + 1.0;
  fx.lease_contract(m2);
  const double owned = f.land_owned[fx.i], leased = f.land_leased[fx.i];
  const double used = fx.w.zones[0].land_used;
  model::phase_land(fx.w);
  CHECK(f.cash[fx.i] == Approx(1.0).margin(1e-6));
  CHECK(f.land_owned[fx.i] == Approx(owned + m2).epsilon(1e-12));
  CHECK(f.land_leased[fx.i] == Approx(leased - m2).epsilon(1e-12));
  CHECK(f.contract_leased[fx.i] == 0.0);
  CHECK(f.contract_owned[fx.i] == Approx(m2).epsilon(1e-12));
  CHECK(f.term_months[fx.i] == 240);
  CHECK(f.term_end[fx.i] == fx.w.month + 240);
  CHECK(fx.w.zones[0].land_used == used);
  CHECK(fx.w.land_revoked == 0.0);
}

TEST_CASE("lease then sell: without the cash the lease runs on, below the terms the land returns",
          "[land][contracts]") {
  SECTION("no cash: nothing is sold yet") {
    Fixture fx({"zones.north.lease_then_sell_years=3"});
    auto& f = fx.w.firms;
    const double m2 = 0.5 * f.land_leased[fx.i];
    f.cash[fx.i] = 0.5 * m2 * fx.sc.zones[0].land_price;
    const double cash = f.cash[fx.i], owned = f.land_owned[fx.i];
    fx.lease_contract(m2);
    model::phase_land(fx.w);
    CHECK(f.cash[fx.i] == cash);
    CHECK(f.land_owned[fx.i] == owned);
    CHECK(f.contract_leased[fx.i] == m2);
  }
  SECTION("below the output-per-mu term: the parcel goes back to the zone, the firm stays") {
    // 100亿 per mu: every firm is below the term.
    Fixture fx({"zones.north.lease_then_sell_years=3", "zones.north.min_output_per_mu=100亿",
                "model.output_per_mu_grace_months=0"});
    auto& f = fx.w.firms;
    const double m2 = 0.5 * f.land_leased[fx.i];
    const double leased = f.land_leased[fx.i], used = fx.w.zones[0].land_used;
    const double floor = f.extra_floor[fx.i] = 1000.0, land = f.land(fx.i);
    fx.lease_contract(m2);
    model::phase_land(fx.w);
    CHECK(f.land_leased[fx.i] == Approx(leased - m2).epsilon(1e-12));
    CHECK(fx.w.zones[0].land_used == Approx(used - m2).epsilon(1e-12));
    CHECK(f.extra_floor[fx.i] == Approx(floor * (land - m2) / land).epsilon(1e-12));
    CHECK(f.contract_leased[fx.i] == 0.0);
    CHECK(fx.w.land_revoked == 1.0);
    CHECK_FALSE(f.land_revoked[fx.i]);  // it keeps producing on its stock land
  }
}

TEST_CASE("exit clauses take back contract land only, refunding its unexpired term",
          "[land][contracts]") {
  const std::vector<std::string> rule = {"zones.north.min_output_per_mu=100亿",
                                         "zones.north.exit_clause_years=1",
                                         "model.output_per_mu_grace_months=0"};
  SECTION("the starting stock is not bound: no firm loses land or leaves") {
    Fixture fx(rule);
    const double used = fx.w.zones[0].land_used;
    model::phase_land(fx.w);
    CHECK(fx.w.zones[0].land_used == used);
    CHECK(fx.w.land_revoked == 0.0);
    for (std::size_t k = 0; k < fx.w.firms.size(); ++k) CHECK_FALSE(fx.w.firms.land_revoked[k]);
  }
  SECTION("bought contract land is taken back and refunded pro rata; the firm keeps its stock") {
    Fixture fx(rule);
    auto& f = fx.w.firms;
    const double m2 = 0.25 * f.land_owned[fx.i];
    f.contract_owned[fx.i] = m2;
    f.term_months[fx.i] = 240;
    f.term_end[fx.i] = fx.w.month + 180;  // three quarters of the term left
    const double cash = f.cash[fx.i], owned = f.land_owned[fx.i];
    const double used = fx.w.zones[0].land_used;
    model::phase_land(fx.w);
    CHECK(f.cash[fx.i] == Approx(cash + 0.75 * m2 * fx.sc.zones[0].land_price).epsilon(1e-12));
    CHECK(f.land_owned[fx.i] == Approx(owned - m2).epsilon(1e-12));
    CHECK(fx.w.zones[0].land_used == Approx(used - m2).epsilon(1e-12));
    CHECK(fx.w.land_revoked == 1.0);
    CHECK_FALSE(f.land_revoked[fx.i]);
  }
  SECTION("a firm whose only land was contract land leaves") {
    Fixture fx(rule);
    auto& f = fx.w.firms;
    f.contract_owned[fx.i] = f.land_owned[fx.i];
    f.contract_leased[fx.i] = f.land_leased[fx.i];
    f.lease_end[fx.i] = fx.w.month + 60;
    f.term_months[fx.i] = f.term_end[fx.i] = 0;  // expired: no refund
    const double cash = f.cash[fx.i];
    model::phase_land(fx.w);
    CHECK(f.land(fx.i) == 0.0);
    CHECK(f.cash[fx.i] == cash);
    CHECK(f.land_revoked[fx.i]);
  }
}

TEST_CASE("a recognised key project buys its land for the key-project term", "[land][contracts]") {
  auto term_after_sale = [](const std::vector<std::string>& sets) {
    Fixture fx(
        with({"zones.north.lease_then_sell_years=3", "zones.north.land_term_years=20"}, sets));
    auto& f = fx.w.firms;
    f.cash[fx.i] = 1e12;
    fx.lease_contract(0.5 * f.land_leased[fx.i]);
    model::phase_land(fx.w);
    return f.term_months[fx.i];
  };
  CHECK(term_after_sale({}) == 240);
  CHECK(term_after_sale({"zones.north.key_project_term_years=50"}) == 240);  // not key: too small
  CHECK(term_after_sale(
            {"zones.north.key_project_term_years=50", "model.key_project_min_output=0"}) == 600);
}

TEST_CASE("zone land stays equal to the land its firms hold under lease-then-sell and exit clauses",
          "[land][contracts]") {
  struct Counts {
    double leased = 0, sold = 0, taken_back = 0;
  };
  // All new land leased first: contract land can only become owned through the sale at lease end
  // (a cheap land price, so that the small firms of mini.toml can pay for a parcel).
  auto run = [](const std::vector<std::string>& sets) {
    const auto sc =
        mini(with({"zones.north.lease_share=100%", "zones.north.lease_then_sell_years=1",
                   "zones.north.approval_months=1", "zones.north.land_price=100"},
                  sets));
    Counts c;
    simulate(sc, [&](const model::World& w) {
      const auto& f = w.firms;
      std::vector<double> held(w.zones.size(), 0.0);
      for (std::size_t k = 0; k < f.size(); ++k) {
        if (!f.alive[k]) continue;
        held[f.zone[k]] += f.land(k) + f.land_pending[k];
        REQUIRE(f.contract_leased[k] <= f.land_leased[k] + 1e-6);
        REQUIRE(f.contract_owned[k] <= f.land_owned[k] + 1e-6);
        c.leased += f.contract_leased[k] > 0 ? 1 : 0;
        c.sold += f.contract_owned[k] > 0 ? 1 : 0;
      }
      for (std::size_t z = 0; z < w.zones.size(); ++z)
        REQUIRE(w.zones[z].land_used == Approx(held[z]).epsilon(1e-9));
      c.taken_back = w.land_revoked;
    });
    return c;
  };
  const auto no_terms = run({});
  CHECK(no_terms.leased > 0);
  CHECK(no_terms.sold > 0);
  CHECK(no_terms.taken_back == 0.0);
  // Terms far above any firm's density: every lease returns or is taken back, nothing is sold.
  const auto terms =
      run({"zones.north.min_output_per_mu=100亿", "zones.north.exit_clause_years=1"});
  CHECK(terms.leased > 0);
  CHECK(terms.sold == 0.0);
  CHECK(terms.taken_back > 0);
}
