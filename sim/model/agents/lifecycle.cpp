// Firm life cycle: exits (insolvency, vanishing, no land left after contract land was taken back)
// with loan defaults, and entry by zone attractiveness, free land and incubator places.
#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <cmath>

#include "agents/firm_choice.hpp"
#include "parksim/engine/parallel.hpp"
#include "phases.hpp"
#include "programmes/entry_rules.hpp"
#include "programmes/finance.hpp"
#include "programmes/finance_agents.hpp"
#include "programmes/finance_banks.hpp"
#include "programmes/incubators.hpp"
#include "programmes/land_supply.hpp"
#include "programmes/programme.hpp"

namespace parksim::model {

using engine::parallel_for;

void phase_exit(World& w) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  parallel_for(f.size(), [&](std::size_t i) {
    f.exiting[i] = 0;
    if (!f.alive[i]) return;
    // Distress (counted in the credit phase): cash negative after banks had their chance to lend,
    // or net worth negative. Patience months of distress in a row end the firm.
    const bool insolvent = f.distress[i] >= m.exit_patience_months;
    const bool vanished =
        f.output[i] * 12.0 < m.vanish_output && age_years(w, i) > m.vanish_min_age_years;
    // Revoked: its contract land was taken back (land.cpp: exit clause or a failed lease-then-sell
    // contract) and it holds no other land to produce on.
    f.exiting[i] = insolvent || vanished || f.land_revoked[i];
  });
  // Sequential: losses, risk-pool refunds and land are shared resources.
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.exiting[i]) continue;
    const auto& zone = w.sc.zones[f.zone[i]];
    const double collateral =
        f.capital[i] + f.land_owned[i] * zone.land_price + std::max(f.cash[i], 0.0);
    const double loss = std::max(0.0, f.debt[i] - w.sc.funds.recovery_rate * collateral);
    w.funds.defaults_this_step += f.debt[i] > 0 ? f.debt[i] : 0.0;
    w.funds.bank_losses += loss;
    // Guarantee companies pay their share first; pools refund part of what the banks still bear.
    const double guaranteed = guarantee_company::on_default(w, i, loss);
    const double ip_refund = ip_pledge::on_default(w, i, loss - guaranteed);
    risk_pool::on_default(w, i, loss - guaranteed - ip_refund);
    credit_line::on_default(w, i);
    policy_bank::on_default(w, i);
    w.zones[f.zone[i]].land_used -= f.land(i) + f.land_pending[i];
    standard_factories::release(w, i);
    w.exits_cell[w.cell(f.zone[i], f.sector[i])] += 1;
    f.alive[i] = 0;
    f.exit_month[i] = w.month;
  }
}

// ------------------------------------------------------------------ entry

double attractiveness(const World& w, std::size_t z, std::size_t s) {
  const auto& m = w.sc.model;
  const auto& zone = w.sc.zones[z];
  const std::size_t c = w.cell(z, s);
  // Support: what the programmes open to this cell are expected to pay per firm-year, in money
  // (programme.cpp, expected_support), scaled to an entrant's size (awards are shares of a
  // firm's projects, so an entrant of entrant_size times the sector's mean firm expects that
  // share of the per-firm support), relative to that entrant's yearly value added. Scaling keeps
  // the ratio stable: a flood of small entrants lowers the per-firm support and the mean firm
  // together, instead of shrinking only the benchmark. A programme that pays nothing adds nothing.
  double support = 0.0;
  for (std::size_t p = 0; p < w.programmes.size(); ++p) support += expected_support(w, p, z, s);
  const double entrant_output = m.entrant_size * w.cluster.sector_mean_output[s];
  const double entrant_support = support * m.entrant_size;
  const double entrant_value_added = 12.0 * entrant_output * w.sc.sectors[s].value_added_share;
  const double support_gain =
      support > 0 && entrant_value_added > 0 ? entrant_support / entrant_value_added : 0.0;
  double zone_firms = 0;
  for (std::size_t k = 0; k < w.sc.sectors.size(); ++k) zone_firms += w.cluster.firms[w.cell(z, k)];
  const double free_share = w.free_land(z) / w.industrial_area(z);
  return m.attractiveness_land * free_share + m.attractiveness_support * std::log1p(support_gain) +
         m.attractiveness_talent * std::log1p(w.zones[z].unemployed / (zone_firms + 1.0)) +
         m.attractiveness_cluster * std::log1p(w.cluster.firms[c]) +
         m.attractiveness_incubator * w.zones[z].incubators + zone.infrastructure;
}

