// Model invariants, thread-count identity and a golden summary of the Lingang scenario.
#include <tbb/global_control.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <sstream>

#include "golden.hpp"
#include "model_helpers.hpp"
#include "parksim/model/detail/world.hpp"
#include "parksim/model/run.hpp"
#include "parksim/model/scenario.hpp"
#include "programmes/finance.hpp"

using namespace parksim;
using parksim::test::source_path;

namespace {

using test::mini;
using test::simulate;

double total_paid(const model::World& w) {
  double s = 0;
  for (const auto& p : w.programmes) s += p.paid_total;
  return s;
}

}  // namespace

TEST_CASE("the starting population reproduces the scenario's output by zone and sector",
          "[model]") {
  const auto sc = mini();
  model::World w(sc, {1, 0});
  model::populate(w);
  double north_equipment = 0, all = 0;
  for (std::size_t i = 0; i < w.firms.size(); ++i) {
    all += w.firms.output[i] * 12;
    if (w.firms.zone[i] == 0 && w.firms.sector[i] == 0) north_equipment += w.firms.output[i] * 12;
  }
  CHECK(north_equipment == Approx(40e8).epsilon(1e-9));
  CHECK(all == Approx(95e8).epsilon(1e-9));
  double land = 0;
  for (std::size_t i = 0; i < w.firms.size(); ++i) land += w.firms.land(i);
  CHECK(land == Approx(4.5e6).epsilon(1e-9));
}

TEST_CASE("without programmes nothing is paid", "[model][invariant]") {
  auto sc = mini();
  sc.programmes.clear();
  double paid = 0;
  simulate(sc, [&](const model::World& w) {
    for (double s : w.record.subsidy) paid += s;
    REQUIRE(w.programmes.empty());
  });
  CHECK(paid == 0.0);
  // With the programmes, money is paid: the invariant above is not vacuous.
  double paid_with = 0;
  simulate(mini(), [&](const model::World& w) { paid_with = total_paid(w); });
  CHECK(paid_with > 0.0);
}

TEST_CASE("land used never exceeds a zone's area", "[model][invariant]") {
  // A tight zone: almost no free land, fast growth.
  const auto sc = mini({"zones.south.area=\"1.6 km2\"", "sectors.services.demand_growth=60%"});
  simulate(sc, [&](const model::World& w) {
    for (std::size_t z = 0; z < w.zones.size(); ++z) {
      REQUIRE(w.zones[z].land_used <= sc.zones[z].area * (1 + 1e-12));
      double held = 0;
      for (std::size_t i = 0; i < w.firms.size(); ++i)
        if (w.firms.alive[i] && w.firms.zone[i] == z)
          held += w.firms.land(i) + w.firms.land_pending[i];
      REQUIRE(held <= w.zones[z].land_used * (1 + 1e-9) + 1e-6);
    }
  });
}

TEST_CASE("fund money is conserved: pools, credit lines and budgets", "[model][invariant]") {
  const auto sc = mini({"programmes.pool.fund_size=\"50万\""});
  simulate(sc, [&](const model::World& w) {
    for (std::size_t p = 0; p < w.programmes.size(); ++p) {
      const auto& spec = sc.programmes[p];
      const auto& st = w.programmes[p];
      using K = model::ProgrammeKind;
      if (spec.kind == K::RiskPool)
        REQUIRE(st.fund_left + st.paid_total ==
                Approx(spec.fund_size + st.replenished).epsilon(1e-12));
      if (spec.kind == K::GuidanceFund)
        REQUIRE(st.fund_left + st.drawn == Approx(spec.fund_size).epsilon(1e-12));
      if (spec.kind == K::CreditLine)  // revolving: room + line debt outstanding = quota
        REQUIRE(st.fund_left + model::credit_line::outstanding(w, p) ==
                Approx(spec.fund_size).epsilon(1e-9));
      REQUIRE(st.fund_left >= -1e-6);
      if (spec.budget_per_year > 0)
        REQUIRE(st.paid_this_year <= spec.budget_per_year * (1 + 1e-12));
    }
  });
}

