// Calendar, cluster statistics, talent, finance, programme awards, land, hiring and recording.
#include <algorithm>
#include <atomic>
#include <boost/random/uniform_01.hpp>
#include <cmath>
#include <numeric>

#include "parksim/engine/clearing.hpp"
#include "parksim/engine/parallel.hpp"
#include "phases.hpp"

namespace parksim::model {

using engine::parallel_blocks;
using engine::parallel_for;

void book(World& w, std::size_t p, double amount) {
  if (amount <= 0) return;
  w.programmes[p].paid_total += amount;
  w.programmes[p].paid_this_year += amount;
  w.programmes[p].paid_this_step += amount;
}

double budget_room(const World& w, std::size_t p) {
  const double budget = w.terms[p].budget_per_year;
  return budget > 0 ? std::max(0.0, budget - w.programmes[p].paid_this_year) : 1e300;
}

namespace {

bool programme_eligible_zone(const World& w, std::size_t p, std::size_t z) {
  for (std::size_t s = 0; s < w.sc.sectors.size(); ++s)
    if (w.eligibility[p * w.cells() + w.cell(z, s)]) return true;
  return false;
}

// Incubator programme: opens units_per_year incubators in each eligible zone every January (and
// in its first month) of its first `years` years (0 = every year while active), and pays their
// operating subsidy (`amount` per incubator per year) monthly while active.
void open_incubators(World& w, std::size_t p, bool january) {
  const auto& spec = w.terms[p];
  auto& st = w.programmes[p];
  const bool opening_year = spec.years <= 0 || w.year() - spec.from / 12 < spec.years;
  if (opening_year && (january || w.month == spec.from))
    for (std::size_t z = 0; z < w.zones.size(); ++z)
      if (programme_eligible_zone(w, p, z)) {
        w.zones[z].incubators += spec.units_per_year;
        st.units += spec.units_per_year;
      }
  book(w, p, std::min(spec.amount / 12.0 * st.units, budget_room(w, p)));
}

}  // namespace

// ------------------------------------------------------------------ calendar

void phase_calendar(World& w) {
  w.month = w.sc.info.start + w.step;
  const bool january = w.is_january();
  for (std::size_t p = 0; p < w.programmes.size(); ++p) {
    auto& st = w.programmes[p];
    for (const auto& change : w.terms[p].changes)
      if (change.at == w.month) apply_change(w.terms[p], change);
    const auto& spec = w.terms[p];
    st.active = w.month >= spec.from && w.month <= spec.to;
    if (january) st.paid_this_year = 0;
    st.paid_this_step = 0;
    const bool fund_based = spec.kind == ProgrammeKind::CreditLine ||
                            spec.kind == ProgrammeKind::RiskPool ||
                            spec.kind == ProgrammeKind::GuidanceFund;
    st.budget_left = budget_room(w, p) > 0 && (!fund_based || st.fund_left > 0);
    w.award_request[p].assign(st.active ? w.firms.size() : 0, 0.0);
    // Firm slots are renumbered by the December compaction, so the yearly tally restarts then.
    if (january) st.paid_to_firm_this_year.assign(w.firms.size(), 0.0);
    st.paid_to_firm_this_year.resize(w.firms.size(), 0.0);
    if (st.active && spec.kind == ProgrammeKind::Incubator) open_incubators(w, p, january);
    if (st.active && january && spec.kind == ProgrammeKind::TalentHousing) {
      std::size_t eligible = 0;
      for (std::size_t z = 0; z < w.zones.size(); ++z) eligible += programme_eligible_zone(w, p, z);
      for (std::size_t z = 0; z < w.zones.size(); ++z)
        if (programme_eligible_zone(w, p, z))
          w.zones[z].housing_units += double(spec.units_per_year) / double(eligible);
    }
  }
  if (january) w.funds.vc_left_this_year = w.sc.funds.vc_capital_per_year;
  for (std::size_t s = 0; s < w.sc.sectors.size(); ++s) {
    w.sector_market[s] *= std::exp(w.sc.sectors[s].demand_growth / 12.0);
    w.sector_frontier[s] *= std::exp(w.sc.sectors[s].competitor_productivity_growth / 12.0);
  }
  std::fill(w.entries_cell.begin(), w.entries_cell.end(), 0.0);
  std::fill(w.exits_cell.begin(), w.exits_cell.end(), 0.0);
  w.funds.vc_invested_this_step = w.funds.guidance_invested_this_step = w.funds.lease_this_step = 0;
  parallel_for(w.firms.size(), [&](std::size_t i) { w.firms.events[i] = 0; });
}

// ------------------------------------------------------------------ cluster statistics

void compute_cluster_stats(World& w) {
  const auto& f = w.firms;
  const std::size_t C = w.cells(), S = w.sc.sectors.size();
  enum { kEmp, kOut, kCount, kProdOut, kBins };
  const auto sums = engine::binned_sum(f.size(), C * kBins, [&](std::size_t i, auto& add) {
    if (!f.alive[i]) return;
    const std::size_t c = w.cell(f.zone[i], f.sector[i]);
    add(c * kBins + kEmp, w.employees(i));
    add(c * kBins + kOut, f.output[i]);
    add(c * kBins + kCount, 1.0);
    add(c * kBins + kProdOut, f.productivity[i] * f.output[i]);
  });
  // Max is exact in any order, so a block-parallel max is deterministic too.
  std::vector<double> best(engine::block_count(f.size()) * C, 0.0);
  parallel_blocks(f.size(), [&](std::size_t begin, std::size_t end) {
    double* b = best.data() + (begin / engine::kBlock) * C;
    for (std::size_t i = begin; i < end; ++i)
      if (f.alive[i]) {
        double& slot = b[w.cell(f.zone[i], f.sector[i])];
        slot = std::max(slot, f.productivity[i]);
      }
  });
  auto& cs = w.cluster;
  cs.employment.assign(C, 0);
  cs.output.assign(C, 0);
  cs.firms.assign(C, 0);
  cs.best_productivity.assign(C, 0);
  cs.mean_productivity.assign(C, 1);
  cs.agglomeration.assign(C, 1);
  for (std::size_t c = 0; c < C; ++c) {
    cs.employment[c] = sums[c * kBins + kEmp];
    cs.output[c] = sums[c * kBins + kOut];
    cs.firms[c] = sums[c * kBins + kCount];
    if (cs.output[c] > 0) cs.mean_productivity[c] = sums[c * kBins + kProdOut] / cs.output[c];
    for (std::size_t b = 0; b * C < best.size(); ++b)
      cs.best_productivity[c] = std::max(cs.best_productivity[c], best[b * C + c]);
  }
  std::vector<double> sector_out(S, 0), sector_prod(S, 0), sector_firms(S, 0);
  for (std::size_t z = 0; z < w.sc.zones.size(); ++z) {
    const double used_km2 = std::max(w.zones[z].land_used / 1e6, 0.01);
    for (std::size_t s = 0; s < S; ++s) {
      const std::size_t c = w.cell(z, s);
      const double density = std::max(cs.employment[c], 1.0) / used_km2;
      cs.agglomeration[c] = std::clamp(std::pow(density / w.sc.model.reference_employment_density,
                                                w.sc.model.agglomeration_elasticity),
                                       0.5, 2.0);
      sector_out[s] += cs.output[c];
      sector_prod[s] += sums[c * kBins + kProdOut];
      sector_firms[s] += cs.firms[c];
    }
  }
  cs.sector_mean_productivity.assign(S, 1.0);
  cs.sector_mean_output.assign(S, 0.0);
  for (std::size_t s = 0; s < S; ++s) {
    if (sector_out[s] > 0) cs.sector_mean_productivity[s] = sector_prod[s] / sector_out[s];
    if (sector_firms[s] > 0) cs.sector_mean_output[s] = sector_out[s] / sector_firms[s];
  }
}

void phase_cluster_stats(World& w) { compute_cluster_stats(w); }

// ------------------------------------------------------------------ talent

namespace {

struct ZoneChoice {
  double leave[2][2];    // [level][in talent housing] monthly hazard of leaving the area
  double utility[2];     // [level]
  double arrive[2];      // [level] probability an outside agent arrives here this month
  double arrive_any[2];  // [level] probability of arriving anywhere (same in every entry)
};

double leading_reward(const World& w, std::size_t z, int& programme) {
  programme = -1;
  for (std::size_t p = 0; p < w.programmes.size(); ++p)
    if (w.terms[p].kind == ProgrammeKind::LeadingTalentReward && w.programmes[p].active &&
        w.programmes[p].budget_left && programme_eligible_zone(w, p, z)) {
      programme = int(p);
      double r = w.terms[p].rate * w.sc.talent.leading_wage;
      if (w.terms[p].cap_per_year > 0) r = std::min(r, w.terms[p].cap_per_year / 12.0);
      return r;
    }
  return 0.0;
}

double pilot_multiplier(const World& w, std::size_t z) {
  double mult = 1.0;
  for (std::size_t p = 0; p < w.programmes.size(); ++p)
    if (w.terms[p].kind == ProgrammeKind::TalentPilot && w.programmes[p].active &&
        programme_eligible_zone(w, p, z))
      mult *= 1.0 + w.terms[p].effect;
  return mult;
}

std::vector<ZoneChoice> zone_choices(const World& w, double outside_pool) {
  const auto& tp = w.sc.talent;
  std::vector<ZoneChoice> out(w.zones.size());
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    int prog = -1;
    const double reward = leading_reward(w, z, prog);
    const double rent = w.sc.zones[z].market_rent;
    for (int level = 0; level < 2; ++level) {
      const double wage = level == 0 ? w.zones[z].skilled_wage : tp.leading_wage;
      const double bonus = level == 1 ? tp.reward_sensitivity * reward / wage : 0.0;
      for (int housed = 0; housed < 2; ++housed) {
        const double cost = rent * (housed ? 1.0 - tp.talent_housing_discount : 1.0);
        out[z].leave[level][housed] =
            std::min(0.5, tp.leaving_rate *
                              std::exp(tp.housing_cost_sensitivity * (cost / wage - 0.3) - bonus));
      }
      out[z].utility[level] = std::log(wage) - tp.housing_cost_sensitivity * rent / wage + bonus;
      // Arrivals: a flow proportional to the zone's talent and its appeal, plus people drawn by
      // jobs left unfilled last month (net of the zone's own job seekers).
      const double open_jobs =
          std::max(0.0, w.zones[z].vacancies[level] - (level == 0 ? w.zones[z].unemployed : 0.0));
      const double present = level == 0 ? w.zones[z].talent_present - w.zones[z].leading_present
                                        : w.zones[z].leading_present;
      const double expected =
          (tp.arrival_rate * std::max(present, level == 0 ? 50.0 : 2.0) * std::exp(bonus) +
           0.5 * open_jobs) *
          pilot_multiplier(w, z);
      out[z].arrive[level] = expected / std::max(outside_pool, 1.0);
    }
  }
  // Probabilities of an outside agent arriving somewhere must sum to at most one per level.
  for (int level = 0; level < 2; ++level) {
    double total = 0;
    for (const auto& c : out) total += c.arrive[level];
    if (total > 0.5)
      for (auto& c : out) c.arrive[level] *= 0.5 / total;
    for (auto& c : out) c.arrive_any[level] = std::min(total, 0.5);
  }
  return out;
}

// Talent housing: renters without a unit take free units, IM employees first (document 000 L13).
void allocate_housing(World& w) {
  auto& t = w.talent;
  std::vector<double> free(w.zones.size());
  bool any = false;
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    free[z] = std::floor(w.zones[z].housing_units - w.zones[z].housing_used);
    any = any || free[z] > 0;
  }
  if (!any) return;
  double left = 0;
  for (double x : free) left += std::max(x, 0.0);
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t a = 0; a < t.size() && left > 0; ++a) {
      const auto z = t.zone[a];
      if (z == kOutside || t.housing[a] || !t.renter[a] || free[z] <= 0) continue;
      const bool im =
          t.employer[a] >= 0 &&
          w.sc.sectors[w.firms.sector[std::size_t(t.employer[a])]].intelligent_manufacturing;
      if (pass == 0 && !im) continue;
      const double need = w.persons(t.level[a]);  // one unit per person the agent stands for
      if (free[z] < need) continue;
      t.housing[a] = 1;
      free[z] -= need;
      left -= need;
      w.zones[z].housing_used += need;
    }
}

