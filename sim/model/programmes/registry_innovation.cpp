// Registry lines of the innovation kinds: incubators, innovation centres, high-tech rewards and
// the national tax incentives (incubators.cpp, innovation_centres.cpp, certification_rewards.cpp,
// tax_incentives.cpp). registry.cpp gathers every family's lines and puts them in ProgrammeKind
// order.
#include "programmes/incubators.hpp"
#include "programmes/registry_parts.hpp"

namespace parksim::model {

void add_innovation_kinds(std::vector<ProgrammeKindInfo>& kinds) {
  using K = ProgrammeKind;
  kinds.insert(
      kinds.end(),
      {
          {"incubator",
           K::Incubator,
           "incubators",
           "004-I1; 004-I2",
           "争取鄂州八大新区每个区至少建成一个科技企业孵化器 (004, line 69)",
           "Strive to build at least one technology-business incubator in each of Ezhou's eight "
           "new "
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
           "配套资助 (001, line 178) / 按照“成熟一个,创建一个”的原则,全年接受申报受理 (001, line "
           "198) "
           "/ "
           "筹建期为一年,如有特殊原因,可申请延期半年,延期后仍未满足创建要求的,撤销筹建资格 (001, "
           "line "
           "200) / 鼓励产业园区通过减免房租、土地支持、资金保障等方式支持创新中心建设 (001, line "
           "186)",
           "Centres taken into the city's cultivation get 'one case, one policy' targeted support, "
           "and districts match the municipal funding. Applications are accepted all year, a "
           "centre "
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
           "none: national InnoCom certification regime plus district rewards, in no seed (004 "
           "line 37 "
           "only targets 100/130 high-tech firms); motivated by REFERENCES.md line 38 and line 18, "
           "MODEL_NOTES.md line 30, POLICY_DIGEST.md line 95; "
           "scenarios/shanghai_manufacturing_2018.toml:463-475",
           "none: no seed clause; the reward for first high-tech certification is a baseline "
           "district "
           "policy, calibrated (docs/calibration.md line 38)",
           "Raises a qualifying firm's certification chance (record) and widens the R&D top-up at "
           "the "
           "notch (choose_rd_intensity); amount paid per first certification.",
           {"amount", "budget_per_year", "sme_only"},
           false,
           false,
           {"high_tech_firms"},
           nullptr,
           {"high_tech_firms", +1}},  // the reward is for first high-tech certification
          {"tax_incentives",
           K::TaxIncentives,
           "tax_incentives",
           "004 (line 103, national tax incentives); 002 (line 100, high-tech certification)",
           "贯彻落实国家、省支持智能制造产业发展和技术创新的各项税收优惠政策 (004, line 103)",
           "Implement the national and provincial tax incentives for intelligent manufacturing and "
           "technological innovation (national rules: EIT Law art. 28, 15% for certified high-tech "
           "firms; the R&D super-deduction, 50% to 2017, 75% from 2018, 100% for manufacturers "
           "from "
           "2021 and all firms from 2023).",
           "Firms' income tax (agents/tax.cpp): certified high-tech firms pay `rate` instead of "
           "model.corporate_tax_rate, and super_deduction x R&D is deducted on top of R&D; R&D "
           "responds to its after-tax user cost and the notch top-up and applications weigh the "
           "tax "
           "saved (choose_rd_intensity, update_status); cost = tax forgone at the December "
           "settlement, national tax expenditure outside policy_cost.",
           {"rate", "super_deduction"},
           false,
           false,
           {"income_tax"},
           nullptr,
           {"rd_intensity", +1},  // the deductions and the notch lower the user cost of R&D
           true},
      });
}

}  // namespace parksim::model