TEST_CASE("firm counts equal initial firms plus entries minus exits", "[model][invariant]") {
  const auto sc = mini();
  model::World probe(sc, {std::uint64_t(sc.info.seed), 0});
  model::populate(probe);
  const double initial = double(probe.firms.size());
  double entries = 0, exits = 0;
  const std::size_t C = probe.cells();
  simulate(sc, [&](const model::World& w) {
    double alive = 0;
    for (std::size_t c = 0; c < C; ++c) {
      entries += w.record.cube[std::size_t(model::Series::Entries) * C + c];
      exits += w.record.cube[std::size_t(model::Series::Exits) * C + c];
      alive += w.record.cube[std::size_t(model::Series::Firms) * C + c];
    }
    REQUIRE(alive == initial + entries - exits);
  });
  CHECK(entries > 0);
  CHECK(exits > 0);
}

TEST_CASE("talent employment never exceeds what firms want and agents are where their firm is",
          "[model][invariant]") {
  simulate(mini(), [&](const model::World& w) {
    for (std::size_t a = 0; a < w.talent.size(); ++a) {
      const int e = w.talent.employer[a];
      if (e < 0) continue;
      REQUIRE(std::size_t(e) < w.firms.size());
      REQUIRE(w.firms.zone[std::size_t(e)] == w.talent.zone[a]);
    }
  });
}

TEST_CASE("results are bit-identical at 1 and 2 threads", "[model][determinism]") {
  const auto sc = mini();
  auto run = [&](int threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::size_t(threads));
    std::vector<double> trace;
    simulate(sc, [&](const model::World& w) {
      trace.insert(trace.end(), w.record.cube.begin(), w.record.cube.end());
      trace.insert(trace.end(), w.record.subsidy.begin(), w.record.subsidy.end());
      trace.insert(trace.end(), w.firms.productivity.begin(), w.firms.productivity.end());
      trace.insert(trace.end(), w.firms.cash.begin(), w.firms.cash.end());
    });
    return trace;
  };
  const auto one = run(1), two = run(2);
  REQUIRE(one.size() == two.size());
  CHECK(std::memcmp(one.data(), two.data(), one.size() * sizeof(double)) == 0);
}

TEST_CASE("replications differ and a replication is reproducible", "[model][determinism]") {
  const auto sc = mini();
  auto final_output = [&](std::uint64_t rep) {
    double out = 0;
    simulate(
        sc, [&](const model::World& w) { out = w.record.cube[0]; }, rep);
    return out;
  };
  CHECK(final_output(0) == final_output(0));
  CHECK(final_output(0) != final_output(1));
}

TEST_CASE("the risk pool changes what banks lend", "[model][mechanism]") {
  // Same seed, with and without the pool: eligible SMEs borrow more with it.
  auto loans = [](const model::Scenario& sc) {
    double total = 0;
    const std::size_t C = sc.zones.size() * sc.sectors.size();
    simulate(sc, [&](const model::World& w) {
      for (std::size_t c = 0; c < C; ++c)
        total += w.record.cube[std::size_t(model::Series::Loans) * C + c];
    });
    return total;
  };
  auto with = mini();
  auto without = mini();
  without.programmes.erase(
      std::remove_if(without.programmes.begin(), without.programmes.end(),
                     [](const auto& p) { return p.kind == model::ProgrammeKind::RiskPool; }),
      without.programmes.end());
  CHECK(loans(with) > loans(without));
}

namespace {
// One replication of a shipped scenario summarised year by year; compared with tests/golden/.
void check_golden(const std::string& name) {
  const auto sc = model::load_scenario(source_path("scenarios/" + name + ".toml"));
  model::RunOptions opt;
  opt.replications = 1;
  opt.threads = 2;
  const auto r = model::run_scenario(sc, opt);
  std::ostringstream text;
  text.precision(10);
  for (const auto& y : r.years)
    text << y.year << " output=" << y.output << " firms=" << y.firms
         << " employment=" << y.employment << " talent=" << y.talent << " high_tech=" << y.high_tech
         << " policy_cost=" << y.policy_cost << "\n";
  for (const auto& l : r.scorecard)
    text << l.target.metric << " " << l.target.year << " " << l.median << "\n";
  test::check_golden_text(source_path("tests/golden/" + name + ".txt"), text.str());
}
}  // namespace