void pay_talent_programmes(World& w) {
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    int prog = -1;
    const double reward = leading_reward(w, z, prog);
    if (prog >= 0)
      book(w, std::size_t(prog),
           std::min(reward * w.zones[z].leading_present, budget_room(w, std::size_t(prog))));
    for (std::size_t p = 0; p < w.programmes.size(); ++p)
      if (w.terms[p].kind == ProgrammeKind::TalentHousing && w.programmes[p].active &&
          programme_eligible_zone(w, p, z))
        book(w, p,
             w.zones[z].housing_used * w.sc.zones[z].market_rent *
                 w.sc.talent.talent_housing_discount);
  }
}

// One agent's monthly location decision, given its shared uniform u: outside agents may arrive in
// a zone; agents in a zone may leave the area or move to another zone (and so lose job and unit).
void move_one(World& w, std::size_t a, double u, const std::vector<ZoneChoice>& choice,
              const engine::DecisionStreams& destinations) {
  auto& t = w.talent;
  const std::size_t Z = w.zones.size();
  const int level = t.level[a];
  if (t.zone[a] == kOutside) {
    if (u >= choice[0].arrive_any[level]) return;  // most of the outside pool stays outside
    double acc = 0;
    for (std::size_t z = 0; z < Z; ++z) {
      acc += choice[z].arrive[level];
      if (u < acc) {
        t.zone[a] = std::uint8_t(z);
        return;
      }
    }
    return;
  }
  const auto z = t.zone[a];
  const double leave = choice[z].leave[level][t.housing[a]] * (t.employer[a] < 0 ? 2.0 : 1.0);
  if (u < leave) {
    t.zone[a] = kOutside;
  } else if (u < leave + w.sc.talent.move_rate && Z > 1) {
    // Move to another zone chosen by logit on utility.
    double total = 0;
    for (std::size_t k = 0; k < Z; ++k)
      if (k != z) total += std::exp(choice[k].utility[level] - choice[z].utility[level]);
    const double pick = destinations(a).uniform() * total;
    double acc = 0;
    for (std::size_t k = 0; k < Z; ++k) {
      if (k == z) continue;
      acc += std::exp(choice[k].utility[level] - choice[z].utility[level]);
      if (pick < acc) {
        t.zone[a] = std::uint8_t(k);
        break;
      }
    }
  } else {
    return;
  }
  t.employer[a] = -1;
  t.housing[a] = 0;
}

}  // namespace

