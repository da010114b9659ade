// How a firm comes into the world: the one set-up shared by the starting population, entrants
// and anchor projects. The callers draw what is random about a firm (its age, productivity,
// payback, volatility, R&D) in their own stream order; everything derived from those draws and
// from the firm's planned output is set here, so the three origins cannot drift apart.
#include <algorithm>
#include <cmath>

#include "parksim/model/detail/world.hpp"
#include "programmes/programme.hpp"

namespace parksim::model {

std::size_t new_firm(World& w, std::size_t zone, std::size_t sector, int birth_month,
                     std::int64_t id) {
  auto& f = w.firms;
  const std::size_t i = f.size();
  f.resize(i + 1);  // every column zero, then the fields whose neutral value is not zero
  f.id[i] = id >= 0 ? id : w.next_firm_id++;
  f.zone[i] = std::uint16_t(zone);
  f.sector[i] = std::uint16_t(sector);
  f.alive[i] = 1;
  f.exit_month[i] = -1;
  f.last_round[i] = -1;
  f.expansion_programme[i] = -1;
  f.birth[i] = birth_month;
  // Firms arriving mid-step (anchor projects, entrants) get their slot in this step's per-firm
  // programme columns, which the calendar sized at the start of the step.
  for (std::size_t p = 0; p < w.programmes.size(); ++p) {
    if (!w.award_request[p].empty()) w.award_request[p].resize(f.size(), 0.0);
    w.programmes[p].paid_to_firm_this_year.resize(f.size(), 0.0);
    if (kind_info(w.terms[p].kind).covers_loans) w.programmes[p].covered_debt.resize(f.size(), 0.0);
  }
  return i;
}

namespace {

// Liquid assets at birth: incumbents in months of sales, new firms and anchor projects in months
// of running costs (fixed costs and the general wage bill).
double starting_cash(const World& w, const FirmStart& s, double labour) {
  const auto& m = w.sc.model;
  if (s.origin == FirmOrigin::Incumbent) return m.initial_cash_months_of_sales * s.monthly_output;
  const double cash = m.new_firm_cash_months_of_costs *
                      (m.fixed_cost_per_year / 12.0 + labour * w.sc.talent.general_wage);
  return std::isnan(cash) ? 0.0 : cash;
}

// The demand shifter that makes the firm's demand at today's productivity, agglomeration and
// sector market equal its planned output. Incumbents get theirs once the whole starting
// population's cluster statistics exist (populate).
double demand_shifter(const World& w, std::size_t i, double monthly_output) {
  const auto& f = w.firms;
  const std::size_t s = f.sector[i];
  const double g = w.cluster.agglomeration[w.cell(f.zone[i], s)];
  return std::log(monthly_output) - std::log(w.sector_market[s]) -
         (w.sc.model.demand_elasticity - 1.0) *
             std::log(f.productivity[i] * g / w.sector_frontier[s]);
}

}  // namespace

std::size_t start_firm(World& w, const FirmStart& s) {
  const auto& sec = w.sc.sectors[s.sector];
  auto& f = w.firms;
  const std::size_t i = new_firm(w, s.zone, s.sector, s.birth_month, s.id);
  f.productivity[i] = s.productivity;
  f.payback[i] = s.payback_years;
  f.volatility[i] = s.volatility;
  f.demand[i] = s.monthly_output;
  f.output[i] = s.first_output;
  f.value_added[i] = s.first_output * sec.value_added_share;
  f.capital[i] = s.capital;
  f.output_per_worker[i] = s.origin == FirmOrigin::Anchor && s.jobs > 0 ? s.annual_output / s.jobs
                                                                        : sec.labour_productivity;
  const double labour = s.annual_output / f.output_per_worker[i];
  w.plan_jobs(i, labour, s.annual_output, s.rd_active);
  f.cash[i] = starting_cash(w, s, labour);
  f.floor_per_worker[i] = w.sc.model.floor_area_per_worker;
  if (s.rd_active) {
    f.flags[i] |= kRdActive;
    f.rd_base[i] = f.rd_intensity[i] = s.rd_intensity;
  }
  switch (s.origin) {
    case FirmOrigin::Incumbent:
      // Land comes from the zone's initial allotment; the shifter once cluster stats exist.
      f.output_last_year[i] = s.annual_output;
      f.debt[i] = w.sc.model.initial_debt_to_capital * f.capital[i];
      break;
    case FirmOrigin::Entrant:
      // New firms lease the floor space their workforce needs (MODEL_NOTES), on leased land or,
      // where the zone has standard factories, as factory floor the caller lets them.
      if (s.factory_floor <= 0) {
        f.land_leased[i] =
            labour * w.sc.model.floor_area_per_worker / w.sc.zones[s.zone].plot_ratio;
        w.zones[s.zone].land_used += f.land_leased[i];
      }
      f.log_shifter[i] = demand_shifter(w, i, s.monthly_output);
      break;
    case FirmOrigin::Anchor:
      f.land_owned[i] = s.land_owned;  // granted at signing, already counted in land_used
      // The project's land is planned for its workforce: at the zone's average floor per worker
      // a car plant on 86.5 ha would employ a seventh of its staff (ODD known issue 22).
      if (labour > 0)
        f.floor_per_worker[i] =
            std::min(f.floor_per_worker[i], s.land_owned * w.sc.zones[s.zone].plot_ratio / labour);
      f.log_shifter[i] = demand_shifter(w, i, s.monthly_output);
      break;
  }
  return i;
}

}  // namespace parksim::model
