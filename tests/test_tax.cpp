// Corporate income tax (agents/tax.cpp) and the national tax incentives
// (programmes/tax_incentives.cpp): the arithmetic of provisional payments, settlement and loss
// vintages, and the incentives' effect on R&D with common random numbers.
#include <catch2/catch.hpp>

#include "agents/tax.hpp"
#include "model_helpers.hpp"

using namespace parksim;
using Approx = Catch::Detail::Approx;
using test::mini;
using test::with;

namespace {

model::Firms one_firm() {
  model::Firms f;
  f.resize(1);
  return f;
}

// mini.toml with the national incentives: 15% for certified firms, 100% super-deduction.
const std::vector<std::string> kIncentives = {
    "programmes.tax.kind=\"tax_incentives\"", "programmes.tax.rate=\"15%\"",
    "programmes.tax.super_deduction=\"100%\"", "programmes.tax.from=\"2015-01\"",
    "programmes.tax.to=\"2017-12\""};

}  // namespace

TEST_CASE("provisional tax is due on the year's income so far, less losses and payments",
          "[tax]") {
  CHECK(model::tax::provisional_payment(0.25, 400.0, 0.0, 0.0) == Approx(100.0));
  CHECK(model::tax::provisional_payment(0.25, 400.0, 100.0, 50.0) == Approx(25.0));
  // Overpaid so far, or a loss so far: nothing now (refunds wait for December).
  CHECK(model::tax::provisional_payment(0.25, 400.0, 0.0, 150.0) == 0.0);
  CHECK(model::tax::provisional_payment(0.25, -100.0, 0.0, 0.0) == 0.0);
}

TEST_CASE("the settlement taxes the year net of losses, oldest vintage first, and refunds",
          "[tax]") {
  auto f = one_firm();
  f.tax_loss[0][0] = 30.0;  // last year's loss
  f.tax_loss[4][0] = 50.0;  // five years ago: usable this year for the last time
  f.profit_ytd[0] = 200.0;
  f.rd_deduction_ytd[0] = 40.0;  // taxable 160
  f.tax_paid_ytd[0] = 50.0;
  const auto s = model::tax::settle(f, 0, 0.15, 0.25, 5);
  CHECK(s.losses_used == Approx(80.0));
  CHECK(s.tax_due == Approx(0.15 * 80.0));
  CHECK(s.payment == Approx(0.15 * 80.0 - 50.0));  // a refund
  // Without incentives: 25% of (200 - 80).
  CHECK(s.forgone == Approx(0.25 * 120.0 - 0.15 * 80.0));
  CHECK(model::tax::losses_available(f, 0, 5) == 0.0);
  CHECK(f.taxable_last_year[0] == Approx(160.0));
  CHECK(f.profit_ytd[0] == 0.0);
  CHECK(f.tax_paid_ytd[0] == 0.0);
}

TEST_CASE("a loss is carried forward five years and then expires", "[tax]") {
  auto f = one_firm();
  f.profit_ytd[0] = -100.0;  // year 0: a loss
  model::tax::settle(f, 0, 0.25, 0.25, 5);
  CHECK(f.tax_loss[0][0] == Approx(100.0));
  // Years 1-5: small profits of 10 use 10 a year; the loss stays usable until year 5.
  for (int year = 1; year <= 5; ++year) {
    f.profit_ytd[0] = 10.0;
    const auto s = model::tax::settle(f, 0, 0.25, 0.25, 5);
    CHECK(s.losses_used == Approx(10.0));
    CHECK(s.tax_due == 0.0);
  }
  // 50 left after year 5 expired: year 6 pays full tax.
  CHECK(model::tax::losses_available(f, 0, 5) == 0.0);
  f.profit_ytd[0] = 10.0;
  const auto s = model::tax::settle(f, 0, 0.25, 0.25, 5);
  CHECK(s.losses_used == 0.0);
  CHECK(s.tax_due == Approx(2.5));
  // Vintage ageing by itself: what is left of the oldest usable vintage expires.
  auto g = one_firm();
  g.tax_loss[2][0] = 7.0;
  CHECK(model::tax::age_losses(g, 0, 3, 4.0) == Approx(7.0));
  CHECK(g.tax_loss[0][0] == Approx(4.0));
  CHECK(model::tax::losses_available(g, 0, 3) == Approx(4.0));
}

TEST_CASE("firms pay income tax from their accounts, and the settlement squares the year",
          "[tax]") {
  // Over each calendar year, provisional payments plus the December settlement equal the rate
  // times the year's taxable income net of loss offsets, firm by firm (no incentives: 25%).
  const auto sc = mini();
  std::vector<double> paid, losses_before;
  std::vector<std::int64_t> ids;
  int settled = 0, positive = 0;
  test::around_phase(
      sc, "tax",
      [&](const model::World& w) {
        if (!w.is_december()) return;
        const auto& f = w.firms;
        losses_before.assign(f.size(), 0.0);
        for (std::size_t i = 0; i < f.size(); ++i)
          losses_before[i] = model::tax::losses_available(f, i, 5);
        paid = f.tax_paid_ytd;
        ids = f.id;
        // The year's taxable income, kept before the settlement restarts it.
        losses_before.resize(2 * f.size());
        for (std::size_t i = 0; i < f.size(); ++i)
          losses_before[f.size() + i] = f.profit_ytd[i] - f.rd_deduction_ytd[i];
      },
      [&](const model::World& w) {
        if (!w.is_december()) return;
        const auto& f = w.firms;
        const std::size_t n = ids.size();
        for (std::size_t i = 0; i < n; ++i) {
          if (!f.alive[i] || f.id[i] != ids[i]) continue;
          const double taxable = losses_before[n + i];
          const double due = 0.25 * std::max(0.0, taxable - losses_before[i]);
          CHECK(paid[i] + f.tax_month[i] == Approx(due).margin(1e-6));
          ++settled;
          positive += due > 0;
        }
      });
  CHECK(settled > 0);
  CHECK(positive > 0);
}

TEST_CASE("the tax incentives raise R&D and cost the tax they forgo (CRN)", "[tax][mechanism]") {
  const auto on_sc = mini(kIncentives);
  const auto off_sc = mini(with(kIncentives, {"programmes.tax.enabled=false"}));
  const std::size_t tax = test::programme_index(on_sc, "tax");
  double rd_on = 0, rd_off = 0, tax_on = 0, tax_off = 0, forgone = 0;
  for (std::uint64_t rep = 0; rep < 3; ++rep) {
    const auto on = test::records(on_sc, rep);
    const auto off = test::records(off_sc, rep);
    for (std::size_t t = 12; t < on.size(); ++t) {  // after a year of accounts
      const auto sum = [](const model::StepRecord& r, model::Series s) {
        const std::size_t C = r.cube.size() / model::kSeriesCount;
        double v = 0;
        for (std::size_t c = 0; c < C; ++c) v += r.cube[std::size_t(s) * C + c];
        return v;
      };
      rd_on += sum(on[t], model::Series::RdSpend);
      rd_off += sum(off[t], model::Series::RdSpend);
      tax_on += sum(on[t], model::Series::IncomeTax);
      tax_off += sum(off[t], model::Series::IncomeTax);
      forgone += on[t].subsidy[tax];
    }
  }
  CHECK(rd_on > rd_off * 1.01);  // the deduction lowers the user cost of R&D
  CHECK(tax_on < tax_off);       // firms pay less tax
  CHECK(forgone > 0);
}