void phase_talent(World& w) {
  auto& t = w.talent;
  const std::size_t Z = w.zones.size();
  const auto choice = zone_choices(w, w.talent_outside);
  const auto destinations = w.streams("talent_destination");
  const std::uint64_t move_decision = engine::decision_id("talent_move");
  // One generator call serves four agents (engine::shared_uniforms4); blocks start at multiples
  // of 4.
  parallel_blocks(t.size(), [&](std::size_t begin, std::size_t end) {
    double quad[4];
    for (std::size_t a = begin; a < end; ++a) {
      if ((a & 3) == 0 || a == begin)
        engine::shared_uniforms4(w.key, move_decision, std::uint32_t(w.step), a >> 2, quad);
      move_one(w, a, quad[a & 3], choice, destinations);
    }
  });
  // Recount housing in use and the outside pool after moves, then hand out free units.
  const auto counts = engine::binned_sum(t.size(), Z + 1, [&](std::size_t a, auto& add) {
    if (t.zone[a] == kOutside)
      add(Z, 1.0);
    else if (t.housing[a])
      add(t.zone[a], w.persons(t.level[a]));
  });
  for (std::size_t z = 0; z < Z; ++z) w.zones[z].housing_used = counts[z];
  w.talent_outside = counts[Z];
  allocate_housing(w);
  pay_talent_programmes(w);
}

