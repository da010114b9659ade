// parksim levers: each programme switched off alone against the base, with common random numbers.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "parksim/engine/h5_reader.hpp"
#include "parksim/experiments/levers.hpp"
#include "parksim/model/dictionary.hpp"
#include "parksim/model/run.hpp"
#include "test_helpers.hpp"

using namespace parksim;
using namespace parksim::experiments;

namespace {

bool same_effect(const LeverEffect& a, const LeverEffect& b) {
  auto same = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
  return same(a.with_mean, b.with_mean) && same(a.without_mean, b.without_mean) &&
         same(a.effect, b.effect) && same(a.low, b.low) && same(a.high, b.high) &&
         same(a.relative, b.relative);
}

LeverEffect effect(double mean, double low, double high) {
  LeverEffect e;
  e.with_mean = 10;
  e.effect = mean;
  e.low = low;
  e.high = high;
  return e;
}

}  // namespace

TEST_CASE(
    "levers: one row per programme, a programme with no money has no effect at all, and the "
    "result is the same at 1 and 2 threads",
    "[experiments][levers]") {
  const std::string mini = test::source_path("tests/data/mini.toml");
  // The retrofit programme pays nothing (rate 0). Entry responds only to money actually paid to
  // firms of a cell (programme.cpp, expected_support), so it has no channel left at all.
  const std::vector<std::string> sets = {"programmes.retrofit.rate=0"};
  LeversOptions o;
  o.replications = 4;
  o.threads = 1;
  o.bootstrap = 200;
  const auto one = levers(mini, sets, {}, o);
  o.threads = 2;
  o.output = (test::scratch_dir() / "levers.h5").string();
  const auto two = levers(mini, sets, {}, o);

  const auto sc = model::load_scenario(mini, sets);
  REQUIRE(one.rows.size() == sc.programmes.size());
  CHECK(one.year == 2017);
  std::size_t retrofit = one.rows.size();
  for (std::size_t p = 0; p < one.rows.size(); ++p) {
    CHECK(one.rows[p].programme == sc.programmes[p].id);
    CHECK(one.rows[p].switch_off == "programmes." + sc.programmes[p].id + ".enabled=false");
    REQUIRE(one.rows[p].effects.size() == one.quantities.size());
    if (one.rows[p].programme == "retrofit") retrofit = p;
  }
  REQUIRE(retrofit < one.rows.size());
  const auto& r = one.rows[retrofit];
  CHECK(r.cost == 0.0);
  for (std::size_t q = 0; q < one.quantities.size(); ++q) {
    INFO(one.quantities[q].key);
    CHECK(r.effects[q].effect == 0.0);
    CHECK(r.effects[q].low == 0.0);
    CHECK(r.effects[q].high == 0.0);
  }
  CHECK(r.no_effect_flag);
  CHECK_FALSE(r.sign_flag);
  CHECK_FALSE(r.cost_per_output_defined);
  CHECK(std::isnan(r.cost_per_output));
  // The grant pays, so it is not "no effect".
  bool someone_paid = false;
  for (const auto& row : one.rows) someone_paid = someone_paid || row.cost > 0;
  CHECK(someone_paid);

  REQUIRE(two.rows.size() == one.rows.size());
  for (std::size_t p = 0; p < one.rows.size(); ++p) {
    INFO(one.rows[p].programme);
    CHECK(one.rows[p].cost == two.rows[p].cost);
    CHECK(one.rows[p].sign_flag == two.rows[p].sign_flag);
    for (std::size_t q = 0; q < one.quantities.size(); ++q)
      CHECK(same_effect(one.rows[p].effects[q], two.rows[p].effects[q]));
  }

  engine::h5::Reader f(o.output);
  const auto cost = f.doubles("cost");
  REQUIRE(cost.shape == std::vector<std::size_t>{one.rows.size()});
  CHECK(cost.data[retrofit] == 0.0);
  const auto without = f.doubles("output/without");
  CHECK(without.shape == std::vector<std::size_t>{4, one.rows.size()});
}

