#pragma once
// Programmes as units. Each programme kind is one line of the registry (registry_<group>.cpp,
// gathered by registry.cpp): its name, the document clause it implements, the decision it changes,
// the keys it reads, whether it holds a fund, the series it writes and its monthly hook. Its
// behaviour lives in one family file of this folder (first_unit, projects, finance,
// finance_agents, finance_banks, talent, talent_services, land, land_supply, land_terms,
// land_quotas, entry_rules, incubators, certification_rewards, innovation_centres,
// tax_incentives); agents' phases call those files, never `if kind == ...`.
//
// This header also holds what every family shares: offers of support to a firm, award claims
// cleared in the awards phase, and the programme's accounts.
#include <string_view>
#include <vector>

#include "parksim/model/detail/world.hpp"

namespace parksim::model {

// What a kind is meant to move: a scorecard metric (scorecard_metrics()) or, for a name that is
// no metric, a recorded series (find_series), and the intended direction (+1 raise, -1 lower).
// `parksim levers` tests it: switching the programme off should move it the other way.
struct TargetDecision {
  std::string_view name;
  int direction = +1;
};

struct ProgrammeKindInfo {
  std::string_view name;  // the `kind` value in a scenario
  ProgrammeKind kind;
  std::string_view family;     // file under sim/model/programmes/ that implements it
  std::string_view levers;     // document and lever codes (POLICY_DIGEST numbering)
  std::string_view clause_zh;  // the clause, verbatim from the document
  std::string_view clause_en;
  std::string_view decision;             // the decision or account it changes, and how
  std::vector<std::string_view> keys;    // kind-specific keys it reads (common keys apart)
  bool fund_based = false;               // holds a fund (fund_size) that payments draw down
  bool covers_loans = false;             // keeps the debt it covers per firm (covered_debt)
  std::vector<std::string_view> series;  // output series it writes besides subsidy_paid
  void (*on_month)(World&, std::size_t programme) = nullptr;  // calendar hook while active
  TargetDecision target;  // the decision or outcome the clause is meant to move
  // National policy the local documents only implement: its cost is national tax expenditure,
  // kept out of the local package's policy_cost (metric tax_expenditure).
  bool national = false;
};

// Every kind, in the order of ProgrammeKind.
const std::vector<ProgrammeKindInfo>& programme_registry();
const ProgrammeKindInfo& kind_info(ProgrammeKind kind);
// Keys every programme may set whatever its kind (kind, label, from, to, eligibility, ...).
const std::vector<std::string_view>& common_programme_keys();

// ---------------------------------------------------------------- shared by the families

// Support offered to a firm: the programme that would pay and how much (programme -1: none).
struct Offer {
  int programme = -1;
  double amount = 0.0;
  bool available() const { return programme >= 0; }
};

// rate x base, within the programme's per-award cap.
double capped_share(const ProgrammeSpec& terms, double base);
// The first active programme of the kind open to the firm (eligibility, SME rule, money left),
// offering rate x base within its cap.
Offer offer_share(const World& w, ProgrammeKind kind, std::size_t firm, double base);
// Asks the offering programme for the amount; requests are cleared by rank in the awards phase.
void claim(World& w, const Offer& offer, std::size_t firm);
void claim(World& w, std::size_t programme, std::size_t firm, double amount);

// Money a programme pays to someone other than a firm (banks, talent, landlords, centres).
void book(World& w, std::size_t programme, double amount);
// Money a programme may still pay this calendar year.
double budget_room(const World& w, std::size_t programme);

// What a programme is worth to an entrant of sector s in zone z: the support per firm-year that
// comparable firms of that cell were actually paid (smoothed over about a year), for the part of
// a year the programme still runs and within the money it has left; zero when it has ended, has
// not started, is not open to the cell or its budget or fund is exhausted (lifecycle.cpp,
// attractiveness).
double expected_support(const World& w, std::size_t programme, std::size_t zone,
                        std::size_t sector);
// Folds last step's payments to firms into the per-cell support expectation and restarts the
// step's per-cell tally (calendar phase, every programme, every month).
void fold_support_month(World& w, std::size_t programme);
// Whether any sector of zone z (any zone of sector s) is eligible for programme p.
bool eligible_in_zone(const World& w, std::size_t programme, std::size_t zone);
bool eligible_in_sector(const World& w, std::size_t programme, std::size_t sector);

}  // namespace parksim::model
