// Hidden champions and unicorns as the plans count them (agents/status.cpp, docs/ODD.md 7.18.7):
// the definitions firm by firm, the round valuation they rest on, and a population whose
// champions must not fall by construction.
#include <catch2/catch.hpp>

#include <cmath>

#include "agents/status.hpp"
#include "model_helpers.hpp"
#include "parksim/model/run.hpp"
#include "phases.hpp"

using namespace parksim;
using model::World;

namespace {

// The first alive firm of the mini scenario, set up as a five-year-old firm in a December.
std::size_t december_firm(World& w) {
  w.month = w.sc.info.start + 11;  // December of the first year
  std::size_t i = 0;
  while (!w.firms.alive[i]) ++i;
  w.firms.birth[i] = w.month - 5 * 12;
  w.firms.flags[i] = 0;
  return i;
}

// Yearly sales equal to `share` of the firm's segment market this month.
double segment_sales(const World& w, std::size_t i, double share) {
  const auto s = w.firms.sector[i];
  return share * w.sc.model.segment_share * w.sc.sectors[s].national_market * w.sector_market[s];
}

}  // namespace

TEST_CASE("the unicorn rule counts young VC-backed unlisted firms valued at USD 1bn",
          "[status][unicorn]") {
  test::after_first_month(test::mini(), [](World& w) {
    auto& f = w.firms;
    const std::size_t i = december_firm(w);
    const double bar = w.sc.model.unicorn_valuation;
    f.flags[i] = model::kVcBacked;
    f.post_money[i] = 1.1 * bar;
    f.round_sales[i] = f.output_year[i] = 1e9;
    CHECK(model::is_unicorn(w, i));
    f.flags[i] = model::kVcBacked | model::kListed;  // listed: no longer a unicorn
    CHECK_FALSE(model::is_unicorn(w, i));
    f.flags[i] = 0;  // never backed by private equity
    CHECK_FALSE(model::is_unicorn(w, i));
    f.flags[i] = model::kVcBacked;
    f.birth[i] = w.month - int(12 * w.sc.model.unicorn_max_age_years) - 1;  // too old
    CHECK_FALSE(model::is_unicorn(w, i));
    f.birth[i] = w.month - 5 * 12;
    // The last round's post-money moves with sales since the round.
    f.post_money[i] = 0.6 * bar;
    CHECK_FALSE(model::is_unicorn(w, i));
    f.output_year[i] = 2.0 * f.round_sales[i];
    CHECK(model::marked_valuation(w, i) == Approx(1.2 * bar));
    CHECK(model::is_unicorn(w, i));
  });
}

TEST_CASE("a round's post-money follows the venture-capital method", "[status][unicorn]") {
  test::after_first_month(test::mini(), [](World& w) {
    auto& f = w.firms;
    const auto& fp = w.sc.funds;
    const std::size_t i = december_firm(w);
    f.output[i] = 1e8;                   // run-rate 12亿 a year
    f.output_last_year[i] = 12e8 / 1.5;  // 50% growth
    const double expected = fp.vc_exit_sales_multiple * 12e8 *
                            std::pow(1.5 / (1.0 + fp.vc_target_return), fp.vc_years_to_exit);
    CHECK(model::post_money_valuation(w, i, 1e6) == Approx(expected));
    // Faster growth, a higher valuation; growth is capped; a flat firm is worth less.
    f.output_last_year[i] = 12e8 / 1.8;
    CHECK(model::post_money_valuation(w, i, 1e6) > expected);
    f.output_last_year[i] = 1e6;  // growth far above the cap
    const double capped =
        fp.vc_exit_sales_multiple * 12e8 *
        std::pow((1.0 + fp.vc_growth_cap) / (1.0 + fp.vc_target_return), fp.vc_years_to_exit);
    CHECK(model::post_money_valuation(w, i, 1e6) == Approx(capped));
    f.output_last_year[i] = 12e8;
    CHECK(model::post_money_valuation(w, i, 1e6) < expected);
    // Never below the money the round brings in.
    CHECK(model::post_money_valuation(w, i, 1e12) == 1e12);
  });
}

