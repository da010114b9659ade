// Risk-compensation pools (finance.hpp): payout arithmetic, and two pools with different
// eligibility, each settling exactly the losses on the loans it covered.
#include <array>
#include <catch2/catch.hpp>

#include "model_helpers.hpp"
#include "programmes/finance.hpp"

using namespace parksim;
using test::mini;
using test::programme_index;

namespace {

// mini.toml's pool, limited to equipment and other, plus a services-only pool with a guarantee
// company sharing the losses; --set tables come after the file's, so `pool` is first.
const std::vector<std::string> kTwoPools = {
    "programmes.pool.sectors=[\"equipment\", \"other\"]",
    "programmes.pool_b.kind=\"risk_pool\"",
    "programmes.pool_b.fund_size=\"500万\"",
    "programmes.pool_b.loss_shares={ pool = \"60%\", guarantee = \"30%\", bank = \"10%\" }",
    "programmes.pool_b.sectors=[\"services\"]",
    "programmes.pool_b.sme_only=true",
    "programmes.pool_b.from=\"2015-01\"",
    "programmes.pool_b.to=\"2017-12\""};

// A live SME of the sector, in the world's first month.
std::size_t sme_of(const model::World& w, const std::string& sector) {
  const auto s = std::size_t(w.sc.sector_index(sector));
  for (std::size_t i = 0; i < w.firms.size(); ++i)
    if (w.firms.alive[i] && w.firms.sector[i] == s && w.is_sme(i)) return i;
  FAIL("no SME in " << sector);
  return 0;
}

}  // namespace

TEST_CASE("each risk pool covers its own sectors' loans and settles only their losses",
          "[programmes][finance]") {
  const auto sc = mini(kTwoPools);
  const std::size_t a = programme_index(sc, "pool"), b = programme_index(sc, "pool_b");
  REQUIRE(a < b);  // the base file's programmes first, --set ones after
  model::World w(sc, {1, 0});
  model::populate(w);
  auto schedule = model::make_schedule();
  w.step = 0;
  schedule.run_step(w);  // programmes active, counters sized
  const std::size_t i = sme_of(w, "equipment"), j = sme_of(w, "services");
  REQUIRE(model::risk_pool::covering(w, i) == int(a));
  REQUIRE(model::risk_pool::covering(w, j) == int(b));
  CHECK(model::risk_pool::coverage(w, int(b)) == Approx(0.9));

  auto& f = w.firms;
  const double covered_a0 = w.programmes[a].covered_debt[i];
  const double covered_b0 = w.programmes[b].covered_debt[j];
  f.debt[i] += 1e6;
  model::risk_pool::on_loan(w, i, int(a), 1e6);
  f.debt[j] += 1e6;
  model::risk_pool::on_loan(w, j, int(b), 1e6);
  const double covered_b = covered_b0 + 1e6;
  CHECK(w.programmes[a].covered_debt[i] == Approx(covered_a0 + 1e6));
  CHECK(w.programmes[b].covered_debt[i] == 0.0);
  CHECK(w.programmes[a].covered_debt[j] == 0.0);
  // The guarantee fee is billed on pool_b's loans only, at its guarantee share.
  CHECK(model::risk_pool::guarantee_fee(w, i) == 0.0);
  CHECK(model::risk_pool::guarantee_fee(w, j) == Approx(0.3 * sc.funds.guarantee_fee * covered_b));

  const double paid_a = w.programmes[a].paid_total, left_a = w.programmes[a].fund_left;
  const double paid_b = w.programmes[b].paid_total, left_b = w.programmes[b].fund_left;
  const double guarantee0 = w.funds.guarantee_paid_this_step;
  // A loss on firm j: pool_b refunds 60% of the covered part; pool pays nothing.
  const double loss_j = 4e5;
  const double covered_loss_j = loss_j * covered_b / f.debt[j];
  model::risk_pool::on_default(w, j, loss_j);
  CHECK(w.programmes[b].paid_total - paid_b == Approx(0.6 * covered_loss_j));
  CHECK(left_b - w.programmes[b].fund_left == Approx(0.6 * covered_loss_j));
  CHECK(w.funds.guarantee_paid_this_step - guarantee0 == Approx(0.3 * covered_loss_j));
  CHECK(w.programmes[a].paid_total == paid_a);
  // A loss on firm i: pool refunds 50%, within what its fund has left.
  w.programmes[a].fund_left = 1000.0;
  model::risk_pool::on_default(w, i, 5e5);
  CHECK(w.programmes[a].paid_total - paid_a == Approx(1000.0));
  CHECK(w.programmes[a].fund_left == 0.0);
  CHECK(left_a > 1000.0);
  CHECK(w.programmes[b].paid_total - paid_b == Approx(0.6 * covered_loss_j));
  // Repayments shrink each pool's covered debt with the firm's debt.
  model::risk_pool::on_repayment(w, j, 0.25);
  CHECK(w.programmes[b].covered_debt[j] == Approx(0.25 * covered_b));
}

