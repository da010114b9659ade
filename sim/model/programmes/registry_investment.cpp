// Registry lines of the investment kinds: first-unit, demonstration, platform, industrialisation,
// retrofit, M&A, listing and procurement levers (first_unit.cpp, projects.cpp). registry.cpp
// gathers every family's lines and puts them in ProgrammeKind order.
#include "programmes/registry_parts.hpp"

namespace parksim::model {

void add_investment_kinds(std::vector<ProgrammeKindInfo>& kinds) {
  using K = ProgrammeKind;
  kinds.insert(
      kinds.end(),
      {
          {"first_unit_grant",
           K::FirstUnitGrant,
           "first_unit",
           "000 L1",
           "给予不超过首台装备销售合同金额的30%,最高3000万元的无偿资助 (000, line 36)",
           "A grant of no more than 30% of the first-unit equipment sales contract, up to 30 "
           "million "
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
           "On a breakthrough the firm insures when the raised acceptance is worth the premium net "
           "of "
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
           "对实际租用的办公用房、物业、网络等软硬件设施给予100%补贴,每年最高500万元 (000, line "
           "38)",
           "A 100% subsidy for office space actually rented, property services, networks and other "
           "hardware/software facilities, up to 5 million yuan per year.",
           "Lowers rent in the build-a-platform logit (consider_platform); then pays platform "
           "owners "
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
           "strategic-emerging-industry support criteria get 10%-30% of the firm's investment, up "
           "to "
           "100 million yuan.",
           "A project = an SEI firm's expansion of one month ≥ "
           "model.industrialisation_min_project, "
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
           "Lowers net deal cost in an IM firm's acquisition payback decision "
           "(consider_acquisition); "
           "award rate×deal ≤cap paid in phase_awards.",
           {"rate", "cap", "budget_per_year", "sme_only"},
           false,
           false,
           {},
           nullptr,
           {"output", +1}},  // L8 subsidises buying brands, whose sales the acquirer adds
          {"listing_bonus",
           K::ListingBonus,
           "projects",
           "000 L12; 002-F4; 003-F3",
           "对实现股改上市挂牌的智能制造企业,在市、区扶持基础上,另给予50万元扶持 (000, line 42)",
           "IM firms that complete shareholding reform and listing get a further 500,000 yuan on "
           "top "
           "of city and district support.",
           "Lowers listing cost by `amount` in the firm's listing logit (consider_listing); amount "
           "paid in phase_awards.",
           {"amount", "cap", "budget_per_year", "sme_only"},
           false,
           false,
           {"listed_firms"},
           nullptr,
           {"listed_firms", +1}},  // L12 rewards shareholding reform and listing
          {"local_procurement",
           K::LocalProcurement,
           "projects",
           "000 L16",
           "在使用临港自主智能制造产品、引进智能制造行业组织和重大活动、加强智能制造基础设施建设等"
           "方面"
           "也有相应的扶持政策 (000, line 46)",
           "There are also corresponding support policies for using Lingang's own IM products, "
           "attracting IM industry organisations and major events, and strengthening IM "
           "infrastructure.",
           "Adds `effect` to the local-supplier share of retrofit spending (consider_retrofit), "
           "which "
           "joins the zone's order backlog and is delivered as demand of its IM firms over "
           "local_delivery_months; pays rate×local spending to the buyer (no rate: no cost).",
           {"rate", "effect", "budget_per_year", "sme_only"},
           false,
           false,
           {},
           nullptr,
           {"output", +1}},  // L16 supports using Lingang's own IM products
      });
}

}  // namespace parksim::model