TEST_CASE("a hidden champion leads its segment, listed or not, and loses the status below it",
          "[status][champion]") {
  test::after_first_month(test::mini(), [](World& w) {
    auto& f = w.firms;
    const auto& m = w.sc.model;
    const std::size_t i = december_firm(w);
    f.output_year[i] = segment_sales(w, i, 1.01 * m.hidden_champion_share);
    REQUIRE(f.output_year[i] <= m.hidden_champion_max_sales);
    CHECK(model::is_hidden_champion(w, i));
    f.flags[i] = model::kListed;  // MIIT and plan 002 count listed segment leaders too
    CHECK(model::is_hidden_champion(w, i));
    model::phase_status(w);
    CHECK((f.flags[i] & model::kHiddenChampion) != 0);
    // Its share drops below the criterion: the next December it is no champion.
    f.output_year[i] = segment_sales(w, i, 0.99 * m.hidden_champion_share);
    CHECK_FALSE(model::is_hidden_champion(w, i));
    model::phase_status(w);
    CHECK((f.flags[i] & model::kHiddenChampion) == 0);
    // Too young to have been in its segment long enough.
    f.output_year[i] = segment_sales(w, i, 2.0 * m.hidden_champion_share);
    f.birth[i] = w.month - int(12 * m.hidden_champion_min_years) + 1;
    CHECK_FALSE(model::is_hidden_champion(w, i));
  });
}

TEST_CASE("the segment market grows with the sector's demand index", "[status][champion]") {
  test::after_first_month(test::mini(), [](World& w) {
    auto& f = w.firms;
    const auto& m = w.sc.model;
    const std::size_t i = december_firm(w);
    f.output_year[i] = segment_sales(w, i, 1.01 * m.hidden_champion_share);
    REQUIRE(model::is_hidden_champion(w, i));
    w.sector_market[f.sector[i]] *= 1.05;  // the sector's demand grows, the firm's sales do not
    CHECK_FALSE(model::is_hidden_champion(w, i));
  });
}

// Shanghai without policy, stationary markets (no demand or competitor growth) and frequent
// listings: the plans' definitions count listed segment leaders, so champions must not fall by
// more than 10% over five years (before: listing took them out, 75 -> 34 from 2016 to 2021).
TEST_CASE("champions do not fall by construction in stationary markets", "[status][population]") {
  auto sc = model::load_scenario(test::source_path("scenarios/shanghai_manufacturing_2018.toml"),
                                 {"scenario.end=2022-12", "model.listing_consideration_rate=0.5"},
                                 {test::source_path("scenarios/overlays/shanghai_no_policy.toml")});
  for (auto& s : sc.sectors) s.demand_growth = s.competitor_productivity_growth = 0.0;
  double y2016 = 0, y2021 = 0, listed = 0;
  model::RunOptions opt;
  opt.replications = 1;
  opt.threads = 2;
  opt.on_replication = [&](int, const model::ReplicationRecords& rec) {
    y2016 = model::measure_value(sc, rec, "hidden_champions", 2016);
    y2021 = model::measure_value(sc, rec, "hidden_champions", 2021);
    listed = model::measure_value(sc, rec, "listed_firms", 2021);
  };
  model::run_scenario(sc, opt);
  INFO("hidden champions 2016 " << y2016 << ", 2021 " << y2021 << "; listed 2021 " << listed);
  REQUIRE(listed > 500);  // the scenario does list many firms
  REQUIRE(y2016 > 50);
  CHECK(y2021 >= 0.9 * y2016);
}

TEST_CASE("a segment leader above Simon's revenue ceiling is no hidden champion",
          "[status][champion]") {
  const auto sc = test::mini({"model.hidden_champion_max_sales=1亿"});
  test::after_first_month(sc, [](World& w) {
    auto& f = w.firms;
    const auto& m = w.sc.model;
    const std::size_t i = december_firm(w);
    f.output_year[i] = segment_sales(w, i, 1.5 * m.hidden_champion_share);
    REQUIRE(f.output_year[i] > 1e8);  // the mini segment market makes it larger than 1亿
    CHECK_FALSE(model::is_hidden_champion(w, i));
  });
}
