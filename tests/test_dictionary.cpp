// Behavioural constants that live in the parameter dictionary: a --set override of a key changes
// a run (the key is wired to the phase code, not dead), an out-of-range value is refused naming
// the key, and every default is the dictionary's documented value.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "model_helpers.hpp"
#include "parksim/engine/error.hpp"
#include "parksim/model/dictionary.hpp"

using namespace parksim;
using test::mini;
using test::simulate;

namespace {

// What a run leaves: per-step sums of output, cash, productivity and talent in the zones, and the
// final counts of firms, high-tech firms and VC-backed firms, zone wages and exits.
std::vector<double> fingerprint(const model::Scenario& sc) {
  std::vector<double> out(9, 0.0);
  simulate(sc, [&](const model::World& w) {
    const auto& f = w.firms;
    for (std::size_t i = 0; i < f.size(); ++i) {
      if (!f.alive[i]) continue;
      out[0] += f.output[i];
      out[1] += f.cash[i];
      out[2] += f.productivity[i];
      out[3] += f.rd_intensity[i];
    }
    for (const auto& z : w.zones) {
      out[4] += z.talent_present;
      out[5] += z.skilled_wage;
    }
    for (std::size_t i = 0; i < f.size(); ++i) {
      out[6] += (f.alive[i] && (f.flags[i] & model::kHighTech)) ? 1.0 : 0.0;
      out[7] += (f.alive[i] && (f.flags[i] & model::kVcBacked)) ? 1.0 : 0.0;
      out[8] += f.alive[i] ? 0.0 : 1.0;
    }
  });
  return out;
}

std::vector<InputProblem> problems_of(const std::vector<std::string>& sets) {
  try {
    mini(sets);
  } catch (const InputError& e) {
    return e.problems();
  }
  return {};
}

}  // namespace

TEST_CASE("behavioural constants moved to the dictionary are wired: a --set changes the run",
          "[dictionary][model]") {
  const auto base = fingerprint(mini());
  REQUIRE(fingerprint(mini()) == base);  // a difference below is the override's, not noise
  // One key per phase: cluster, talent, labour, innovation, investment, credit, production, exit,
  // status, world set-up.
  const std::vector<std::string> overrides = {
      "model.agglomeration_min=1.0",            // cluster_stats
      "talent.leaving_hazard_cap=0.001",        // talent
      "talent.wage_floor_factor=1.0",           // hiring (zone wages)
      "model.high_tech_notch_margin=50%",       // innovation
      "model.cash_buffer_cost_share=0",         // investment
      "funds.vc_min_round=\"5亿\"",             // credit (venture rounds)
      "model.talent_stand_in_effectiveness=0",  // production
      "model.vanish_output=\"5000万\"",         // exit
      "model.high_tech_medium_sales=\"1亿\"",   // status (and innovation)
      "talent.outside_pool_min_agents=100000",  // populate (outside pool)
  };
  for (const auto& set : overrides) {
    INFO(set);
    const auto sc = mini({set});
    CHECK(fingerprint(sc) != base);
  }
}

TEST_CASE("out-of-range values of the moved constants are refused with the key named",
          "[dictionary]") {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"model.agglomeration_min=2", "model.agglomeration_min"},
      {"model.agglomeration_max=0.5", "model.agglomeration_max"},
      {"talent.wage_ceiling_factor=0.5", "talent.wage_ceiling_factor"},
      {"talent.leaving_hazard_cap=150%", "talent.leaving_hazard_cap"},
      {"funds.vc_months_between_rounds=-1", "funds.vc_months_between_rounds"},
      {"model.high_tech_certificate_years=0", "model.high_tech_certificate_years"},
  };
  for (const auto& [set, key] : bad) {
    INFO(set);
    const auto p = problems_of({set});
    REQUIRE(p.size() == 1);
    CHECK(p[0].key == key);
    CHECK((p[0].message.find("out of range") != std::string::npos ||
           p[0].message.find("range") != std::string::npos ||
           p[0].message.find("100%") != std::string::npos));
  }
}

