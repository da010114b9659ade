// The tax phase: corporate income tax in firms' accounts (tax.hpp). It runs after the status
// phase so that a firm certified this December settles the year at the certified rate (the
// preferential rate applies from the year of certification).
#include "agents/tax.hpp"

#include <algorithm>
#include <cmath>

#include "parksim/engine/parallel.hpp"
#include "phases.hpp"
#include "programmes/tax_incentives.hpp"

namespace parksim::model {

namespace tax {

double losses_available(const Firms& f, std::size_t i, int years) {
  double v = 0;
  for (int k = 0; k < years; ++k) v += f.tax_loss[std::size_t(k)][i];
  return v;
}

double use_losses(Firms& f, std::size_t i, int years, double taxable) {
  double used = 0;
  for (int k = years - 1; k >= 0 && taxable - used > 0; --k) {
    double& vintage = f.tax_loss[std::size_t(k)][i];
    const double take = std::min(vintage, taxable - used);
    vintage -= take;
    used += take;
  }
  return used;
}

double age_losses(Firms& f, std::size_t i, int years, double new_loss) {
  const double expired = f.tax_loss[std::size_t(years - 1)][i];
  for (int k = years - 1; k > 0; --k) f.tax_loss[std::size_t(k)][i] = f.tax_loss[std::size_t(k - 1)][i];
  f.tax_loss[0][i] = std::max(0.0, new_loss);
  return expired;
}

double provisional_payment(double rate, double taxable_ytd, double losses, double paid_ytd) {
  return std::max(0.0, rate * std::max(0.0, taxable_ytd - losses) - paid_ytd);
}

Settlement settle(Firms& f, std::size_t i, double rate, double statutory_rate, int years) {
  Settlement s;
  const double taxable = f.profit_ytd[i] - f.rd_deduction_ytd[i];
  // Without incentives the base is the accounting profit, offset by the same loss stock (an
  // approximation: the stock itself would differ where deductions made past losses larger).
  const double plain_base =
      std::max(0.0, f.profit_ytd[i] - std::min(std::max(f.profit_ytd[i], 0.0),
                                               losses_available(f, i, years)));
  s.losses_used = taxable > 0 ? use_losses(f, i, years, taxable) : 0.0;
  s.tax_due = rate * std::max(0.0, taxable - s.losses_used);
  s.payment = s.tax_due - f.tax_paid_ytd[i];
  s.forgone = std::max(0.0, statutory_rate * plain_base - s.tax_due);
  age_losses(f, i, years, -taxable);
  f.taxable_last_year[i] = taxable;
  f.profit_ytd[i] = f.rd_deduction_ytd[i] = f.tax_paid_ytd[i] = 0.0;
  return s;
}

// A deduction worth more than the spending would make R&D free: the floor keeps the user-cost
// power finite (no national schedule comes near it).
constexpr double kLeastUserCost = 1e-3;

double after_tax_rd_cost(const World& w, std::size_t i) {
  if (!(w.firms.taxable_last_year[i] > 0)) return 1.0;
  const auto t = tax_incentives::for_firm(w, i);
  return std::max(kLeastUserCost, 1.0 - t.rate * (1.0 + t.super_deduction));
}

double rd_user_cost_factor(const World& w, std::size_t i) {
  const auto& m = w.sc.model;
  if (!(w.firms.taxable_last_year[i] > 0)) return 1.0;
  const double t_ref = (w.firms.flags[i] & kHighTech) ? m.tax_reference_high_tech_rate
                                                       : m.corporate_tax_rate;
  const double reference =
      std::max(kLeastUserCost, 1.0 - t_ref * (1.0 + m.tax_reference_super_deduction));
  return std::pow(after_tax_rd_cost(w, i) / reference, -m.rd_user_cost_elasticity);
}

double certification_saving(const World& w, std::size_t i) {
  const auto t = tax_incentives::for_firm(w, i);
  return std::max(0.0, w.sc.model.corporate_tax_rate - t.certified_rate) *
         std::max(0.0, w.firms.taxable_last_year[i]);
}

}  // namespace tax

// Each month: the extra R&D deduction of the month's R&D, then a provisional payment, or in
// December the settlement; forgone tax is booked to the incentive programme.
void phase_tax(World& w) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  const bool december = w.is_december();
  std::vector<double> forgone(december ? f.size() : 0, 0.0);
  std::vector<int> granted(december ? f.size() : 0, -1);
  engine::parallel_for(f.size(), [&](std::size_t i) {
    f.tax_month[i] = 0.0;
    if (!f.alive[i]) return;
    const auto terms = tax_incentives::for_firm(w, i);
    f.rd_deduction_ytd[i] += terms.super_deduction * f.rd_spend[i];
    double pay = 0.0;
    if (december) {
      const auto s = tax::settle(f, i, terms.rate, m.corporate_tax_rate, m.tax_loss_carry_years);
      pay = s.payment;
      forgone[i] = s.forgone;
      granted[i] = terms.programme;
    } else {
      pay = tax::provisional_payment(terms.rate, f.profit_ytd[i] - f.rd_deduction_ytd[i],
                                     tax::losses_available(f, i, m.tax_loss_carry_years),
                                     f.tax_paid_ytd[i]);
      f.tax_paid_ytd[i] += pay;
    }
    f.tax_month[i] = pay;
    f.cash[i] -= pay;
  });
  if (december) tax_incentives::book_forgone(w, forgone, granted);
}

}  // namespace parksim::model