// ------------------------------------------------------------------ finance

void settle_risk_pool(World& w, double covered_loss) {
  for (std::size_t p = 0; p < w.programmes.size(); ++p) {
    const auto& spec = w.terms[p];
    if (spec.kind != ProgrammeKind::RiskPool) continue;
    auto& st = w.programmes[p];
    const double pay = std::min(spec.rate * covered_loss, st.fund_left);
    st.fund_left -= std::max(pay, 0.0);
    book(w, p, pay);
    w.funds.pool_paid_this_step += std::max(pay, 0.0);
    w.funds.guarantee_paid_this_step += spec.guarantee_share * covered_loss;
    return;
  }
}

namespace {

// Pool coverage the bank can count on for this firm's new loans (0 if none).
double pool_coverage(const World& w, std::size_t i, int& programme) {
  programme = w.programme_for(ProgrammeKind::RiskPool, i);
  return programme >= 0 ? w.terms[programme].rate + w.terms[programme].guarantee_share : 0.0;
}

// Capital financed by credit or leases; an industrialisation subsidy follows it.
void install_capital(World& w, std::size_t i, double amount) {
  auto& f = w.firms;
  f.capital[i] += amount;
  f.investment_gap[i] -= amount;
  if (const int p = f.expansion_programme[i]; p >= 0)
    w.award_request[std::size_t(p)][i] += w.terms[std::size_t(p)].rate * amount;
}

struct LoanOffer {
  double want = 0, line = 0, bank = 0;
};

LoanOffer loan_offer(const World& w, std::size_t i) {
  const auto& f = w.firms;
  const auto& fp = w.sc.funds;
  LoanOffer o;
  o.want = f.investment_gap[i] + std::max(0.0, -f.cash[i]);
  if (o.want <= 0) return o;
  int pool = -1;
  const double coverage = pool_coverage(w, i, pool);
  const double land_value = f.land_owned[i] * w.sc.zones[f.zone[i]].land_price;
  const double assets = f.capital[i] + land_value + std::max(f.cash[i], 0.0);
  const double net_worth = assets - f.debt[i];
  // Banks lend up to leverage x net worth and a debt/asset limit; pool coverage relaxes both
  // (more SME credit) and weakens screening (moral hazard), as guarantee schemes do.
  const double lambda = fp.bank_leverage * (1.0 + fp.pool_leverage_response * coverage);
  const double max_lev =
      fp.bank_max_leverage + fp.moral_hazard * coverage * (1.0 - fp.bank_max_leverage);
  const double by_net_worth = lambda * std::max(net_worth, 0.0) - f.debt[i];
  const double by_leverage = (max_lev * (assets + o.want) - f.debt[i]);
  double ceiling = std::max(0.0, std::min(by_net_worth, by_leverage));
  if (int line = w.programme_for(ProgrammeKind::CreditLine, i); line >= 0) {
    const double line_ceiling = ceiling * (1.0 + w.terms[line].effect);
    o.line = std::min(o.want, line_ceiling);
    ceiling = std::max(0.0, ceiling - o.line);
  }
  o.bank = std::min(o.want - o.line, ceiling);
  return o;
}

void book_loan(World& w, std::size_t i, double amount, bool from_line) {
  auto& f = w.firms;
  if (amount <= 0) return;
  int pool = -1;
  pool_coverage(w, i, pool);
  f.debt[i] += amount;
  if (from_line) f.line_debt[i] += amount;
  if (pool >= 0) f.pool_debt[i] += amount;
  const double to_capital = std::min(amount, f.investment_gap[i]);
  install_capital(w, i, to_capital);
  f.cash[i] += amount - to_capital;
}

void repay_loans(World& w) {
  auto& f = w.firms;
  const double months = w.sc.funds.loan_maturity_years * 12.0;
  parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i] || f.debt[i] <= 0 || f.cash[i] <= 0) return;
    const double pay = std::min(f.debt[i] / months, f.cash[i]);
    const double share = 1.0 - pay / f.debt[i];
    f.cash[i] -= pay;
    f.debt[i] -= pay;
    f.line_debt[i] *= share;
    f.pool_debt[i] *= share;
    f.lease_debt[i] *= share;
  });
}

