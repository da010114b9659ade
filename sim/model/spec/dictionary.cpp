// The parameter dictionary. Each entry: key, kind, member, valid range, unit, description, source.
// "assumption" in a source means no published figure was found; the value is a modelling choice.
// This file: [scenario], zones, sectors, programmes, events and targets; the agent sections are
// in dictionary_model.cpp ([model]) and dictionary_markets.cpp ([talent], [funds]), and the
// generated references (markdown, JSON) in dictionary_docs.cpp.
#include <limits>

#include "dictionary_impl.hpp"
#include "programmes/programme.hpp"

namespace parksim::model::detail {
namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
using VK = ValueKind;
}  // namespace

const std::vector<Entry<ScenarioInfo>>& info_entries() {
  using S = ScenarioInfo;
  static const std::vector<Entry<S>> e = {
      {"name", VK::Text, &S::name, 0, 0, "", "Short identifier of the scenario", "", true},
      {"title", VK::Text, &S::title, 0, 0, "", "Human-readable title", ""},
      {"source", VK::Text, &S::source, 0, 0, "", "Policy document the scenario encodes", ""},
      {"description", VK::Text, &S::description, 0, 0, "", "What the scenario represents", ""},
      {"start", VK::Month, &S::start, 1990 * 12, 2100 * 12, "YYYY-MM", "First simulated month", ""},
      {"end", VK::Month, &S::end, 1990 * 12, 2100 * 12, "YYYY-MM",
       "Last simulated month (inclusive)", ""},
      {"seed", VK::Integer, &S::seed, 0, 2147483647, "", "Master seed of the random streams", ""},
      {"replications", VK::Integer, &S::replications, 1, 100000, "",
       "Default number of replications", ""},
  };
  return e;
}

