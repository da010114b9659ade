// The record phase: monthly series by zone and sector, and in December the firm snapshot, the
// year roll-over and compaction of exited firms.
#include <algorithm>
#include <cmath>

#include "agents/status.hpp"
#include "parksim/engine/parallel.hpp"
#include "phases.hpp"
#include "programmes/finance.hpp"
#include "programmes/land_supply.hpp"
#include "programmes/finance_agents.hpp"
#include "programmes/finance_banks.hpp"

namespace parksim::model {

namespace {

void take_snapshot(World& w) {
  auto& f = w.firms;
  auto& snap = w.snapshot;
  snap.clear();
  for (std::size_t i = 0; i < f.size(); ++i) {
    // Firms that exited before this year were dropped at the last compaction; those that
    // exited this year appear once with alive = 0.
    snap.replication.push_back(std::int32_t(w.key.replication));
    snap.year.push_back(w.year());
    snap.id.push_back(f.id[i]);
    snap.zone.push_back(f.zone[i]);
    snap.sector.push_back(f.sector[i]);
    snap.age.push_back((w.month + 1 - f.birth[i]) / 12.0);
    snap.employees.push_back(std::int32_t(std::lround(w.employees(i))));
    snap.output.push_back(f.output_year[i] / 1e8);
    snap.productivity.push_back(f.productivity[i]);
    snap.capital.push_back(f.capital[i] / 1e8);
    snap.rd_intensity.push_back(f.output_year[i] > 0 ? f.rd_year[i] / f.output_year[i] : 0.0);
    snap.alive.push_back(f.alive[i]);
    snap.high_tech.push_back((f.flags[i] & kHighTech) ? 1 : 0);
    snap.valuation.push_back(marked_valuation(w, i) / 1e8);
    snap.listed.push_back((f.flags[i] & kListed) ? 1 : 0);
    snap.vc_backed.push_back((f.flags[i] & kVcBacked) ? 1 : 0);
    snap.hidden_champion.push_back((f.flags[i] & kHiddenChampion) ? 1 : 0);
    snap.unicorn.push_back((f.flags[i] & kUnicorn) ? 1 : 0);
  }
}

// Drops exited firms, keeping the order of the rest, and renumbers talent employers.
void compact(World& w) {
  auto& f = w.firms;
  std::vector<std::int32_t> remap(f.size(), -1);
  std::size_t n = 0;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f.alive[i]) remap[i] = std::int32_t(n++);
  auto keep_alive = [&](auto& col) {
    std::size_t k = 0;
    for (std::size_t i = 0; i < col.size(); ++i)
      if (remap[i] >= 0) col[k++] = col[i];
    col.resize(n);
  };
  f.visit(keep_alive);
  // Per-firm programme columns follow the firms' slots. The yearly award tally restarts in
  // January, but a checkpoint taken at the start of January holds it between compaction and
  // the calendar, so it must already have one value per remaining firm.
  for (auto& p : w.programmes) {
    if (!p.covered_debt.empty()) keep_alive(p.covered_debt);
    if (!p.paid_to_firm_this_year.empty()) keep_alive(p.paid_to_firm_this_year);
  }
  auto& t = w.talent;
  engine::parallel_for(t.size(), [&](std::size_t a) {
    if (t.employer[a] >= 0) t.employer[a] = remap[std::size_t(t.employer[a])];
  });
}

void roll_year(World& w) {
  auto& f = w.firms;
  engine::parallel_for(f.size(), [&](std::size_t i) {
    f.output_last_year[i] = f.output_year[i];
    f.output_year[i] = 0;
    f.rd_year[i] = 0;
  });
}

}  // namespace

