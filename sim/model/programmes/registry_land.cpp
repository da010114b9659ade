// Registry lines of the land kinds: plot ratio, standard factories, approval times, entry
// restrictions, phase-outs, output-per-mu terms, key-project land and land reduction (land.cpp,
// land_supply.cpp, entry_rules.cpp, land_terms.cpp, land_quotas.cpp). registry.cpp gathers
// every family's lines and puts them in ProgrammeKind order.
#include "programmes/entry_rules.hpp"
#include "programmes/land_quotas.hpp"
#include "programmes/land_supply.hpp"
#include "programmes/registry_parts.hpp"
#include "programmes/talent_services.hpp"

namespace parksim::model {

void add_land_kinds(std::vector<ProgrammeKindInfo>& kinds) {
  using K = ProgrammeKind;
  kinds.insert(
      kinds.end(),
      {
          {"plot_ratio_increase",
           K::PlotRatioIncrease,
           "land",
           "003-L1",
           "支持存量工业和研发用地按规划提高容积率,根据产业类型和土地利用绩效,"
           "确定增容土地价款收取比例,"
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
          {"entry_restriction",
           K::EntryRestriction,
           "entry_rules",
           "003-L8 (Minhang ETDZ)",
           "适度限制食品、轻工类新项目引进,逐步淘汰化工生产环节、纺织服装中小企业 (003, line 106)",
           "Moderately restrict the introduction of new food and light-industry projects; "
           "gradually "
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
          {"standard_factory",
           K::StandardFactory,
           "land_supply",
           "003-L9 (standard factories)",
           "积极推动现代化标准厂房建设,系统排摸全区标准厂房市场供需,"
           "支持园区平台主体拿地自建标准厂房或"
           "根据企业要求建设标准厂房,保障重点企业、重大项目的厂房需求 (003, line 148)",
           "Actively promote modern standard-factory construction, survey the district's supply "
           "and "
           "demand of standard factories, support park platform companies in taking land to build "
           "standard factories themselves or to firms' requirements, and secure the factory needs "
           "of "
           "key firms and major projects.",
           "Builds units_per_year m2 of factory floor per eligible zone a year on free land at "
           "model.standard_factory_plot_ratio (amount per m2 of construction, within "
           "budget_per_year, "
           "is the policy cost); once built it is let at rent to entrants, to expanding firms "
           "short "
           "of floor (densest first, instead of waiting for a parcel) and to relocating firms.",
           {"units_per_year", "amount", "budget_per_year", "sme_only"},
           false,
           false,
           {"factory_floor", "factory_floor_let", "factory_rent"},
           standard_factories::build,
           {"output", +1}},  // 003: secure key firms' factory needs, so that they produce more
          {"approval_reform",
           K::ApprovalReform,
           "land",
           "002-L3 (003 line 140 is Minhang's zone rule zones.*.approval_months)",
           "优化产业项目审批流程,大幅度压缩审批周期 (002, line 154) / "
           "推行社会投资类工业项目…全流程预审,"
           "大幅度压缩审批周期,…到建筑施工许可证办理,审批周期压缩至15个工作日 (003, line 140)",
           "Streamline the approval of industrial projects and cut approval cycles sharply / "
           "pre-review "
           "the whole process for socially invested industrial projects, cutting the approval "
           "cycle "
           "from land (or planning conditions) to the construction permit to 15 working days.",
           "A rule, no money: land granted while it runs, in its zones and sectors, waits "
           "approval_months (instead of the zone's approval_months, when shorter) before the firm "
           "can use it (phase_land); the land is the firm's capacity and collateral that much "
           "sooner.",
           {"approval_months"},
           false,
           false,
           {"land_awaiting_approval"},
           nullptr,
           {"land_awaiting_approval", -1}},  // the clause shortens the wait from grant to use
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
          {"output_per_mu_terms",
           K::OutputPerMuTerms,
           "land_terms",
           "003 (以亩均论英雄: differentiated terms by output per mu)",
           "探索建立企业综合绩效评价体系,推进企业分类指导,"
           "在产业准入、土地供应、技术改造、能耗指标、用水"
           "用电、金融信贷等方面实施差别化政策 (003, line 140)",
           "Explore a comprehensive performance evaluation of firms, guide firms by class and "
           "apply "
           "differentiated policies in market entry, land supply, technical upgrading, energy "
           "quotas, "
           "water and power use, and finance and credit.",
           "Each year a firm is classed A-D by last year's output per mu of its land (class_a_min, "
           "class_b_min, class_c_min); C and D pay power_surcharge_c / _d per kWh on the power "
           "they "
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
           "保障工业项目用地需求,市统筹新增建设用地计划指标1平方公里用于市级重点产业项目,"
           "并向品牌园区倾斜 "
           "(002, line 162) / 积极保障重大项目用地,用地计划指标优先支持智能制造领域重大产业项目 "
           "(004, "
           "line 101)",
           "Secure land for industrial projects: the city reserves 1 km2 of its new "
           "construction-land "
           "quota for municipal key industrial projects, tilted to brand parks / secure land for "
           "major "
           "projects; the land plan gives IM major projects priority.",
           "A yearly quota of land_per_year m2 (lapsing in December) for key projects: land "
           "requests "
           "of eligible firms with last year's output at least min_project "
           "(model.key_project_min_output if 0) that their zone's free land cannot meet are "
           "cleared "
           "by output per m2 against it (phase_land) and the land is added to the zone's "
           "industrial "
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
           "Each programme year (reduce_year) the least dense firms of its zones (last year's "
           "output "
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
      });
}

}  // namespace parksim::model
