// Guarantee companies (programmes/finance_agents.cpp, agents/banks.cpp): capital conserved exactly
// (capital + fees - losses), policy cost = losses + fee subsidies, the leverage limit, the per-firm
// cap and the subsidy budget bind, and with common random numbers the company raises loans to
// the firms banks ration, more so with the fee subsidy. Scenario: tests/data/finance_agents.toml.
#include <catch2/catch.hpp>

#include "model_helpers.hpp"
#include "programmes/finance_agents.hpp"

using namespace parksim;
using test::programme_index;
using test::simulate;

namespace {

model::Scenario scenario(const std::vector<std::string>& sets = {}) {
  return model::load_scenario(test::source_path("tests/data/finance_agents.toml"), sets);
}

constexpr const char* kOff = "programmes.guarantor.enabled=false";

// Loans outstanding summed over the months of the run, all zones and sectors (1e8 CNY-months).
double loan_months(const model::Scenario& sc) {
  const std::size_t Z = sc.zones.size(), S = sc.sectors.size();
  double total = 0;
  for (const auto& r : test::records(sc))
    for (std::size_t c = 0; c < Z * S; ++c)
      total += r.cube[std::size_t(model::Series::Loans) * Z * S + c];
  return total;
}

double guaranteed_months(const model::Scenario& sc) {
  double total = 0;
  for (const auto& r : test::records(sc)) total += r[model::Scalar::GuaranteesOutstanding];
  return total;
}

}  // namespace

TEST_CASE("a guarantee company's capital is capital + fees - losses and its cost is exact",
          "[programmes][finance_agents]") {
  const auto sc = scenario();
  const std::size_t p = programme_index(sc, "guarantor");
  const double k = sc.funds.guarantee_max_multiple;
  double booked = 0, losses = 0, subsidies = 0, issued = 0;
  double subsidy_year = 0;
  int year = -1;
  double capital_before = sc.programmes[p].fund_size, outstanding_before = 0;
  // The yearly tally per firm is read before the record phase: December's compaction drops
  // the slots (and tallies) of firms that exited.
  double paid_to_firms = 0;
  const auto tally = [&](const model::World& w) {
    paid_to_firms = 0;
    for (const double x : w.programmes[p].paid_to_firm_this_year) paid_to_firms += x;
  };
  test::around_phase(sc, "record", tally, [&](const model::World& w) {
    const auto& st = w.programmes[p];
    booked += w.record.subsidy[p];
    losses += w.record[model::Scalar::GuaranteePaid];
    if (w.year() != year) subsidy_year = 0, year = w.year();
    subsidies += paid_to_firms - subsidy_year;
    subsidy_year = paid_to_firms;
    REQUIRE(st.fund_left == Approx(sc.programmes[p].fund_size + st.replenished - losses));
    REQUIRE(paid_to_firms <= sc.programmes[p].budget_per_year * (1 + 1e-12));
    const double out = model::guarantee_company::outstanding(w, p);
    // New guarantees of the month fit in the room the month began with.
    const double new_guarantees = st.drawn - issued;
    REQUIRE(new_guarantees <= std::max(0.0, k * capital_before - outstanding_before) + 1.0);
    for (std::size_t i = 0; i < w.firms.size(); ++i)
      REQUIRE(st.covered_debt[i] <= sc.programmes[p].cap + 1.0);
    issued = st.drawn;
    capital_before = st.fund_left;
    outstanding_before = out;
  });
  CHECK(issued > 0.0);
  CHECK(subsidies > 0.0);
  CHECK(booked == Approx(losses + subsidies).epsilon(1e-9));
}