void lease_equipment(World& w) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  const auto streams = w.streams("leasing");
  const double cost_premium = (m.leasing_rate - w.sc.funds.bank_rate) * 3.0;
  parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i] || f.investment_gap[i] <= 0) return;
    const int p = w.programme_for(ProgrammeKind::LeasingSubsidy, i);
    const double s = p >= 0 ? w.terms[p].rate : 0.0;
    // Lease when the subsidy covers the extra cost of leasing over a bank loan (logit).
    auto rng = streams(std::uint64_t(f.id[i]));
    if (rng.uniform() >= 1.0 / (1.0 + std::exp(-(s - cost_premium) / 0.02))) return;
    const double lease = m.leasing_share * f.investment_gap[i];
    install_capital(w, i, lease);
    f.debt[i] += lease;
    f.lease_debt[i] += lease;
    if (p >= 0)
      w.award_request[std::size_t(p)][i] +=
          std::min(s * lease, w.terms[p].cap > 0 ? w.terms[p].cap : 1e300);
  });
}

// Venture rounds: private VC money per year, plus a guidance fund that co-invests a share g of
// each round; a larger public share lowers the bar VC applies (weaker selection).
void venture_rounds(World& w) {
  auto& f = w.firms;
  const auto& fp = w.sc.funds;
  int fund = -1;
  double g = 0.0;
  for (std::size_t p = 0; p < w.programmes.size(); ++p)
    if (w.terms[p].kind == ProgrammeKind::GuidanceFund && w.programmes[p].active &&
        w.programmes[p].fund_left > 0) {
      fund = int(p);
      g = std::clamp(w.terms[p].effect, 0.0, 0.9);
    }
  const double bar = fp.vc_min_productivity * (1.0 - 0.5 * g);
  std::vector<engine::Request> requests;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i] || !w.sc.sectors[f.sector[i]].strategic_emerging || (f.flags[i] & kListed))
      continue;
    if ((w.month - f.birth[i]) / 12.0 > fp.vc_max_age_years) continue;
    if (f.last_round[i] >= 0 && w.month - f.last_round[i] < 24) continue;
    const double rel = f.productivity[i] / w.cluster.sector_mean_productivity[f.sector[i]];
    if (rel < bar) continue;
    requests.push_back(
        {std::uint32_t(i), std::max(2e6, fp.vc_round_share * 12.0 * f.output[i]), rel});
  }
  if (requests.empty()) return;
  const int months_left = 12 - w.month % 12;
  double private_money = w.funds.vc_left_this_year / months_left;
  double public_money =
      fund >= 0 ? w.programmes[fund].fund_left / std::max(1, w.terms[fund].to - w.month + 1) : 0.0;
  const double supply =
      g < 1.0 ? std::min(private_money / (1.0 - g), g > 0 ? public_money / g : 1e300) : 0.0;
  const auto grants = engine::clear_by_rank(requests, supply, engine::Partial::Forbidden);
  for (std::size_t k = 0; k < requests.size(); ++k) {
    if (grants[k] <= 0) continue;
    const std::size_t i = requests[k].agent;
    f.cash[i] += grants[k];
    f.equity[i] += grants[k];
    f.flags[i] |= kVcBacked;
    f.events[i] |= kEventRound;
    f.last_round[i] = w.month;
    w.funds.vc_left_this_year -= (1.0 - g) * grants[k];
    w.funds.vc_invested_this_step += (1.0 - g) * grants[k];
    if (fund >= 0) {
      w.programmes[fund].fund_left -= g * grants[k];
      w.programmes[fund].drawn += g * grants[k];
      w.funds.guidance_invested_this_step += g * grants[k];
    }
  }
}

}  // namespace

void phase_credit(World& w) {
  auto& f = w.firms;
  repay_loans(w);
  std::vector<LoanOffer> offers(f.size());
  parallel_for(f.size(), [&](std::size_t i) {
    if (f.alive[i]) offers[i] = loan_offer(w, i);
  });
  // The dedicated credit line is a quota: requests are ranked by productivity, then firm id.
  std::vector<engine::Request> line_requests;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (offers[i].line > 0)
      line_requests.push_back({std::uint32_t(i), offers[i].line, f.productivity[i]});
  std::vector<double> line_grant(f.size(), 0.0);
  for (std::size_t p = 0; p < w.programmes.size() && !line_requests.empty(); ++p) {
    if (w.terms[p].kind != ProgrammeKind::CreditLine || !w.programmes[p].active) continue;
    const auto grants = engine::clear_by_rank(line_requests, w.programmes[p].fund_left);
    for (std::size_t k = 0; k < line_requests.size(); ++k)
      line_grant[line_requests[k].agent] = grants[k];
    double drawn = 0;
    for (double g : grants) drawn += g;
    w.programmes[p].fund_left -= drawn;
    w.programmes[p].drawn += drawn;
    break;
  }
  parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i] || offers[i].want <= 0) return;
    book_loan(w, i, line_grant[i], true);
    // Ordinary bank credit comes on top of the line, within the firm's own ceiling.
    book_loan(w, i, std::min(offers[i].bank, offers[i].want - line_grant[i]), false);
  });
  lease_equipment(w);
  venture_rounds(w);
  parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i]) return;
    const double net_worth =
        f.cash[i] + f.capital[i] + f.land_owned[i] * w.sc.zones[f.zone[i]].land_price - f.debt[i];
    f.distress[i] = (f.cash[i] < 0 || net_worth < 0) ? f.distress[i] + 1 : 0;
  });
}

