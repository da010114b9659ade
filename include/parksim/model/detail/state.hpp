#pragma once
// Internal to the model: agent state of one replication as typed columns (struct of arrays).
// Columns are listed once in each table's visit() so that generic code (growing, compaction,
// snapshots) sees every column.
#include <array>
#include <cstdint>
#include <vector>

namespace parksim::model {

// Most years a tax loss may be carried forward (model.tax_loss_carry_years is at most this; the
// 2018 rule for high-tech firms allows ten).
inline constexpr int kMaxLossVintages = 10;

enum FirmFlag : std::uint16_t {
  kHighTech = 1u << 0,
  kFirstUnit = 1u << 1,
  kRetrofitted = 1u << 2,
  kListed = 1u << 3,
  kUnicorn = 1u << 4,
  kHiddenChampion = 1u << 5,
  kVcBacked = 1u << 6,
  kRdActive = 1u << 7,
  kPlatformOwner = 1u << 8,
  kIncubated = 1u << 9,  // entered into an incubator place (rent and overhead relief while young)
};

enum EventFlag : std::uint8_t {
  kEventFirstUnit = 1u << 0,
  kEventRetrofit = 1u << 1,
  kEventPlatform = 1u << 2,
  kEventListing = 1u << 3,
  kEventAcquisition = 1u << 4,
  kEventRound = 1u << 5,
  kEventRelocation = 1u << 6,
  kEventInnovation = 1u << 7,  // own innovation (not imitation) succeeded this step
};

struct Firms {
  std::vector<std::int64_t> id;
  std::vector<std::uint16_t> zone, sector, flags;
  std::vector<std::uint8_t> alive;
  std::vector<std::int32_t> birth;           // month index of entry
  std::vector<std::int32_t> exit_month;      // -1 while alive
  std::vector<std::int32_t> distress;        // consecutive months with negative cash
  std::vector<std::int32_t> approval_left;   // months until pending land can be used
  std::vector<std::int32_t> land_wait;       // months an unmet land request has waited
  std::vector<std::int32_t> insured_months;  // months of first-unit insurance subsidy left
  std::vector<std::int32_t> last_round;      // month of the last equity round (-1 none)
  std::vector<std::int32_t>
      low_density_years;  // consecutive years below the zone's output-per-mu rule
  std::vector<std::int32_t>
      expansion_programme;  // industrialisation programme backing this month's expansion (-1 none)
  // Land contracts signed during the run under the zone's rules (003): the part of land_leased
  // leased first under lease-then-sell (先租后让) and the month its lease period ends; the part of
  // land_owned bought under such contracts, the month its term (出让年限) ends and the term's
  // length. Contract land carries the zone's full-life-cycle terms; the starting stock does not.
  std::vector<std::int32_t> lease_end, term_end, term_months;
  std::vector<std::uint8_t> events;   // what happened this step (EventFlag bits)
  std::vector<std::uint8_t> exiting;  // decided to exit this step
  std::vector<std::uint8_t>
      land_revoked;  // land taken back under an exit clause (leaves at the exit phase)
  std::vector<std::int32_t> skilled, leading;  // talent agents employed
  std::vector<std::int32_t> skilled_wanted, leading_wanted;
  std::vector<double> productivity;  // relative TFP (phi)
  std::vector<double> log_shifter;   // log demand shifter (customers, brand)
  std::vector<double> volatility;    // this year's volatility regime (Exp(1))
  std::vector<double> payback;       // years of payback this firm accepts
  std::vector<double> capital, land_owned, land_leased, land_pending;
  std::vector<double>
      extra_floor;  // m2 of floor added on the firm's own land by plot-ratio increases
  // m2 of floor a worker needs: model.floor_area_per_worker, or denser for an anchor project
  // whose own land and planned workforce say so (firm_start.cpp).
  std::vector<double> floor_per_worker;
  // CNY a year of output per worker: the sector's labour productivity, or an anchor project's
  // planned output over its stated jobs (a car plant's is not its sector's average firm's).
  std::vector<double> output_per_worker;
  std::vector<double> land_buy_pending;                 // share of the pending land that was bought
  std::vector<double> contract_leased, contract_owned;  // m2 of contract land (see lease_end)
  std::vector<double> cash, debt, line_debt, lease_debt, equity;
  // The last equity round's post-money valuation and the annualised sales it was based on
  // (agents/banks.cpp); status marks the valuation with sales since (agents/status.cpp).
  std::vector<double> post_money, round_sales;
  std::vector<double> rd_base;  // the firm's own R&D propensity (R&D/sales without support)
  std::vector<double> rd_intensity, demand, output, value_added, rd_spend, workers;
  std::vector<double> investment_gap;     // investment wanted but not financed from cash (CNY)
  std::vector<double> expansion_project;  // this month's L6 project: capital installed (CNY)
  std::vector<double> expansion_gap;      // the part of that project not yet financed (CNY)
  std::vector<double> land_request;       // m2 asked for this month
  std::vector<double> floor_request;      // m2 of floor the land request is for (this month)
  std::vector<double> factory_floor;      // m2 of standard-factory floor rented (003 标准厂房)
  std::vector<double> output_year, output_last_year, rd_year, insured_premium;
  std::vector<double> local_spend;  // retrofit spending bought from local IM suppliers this step
  // Corporate income tax (agents/tax.cpp): the year's accounting profit so far (sales less costs,
  // depreciation and interest), the extra R&D deduction so far, provisional tax paid this year,
  // tax paid this step, and last year's taxable income (before loss offsets).
  std::vector<double> profit_ytd, rd_deduction_ytd, tax_paid_ytd, tax_month, taxable_last_year;
  // Unused tax losses by vintage: [0] from last year, [k] from k+1 years ago.
  std::array<std::vector<double>, kMaxLossVintages> tax_loss;

