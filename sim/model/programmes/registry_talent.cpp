// Registry lines of the talent kinds: housing, rewards, pilots, settlement, craftsman awards and
// internships (talent.cpp, talent_services.cpp). registry.cpp gathers every family's lines and puts
// them in ProgrammeKind order.
#include "programmes/registry_parts.hpp"
#include "programmes/talent.hpp"
#include "programmes/talent_services.hpp"

namespace parksim::model {

void add_talent_kinds(std::vector<ProgrammeKindInfo>& kinds) {
  using K = ProgrammeKind;
  kinds.insert(
      kinds.end(),
      {
          {"talent_housing",
           K::TalentHousing,
           "talent",
           "000 L13; 003-H1",
           "每年安排一定数量的“双定双限”房、公共租赁房、人才公寓,优先用于支持智能制造人才 (000, "
           "line "
           "44)",
           "Each year a certain number of 'double-fixed double-limited' homes, public rental "
           "housing "
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
           "Leading IM talents are rewarded according to their personal contribution to the "
           "regional "
           "economy.",
           "Pays leaders employed by firms of its sectors rate×contribution (employer's value "
           "added "
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
           "Pilot first the policies on foreign talent of the Shanghai and Pudong talent-reform "
           "pilot "
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
          {"settlement_priority",
           K::SettlementPriority,
           "talent_services",
           "003-H3; 002-H2; 000 (action plan, line 26)",
           "优先解决先进制造业领军人才、创新创业人才、高技能人才等产业发展急需人才落户、子女就学、"
           "住房"
           "租赁等需求 (003, line 144) / 解决产业人才的租赁住房和落户需求 (002, line 166) / "
           "依托居住证加分、居转户、直接落户等制度,实施更加开放的人才引进政策 (000, line 26)",
           "Give priority to settlement (hukou), children's schooling and rental housing of the "
           "leading, entrepreneurial and highly skilled talent advanced manufacturing urgently "
           "needs.",
           "A yearly quota of settlement places (units_per_year persons, released monthly) goes to "
           "employees of eligible firms, leading talent first; a place is worth "
           "talent.settlement_value a month: lower leave hazard, and newcomers weigh the chance "
           "their "
           "job brings one in arrivals (zone_choices); the government pays `amount` per school "
           "place "
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
           "master-apprentice award plans / hold the 'Minhang contemporary craftsman' selection "
           "every "
           "year and give awards.",
           "Each January units_per_year awards of `amount` (within the budget and the candidates) "
           "go "
           "to skilled staff of eligible firms; each candidate expects awards × amount / "
           "candidates a "
           "year, which lowers skilled leave hazard and raises skilled arrivals where eligible "
           "firms "
           "employ them (zone_choices); the skill-upgrading part is not modelled.",
           {"units_per_year", "amount", "budget_per_year"},
           false,
           false,
           {"talent_present"},
           talent_services::give_craftsman_awards,
           {"talent", +1}},  // awards to skilled workers so that they stay and come
          {"internship_base",
           K::InternshipBase,
           "talent_services",
           "004-H3",
           "以在汉高等院校为重点,参照鄂州市与武汉大学建立的“研究生实习基地”相关做法,"
           "加快鄂州与高校院所"
           "联合成立实训基地建设,将鄂州打造成为中部重要的大学生定点实习基地 (004, line 75)",
           "With the universities in Wuhan first, and following Ezhou's postgraduate internship "
           "base "
           "with Wuhan University, set up training bases with universities and institutes and make "
           "Ezhou a leading designated internship base for students in central China.",
           "Host firms of its cells take units_per_year interns a year (by the month), `amount` "
           "paid "
           "per intern within budget_per_year; talent.internship_conversion of them stay on, hired "
           "into the hosts' skilled vacancies from the outside pool (place_interns).",
           {"units_per_year", "amount", "budget_per_year"},
           false,
           false,
           {},
           talent_services::open_quota_year,
           {"talent", +1}},  // the bases bring graduates who stay on as the firms' skilled staff
      });
}

}  // namespace parksim::model