const std::vector<Entry<ZoneSpec>>& zone_entries() {
  using Z = ZoneSpec;
  static const std::vector<Entry<Z>> e = {
      {"label", VK::Text, &Z::label, 0, 0, "", "Name shown in outputs (Chinese and English)", ""},
      {"area", VK::Area, &Z::area, 1, 1e11, "m2", "Industrial land of the zone", "", true},
      {"land_used", VK::Area, &Z::land_used, 0, 1e11, "m2", "Industrial land used at the start", "",
       true},
      {"plot_ratio", VK::Real, &Z::plot_ratio, 0.1, 10, "1",
       "Floor area / land area of industrial buildings", "assumption"},
      {"plot_ratio_cap", VK::Real, &Z::plot_ratio_cap, 0.1, 10, "1", "Largest plot ratio allowed",
       "Shanghai industrial land rules; assumption"},
      {"land_rent", VK::Money, &Z::land_rent, 0, 1e5, "CNY/m2/month",
       "Rent of leased industrial land",
       "assumption: Shanghai industrial land leases about 3万/亩/year = 3.75 CNY/m2/month"},
      {"land_price", VK::Money, &Z::land_price, 0, 1e6, "CNY/m2", "Price of industrial land sold",
       "assumption"},
      {"lease_share", VK::Rate, &Z::lease_share, 0, 1, "1",
       "Share of new land leased rather than sold", "assumption"},
      {"stock_lease_share", VK::Rate, &Z::stock_lease_share, 0, 1, "1",
       "Share of the land in use at the start that is leased (contracts signed before the "
       "scenario's land rules; lease_share applies to new land only)",
       "assumption"},
      {"lease_then_sell_years", VK::Integer, &Z::lease_then_sell_years, 0, 50, "years",
       "Lease then sell (先租后让): years new land is leased before it is sold to its firm at "
       "land_price if the firm meets the contract's output-per-mu term (otherwise the land returns "
       "to the zone); 0 = leased land is never sold",
       "003: 积极推动工业用地“先租后让”模式; period assumption"},
      {"land_term_years", VK::Integer, &Z::land_term_years, 1, 70, "years",
       "Term of industrial land sold (出让年限); sets the residual value refunded when contract "
       "land is taken back",
       "national maximum for industrial land 50 years (国务院令第55号, 1990, art. 12)"},
      {"key_project_term_years", VK::Integer, &Z::key_project_term_years, 0, 70, "years",
       "Term of land sold to recognised key projects (firms with yearly output of at least "
       "model.key_project_min_output when they sign); 0 = the standard land_term_years",
       "003: 经认定的重点工业项目最高出让年限可以为50年"},
      {"approval_months", VK::Integer, &Z::approval_months, 0, 120, "months",
       "Months from a land grant to its use", "assumption"},
      {"min_output_per_mu", VK::Money, &Z::min_output_per_mu, 0, 1e10, "CNY/mu/year",
       "Output-per-mu threshold; firms below pay a land-cost surcharge (0 = no rule)",
       "Zhejiang 亩均 reform; assumption"},
      {"low_density_surcharge", VK::Rate, &Z::low_density_surcharge, 0, 10, "1",
       "Surcharge on land cost for firms below the output-per-mu threshold", "assumption"},
      {"market_rent", VK::Money, &Z::market_rent, 0, 1e6, "CNY/month",
       "Monthly housing cost of a talent renting on the market", "assumption"},
      {"skilled_talent", VK::Integer, &Z::skilled_talent, 0, 100000000, "persons",
       "Skilled talent agents present at the start", "assumption"},
      {"leading_talent", VK::Integer, &Z::leading_talent, 0, 10000000, "persons",
       "Leading talents present at the start", "assumption"},
      {"talent_housing_units", VK::Integer, &Z::talent_housing_units, 0, 100000000, "units",
       "Talent apartments and public rental units at the start", "assumption"},
      {"incubators", VK::Real, &Z::incubators, 0, 1000, "1",
       "Incubators and accelerators in the zone at the start", "assumption"},
      {"industrial", VK::Bool, &Z::industrial, 0, 0, "",
       "false: the zone holds non-industrial firms (e.g. technology services in offices); they "
       "count in high-tech, talent and platform metrics but not in output, SEI share, firms, "
       "employment, land or loans of the area",
       ""},
      {"platforms", VK::Integer, &Z::platforms, 0, 100000, "platforms",
       "Platforms (key labs, engineering and test centres) at the start, shared over the zone's "
       "sectors by output",
       "assumption"},
      {"exit_clause_years", VK::Integer, &Z::exit_clause_years, 0, 50, "years",
       "Full-life-cycle land contracts: years in a row below min_output_per_mu after which the "
       "land of contracts signed under the rule is taken back; the firm leaves only if it holds no "
       "other land (0 = no clause)",
       "003: 明确...产出效率...要求, 并纳入土地出让合同...土地使用权退出; years assumption"},
      {"infrastructure", VK::Rate, &Z::infrastructure, 0, 1, "1", "Infrastructure quality index",
       "assumption"},
  };
  return e;
}

const std::vector<Entry<SectorSpec>>& sector_entries() {
  using S = SectorSpec;
  static const std::vector<Entry<S>> e = {
      {"label", VK::Text, &S::label, 0, 0, "", "Name shown in outputs", ""},
      {"strategic_emerging", VK::Bool, &S::strategic_emerging, 0, 0, "",
       "Counts as strategic emerging industry (SEI)", ""},
      {"intelligent_manufacturing", VK::Bool, &S::intelligent_manufacturing, 0, 0, "",
       "Counts as intelligent manufacturing (IM) for programme eligibility", ""},
      {"labour_productivity", VK::Money, &S::labour_productivity, 1e4, 1e10, "CNY/worker/year",
       "Output per worker", "Shanghai 2015: ~3.1万亿 output / ~2.4m workers; assumption by sector"},
      {"capital_output_ratio", VK::Real, &S::capital_output_ratio, 0.01, 20, "years",
       "Capital / annual output", "assumption"},
      {"value_added_share", VK::Rate, &S::value_added_share, 0.01, 1, "1", "Value added / output",
       "Shanghai 2015: 7110/31000 = 0.23"},
      {"skilled_share", VK::Rate, &S::skilled_share, 0, 1, "1",
       "Share of the workforce that must be skilled talent", "assumption"},
      {"rd_intensity", VK::Rate, &S::rd_intensity, 0, 1, "1", "R&D / sales of R&D-active firms",
       "MOST 2015: 0.90% average over all above-size firms"},
      {"rd_active_share", VK::Rate, &S::rd_active_share, 0, 1, "1", "Share of firms doing R&D",
       "MOST 2015: 19.2% of above-size firms"},
      {"min_output", VK::Money, &S::min_output, 0, 1e13, "CNY/year",
       "Smallest firm of the sector's starting population (0 = model.initial_min_output)",
       "assumption"},
      {"demand_growth", VK::Change, &S::demand_growth, -0.5, 1, "1/year",
       "Growth of the sector's market (nominal)", "assumption"},
      {"competitor_productivity_growth", VK::Change, &S::competitor_productivity_growth, -0.5, 1,
       "1/year", "Productivity drift of outside competitors",
       "Brandt et al. (2012): incumbent TFP growth 2.9%/yr"},
      {"national_market", VK::Money, &S::national_market, 1e6, 1e15, "CNY/year",
       "National market of the sector at the start", "assumption"},
      {"energy_cost_share", VK::Rate, &S::energy_cost_share, 0, 1, "1",
       "Purchased power / output: what a power surcharge (output_per_mu_terms) is levied on",
       "assumption: about 3% for Chinese manufacturing (electricity purchases over gross output, "
       "input-output tables; no figure in /work/shared/data)"},
  };
  return e;
}

