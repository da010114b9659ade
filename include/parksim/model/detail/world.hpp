#pragma once
// Internal to the model (and its tests): the world of one replication: the frozen scenario, agent
// columns, programme and fund state, and the phase list of a monthly step.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

#include "parksim/engine/rng.hpp"
#include "parksim/engine/schedule.hpp"
#include "parksim/model/detail/state.hpp"
#include "parksim/model/records.hpp"
#include "parksim/model/scenario.hpp"

namespace parksim::model {

class World {
 public:
  World(const Scenario& scenario, engine::StreamKey key);

  const Scenario& sc;
  engine::StreamKey key;
  int step = 0;   // 0-based step within the run
  int month = 0;  // absolute month index of this step
  Firms firms;
  Talent talent;
  std::vector<ZoneState> zones;
  std::vector<ProgrammeState> programmes;
  std::vector<ProgrammeSpec> terms;  // programmes' current terms (scenario terms + dated changes)
  Funds funds;
  ClusterStats cluster;
  std::vector<double> platforms;                   // [zone x sector] platforms in operation
  std::vector<std::uint8_t> eligibility;           // [programme][zone x sector]
  std::vector<std::vector<double>> award_request;  // [programme][firm] CNY asked this step
  std::vector<double> sector_market;               // market index per sector (grows with demand)
  std::vector<double> sector_frontier;             // outside competitors' productivity per sector
  std::int64_t next_firm_id = 0;
  double retrofits = 0, first_units = 0;
  double talent_outside = 0;  // talent agents in the outside pool (recounted each month)
  int entries_this_step = 0;
  std::vector<double> entries_cell, exits_cell;  // [zone x sector] this step
  std::vector<double> attract_ref;               // [zone x sector] attractiveness at the start
  std::vector<double> demand_factor;    // [zone x sector] demand multiplier of active shocks
  std::vector<double> capacity_factor;  // [zone x sector] capacity available under active shocks
  double anchor_projects = 0;           // anchor projects arrived since the start
  double patents_this_step = 0;
  double land_revoked = 0;      // times contract land was taken back (exit clause, lease not sold)
  std::vector<Centre> centres;  // manufacturing innovation centres ever selected
  double centre_results = 0;
  std::vector<double> anchor_land;  // [event] land granted to an anchor project (m2)

  StepRecord record;      // filled by the record phase each step
  SnapshotRows snapshot;  // filled in December

  std::size_t cells() const { return sc.zones.size() * sc.sectors.size(); }
  // Persons a talent agent of a level stands for: skilled agents may stand for several persons in
  // city-wide scenarios (talent.skilled_per_agent); leading talents are individuals.
  double persons(int level) const { return level == 0 ? double(sc.talent.skilled_per_agent) : 1.0; }
  // Skilled-talent agents a firm with this many employees wants. With agents standing for several
  // persons, a firm-specific fixed offset rounds the fraction up or down so that the total is
  // unbiased and a firm's need does not flicker from month to month.
  int skilled_agents_for(double labour, const SectorSpec& sec, std::int64_t firm_id) const {
    const double x = sec.skilled_share * labour / persons(0);
    if (sc.talent.skilled_per_agent == 1) return int(std::ceil(x));
    const double offset = std::fmod(double(firm_id) * 0.6180339887498949, 1.0);
    return int(std::floor(x + offset));
  }
  // Floor area a firm produces on: its land at the zone's plot ratio, any plot-ratio increase and
  // the standard-factory floor it rents.
  double floor_area(std::size_t i) const {
    return firms.land(i) * sc.zones[firms.zone[i]].plot_ratio + firms.extra_floor[i] +
           firms.factory_floor[i];
  }
  // Industrial land of zone z: its area and the key-project quota land added to it (m2).
  double industrial_area(std::size_t z) const { return sc.zones[z].area + zones[z].land_added; }
  // Free industrial land of zone z (m2, at least 0).
  double free_land(std::size_t z) const {
    return std::max(0.0, industrial_area(z) - zones[z].land_used);
  }
  // Whether last year's output per mu of the firm's land fell below its zone's rule (firms younger
  // than two years are exempt): the basis of the low-density surcharge and of exit clauses.
  bool below_output_per_mu(std::size_t i) const;
  // Leading talents a firm wants: R&D-active firms above a sales threshold want one, and one
  // more per further step of yearly sales, up to a cap (talent keys leading_*). One rule for the
  // starting population, entrants and the monthly labour market.
  int leading_agents_for(double annual_output, bool rd_active) const {
    const auto& t = sc.talent;
    if (!rd_active || annual_output <= t.leading_min_output) return 0;
    return std::min(t.leading_max_per_firm, 1 + int(annual_output / t.leading_output_step));
  }
  // The jobs a firm plans for `labour` persons and its yearly output: skilled and leading talent
  // agents wanted, general workers the rest. One rule for the starting population, entrants,
  // anchors and the monthly labour plan.
  void plan_jobs(std::size_t i, double labour, double annual_output, bool rd_active) {
    auto& f = firms;
    f.skilled_wanted[i] = skilled_agents_for(labour, sc.sectors[f.sector[i]], f.id[i]);
    f.leading_wanted[i] = leading_agents_for(annual_output, rd_active);
    f.workers[i] = std::max(0.0, labour - f.skilled_wanted[i] * persons(0) - f.leading_wanted[i]);
  }
  // The persons a firm's jobs are planned for (plan_jobs' labour), filled or not.
  double planned_labour(std::size_t i) const {
    return firms.workers[i] + firms.skilled_wanted[i] * persons(0) + firms.leading_wanted[i];
  }
  // Employees of a firm in persons: general workers, skilled and leading talent.
  double employees(std::size_t i) const {
    return firms.workers[i] + firms.skilled[i] * persons(0) + firms.leading[i];
  }
  std::size_t cell(std::size_t z, std::size_t s) const { return z * sc.sectors.size() + s; }
  int year() const { return month / 12; }
  bool is_december() const { return month % 12 == 11; }
  bool is_january() const { return month % 12 == 0; }

