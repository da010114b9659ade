#pragma once
// The behavioural parameter blocks of a scenario, [model], [talent] and [funds]: one dictionary
// entry per field (sim/model/spec/dictionary_model.cpp gives each its range, unit and source).
//
// Internal units as in scenario.hpp: money CNY, area m2, time in months, rates as fractions.

namespace parksim::model {

// Behavioural parameters of the agents; defaults and sources are in the dictionary.
struct ModelParams {
  // firms: demand and production
  double demand_elasticity = 4.0;   // CES elasticity of substitution sigma
  double demand_volatility = 0.30;  // annual sd of log demand-shifter shocks, reference size
  double volatility_size_elasticity = 0.15;  // sd falls as size^-beta
  double reference_firm_output =
      1.0e8;  // CNY per year, the size at which volatility = demand_volatility
  double agglomeration_elasticity =
      0.05;  // productivity elasticity to same-sector employment density
  double reference_employment_density = 5000.0;  // workers per km2 of the zone's used land
  double depreciation_rate = 0.08;               // per year
  double capacity_buffer = 0.10;                 // capacity kept above expected demand
  double investment_max_share = 0.25;            // max investment in one month as share of capital
  double industrialisation_min_project = 2.0e7;  // CNY: smallest expansion that is an L6 project
  double payback_median_years = 8.0;             // median payback a firm accepts for a project
  double payback_dispersion = 0.5;               // sd of log accepted payback across firms
  double fixed_cost_per_year = 3.0e5;            // overheads independent of output (CNY per year)
  double cash_buffer_months = 2.0;               // months of costs kept as cash before investing
  double cash_buffer_cost_share = 0.2;  // monthly costs as share of monthly output (cash buffer)
  double exit_patience_months = 6.0;    // months of negative net worth before exit
  double vanish_output = 1.0e5;         // CNY per year: a firm older than vanish_min_age_years
  double vanish_min_age_years = 1.0;    // and producing less than vanish_output exits
  double relocation_wait_months =
      12.0;  // months an unmet land request waits before a firm considers moving
  double relocation_rate = 0.1;  // monthly chance a waiting firm moves to a zone with free land
  double relocation_cost_months = 3.0;  // months of value added a move costs
  double agglomeration_min = 0.5;       // clamp of the agglomeration factor
  double agglomeration_max = 2.0;
  double talent_stand_in_effectiveness =
      0.4;  // effectiveness of general workers standing in for missing talent
  // innovation
  double innovation_rate = 0.8;  // zeta1: monthly P(success) = 1-exp(-zeta1 * R&D/sales * boost)
  double imitation_rate = 0.5;   // zeta2 for imitation of the cluster's best
  double innovation_step_max = 0.12;  // x_sup of the Beta innovation step
  double innovation_beta_a = 1.0;
  double innovation_beta_b = 3.0;
  double productivity_shock_sd = 0.12;  // annual sd of idiosyncratic productivity shocks
  double rd_subsidy_response = 1.0;  // elasticity of R&D intensity to its expected subsidy return
  double leading_talent_innovation_boost =
      0.10;  // relative rise in zeta1 per leading talent (capped)
  double platform_innovation_boost =
      0.05;                              // relative rise in zeta1 per platform in the zone-sector
  int leading_talent_boost_max = 3;      // leading talents counted in the innovation boost
  int platform_boost_max = 5;            // platforms counted in the innovation boost
  double breakthrough_threshold = 0.06;  // innovation step that counts as a first-unit breakthrough
  double first_unit_contract_share = 0.15;    // first-unit contract value as share of annual sales
  double first_unit_sale_probability = 0.35;  // chance a customer buys an uninsured first unit
  double first_unit_insured_probability = 0.6;  // the same with first-unit insurance
  double first_unit_premium_rate = 0.03;  // insurance premium as share of contract value per year
  // certification
  double high_tech_rd_threshold_small = 0.05;   // R&D/sales needed, sales < 5000万 (2016 rules)
  double high_tech_rd_threshold_medium = 0.04;  // 5000万..2亿
  double high_tech_rd_threshold_large = 0.03;   // > 2亿
  double high_tech_medium_sales = 5.0e7;        // CNY per year: lower bound of the medium band
  double high_tech_large_sales = 2.0e8;         // CNY per year: lower bound of the large band
  double high_tech_notch_margin = 0.02;  // a firm topping up aims at threshold * (1 + margin)
  double high_tech_certificate_years =
      3.0;  // years a certificate runs: a first-certification reward counts / this per year
  double high_tech_min_age_years = 1.0;
  double high_tech_reputation_value =
      0.008;  // yearly value of the status besides its tax saving, as share of sales
  // corporate income tax (agents/tax.cpp)
  double corporate_tax_rate = 0.25;       // statutory rate (Enterprise Income Tax Law 2008)
  int tax_loss_carry_years = 5;           // years a loss may be carried forward
  double rd_user_cost_elasticity = 1.14;  // R&D response to its after-tax user cost
  double tax_reference_high_tech_rate = 0.15;  // the regime rd_base was observed under (2015)
  double tax_reference_super_deduction = 0.5;
  double high_tech_application_rate =
      0.4;  // chance a qualifying firm applies and is certified in a year
  double high_tech_application_cost =
      1.0e5;                           // CNY: consultancy, audits and staff time of an application
  double hidden_champion_share = 0.3;  // segment share that ranks a firm in its segment's top 3
  double segment_share = 0.01;         // a product segment's share of its sector's market
  double hidden_champion_min_years = 3.0;    // years in the segment (MIIT: 3 for new products)
  double hidden_champion_max_sales = 4.0e10;  // CNY/year: Simon's ceiling (EUR 5bn)
  double unicorn_valuation = 1.0e9 * 7.0;     // CNY (USD 1bn)
  double unicorn_max_age_years = 10.0;        // unicorns are at most this old (GEI)
  // retrofits, platforms, M&A, listing, leasing
  double retrofit_cost_share = 0.15;          // cost of a smart retrofit as share of capital
  double retrofit_productivity_gain = 0.12;   // productivity step of a retrofit
  double retrofit_consideration_rate = 0.05;  // share of firms reviewing a retrofit each year
  double retrofit_min_own_share = 0.2;        // least share of the cost a firm bears after support
  double local_supplier_share = 0.15;       // share of retrofit spending bought from zone IM firms
  double platform_cost = 1.5e8;             // CNY investment of a platform
  double platform_rent_per_year = 4.0e6;    // CNY per year
  double platform_min_firm_output = 5.0e8;  // only firms this large (per year) consider a platform
  double platform_consideration_rate = 0.05;  // share of large firms reviewing a platform each year
  double platform_value_years = 6.0;          // years of innovation value a platform is worth
  double ma_consideration_rate = 0.03;  // share of eligible firms reviewing an acquisition per year
  double ma_deal_sales_multiple = 1.0;  // deal value / acquired annual sales
  double ma_acquired_share = 0.2;       // acquired sales as share of the acquirer's sales
  double ma_min_cash_share = 0.5;       // cash needed as share of the deal value
  double listing_min_output = 3.0e8;    // per year
  double listing_consideration_rate = 0.05;  // per year among eligible firms
  double listing_cost = 5.0e6;               // CNY
  double listing_raise_share = 0.5;          // equity raised / annual sales
  double listing_value_rate = 0.02;          // yearly value per CNY raised (interest saved)
  double leasing_share = 0.3;                // share of investment a lessee finances by leasing
  double leasing_rate = 0.07;                // annual cost of leasing
  double leasing_term_years = 3.0;           // years over which lease and bank costs are compared
  double leasing_choice_noise = 0.5;  // logit scale of lease vs bank, relative to the bank cost
  double lessor_max_leverage = 0.8;   // debt / assets (lease included) a lessor accepts
  double choice_noise = 0.5;          // logit scale of discrete firm choices
  // land
  double floor_area_per_worker = 80.0;  // m2 of floor per worker
  double parcel_size = 20000.0;         // m2, the unit of land requests
  int output_per_mu_grace_months = 24;  // age before output per mu is tested
  double industrial_power_price = 0.65;  // CNY/kWh paid by industry (output_per_mu_terms)
  double key_project_min_output = 1e9;  // CNY/year: a firm this large signs as a key project
  // entry
  double entry_rate_per_year = 0.08;      // entrants per year as share of incumbents (baseline)
  double entrant_size = 0.25;             // entrant demand as share of sector mean firm output
  double entrant_productivity_sd = 0.35;  // sd of log productivity of entrants
  double attractiveness_land = 1.0;       // weights in the zone attractiveness index
  double attractiveness_support = 1.0;    // per log(1 + expected support / entrant value added)
  double attractiveness_talent = 0.5;
  double attractiveness_cluster = 0.3;
  double attractiveness_incubator = 0.05;
  // initial population
  double initial_size_tail = 1.1;         // Pareto exponent of initial firm sizes
  double initial_min_output = 5.0e6;      // CNY per year
  double initial_productivity_sd = 0.45;  // sd of log productivity
  double initial_age_mean_years = 6.0;
  double initial_debt_to_capital = 0.3;        // incumbents' debt at the start / capital
  double initial_cash_months_of_sales = 2.0;   // incumbents' cash at the start
  int burn_in_years = 0;  // years the firm rules run before the start (world/burn_in.cpp)
  double new_firm_cash_months_of_costs = 6.0;  // entrants' and anchors' cash at birth
  // land: plot-ratio increases on the firm's own land
  double plot_ratio_premium_share =
      1.0;  // premium per m2 of added floor, as share of the land price per m2 of floor
  // incubators
  double incubator_places = 20.0;      // young firms one incubator hosts
  double incubation_years = 3.0;       // years a firm stays in its incubator place
  double incubator_cost_relief = 0.5;  // share of overheads an incubator place saves (rent is free)
  // patents
  double patents_per_innovation = 2.0;  // invention patents granted per successful own innovation
  double local_delivery_months = 12.0;  // months over which local spending is delivered
  double patent_min_output =
      2.0e7;  // annual output above which a firm's patents are counted (above-size)
  // manufacturing innovation centres
  double centre_formation_rate =
      0.5;  // per year: chance a sector's leading firms apply when a programme is open
  int centre_min_members = 3;  // member firms of a consortium
  int centre_max_members = 8;
  double centre_member_min_output = 5.0e8;  // annual output of a member firm
  double centre_review_rd =
      3.0e8;  // members' combined annual R&D at which the review score is even
  double centre_review_noise = 0.5;  // sd of the log review score
  double centre_qualify_probability =
      0.75;  // chance a centre is qualified at the end of preparation (and of its extension)
  double centre_member_rd_share = 0.05;  // share of members' R&D spent through the centre
  double centre_result_rate = 2.0;  // common-technology results per year at the reference budget
  double centre_reference_budget = 1.0e8;  // CNY per year
  double centre_member_gain = 0.02;        // productivity step of members per result
  double centre_spillover_gain =
      0.004;  // productivity step of other firms of the sector per result
  double centre_other_zone_spillover_share = 0.5;  // share of the spill-over in other zones
  int centre_min_results = 3;                      // results needed at the three-year review
  int centre_preparation_months = 12;              // 001: 筹建期为一年
  int centre_extension_months = 6;                 // 001: 可申请延期半年
  int centre_review_months = 36;                   // 001: 三年定期考核
  // land supply: standard factories (003 标准厂房)
  double standard_factory_plot_ratio = 2.0;  // floor per m2 of land of a standard factory
  double standard_factory_rent_share = 1.0;  // rent per m2 of its floor / market floor rent
  int standard_factory_build_months = 12;    // from the start of construction to letting
};

struct TalentParams {
  double skilled_wage = 12000.0;  // CNY per month
  double leading_wage = 50000.0;
  double general_wage = 7000.0;
  double arrival_rate = 0.02;             // monthly skilled arrivals, share of skilled present
  double leaving_rate = 0.012;            // monthly base hazard of leaving the area
  double move_rate = 0.004;               // monthly base hazard of moving to another zone
  double housing_cost_sensitivity = 1.0;  // logit weight of housing cost / wage
  double reward_sensitivity = 1.0;        // logit weight of rewards / wage
  double talent_housing_discount = 0.5;   // rent saved in a talent unit, share of market rent
  double leading_share = 0.02;            // share of arrivals who are leading talents
  double vacancy_wage_response = 0.02;    // wage rise per month at full vacancy pressure
  double housing_need_share = 0.6;        // share of talent that rents (and so can use housing)
  int skilled_per_agent = 1;  // persons one skilled-talent agent stands for (large scenarios)
  // outside pool of agents: max(outside_pool_min_agents, outside_pool_ratio * agents inside)
  int outside_pool_min_agents = 1000;
  double outside_pool_ratio = 2.0;
  double housing_cost_reference_share = 0.3;  // housing cost / wage of the base leaving hazard
  double leaving_hazard_cap = 0.5;            // largest monthly hazard of leaving (employed)
  double unemployed_leaving_multiple = 2.0;   // job seekers leave at this multiple of the hazard
  double arrival_min_skilled_present = 50.0;  // smallest presence counted in the arrival flow
  double arrival_min_leading_present = 2.0;
  // Leading talent's outside supply (talent.cpp arrival_flow): inflow at the start as a multiple
  // of the zone's starting stock x its base leaving hazard, growing along the national supply
  // path; leading talents without a firm job leave at this multiple of the employed hazard.
  double leading_inflow_scale = 1.0;
  double leading_supply_growth = 0.052;  // per year: China's R&D personnel FTE 2015-2018
  double leading_unattached_leaving_multiple = 1.0;
  double arrivals_per_open_job = 0.5;    // monthly arrivals per skilled job left unfilled
  double arrival_probability_cap = 0.5;  // most of the outside pool arriving in a month
  double vacancy_rate_target = 0.02;     // vacancy rate at which zone wages stand still
  double wage_floor_factor = 0.8;        // zone skilled wage stays within these multiples
  double wage_ceiling_factor = 3.0;      // of skilled_wage
  double leading_min_output = 2.0e8;     // yearly sales above which an R&D firm wants a leader
  double leading_output_step = 5.0e9;    // yearly sales per further leading talent wanted
  int leading_max_per_firm = 3;          // most leading talents one firm wants
  // Foreign and returnee talent (the group talent pilots target): share of outside agents by level
  // and the entry barrier they face, monthly-equivalent cost as a share of the wage.
  double foreign_share_skilled = 0.05;
  double foreign_share_leading = 0.4;
  double foreign_entry_barrier = 0.3;
  // Settlement (hukou) and schooling priority (talent_services.cpp): what a place is worth to its
  // holder, CNY per person-month, and the school places it brings per person settled.
  double settlement_value = 1500.0;
  double settled_pupils_per_person = 0.3;
  double internship_conversion = 0.3;  // share of interns hired by their host firm
};

struct FundParams {
  double bank_leverage = 1.5;       // credit ceiling = leverage * net worth
  double bank_rate = 0.05;          // annual loan rate
  double bank_risk_premium = 0.04;  // extra rate at full leverage
  double bank_max_leverage = 0.7;   // debt / assets beyond which banks refuse
  double loan_maturity_years = 3.0;
  double recovery_rate = 0.4;           // share of a defaulted loan recovered
  double pool_leverage_response = 1.0;  // how much the pool's coverage raises the ceiling
  double moral_hazard = 0.2;            // extra default risk taken under coverage (screening)
  double vc_capital_per_year = 2.0e9;   // private VC money available in the area per year
  double vc_round_share = 0.5;          // round size / annual sales
  double vc_min_productivity = 1.2;     // relative productivity VC looks for
  double vc_max_age_years = 8.0;
  // Post-money valuation of a round by the venture-capital method (agents/banks.cpp).
  double vc_exit_sales_multiple = 4.0;  // price / sales at exit
  double vc_target_return = 0.4;        // VC's target yearly return, discounting the exit value
  double vc_years_to_exit = 5.0;        // years from a round to the exit
  double vc_growth_cap = 1.0;           // largest yearly sales growth VC projects to the exit
  double sme_output_limit = 4.0e8;  // annual output below which a firm is an SME (CNY)
  double guarantee_fee = 0.015;     // annual fee a guarantee company charges on guaranteed debt
  double vc_bar_relief = 0.5;       // bar = vc_min_productivity * (1 - relief * guidance share)
  int vc_months_between_rounds = 24;
  double vc_min_round = 2.0e6;           // CNY
  double guidance_fund_max_share = 0.9;  // largest co-investment share of a guidance fund
  double guidance_crowd_in = 1.0;  // new private VC per public yuan co-invested (at share g -> 0)
  double guidance_crowd_out_share = 0.5;  // public share above which the fund displaces private VC
  // Guarantee companies (programmes/finance_agents.cpp): guarantees outstanding <= this x capital,
  // the largest loss share they take, and the logit scale of a firm's take-up of a guarantee.
  double guarantee_max_multiple = 10.0;
  double guarantee_max_share = 0.8;
  double guarantee_choice_noise = 1.0;
  // IP-pledge lending (programmes/finance_agents.cpp): R&D capital = annual R&D / this
  // depreciation rate (steady state), and the share of it banks lend against as pledged IP.
  double ip_rd_depreciation = 0.15;
  double ip_pledge_loan_to_value = 0.3;
  // Credit rewards to banks (programmes/finance_banks.cpp): a bank's expected loss per yuan of a
  // marginal SME loan over its life, against which it values a reward per yuan of new lending.
  double bank_expected_loss = 0.03;
};

}  // namespace parksim::model