// Kind names come from the programme registry (programmes/registry.cpp).
const std::vector<std::pair<std::string, ProgrammeKind>>& programme_kinds() {
  static const std::vector<std::pair<std::string, ProgrammeKind>> kinds = [] {
    std::vector<std::pair<std::string, ProgrammeKind>> v;
    for (const auto& info : programme_registry()) v.emplace_back(std::string(info.name), info.kind);
    return v;
  }();
  return kinds;
}

static std::vector<std::string> programme_kind_names() {
  std::vector<std::string> names;
  for (const auto& [n, k] : programme_kinds()) names.push_back(n);
  return names;
}

const std::vector<Entry<ProgrammeSpec>>& programme_entries() {
  using P = ProgrammeSpec;
  static const std::vector<Entry<P>> e = {
      {"kind", VK::Choice, &P::kind_name, 0, 0, "", "Mechanism the programme acts through", "",
       true, programme_kind_names()},
      {"label", VK::Text, &P::label, 0, 0, "", "Name shown in outputs", ""},
      {"lever", VK::Text, &P::lever, 0, 0, "", "Lever number in POLICY_DIGEST.md", ""},
      {"rate", VK::Rate, &P::rate, 0, 1, "1",
       "Share of the base the programme pays or covers (leading_talent_reward: share of the "
       "leader's contribution, its employer's value added x its share of the wage bill; "
       "land_reduction: share of the land reduced that becomes quota for industrial projects of "
       "other zones (002, 003: at least 1/3); "
       "entry_restriction: share of new projects refused; sector_phase_out: share of the "
       "eligible incumbents told to stop each year; guarantee_company: share of a "
       "guaranteed loan's loss it takes, at most funds.guarantee_max_share; credit_reward: reward "
       "per yuan of the year's increase in eligible firms' bank loans; policy_bank: interest "
       "concession below the commercial loan rate, per year, on its loans)",
       ""},
      {"cap", VK::Money, &P::cap, 0, 1e13, "CNY",
       "Largest award (0 = no cap); guarantee_company: most guarantees outstanding per firm; "
       "policy_bank: most policy-bank debt outstanding per firm",
       ""},
      {"cap_per_year", VK::Money, &P::cap_per_year, 0, 1e13, "CNY/year",
       "Largest payment per recipient per year (0 = no cap)", ""},
      {"budget_per_year", VK::Money, &P::budget_per_year, 0, 1e14, "CNY/year",
       "Money available per calendar year (0 = not limited); risk_pool: most refunds paid in a "
       "calendar year (refunds above it are borne by the bank; coverage of new loans goes on); "
       "guarantee_company: most fee subsidies paid in a calendar year (losses come from capital); "
       "credit_reward: most rewards paid for a year's loan growth; policy_bank: most new loans "
       "lent in a calendar year (its quota; the interest concession is not capped)",
       ""},
      {"fund_size", VK::Money, &P::fund_size, 0, 1e14, "CNY",
       "Credit-line quota (revolving: line loans outstanding at most this), pool size or fund "
       "capital; guarantee_company: the public capital it starts with",
       ""},
      {"amount", VK::Money, &P::amount, 0, 1e13, "CNY",
       "Fixed award (listing_bonus; high_tech_reward: per first certification); incubator: "
       "operating subsidy per incubator per year; innovation_centre: public funding per centre per "
       "year; settlement_priority: public cost of one school place per year; craftsman_award: "
       "CNY per award; standard_factory: construction cost per m2 of factory floor; "
       "sector_phase_out: compensation per m2 of land a phased-out firm holds; land_reduction: "
       "compensation per m2 of land bought out",
       ""},
      {"premium_rate_cap", VK::Rate, &P::premium_rate_cap, 0, 1, "1/year",
       "First-unit insurance: premium rate ceiling", ""},
      {"years", VK::Integer, &P::years, 0, 50, "years",
       "Years of support per recipient; incubator: years in which incubators are opened (0 = every "
       "year while active); policy_bank: tenor of its loans, repaid linearly over it",
       ""},
      {"units_per_year", VK::Integer, &P::units_per_year, 0, 10000000, "units/year",
       "talent_housing: units added per year; incubator: incubators opened per eligible zone per "
       "year; innovation_centre: most centres selected per year (0 = no limit); "
       "settlement_priority: settlement places (persons) per year; craftsman_award: awards per "
       "year; standard_factory: m2 of factory floor started per eligible zone per programme year",
       ""},
      {"effect", VK::Real, &P::effect, 0, 100, "1",
       "Programme-specific response: credit_line credit beyond the ordinary ceiling, as a share of "
       "it, for firms whose demand exceeds it; talent_pilot share of the entry barrier of "
       "foreign and returnee talent it removes (talent.foreign_entry_barrier, at most 1); "
       "local_procurement extra local share; guidance_fund public co-investment "
       "share g of each round it joins, paid from fund_size as equity (at most "
       "funds.guidance_fund_max_share); policy_bank credit beyond the ordinary ceiling, as a "
       "share of it, for projects the ceiling leaves unfinanced",
       "assumption"},
      {"replenish_per_year", VK::Money, &P::replenish_per_year, 0, 1e14, "CNY/year",
       "risk_pool: money added to the pool each January while it runs, up to fund_size (0 = "
       "never replenished: a lifetime quota)",
       "assumption where the document states none (000 gives the pool's size only)"},
      {"match_rate", VK::Rate, &P::match_rate, 0, 10, "1",
       "innovation_centre: district matching money per yuan of municipal funding (amount), paid "
       "with it to the centre and booked as the programme's public money; budget_per_year bounds "
       "the two together",
       "assumption where the document states none (001: 对获得市级资助的结合本区情况给予配套资助)"},
      {"rent_relief", VK::Money, &P::rent_relief, 0, 1e12, "CNY/year",
       "innovation_centre: rent a park waives per centre and year (减免房租), money the centre "
       "then spends on its work like the funding; booked as the programme's public money (the "
       "park's forgone rent) within budget_per_year",
       "assumption where the document states none (001 line 186: 鼓励产业园区通过减免房租、土地支持、"
       "资金保障等方式支持创新中心建设)"},
      {"from", VK::Month, &P::from, 1990 * 12, 2100 * 12, "YYYY-MM", "First active month", "",
       true},
      {"to", VK::Month, &P::to, 1990 * 12, 2100 * 12, "YYYY-MM", "Last active month", "", true},
      {"sme_only", VK::Bool, &P::sme_only, 0, 0, "", "Only SMEs are eligible", ""},
      {"enabled", VK::Bool, &P::enabled, 0, 0, "",
       "false leaves the programme out of the run (counterfactual overlays)", ""},
      {"sectors", VK::TextList, &P::sectors, 0, 0, "", "Eligible sectors (empty = all)", ""},
      {"zones", VK::TextList, &P::zones, 0, 0, "", "Eligible zones (empty = all)", ""},
      {"source", VK::Text, &P::source, 0, 0, "", "Where the numbers come from", ""},
      {"fee_subsidy", VK::Rate, &P::fee_subsidy, 0, 1, "1",
       "guarantee_company: share of the guarantee fee (funds.guarantee_fee) the government pays "
       "for the firm, within budget_per_year",
       "assumption where the document states none"},
      {"approval_months", VK::Integer, &P::approval_months, 0, 120, "months",
       "approval_reform: months from a land grant to its use for grants made while the reform "
       "runs, in its zones and sectors (the zone's approval_months when that is shorter; at least "
       "1, the model's step)",
       "003 line 140: 15 working days (1 month); 002 line 154 states no number (assumption)"},
      {"min_project", VK::Money, &P::min_project, 0, 1e14, "CNY",
       "policy_bank: smallest unfinanced part of a month's investment the window lends for "
       "(major projects only); key_project_land: smallest yearly output of a firm whose land "
       "request counts as a key project (0 = model.key_project_min_output)",
       "assumption where the document states none"},
      {"super_deduction", VK::Rate, &P::super_deduction, 0, 2, "1",
       "tax_incentives: extra share of R&D spending deducted from taxable income (0.75: 175% of "
       "R&D is deducted); dated changes give the national schedule",
       "财税〔2015〕119号 50%; 财税〔2018〕99号 75% from 2018; 财政部 税务总局公告2021年第13号 100% "
       "for manufacturers from 2021; 公告2023年第7号 100% for all firms from 2023"},
      {"class_a_min", VK::Money, &P::class_a_min, 0, 1e12, "CNY/mu/year",
       "output_per_mu_terms: lowest output per mu (last year's output / land held) of class A",
       "assumption (003 line 140 names the classes' terms, not their thresholds)"},
      {"class_b_min", VK::Money, &P::class_b_min, 0, 1e12, "CNY/mu/year",
       "output_per_mu_terms: lowest output per mu of class B",
       "assumption (003 line 140 gives no threshold)"},
      {"class_c_min", VK::Money, &P::class_c_min, 0, 1e12, "CNY/mu/year",
       "output_per_mu_terms: lowest output per mu of class C (below it: class D)",
       "assumption (003 line 140 gives no threshold)"},
      {"power_surcharge_c", VK::Money, &P::power_surcharge_c, 0, 10, "CNY/kWh",
       "output_per_mu_terms: surcharge per kWh class C firms pay on purchased power",
       "assumption (003 line 140: 用水用电…差别化政策, no price)"},
      {"power_surcharge_d", VK::Money, &P::power_surcharge_d, 0, 10, "CNY/kWh",
       "output_per_mu_terms: surcharge per kWh class D firms pay on purchased power",
       "assumption (003 line 140: 用水用电…差别化政策, no price)"},
      {"credit_discount_a", VK::Rate, &P::credit_discount_a, 0, 0.2, "1/year",
       "output_per_mu_terms: cut of the bank's loan rate on class A firms' bank debt",
       "assumption (003 line 140: 金融信贷…差别化政策, no rate)"},
      {"credit_premium_c", VK::Rate, &P::credit_premium_c, 0, 0.2, "1/year",
       "output_per_mu_terms: premium on the bank's loan rate for class C firms' bank debt",
       "assumption (003 line 140 gives no rate)"},
      {"credit_premium_d", VK::Rate, &P::credit_premium_d, 0, 0.2, "1/year",
       "output_per_mu_terms: premium on the bank's loan rate for class D firms' bank debt",
       "assumption (003 line 140 gives no rate)"},
      {"land_per_year", VK::Area, &P::land_per_year, 0, 1e9, "m2/year",
       "key_project_land: new construction land reserved for key projects per calendar year "
       "(lapses in December); land_reduction: industrial land of its zones bought out and "
       "taken out of industrial use per programme year",
       "002 line 162: 1平方公里 (Shanghai key projects); assumption where the document states "
       "none (004; land_reduction: 002 and 003 give only the 1/3 share)"},
  };
  return e;
}

