// The parameter dictionary. Each entry: key, kind, member, valid range, unit, description, source.
// "assumption" in a source means no published figure was found; the value is a modelling choice.
#include <fmt/format.h>

#include <limits>

#include "dictionary_impl.hpp"
#include "parksim/model/units.hpp"
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

const std::vector<Entry<ModelParams>>& model_entries() {
  using M = ModelParams;
  static const std::vector<Entry<M>> e = {
      {"demand_elasticity", VK::Real, &M::demand_elasticity, 1.5, 20, "1",
       "CES elasticity of substitution between varieties; revenue scales with "
       "productivity^(sigma-1)",
       "Melitz (2003); typical estimates 3-6 (Broda & Weinstein 2006)"},
      {"demand_volatility", VK::Real, &M::demand_volatility, 0, 2, "1/year",
       "Annual sd of log demand-shifter shocks of a firm of reference size",
       "calibrated to growth-rate dispersion (Bottazzi & Secchi 2006); assumption"},
      {"volatility_size_elasticity", VK::Real, &M::volatility_size_elasticity, 0, 0.5, "1",
       "Shock sd falls as (size/reference)^-beta: larger firms have more, partly independent "
       "customers",
       "Amaral et al. (1997) beta~0.2; China 0-0.2 (Duschl & Peng 2015)"},
      {"reference_firm_output", VK::Money, &M::reference_firm_output, 1e4, 1e13, "CNY/year",
       "Firm size at which shock sd equals demand_volatility", "assumption"},
      {"agglomeration_elasticity", VK::Real, &M::agglomeration_elasticity, 0, 0.3, "1",
       "Elasticity of productivity to same-sector employment density in the zone",
       "Ciccone & Hall (1996) 0.05; China up to 0.19 (Chauvin et al. 2017)"},
      {"reference_employment_density", VK::Real, &M::reference_employment_density, 1, 1e6,
       "workers/km2", "Density at which the agglomeration factor is 1", "assumption"},
      {"depreciation_rate", VK::Rate, &M::depreciation_rate, 0, 0.5, "1/year",
       "Capital depreciation", "standard; assumption"},
      {"capacity_buffer", VK::Rate, &M::capacity_buffer, 0, 1, "1",
       "Capacity kept above expected demand", "Dosi et al. (2010) K+S; assumption"},
      {"investment_max_share", VK::Rate, &M::investment_max_share, 0, 1, "1/month",
       "Largest investment in one month as share of capital (lumpiness cap)", "assumption"},
      {"payback_median_years", VK::Real, &M::payback_median_years, 0.5, 50, "years",
       "Median payback period a firm accepts for a project", "assumption; K+S payback rule"},
      {"payback_dispersion", VK::Real, &M::payback_dispersion, 0, 3, "1",
       "Sd of log accepted payback across firms", "assumption"},
      {"fixed_cost_per_year", VK::Money, &M::fixed_cost_per_year, 0, 1e12, "CNY/year",
       "Overheads independent of output", "assumption; drives small-firm exit"},
      {"cash_buffer_months", VK::Real, &M::cash_buffer_months, 0, 60, "months",
       "Months of costs kept as cash before investing from cash", "assumption"},
      {"relocation_wait_months", VK::Real, &M::relocation_wait_months, 1, 240, "months",
       "Months an unmet land request waits before the firm considers moving zone", "assumption"},
      {"relocation_rate", VK::Rate, &M::relocation_rate, 0, 1, "1/month",
       "Monthly chance that a firm waiting for land moves to the zone with most free land",
       "assumption"},
      {"relocation_cost_months", VK::Real, &M::relocation_cost_months, 0, 60, "months",
       "Cost of a move in months of value added", "assumption"},
      {"exit_patience_months", VK::Real, &M::exit_patience_months, 1, 120, "months",
       "Months of negative net worth before a firm exits", "assumption"},
      {"innovation_rate", VK::Real, &M::innovation_rate, 0, 100, "1",
       "zeta1: P(innovation in a month) = 1-exp(-zeta1 * R&D/sales / 12 * 12)",
       "Dosi et al. (2010); calibrated; assumption"},
      {"imitation_rate", VK::Real, &M::imitation_rate, 0, 100, "1",
       "zeta2: P(imitation) = 1-exp(-zeta2 * R&D/sales)", "Dosi et al. (2010); assumption"},
      {"innovation_step_max", VK::Rate, &M::innovation_step_max, 0, 1, "1",
       "x_sup: largest productivity step of one innovation", "Dosi et al. (2010); assumption"},
      {"innovation_beta_a", VK::Real, &M::innovation_beta_a, 0.1, 20, "1",
       "Beta(a,b) shape of innovation steps on [0, x_sup]", "Dosi et al. (2010)"},
      {"innovation_beta_b", VK::Real, &M::innovation_beta_b, 0.1, 20, "1",
       "Beta(a,b) shape of innovation steps on [0, x_sup]", "Dosi et al. (2010)"},
      {"productivity_shock_sd", VK::Real, &M::productivity_shock_sd, 0, 1, "1/year",
       "Annual sd of idiosyncratic log productivity shocks", "assumption"},
      {"rd_subsidy_response", VK::Real, &M::rd_subsidy_response, 0, 10, "1",
       "Elasticity of R&D intensity to the expected subsidy return on innovation (partial "
       "additionality)",
       "REFERENCES §2: small additionality; assumption"},
      {"leading_talent_innovation_boost", VK::Real, &M::leading_talent_innovation_boost, 0, 2, "1",
       "Relative rise of zeta1 per leading talent employed (at most 3 counted)",
       "MODEL_NOTES talent; assumption"},
      {"platform_innovation_boost", VK::Real, &M::platform_innovation_boost, 0, 2, "1",
       "Relative rise of zeta1 per platform in the firm's zone and sector (at most 5 counted)",
       "K+S public-lab variant; assumption"},
      {"breakthrough_threshold", VK::Rate, &M::breakthrough_threshold, 0, 1, "1",
       "Innovation step that yields a first-unit product in IM sectors", "assumption"},
      {"first_unit_contract_share", VK::Rate, &M::first_unit_contract_share, 0, 5, "1",
       "First-unit contract value as share of annual sales", "assumption"},
      {"first_unit_sale_probability", VK::Rate, &M::first_unit_sale_probability, 0, 1, "1",
       "Chance a customer buys an uninsured first unit",
       "assumption (no causal evidence, REFERENCES §2)"},
      {"first_unit_insured_probability", VK::Rate, &M::first_unit_insured_probability, 0, 1, "1",
       "Chance a customer buys an insured first unit",
       "assumption (no causal evidence, REFERENCES §2)"},
      {"first_unit_premium_rate", VK::Rate, &M::first_unit_premium_rate, 0, 1, "1/year",
       "Market premium of first-unit insurance, share of contract value",
       "document 000 caps the subsidised rate at 3%"},
      {"high_tech_rd_threshold_small", VK::Rate, &M::high_tech_rd_threshold_small, 0, 1, "1",
       "R&D/sales for high-tech status, sales < 5000万",
       "2016 high-tech enterprise rules (Chen et al. 2021)"},
      {"high_tech_rd_threshold_medium", VK::Rate, &M::high_tech_rd_threshold_medium, 0, 1, "1",
       "R&D/sales for high-tech status, 5000万-2亿", "2016 rules"},
      {"high_tech_rd_threshold_large", VK::Rate, &M::high_tech_rd_threshold_large, 0, 1, "1",
       "R&D/sales for high-tech status, sales > 2亿", "2016 rules"},
      {"high_tech_min_age_years", VK::Real, &M::high_tech_min_age_years, 0, 20, "years",
       "Minimum age for certification", "2016 rules (registered > 1 year)"},
      {"high_tech_status_value", VK::Rate, &M::high_tech_status_value, 0, 1, "1/year",
       "Yearly value of high-tech status as share of sales (15% instead of 25% income tax, "
       "reputation): firms below the R&D notch top up while the extra R&D costs less",
       "assumption (bunching at the notch: Chen et al. 2021)"},
      {"high_tech_application_rate", VK::Rate, &M::high_tech_application_rate, 0, 1, "1/year",
       "Chance a qualifying, uncertified firm applies and is certified in a year without rewards",
       "assumption (calibrated to Shanghai 2016-2017 counts, docs/calibration.md)"},
      {"high_tech_application_cost", VK::Money, &M::high_tech_application_cost, 1, 1e10, "CNY",
       "Cost of an application (consultancy, audits, staff time); a reward of this size raises the "
       "application chance by 1-1/e of the gap to 1",
       "assumption"},
      {"hidden_champion_share", VK::Rate, &M::hidden_champion_share, 0, 1, "1",
       "Share of the sector's national market that makes a segment leader (hidden champion)",
       "assumption (MIIT single-champion criteria use segment shares)"},
      {"segment_share", VK::Rate, &M::segment_share, 0, 1, "1",
       "A product segment's share of its sector's national market (hidden champions lead a "
       "segment)",
       "assumption"},
      {"unicorn_valuation", VK::Money, &M::unicorn_valuation, 1e6, 1e13, "CNY",
       "Valuation that makes an unlisted firm younger than 10 years a unicorn",
       "USD 1bn at 7 CNY/USD"},
      {"valuation_sales_multiple", VK::Real, &M::valuation_sales_multiple, 0, 200, "1",
       "Valuation / annual sales of a young VC-backed firm", "assumption"},
      {"retrofit_cost_share", VK::Rate, &M::retrofit_cost_share, 0, 2, "1",
       "Smart-retrofit cost as share of capital", "assumption"},
      {"retrofit_productivity_gain", VK::Rate, &M::retrofit_productivity_gain, 0, 1, "1",
       "Productivity step of a smart retrofit", "assumption (no causal evidence, REFERENCES §2)"},
      {"retrofit_consideration_rate", VK::Rate, &M::retrofit_consideration_rate, 0, 1, "1/year",
       "Share of firms reviewing a retrofit each year", "assumption"},
      {"local_supplier_share", VK::Rate, &M::local_supplier_share, 0, 1, "1",
       "Share of retrofit and demo spending bought from the zone's IM firms", "assumption"},
      {"platform_cost", VK::Money, &M::platform_cost, 0, 1e12, "CNY",
       "Investment of one platform (lab, test centre, engineering centre)", "assumption"},
      {"platform_rent_per_year", VK::Money, &M::platform_rent_per_year, 0, 1e10, "CNY/year",
       "Rent, property and network cost of a platform",
       "assumption; document 000 pays up to 500万/yr"},
      {"platform_min_firm_output", VK::Money, &M::platform_min_firm_output, 0, 1e13, "CNY/year",
       "Only firms this large consider building a platform", "assumption"},
      {"platform_consideration_rate", VK::Rate, &M::platform_consideration_rate, 0, 1, "1/year",
       "Share of large firms reviewing a platform each year", "assumption"},
      {"platform_value_years", VK::Real, &M::platform_value_years, 0, 50, "years",
       "Years of innovation value a platform is worth to its builder", "assumption"},
      {"ma_consideration_rate", VK::Rate, &M::ma_consideration_rate, 0, 1, "1/year",
       "Share of eligible firms reviewing a brand acquisition each year", "assumption"},
      {"ma_deal_sales_multiple", VK::Real, &M::ma_deal_sales_multiple, 0, 50, "1",
       "Deal value / acquired annual sales", "assumption"},
      {"ma_acquired_share", VK::Rate, &M::ma_acquired_share, 0, 5, "1",
       "Acquired sales as share of the acquirer's sales", "assumption"},
      {"listing_min_output", VK::Money, &M::listing_min_output, 0, 1e13, "CNY/year",
       "Smallest annual output of a listing candidate", "assumption"},
      {"listing_consideration_rate", VK::Rate, &M::listing_consideration_rate, 0, 1, "1/year",
       "Share of candidates reviewing a listing each year", "assumption"},
      {"listing_cost", VK::Money, &M::listing_cost, 0, 1e11, "CNY",
       "Cost of a listing (shareholding reform, sponsors)", "assumption"},
      {"listing_raise_share", VK::Rate, &M::listing_raise_share, 0, 10, "1",
       "Equity raised at listing / annual sales", "assumption"},
      {"leasing_share", VK::Rate, &M::leasing_share, 0, 1, "1",
       "Share of investment a credit-constrained firm can lease", "assumption"},
      {"leasing_rate", VK::Rate, &M::leasing_rate, 0, 1, "1/year", "Annual cost of leasing",
       "assumption"},
      {"choice_noise", VK::Real, &M::choice_noise, 0.01, 10, "1",
       "Logit scale of discrete firm choices (retrofit, platform, M&A, listing)", "assumption"},
      {"floor_area_per_worker", VK::Real, &M::floor_area_per_worker, 1, 10000, "m2/worker",
       "Floor area a worker needs", "assumption"},
      {"parcel_size", VK::Area, &M::parcel_size, 100, 1e8, "m2", "Unit of land requests",
       "assumption (30 mu)"},
      {"entry_rate_per_year", VK::Rate, &M::entry_rate_per_year, 0, 2, "1/year",
       "Baseline entrants per year as share of incumbents",
       "China SAIC 2013 entry rates ~10%; assumption"},
      {"entrant_size", VK::Rate, &M::entrant_size, 0, 10, "1",
       "Entrant demand as share of the sector's mean firm output",
       "assumption; entrants are small (MODEL_NOTES)"},
      {"entrant_productivity_sd", VK::Real, &M::entrant_productivity_sd, 0, 3, "1",
       "Sd of log productivity of entrants around the sector mean", "assumption"},
      {"attractiveness_land", VK::Real, &M::attractiveness_land, 0, 20, "1",
       "Weight of free land share in zone attractiveness", "assumption"},
      {"attractiveness_subsidy", VK::Real, &M::attractiveness_subsidy, 0, 20, "1",
       "Weight of active programmes' generosity in zone attractiveness", "assumption"},
      {"attractiveness_talent", VK::Real, &M::attractiveness_talent, 0, 20, "1",
       "Weight of unemployed talent per firm in zone attractiveness", "assumption"},
      {"attractiveness_cluster", VK::Real, &M::attractiveness_cluster, 0, 20, "1",
       "Weight of log same-sector cluster size in zone attractiveness",
       "Brenner (2001); assumption"},
      {"attractiveness_incubator", VK::Real, &M::attractiveness_incubator, 0, 20, "1",
       "Weight per incubator in zone attractiveness", "assumption"},
      {"initial_size_tail", VK::Real, &M::initial_size_tail, 0.5, 5, "1",
       "Pareto exponent of the initial size distribution",
       "Heinrich & Dai (2016): 1.0-1.5 in Chinese provinces"},
      {"initial_min_output", VK::Money, &M::initial_min_output, 1e4, 1e12, "CNY/year",
       "Smallest initial firm", "assumption"},
      {"initial_productivity_sd", VK::Real, &M::initial_productivity_sd, 0, 3, "1",
       "Sd of initial log productivity", "Hsieh & Klenow (2009): China 90/10 TFP ratio ~5"},
      {"initial_age_mean_years", VK::Real, &M::initial_age_mean_years, 0, 50, "years",
       "Mean age of the initial population", "assumption"},
      {"plot_ratio_premium_share", VK::Real, &M::plot_ratio_premium_share, 0, 10, "1",
       "Premium for floor added by a plot-ratio increase, as share of the land price per m2 of "
       "floor (land_price / plot_ratio)",
       "Shanghai 增容土地价款 charged on added floor area; level assumption"},
      {"incubator_places", VK::Real, &M::incubator_places, 0, 10000, "firms",
       "Young firms one incubator or accelerator hosts", "assumption"},
      {"incubation_years", VK::Real, &M::incubation_years, 0, 20, "years",
       "Years a firm keeps its incubator place",
       "assumption (typical 2-3 year incubation contracts)"},
      {"incubator_cost_relief", VK::Rate, &M::incubator_cost_relief, 0, 1, "1",
       "Share of overheads an incubator place saves (its land rent is free)", "assumption"},
      {"patents_per_innovation", VK::Real, &M::patents_per_innovation, 0, 1000, "patents",
       "Invention patents granted per successful own innovation", "assumption"},
      {"patent_min_output", VK::Money, &M::patent_min_output, 0, 1e13, "CNY/year",
       "Annual output above which a firm's patents are counted (above-designated-size firms)",
       "NBS above-size threshold 2000万 since 2011"},
      {"centre_formation_rate", VK::Real, &M::centre_formation_rate, 0, 100, "1/year",
       "Consortia formed per eligible sector and year (Poisson mean) while an innovation-centre "
       "programme calls for applications",
       "assumption"},
      {"centre_min_members", VK::Integer, &M::centre_min_members, 1, 100, "firms",
       "Fewest member firms of a consortium",
       "001: shareholders include several top firms of the field; assumption"},
      {"centre_max_members", VK::Integer, &M::centre_max_members, 1, 100, "firms",
       "Most member firms of a consortium", "assumption"},
      {"centre_member_min_output", VK::Money, &M::centre_member_min_output, 0, 1e13, "CNY/year",
       "Annual output a firm needs to be a founding member", "assumption"},
      {"centre_review_rd", VK::Money, &M::centre_review_rd, 1, 1e13, "CNY/year",
       "Members' combined annual R&D at which the expert review passes half of applicants",
       "assumption"},
      {"centre_review_noise", VK::Real, &M::centre_review_noise, 0, 10, "1",
       "Sd of the log review score (experts' judgement beyond R&D size)", "assumption"},
      {"centre_qualify_probability", VK::Rate, &M::centre_qualify_probability, 0, 1, "1",
       "Chance a centre qualifies at the end of its preparation year (again after the 6-month "
       "extension)",
       "001: revoked when unqualified after preparation; level assumption"},
      {"centre_member_rd_share", VK::Rate, &M::centre_member_rd_share, 0, 1, "1",
       "Share of members' R&D spent through the centre", "assumption"},
      {"centre_result_rate", VK::Real, &M::centre_result_rate, 0, 1000, "1/year",
       "Common-technology results per year of a centre at the reference budget", "assumption"},
      {"centre_reference_budget", VK::Money, &M::centre_reference_budget, 1, 1e13, "CNY/year",
       "Budget at which a centre yields centre_result_rate results", "assumption"},
      {"centre_member_gain", VK::Rate, &M::centre_member_gain, 0, 1, "1",
       "Productivity step of member firms per common-technology result",
       "K+S public-lab variant (MODEL_NOTES); assumption"},
      {"centre_spillover_gain", VK::Rate, &M::centre_spillover_gain, 0, 1, "1",
       "Productivity step of the sector's other firms in the area per result (half in other zones)",
       "assumption"},
      {"centre_min_results", VK::Integer, &M::centre_min_results, 0, 1000, "results",
       "Results a centre needs at its three-year review to keep its status",
       "001: 3-year review of common-technology results; level assumption"},
  };
  return e;
}

