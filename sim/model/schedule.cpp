// The monthly step at a glance: its named phases, in order, each with what it does. Each phase
// lives in agents/ (see docs/DESIGN.md for the map of phases to files).
#include <array>
#include <stdexcept>
#include <string>
#include <utility>

#include "phases.hpp"

namespace parksim::model {
namespace {

// Phase -> the file that implements it (docs/ODD.md, section 3; tests check each file exists).
constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kPhaseFiles{{
    {"calendar", "sim/model/agents/calendar.cpp"},
    {"cluster_stats", "sim/model/agents/cluster.cpp"},
    {"events", "sim/model/agents/events.cpp"},
    {"talent", "sim/model/agents/talent.cpp"},
    {"innovation", "sim/model/agents/innovation.cpp"},
    {"centres", "sim/model/programmes/innovation_centres.cpp"},
    {"investment", "sim/model/agents/investment.cpp"},
    {"credit", "sim/model/agents/banks.cpp"},
    {"awards", "sim/model/agents/awards.cpp"},
    {"tally", "sim/model/agents/awards.cpp"},
    {"land", "sim/model/agents/land.cpp"},
    {"hiring", "sim/model/agents/labour.cpp"},
    {"production", "sim/model/agents/production.cpp"},
    {"exit", "sim/model/agents/lifecycle.cpp"},
    {"entry", "sim/model/agents/lifecycle.cpp"},
    {"status", "sim/model/agents/status.cpp"},
    {"tax", "sim/model/agents/tax.cpp"},
    {"record", "sim/model/output/record.cpp"},
}};

}  // namespace

std::string_view phase_source_file(std::string_view phase) {
  for (const auto& [name, file] : kPhaseFiles)
    if (name == phase) return file;
  throw std::out_of_range("no phase " + std::string(phase));
}

engine::Schedule<World> make_schedule() {
  engine::Schedule<World> s;
  s.add("calendar",
        "date, programme activity and dated changes of terms, monthly programme hooks "
        "(incubators, housing units), per-step resets, market growth",
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
  s.add("awards",
        "award requests (capped per project) cleared by rank within budgets; platform rent (L5), "
        "local procurement (L16)",
        phase_awards);
  s.add("tally", "platforms put into operation; patents, retrofits and first units counted",
        phase_tally);
  s.add("land",
        "approvals, land requests cleared by output per m2, relocation of firms short of land",
        phase_land);
  s.add("hiring", "labour needs, separations, matching of talent to vacancies, wages",
        phase_hiring);
  s.add("production", "demand, output within capacity, costs and cash", phase_production);
  s.add("exit", "insolvency exits, loan defaults, risk-pool refunds, land released", phase_exit);
  s.add("entry", "entrants by zone attractiveness, free land and incubator places", phase_entry);
  s.add("status", "December: high-tech certification (and its rewards), hidden champions, unicorns",
        phase_status);
  s.add("tax",
        "corporate income tax: monthly provisional payments, December settlement with loss "
        "carry-forward; high-tech rate and R&D super-deduction (tax_incentives)",
        phase_tax);
  s.add("record", "monthly series; December: snapshots, year roll-over, compaction", phase_record);
  return s;
}

}  // namespace parksim::model