TEST_CASE("a guarantee company stops guaranteeing when its leverage limit binds",
          "[programmes][finance_agents]") {
  // Capital 50万 at 10x: at most about 500万 outstanding (plus fee income), far below demand.
  const auto sc = scenario({"programmes.guarantor.fund_size=\"50万\""});
  const std::size_t p = programme_index(sc, "guarantor");
  // The limit is k x the capital left, which losses lower: "binds" means some month's
  // guarantees reach 90% of that month's limit.
  double most = 0, capital_most = 0, closest = 0;
  simulate(sc, [&](const model::World& w) {
    const double out = model::guarantee_company::outstanding(w, p);
    most = std::max(most, out);
    capital_most = std::max(capital_most, w.programmes[p].fund_left);
    if (w.programmes[p].fund_left > 0)
      closest = std::max(
          closest, out / (sc.funds.guarantee_max_multiple * w.programmes[p].fund_left));
  });
  CHECK(most <= sc.funds.guarantee_max_multiple * capital_most * (1 + 1e-9));
  CHECK(closest >= 0.9);  // it binds: demand is larger
  const double unlimited = guaranteed_months(scenario());
  CHECK(guaranteed_months(sc) < unlimited);
}

TEST_CASE("guarantees raise loans to rationed firms and the fee subsidy raises take-up",
          "[programmes][finance_agents][mechanism]") {
  // Same seed and replication: common random numbers.
  const double off = loan_months(scenario({kOff}));
  const double on = loan_months(scenario());
  CHECK(on > off);
  // A company that takes no loss share guarantees nothing, so nothing changes.
  CHECK(guaranteed_months(scenario({"programmes.guarantor.rate=0"})) == 0.0);
  CHECK(loan_months(scenario({"programmes.guarantor.rate=0"})) == off);
  // The subsidy lowers the firm's cost of the guaranteed credit: more firms take it.
  const double unsubsidised = guaranteed_months(scenario({"programmes.guarantor.fee_subsidy=0"}));
  CHECK(guaranteed_months(scenario()) > unsubsidised);
  // Banks that ration nobody need no guarantee: without their net-worth and debt/asset limits
  // (leverage 50, debt up to 99% of assets) fewer firms ask than with mini's own limits. (Raising
  // the leverage alone lets debt pile up against the debt/asset limit instead.)
  CHECK(guaranteed_months(scenario({"funds.bank_leverage=50", "funds.bank_max_leverage=0.99"})) <
        guaranteed_months(scenario()));
}

TEST_CASE("a guarantee company pays its share of a default from capital",
          "[programmes][finance_agents]") {
  const auto sc = scenario();
  const std::size_t p = programme_index(sc, "guarantor");
  test::after_first_month(sc, [&](model::World& w) {
    std::size_t i = 0;
    while (i < w.firms.size() && !w.firms.alive[i]) ++i;
    REQUIRE(i < w.firms.size());
    auto& st = w.programmes[p];
    w.firms.debt[i] = 2e6;
    st.covered_debt[i] = 1e6;  // half the firm's debt is guaranteed
    const double capital = st.fund_left;
    const double paid = model::guarantee_company::on_default(w, i, 1e6);
    CHECK(paid == Approx(0.8 * 1e6 * 0.5));
    CHECK(st.fund_left == Approx(capital - paid));
    CHECK(st.covered_debt[i] == 0.0);
    // With capital nearly gone the company pays what it has left and no more.
    st.covered_debt[i] = 1e6;
    st.fund_left = 1000.0;
    CHECK(model::guarantee_company::on_default(w, i, 1e6) == Approx(1000.0));
    CHECK(st.fund_left == Approx(0.0));
  });
}

TEST_CASE("a guarantee company above the loss-share ceiling is refused with the allowed range",
          "[programmes][finance_agents]") {
  CHECK_THROWS_WITH(scenario({"programmes.guarantor.rate=\"90%\""}),
                    Catch::Contains("programmes.guarantor.rate") &&
                        Catch::Contains("funds.guarantee_max_share") &&
                        Catch::Contains("0% to 80%"));
}

// ------------------------------------------------------------------ IP-pledge lending (004)

namespace {

double pledged_months(const model::Scenario& sc) {
  double total = 0;
  for (const auto& r : test::records(sc)) total += r[model::Scalar::IpPledgedOutstanding];
  return total;
}

constexpr const char* kIpOff = "programmes.ip_fund.enabled=false";

}  // namespace

