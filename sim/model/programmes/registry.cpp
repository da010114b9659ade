// The programme registry: one line per kind (programme.hpp says what a line holds). Adding a
// lever: its dictionary keys, one line here, its behaviour in its family file, and a test.
#include <stdexcept>

#include "programmes/entry_rules.hpp"
#include "programmes/finance.hpp"
#include "programmes/finance_agents.hpp"
#include "programmes/finance_banks.hpp"
#include "programmes/incubators.hpp"
#include "programmes/land_quotas.hpp"
#include "programmes/land_supply.hpp"
#include "programmes/programme.hpp"
#include "programmes/talent.hpp"
#include "programmes/talent_services.hpp"

namespace parksim::model {

const std::vector<ProgrammeKindInfo>& programme_registry() {
  using K = ProgrammeKind;
  static const std::vector<ProgrammeKindInfo> kinds = {
      {"first_unit_grant",
       K::FirstUnitGrant,
       "first_unit",
       "000 L1",
       "给予不超过首台装备销售合同金额的30%,最高3000万元的无偿资助 (000, line 36)",
       "A grant of no more than 30% of the first-unit equipment sales contract, up to 30 million "
       "yuan.",
       "Paid on every first-unit sale (insured or not): rate×contract ≤cap in phase_awards; it "
       "raises the value of a sale, hence insurance uptake (on_breakthrough), and R&D by its "
       "expected value to the firm (choose_rd_intensity).",
       {"rate", "cap", "budget_per_year", "sme_only"},
       false,
       false,
       {"first_units"},
       nullptr,
       {"first_units", +1}},  // L1 exists to get first-unit equipment sold
      {"first_unit_insurance",
       K::FirstUnitInsurance,
       "first_unit",
       "000 L2; 002-F3; 003-F2; 004-F3",
       "按照3%的保费率上限及实际投保年度保费的80%给予不超过3年的保费补贴 (000, line 36)",
       "A premium subsidy of 80% of the premium actually paid per insured year, with a "
       "premium-rate ceiling of 3%, for no more than 3 years.",
       "On a breakthrough the firm insures when the raised acceptance is worth the premium net of "
       "the refund (a complement of L1); insured firms sell more likely and get rate×premium "
       "monthly for `years`; R&D rises by the expected refund (choose_rd_intensity).",
       {"rate", "premium_rate_cap", "years", "cap", "budget_per_year", "sme_only"},
       false,
       false,
       {"first_units"},
       nullptr,
       {"first_units", +1}},  // L2 insures first units so that more are sold
      {"demo_application",
       K::DemoApplication,
       "projects",
       "000 L3",
       "对示范应用项目中的高端智能装备及系统集成投资,按照不超过20%的比例给予扶持,最高1000万元 "
       "(000, line 36)",
       "Investment in high-end intelligent equipment and system integration in "
       "demonstration-application projects is supported at no more than 20%, up to 10 million "
       "yuan.",
       "Pays rate×(a retrofit's purchases from the zone's IM suppliers) ≤cap per project, when "
       "that beats smart_retrofit on the same yuan (each yuan supported once: L7 on the rest); "
       "lowers net cost in the retrofit accept decision (consider_retrofit).",
       {"rate", "cap", "budget_per_year", "sme_only"},
       false,
       false,
       {},
       nullptr,
       {"smart_retrofits", +1}},  // L3 funds IM equipment in demonstration retrofits
      {"platform_construction",
       K::PlatformConstruction,
       "projects",
       "000 L4; 003-F7; 004-P1",
       "按平台投资额的10%-30%给予扶持,最高5000万元 (000, line 38)",
       "(Labs, testing, engineering, data, design centres and showrooms built in Lingang) are "
       "supported at 10%-30% of platform investment, up to 50 million yuan.",
       "Lowers platform capex in the firm's build-a-platform logit (consider_platform); award "
       "rate×platform_cost ≤cap paid in phase_awards.",
       {"rate", "cap", "budget_per_year", "sme_only"},
       false,
       false,
       {"platforms"},
       nullptr,
       {"platforms", +1}},  // L4 subsidises building labs, test and engineering centres
      {"platform_rent",
       K::PlatformRent,
       "projects",
       "000 L5",
       "对实际租用的办公用房、物业、网络等软硬件设施给予100%补贴,每年最高500万元 (000, line 38)",
       "A 100% subsidy for office space actually rented, property services, networks and other "
       "hardware/software facilities, up to 5 million yuan per year.",
       "Lowers rent in the build-a-platform logit (consider_platform); then pays platform owners "
       "rate×platform rent per month (≤cap_per_year/12) in phase_awards.",
       {"rate", "cap_per_year", "budget_per_year", "sme_only"},
       false,
       false,
       {"platforms"},
       nullptr,
       {"platforms", +1}},  // L5 pays platforms' rent so that more are set up and kept
      {"industrialisation",
       K::Industrialisation,
       "projects",
       "000 L6; 003-F5",
       "在临港投资的智能制造产业化项目,达到市级战略性新兴产业扶持要求的,按照企业投资额的10%-30%"
       "给予扶持,最高1亿元 (000, line 40)",
       "IM industrialisation projects invested in Lingang that meet the municipal "
       "strategic-emerging-industry support criteria get 10%-30% of the firm's investment, up to "
       "100 million yuan.",
       "A project = an SEI firm's expansion of one month ≥ model.industrialisation_min_project, "
       "one a year: its capped share cuts the payback of expanding (plan_capacity); "
       "min(rate×installed from cash, loans, leases, cap) claimed once.",
       {"rate", "cap", "budget_per_year", "sme_only"},
       false,
       false,
       {},
       nullptr,
       {"sei_share", +1}},  // L6 backs IM industrialisation meeting the SEI criteria
      {"smart_retrofit",
       K::SmartRetrofit,
       "projects",
       "000 L7; 002-T1; 003-F6",
       "支持企业智能化改造和智能工厂建设,符合智能制造试点示范专项标准,按投资额的30%给予扶持,"
       "最高1000万元 (000, line 40)",
       "Support for smart retrofits and smart-factory construction: projects meeting the IM "
       "pilot-demonstration standard get 30% of investment, up to 10 million yuan.",
       "Lowers net retrofit cost in the firm's retrofit accept decision (consider_retrofit, "
       "industrial zones only); award rate×cost ≤cap paid in phase_awards.",
       {"rate", "cap", "budget_per_year", "sme_only"},
       false,
       false,
       {"smart_retrofits"},
       nullptr,
       {"smart_retrofits", +1}},  // L7 pays 30% of smart retrofits and smart factories
      {"brand_ma",
       K::BrandMA,
       "projects",
       "000 L8; 003-F4",
       "对并购国内外高端品牌的,按合并后并购金额的10%给予补贴,最高1000万元 (000, line 40)",
       "Acquisitions of high-end domestic or foreign brands get a subsidy of 10% of the "
       "post-merger acquisition amount, up to 10 million yuan.",
       "Lowers net deal cost in an IM firm's acquisition payback decision (consider_acquisition); "
       "award rate×deal ≤cap paid in phase_awards.",
       {"rate", "cap", "budget_per_year", "sme_only"},
       false,
       false,
       {},
       nullptr,
       {"output", +1}},  // L8 subsidises buying brands, whose sales the acquirer adds
      {"credit_line",
       K::CreditLine,
       "finance",
       "000 L9",
       "支持商业银行在临港设立科技支行,为临港地区智能制造企业提供200亿元专属授信额度 (000, line "
       "42)",
       "Commercial banks are supported to open sci-tech sub-branches in Lingang, providing a "
       "dedicated credit line of 20 billion yuan for Lingang's IM firms.",
       "Lends beyond the ordinary ceiling to constrained firms, up to effect×ceiling (loan_offer); "
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
       "Coverage (rate+guarantee share) relaxes bank leverage limits and screening in loan_offer; "
       "on default the pool refunds rate×covered loss from fund_left within budget_per_year; "
       "replenish_per_year refills it each January.",
       {"rate", "loss_shares", "fund_size", "budget_per_year", "replenish_per_year", "sme_only"},
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
       "Lessee firms get one-off support of 5% of the total value of the leased assets, up to 5 "
       "million yuan.",
       "Lowers a lease's cost against bank credit in the lease choice for the equipment share of "
       "what banks did not finance, within the lessor's credit check (lease_equipment); "
       "min(rate×lease, cap) per contract paid in phase_awards.",
       {"rate", "cap", "budget_per_year", "sme_only"},
       false,
       false,
       {},
       nullptr,
       {"loans_outstanding", +1}},  // L11 supports leasing; lease debt counts in loans
      {"listing_bonus",
       K::ListingBonus,
       "projects",
       "000 L12; 002-F4; 003-F3",
       "对实现股改上市挂牌的智能制造企业,在市、区扶持基础上,另给予50万元扶持 (000, line 42)",
       "IM firms that complete shareholding reform and listing get a further 500,000 yuan on top "
       "of city and district support.",
       "Lowers listing cost by `amount` in the firm's listing logit (consider_listing); amount "
       "paid in phase_awards.",
       {"amount", "cap", "budget_per_year", "sme_only"},
       false,
       false,
       {"listed_firms"},
       nullptr,
       {"listed_firms", +1}},  // L12 rewards shareholding reform and listing
      {"talent_housing",
       K::TalentHousing,
       "talent",
       "000 L13; 003-H1",
       "每年安排一定数量的“双定双限”房、公共租赁房、人才公寓,优先用于支持智能制造人才 (000, line "
       "44)",
       "Each year a certain number of 'double-fixed double-limited' homes, public rental housing "
       "and talent apartments are arranged, with priority for IM talent.",
       "Adds units_per_year units to eligible zones each January; renters (employees of its "
       "sectors first: IM in 000) get units, which lower rent and the leave hazard; newcomers "
       "weigh the expected rent saving (chance of a unit x discount) in arrivals and moves "
       "(zone_choices); books the discount on its own units in use only; no budget.",
       {"units_per_year"},
       false,
       false,
       {"housing_units"},
       talent_programmes::add_housing_units,
       {"talent", +1}},  // L13 houses IM talent so that it comes and stays
      {"leading_talent_reward",
       K::LeadingTalentReward,
       "talent",
       "000 L14; 002-H1; 003-H2; 004-H2",
       "对领军型智能制造人才,视其个人区域经济贡献给予奖励 (000, line 44)",
       "Leading IM talents are rewarded according to their personal contribution to the regional "
       "economy.",
       "Pays leaders employed by firms of its sectors rate×contribution (employer's value added "
       "× the leader's wage share, ≤cap_per_year/12); the reward lowers their leave hazard and "
       "the zone's expected reward raises leading arrivals and moves (zone_choices); booked "
       "per paid leader within the budget.",
       {"rate", "cap_per_year", "budget_per_year"},
       false,
       false,
       {"talent_present"},
       nullptr,
       {"leading_talent", +1}},  // L14 rewards leading IM talents to attract them
      {"talent_pilot",
       K::TalentPilot,
       "talent",
       "000 L15; 004-H1",
       "先行先试上海市、浦东新区人才改革试验区关于外籍人才的相关政策 (000, line 44)",
       "Pilot first the policies on foreign talent of the Shanghai and Pudong talent-reform pilot "
       "zones.",
       "Removes the share `effect` of the entry barrier (talent.foreign_entry_barrier) of "
       "foreign and returnee talent only: their arrival chance in eligible zones × "
       "exp(reward_sensitivity×effect×barrier) in zone_choices; books no cost.",
       {"effect"},
       false,
       false,
       {"talent_present"},
       nullptr,
       {"talent", +1}},  // L15 pilots foreign-talent policies to bring talent in
      {"local_procurement",
       K::LocalProcurement,
       "projects",
       "000 L16",
       "在使用临港自主智能制造产品、引进智能制造行业组织和重大活动、加强智能制造基础设施建设等方面"
       "也有相应的扶持政策 (000, line 46)",
       "There are also corresponding support policies for using Lingang's own IM products, "
       "attracting IM industry organisations and major events, and strengthening IM "
       "infrastructure.",
       "Adds `effect` to the local-supplier share of retrofit spending (consider_retrofit), which "
       "joins the zone's order backlog and is delivered as demand of its IM firms over "
       "local_delivery_months; pays rate×local spending to the buyer (no rate: no cost).",
       {"rate", "effect", "budget_per_year", "sme_only"},
       false,
       false,
       {},
       nullptr,
       {"output", +1}},  // L16 supports using Lingang's own IM products
      {"guidance_fund",
       K::GuidanceFund,
       "finance",
       "000 (no lever code; digest 'Also named'); 002-F1; 003-F1; 004-F1",
       "发起设立上海智能制造产业投资基金,发挥财政资金杠杆放大效应 (000, line 28)",
       "Launch a Shanghai intelligent-manufacturing industry investment fund, using the leverage "
       "effect of fiscal money.",
       "Co-invests share g=effect of each VC round of its eligible firms from fund_left (spread "
       "over months to `to`), booked as equity cost; private VC pays 1-g and crowd-in adds new "
       "private money (venture_rounds); lowers VC's bar.",
       {"effect", "fund_size"},
       true,
       false,
       {"guidance_invested"},
       nullptr,
       {"vc_invested", +1}},  // the fund uses fiscal money's leverage to draw private VC
      {"plot_ratio_increase",
       K::PlotRatioIncrease,
       "land",
       "003-L1",
       "支持存量工业和研发用地按规划提高容积率,根据产业类型和土地利用绩效,确定增容土地价款收取比例,"
       "特别优质的项目可免于收取增容土地价款 (003, line 148)",
       "Stock industrial and R&D land may raise its plot ratio per plan; the share of the "
       "added-floor land premium charged depends on industry and land performance; outstanding "
       "projects may be exempted.",
       "Lets an expanding firm add floor on its own land (raise_plot_ratio) if the net premium "
       "pays back, cutting land requests; rate×premium ≤cap refunded.",
       {"rate", "cap", "budget_per_year", "sme_only"},
       false,
       false,
       {"floor_added"},
       nullptr,
       {"land_used", -1}},  // 003-L1: more floor on own land instead of new land
      {"incubator",
       K::Incubator,
       "incubators",
       "004-I1; 004-I2",
       "争取鄂州八大新区每个区至少建成一个科技企业孵化器 (004, line 69)",
       "Strive to build at least one technology-business incubator in each of Ezhou's eight new "
       "districts.",
       "Adds units_per_year incubators per eligible zone in opening years: raises entry "
       "attractiveness and incubator places (rent-free, lower overheads).",
       {"units_per_year", "years", "amount", "budget_per_year"},
       false,
       false,
       {"incubators"},
       incubators::open,
       {"entries", +1}},  // 004-I1 builds incubators to breed new technology firms
      {"innovation_centre",
       K::InnovationCentre,
       "innovation_centres",
       "001-C1",
       "对于纳入本市培育的创新中心,采取“一案一例一策”方式,"
       "做到精准施策…对获得市级资助的结合本区情况给予"
       "配套资助 (001, line 178) / 按照“成熟一个,创建一个”的原则,全年接受申报受理 (001, line 198) "
       "/ "
       "筹建期为一年,如有特殊原因,可申请延期半年,延期后仍未满足创建要求的,撤销筹建资格 (001, line "
       "200) / 鼓励产业园区通过减免房租、土地支持、资金保障等方式支持创新中心建设 (001, line 186)",
       "Centres taken into the city's cultivation get 'one case, one policy' targeted support, "
       "and districts match the municipal funding. Applications are accepted all year, a centre "
       "created as each matures. Preparation lasts a year, extendable by six months; if still "
       "unqualified, preparation status is revoked. Parks are encouraged to support centres by "
       "waiving rent, with land and with money.",
       "Consortia apply all year and are reviewed as they form (≤units_per_year selected a "
       "year); operating centres' results (members' R&D + amount + district match + rent the "
       "park waives) raise members' and sector productivity.",
       {"units_per_year", "amount", "match_rate", "rent_relief", "budget_per_year"},
       false,
       false,
       {"centres_preparing", "centres_operating", "centres_revoked", "centre_results"},
       nullptr,
       {"output", +1}},  // 001-C1 centres' common technology raises members' output
      {"high_tech_reward",
       K::HighTechReward,
       "certification_rewards",
       "baseline (shanghai_manufacturing_2018 high_tech_drive; not a seed lever)",
       "none: national InnoCom certification regime plus district rewards, in no seed (004 line 37 "
       "only targets 100/130 high-tech firms); motivated by REFERENCES.md line 38 and line 18, "
       "MODEL_NOTES.md line 30, POLICY_DIGEST.md line 95; "
       "scenarios/shanghai_manufacturing_2018.toml:463-475",
       "none: no seed clause; the reward for first high-tech certification is a baseline district "
       "policy, calibrated (docs/calibration.md line 38)",
       "Raises a qualifying firm's certification chance (record) and widens the R&D top-up at the "
       "notch (choose_rd_intensity); amount paid per first certification.",
       {"amount", "budget_per_year", "sme_only"},
       false,
       false,
       {"high_tech_firms"},
       nullptr,
       {"high_tech_firms", +1}},  // the reward is for first high-tech certification
      {"entry_restriction",
       K::EntryRestriction,
       "entry_rules",
       "003-L8 (Minhang ETDZ)",
       "适度限制食品、轻工类新项目引进,逐步淘汰化工生产环节、纺织服装中小企业 (003, line 106)",
       "Moderately restrict the introduction of new food and light-industry projects; gradually "
       "phase out chemical production and small textile and garment firms.",
       "A rule, no money: a share `rate` of the new projects of its sectors in its zones is "
       "refused while it is active (the entry rate of those cells × (1 − rate), phase_entry); "
       "the phase-out of incumbents is the kind sector_phase_out.",
       {"rate"},
       false,
       false,
       {},
       nullptr,
       {"entries", -1}},  // the clause restricts new projects of the named sectors
      {"settlement_priority",
       K::SettlementPriority,
       "talent_services",
       "003-H3; 002-H2; 000 (action plan, line 26)",
       "优先解决先进制造业领军人才、创新创业人才、高技能人才等产业发展急需人才落户、子女就学、住房"
       "租赁等需求 (003, line 144) / 解决产业人才的租赁住房和落户需求 (002, line 166) / "
       "依托居住证加分、居转户、直接落户等制度,实施更加开放的人才引进政策 (000, line 26)",
       "Give priority to settlement (hukou), children's schooling and rental housing of the "
       "leading, entrepreneurial and highly skilled talent advanced manufacturing urgently needs.",
       "A yearly quota of settlement places (units_per_year persons, released monthly) goes to "
       "employees of eligible firms, leading talent first; a place is worth "
       "talent.settlement_value a month: lower leave hazard, and newcomers weigh the chance their "
       "job brings one in arrivals (zone_choices); the government pays `amount` per school place "
       "(talent.settled_pupils_per_person per person) for as long as the place is held; a new "
       "place only if budget_per_year pays a year of all places held.",
       {"units_per_year", "amount", "budget_per_year"},
       false,
       false,
       {"talent_present"},
       talent_services::open_quota_year,
       {"talent", +1}},  // settlement and schooling priority keep and attract industrial talent
      {"craftsman_award",
       K::CraftsmanAward,
       "talent_services",
       "002-H3; 003-H4",
       "深入实施“上海工匠”选树培养、技能人才晋级和高师带徒奖励计划 (002, line 166) / "
       "开展“闵行当代工匠”评选活动,每年进行评选并给予奖励 (003, line 144)",
       "Carry out the 'Shanghai craftsman' selection and training, skill-grade promotion and "
       "master-apprentice award plans / hold the 'Minhang contemporary craftsman' selection every "
       "year and give awards.",
       "Each January units_per_year awards of `amount` (within the budget and the candidates) go "
       "to skilled staff of eligible firms; each candidate expects awards × amount / candidates a "
       "year, which lowers skilled leave hazard and raises skilled arrivals where eligible firms "
       "employ them (zone_choices); the skill-upgrading part is not modelled.",
       {"units_per_year", "amount", "budget_per_year"},
       false,
       false,
       {"talent_present"},
       talent_services::give_craftsman_awards,
       {"talent", +1}},  // awards to skilled workers so that they stay and come
      {"standard_factory",
       K::StandardFactory,
       "land_supply",
       "003-L9 (standard factories)",
       "积极推动现代化标准厂房建设,系统排摸全区标准厂房市场供需,支持园区平台主体拿地自建标准厂房或"
       "根据企业要求建设标准厂房,保障重点企业、重大项目的厂房需求 (003, line 148)",
       "Actively promote modern standard-factory construction, survey the district's supply and "
       "demand of standard factories, support park platform companies in taking land to build "
       "standard factories themselves or to firms' requirements, and secure the factory needs of "
       "key firms and major projects.",
       "Builds units_per_year m2 of factory floor per eligible zone a year on free land at "
       "model.standard_factory_plot_ratio (amount per m2 of construction, within budget_per_year, "
       "is the policy cost); once built it is let at rent to entrants, to expanding firms short "
       "of floor (densest first, instead of waiting for a parcel) and to relocating firms.",
       {"units_per_year", "amount", "budget_per_year", "sme_only"},
       false,
       false,
       {"factory_floor", "factory_floor_let", "factory_rent"},
       standard_factories::build,
       {"output", +1}},  // 003: secure key firms' factory needs, so that they produce more
      {"guarantee_company",
       K::GuaranteeCompany,
       "finance_agents",
       "000 (no lever code; digest 'Also named'); 004 (line 81)",
       "推动建立风险分担机制,鼓励融资担保公司为智能制造企业贷款提供担保,推动降低中小企业的融资成本 "
       "(000, line 28) / 加强科技部门与金融机构、创投机构、担保机构的战略合作 (004, line 81)",
       "Build a risk-sharing mechanism: encourage financing-guarantee companies to guarantee IM "
       "firms' loans, lowering SMEs' financing costs.",
       "A company with capital fund_size takes `rate` of a guaranteed loan's loss, so banks lend "
       "a rationed firm up to C/(1-rate) on the exposure they keep (loan_offer, "
       "arrange_guarantees); new guarantees within guarantee_max_multiple x capital and `cap` per "
       "firm; the firm pays funds.guarantee_fee (fee_subsidy of it paid by the programme within "
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
       "政府设立基金,引导银行给智能制造领域科技型企业开展知识产权质押试点,促进知识产权资本化 (004, "
       "line 81) / 开展知识产权质押融资试点 (004, line 91)",
       "The government sets up a fund to guide banks to pilot IP-pledge lending to IM technology "
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
      {"approval_reform",
       K::ApprovalReform,
       "land",
       "002-L3 (003 line 140 is Minhang's zone rule zones.*.approval_months)",
       "优化产业项目审批流程,大幅度压缩审批周期 (002, line 154) / 推行社会投资类工业项目…全流程预审,"
       "大幅度压缩审批周期,…到建筑施工许可证办理,审批周期压缩至15个工作日 (003, line 140)",
       "Streamline the approval of industrial projects and cut approval cycles sharply / pre-review "
       "the whole process for socially invested industrial projects, cutting the approval cycle "
       "from land (or planning conditions) to the construction permit to 15 working days.",
       "A rule, no money: land granted while it runs, in its zones and sectors, waits "
       "approval_months (instead of the zone's approval_months, when shorter) before the firm "
       "can use it (phase_land); the land is the firm's capacity and collateral that much sooner.",
       {"approval_months"},
       false,
       false,
       {"land_awaiting_approval"},
       nullptr,
       {"land_awaiting_approval", -1}},  // the clause shortens the wait from grant to use
      {"internship_base",
       K::InternshipBase,
       "talent_services",
       "004-H3",
       "以在汉高等院校为重点,参照鄂州市与武汉大学建立的“研究生实习基地”相关做法,加快鄂州与高校院所"
       "联合成立实训基地建设,将鄂州打造成为中部重要的大学生定点实习基地 (004, line 75)",
       "With the universities in Wuhan first, and following Ezhou's postgraduate internship base "
       "with Wuhan University, set up training bases with universities and institutes and make "
       "Ezhou a leading designated internship base for students in central China.",
       "Host firms of its cells take units_per_year interns a year (by the month), `amount` paid "
       "per intern within budget_per_year; talent.internship_conversion of them stay on, hired "
       "into the hosts' skilled vacancies from the outside pool (place_interns).",
       {"units_per_year", "amount", "budget_per_year"},
       false,
       false,
       {},
       talent_services::open_quota_year,
       {"talent", +1}},  // the bases bring graduates who stay on as the firms' skilled staff
      {"sector_phase_out",
       K::SectorPhaseOut,
       "entry_rules",
       "003-L10 (Minhang ETDZ)",
       "适度限制食品、轻工类新项目引进,逐步淘汰化工生产环节、纺织服装中小企业 (003, line 106)",
       "Moderately restrict new food and light-industry projects; gradually phase out chemical "
       "production and small textile and garment firms.",
       "Each January (and its first month) a share `rate` of its cells' incumbents (SMEs only "
       "with sme_only), drawn per firm, stops production in the zone: paid `amount` per m2 of "
       "land held, it leaves at the exit phase and its land is freed (phase_out_year).",
       {"rate", "amount", "sme_only"},
       false,
       false,
       {},
       entry_rules::phase_out_year,
       {"exits", +1}},  // the clause retires the named firms from the zone
      {"credit_reward",
       K::CreditReward,
       "finance_banks",
       "002-F2 (信贷奖励)",
       "发挥本市科技型中小企业信贷风险补偿和信贷奖励政策的作用,引导商业银行加大信贷投放 (002, line "
       "170)",
       "Use the city's credit risk-compensation and credit-reward policies for sci-tech SMEs to "
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
       "推动国家开发银行、中国进出口银行等政策性银行支持临港地区智能制造企业开展国际合作业务 (000, "
       "line 28) / 对智能制造领域重大项目优先给予信贷支持,并在贷款额度、贷款期限及贷款利率等方面予以"
       "倾斜 (004, line 103)",
       "Get policy banks (CDB, China Exim) to support the area's IM firms' international "
       "business / give major IM projects priority credit with tilted amount, term and rate.",
       "Firms whose month's investment lacks at least min_project after ordinary, IP and line "
       "credit borrow the rest from the window, up to effect x their ordinary ceiling and cap "
       "per firm, ranked by productivity within budget_per_year of new loans a year; window debt "
       "is repaid over `years` and pays the commercial rate less `rate` (cost = the "
       "concession).",
       {"rate", "effect", "years", "cap", "min_project", "budget_per_year", "sme_only"},
       false,
       true,
       {"policy_bank_outstanding"},
       policy_bank::on_month,
       {"loans_outstanding", +1}},  // the window finances projects the commercial ceiling rations
      {"output_per_mu_terms",
       K::OutputPerMuTerms,
       "land_terms",
       "003 (以亩均论英雄: differentiated terms by output per mu)",
       "探索建立企业综合绩效评价体系,推进企业分类指导,在产业准入、土地供应、技术改造、能耗指标、用水"
       "用电、金融信贷等方面实施差别化政策 (003, line 140)",
       "Explore a comprehensive performance evaluation of firms, guide firms by class and apply "
       "differentiated policies in market entry, land supply, technical upgrading, energy quotas, "
       "water and power use, and finance and credit.",
       "Each year a firm is classed A-D by last year's output per mu of its land (class_a_min, "
       "class_b_min, class_c_min); C and D pay power_surcharge_c / _d per kWh on the power they "
       "buy (output x sector energy_cost_share / model.industrial_power_price), which lowers "
       "value added and the margin of an expansion (plan_capacity); the bank prices their bank "
       "debt credit_discount_a below (A) or credit_premium_c / _d above (C, D) its rate "
       "(production interest). No public money: policy cost 0; surcharges recorded as "
       "power_surcharge.",
       {"class_a_min", "class_b_min", "class_c_min", "power_surcharge_c", "power_surcharge_d",
        "credit_discount_a", "credit_premium_c", "credit_premium_d", "sme_only"},
       false,
       false,
       {"power_surcharge"},
       nullptr,
       {"output_density", +1}},  // 以亩均论英雄: more output on the parks' land
      {"key_project_land",
       K::KeyProjectLand,
       "land_quotas",
       "002 (land quota, line 162); 004 (land priority, line 101)",
       "保障工业项目用地需求,市统筹新增建设用地计划指标1平方公里用于市级重点产业项目,并向品牌园区倾斜 "
       "(002, line 162) / 积极保障重大项目用地,用地计划指标优先支持智能制造领域重大产业项目 (004, "
       "line 101)",
       "Secure land for industrial projects: the city reserves 1 km2 of its new construction-land "
       "quota for municipal key industrial projects, tilted to brand parks / secure land for major "
       "projects; the land plan gives IM major projects priority.",
       "A yearly quota of land_per_year m2 (lapsing in December) for key projects: land requests "
       "of eligible firms with last year's output at least min_project "
       "(model.key_project_min_output if 0) that their zone's free land cannot meet are cleared "
       "by output per m2 against it (phase_land) and the land is added to the zone's industrial "
       "area. An allocation of land, no money: policy cost 0.",
       {"land_per_year", "min_project", "sme_only"},
       false,
       false,
       {"key_project_land"},
       talent_services::open_quota_year,
       {"land_used", +1}},  // the quota gives key projects land the parks have no room for
      {"land_reduction",
       K::LandReduction,
       "land_quotas",
       "002 (减量化 quota, line 162); 003 (line 148)",
       "198区域减量化增减挂钩用于支持新增工业项目的土地指标不低于1/3 (002, line 162) / "
       "工业用地减量化指标总体上按照不低于1/3比例用于重点制造业项目 (003, line 148)",
       "At least 1/3 of the land quota from reducing industrial land in the '198' areas "
       "(linked reduction and increase) supports new industrial projects / at least 1/3 of the "
       "industrial-land reduction quota goes to key manufacturing projects.",
       "Each programme year (reduce_year) the least dense firms of its zones (last year's output "
       "per m2) are bought out at `amount` per m2 of their land, within budget_per_year, until "
       "land_per_year m2 is reached; they leave and the land leaves industrial use (the zone's "
       "area shrinks). `rate` of it becomes quota, kept until used, for land requests of other "
       "industrial zones their free land cannot meet, densest first (phase_land). Cost = "
       "compensation.",
       {"land_per_year", "rate", "amount", "budget_per_year", "sme_only"},
       false,
       false,
       {"land_reduced"},
       land_reduction::reduce_year,
       {"output_density", +1}},  // low-density land out, dense projects in (腾笼换鸟)
  };
  return kinds;
}

const ProgrammeKindInfo& kind_info(ProgrammeKind kind) {
  const auto& kinds = programme_registry();
  const auto k = std::size_t(kind);
  if (k >= kinds.size() || kinds[k].kind != kind)
    throw std::logic_error("programme registry out of ProgrammeKind order");
  return kinds[k];
}

const std::vector<std::string_view>& common_programme_keys() {
  static const std::vector<std::string_view> keys = {
      "kind", "label", "lever", "from", "to", "enabled", "sectors", "zones", "source", "changes"};
  return keys;
}

}  // namespace parksim::model