TEST_CASE("levers: the sign and no-effect flags", "[experiments][levers]") {
  LeverRow row;
  row.effects = {effect(0, -1, 1), effect(2, 1, 3)};  // an outcome; the target
  row.target = 1;
  row.direction = +1;
  row.cost = 5;
  set_flags(row);
  CHECK_FALSE(row.sign_flag);  // raised, as intended
  CHECK_FALSE(row.no_effect_flag);
  row.direction = -1;
  set_flags(row);
  CHECK(row.sign_flag);  // meant to lower it, but switching it off lowers it
  row.effects[1] = effect(-2, -3, -1);
  set_flags(row);
  CHECK_FALSE(row.sign_flag);
  row.direction = +1;
  set_flags(row);
  CHECK(row.sign_flag);
  row.effects[1] = effect(-2, -3, 0.5);  // the interval contains 0: no sign to judge
  set_flags(row);
  CHECK_FALSE(row.sign_flag);
  CHECK_FALSE(row.no_effect_flag);  // it costs something
  row.cost = 0;
  set_flags(row);
  CHECK(row.no_effect_flag);
  row.effects[0] = effect(1, 0.1, 2);  // one interval excludes 0
  set_flags(row);
  CHECK_FALSE(row.no_effect_flag);
}

TEST_CASE("every programme kind has a target decision that a run measures",
          "[experiments][levers][registry]") {
  const auto sc = model::load_scenario(test::source_path("tests/data/mini.toml"));
  model::ReplicationRecords rec;
  model::RunOptions opt;
  opt.replications = 1;
  opt.threads = 1;
  opt.on_replication = [&](int, const model::ReplicationRecords& r) { rec = r; };
  model::run_scenario(sc, opt);
  REQUIRE(rec.steps.size() == 36u);
  for (const auto& m : model::parameter_dictionary())
    if (m.section == "programmes.*" && m.key == "kind")
      for (const auto& kind : m.choices) {
        INFO(kind);
        const auto t = model::lever_target(kind);
        CHECK((t.direction == 1 || t.direction == -1));
        CHECK(std::isfinite(model::measure_value(sc, rec, t.name, 2017, true)));
        CHECK(!model::measure_unit(t.name).empty());
      }
  CHECK_THROWS(model::lever_target("no_such_kind"));
  // A flow: the year's total, or everything to the year's end; a level is the year's last month.
  const double entries_2016 = model::measure_value(sc, rec, "entries", 2016);
  const double entries_to_2016 = model::measure_value(sc, rec, "entries", 2016, true);
  const double entries_2015 = model::measure_value(sc, rec, "entries", 2015);
  CHECK(entries_to_2016 == Approx(entries_2015 + entries_2016));
  CHECK(entries_to_2016 > 0);
  CHECK(model::measure_unit("entries") == "firms/year");
  CHECK(model::measure_unit("entries", true) == "firms");
  CHECK(model::measure_value(sc, rec, "firms", 2016) ==
        model::measure_value(sc, rec, "firms", 2016, true));
  CHECK_THROWS_WITH(model::measure_value(sc, rec, "no_such_thing", 2016),
                    Catch::Contains("neither"));
}

TEST_CASE("levers: a programme that closes early is judged on its target in its last year",
          "[experiments][levers]") {
  const std::string mini = test::source_path("tests/data/mini.toml");
  const std::vector<std::string> sets = {"programmes.grant.to=2016-06"};
  LeversOptions o;
  o.replications = 2;
  o.threads = 1;
  o.bootstrap = 20;
  const auto r = levers(mini, sets, {}, o);
  REQUIRE(r.year == 2017);
  for (const auto& row : r.rows) {
    INFO(row.programme);
    const auto& q = r.quantities[row.target];
    CHECK(q.year == (row.programme == "grant" ? 2016 : 0));
    if (row.programme != "grant") continue;
    CHECK(q.key.ends_with("_2016"));
    // Its "with" mean is the base runs' target measured at the end of 2016, not 2017.
    const auto sc = model::load_scenario(mini, sets);
    model::RunOptions opt;
    opt.replications = 2;
    opt.threads = 1;
    double sum = 0;
    opt.on_replication = [&](int, const model::ReplicationRecords& rec) {
      sum += model::measure_value(sc, rec, q.source, 2016, q.to_date);
    };
    model::run_scenario(sc, opt);
    CHECK(row.target_effect().with_mean == Approx(sum / 2));
  }
}