TEST_CASE("only firms owning IP borrow on it and only up to its pledge value",
          "[programmes][ip_pledge]") {
  const auto sc = scenario();
  const std::size_t p = programme_index(sc, "ip_fund");
  test::after_first_month(sc, [&](model::World& w) {
    std::size_t i = 0;
    while (i < w.firms.size() && !(w.firms.alive[i] && w.is_sme(i))) ++i;
    REQUIRE(i < w.firms.size());
    auto& f = w.firms;
    f.flags[i] &= std::uint16_t(~model::kHighTech);
    CHECK(model::ip_pledge::open_to(w, i) == -1);
    f.flags[i] |= model::kHighTech;
    REQUIRE(model::ip_pledge::open_to(w, i) == int(p));
    f.rd_spend[i] = 1e5;  // 120万 of R&D a year: R&D capital 800万 at 15%, pledge value 240万
    w.programmes[p].covered_debt[i] = 4e5;
    CHECK(model::ip_pledge::pledge_room(w, int(p), i) == Approx(2.4e6 - 4e5));
    w.programmes[p].covered_debt[i] = 3e6;
    CHECK(model::ip_pledge::pledge_room(w, int(p), i) == 0.0);
    // A fund that shares no loss does not make banks accept IP.
    w.terms[p].rate = 0.0;
    CHECK(model::ip_pledge::open_to(w, i) == -1);
  });
}

TEST_CASE("an IP-pledge fund refunds its share of pledged losses within its money and budget",
          "[programmes][ip_pledge]") {
  const auto sc = scenario();
  const std::size_t p = programme_index(sc, "ip_fund");
  test::after_first_month(sc, [&](model::World& w) {
    auto& st = w.programmes[p];
    const std::size_t i = 0;
    w.firms.debt[i] = 2e6;
    st.covered_debt[i] = 1e6;
    const double paid_before = st.paid_this_year, fund_before = st.fund_left;
    CHECK(model::ip_pledge::on_default(w, i, 1e6) == Approx(0.4 * 1e6 * 0.5));
    CHECK(st.fund_left == Approx(fund_before - 2e5));
    CHECK(st.paid_this_year == Approx(paid_before + 2e5));
    CHECK(st.covered_debt[i] == 0.0);
    // The year's budget (500万) binds: only the room left is refunded.
    st.paid_this_year = 5e6 - 1e4;
    st.covered_debt[i] = 2e6;
    CHECK(model::ip_pledge::on_default(w, i, 1e7) == Approx(1e4));
  });
}

TEST_CASE("an IP-pledge fund's money is conserved and its refunds are its cost",
          "[programmes][ip_pledge]") {
  const auto sc = scenario();
  const std::size_t p = programme_index(sc, "ip_fund");
  double booked = 0, refunds = 0, paid_total = 0;
  simulate(sc, [&](const model::World& w) {
    const auto& st = w.programmes[p];
    booked += w.record.subsidy[p];
    refunds += w.record[model::Scalar::RiskPoolPaid];
    paid_total = st.paid_total;
    REQUIRE(st.fund_left + st.paid_total == Approx(sc.programmes[p].fund_size).epsilon(1e-12));
    REQUIRE(st.paid_this_year <= sc.programmes[p].budget_per_year * (1 + 1e-12));
    REQUIRE(st.fund_left >= -1e-6);
  });
  CHECK(booked == Approx(paid_total).epsilon(1e-12));
  CHECK(booked <= refunds * (1 + 1e-12));  // its refunds are among the pools' refunds
}

TEST_CASE("IP-pledge lending raises loans and with no loss share changes nothing",
          "[programmes][ip_pledge][mechanism]") {
  const double off = loan_months(scenario({kIpOff}));
  CHECK(pledged_months(scenario()) > 0.0);
  CHECK(loan_months(scenario()) > off);
  CHECK(pledged_months(scenario({"programmes.ip_fund.rate=0"})) == 0.0);
  CHECK(loan_months(scenario({"programmes.ip_fund.rate=0"})) == off);
  // A higher loan-to-value lends more on the same IP.
  CHECK(pledged_months(scenario({"funds.ip_pledge_loan_to_value=0.6"})) >
        pledged_months(scenario()));
}