const std::vector<Entry<TalentParams>>& talent_entries() {
  using T = TalentParams;
  static const std::vector<Entry<T>> e = {
      {"skilled_wage", VK::Money, &T::skilled_wage, 0, 1e7, "CNY/month", "Wage of skilled talent",
       "Shanghai 2015 average wage ~6,000; skilled premium; assumption"},
      {"leading_wage", VK::Money, &T::leading_wage, 0, 1e8, "CNY/month", "Wage of a leading talent",
       "assumption"},
      {"general_wage", VK::Money, &T::general_wage, 0, 1e7, "CNY/month",
       "Wage of general workers (elastic supply, not agents)",
       "Shanghai 2015 average wage 5,939 CNY/month; assumption"},
      {"arrival_rate", VK::Rate, &T::arrival_rate, 0, 1, "1/month",
       "Potential arrivals per month as share of the zone's talent", "assumption"},
      {"leaving_rate", VK::Rate, &T::leaving_rate, 0, 1, "1/month",
       "Base monthly hazard of leaving the area", "assumption"},
      {"move_rate", VK::Rate, &T::move_rate, 0, 1, "1/month",
       "Base monthly hazard of moving to another zone", "assumption"},
      {"housing_cost_sensitivity", VK::Real, &T::housing_cost_sensitivity, 0, 20, "1",
       "Logit weight of housing cost / wage in location choice",
       "calibrated to +3% leaving per +1,000 CNY/m2 house price (REFERENCES §2)"},
      {"reward_sensitivity", VK::Real, &T::reward_sensitivity, 0, 20, "1",
       "Logit weight of rewards / wage",
       "star-inventor tax elasticity ~1.8 (REFERENCES §2); assumption"},
      {"talent_housing_discount", VK::Rate, &T::talent_housing_discount, 0, 1, "1",
       "Rent saved in a talent apartment or public rental unit, share of market rent",
       "assumption"},
      {"leading_share", VK::Rate, &T::leading_share, 0, 1, "1",
       "Share of arrivals who are leading talents", "assumption"},
      {"vacancy_wage_response", VK::Rate, &T::vacancy_wage_response, 0, 1, "1/month",
       "Relative zone wage rise per month when all skilled jobs are vacant", "assumption"},
      {"housing_need_share", VK::Rate, &T::housing_need_share, 0, 1, "1",
       "Share of talent that rents and can use talent housing", "assumption"},
      {"skilled_per_agent", VK::Integer, &T::skilled_per_agent, 1, 1000, "persons",
       "Persons one skilled-talent agent stands for; zone counts are in persons. Above 1 trades "
       "detail for speed in city-wide scenarios (leading talents stay individuals)",
       "modelling choice"},
      {"leading_min_output", VK::Money, &T::leading_min_output, 0, 1e13, "CNY/year",
       "Yearly sales above which an R&D-active firm wants one leading talent (chief scientist "
       "or technical director); the same rule at set-up and every month",
       "assumption"},
      {"leading_output_step", VK::Money, &T::leading_output_step, 1e6, 1e14, "CNY/year",
       "Further yearly sales per additional leading talent wanted (1 + sales / step, capped)",
       "assumption"},
      {"leading_max_per_firm", VK::Integer, &T::leading_max_per_firm, 0, 100, "persons",
       "Most leading talents one firm wants", "assumption"},
  };
  return e;
}