TEST_CASE("the moved constants are documented with their current values as defaults",
          "[dictionary]") {
  const auto dict = model::parameter_dictionary();
  auto find = [&](const std::string& section, const std::string& key) -> const model::ParamInfo* {
    for (const auto& p : dict)
      if (p.section == section && p.key == key) return &p;
    return nullptr;
  };
  const std::vector<std::pair<std::string, std::string>> keys = {
      {"model", "high_tech_medium_sales"},
      {"model", "high_tech_large_sales"},
      {"model", "output_per_mu_grace_months"},
      {"model", "high_tech_notch_margin"},
      {"model", "high_tech_certificate_years"},
      {"model", "cash_buffer_cost_share"},
      {"model", "retrofit_min_own_share"},
      {"model", "ma_min_cash_share"},
      {"model", "listing_value_rate"},
      {"model", "talent_stand_in_effectiveness"},
      {"model", "vanish_output"},
      {"model", "vanish_min_age_years"},
      {"model", "agglomeration_min"},
      {"model", "agglomeration_max"},
      {"model", "leasing_term_years"},
      {"model", "leasing_choice_noise"},
      {"model", "centre_other_zone_spillover_share"},
      {"model", "unicorn_max_age_years"},
      {"model", "leading_talent_boost_max"},
      {"model", "platform_boost_max"},
      {"model", "local_delivery_months"},
      {"talent", "outside_pool_min_agents"},
      {"talent", "outside_pool_ratio"},
      {"talent", "housing_cost_reference_share"},
      {"talent", "leaving_hazard_cap"},
      {"talent", "unemployed_leaving_multiple"},
      {"talent", "arrival_min_skilled_present"},
      {"talent", "arrival_min_leading_present"},
      {"talent", "arrivals_per_open_job"},
      {"talent", "arrival_probability_cap"},
      {"talent", "vacancy_rate_target"},
      {"talent", "wage_floor_factor"},
      {"talent", "wage_ceiling_factor"},
      {"funds", "vc_bar_relief"},
      {"funds", "vc_months_between_rounds"},
      {"funds", "vc_min_round"},
      {"funds", "guidance_fund_max_share"},
  };
  for (const auto& [section, key] : keys) {
    INFO(section << "." << key);
    const auto* p = find(section, key);
    REQUIRE(p != nullptr);
    CHECK_FALSE(p->description.empty());
    CHECK_FALSE(p->source.empty());
    CHECK_FALSE(p->unit.empty());
  }
  const model::ModelParams m;
  const model::TalentParams t;
  const model::FundParams fp;
  // The values the phase code had as literals.
  CHECK(m.high_tech_medium_sales == 5e7);
  CHECK(m.high_tech_large_sales == 2e8);
  CHECK(m.output_per_mu_grace_months == 24);
  CHECK(1.0 + m.high_tech_notch_margin == 1.02);
  CHECK(m.high_tech_certificate_years == 3.0);
  CHECK(m.cash_buffer_cost_share == 0.2);
  CHECK(m.retrofit_min_own_share == 0.2);
  CHECK(m.ma_min_cash_share == 0.5);
  CHECK(m.listing_value_rate == 0.02);
  CHECK(m.talent_stand_in_effectiveness == 0.4);
  CHECK(1.0 - m.talent_stand_in_effectiveness == 0.6);
  CHECK(m.vanish_output == 1e5);
  CHECK(m.vanish_min_age_years == 1.0);
  CHECK(m.agglomeration_min == 0.5);
  CHECK(m.agglomeration_max == 2.0);
  CHECK(m.leasing_term_years == 3.0);
  CHECK(m.leasing_choice_noise == 0.5);
  CHECK(m.centre_other_zone_spillover_share == 0.5);
  CHECK(m.unicorn_max_age_years == 10.0);
  CHECK(m.leading_talent_boost_max == 3);
  CHECK(m.platform_boost_max == 5);
  CHECK(m.local_delivery_months == 12.0);
  CHECK(t.outside_pool_min_agents == 1000);
  CHECK(t.outside_pool_ratio == 2.0);
  CHECK(t.housing_cost_reference_share == 0.3);
  CHECK(t.leaving_hazard_cap == 0.5);
  CHECK(t.unemployed_leaving_multiple == 2.0);
  CHECK(t.arrival_min_skilled_present == 50.0);
  CHECK(t.arrival_min_leading_present == 2.0);
  CHECK(t.arrivals_per_open_job == 0.5);
  CHECK(t.arrival_probability_cap == 0.5);
  CHECK(t.vacancy_rate_target == 0.02);
  CHECK(t.wage_floor_factor == 0.8);
  CHECK(t.wage_ceiling_factor == 3.0);
  CHECK(fp.vc_bar_relief == 0.5);
  CHECK(fp.vc_months_between_rounds == 24);
  CHECK(fp.vc_min_round == 2e6);
  CHECK(fp.guidance_fund_max_share == 0.9);
}