TEST_CASE("golden summary of the Lingang scenario", "[model][golden]") {
  check_golden("lingang_2015");
}
TEST_CASE("golden summary of the Shanghai scenario", "[model][golden]") {
  check_golden("shanghai_manufacturing_2018");
}
TEST_CASE("golden summary of the Minhang scenario", "[model][golden]") {
  check_golden("minhang_2018");
}
TEST_CASE("golden summary of the Ezhou scenario", "[model][golden]") { check_golden("ezhou_2015"); }
TEST_CASE("golden summary of the innovation-centre scenario", "[model][golden]") {
  check_golden("innovation_centres_2022");
}

TEST_CASE("firms short of land relocate to a zone with free land", "[model][mechanism]") {
  // South is full and its services firms grow fast; north has free land.
  const auto sc = mini({"zones.south.area=\"1.55 km2\"", "sectors.services.demand_growth=60%",
                        "model.relocation_wait_months=3"});
  int moves = 0;
  simulate(sc, [&](const model::World& w) {
    for (std::size_t i = 0; i < w.firms.size(); ++i)
      if (w.firms.events[i] & model::kEventRelocation) {
        ++moves;
        REQUIRE(w.firms.zone[i] == 0);  // they can only go north
      }
  });
  CHECK(moves > 0);
}

namespace {
// Output of the cells of a zone (and optionally one sector) at every step.
std::vector<double> output_path(const model::Scenario& sc, int zone, int sector = -1) {
  std::vector<double> out;
  const std::size_t S = sc.sectors.size(), C = sc.zones.size() * S;
  simulate(sc, [&](const model::World& w) {
    double v = 0;
    for (std::size_t s = 0; s < S; ++s)
      if (sector < 0 || int(s) == sector)
        v += w.record.cube[std::size_t(model::Series::Output) * C + std::size_t(zone) * S + s];
    out.push_back(v);
  });
  return out;
}
}  // namespace

TEST_CASE("a dated change of terms takes effect in its month", "[model][mechanism]") {
  // The retrofit programme's rate drops to 0 from 2016-07: it pays before, never after.
  const auto sc = mini({"programmes.retrofit.changes=[{ at = \"2016-07\", rate = 0 }]"});
  double before = 0, after = 0;
  simulate(sc, [&](const model::World& w) {
    CHECK(w.terms[1].rate == Approx(w.month < 2016 * 12 + 6 ? 0.3 : 0.0));
    (w.month < 2016 * 12 + 6 ? before : after) += w.programmes[1].paid_this_step;
  });
  CHECK(before > 0);
  CHECK(after == 0);
}

TEST_CASE("a demand shock lowers output only where and while it applies", "[model][mechanism]") {
  // Same seed with and without a 50% fall of equipment demand in 2016-03..2016-05.
  const auto base = mini();
  const auto shocked = mini({"events.slump.kind=\"demand_shock\"", "events.slump.from=\"2016-03\"",
                             "events.slump.to=\"2016-05\"", "events.slump.size=\"-50%\"",
                             "events.slump.sectors=[\"equipment\"]"});
  const auto a = output_path(base, 0, 0), b = output_path(shocked, 0, 0);
  const auto other_a = output_path(base, 1), other_b = output_path(shocked, 1);
  for (int t = 0; t < 14; ++t)
    CHECK(a[std::size_t(t)] == b[std::size_t(t)]);  // identical before the shock
  for (int t = 14; t <= 16; ++t) CHECK(b[std::size_t(t)] < 0.8 * a[std::size_t(t)]);
  CHECK(other_a[13] == other_b[13]);
}

TEST_CASE("a capacity shock of 100% stops production in its zone", "[model][mechanism]") {
  const auto sc = mini({"events.lockdown.kind=\"capacity_shock\"",
                        "events.lockdown.from=\"2016-04\"", "events.lockdown.to=\"2016-05\"",
                        "events.lockdown.size=\"100%\"", "events.lockdown.zones=[\"south\"]"});
  const auto south = output_path(sc, 1), north = output_path(sc, 0);
  CHECK(south[14] > 0.0);   // 2016-03
  CHECK(south[15] == 0.0);  // 2016-04
  CHECK(south[16] == 0.0);  // 2016-05
  CHECK(south[17] > 0.0);
  CHECK(north[15] > 0.0);
}

