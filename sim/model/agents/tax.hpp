#pragma once
// Corporate income tax in firms' accounts (Enterprise Income Tax Law 2008): the year's taxable
// income is the accounting profit the production phase books (value added less wages, interest,
// land, overheads, R&D, platform rent, premiums and depreciation) less any extra R&D deduction;
// a firm pays provisional tax each month on the year's taxable income so far, settles in December
// and carries a loss forward by vintage for model.tax_loss_carry_years.
#include <cstddef>

#include "parksim/model/detail/world.hpp"

namespace parksim::model::tax {

// Losses of firm i still within `years` of their vintage.
double losses_available(const Firms& f, std::size_t i, int years);
// Offsets at most `taxable` against the firm's losses, oldest vintage first; returns the amount
// used.
double use_losses(Firms& f, std::size_t i, int years, double taxable);
// Ages the vintages after a settlement: what is left of the oldest usable vintage expires (the
// amount is returned) and `new_loss` becomes last year's.
double age_losses(Firms& f, std::size_t i, int years, double new_loss);

// The provisional payment due this month: tax on the year's taxable income so far, after the
// losses that may offset it, less what the firm paid this year already (never negative: refunds
// wait for the settlement).
double provisional_payment(double rate, double taxable_ytd, double losses, double paid_ytd);

// One firm's December settlement.
struct Settlement {
  double tax_due = 0;      // the year's tax
  double payment = 0;      // tax_due less provisional payments (negative: a refund)
  double losses_used = 0;  // losses offset this year
  double forgone = 0;      // tax_due at the statutory rate without incentives, less tax_due
};
// Settles firm i's year at `rate` with `years` of carry-forward, ages its loss vintages, keeps the
// year's taxable income in taxable_last_year and restarts the year's accounts.
Settlement settle(Firms& f, std::size_t i, double rate, double statutory_rate, int years);

// What a yuan of R&D costs the firm after tax, 1 - t(1 + d) at its rate t and super-deduction d;
// 1 for a firm without taxable income last year, whose deductions are worth nothing now.
double after_tax_rd_cost(const World& w, std::size_t firm);
// Multiplier of a firm's R&D propensity by its after-tax user cost of R&D, 1 - t(1 + d), relative
// to the reference regime's (rd_user_cost_elasticity): 1 for a firm without taxable income last
// year, whose deductions are worth nothing now.
double rd_user_cost_factor(const World& w, std::size_t firm);
// Income tax a year the firm would save if certified high tech (on last year's taxable income).
double certification_saving(const World& w, std::size_t firm);

}  // namespace parksim::model::tax
