#pragma once
// The scenario: everything a run needs, frozen before the run starts. Built from a TOML file by
// load_scenario(), which validates every key against the parameter dictionary (dictionary.hpp).
//
// Internal units: money CNY, area m2, time in months (month index = year*12 + month-1), rates as
// fractions, flows per month unless a name says per_year.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "parksim/model/parameters.hpp"

namespace parksim::model {

struct ScenarioInfo {
  std::string name;
  std::string title;
  std::string source;  // the policy document the scenario encodes
  std::string description;
  int start = 2015 * 12;     // first simulated month
  int end = 2025 * 12 + 11;  // last simulated month (inclusive)
  int seed = 1;
  int replications = 1;
};

struct ZoneSpec {
  std::string id;
  std::string label;
  double area = 0.0;       // industrial land of the zone, m2
  double land_used = 0.0;  // m2 used at the start
  double plot_ratio = 1.2;
  double plot_ratio_cap = 2.0;
  double land_rent = 4.0;          // CNY per m2 of land per month (leased land)
  double land_price = 1500.0;      // CNY per m2 (land sold)
  double lease_share = 0.5;        // share of new land leased rather than sold
  double stock_lease_share = 0.5;  // share of the land in use at the start that is leased
  int lease_then_sell_years =
      0;                     // lease period of new leased land before its sale (0 = never sold)
  int land_term_years = 50;  // term of industrial land sold (出让年限)
  int key_project_term_years = 0;  // term for recognised key projects (0 = the standard term)
  int approval_months = 6;         // from grant to use
  double min_output_per_mu =
      0.0;  // CNY per mu per year; below it a surcharge applies (0 = no rule)
  double low_density_surcharge = 0.0;  // share of land cost added for firms below the rule
  double market_rent = 4000.0;         // CNY per month for a talent renting on the market
  int skilled_talent = 0;              // talent agents present at the start
  int leading_talent = 0;
  int talent_housing_units = 0;  // talent apartments / public rental units at the start
  double incubators = 0.0;
  int platforms = 0;            // platforms (labs, engineering and test centres) at the start
  double infrastructure = 0.0;  // attractiveness index of infrastructure (0..1)
  bool industrial = true;  // false: offices of non-industrial firms (tech services), left out of
                           // industrial metrics
  int exit_clause_years =
      0;  // years below min_output_per_mu after which the land is taken back (0 = no clause)
  std::vector<std::string> sectors;   // sectors in sector_output order
  std::vector<double> sector_output;  // CNY per year at the start, by sector
};

struct SectorSpec {
  std::string id;
  std::string label;
  bool strategic_emerging = false;
  bool intelligent_manufacturing = false;
  double labour_productivity = 1.5e6;  // CNY output per worker per year
  double capital_output_ratio = 0.8;   // capital / annual output
  double value_added_share = 0.22;
  double skilled_share = 0.25;  // share of the workforce that must be skilled talent
  double rd_intensity = 0.02;   // R&D / sales of R&D-active firms
  double rd_active_share = 0.2;
  double min_output =
      0.0;  // smallest firm of the starting population (0 = model.initial_min_output)
  double demand_growth = 0.05;                   // annual growth of the sector's market
  double competitor_productivity_growth = 0.02;  // annual drift of outside competitors
  double national_market = 1.0e12;  // CNY per year, for market shares (hidden champions)
  double energy_cost_share = 0.03;   // purchased power / output (output_per_mu_terms surcharges)
};

enum class ProgrammeKind {
  FirstUnitGrant,
  FirstUnitInsurance,
  DemoApplication,
  PlatformConstruction,
  PlatformRent,
  Industrialisation,
  SmartRetrofit,
  BrandMA,
  CreditLine,
  RiskPool,
  LeasingSubsidy,
  ListingBonus,
  TalentHousing,
  LeadingTalentReward,
  TalentPilot,
  LocalProcurement,
  GuidanceFund,
  PlotRatioIncrease,
  Incubator,
  InnovationCentre,
  HighTechReward,
  EntryRestriction,
  SettlementPriority,
  CraftsmanAward,
  StandardFactory,
  GuaranteeCompany,
  IpPledge,
  ApprovalReform,
  InternshipBase,
  SectorPhaseOut,
  CreditReward,
  PolicyBank,
  TaxIncentives,
  OutputPerMuTerms,
  KeyProjectLand,
  LandReduction
};

// New terms of a programme from a month on ("the rate falls to 20% from 2018-01"). Values are in
// internal units, keyed by the programme key they replace (rate, cap, budget_per_year, ...).
struct ProgrammeChange {
  int at = 0;
  std::vector<std::pair<std::string, double>> values;
};

struct ProgrammeSpec {
  std::string id;
  std::string kind_name;
  ProgrammeKind kind = ProgrammeKind::FirstUnitGrant;
  std::string label;
  std::string lever;              // e.g. "L1"
  double rate = 0.0;              // share of the base the programme pays or covers
  double cap = 0.0;               // per award (CNY); 0 = no cap
  double cap_per_year = 0.0;      // per recipient per year (CNY); 0 = no cap
  double budget_per_year = 0.0;   // CNY per year; 0 = not limited by the document
  double fund_size = 0.0;         // CNY: credit-line quota, pool size, fund capital
  double amount = 0.0;            // fixed award (CNY)
  double premium_rate_cap = 0.0;  // first-unit insurance: premium rate ceiling
  int years = 0;                  // duration of support per recipient
  int units_per_year = 0;         // talent housing units added per year
  double effect = 0.0;            // programme-specific response (see dictionary)
  int from = 0;                   // first active month
  int to = 0;                     // last active month
  bool sme_only = false;
  bool enabled = true;  // false: the programme is left out of the run (counterfactuals)
  std::vector<std::string> sectors;  // eligible sectors (empty = all)
  std::vector<std::string> zones;    // eligible zones (empty = all)
  std::string source;
  // risk_pool only: how a covered loss is shared. `rate` is the pool's share; a guarantee company
  // takes guarantee_share (and charges a fee); the bank keeps the rest.
  double guarantee_share = 0.0;
  // risk_pool only: money added to the pool each January while it runs, up to fund_size (CNY/year;
  // 0 = never replenished).
  double replenish_per_year = 0.0;
  // innovation_centre only: district matching money per yuan of municipal funding (amount), and
  // the rent a park forgoes per centre and year (CNY/year).
  double match_rate = 0.0;
  double rent_relief = 0.0;
  // guarantee_company only: share of the guarantee fee the government pays for the firm.
  double fee_subsidy = 0.0;
  // approval_reform only: months from a land grant to its use under the reform (at most the
  // zone's approval_months; a reform that is not shorter changes nothing).
  int approval_months = 0;
  // policy_bank only: smallest unfinanced project investment (CNY) the window lends for.
  double min_project = 0.0;
  // tax_incentives only: extra deduction of R&D spending in taxable income (0.75 = 175% deducted).
  double super_deduction = 0.0;
  // output_per_mu_terms only (land_terms.hpp): lowest output per mu (CNY/mu/year, last year's
  // output over the land held) of classes A, B and C (below class_c_min: class D); power
  // surcharges of classes C and D (CNY/kWh); the bank's loan-rate discount for class A and
  // premia for C and D (per year).
  double class_a_min = 0.0, class_b_min = 0.0, class_c_min = 0.0;
  double power_surcharge_c = 0.0, power_surcharge_d = 0.0;
  double credit_discount_a = 0.0, credit_premium_c = 0.0, credit_premium_d = 0.0;
  // key_project_land: new construction land reserved for key projects per year (m2);
  // land_reduction: industrial land of its zones bought out per programme year (m2).
  double land_per_year = 0.0;
  std::vector<ProgrammeChange> changes;  // sorted by month
};

// Applies a change's values to a programme's current terms (keys were validated when loading).
void apply_change(ProgrammeSpec& terms, const ProgrammeChange& change);
// Programme keys that a dated change may set.
const std::vector<std::string>& changeable_programme_keys();

// Exogenous events: shocks to demand or capacity of some sectors and zones over a period, and the
// arrival of a named anchor project.
enum class EventKind { DemandShock, CapacityShock, AnchorProject };

struct EventSpec {
  std::string id;
  std::string kind_name;
  EventKind kind = EventKind::DemandShock;
  std::string label;
  std::string source;
  int from = 0, to = 0;              // shock period (months, inclusive)
  double size = 0.0;                 // demand_shock: relative change of demand (-0.3 = -30%);
                                     // capacity_shock: share of capacity unavailable
  std::vector<std::string> sectors;  // shocks: sectors hit (empty = all)
  std::vector<std::string> zones;    // shocks: zones hit (empty = all)
  int at = 0;                        // anchor_project: month the project is signed and land granted
  std::string zone, sector;          // anchor_project: where and in which sector
  double investment = 0.0;           // anchor_project: fixed investment (CNY)
  double land = 0.0;                 // anchor_project: land granted (m2)
  int jobs = 0;                      // anchor_project: employees at full operation
  double output = 0.0;  // anchor_project: annual output at full operation (0 = investment /
                        // capital-output ratio)
  int construction_months = 12;  // anchor_project: months from land grant to production
  bool enabled = true;
};

struct TargetSpec {
  std::string metric;
  std::string zone = "all";
  std::string sector = "all";
  int year = 2020;
  double value = 0.0;
  std::string sense = ">=";
  // Counts since the start (smart_retrofits, first_units, policy_cost) count from January of
  // `since` instead when it is set (a plan's "5,000 projects in 2018-2020"); 0: from the start.
  // Talent stocks (talent, leading_talent) then count the net addition since the December
  // before `since` (the starting stock if the run starts in `since`).
  int since = 0;
  // Where the number comes from: "document" (the plan states it), "assumption" (a measurable
  // reading of a qualitative goal, invented), "imposed" (the scenario's inputs hold it, e.g. zone
  // areas that sum to a land cap: reported, not a result of the run).
  std::string basis = "assumption";
  std::string label;
  std::string source;
};

// Metrics counted from the start of the run, which a target's `since` can restrict.
bool is_cumulative_metric(const std::string& metric);
// Talent stocks, which `since` reads as the net addition from the December before (the plans'
// 新增: 002's "新增100名…海外高层次人才和200名行业领军人才").
bool is_talent_stock_metric(const std::string& metric);
// Metrics a target may count since a year: the cumulative counts and the talent stocks.
bool counts_since(const std::string& metric);

struct Scenario {
  std::string path;                      // file it was loaded from
  std::vector<std::string> input_files;  // every file read: path, its extends chain, overlays
  std::string resolved_text;             // the scenario after composition, stored in every output
  ScenarioInfo info;
  ModelParams model;
  TalentParams talent;
  FundParams funds;
  std::vector<ZoneSpec> zones;
  std::vector<SectorSpec> sectors;
  std::vector<ProgrammeSpec> programmes;
  std::vector<EventSpec> events;
  std::vector<TargetSpec> targets;

  int months() const { return info.end - info.start + 1; }
  int zone_index(const std::string& id) const;    // -1 if absent
  int sector_index(const std::string& id) const;  // -1 if absent
};

// Loads, composes and validates a scenario; throws InputError listing every problem. Composition
// order: the file with its `extends` chain, then each overlay file in order, then `--set`
// overrides.
Scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides = {},
                       const std::vector<std::string>& overlays = {});

// Metrics a target can name, with their unit (the scorecard and `check` use this list).
struct MetricInfo {
  std::string name;
  std::string unit;
  std::string description;
};
const std::vector<MetricInfo>& scorecard_metrics();

}  // namespace parksim::model
