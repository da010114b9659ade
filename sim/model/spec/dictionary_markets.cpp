// The parameter dictionary, market sections: [talent] (talent agents' moves, wages, housing and
// rewards) and [funds] (banks, risk pools, guarantees, venture capital). Each entry: key, kind,
// member, valid range, unit, description, source; "assumption" in a source means no published
// figure was found. [model] is in dictionary_model.cpp, the other sections in dictionary.cpp.
#include "dictionary_impl.hpp"

namespace parksim::model::detail {
namespace {
using VK = ValueKind;
}  // namespace

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
       "Expected skilled arrivals per month as share of the zone's skilled talent: arrivals = "
       "(this x max(present, arrival_min_skilled_present) x exp(reward and expected housing "
       "saving terms) + arrivals_per_open_job x open jobs), x the pilots' barrier relief for "
       "foreign and returnee talent (ODD 7.4); leading talent: leading_inflow_scale",
       "assumption"},
      {"arrival_min_skilled_present", VK::Real, &T::arrival_min_skilled_present, 0, 1e8, "agents",
       "Skilled agents a zone counts at least in its arrival flow (an empty zone still "
       "draws arrivals)",
       "assumption"},
      {"arrival_min_leading_present", VK::Real, &T::arrival_min_leading_present, 0, 1e8, "agents",
       "Leading talents a zone counts at least in its arrival flow", "assumption"},
      {"leading_inflow_scale", VK::Real, &T::leading_inflow_scale, 0, 100, "1",
       "Leading talent's inflow from outside the area: expected arrivals per month = this x "
       "max(zones.*.leading_talent, arrival_min_leading_present) x the zone's base leaving hazard "
       "(leaving_rate x exp(housing_cost_sensitivity x (rent / leading_wage - "
       "housing_cost_reference_share)), no housing or rewards) x (1 + leading_supply_growth)^years "
       "x exp(reward, housing and settlement terms), + arrivals_per_open_job x open leading jobs; "
       "1 = the starting stock is the stationary stock of the no-policy flows",
       "assumption (initial steady state: no published flow figures for a zone's leading talent)"},
      {"leading_supply_growth", VK::Real, &T::leading_supply_growth, -0.5, 1, "1/year",
       "Yearly growth of the outside supply of leading talent a zone draws on (the national "
       "market of R&D and returnee talent)",
       "public figure: China's R&D personnel, full-time equivalent, 375.9万 person-years 2015 -> "
       "438.1万 2018 (NBS/MOST national S&T expenditure bulletins), +5.2%/year; returnees "
       "40.9万 -> 51.9万 (MOE) grew faster, +8.3%/year"},
      {"leading_unattached_leaving_multiple", VK::Real, &T::leading_unattached_leaving_multiple, 0,
       100, "1",
       "Leading talents without a firm job leave the area at this multiple of the employed "
       "hazard (skilled job seekers: unemployed_leaving_multiple)",
       "assumption: most of a zone's leading talents work at universities, institutes or their "
       "own start-ups, not as a manufacturer's chief scientist (firms want 18% of Lingang's and "
       "59% of Shanghai's starting stock), so no firm job is not joblessness"},
      {"arrivals_per_open_job", VK::Real, &T::arrivals_per_open_job, 0, 100, "1/month",
       "Expected arrivals per month per job left unfilled (skilled: net of the zone's job "
       "seekers)",
       "assumption"},
      {"arrival_probability_cap", VK::Rate, &T::arrival_probability_cap, 0, 1, "1/month",
       "Largest share of the outside pool of a level arriving in a month (zones' arrival chances "
       "are scaled down to it)",
       "assumption"},
      {"leaving_rate", VK::Rate, &T::leaving_rate, 0, 1, "1/month",
       "Base monthly hazard of leaving the area: hazard = min(leaving_hazard_cap, this x "
       "exp(housing_cost_sensitivity x (housing cost / wage - housing_cost_reference_share) - "
       "reward_sensitivity x own reward / wage)), x unemployed_leaving_multiple for skilled job "
       "seekers, x leading_unattached_leaving_multiple for leading talents without a firm job",
       "assumption"},
      {"housing_cost_reference_share", VK::Real, &T::housing_cost_reference_share, 0, 10, "1",
       "Housing cost / wage at which the leaving hazard equals leaving_rate (before rewards)",
       "assumption"},
      {"leaving_hazard_cap", VK::Rate, &T::leaving_hazard_cap, 0, 1, "1/month",
       "Largest monthly hazard of leaving the area (before the job-seeker multiple)", "assumption"},
      {"unemployed_leaving_multiple", VK::Real, &T::unemployed_leaving_multiple, 0, 100, "1",
       "Skilled job seekers leave the area at this multiple of the hazard of employed talent",
       "assumption"},
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
       "Monthly relative change of a zone's skilled wage per unit of (vacancy rate - "
       "vacancy_rate_target)",
       "assumption"},
      {"vacancy_rate_target", VK::Rate, &T::vacancy_rate_target, 0, 1, "1",
       "Skilled vacancy rate (open jobs / (jobs wanted + 1)) at which zone wages stand still",
       "assumption"},
      {"wage_floor_factor", VK::Real, &T::wage_floor_factor, 0.01, 1, "1",
       "A zone's skilled wage stays at or above this multiple of skilled_wage", "assumption"},
      {"wage_ceiling_factor", VK::Real, &T::wage_ceiling_factor, 1, 100, "1",
       "A zone's skilled wage stays at or below this multiple of skilled_wage", "assumption"},
      {"housing_need_share", VK::Rate, &T::housing_need_share, 0, 1, "1",
       "Share of talent that rents and can use talent housing", "assumption"},
      {"skilled_per_agent", VK::Integer, &T::skilled_per_agent, 1, 1000, "persons",
       "Persons one skilled-talent agent stands for; zone counts are in persons. Above 1 trades "
       "detail for speed in city-wide scenarios (leading talents stay individuals)",
       "modelling choice"},
      {"outside_pool_min_agents", VK::Integer, &T::outside_pool_min_agents, 0, 100000000, "agents",
       "Smallest outside pool of talent agents (the wider labour market arrivals come from): the "
       "pool is max(this, outside_pool_ratio x agents in the zones at the start)",
       "modelling choice"},
      {"outside_pool_ratio", VK::Real, &T::outside_pool_ratio, 0, 1000, "1",
       "Outside pool of talent agents as a multiple of the agents in the zones at the start",
       "modelling choice"},
      {"leading_min_output", VK::Money, &T::leading_min_output, 0, 1e13, "CNY/year",
       "Yearly sales above which an R&D-active firm wants one leading talent (chief scientist "
       "or technical director); the same rule at set-up, at entry and every month",
       "assumption"},
      {"leading_output_step", VK::Money, &T::leading_output_step, 1e6, 1e14, "CNY/year",
       "Further yearly sales per additional leading talent wanted (1 + sales / step, capped)",
       "assumption"},
      {"leading_max_per_firm", VK::Integer, &T::leading_max_per_firm, 0, 100, "persons",
       "Most leading talents one firm wants", "assumption"},
      {"foreign_share_skilled", VK::Rate, &T::foreign_share_skilled, 0, 1, "1",
       "Share of outside skilled agents who are foreign or returnee talent (the group talent "
       "pilots target)",
       "assumption (Shanghai: foreign work-permit holders and returnees are a small share of "
       "skilled in-migrants)"},
      {"foreign_share_leading", VK::Rate, &T::foreign_share_leading, 0, 1, "1",
       "Share of outside leading agents who are foreign or returnee talent",
       "assumption (the national and city leading-talent plans recruit mostly from abroad)"},
      {"foreign_entry_barrier", VK::Real, &T::foreign_entry_barrier, 0, 10, "1",
       "Entry barrier foreign and returnee talent face on arrival (work and residence permits, "
       "hukou or residence points, schooling), as a monthly-equivalent cost / wage; a talent "
       "pilot removes `effect` of it: their arrival chance x exp(reward_sensitivity x effect x "
       "this)",
       "assumption; MODEL_NOTES talent (hukou/points policies raise arrival rates)"},
      {"settlement_value", VK::Money, &T::settlement_value, 0, 1e6, "CNY/month",
       "What a settlement (hukou) place with its children's school places is worth to its holder, "
       "per person-month; it enters stay and arrival like a reward: hazard x exp(-"
       "reward_sensitivity x this / wage) (settlement_priority programmes)",
       "assumption (about 1/8 of the skilled wage: public schooling and exam access for children, "
       "social insurance and home-purchase eligibility; REFERENCES has no hukou valuation; "
       "MODEL_NOTES talent: hukou/points policies raise arrival rates)"},
      {"settled_pupils_per_person", VK::Real, &T::settled_pupils_per_person, 0, 5, "1",
       "School places a settled person's children take (the government pays the programme's "
       "`amount` per place-year)",
       "assumption (working-age talent, about one child per three persons of school age)"},
      {"internship_conversion", VK::Rate, &T::internship_conversion, 0, 1, "1",
       "Share of an internship base's interns (internship_base) who stay on: hired by the host "
       "firm on graduation when it has a skilled vacancy",
       "assumption (NACE 2019 student surveys: ~56% of US interns get an offer, ~3/4 accept; "
       "placed rather than self-chosen internships in a small city keep fewer)"},
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
      {"vc_round_share", VK::Rate, &F::vc_round_share, 0, 10, "1",
       "Round size / annual sales (at least vc_min_round)", "assumption"},
      {"vc_min_round", VK::Money, &F::vc_min_round, 0, 1e12, "CNY",
       "Smallest venture round: a round is max(this, vc_round_share x annual sales)", "assumption"},
      {"vc_months_between_rounds", VK::Integer, &F::vc_months_between_rounds, 0, 240, "months",
       "Months after a round before a firm can raise another", "assumption"},
      {"vc_min_productivity", VK::Real, &F::vc_min_productivity, 0, 100, "1",
       "Productivity relative to the sector mean that VC looks for (lowered by a guidance fund, "
       "see vc_bar_relief)",
       "assumption"},
      {"vc_bar_relief", VK::Rate, &F::vc_bar_relief, 0, 1, "1",
       "How much a guidance fund's co-investment share g lowers VC's bar: bar = "
       "vc_min_productivity x (1 - this x g)",
       "assumption (weaker selection with public co-investment)"},
      {"guidance_fund_max_share", VK::Rate, &F::guidance_fund_max_share, 0, 1, "1",
       "Largest co-investment share of a round a guidance fund takes (its `effect` is clamped to "
       "this)",
       "assumption"},
      {"guidance_crowd_in", VK::Real, &F::guidance_crowd_in, 0, 10, "1",
       "New private VC money a guidance fund's co-investment draws into a round, per public yuan, "
       "at a small public share: c(g) = this x (1 - g / guidance_crowd_out_share); it pays part "
       "of the round's private share (1-g) without using the area's vc_capital_per_year",
       "REFERENCES §2/§2b: provincial guidance-fund policies raised total VC fundraising and "
       "investment (Cong, Li & Gu, DiD on PEdata): crowd-in; document 000 line 28 "
       "发挥财政资金杠杆放大效应; size 1 is an assumption"},
      {"guidance_crowd_out_share", VK::Rate, &F::guidance_crowd_out_share, 0, 1, "1",
       "Public share of a round above which a guidance fund crowds private VC out: c(g) < 0 and "
       "-c(g) private yuan per public yuan leave the area's VC of the year (0 = always crowd-out "
       "at guidance_crowd_in per yuan)",
       "REFERENCES §2: moderate government shares help, large shares underperform; the linear "
       "form and 50% are assumptions"},
      {"vc_max_age_years", VK::Real, &F::vc_max_age_years, 0, 100, "years",
       "Oldest firm VC invests in", "assumption"},
      {"vc_exit_sales_multiple", VK::Real, &F::vc_exit_sales_multiple, 0, 100, "1",
       "Price / sales of listed comparables that VC expects at the exit (venture-capital method: "
       "post-money = this x projected exit-year sales / (1 + vc_target_return)^vc_years_to_exit)",
       "Sahlman (1987) HBS note 9-288-006 and Metrick & Yasuda, Venture Capital and the Finance of "
       "Innovation (2010) ch. 10 for the method; the value 4 is an assumption"},
      {"vc_target_return", VK::Rate, &F::vc_target_return, 0, 5, "1/year",
       "Yearly return VC targets when it discounts the exit value to a round's post-money",
       "Sahlman (1987): target rates of 35-50% for second-stage rounds; 40% is an assumption "
       "within that range"},
      {"vc_years_to_exit", VK::Real, &F::vc_years_to_exit, 0, 30, "years",
       "Years from a round to the exit in the venture-capital method", "assumption"},
      {"vc_growth_cap", VK::Real, &F::vc_growth_cap, 0, 10, "1/year",
       "Largest yearly sales growth (run-rate over last year's sales) VC projects to the exit",
       "assumption"},
      {"sme_output_limit", VK::Money, &F::sme_output_limit, 0, 1e13, "CNY/year",
       "Annual output below which a firm counts as an SME",
       "MIIT 2011 industrial SME threshold: revenue < 4亿"},
      {"guarantee_fee", VK::Rate, &F::guarantee_fee, 0, 0.2, "1/year",
       "Fee a guarantee company charges on the debt it guarantees (risk pools with a guarantee "
       "share)",
       "assumption: commercial guarantee fees are commonly quoted at 1-3% a year"},
      {"guarantee_max_multiple", VK::Real, &F::guarantee_max_multiple, 0, 100, "1",
       "guarantee_company: guarantees outstanding at most this multiple of the company's capital "
       "left; new guarantees stop when it binds",
       "MODEL_NOTES (guarantees outstanding <= 5-10x capital); 融资担保公司监督管理条例 (2017) "
       "art. 17: 融资担保责任余额不得超过其净资产的10倍"},
      {"guarantee_max_share", VK::Rate, &F::guarantee_max_share, 0, 1, "1",
       "guarantee_company: largest share of a guaranteed loan's loss the company may take (its "
       "`rate` must not exceed it)",
       "MODEL_NOTES and REFERENCES §2: Shanghai's guarantee fund covers at most 80% of a loss"},
      {"guarantee_choice_noise", VK::Real, &F::guarantee_choice_noise, 0.01, 100, "1",
       "Logit scale of a rationed firm's take-up of a guaranteed loan, relative to bank_rate: "
       "P = logistic((return on capital - bank_rate - net fee / loss share) / (this x bank_rate))",
       "assumption (the relative logit scale of the firm's other discrete choices)"},
      {"ip_rd_depreciation", VK::Rate, &F::ip_rd_depreciation, 0.01, 1, "1/year",
       "ip_pledge: depreciation of R&D capital; a firm's IP stock is taken as its steady-state "
       "R&D capital, annual R&D / this",
       "Griliches / BEA convention: R&D capital depreciates about 15% a year"},
      {"ip_pledge_loan_to_value", VK::Rate, &F::ip_pledge_loan_to_value, 0, 1, "1",
       "ip_pledge: credit banks extend per yuan of the firm's IP stock when an IP-pledge fund "
       "shares the losses (pledge value = this x R&D capital)",
       "assumption: IP pledge loans in Chinese pilots are commonly quoted at 30-50% of the "
       "appraised value; the appraised value of a firm's patents is put at its R&D capital"},
      {"bank_expected_loss", VK::Rate, &F::bank_expected_loss, 0.001, 1, "1",
       "credit_reward: a bank's expected loss per yuan of a marginal SME loan over its life "
       "(default probability x loss given default); a reward of r per yuan of new eligible "
       "lending is worth to the bank what a loss cover of r / this is (capped so that cover "
       "and pool coverage stay <= 1), and it relaxes the ceiling as that cover would "
       "(pool_leverage_response, moral_hazard); risk_pool: the refunds banks expect on a pool's "
       "covered debt are rate x this x covered debt, and they count on the pool's rate only as "
       "far as its fund left pays for that",
       "assumption: small-firm loans' default rate of about 2.5-3% a year over an average life "
       "of 1.5 years (3-year amortising loans) at loss given default 1 - recovery_rate (60%) "
       "gives about 3%"},
  };
  return e;
}

}  // namespace parksim::model::detail