TEST_CASE("with two pools both pay, and every refund is booked to the pool that covered the loan",
          "[programmes][finance]") {
  const auto sc = mini(kTwoPools);
  const std::size_t a = programme_index(sc, "pool"), b = programme_index(sc, "pool_b");
  double refunds = 0.0, booked = 0.0;
  test::simulate(sc, [&](const model::World& w) {
    refunds += w.record[model::Scalar::RiskPoolPaid];
    booked += w.record.subsidy[a] + w.record.subsidy[b];
    for (std::size_t p : {a, b})
      REQUIRE(w.programmes[p].paid_total ==
              Approx(sc.programmes[p].fund_size + w.programmes[p].replenished -
                     w.programmes[p].fund_left));
  });
  // Before, every loss went to the first pool in line and a second pool left the other unpaid.
  CHECK(refunds > 0.0);
  CHECK(booked == Approx(refunds));
  // Over four replications: the mini scenario's services SMEs default rarely in three years,
  // so in one replication whether any loss falls under the second pool is luck.
  const auto paid = [&](std::size_t p) {
    double total = 0.0;
    for (std::uint64_t r = 0; r < 4; ++r) {
      double last = 0.0;
      test::simulate(
          sc, [&](const model::World& w) { last = w.programmes[p].paid_total; }, r);
      total += last;
    }
    return total;
  };
  CHECK(paid(a) > 0.0);
  CHECK(paid(b) > 0.0);
}

TEST_CASE("a pool refunds within its yearly cap and, replenished each January, keeps working",
          "[programmes][finance]") {
  // Yearly payout cap (budget_per_year): a refund is cut to what the year has left.
  const auto capped = mini({"programmes.pool.budget_per_year=\"100万\""});
  const std::size_t a = programme_index(capped, "pool");
  model::World w(capped, {1, 0});
  model::populate(w);
  auto schedule = model::make_schedule();
  w.step = 0;
  schedule.run_step(w);
  const std::size_t i = sme_of(w, "equipment");
  w.firms.debt[i] += 1e6;
  model::risk_pool::on_loan(w, i, int(a), 1e6);
  auto& st = w.programmes[a];
  st.paid_this_year = 1e6 - 300.0;
  const double paid0 = st.paid_total, left0 = st.fund_left;
  model::risk_pool::on_default(w, i, 5e5);
  CHECK(st.paid_total - paid0 == Approx(300.0));
  CHECK(left0 - st.fund_left == Approx(300.0));
  model::risk_pool::on_default(w, i, 5e5);  // the year's cap is used: nothing more
  CHECK(st.paid_total - paid0 == Approx(300.0));

  // A small pool that runs dry, with and without a yearly top-up to its size (assumption).
  const auto run = [](const std::vector<std::string>& sets) {
    const auto sc = mini(sets);
    const std::size_t p = programme_index(sc, "pool");
    double paid = 0, replenished = 0, last_year_paid = 0;
    test::simulate(sc, [&](const model::World& w) {
      const auto& s = w.programmes[p];
      REQUIRE(s.fund_left + s.paid_total ==
              Approx(sc.programmes[p].fund_size + s.replenished).epsilon(1e-12));
      REQUIRE(s.fund_left <= sc.programmes[p].fund_size * (1 + 1e-12));
      REQUIRE(s.fund_left >= -1e-6);
      if (w.year() == 2017) last_year_paid += s.paid_this_step;
      paid = s.paid_total;
      replenished = s.replenished;
    });
    return std::array<double, 3>{paid, replenished, last_year_paid};
  };
  const auto dry = run({"programmes.pool.fund_size=\"50万\""});
  const auto kept =
      run({"programmes.pool.fund_size=\"50万\"", "programmes.pool.replenish_per_year=\"50万\""});
  CHECK(dry[1] == 0.0);
  CHECK(kept[1] > 0.0);
  CHECK(kept[0] > dry[0]);
  CHECK(kept[2] > 0.0);  // still refunding in the last year
}

TEST_CASE("banks count on a pool's refund rate only as far as its fund left can pay for it",
          "[programmes][finance]") {
  const auto sc = mini(kTwoPools);
  const std::size_t b = programme_index(sc, "pool_b");
  test::after_first_month(sc, [&](model::World& w) {
    const std::size_t j = sme_of(w, "services");
    auto& st = w.programmes[b];
    const double rate = w.terms[b].rate, guarantee = w.terms[b].guarantee_share;
    std::fill(st.covered_debt.begin(), st.covered_debt.end(), 0.0);
    st.fund_left = 5e6;
    model::risk_pool::on_month(w, b);
    CHECK(model::risk_pool::coverage(w, int(b)) == Approx(rate + guarantee));  // nothing covered
    // Expected refunds on the covered debt: rate x bank_expected_loss x debt, twice the fund left.
    const double debt = 2.0 * st.fund_left / (rate * w.sc.funds.bank_expected_loss);
    st.covered_debt[j] = debt;
    model::risk_pool::on_month(w, b);
    CHECK(st.credible_share == Approx(0.5));
    CHECK(model::risk_pool::coverage(w, int(b)) == Approx(0.5 * rate + guarantee));
    st.fund_left = 0;  // a dry pool promises banks nothing of its own
    model::risk_pool::on_month(w, b);
    CHECK(model::risk_pool::coverage(w, int(b)) == Approx(guarantee));
  });
}