// ------------------------------------------------------------------ programme awards

void phase_awards(World& w) {
  auto& f = w.firms;
  for (std::size_t p = 0; p < w.programmes.size(); ++p) {
    if (w.award_request[p].empty()) continue;
    std::vector<double> priority(f.size());
    for (std::size_t i = 0; i < f.size(); ++i) priority[i] = f.productivity[i];
    // A programme's cap is per project; a firm runs at most one supported project of a kind a
    // year, so what it may still receive this year is the cap less what it already got.
    auto& asked = w.award_request[p];
    const double cap = w.terms[p].cap;
    auto& tally = w.programmes[p].paid_to_firm_this_year;
    if (cap > 0)
      for (std::size_t i = 0; i < asked.size(); ++i)
        asked[i] = std::min(asked[i], std::max(0.0, cap - tally[i]));
    const auto requests = engine::collect_requests(asked, priority);
    const auto grants =
        engine::clear_by_rank(requests, budget_room(w, p), engine::Partial::Allowed);
    for (std::size_t k = 0; k < requests.size(); ++k) {
      w.pay(p, requests[k].agent, grants[k]);
      tally[requests[k].agent] += grants[k];
    }
  }
  // Platform rent support (L5) goes to platform owners each month.
  w.patents_this_step = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    if (f.events[i] & kEventInnovation) w.patents_this_step += w.sc.model.patents_per_innovation;
    if (f.events[i] & kEventPlatform) w.platforms[w.cell(f.zone[i], f.sector[i])] += 1;
    if (f.events[i] & kEventRetrofit) w.retrofits += 1;
    if (f.events[i] & kEventFirstUnit) w.first_units += 1;
    if (f.flags[i] & kPlatformOwner) {
      if (int p = w.programme_for(ProgrammeKind::PlatformRent, i); p >= 0) {
        const auto& spec = w.terms[std::size_t(p)];
        double pay = spec.rate * w.sc.model.platform_rent_per_year / 12.0;
        if (spec.cap_per_year > 0) pay = std::min(pay, spec.cap_per_year / 12.0);
        w.pay(std::size_t(p), i, std::min(pay, budget_room(w, std::size_t(p))));
      }
    }
  }
  // Local procurement and retrofits become demand for the zone's IM suppliers next month;
  // a local-procurement programme pays its price preference on that spending.
  const auto spend = engine::binned_sum(f.size(), w.zones.size(), [&](std::size_t i, auto& add) {
    if (f.alive[i] && f.local_spend[i] > 0) add(f.zone[i], f.local_spend[i]);
  });
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    w.zones[z].local_demand = spend[z] / 12.0;  // spread over a year of deliveries
    for (std::size_t p = 0; p < w.programmes.size(); ++p)
      if (w.terms[p].kind == ProgrammeKind::LocalProcurement && w.programmes[p].active &&
          programme_eligible_zone(w, p, z))
        book(w, p, std::min(w.terms[p].rate * spend[z], budget_room(w, p)));
  }
}

// ------------------------------------------------------------------ land

static void relocate(World& w);

// Full-life-cycle land contracts (003): each January a firm whose output per mu last year was below
// its zone's rule counts one more year; after exit_clause_years in a row its land is taken back and
// it leaves at the exit phase, freeing the parcel for denser users (腾笼换鸟).
static void apply_exit_clauses(World& w) {
  auto& f = w.firms;
  parallel_for(f.size(), [&](std::size_t i) {
    const auto& zone = w.sc.zones[f.zone[i]];
    if (!f.alive[i] || zone.exit_clause_years <= 0 || zone.min_output_per_mu <= 0) return;
    f.low_density_years[i] = w.below_output_per_mu(i) ? f.low_density_years[i] + 1 : 0;
    f.land_revoked[i] = f.low_density_years[i] >= zone.exit_clause_years;
  });
  for (std::size_t i = 0; i < f.size(); ++i)
    w.land_revoked += f.alive[i] && f.land_revoked[i] ? 1.0 : 0.0;
}

void phase_land(World& w) {
  auto& f = w.firms;
  if (w.is_january()) apply_exit_clauses(w);
  parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i] || f.land_pending[i] <= 0) return;
    if (--f.approval_left[i] > 0) return;
    const double bought = f.land_buy_pending[i];
    f.land_owned[i] += bought * f.land_pending[i];
    f.land_leased[i] += (1.0 - bought) * f.land_pending[i];
    f.land_pending[i] = 0;
  });
  // Requests are ranked by output per m2 (以亩均论英雄: denser users first), then firm id.
  for (std::size_t z = 0; z < w.zones.size(); ++z) {
    const auto& zone = w.sc.zones[z];
    std::vector<engine::Request> requests;
    for (std::size_t i = 0; i < f.size(); ++i)
      if (f.alive[i] && f.zone[i] == z && f.land_request[i] > 0)
        requests.push_back(
            {std::uint32_t(i), f.land_request[i], f.output[i] / std::max(f.land(i), 1.0)});
    if (requests.empty()) continue;
    const double free = std::max(0.0, zone.area - w.zones[z].land_used);
    const auto grants = engine::clear_by_rank(requests, free, engine::Partial::Forbidden);
    for (std::size_t k = 0; k < requests.size(); ++k) {
      const std::size_t i = requests[k].agent;
      if (grants[k] <= 0) {
        ++f.land_wait[i];
        continue;
      }
      f.land_wait[i] = 0;
      f.land_pending[i] += grants[k];
      f.approval_left[i] = std::max(1, zone.approval_months);
      w.zones[z].land_used += grants[k];
      // Land is bought only from spare cash; otherwise it is leased (lease first, buy later).
      const double price = (1.0 - zone.lease_share) * grants[k] * zone.land_price;
      f.land_buy_pending[i] = f.cash[i] > price ? (1.0 - zone.lease_share) : 0.0;
      f.cash[i] -= f.land_buy_pending[i] > 0 ? price : 0.0;
    }
  }
  relocate(w);
}