const std::vector<std::pair<std::string, EventKind>>& event_kinds() {
  static const std::vector<std::pair<std::string, EventKind>> kinds = {
      {"demand_shock", EventKind::DemandShock},
      {"capacity_shock", EventKind::CapacityShock},
      {"anchor_project", EventKind::AnchorProject},
  };
  return kinds;
}

const std::vector<Entry<EventSpec>>& event_entries() {
  using E = EventSpec;
  static const std::vector<std::string> kind_names = [] {
    std::vector<std::string> n;
    for (const auto& [name, kind] : event_kinds()) n.push_back(name);
    return n;
  }();
  static const std::vector<Entry<E>> e = {
      {"kind", VK::Choice, &E::kind_name, 0, 0, "",
       "demand_shock: demand of the sectors and zones hit changes by `size`; capacity_shock: a "
       "share `size` of their capacity is unavailable; anchor_project: a named project arrives",
       "", true, kind_names},
      {"label", VK::Text, &E::label, 0, 0, "", "Name shown in outputs", ""},
      {"source", VK::Text, &E::source, 0, 0, "", "Public source saying the event happened", ""},
      {"from", VK::Month, &E::from, 1990 * 12, 2100 * 12, "YYYY-MM",
       "Shocks: first month of the shock", ""},
      {"to", VK::Month, &E::to, 1990 * 12, 2100 * 12, "YYYY-MM", "Shocks: last month of the shock",
       ""},
      {"size", VK::Change, &E::size, -0.95, 5, "1",
       "demand_shock: relative change of demand (-0.3 or \"-30%\" is a 30% fall); capacity_shock: "
       "share of capacity unavailable (0..1)",
       ""},
      {"sectors", VK::TextList, &E::sectors, 0, 0, "", "Shocks: sectors hit (empty = all)", ""},
      {"zones", VK::TextList, &E::zones, 0, 0, "", "Shocks: zones hit (empty = all)", ""},
      {"at", VK::Month, &E::at, 1990 * 12, 2100 * 12, "YYYY-MM",
       "anchor_project: month the land is granted", ""},
      {"zone", VK::Text, &E::zone, 0, 0, "", "anchor_project: zone id", ""},
      {"sector", VK::Text, &E::sector, 0, 0, "", "anchor_project: sector id", ""},
      {"investment", VK::Money, &E::investment, 0, 1e13, "CNY", "anchor_project: fixed investment",
       ""},
      {"land", VK::Area, &E::land, 0, 1e9, "m2", "anchor_project: land granted", ""},
      {"jobs", VK::Integer, &E::jobs, 0, 1000000, "persons",
       "anchor_project: employees at full operation", ""},
      {"output", VK::Money, &E::output, 0, 1e13, "CNY/year",
       "anchor_project: annual output at full operation (0 = investment / the sector's "
       "capital-output ratio)",
       ""},
      {"construction_months", VK::Integer, &E::construction_months, 0, 120, "months",
       "anchor_project: months from land grant to production", "assumption"},
      {"enabled", VK::Bool, &E::enabled, 0, 0, "", "false leaves the event out of the run", ""},
  };
  return e;
}