const std::vector<Entry<FundParams>>& fund_entries() {
  using F = FundParams;
  static const std::vector<Entry<F>> e = {
      {"bank_leverage", VK::Real, &F::bank_leverage, 0, 50, "1",
       "Credit ceiling = leverage * net worth (Lambda)",
       "Delli Gatti et al. (2011) CATS; assumption"},
      {"bank_rate", VK::Rate, &F::bank_rate, 0, 1, "1/year", "Base loan rate",
       "PBoC 2015 1-3y benchmark 4.75-5.0%"},
      {"bank_risk_premium", VK::Rate, &F::bank_risk_premium, 0, 1, "1/year",
       "Extra rate at full leverage", "assumption"},
      {"bank_max_leverage", VK::Rate, &F::bank_max_leverage, 0, 1, "1",
       "Debt/assets beyond which banks refuse new loans", "assumption"},
      {"loan_maturity_years", VK::Real, &F::loan_maturity_years, 0.1, 30, "years",
       "Loans amortise linearly over this period", "assumption"},
      {"recovery_rate", VK::Rate, &F::recovery_rate, 0, 1, "1",
       "Share of a defaulted loan recovered", "assumption"},
      {"pool_leverage_response", VK::Real, &F::pool_leverage_response, 0, 10, "1",
       "Rise of the credit ceiling per unit of loss coverage: Lambda*(1+response*coverage)",
       "REFERENCES §2: guarantees raise SME credit; assumption"},
      {"moral_hazard", VK::Rate, &F::moral_hazard, 0, 1, "1",
       "Banks relax their leverage limit by this share of the coverage (less screening)",
       "REFERENCES §2: somewhat higher defaults; assumption"},
      {"vc_capital_per_year", VK::Money, &F::vc_capital_per_year, 0, 1e13, "CNY/year",
       "Private VC money available in the area per year", "assumption"},
      {"vc_round_share", VK::Rate, &F::vc_round_share, 0, 10, "1", "Round size / annual sales",
       "assumption"},
      {"vc_min_productivity", VK::Real, &F::vc_min_productivity, 0, 100, "1",
       "Relative productivity VC looks for", "assumption"},
      {"vc_max_age_years", VK::Real, &F::vc_max_age_years, 0, 100, "years",
       "Oldest firm VC invests in", "assumption"},
      {"sme_output_limit", VK::Money, &F::sme_output_limit, 0, 1e13, "CNY/year",
       "Annual output below which a firm counts as an SME",
       "MIIT 2011 industrial SME threshold: revenue < 4亿"},
      {"guarantee_fee", VK::Rate, &F::guarantee_fee, 0, 0.2, "1/year",
       "Fee a guarantee company charges on the debt it guarantees (risk pools with a guarantee "
       "share)",
       "assumption: commercial guarantee fees are commonly quoted at 1-3% a year"},
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
       "land is taken back and the firm leaves (0 = no clause)",
       "003: 土地使用权退出; assumption"},
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
      {"rate", VK::Rate, &P::rate, 0, 1, "1", "Share of the base the programme pays or covers", ""},
      {"cap", VK::Money, &P::cap, 0, 1e13, "CNY", "Largest award (0 = no cap)", ""},
      {"cap_per_year", VK::Money, &P::cap_per_year, 0, 1e13, "CNY/year",
       "Largest payment per recipient per year (0 = no cap)", ""},
      {"budget_per_year", VK::Money, &P::budget_per_year, 0, 1e14, "CNY/year",
       "Money available per calendar year (0 = not limited)", ""},
      {"fund_size", VK::Money, &P::fund_size, 0, 1e14, "CNY",
       "Credit-line quota, pool size or fund capital", ""},
      {"amount", VK::Money, &P::amount, 0, 1e13, "CNY",
       "Fixed award (listing_bonus; high_tech_reward: per first certification); incubator: "
       "operating subsidy per incubator per year; innovation_centre: public funding per centre per "
       "year",
       ""},
      {"premium_rate_cap", VK::Rate, &P::premium_rate_cap, 0, 1, "1/year",
       "First-unit insurance: premium rate ceiling", ""},
      {"years", VK::Integer, &P::years, 0, 50, "years",
       "Years of support per recipient; incubator: years in which incubators are opened (0 = every "
       "year while active)",
       ""},
      {"units_per_year", VK::Integer, &P::units_per_year, 0, 10000000, "units/year",
       "talent_housing: units added per year; incubator: incubators opened per eligible zone per "
       "year; innovation_centre: most centres selected per year (0 = no limit)",
       ""},
      {"effect", VK::Real, &P::effect, 0, 100, "1",
       "Programme-specific response: talent_pilot arrival multiplier - 1; local_procurement extra "
       "local share; guidance_fund co-investment share",
       "assumption"},
      {"from", VK::Month, &P::from, 1990 * 12, 2100 * 12, "YYYY-MM", "First active month", "",
       true},
      {"to", VK::Month, &P::to, 1990 * 12, 2100 * 12, "YYYY-MM", "Last active month", "", true},
      {"sme_only", VK::Bool, &P::sme_only, 0, 0, "", "Only SMEs are eligible", ""},
      {"enabled", VK::Bool, &P::enabled, 0, 0, "",
       "false leaves the programme out of the run (counterfactual overlays)", ""},
      {"sectors", VK::TextList, &P::sectors, 0, 0, "", "Eligible sectors (empty = all)", ""},
      {"zones", VK::TextList, &P::zones, 0, 0, "", "Eligible zones (empty = all)", ""},
      {"source", VK::Text, &P::source, 0, 0, "", "Where the numbers come from", ""},
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
      {"label", VK::Text, &T::label, 0, 0, "", "What the plan says", ""},
      {"source", VK::Text, &T::source, 0, 0, "",
       "Where the target comes from and how it was made measurable", ""},
  };
  return e;
}

}  // namespace parksim::model::detail