// Firms that waited long for land may move to the zone with the largest free share, taking a
// standard factory of the same size there. Their talent stays behind (separated in hiring).
static void relocate(World& w) {
  auto& f = w.firms;
  const auto& m = w.sc.model;
  const std::size_t Z = w.zones.size();
  if (Z < 2) return;
  const auto streams = w.streams("relocation");
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i] || f.land_wait[i] < m.relocation_wait_months) continue;
    std::size_t best = f.zone[i];
    double best_free = 0;
    for (std::size_t z = 0; z < Z; ++z) {
      const double free = w.sc.zones[z].area - w.zones[z].land_used;
      if (z != f.zone[i] && free / w.sc.zones[z].area > best_free) {
        best = z;
        best_free = free / w.sc.zones[z].area;
      }
    }
    const double land = f.land(i) + f.land_pending[i] + f.land_request[i];
    if (best == f.zone[i] || w.sc.zones[best].area - w.zones[best].land_used < land) continue;
    if (streams(std::uint64_t(f.id[i])).uniform() >= m.relocation_rate) continue;
    w.zones[f.zone[i]].land_used -= f.land(i) + f.land_pending[i];
    w.zones[best].land_used += land;
    f.land_leased[i] += f.land_owned[i] + f.land_pending[i] + f.land_request[i];
    f.cash[i] += f.land_owned[i] * w.sc.zones[f.zone[i]].land_price;  // the old plot is sold back
    f.land_owned[i] = f.land_pending[i] = f.land_request[i] = f.extra_floor[i] = 0;
    f.cash[i] -= m.relocation_cost_months * f.value_added[i];
    f.zone[i] = std::uint16_t(best);
    f.land_wait[i] = 0;
    f.events[i] |= kEventRelocation;
  }
}

// ------------------------------------------------------------------ hiring

