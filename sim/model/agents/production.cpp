// Production: demand (shifter random walk, sector markets, local IM demand), output within capital,
// talent and floor capacity, costs and cash.
#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "agents/firm_choice.hpp"
#include "parksim/engine/parallel.hpp"
#include "phases.hpp"
#include "programmes/finance.hpp"
#include "programmes/finance_banks.hpp"
#include "programmes/land_supply.hpp"
#include "programmes/land_terms.hpp"

namespace parksim::model {

using engine::parallel_for;

void phase_production(World& w) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  const auto& t = w.sc.talent;
  const auto shocks = w.streams("demand_shock");
  const auto regimes = w.streams("volatility_regime");
  const bool new_year = w.is_january();
  // Local IM suppliers share last step's local spending in proportion to their output.
  std::vector<double> im_output(w.sc.zones.size(), 0.0);
  for (std::size_t z = 0; z < w.sc.zones.size(); ++z)
    for (std::size_t s = 0; s < w.sc.sectors.size(); ++s)
      if (w.sc.sectors[s].intelligent_manufacturing) im_output[z] += w.cluster.output[w.cell(z, s)];
  const double sigma = m.demand_elasticity;
  parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i]) return;
    const auto z = f.zone[i];
    const auto s = f.sector[i];
    const auto& sec = w.sc.sectors[s];
    const auto& zone = w.sc.zones[z];
    auto rng = shocks(std::uint64_t(f.id[i]));
    if (new_year) {
      auto r = regimes(std::uint64_t(f.id[i]));
      f.volatility[i] = boost::random::exponential_distribution<double>()(r);
    }
    // Demand: shifter random walk whose variance falls with size; Exp(1) yearly regimes make
    // annual growth a Gaussian scale mixture, i.e. Laplace-shaped.
    const double size_ratio = std::max(f.output[i] * 12.0, 1e4) / m.reference_firm_output;
    const double sd = m.demand_volatility * std::sqrt(f.volatility[i] / 12.0) *
                      std::pow(size_ratio, -m.volatility_size_elasticity);
    boost::random::normal_distribution<double> normal;
    f.log_shifter[i] += sd * normal(rng) - 0.5 * sd * sd;
    const std::size_t c = w.cell(z, s);
    double demand = w.demand_factor[c] * std::exp(f.log_shifter[i]) * w.sector_market[s] *
                    std::pow(f.productivity[i] * w.cluster.agglomeration[c] / w.sector_frontier[s],
                             sigma - 1.0);
    if (sec.intelligent_manufacturing && im_output[z] > 0)
      demand += w.zones[z].local_demand * f.output[i] / im_output[z];
    // Capacity: capital, skilled talent and floor space each bound what can be produced.
    const double per_worker = f.output_per_worker[i] / 12.0;
    const double cap_k = f.capital[i] / (sec.capital_output_ratio * 12.0);
    // Missing talent cuts capacity; general workers stand in for it at
    // talent_stand_in_effectiveness.
    const double talent_wanted = double(f.skilled_wanted[i] + f.leading_wanted[i]);
    const double talent_met =
        talent_wanted > 0 ? std::min(1.0, (f.skilled[i] + f.leading[i]) / talent_wanted) : 1.0;
    const double staff = w.planned_labour(i);
    const double stand_in = m.talent_stand_in_effectiveness;
    const double cap_l = staff * per_worker * (stand_in + (1.0 - stand_in) * talent_met);
    const double cap_land = w.floor_area(i) / f.floor_per_worker[i] * per_worker;
    const double q =
        std::max(0.0, std::min(demand, w.capacity_factor[c] * std::min({cap_k, cap_l, cap_land})));
    f.demand[i] = demand;
    f.output[i] = q;
    // A class C or D firm under output-per-mu terms pays more for the power it buys, an
    // intermediate input: value added falls by the surcharge (land_terms.hpp).
    f.value_added[i] = q * sec.value_added_share - land_terms::power_surcharge(w, i);
    // Costs and cash.
    const double wages = t.general_wage * f.workers[i] +
                         w.zones[z].skilled_wage * f.skilled[i] * w.persons(0) +
                         t.leading_wage * f.leading[i];
    const double assets =
        f.capital[i] + f.land_owned[i] * zone.land_price + std::max(f.cash[i], 0.0);
    const double leverage = assets > 0 ? std::min(1.0, f.debt[i] / assets) : 1.0;
    const double bank_debt = f.debt[i] - f.lease_debt[i];
    // The bank's rate: base, a risk premium rising with leverage and, under output-per-mu terms,
    // the class's discount or premium (land_terms.hpp).
    const double bank_rate = w.sc.funds.bank_rate + w.sc.funds.bank_risk_premium * leverage +
                             land_terms::credit_spread(w, i);
    const double interest =
        (bank_rate * bank_debt -
         policy_bank::interest_relief(w, i) + m.leasing_rate * f.lease_debt[i] +
         risk_pool::guarantee_fee(w, i)) /
        12.0;
    // A firm in an incubator place pays no land rent and part of its overheads while young.
    const bool incubated = (f.flags[i] & kIncubated) && age_years(w, i) < m.incubation_years;
    double land_cost = (incubated ? 0.0 : zone.land_rent * f.land_leased[i]) +
                       standard_factories::monthly_rent(w, i);
    const double overheads =
        m.fixed_cost_per_year / 12.0 * (incubated ? 1.0 - m.incubator_cost_relief : 1.0);
    if (w.below_output_per_mu(i))
      land_cost += zone.low_density_surcharge * zone.land_rent * f.land(i);
    const double platform_rent =
        (f.flags[i] & kPlatformOwner) ? m.platform_rent_per_year / 12.0 : 0.0;
    const double premium = f.insured_months[i] > 0 ? f.insured_premium[i] : 0.0;
    const double depreciation = m.depreciation_rate / 12.0 * f.capital[i];
    f.capital[i] -= depreciation;
    const double cash_flow = f.value_added[i] - wages - interest - land_cost - overheads -
                             f.rd_spend[i] - platform_rent - premium;
    f.cash[i] += cash_flow;
    // The income-tax base (agents/tax.cpp): the same accounts, with depreciation as a cost.
    f.profit_ytd[i] += cash_flow - depreciation;
    f.output_year[i] += q;
    f.rd_year[i] += f.rd_spend[i];
  });
  standard_factories::collect_rent(w);  // the rent firms paid above, to the zones' account
  land_terms::collect_surcharges(w);
}

}  // namespace parksim::model