  std::size_t size() const { return id.size(); }

  template <class F>
  void visit(F&& f) {
    f(id);
    f(zone);
    f(sector);
    f(flags);
    f(alive);
    f(birth);
    f(exit_month);
    f(distress);
    f(approval_left);
    f(land_wait);
    f(low_density_years);
    f(land_revoked);
    f(extra_floor);
    f(floor_per_worker);
    f(output_per_worker);
    f(insured_months);
    f(last_round);
    f(expansion_programme);
    f(lease_end);
    f(term_end);
    f(term_months);
    f(events);
    f(exiting);
    f(skilled);
    f(leading);
    f(skilled_wanted);
    f(leading_wanted);
    f(productivity);
    f(log_shifter);
    f(volatility);
    f(payback);
    f(capital);
    f(land_owned);
    f(land_leased);
    f(land_pending);
    f(land_buy_pending);
    f(contract_leased);
    f(contract_owned);
    f(cash);
    f(debt);
    f(line_debt);
    f(lease_debt);
    f(equity);
    f(post_money);
    f(round_sales);
    f(rd_base);
    f(rd_intensity);
    f(demand);
    f(output);
    f(value_added);
    f(rd_spend);
    f(workers);
    f(investment_gap);
    f(expansion_project);
    f(expansion_gap);
    f(land_request);
    f(floor_request);
    f(factory_floor);
    f(output_year);
    f(output_last_year);
    f(rd_year);
    f(insured_premium);
    f(local_spend);
    f(profit_ytd);
    f(rd_deduction_ytd);
    f(tax_paid_ytd);
    f(tax_month);
    f(taxable_last_year);
    for (auto& vintage : tax_loss) f(vintage);
  }
  void resize(std::size_t n) {
    visit([n](auto& col) { col.resize(n); });
  }
  double land(std::size_t i) const { return land_owned[i] + land_leased[i]; }
  double contract_land(std::size_t i) const { return contract_leased[i] + contract_owned[i]; }
};

inline constexpr std::uint8_t kOutside = 255;  // talent zone value for the pool outside the area

struct Talent {
  std::vector<std::uint8_t> level;     // 0 skilled, 1 leading
  std::vector<std::uint8_t> zone;      // zone index or kOutside
  std::vector<std::uint8_t> housing;   // 1 = lives in a talent housing unit
  std::vector<std::uint8_t> renter;    // 1 = rents, so may use talent housing
  std::vector<std::uint8_t> foreign;   // 1 = foreign or returnee talent (faces entry barriers)
  std::vector<std::int32_t> employer;  // firm slot, -1 when not employed
  std::vector<std::uint16_t> settled;  // 1 + the settlement programme that gave a place; 0 none