void phase_hiring(World& w) {
  auto& f = w.firms;
  auto& t = w.talent;
  parallel_for(f.size(), [&](std::size_t i) {
    if (!f.alive[i]) {
      f.skilled_wanted[i] = f.leading_wanted[i] = 0;
      return;
    }
    const auto& sec = w.sc.sectors[f.sector[i]];
    const double cap_k = f.capital[i] / (sec.capital_output_ratio * 12.0);
    const double labour = 12.0 * std::min(f.demand[i], cap_k) / sec.labour_productivity;
    f.skilled_wanted[i] = w.skilled_agents_for(labour, sec, f.id[i]);
    const double annual = f.output[i] * 12.0;
    f.leading_wanted[i] =
        (f.flags[i] & kRdActive) && annual > 2e8 ? std::min(3, 1 + int(annual / 5e9)) : 0;
    f.workers[i] = std::max(0.0, labour - f.skilled_wanted[i] * w.persons(0) - f.leading_wanted[i]);
  });
  // Separations: employees of dead, moved or over-staffed firms leave their jobs.
  const auto quits = w.streams("separation");
  parallel_for(t.size(), [&](std::size_t a) {
    const int e = t.employer[a];
    if (e < 0) return;
    const std::size_t i = std::size_t(e);
    if (!f.alive[i] || f.zone[i] != t.zone[a]) {
      t.employer[a] = -1;
      return;
    }
    const int have = t.level[a] == 0 ? f.skilled[i] : f.leading[i];
    const int want = t.level[a] == 0 ? f.skilled_wanted[i] : f.leading_wanted[i];
    if (have > want && quits(a).uniform() < double(have - want) / have) t.employer[a] = -1;
  });
  // Recount, then match job seekers (by agent id) to vacancies (by productivity, then firm id).
  std::vector<std::atomic<int>> count(f.size() * 2);
  parallel_for(t.size(), [&](std::size_t a) {
    if (t.employer[a] >= 0)
      count[std::size_t(t.employer[a]) * 2 + t.level[a]].fetch_add(1, std::memory_order_relaxed);
  });
  for (std::size_t i = 0; i < f.size(); ++i) {
    f.skilled[i] = count[i * 2].load();
    f.leading[i] = count[i * 2 + 1].load();
  }
  const std::size_t Z = w.zones.size();
  std::vector<std::vector<std::uint32_t>> vacancies(Z * 2);
  std::vector<double> vacancy_total(Z, 0), wanted_total(Z, 0);
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    for (int level = 0; level < 2; ++level) {
      const int gap =
          (level == 0 ? f.skilled_wanted[i] - f.skilled[i] : f.leading_wanted[i] - f.leading[i]);
      if (gap > 0) vacancies[f.zone[i] * 2 + level].push_back(std::uint32_t(i));
      if (level == 0) {
        vacancy_total[f.zone[i]] += std::max(gap, 0);
        wanted_total[f.zone[i]] += f.skilled_wanted[i];
      }
    }
  }
  for (auto& v : vacancies)
    std::sort(v.begin(), v.end(), [&](std::uint32_t a, std::uint32_t b) {
      if (f.productivity[a] != f.productivity[b]) return f.productivity[a] > f.productivity[b];
      return f.id[a] < f.id[b];
    });
  // Job seekers in agent order: block-parallel collection keeps that order.
  std::vector<std::vector<std::uint32_t>> seekers_by_block(engine::block_count(t.size()));
  parallel_blocks(t.size(), [&](std::size_t begin, std::size_t end) {
    auto& list = seekers_by_block[begin / engine::kBlock];
    for (std::size_t a = begin; a < end; ++a)
      if (t.zone[a] != kOutside && t.employer[a] < 0) list.push_back(std::uint32_t(a));
  });
  std::vector<std::size_t> cursor(Z * 2, 0);
  std::vector<double> unemployed(Z, 0);
  for (const auto& list : seekers_by_block)
    for (std::uint32_t a : list) {
      const std::size_t key = t.zone[a] * 2 + t.level[a];
      auto& v = vacancies[key];
      auto& c = cursor[key];
      while (c < v.size()) {
        const std::size_t i = v[c];
        int& have = t.level[a] == 0 ? f.skilled[i] : f.leading[i];
        const int want = t.level[a] == 0 ? f.skilled_wanted[i] : f.leading_wanted[i];
        if (have < want) {
          t.employer[a] = int(i);
          ++have;
          break;
        }
        ++c;
      }
      if (t.employer[a] < 0) unemployed[t.zone[a]] += 1;
    }
  // Zone wages rise with unfilled vacancies and ease back when jobs are filled.
  const auto present = engine::binned_sum(t.size(), Z * 2, [&](std::size_t a, auto& add) {
    if (t.zone[a] != kOutside) add(t.zone[a] * 2 + t.level[a], 1.0);
  });
  for (std::size_t z = 0; z < Z; ++z) {
    const double vac_rate = vacancy_total[z] / (wanted_total[z] + 1.0);
    auto& wage = w.zones[z].skilled_wage;
    wage *= 1.0 + w.sc.talent.vacancy_wage_response * (vac_rate - 0.02);
    wage = std::clamp(wage, 0.8 * w.sc.talent.skilled_wage, 3.0 * w.sc.talent.skilled_wage);
    w.zones[z].talent_present = present[z * 2] + present[z * 2 + 1];
    w.zones[z].leading_present = present[z * 2 + 1];
    w.zones[z].unemployed = unemployed[z];
  }
  for (auto& zs : w.zones) zs.vacancies[0] = zs.vacancies[1] = 0;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f.alive[i]) {
      w.zones[f.zone[i]].vacancies[0] += std::max(0, f.skilled_wanted[i] - f.skilled[i]);
      w.zones[f.zone[i]].vacancies[1] += std::max(0, f.leading_wanted[i] - f.leading[i]);
    }
}

// ------------------------------------------------------------------ schedule

engine::Schedule<World> make_schedule() {
  engine::Schedule<World> s;
  s.add("calendar", "date, programme activity, dated changes of terms and budgets, market growth",
        phase_calendar);
  s.add("cluster_stats", "zone x sector employment, output, best productivity, agglomeration",
        phase_cluster_stats);
  s.add(
      "events",
      "exogenous demand and capacity shocks; anchor projects granted land and starting production",
      phase_events);
  s.add("talent",
        "talent arrivals, departures and moves by wage, housing and rewards; housing allocation",
        phase_talent);
  s.add("innovation", "R&D choice, innovation and imitation draws, first-unit products (L1, L2)",
        phase_innovation);
  s.add("centres",
        "manufacturing innovation centres: applications, review, preparation, results and "
        "spill-over, evaluations (001)",
        phase_centres);
  s.add("investment",
        "capacity, smart retrofits, platforms, acquisitions, listings and their applications "
        "(L3-L8, L12, L16)",
        phase_investment);
  s.add("credit",
        "repayments, bank loans, credit line quota, risk-pool coverage, leasing, venture rounds "
        "(L9-L11)",
        phase_credit);
  s.add("awards", "programme budgets cleared by rank and paid", phase_awards);
  s.add("land",
        "approvals, land requests cleared by output per m2, relocation of firms short of land",
        phase_land);
  s.add("hiring", "labour needs, separations, matching of talent to vacancies, wages",
        phase_hiring);
  s.add("production", "demand, output within capacity, costs and cash", phase_production);
  s.add("exit", "insolvency exits, loan defaults, risk-pool refunds, land released", phase_exit);
  s.add("entry", "entrants by zone attractiveness and free land", phase_entry);
  s.add("record", "monthly series; December: certification, snapshots, compaction", phase_record);
  return s;
}

}  // namespace parksim::model
