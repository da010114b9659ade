#pragma once
// Small rules that firms' decisions share (investment, innovation, programme applications).
#include <algorithm>
#include <cmath>

#include "parksim/model/detail/world.hpp"

namespace parksim::model {

inline double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// Cash margin on an extra unit of revenue (value added less wages): what pays a project back.
inline double marginal_margin(const World& w, std::size_t s) {
  const auto& sec = w.sc.sectors[s];
  const auto& t = w.sc.talent;
  const double wage_per_worker =
      sec.skilled_share * t.skilled_wage + (1 - sec.skilled_share) * t.general_wage;
  const double wage_share = 12.0 * wage_per_worker / sec.labour_productivity;
  return std::max(0.01, sec.value_added_share - wage_share);
}

inline double age_years(const World& w, std::size_t i) {
  return (w.month - w.firms.birth[i]) / 12.0;
}

// Accept a project whose payback beats the firm's own threshold, with logit noise.
inline bool accept_payback(const World& w, std::size_t i, double payback, double u) {
  const double threshold = w.firms.payback[i];
  return u < logistic((threshold - payback) / (w.sc.model.choice_noise * threshold));
}

}  // namespace parksim::model