TEST_CASE("an anchor project takes its land at signing and produces once built",
          "[model][mechanism]") {
  const auto sc = mini({"events.plant.kind=\"anchor_project\"", "events.plant.at=\"2015-06\"",
                        "events.plant.zone=\"north\"", "events.plant.sector=\"equipment\"",
                        "events.plant.investment=\"24亿\"", "events.plant.land=\"600亩\"",
                        "events.plant.jobs=2000", "events.plant.construction_months=6"});
  const auto base = mini();
  std::vector<double> land_with, land_without;
  std::vector<std::int64_t> big_firms;
  simulate(sc, [&](const model::World& w) {
    land_with.push_back(w.record.zone_land[0]);
    std::int64_t n = 0;
    for (std::size_t i = 0; i < w.firms.size(); ++i)
      if (w.firms.alive[i] && w.firms.capital[i] > 1.5e9) ++n;
    big_firms.push_back(n);
    if (w.month == 2015 * 12 + 5) CHECK(w.record[model::Scalar::AnchorProjects] == 1);
  });
  simulate(base, [&](const model::World& w) { land_without.push_back(w.record.zone_land[0]); });
  CHECK(land_with[4] == land_without[4]);
  CHECK(land_with[5] - land_without[5] == Approx(4e5).epsilon(0.02));
  CHECK(big_firms[10] == big_firms[0]);      // still under construction in 2015-11
  CHECK(big_firms[11] == big_firms[0] + 1);  // producing from 2015-12
  const auto eq_with = output_path(sc, 0, 0), eq_without = output_path(base, 0, 0);
  CHECK(eq_with[12] > eq_without[12] + 0.5 * 24e8 / 0.8 / 12.0 * 0.5);
}

TEST_CASE("an anchor firm keeps its id and its shocks whatever number of entrants came first",
          "[model][mechanism][crn]") {
  // Common random numbers for the largest firm of a zone: its streams are keyed by its id, which
  // must not depend on how many firms entered before it (a policy that changes entry would
  // otherwise give it other demand shocks). Its floor per worker is its own land's.
  const std::vector<std::string> plant = {"events.plant.kind=\"anchor_project\"",
                                          "events.plant.at=\"2015-06\"",
                                          "events.plant.zone=\"north\"",
                                          "events.plant.sector=\"equipment\"",
                                          "events.plant.investment=\"24亿\"",
                                          "events.plant.land=\"600亩\"",
                                          "events.plant.jobs=2000",
                                          "events.plant.construction_months=6"};
  auto more_entry = plant;
  more_entry.push_back("model.entry_rate_per_year=0.3");
  struct Seen {
    std::int64_t id = -1;
    std::vector<double> shifter;
    double floor_per_worker = 0;
  };
  const auto watch = [](const model::Scenario& sc) {
    Seen seen;
    simulate(sc, [&](const model::World& w) {
      for (std::size_t i = 0; i < w.firms.size(); ++i)
        if (w.firms.id[i] == model::anchor_firm_id(0)) {
          seen.id = w.firms.id[i];
          seen.shifter.push_back(w.firms.log_shifter[i]);
          seen.floor_per_worker = w.firms.floor_per_worker[i];
        }
    });
    return seen;
  };
  const auto a = watch(mini(plant)), b = watch(mini(more_entry));
  REQUIRE(a.id == model::anchor_firm_id(0));
  REQUIRE(b.id == a.id);
  REQUIRE(a.shifter.size() == b.shifter.size());
  REQUIRE(a.shifter.size() >= 12);
  // The demand shifter's walk is the same draw by draw (its level differs with the markets).
  for (std::size_t t = 1; t < a.shifter.size(); ++t)
    CHECK(a.shifter[t] - a.shifter[t - 1] == Approx(b.shifter[t] - b.shifter[t - 1]).margin(0.02));
  CHECK(a.floor_per_worker <= mini().model.floor_area_per_worker);
}

TEST_CASE("an anchor firm has its own slot in the award columns in the month it arrives",
          "[model][mechanism]") {
  // Regression: the anchor firm is added by the events phase, after the calendar sized the per-firm
  // award columns; a request from it in its first month wrote past their end (found by ASan).
  const auto sc = mini({"events.plant.kind=\"anchor_project\"", "events.plant.at=\"2015-06\"",
                        "events.plant.zone=\"north\"", "events.plant.sector=\"equipment\"",
                        "events.plant.investment=\"24亿\"", "events.plant.land=\"600亩\"",
                        "events.plant.jobs=2000", "events.plant.construction_months=0"});
  model::World w(sc, {std::uint64_t(sc.info.seed), 0});
  model::populate(w);
  auto schedule = model::make_schedule();
  for (w.step = 0; w.step < 5; ++w.step) schedule.run_step(w);
  const std::size_t before = w.firms.size();
  // The arrival month, phase by phase up to the one that adds the firm.
  for (const auto& phase : schedule.phases()) {
    phase.run(w);
    if (phase.name == "events") break;
  }
  REQUIRE(w.firms.size() == before + 1);
  for (std::size_t p = 0; p < w.programmes.size(); ++p) {
    if (w.programmes[p].active) CHECK(w.award_request[p].size() == w.firms.size());
    CHECK(w.programmes[p].paid_to_firm_this_year.size() == w.firms.size());
  }
}

