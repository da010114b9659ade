// Registry lines of the finance kinds: credit lines, risk pools, leasing, guidance funds, guarantee
// companies, IP pledges, credit rewards and policy banks (finance*.cpp). registry.cpp gathers every
// family's lines and puts them in ProgrammeKind order.
#include "programmes/finance.hpp"
#include "programmes/finance_agents.hpp"
#include "programmes/finance_banks.hpp"
#include "programmes/registry_parts.hpp"

namespace parksim::model {

void add_finance_kinds(std::vector<ProgrammeKindInfo>& kinds) {
  using K = ProgrammeKind;
  kinds.insert(
      kinds.end(),
      {
          {"credit_line",
           K::CreditLine,
           "finance",
           "000 L9",
           "支持商业银行在临港设立科技支行,为临港地区智能制造企业提供200亿元专属授信额度 (000, "
           "line "
           "42)",
           "Commercial banks are supported to open sci-tech sub-branches in Lingang, providing a "
           "dedicated credit line of 20 billion yuan for Lingang's IM firms.",
           "Lends beyond the ordinary ceiling to constrained firms, up to effect×ceiling "
           "(loan_offer); "
           "requests rationed by productivity against the room left, which repayments restore "
           "(revolving); no interest subsidy, so 0 cost.",
           {"effect", "fund_size", "sme_only"},
           true,
           true,
           {"credit_line_drawn"},
           nullptr,
           {"loans_outstanding", +1}},  // L9 is a dedicated credit line for IM firms
          {"risk_pool",
           K::RiskPool,
           "finance",
           "000 L10; 002-F2; 004-F2",
           "设立规模为1亿元的贷款风险补偿基金,为临港智能制造中小微企业提供信贷支持 (000, line 42)",
           "Set up a 100-million-yuan loan risk-compensation fund to provide credit support to "
           "Lingang's IM micro, small and medium firms.",
           "Coverage (rate x the share of it the fund left can honour on the debt covered, "
           "at funds.bank_expected_loss, + guarantee share) relaxes bank leverage limits and "
           "screening in loan_offer; "
           "on default the pool refunds rate×covered loss from fund_left within budget_per_year; "
           "replenish_per_year refills it each January.",
           {"rate", "loss_shares", "fund_size", "budget_per_year", "replenish_per_year",
            "sme_only"},
           true,
           true,
           {"risk_pool_paid", "guarantee_paid"},
           risk_pool::on_month,
           {"loans_outstanding", +1}},  // L10 covers losses to give IM SMEs credit support
          {"leasing_subsidy",
           K::LeasingSubsidy,
           "finance",
           "000 L11",
           "对承租企业按租赁标的物总额的5%一次性给予扶持,最高500万元 (000, line 42)",
           "Lessee firms get one-off support of 5% of the total value of the leased assets, up to "
           "5 "
           "million yuan.",
           "Lowers a lease's cost against bank credit in the lease choice for the equipment share "
           "of "
           "what banks did not finance, within the lessor's credit check (lease_equipment); "
           "min(rate×lease, cap) per contract paid in phase_awards.",
           {"rate", "cap", "budget_per_year", "sme_only"},
           false,
           false,
           {},
           nullptr,
           {"loans_outstanding", +1}},  // L11 supports leasing; lease debt counts in loans
          {"guidance_fund",
           K::GuidanceFund,
           "finance",
           "000 (no lever code; digest 'Also named'); 002-F1; 003-F1; 004-F1",
           "发起设立上海智能制造产业投资基金,发挥财政资金杠杆放大效应 (000, line 28)",
           "Launch a Shanghai intelligent-manufacturing industry investment fund, using the "
           "leverage "
           "effect of fiscal money.",
           "Co-invests share g=effect of each VC round of its eligible firms from fund_left "
           "(spread "
           "over months to `to`), booked as equity cost; private VC pays 1-g and crowd-in adds new "
           "private money (venture_rounds); lowers VC's bar.",
           {"effect", "fund_size"},
           true,
           false,
           {"guidance_invested"},
           nullptr,
           {"vc_invested", +1}},  // the fund uses fiscal money's leverage to draw private VC
          {"guarantee_company",
           K::GuaranteeCompany,
           "finance_agents",
           "000 (no lever code; digest 'Also named'); 004 (line 81)",
           "推动建立风险分担机制,鼓励融资担保公司为智能制造企业贷款提供担保,"
           "推动降低中小企业的融资成本 "
           "(000, line 28) / 加强科技部门与金融机构、创投机构、担保机构的战略合作 (004, line 81)",
           "Build a risk-sharing mechanism: encourage financing-guarantee companies to guarantee "
           "IM "
           "firms' loans, lowering SMEs' financing costs.",
           "A company with capital fund_size takes `rate` of a guaranteed loan's loss, so banks "
           "lend "
           "a rationed firm up to C/(1-rate) on the exposure they keep (loan_offer, "
           "arrange_guarantees); new guarantees within guarantee_max_multiple x capital and `cap` "
           "per "
           "firm; the firm pays funds.guarantee_fee (fee_subsidy of it paid by the programme "
           "within "
           "budget_per_year); defaults paid from capital; cost = losses + fee subsidies.",
           {"rate", "cap", "fee_subsidy", "fund_size", "budget_per_year", "sme_only"},
           true,
           true,
           {"guarantees_outstanding", "guarantee_paid"},
           nullptr,
           {"loans_outstanding", +1}},  // guarantees let banks lend to firms they would ration
          {"ip_pledge",
           K::IpPledge,
           "finance_agents",
           "004-F2",
           "政府设立基金,引导银行给智能制造领域科技型企业开展知识产权质押试点,促进知识产权资本化 "
           "(004, "
           "line 81) / 开展知识产权质押融资试点 (004, line 91)",
           "The government sets up a fund to guide banks to pilot IP-pledge lending to IM "
           "technology "
           "firms, turning IP into capital.",
           "While the fund has money, firms owning IP (high-tech certified) borrow beyond the "
           "ordinary ceiling up to ip_pledge_loan_to_value x R&D capital (annual R&D / "
           "ip_rd_depreciation) less IP-backed debt (loan_offer); on default the fund refunds "
           "rate x the pledged part of the loss within fund_left and budget_per_year.",
           {"rate", "fund_size", "budget_per_year", "sme_only"},
           true,
           true,
           {"ip_pledged_outstanding", "risk_pool_paid"},
           nullptr,
           {"loans_outstanding", +1}},  // the fund makes banks lend on pledged IP
          {"credit_reward",
           K::CreditReward,
           "finance_banks",
           "002-F2 (信贷奖励)",
           "发挥本市科技型中小企业信贷风险补偿和信贷奖励政策的作用,引导商业银行加大信贷投放 (002, "
           "line "
           "170)",
           "Use the city's credit risk-compensation and credit-reward policies for sci-tech SMEs "
           "to "
           "guide commercial banks to lend more.",
           "Each December banks are paid rate x the year's increase in eligible firms' bank loans "
           "within budget_per_year (settle); while the year's budget has room a new eligible yuan "
           "earns rate, which banks value as a loss cover of rate / funds.bank_expected_loss and "
           "which relaxes their ceiling as pool coverage does (loan_offer); cost = rewards paid.",
           {"rate", "budget_per_year", "sme_only"},
           false,
           false,
           {},
           credit_reward::on_month,
           {"loans_outstanding", +1}},  // the reward makes banks lend to eligible firms they ration
          {"policy_bank",
           K::PolicyBank,
           "finance_banks",
           "000 (no lever code; digest 'Also named'); 004 (line 103, credit tilt)",
           "推动国家开发银行、中国进出口银行等政策性银行支持临港地区智能制造企业开展国际合作业务 "
           "(000, "
           "line 28) / "
           "对智能制造领域重大项目优先给予信贷支持,并在贷款额度、贷款期限及贷款利率等方面予以"
           "倾斜 (004, line 103)",
           "Get policy banks (CDB, China Exim) to support the area's IM firms' international "
           "business / give major IM projects priority credit with tilted amount, term and rate.",
           "Firms whose month's investment lacks at least min_project after ordinary, IP and line "
           "credit borrow the rest from the window, up to effect x their ordinary ceiling and cap "
           "per firm, ranked by productivity within budget_per_year of new loans a year; window "
           "debt "
           "is repaid over `years` and pays the commercial rate less `rate` (cost = the "
           "concession).",
           {"rate", "effect", "years", "cap", "min_project", "budget_per_year", "sme_only"},
           false,
           true,
           {"policy_bank_outstanding"},
           policy_bank::on_month,
           {"loans_outstanding",
            +1}},  // the window finances projects the commercial ceiling rations
      });
}

}  // namespace parksim::model