const std::vector<Entry<TargetSpec>>& target_entries() {
  using T = TargetSpec;
  static const std::vector<std::string> metric_names = [] {
    std::vector<std::string> n;
    for (const auto& m : scorecard_metrics()) n.push_back(m.name);
    return n;
  }();
  static const std::vector<Entry<T>> e = {
      {"metric", VK::Choice, &T::metric, 0, 0, "", "What is measured", "", true, metric_names},
      {"zone", VK::Text, &T::zone, 0, 0, "", "Zone id or \"all\"", ""},
      {"sector", VK::Text, &T::sector, 0, 0, "", "Sector id or \"all\"", ""},
      {"year", VK::Integer, &T::year, 1990, 2100, "", "Calendar year the target is for", "", true},
      {"value", VK::Real, &T::value, -1e18, 1e18, "metric unit",
       "Target value, in the metric's unit", "", true},
      {"sense",
       VK::Choice,
       &T::sense,
       0,
       0,
       "",
       "Reached when the metric is >= or <= the value",
       "",
       false,
       {">=", "<="}},
      {"since", VK::Integer, &T::since, 0, 2100, "year",
       "Counts since the start (smart_retrofits, first_units, policy_cost, tax_expenditure) count "
       "from January of this year instead (0: from the start); talent stocks (talent, "
       "leading_talent) count the net addition since the December before (the plans' 新增)",
       ""},
      {"basis",
       VK::Choice,
       &T::basis,
       0,
       0,
       "",
       "document: the plan states the number; assumption: an invented measurable reading of a "
       "qualitative goal; imposed: held by the scenario's own inputs (reported, not a result)",
       "",
       false,
       {"document", "assumption", "imposed"}},
      {"label", VK::Text, &T::label, 0, 0, "", "What the plan says", ""},
      {"source", VK::Text, &T::source, 0, 0, "",
       "Where the target comes from and how it was made measurable", ""},
  };
  return e;
}

}  // namespace parksim::model::detail