static void add_entrant(World& w, std::size_t z, std::size_t s, double monthly_output,
                        bool incubated, double factory_floor) {
  const auto& m = w.sc.model;
  const auto& sec = w.sc.sectors[s];
  auto rng = w.streams("entrant")(std::uint64_t(w.next_firm_id));
  boost::random::normal_distribution<double> normal;
  FirmStart start;
  start.origin = FirmOrigin::Entrant;
  start.zone = z;
  start.sector = s;
  start.birth_month = w.month;
  const double sd = m.entrant_productivity_sd;
  start.productivity =
      w.cluster.sector_mean_productivity[s] * std::exp(sd * normal(rng) - 0.5 * sd * sd);
  start.payback_years = m.payback_median_years * std::exp(m.payback_dispersion * normal(rng));
  start.volatility = boost::random::exponential_distribution<double>()(rng);
  start.monthly_output = monthly_output;
  start.annual_output = 12.0 * monthly_output;
  // The first month's output meets the same shocks as incumbents' (production ran before entry).
  const std::size_t c = w.cell(z, s);
  start.first_output = monthly_output * std::min({1.0, w.demand_factor[c], w.capacity_factor[c]});
  start.capital = sec.capital_output_ratio * 12.0 * monthly_output;
  if (rng.uniform() < sec.rd_active_share) {
    start.rd_active = true;
    start.rd_intensity = sec.rd_intensity * std::exp(0.5 * normal(rng) - 0.125);
  }
  start.factory_floor = factory_floor;
  const std::size_t i = start_firm(w, start);
  if (incubated) w.firms.flags[i] |= kIncubated;
  if (factory_floor > 0) standard_factories::let_floor(w, i, factory_floor);
}

void phase_entry(World& w) {
  const auto& m = w.sc.model;
  const std::size_t Z = w.sc.zones.size(), S = w.sc.sectors.size();
  if (w.attract_ref.empty()) {
    w.attract_ref.resize(Z * S);
    for (std::size_t z = 0; z < Z; ++z)
      for (std::size_t s = 0; s < S; ++s) w.attract_ref[w.cell(z, s)] = attractiveness(w, z, s);
  }
  const auto streams = w.streams("entry");
  auto places = incubators::free_places(w);
  for (std::size_t z = 0; z < Z; ++z) {
    const auto& zone = w.sc.zones[z];
    for (const auto& sector_id : zone.sectors) {
      const std::size_t s = std::size_t(w.sc.sector_index(sector_id));
      const std::size_t c = w.cell(z, s);
      // A restriction refuses a share of the cell's new projects (003: 适度限制...新项目引进).
      const double rate = m.entry_rate_per_year / 12.0 * std::max(w.cluster.firms[c], 1.0) *
                          std::exp(attractiveness(w, z, s) - w.attract_ref[c]) *
                          entry_rules::admitted_share(w, z, s);
      if (!(rate > 0)) continue;
      auto rng = streams(c);
      const int n = boost::random::poisson_distribution<int, double>(std::min(rate, 1e4))(rng);
      const double size = m.entrant_size * w.cluster.sector_mean_output[s];
      const double land = 12.0 * size / w.sc.sectors[s].labour_productivity *
                          m.floor_area_per_worker / zone.plot_ratio;
      // An entrant outside an incubator rents standard-factory floor where the zone has it free
      // (003 标准厂房); otherwise it needs free land.
      const double floor = land * zone.plot_ratio;
      const bool may_rent =
          standard_factories::may_rent(w, z, s, 12.0 * size < w.sc.funds.sme_output_limit);
      for (int k = 0; k < n && size > 0; ++k) {
        const bool incubated = places[z] >= 1.0;
        const bool factory =
            !incubated && may_rent && standard_factories::free_floor(w, z) >= floor;
        if (!factory && w.zones[z].land_used + land > w.industrial_area(z)) break;  // no free land, no entry
        places[z] -= incubated ? 1.0 : 0.0;
        add_entrant(w, z, s, size, incubated, factory ? floor : 0.0);
        w.entries_cell[c] += 1;
        ++w.entries_this_step;
      }
    }
  }
}

}  // namespace parksim::model