  // Streams of a named decision at this step.
  engine::DecisionStreams streams(std::string_view decision) const {
    return engine::DecisionStreams(key, decision, static_cast<std::uint32_t>(step));
  }

  // Programmes of a kind, in scenario order (the base file's order, overlays' appended).
  const std::vector<std::size_t>& programmes_of(ProgrammeKind kind) const {
    return by_kind_[std::size_t(kind)];
  }
  // First active programme of a kind for which the firm is eligible and budget is left; -1 if none.
  int programme_for(ProgrammeKind kind, std::size_t firm) const;
  bool is_sme(std::size_t firm) const;
  // Pays an award to a firm and books it to the programme (called from clearing, sequential).
  void pay(std::size_t programme, std::size_t firm, double amount);

 private:
  std::vector<std::vector<std::size_t>> by_kind_;  // [ProgrammeKind] programme indices
};

// R&D / sales a firm of this annual sales needs for high-tech certification (2016 rules' size
// bands).
double high_tech_threshold(const ModelParams& m, double annual_sales);

// Appends a firm slot with a fresh id, alive, and neutral values in every column; returns the slot.
// `id` < 0 takes the next sequential id.
std::size_t new_firm(World& world, std::size_t zone, std::size_t sector, int birth_month,
                     std::int64_t id = -1);

// Where a firm comes from: the starting population, entry, or a document's anchor project.
enum class FirmOrigin { Incumbent, Entrant, Anchor };

// What the caller decides or draws about a new firm; start_firm derives the rest.
struct FirmStart {
  FirmOrigin origin = FirmOrigin::Entrant;
  std::size_t zone = 0, sector = 0;
  int birth_month = 0;
  double productivity = 1.0, payback_years = 1.0, volatility = 1.0;
  // Planned sales per year (labour follows) and per month (demand, cash); both are given because
  // incumbents start from a yearly figure and entrants from a monthly draw.
  double annual_output = 0.0, monthly_output = 0.0;
  double first_output = 0.0;  // output booked in the month of birth
  double capital = 0.0;
  bool rd_active = false;
  double rd_intensity = 0.0;   // R&D / sales of an R&D-active firm
  double land_owned = 0.0;     // anchor projects: land granted at signing (m2)
  double factory_floor = 0.0;  // entrants: standard-factory floor rented instead of leased land
  double jobs = 0.0;           // anchor projects: stated jobs (0: the sector's labour productivity)
  // The firm's id, which keys its random streams: < 0 takes the next sequential id. An anchor
  // project's is fixed by its event (anchor_firm_id), so that it draws the same shocks in every
  // scenario that has the event, whatever number of entrants came before it (common random
  // numbers for the largest firm of a zone).
  std::int64_t id = -1;
};

// Ids of anchor-project firms: above any sequential id, one per event.
inline std::int64_t anchor_firm_id(std::size_t event) {
  return (std::int64_t(1) << 40) + std::int64_t(event);
}

// The one firm set-up (firm_start.cpp): labour and talent wanted, cash, debt, land and the
// demand shifter follow from the FirmStart by the same rules for every origin.
std::size_t start_firm(World& world, const FirmStart& start);

// Builds the starting population from the scenario's aggregate figures: drawn, then run through
// model.burn_in_years of the firm rules and scaled back to the base year (burn_in.cpp).
void populate(World& world);

// The drawn population (world.cpp): firms by the scenario's figures born before month `origin`,
// their land, the zones' platforms, talent and demand shifters that make demand equal output.
void draw_population(World& world, int origin);
// Talent agents of a level (0 skilled, 1 leading) a zone holds at the start: its stock in
// persons over the persons an agent stands for.
int starting_talent_agents(const World& world, std::size_t zone, int level);
// Firms' skilled and leading counts recounted from the talent agents' employers.
void count_employed_talent(World& world);
// The zones' starting platforms, over their sectors by output.
void allot_initial_platforms(World& world);

// Cluster statistics of the current state (also used to calibrate the starting population).
void compute_cluster_stats(World& world);

// The named phases of a monthly step, in order.
engine::Schedule<World> make_schedule();

// The source file (relative to the repository root) that implements a phase of make_schedule(),
// from the one phase -> file table in schedule.cpp. Throws std::out_of_range for an unknown name.
std::string_view phase_source_file(std::string_view phase);

}  // namespace parksim::model