void phase_record(World& w) {
  auto& f = w.firms;
  const std::size_t C = w.cells(), Z = w.sc.zones.size();
  auto& r = w.record;
  const int K = kSeriesCount;
  auto at = [&](Series s, std::size_t c) { return std::size_t(s) * C + c; };
  r.cube = engine::binned_sum(f.size(), K * C, [&](std::size_t i, auto& add) {
    const std::size_t c = w.cell(f.zone[i], f.sector[i]);
    if (f.alive[i]) {
      add(at(Series::Output, c), f.output[i]);
      add(at(Series::ValueAdded, c), f.value_added[i]);
      add(at(Series::Firms, c), 1.0);
      add(at(Series::Employment, c), w.employees(i));
      add(at(Series::LandUsed, c), standard_factories::land_in_use(w, i) + f.land_pending[i]);
      add(at(Series::RdSpend, c), f.rd_spend[i]);
      add(at(Series::HighTech, c), (f.flags[i] & kHighTech) ? 1.0 : 0.0);
      add(at(Series::Talent, c), f.skilled[i] * w.persons(0) + f.leading[i]);
      add(at(Series::Loans, c), f.debt[i]);
      add(at(Series::IncomeTax, c), f.tax_month[i]);
    } else if (f.exit_month[i] == w.month) {
      add(at(Series::Defaults, c), f.debt[i]);
    }
  });
  for (std::size_t c = 0; c < C; ++c) {
    r.cube[at(Series::Platforms, c)] = w.platforms[c];
    r.cube[at(Series::Entries, c)] = w.entries_cell[c];
    r.cube[at(Series::Exits, c)] = w.exits_cell[c];
  }
  r.subsidy.resize(w.programmes.size());
  for (std::size_t p = 0; p < w.programmes.size(); ++p)
    r.subsidy[p] = w.programmes[p].paid_this_step;
  r.zone_talent.assign(Z * 2, 0);
  r.zone_land.assign(Z, 0);
  r.zone_wage.assign(Z, 0);
  r.zone_housing.assign(Z, 0);
  for (std::size_t z = 0; z < Z; ++z) {
    r.zone_talent[z * 2] = (w.zones[z].talent_present - w.zones[z].leading_present) * w.persons(0);
    r.zone_talent[z * 2 + 1] = w.zones[z].leading_present;
    r.zone_land[z] = w.zones[z].land_used;
    r.zone_wage[z] = w.zones[z].skilled_wage;
    r.zone_housing[z] = w.zones[z].housing_units;
  }
  r[Scalar::RiskPoolPaid] = w.funds.pool_paid_this_step;
  r[Scalar::GuaranteePaid] = w.funds.guarantee_paid_this_step;
  r[Scalar::AnchorProjects] = w.anchor_projects;
  r[Scalar::CreditLineDrawn] = credit_line::drawn(w);
  r[Scalar::VcInvested] = w.funds.vc_invested_this_step;
  r[Scalar::GuidanceInvested] = w.funds.guidance_invested_this_step;
  r[Scalar::Patents] = w.patents_this_step;
  r[Scalar::LandRevoked] = w.land_revoked;
  r[Scalar::FloorAdded] = r[Scalar::LandAwaitingApproval] = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    r[Scalar::FloorAdded] += f.extra_floor[i];
    r[Scalar::LandAwaitingApproval] += f.land_pending[i];
  }
  r[Scalar::Incubators] = 0;
  r[Scalar::FactoryFloor] = r[Scalar::FactoryFloorLet] = r[Scalar::FactoryRent] = 0;
  r[Scalar::PowerSurcharge] = 0;
  r[Scalar::KeyProjectLand] = r[Scalar::LandReduced] = 0;
  for (const std::size_t p : w.programmes_of(ProgrammeKind::KeyProjectLand))
    r[Scalar::KeyProjectLand] += w.programmes[p].units;
  for (const std::size_t p : w.programmes_of(ProgrammeKind::LandReduction))
    r[Scalar::LandReduced] += w.programmes[p].units;
  for (const auto& zs : w.zones) {
    r[Scalar::Incubators] += zs.incubators;
    r[Scalar::FactoryFloor] += zs.factory_floor;
    r[Scalar::FactoryFloorLet] += zs.factory_let;
    r[Scalar::FactoryRent] += zs.factory_rent_total;
    r[Scalar::PowerSurcharge] += zs.power_surcharge_total;
  }
  r[Scalar::CentresPreparing] = r[Scalar::CentresOperating] = r[Scalar::CentresRevoked] = 0;
  for (const auto& c : w.centres) {
    r[Scalar::CentresPreparing] +=
        c.stage == CentreStage::Preparing || c.stage == CentreStage::Extended;
    r[Scalar::CentresOperating] += c.stage == CentreStage::Operating;
    r[Scalar::CentresRevoked] += c.stage == CentreStage::Revoked;
  }
  r[Scalar::CentreResults] = w.centre_results;
  r[Scalar::GuaranteesOutstanding] = guarantee_company::outstanding_all(w);
  r[Scalar::IpPledgedOutstanding] = ip_pledge::outstanding_all(w);
  r[Scalar::PolicyBankOutstanding] = policy_bank::outstanding_all(w);
  r[Scalar::Retrofits] = w.retrofits;
  r[Scalar::FirstUnits] = w.first_units;
  if (w.is_december()) take_snapshot(w);
  double unicorns = 0, champions = 0, listed = 0;
  // Unicorns, hidden champions and listings are counted among industrial firms (the plans' targets
  // are manufacturers); non-industrial zones hold technology services.
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i] || !w.sc.zones[f.zone[i]].industrial) continue;
    unicorns += (f.flags[i] & kUnicorn) ? 1 : 0;
    champions += (f.flags[i] & kHiddenChampion) ? 1 : 0;
    listed += (f.flags[i] & kListed) ? 1 : 0;
  }
  r[Scalar::Unicorns] = unicorns;
  r[Scalar::HiddenChampions] = champions;
  r[Scalar::Listed] = listed;
  if (w.is_december()) {
    roll_year(w);
    compact(w);
  }
}

}  // namespace parksim::model