  std::size_t size() const { return level.size(); }
  template <class F>
  void visit(F&& f) {
    f(level);
    f(zone);
    f(housing);
    f(renter);
    f(foreign);
    f(employer);
    f(settled);
  }
  void resize(std::size_t n) {
    visit([n](auto& col) { col.resize(n); });
  }
};

struct ZoneState {
  double land_used = 0;      // m2 in use or granted (owned + leased + pending)
  double housing_units = 0;  // talent housing units
  double housing_used = 0;
  double skilled_wage = 0;   // CNY per month, moves with vacancies
  double local_demand = 0;   // CNY per month for local IM suppliers (retrofits, procurement)
  double local_backlog = 0;  // CNY of local spending not yet delivered
  double local_spent_total = 0, local_delivered_total = 0;  // CNY since the start (accounting)
  double talent_present = 0, unemployed = 0, leading_present = 0;
  double vacancies[2] = {0, 0};  // unfilled skilled and leading jobs after matching
  double incubators = 0;         // incubators and accelerators (the zone's own plus programmes')
  // Standard factories (003 标准厂房): floor built and let, floor under construction and the
  // month it is ready, and the rent firms paid for it since the start (CNY).
  double factory_floor = 0, factory_let = 0;
  double factory_building = 0;
  double factory_ready = 0;  // a month index (a double: the struct is archived as bytes)
  double factory_rent_total = 0;
  // Key-project and land-reduction quotas (002 line 162): land added to the zone's industrial area
  // since the start, less land a reduction took out of industrial use (m2; land_quotas.hpp).
  double land_added = 0;
  // Power surcharges firms of the zone paid under output-per-mu terms since the start (CNY).
  double power_surcharge_total = 0;
};

// A manufacturing innovation centre (document 001): a consortium of leading firms of a sector that
// applies, is reviewed, prepares for a year (plus an optional 6-month extension), then operates
// under yearly evaluation and a three-year review, supplying common-technology results to its
// members and its sector. A few per run, so a plain struct.
enum class CentreStage : std::uint8_t { Preparing, Extended, Operating, Revoked };

struct Centre {
  std::int32_t id = 0;
  std::int32_t programme = 0;
  std::uint16_t sector = 0, zone = 0;  // zone of the lead member
  bool corporate = false;  // a new joint-stock company, or a research society + alliance
  CentreStage stage = CentreStage::Preparing;
  std::int32_t selected = 0;   // month of selection
  std::int32_t stage_end = 0;  // month the preparation (or extension) ends
  std::int32_t operating_since = -1;
  std::int32_t ended = -1;            // month revoked
  std::vector<std::int64_t> members;  // member firm ids
  double results = 0;                 // common-technology results since operating
  double results_at_review = 0;       // results counted at the last three-year review
  double results_at_evaluation = 0;   // results counted at the last yearly evaluation
  bool suspended = false;             // public funding suspended after a year without results
};

// Per programme, per replication: money paid and what is left.
struct ProgrammeState {
  double paid_total = 0;
  double paid_this_year = 0;
  double paid_this_step = 0;
  double fund_left = 0;        // credit-line quota, pool or fund capital left
  double drawn = 0;            // credit line drawn / fund invested
  double units = 0;            // incubators, housing units or factory floor (m2) it added
  double replenished = 0;      // risk pools: money added to the fund since the start
  double units_this_year = 0;  // settlement places granted this calendar year (persons)
  double loan_base = 0;        // credit_reward: eligible firms' bank loans at the year's start
  double lent_this_year = 0;   // policy_bank: new loans this calendar year (its yearly quota)
  bool active = false;
  bool budget_left = true;  // known to firms when they decide (last step's state)
  // Risk pools: share of the refund rate the fund left can honour on the debt covered, set each
  // month by the pool's calendar hook (finance.cpp) from the state it restores, so not saved.
  double credible_share = 1.0;
  // Risk pools: debt of each firm slot that this pool covers (empty for other kinds), so that
  // losses, fees and repayments go to the pool that covered the loan.
  std::vector<double> covered_debt;
  std::vector<double>
      paid_to_firm_this_year;  // [firm slot]: an award's cap holds per firm per year
  // [zone x sector]: money paid to firms of the cell this step, and the smoothed yearly support
  // per firm of the cell that entrants expect (programme.cpp, expected_support).
  std::vector<double> paid_cell_this_step;
  std::vector<double> support_per_firm_year;
};

struct Funds {
  double bank_losses = 0;  // cumulative CNY
  double defaults_this_step = 0;
  double pool_paid_this_step = 0;
  double guarantee_paid_this_step = 0;  // losses borne by guarantee companies (and pools' shares)
  double vc_left_this_year = 0;
  double vc_invested_this_step = 0;
  double guidance_invested_this_step = 0;
  double lease_this_step = 0;
};

// Cluster (zone x sector) statistics computed at the start of each step from last step's state.
struct ClusterStats {
  std::vector<double> employment, output, firms, best_productivity, mean_productivity, platforms;
  std::vector<double> agglomeration;             // productivity multiplier
  std::vector<double> sector_mean_productivity;  // output-weighted, per sector
  std::vector<double> sector_mean_output;        // per sector, CNY/month
};

}  // namespace parksim::model
