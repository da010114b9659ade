// The parameter dictionary, agent section [model] (the behavioural parameters of firms, projects,
// innovation, centres and land). Each entry: key, kind, member, valid range, unit, description,
// source. "assumption" in a source means no published figure was found; the value is a modelling
// choice. [talent] and [funds] are in dictionary_markets.cpp; the other sections and the generated
// references in dictionary.cpp.
#include "dictionary_impl.hpp"
#include "parksim/model/detail/state.hpp"

namespace parksim::model::detail {
namespace {
using VK = ValueKind;
}  // namespace

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
      {"agglomeration_min", VK::Real, &M::agglomeration_min, 0.01, 1, "1",
       "Lower clamp of the agglomeration factor (density / reference_employment_density) ^ "
       "agglomeration_elasticity",
       "assumption"},
      {"agglomeration_max", VK::Real, &M::agglomeration_max, 1, 100, "1",
       "Upper clamp of the agglomeration factor", "assumption"},
      {"depreciation_rate", VK::Rate, &M::depreciation_rate, 0, 0.5, "1/year",
       "Capital depreciation", "standard; assumption"},
      {"capacity_buffer", VK::Rate, &M::capacity_buffer, 0, 1, "1",
       "Capacity kept above expected demand", "Dosi et al. (2010) K+S; assumption"},
      {"talent_stand_in_effectiveness", VK::Rate, &M::talent_stand_in_effectiveness, 0, 1, "1",
       "Effectiveness of general workers standing in for missing skilled and leading talent: "
       "labour capacity = staff x output per worker x (this + (1 - this) x share of talent jobs "
       "filled)",
       "assumption"},
      {"investment_max_share", VK::Rate, &M::investment_max_share, 0, 1, "1/month",
       "Largest investment in one month as share of capital (lumpiness cap)", "assumption"},
      {"industrialisation_min_project", VK::Money, &M::industrialisation_min_project, 0, 1e12,
       "CNY",
       "Smallest capacity expansion decided in one month that is an industrialisation (L6) "
       "project (document 000 line 40: 产业化项目; the document states no size): smaller "
       "expansions are ordinary capital spending and get no L6 support",
       "assumption"},
      {"payback_median_years", VK::Real, &M::payback_median_years, 0.5, 50, "years",
       "Median payback period a firm accepts for a project", "assumption; K+S payback rule"},
      {"payback_dispersion", VK::Real, &M::payback_dispersion, 0, 3, "1",
       "Sd of log accepted payback across firms", "assumption"},
      {"fixed_cost_per_year", VK::Money, &M::fixed_cost_per_year, 0, 1e12, "CNY/year",
       "Overheads independent of output", "assumption; drives small-firm exit"},
      {"cash_buffer_months", VK::Real, &M::cash_buffer_months, 0, 60, "months",
       "Months of costs kept as cash before investing from cash (a month's costs reckoned as "
       "cash_buffer_cost_share of a month's output)",
       "assumption"},
      {"cash_buffer_cost_share", VK::Rate, &M::cash_buffer_cost_share, 0, 1, "1",
       "A month's costs as share of a month's output when sizing the cash buffer: a firm invests "
       "from cash only what exceeds cash_buffer_months x this x monthly output",
       "assumption"},
      {"relocation_wait_months", VK::Real, &M::relocation_wait_months, 1, 240, "months",
       "Months an unmet land request waits before the firm considers moving zone", "assumption"},
      {"relocation_rate", VK::Rate, &M::relocation_rate, 0, 1, "1/month",
       "Monthly chance that a firm waiting for land moves to the zone with most free land",
       "assumption"},
      {"relocation_cost_months", VK::Real, &M::relocation_cost_months, 0, 60, "months",
       "Cost of a move in months of value added", "assumption"},
      {"exit_patience_months", VK::Real, &M::exit_patience_months, 1, 120, "months",
       "Months in a row of distress (cash negative after the credit phase, or net worth negative) "
       "after which a firm exits",
       "assumption"},
      {"vanish_output", VK::Money, &M::vanish_output, 0, 1e12, "CNY/year",
       "A firm older than vanish_min_age_years whose annual output (this month's x 12) is below "
       "this exits (it has vanished)",
       "assumption"},
      {"vanish_min_age_years", VK::Real, &M::vanish_min_age_years, 0, 50, "years",
       "Age after which a firm producing less than vanish_output exits", "assumption"},
      {"innovation_rate", VK::Real, &M::innovation_rate, 0, 100, "1",
       "zeta1: P(innovation in a month) = 1-exp(-zeta1 * R&D/sales * boost), boost the leading "
       "talent and platform factor",
       "Dosi et al. (2010); calibrated; assumption"},
      {"imitation_rate", VK::Real, &M::imitation_rate, 0, 100, "1",
       "zeta2: P(imitation in a month) = 1-exp(-zeta2 * R&D/sales * boost); an imitation closes a "
       "uniform share of the gap to the cluster's output-weighted mean productivity",
       "Dosi et al. (2010); assumption"},
      {"innovation_step_max", VK::Rate, &M::innovation_step_max, 0, 1, "1",
       "x_sup: largest productivity step of one innovation", "Dosi et al. (2010); assumption"},
      {"innovation_beta_a", VK::Real, &M::innovation_beta_a, 0.1, 20, "1",
       "Beta(a,b) shape of innovation steps on [0, x_sup]", "Dosi et al. (2010)"},
      {"innovation_beta_b", VK::Real, &M::innovation_beta_b, 0.1, 20, "1",
       "Beta(a,b) shape of innovation steps on [0, x_sup]", "Dosi et al. (2010)"},
      {"productivity_shock_sd", VK::Real, &M::productivity_shock_sd, 0, 1, "1/year",
       "Annual sd of idiosyncratic log productivity shocks",
       "set so that the within-sector top-quintile 5-year persistence of the shipped baselines "
       "lies near Syverson's ~1/3 range (0.15-0.6, REFERENCES §1; docs/stylized_facts.md): at "
       "0.02 it was 0.75-0.87 in every baseline, at 0.12 0.50-0.62 (assumption)"},
      {"rd_subsidy_response", VK::Real, &M::rd_subsidy_response, 0, 10, "1",
       "Extra own R&D per yuan of expected first-unit support (L1 grant, L2 premium refund): R&D "
       "intensity x (1 + this x P(breakthrough within a year, by the innovation rule at base R&D) "
       "x expected support per breakthrough / R&D cost a year); 1 = the expected money is spent "
       "on R&D, 0 = no response",
       "REFERENCES §2/§2b: 1 yuan of R&D subsidy changed private R&D in China by -0.5 to "
       "+several yuan (Boeing 2016: -0.5 in the grant year, neutral later; Hu & Deng 2019: "
       "positive); 1 (neither crowding-out nor crowding-in) is an assumption inside that range"},
      {"leading_talent_innovation_boost", VK::Real, &M::leading_talent_innovation_boost, 0, 2, "1",
       "Relative rise of zeta1 and zeta2 per leading talent employed (at most "
       "leading_talent_boost_max counted)",
       "MODEL_NOTES talent; assumption"},
      {"leading_talent_boost_max", VK::Integer, &M::leading_talent_boost_max, 0, 1000, "persons",
       "Most leading talents of a firm counted in its innovation boost", "assumption"},
      {"platform_innovation_boost", VK::Real, &M::platform_innovation_boost, 0, 2, "1",
       "Relative rise of zeta1 and zeta2 per platform in the firm's zone and sector (at most "
       "platform_boost_max counted)",
       "K+S public-lab variant; assumption"},
      {"platform_boost_max", VK::Integer, &M::platform_boost_max, 0, 100000, "platforms",
       "Most platforms of the firm's zone and sector counted in its innovation boost",
       "assumption"},
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
       "R&D/sales for high-tech status, annual sales < high_tech_medium_sales",
       "2016 high-tech enterprise rules (Chen et al. 2021)"},
      {"high_tech_rd_threshold_medium", VK::Rate, &M::high_tech_rd_threshold_medium, 0, 1, "1",
       "R&D/sales for high-tech status, high_tech_medium_sales <= annual sales < "
       "high_tech_large_sales",
       "2016 rules"},
      {"high_tech_rd_threshold_large", VK::Rate, &M::high_tech_rd_threshold_large, 0, 1, "1",
       "R&D/sales for high-tech status, annual sales >= high_tech_large_sales", "2016 rules"},
      {"high_tech_medium_sales", VK::Money, &M::high_tech_medium_sales, 0, 1e13, "CNY/year",
       "Annual sales from which the medium R&D threshold applies (the bands should rise: if this "
       "is "
       "not below high_tech_large_sales the medium band is empty)",
       "2016 high-tech enterprise rules: 5000万"},
      {"high_tech_large_sales", VK::Money, &M::high_tech_large_sales, 0, 1e13, "CNY/year",
       "Annual sales from which the large R&D threshold applies",
       "2016 high-tech enterprise rules: 2亿"},
      {"high_tech_min_age_years", VK::Real, &M::high_tech_min_age_years, 0, 20, "years",
       "Minimum age for certification", "2016 rules (registered > 1 year)"},
      {"high_tech_reputation_value", VK::Rate, &M::high_tech_reputation_value, 0, 1, "1/year",
       "Yearly value of high-tech status besides its tax saving (reputation, procurement), as a "
       "share of sales; the notch decision adds it to the expected income-tax saving "
       "(choose_rd_intensity)",
       "fitted to Shanghai's 2016-2017 high-tech counts (docs/calibration.md); no published "
       "figure: it stands for reputation and procurement and for the tax saving firms expect "
       "beyond last year's taxable income, which the model's thin accounts understate"},
      {"corporate_tax_rate", VK::Rate, &M::corporate_tax_rate, 0, 1, "1",
       "Statutory corporate income-tax rate on taxable income (sales less costs, depreciation, "
       "interest and deductible R&D), paid monthly on the year's profit so far and settled in "
       "December (agents/tax.cpp)",
       "Enterprise Income Tax Law 2008, art. 4 (企业所得税的税率为25%)"},
      {"tax_loss_carry_years", VK::Integer, &M::tax_loss_carry_years, 1, kMaxLossVintages,
       "years",
       "Years a tax loss may be offset against later taxable income, oldest vintage first; what "
       "is left then expires",
       "Enterprise Income Tax Law 2008, art. 18 (结转年限最长不得超过五年)"},
      {"rd_user_cost_elasticity", VK::Real, &M::rd_user_cost_elasticity, 0, 5, "1",
       "Elasticity of R&D to its after-tax user cost 1 - t(1 + super-deduction) for a firm with "
       "taxable income; firms' R&D propensity rd_base holds at the reference regime",
       "Chen, Liu, Suarez Serrato & Xu (AER 2021): 1.14 for real R&D (2 for reported R&D)"},
      {"tax_reference_high_tech_rate", VK::Rate, &M::tax_reference_high_tech_rate, 0, 1, "1",
       "Income-tax rate of a certified firm in the regime under which the sectors' R&D "
       "intensities were observed (the user cost at which rd_base holds)",
       "assumption: the 2015 regime (EIT Law art. 28, 15% for high-tech firms)"},
      {"tax_reference_super_deduction", VK::Rate, &M::tax_reference_super_deduction, 0, 2, "1",
       "R&D super-deduction of the regime under which the sectors' R&D intensities were observed",
       "assumption: the 2015 regime (财税〔2015〕119号, 50%)"},
      {"high_tech_notch_margin", VK::Rate, &M::high_tech_notch_margin, 0, 1, "1",
       "A firm that tops up its R&D to the high-tech notch aims this far above the threshold: "
       "R&D/sales = threshold x (1 + this)",
       "assumption (bunching just above the notch: Chen et al. 2021)"},
      {"high_tech_certificate_years", VK::Real, &M::high_tech_certificate_years, 1, 20, "years",
       "Years a high-tech certificate runs: in the notch decision a first-certification reward "
       "counts as reward / this per year",
       "2016 high-tech enterprise rules (certificates valid three years)"},
      {"high_tech_application_rate", VK::Rate, &M::high_tech_application_rate, 0, 1, "1/year",
       "Chance a qualifying, uncertified firm applies and is certified in a year without rewards",
       "assumption (calibrated to Shanghai 2016-2017 counts, docs/calibration.md)"},
      {"high_tech_application_cost", VK::Money, &M::high_tech_application_cost, 1, 1e10, "CNY",
       "Cost of an application (consultancy, audits, staff time); a reward of this size raises the "
       "application chance by 1-1/e of the gap to 1",
       "assumption"},
      {"hidden_champion_share", VK::Rate, &M::hidden_champion_share, 0, 1, "1",
       "Share of its segment's national market at which a firm ranks among the segment's top "
       "three suppliers (the third supplier's share): the position criterion of a hidden champion",
       "top three: MIIT 工信部产业〔2016〕105号 单项冠军示范企业 criterion 2 (全球前3位) and plan 002 "
       "(国内外细分市场前三名); the share is an assumption"},
      {"segment_share", VK::Rate, &M::segment_share, 0, 1, "1",
       "A product segment's share of its sector's national market; the segment market grows with "
       "the sector's demand index",
       "assumption (MIIT 105号 criterion 1: segments as in the 统计用产品分类目录)"},
      {"hidden_champion_min_years", VK::Real, &M::hidden_champion_min_years, 0, 100, "years",
       "Least age (years in its segment) of a hidden champion",
       "MIIT 工信部产业〔2016〕105号 criterion 5: 10 years in the segment, or 3 years for a new "
       "product; the 3-year floor is used (assumption: the starting ages are not tied to size)"},
      {"hidden_champion_max_sales", VK::Money, &M::hidden_champion_max_sales, 0, 1e14, "CNY/year",
       "Largest yearly sales of a hidden champion (above it a segment leader is a large "
       "well-known firm, not a hidden one)",
       "Simon, Hidden Champions of the 21st Century (2009; 2012 update): revenue below EUR 5bn, "
       "about 400亿 CNY at 2015-2018 exchange rates"},
      {"unicorn_valuation", VK::Money, &M::unicorn_valuation, 1e6, 1e13, "CNY",
       "Valuation (the last round's post-money marked with sales since the round) that makes a "
       "VC-backed unlisted firm no older than unicorn_max_age_years a unicorn",
       "长城战略咨询 (GEI) 中国独角兽企业研究报告 and Hurun Global Unicorn Index: USD 1bn, at 7 "
       "CNY/USD"},
      {"unicorn_max_age_years", VK::Real, &M::unicorn_max_age_years, 0, 100, "years",
       "Oldest age of a unicorn",
       "长城战略咨询 (GEI) definition: 成立不超过10年"},
      {"retrofit_cost_share", VK::Rate, &M::retrofit_cost_share, 0, 2, "1",
       "Smart-retrofit cost as share of capital", "assumption"},
      {"retrofit_productivity_gain", VK::Rate, &M::retrofit_productivity_gain, 0, 1, "1",
       "Productivity step of a smart retrofit", "assumption (no causal evidence, REFERENCES §2)"},
      {"retrofit_consideration_rate", VK::Rate, &M::retrofit_consideration_rate, 0, 1, "1/year",
       "Share of firms reviewing a retrofit each year", "assumption"},
      {"retrofit_min_own_share", VK::Rate, &M::retrofit_min_own_share, 0, 1, "1",
       "Least share of a smart retrofit's cost a firm counts as its own in the payback test, "
       "whatever the retrofit and demonstration subsidies cover",
       "assumption"},
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
      {"ma_min_cash_share", VK::Real, &M::ma_min_cash_share, 0, 10, "1",
       "Cash a firm must hold to consider a brand acquisition, as share of the deal value",
       "assumption"},
      {"listing_min_output", VK::Money, &M::listing_min_output, 0, 1e13, "CNY/year",
       "Smallest annual output of a listing candidate", "assumption"},
      {"listing_consideration_rate", VK::Rate, &M::listing_consideration_rate, 0, 1, "1/year",
       "Share of candidates reviewing a listing each year", "assumption"},
      {"listing_cost", VK::Money, &M::listing_cost, 0, 1e11, "CNY",
       "Cost of a listing (shareholding reform, sponsors)", "assumption"},
      {"listing_raise_share", VK::Rate, &M::listing_raise_share, 0, 10, "1",
       "Equity raised at listing / annual sales", "assumption"},
      {"listing_value_rate", VK::Rate, &M::listing_value_rate, 0, 1, "1/year",
       "Yearly value of listing per CNY of equity raised (interest saved): a candidate lists with "
       "chance logistic((this x raise - listing cost net of any bonus) / (choice_noise x "
       "listing_cost))",
       "assumption"},
      {"leasing_share", VK::Rate, &M::leasing_share, 0, 1, "1",
       "Share of the investment a bank did not finance that is equipment a lessor can lease "
       "(document 000 line 42 subsidises leases of 智能装备, intelligent equipment)",
       "assumption"},
      {"leasing_rate", VK::Rate, &M::leasing_rate, 0, 1, "1/year", "Annual cost of leasing",
       "assumption"},
      {"leasing_term_years", VK::Real, &M::leasing_term_years, 0, 30, "years",
       "Years over which a firm compares the cost of a lease (leasing_rate x this, less the "
       "one-off L11 subsidy per yuan leased) with bank credit (funds.bank_rate x this)",
       "assumption"},
      {"leasing_choice_noise", VK::Real, &M::leasing_choice_noise, 0.01, 10, "1",
       "Logit scale of the lease-or-bank choice relative to the bank cost: the firm leases with "
       "chance logistic((bank cost - lease cost) / (this x bank cost)); the same relative scale "
       "as the other discrete firm choices (model.choice_noise, accept_payback)",
       "assumption (MODEL_NOTES: discrete choices with logit noise; no estimate in REFERENCES)"},
      {"lessor_max_leverage", VK::Rate, &M::lessor_max_leverage, 0, 0.99, "1",
       "Lessor's credit check: a lease is signed only up to (debt + lease) / (assets + lease) <= "
       "this, and not to a firm with negative net worth; above funds.bank_max_leverage because "
       "the lessor keeps title to the equipment (repossession: Eisfeldt & Rampini 2009)",
       "assumption"},
      {"choice_noise", VK::Real, &M::choice_noise, 0.01, 10, "1",
       "Logit scale of discrete firm choices (retrofit, platform, M&A, listing)", "assumption"},
      {"floor_area_per_worker", VK::Real, &M::floor_area_per_worker, 1, 10000, "m2/worker",
       "Floor area a worker needs", "assumption"},
      {"parcel_size", VK::Area, &M::parcel_size, 100, 1e8, "m2", "Unit of land requests",
       "assumption (30 mu)"},
      {"output_per_mu_grace_months", VK::Integer, &M::output_per_mu_grace_months, 0, 600, "months",
       "Months after its birth before a firm's output per mu is tested against its zone's "
       "min_output_per_mu (land-cost surcharge and exit-clause years)",
       "assumption"},
      {"industrial_power_price", VK::Money, &M::industrial_power_price, 0.01, 10, "CNY/kWh",
       "Power price industry pays: turns a firm's power cost into kWh for a surcharge per kWh "
       "(output_per_mu_terms)",
       "assumption: Shanghai general industrial tariff about 0.65 CNY/kWh (2018)"},
      {"key_project_min_output", VK::Money, &M::key_project_min_output, 0, 1e13, "CNY/year",
       "Yearly output from which a firm signing a land contract counts as a recognised key "
       "project (zone key_project_term_years)",
       "assumption (003 names 重点工业项目 without a threshold)"},
      {"entry_rate_per_year", VK::Rate, &M::entry_rate_per_year, 0, 2, "1/year",
       "Baseline entrants per year as share of incumbents",
       "China SAIC 2013 entry rates ~10%; assumption"},
      {"entrant_size", VK::Rate, &M::entrant_size, 0, 10, "1",
       "Entrant demand as share of the sector's mean firm output",
       "entrants are small (MODEL_NOTES): Dunne, Roberts & Samuelson (1988) find entrants a fifth "
       "to a third of incumbents' mean size in US manufacturing; 25% within that range "
       "(assumption; at 10% Lingang's entrants could not cover fixed costs and 27% a year exited "
       "at ages 1-2 against 1.6-6.3% in the SAIC data)"},
      {"entrant_productivity_sd", VK::Real, &M::entrant_productivity_sd, 0, 3, "1",
       "Sd of log productivity of entrants around the sector mean", "assumption"},
      {"attractiveness_land", VK::Real, &M::attractiveness_land, 0, 20, "1",
       "Weight of free land share in zone attractiveness", "assumption"},
      {"attractiveness_support", VK::Real, &M::attractiveness_support, 0, 20, "1",
       "Weight of log(1 + expected yearly support / entrant's yearly value added) in zone "
       "attractiveness; expected support sums, over active programmes open to the zone-sector, "
       "the money paid to its firms per firm-year (smoothed over 12 months), for the months the "
       "programme still runs (at most 12) and within its budget room or fund left, scaled by "
       "entrant_size (the entrant's size relative to the sector's mean firm); the entrant's "
       "value added is 12 x entrant_size x the sector's mean monthly firm output x "
       "value_added_share",
       "assumption (REFERENCES §2 has no prior for location responses to subsidies); 1 = entry "
       "rate proportional to (1 + support / value added)"},
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
      {"initial_debt_to_capital", VK::Rate, &M::initial_debt_to_capital, 0, 5, "1",
       "Debt of a firm of the starting population / its capital", "assumption"},
      {"burn_in_years", VK::Integer, &M::burn_in_years, 0, 20, "years",
       "Years the firm rules run on the drawn population before the start, in a world without "
       "programmes, events, the plan's land-contract rules, market growth, entry, relocation or "
       "agglomeration, so that firms start with demand apart from capacity, cash run down and "
       "some in distress instead of all at demand = capacity; the survivors are then scaled back "
       "to the base year's output per zone and sector and to the zones' land in use, and are "
       "older by these years (0 = start from the drawn population)",
       "assumption; 0 until the Shanghai calibration is re-fitted with a burn-in "
       "(docs/stylized_facts.md, start-up transient)"},
      {"initial_cash_months_of_sales", VK::Real, &M::initial_cash_months_of_sales, 0, 60, "months",
       "Cash of a firm of the starting population, in months of its sales", "assumption"},
      {"new_firm_cash_months_of_costs", VK::Real, &M::new_firm_cash_months_of_costs, 0, 60,
       "months",
       "Cash of an entrant or anchor project at birth, in months of fixed costs plus the general "
       "wage bill (a start-up's runway)",
       "assumption"},
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
      {"local_delivery_months", VK::Real, &M::local_delivery_months, 1, 120, "months",
       "Mean delivery lag of local spending (retrofits, with any local-procurement extra): it "
       "joins the zone's order backlog, of which 1/this is delivered as demand of the zone's IM "
       "suppliers each month (all of it is delivered in time; 1 = in the month it is spent)",
       "assumption (equipment delivery and installation within about a year)"},
      {"patent_min_output", VK::Money, &M::patent_min_output, 0, 1e13, "CNY/year",
       "Annual output above which a firm's patents are counted (above-designated-size firms)",
       "NBS above-size threshold 2000万 since 2011"},
      {"centre_formation_rate", VK::Real, &M::centre_formation_rate, 0, 100, "1/year",
       "Consortia formed per eligible sector and year (Poisson mean) while an innovation-centre "
       "programme accepts applications (all year round: a twelfth of it each month)",
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
       "R&D each member of an operating centre spends through it, as a share of its own R&D, "
       "paid on top of it",
       "assumption"},
      {"centre_preparation_months", VK::Integer, &M::centre_preparation_months, 1, 120, "months",
       "Preparation period of a selected centre", "001: 筹建期为一年"},
      {"centre_extension_months", VK::Integer, &M::centre_extension_months, 0, 120, "months",
       "Extension of the preparation period for a centre not yet qualified",
       "001: 如有特殊原因, 可申请延期半年"},
      {"centre_review_months", VK::Integer, &M::centre_review_months, 1, 240, "months",
       "Months of operation between periodic reviews (revocation with too few results)",
       "001: 三年定期考核"},
      {"centre_result_rate", VK::Real, &M::centre_result_rate, 0, 1000, "1/year",
       "Common-technology results per year of a centre at the reference budget", "assumption"},
      {"centre_reference_budget", VK::Money, &M::centre_reference_budget, 1, 1e13, "CNY/year",
       "Budget at which a centre yields centre_result_rate results", "assumption"},
      {"centre_member_gain", VK::Rate, &M::centre_member_gain, 0, 1, "1",
       "Productivity step of member firms per common-technology result",
       "K+S public-lab variant (MODEL_NOTES); assumption"},
      {"centre_spillover_gain", VK::Rate, &M::centre_spillover_gain, 0, 1, "1",
       "Productivity step of the sector's other firms in the centre's zone per result (in other "
       "zones centre_other_zone_spillover_share of it)",
       "assumption"},
      {"centre_other_zone_spillover_share", VK::Rate, &M::centre_other_zone_spillover_share, 0, 1,
       "1", "Share of centre_spillover_gain the sector's firms in other zones get per result",
       "assumption"},
      {"centre_min_results", VK::Integer, &M::centre_min_results, 0, 1000, "results",
       "Results a centre needs at its three-year review to keep its status",
       "001: 3-year review of common-technology results; level assumption"},
      {"standard_factory_plot_ratio", VK::Real, &M::standard_factory_plot_ratio, 0.1, 10, "1",
       "Floor per m2 of land of a standard factory (multi-storey): the land a factory programme "
       "takes is its floor / this",
       "assumption (003 names no plot ratio; multi-storey 标准厂房 of 2-4 storeys)"},
      {"standard_factory_rent_share", VK::Real, &M::standard_factory_rent_share, 0, 10, "1",
       "Rent per m2 of standard-factory floor, as share of the market floor rent on leased land "
       "(land_rent / plot_ratio)",
       "assumption (003 names no rent; 1 = market rent, no rent subsidy)"},
      {"standard_factory_build_months", VK::Integer, &M::standard_factory_build_months, 0, 12,
       "months", "Months from the start of a standard factory's construction to its letting",
       "assumption (at most 12: one vintage under construction per zone)"},
  };
  return e;
}

}  // namespace parksim::model::detail
