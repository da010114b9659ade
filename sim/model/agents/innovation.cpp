// R&D and innovation: each firm's R&D intensity (with first-unit support and the high-tech
// notch), innovation and imitation draws, productivity shocks.
#include <algorithm>
#include <boost/math/special_functions/beta.hpp>
#include <boost/random/beta_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "agents/firm_choice.hpp"
#include "agents/tax.hpp"
#include "parksim/engine/parallel.hpp"
#include "phases.hpp"
#include "programmes/certification_rewards.hpp"
#include "programmes/first_unit.hpp"

namespace parksim::model {

using engine::parallel_for;

// Chance that one successful innovation is a breakthrough: P(step >= breakthrough_threshold) with
// step = innovation_step_max x Beta(a, b), the draw phase_innovation makes.
static double breakthrough_share(const ModelParams& m) {
  if (m.innovation_step_max <= 0 || m.breakthrough_threshold >= m.innovation_step_max) return 0.0;
  const double x = std::max(0.0, m.breakthrough_threshold / m.innovation_step_max);
  return boost::math::ibetac(m.innovation_beta_a, m.innovation_beta_b, x);
}

static double choose_rd_intensity(World& w, std::size_t i, double boost, double breakthrough) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  if (!(f.flags[i] & kRdActive)) return 0.0;
  // First-unit support (L1 grant, L2 premium refund) raises R&D by the money it can be expected to
  // bring this firm: P(breakthrough within a year at its base R&D, by this phase's own innovation
  // rule; only IM sectors have first units) x expected support per breakthrough, relative to its
  // R&D cost; rd_subsidy_response is extra own R&D per yuan of that (REFERENCES §2).
  double p_year = 0.0;
  if (w.sc.sectors[f.sector[i]].intelligent_manufacturing && breakthrough > 0) {
    const double p_month =
        (1.0 - std::exp(-m.innovation_rate * f.rd_base[i] * boost)) * breakthrough;
    p_year = 1.0 - std::pow(1.0 - p_month, 12.0);
  }
  const double expected_return = first_unit::rd_return(w, i, p_year);
  // Tax: R&D responds to its after-tax user cost (super-deduction, rate) relative to the regime
  // rd_base was observed under (agents/tax.cpp).
  const double user_cost = tax::rd_user_cost_factor(w, i);
  double nu = f.rd_base[i] * user_cost * (1.0 + m.rd_subsidy_response * expected_return);
  // Bunching at the certification notch: a firm below the threshold tops up to it when the extra
  // R&D, after tax, costs less than the status is worth a year: the income tax it would save at
  // the certified rate, any reputation value, and any reward for a first certification spread
  // over the years a certificate runs.
  const double sales = f.output[i] * 12.0;
  const double thr = high_tech_threshold(m, sales);
  if (nu < thr && age_years(w, i) >= m.high_tech_min_age_years && sales > 0) {
    double worth = tax::certification_saving(w, i) + m.high_tech_reputation_value * sales;
    if (const double reward = high_tech_reward::for_first_certification(w, i); reward > 0)
      worth += reward / m.high_tech_certificate_years;
    const double target = thr * (1.0 + m.high_tech_notch_margin);
    if ((target - nu) * sales * tax::after_tax_rd_cost(w, i) <= worth) nu = target;
  }
  return nu;
}

void phase_innovation(World& w) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  const auto streams = w.streams("innovation");
  const double breakthrough = breakthrough_share(m);
  parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i]) return;
    auto rng = streams(std::uint64_t(f.id[i]));
    const std::size_t c = w.cell(f.zone[i], f.sector[i]);
    const double boost = (1.0 + m.leading_talent_innovation_boost *
                                    std::min(f.leading[i], m.leading_talent_boost_max)) *
                         (1.0 + m.platform_innovation_boost *
                                    std::min(w.platforms[c], double(m.platform_boost_max)));
    const double nu = choose_rd_intensity(w, i, boost, breakthrough);
    f.rd_intensity[i] = nu;
    f.rd_spend[i] = nu * f.output[i];
    const double u_innovate = rng.uniform(), u_imitate = rng.uniform(), u_step = rng.uniform();
    if (u_innovate < 1.0 - std::exp(-m.innovation_rate * nu * boost)) {
      boost::random::beta_distribution<double> beta(m.innovation_beta_a, m.innovation_beta_b);
      const double x = m.innovation_step_max * beta(rng);
      f.productivity[i] *= 1.0 + x;
      if (f.output[i] * 12.0 >= m.patent_min_output) f.events[i] |= kEventInnovation;
      if (x >= m.breakthrough_threshold && w.sc.sectors[f.sector[i]].intelligent_manufacturing)
        first_unit::on_breakthrough(w, i, rng);
    }
    // Imitation closes part of the gap to the cluster's output-weighted mean productivity: laggards
    // learn from the typical neighbour, not instantly from the frontier firm.
    if (u_imitate < 1.0 - std::exp(-m.imitation_rate * nu * boost)) {
      const double target = w.cluster.mean_productivity[c];
      if (target > f.productivity[i]) f.productivity[i] += u_step * (target - f.productivity[i]);
    }
    boost::random::normal_distribution<double> normal;
    const double sd = m.productivity_shock_sd / std::sqrt(12.0);
    f.productivity[i] *= std::exp(sd * normal(rng) - 0.5 * sd * sd);
    first_unit::refund_premium(w, i);
  });
}

}  // namespace parksim::model