namespace parksim::model {

const char* kind_name(ValueKind kind) {
  switch (kind) {
    case ValueKind::Real:
      return "number";
    case ValueKind::Integer:
      return "integer";
    case ValueKind::Money:
      return "money";
    case ValueKind::Area:
      return "area";
    case ValueKind::Rate:
      return "rate";
    case ValueKind::Change:
      return "relative change";
    case ValueKind::Month:
      return "month";
    case ValueKind::Bool:
      return "boolean";
    case ValueKind::Text:
      return "text";
    case ValueKind::TextList:
      return "list of text";
    case ValueKind::Choice:
      return "choice";
  }
  return "?";
}

namespace {

std::string format_value(ValueKind kind, double v) {
  if (kind == ValueKind::Money) return units::format_money(v);
  if (kind == ValueKind::Rate || kind == ValueKind::Change) return fmt::format("{:g}%", v * 100.0);
  if (kind == ValueKind::Area) return fmt::format("{:g} m2", v);
  return fmt::format("{:g}", v);
}
std::string format_value(ValueKind kind, int v) {
  if (kind == ValueKind::Month) return v == 0 ? "" : units::format_month(v);
  return fmt::format("{}", v);
}
std::string format_value(ValueKind, bool v) { return v ? "true" : "false"; }
std::string format_value(ValueKind, const std::string& v) { return v; }
std::string format_value(ValueKind, const std::vector<std::string>& v) {
  return fmt::format("[{}]", fmt::join(v, ", "));
}

// GCC 12 reports a false -Wmaybe-uninitialized on strings read through a member pointer held in
// a std::variant; `defaults` is a fully constructed object.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
template <class T>
std::string default_text(const detail::Entry<T>& e, const T& defaults) {
  return std::visit([&](auto member) { return format_value(e.kind, defaults.*member); }, e.member);
}

template <class T>
void append_section(std::vector<ParamInfo>& out, const std::string& section,
                    const std::vector<detail::Entry<T>>& entries) {
  const T defaults{};
  for (const auto& e : entries)
    out.push_back({section, e.key, e.kind, e.unit, default_text(e, defaults), e.min, e.max,
                   e.required, e.description, e.source, e.choices});
}
#pragma GCC diagnostic pop

std::string json_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

std::vector<ParamInfo> parameter_dictionary() {
  std::vector<ParamInfo> out;
  append_section(out, "scenario", detail::info_entries());
  append_section(out, "model", detail::model_entries());
  append_section(out, "talent", detail::talent_entries());
  append_section(out, "funds", detail::fund_entries());
  append_section(out, "zones.*", detail::zone_entries());
  out.push_back({"zones.*",
                 "sector_output",
                 ValueKind::Money,
                 "CNY/year",
                 "",
                 0,
                 1e14,
                 true,
                 "Table: annual output by sector id at the start",
                 "data/public_figures.csv or assumption",
                 {}});
  append_section(out, "sectors.*", detail::sector_entries());
  append_section(out, "programmes.*", detail::programme_entries());
  out.push_back(
      {"programmes.*",
       "changes",
       ValueKind::Text,
       "",
       "",
       0,
       0,
       false,
       "List of dated changes of terms: [{ at = \"2018-01\", rate = \"20%\" }, ...]; keys: " +
           fmt::format("{}", fmt::join(changeable_programme_keys(), ", ")),
       "",
       {}});
  out.push_back({"programmes.*",
                 "loss_shares",
                 ValueKind::Rate,
                 "1",
                 "",
                 0,
                 1,
                 false,
                 "risk_pool only: { pool = .., bank = .., guarantee = .. } shares of a covered "
                 "loss, summing to 100%; "
                 "pool sets `rate`",
                 "",
                 {}});
  append_section(out, "events.*", detail::event_entries());
  append_section(out, "targets[]", detail::target_entries());
  return out;
}

static std::string range_text(const ParamInfo& p) {
  switch (p.kind) {
    case ValueKind::Real:
    case ValueKind::Integer:
    case ValueKind::Money:
    case ValueKind::Area:
    case ValueKind::Rate:
    case ValueKind::Change:
      return fmt::format("{:g} .. {:g}", p.min, p.max);
    case ValueKind::Month:
      return units::format_month(int(p.min)) + " .. " + units::format_month(int(p.max));
    case ValueKind::Choice:
      return fmt::format("{}", fmt::join(p.choices, " | "));
    default:
      return "";
  }
}

std::string dictionary_markdown() {
  std::string md =
      "# Parameter dictionary\n\nGenerated by `parksim describe --markdown`; do not edit by hand.\n"
      "Money accepts CNY numbers or 万/亿 strings, areas km2/ha/亩/m2, rates fractions or "
      "percentages.\n";
  std::string section;
  for (const auto& p : parameter_dictionary()) {
    if (p.section != section) {
      section = p.section;
      md += fmt::format(
          "\n## [{}]\n\n| key | kind | unit | default | range | required | description | source |\n"
          "|---|---|---|---|---|---|---|---|\n",
          section);
    }
    md += fmt::format("| `{}` | {} | {} | {} | {} | {} | {} | {} |\n", p.key, kind_name(p.kind),
                      p.unit, p.default_text, range_text(p), p.required ? "yes" : "", p.description,
                      p.source);
  }
  return md;
}

std::string dictionary_json() {
  std::string js = "[\n";
  const auto dict = parameter_dictionary();
  for (std::size_t i = 0; i < dict.size(); ++i) {
    const auto& p = dict[i];
    js += fmt::format(
        "  {{\"section\": \"{}\", \"key\": \"{}\", \"kind\": \"{}\", \"unit\": \"{}\", "
        "\"default\": \"{}\", "
        "\"range\": \"{}\", \"required\": {}, \"description\": \"{}\", \"source\": \"{}\"}}{}\n",
        json_escape(p.section), json_escape(p.key), kind_name(p.kind), json_escape(p.unit),
        json_escape(p.default_text), json_escape(range_text(p)), p.required ? "true" : "false",
        json_escape(p.description), json_escape(p.source), i + 1 < dict.size() ? "," : "");
  }
  return js + "]\n";
}

}  // namespace parksim::model