TEST_CASE("skilled agents standing for 10 persons give about the same aggregates",
          "[model][scale]") {
  model::RunOptions opt;
  opt.replications = 2;
  opt.threads = 2;
  const auto fine = model::run_scenario(mini(), opt);
  const auto coarse = model::run_scenario(mini({"talent.skilled_per_agent=10"}), opt);
  REQUIRE(fine.years.size() == coarse.years.size());
  for (std::size_t y = 0; y < fine.years.size(); ++y) {
    INFO("year " << fine.years[y].year);
    CHECK(coarse.years[y].output == Approx(fine.years[y].output).epsilon(0.05));
    CHECK(coarse.years[y].employment == Approx(fine.years[y].employment).epsilon(0.05));
    CHECK(coarse.years[y].talent == Approx(fine.years[y].talent).epsilon(0.10));
  }
}

TEST_CASE("leading talent wanted follows one rule at set-up, at entry and every month",
          "[model][mechanism]") {
  const auto sc = mini({"talent.leading_min_output=2e8", "talent.leading_output_step=5e8",
                        "talent.leading_max_per_firm=3"});
  model::World w(sc, {1, 0});
  CHECK(w.leading_agents_for(1e8, true) == 0);
  CHECK(w.leading_agents_for(3e8, false) == 0);
  CHECK(w.leading_agents_for(3e8, true) == 1);
  CHECK(w.leading_agents_for(6e8, true) == 2);
  CHECK(w.leading_agents_for(1.2e9, true) == 3);
  CHECK(w.leading_agents_for(9e10, true) == 3);
  model::populate(w);
  const auto& f = w.firms;
  int wanting = 0, wanting_more = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    CHECK(f.leading_wanted[i] ==
          w.leading_agents_for(12 * f.output[i], f.flags[i] & model::kRdActive));
    wanting += f.leading_wanted[i];
    wanting_more += f.leading_wanted[i] > 1;
  }
  CHECK(wanting > 0);
  CHECK(wanting_more > 0);  // a step small enough that the cap and the step both bind
  // Entrants: the same rule on their planned sales, and a first month's value added that matches
  // their first month's output.
  int entrants = 0;
  test::simulate(sc, [&](const model::World& world) {
    const auto& g = world.firms;
    for (std::size_t i = 0; i < g.size(); ++i) {
      if (g.birth[i] != world.month || !g.alive[i]) continue;
      ++entrants;
      CHECK(g.leading_wanted[i] ==
            world.leading_agents_for(12 * g.demand[i], g.flags[i] & model::kRdActive));
      CHECK(g.value_added[i] ==
            Approx(g.output[i] * world.sc.sectors[g.sector[i]].value_added_share));
    }
  });
  CHECK(entrants > 0);
}

TEST_CASE("flows are declared as flows, and wages are not", "[model][output]") {
  // measure_unit turns a flow's "X/month" into "X/year": every flow must be per month; a series
  // per month that is not summed (a wage is a price) must say so.
  int flows = 0;
  auto check = [&](const model::SeriesInfo& v) {
    if (v.time == model::TimeMethod::Sum) {
      ++flows;
      CHECK(v.units.ends_with("/month"));
    }
  };
  for (const auto& v : model::series_table()) check(v);
  for (const auto& v : model::scalar_table()) check(v);
  for (const auto& v : model::zone_series_table()) check(v);
  CHECK(flows == 12);  // with income_tax
  const auto* wage = model::find_series("skilled_wage");
  REQUIRE(wage != nullptr);
  CHECK(wage->time == model::TimeMethod::Point);
  CHECK(model::cell_methods(model::find_series("output")->time) == "time: sum");
}
