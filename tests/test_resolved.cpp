// The resolved scenario text (stored in every output file, printed by `parksim check --resolved`)
// reloads to the same scenario: zones, sectors, programmes and events in the order they were
// composed (base file, overlays, --set), not sorted by id, so a reloaded scenario runs the same.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "parksim/model/run.hpp"
#include "parksim/model/scenario.hpp"
#include "test_helpers.hpp"

using namespace parksim;
using parksim::test::source_path;
using parksim::test::write_file;

namespace {

template <class Spec>
std::vector<std::string> ids(const std::vector<Spec>& specs) {
  std::vector<std::string> out;
  for (const auto& s : specs) out.push_back(s.id);
  return out;
}

model::RunSummary run_once(const model::Scenario& sc) {
  model::RunOptions opt;
  opt.replications = 1;
  opt.threads = 2;
  return model::run_scenario(sc, opt);
}

}  // namespace

TEST_CASE("the resolved text keeps the composition order of named entries and reruns the same",
          "[scenario]") {
  // mini.toml's programmes (grant, retrofit, line, pool, housing, fund) and sectors (equipment,
  // services, other) are not in id order; the overlay adds a risk pool whose id sorts first, an
  // anchor event and a zone, and --set one more pool: three pools compete for the same loans in
  // programme order.
  const std::string overlay =
      write_file("resolved_overlay.toml",
                 "[programmes.a_pool]\nkind = \"risk_pool\"\nfund_size = \"2000万\"\n"
                 "rate = \"80%\"\nfrom = \"2015-01\"\nto = \"2017-12\"\n"
                 "[zones.east]\narea = \"1 km2\"\nland_used = \"0.5 km2\"\n"
                 "sector_output = { services = \"5亿\" }\n");
  const std::vector<std::string> sets = {
      "programmes.b_pool.kind=\"risk_pool\"", "programmes.b_pool.fund_size=\"3000万\"",
      "programmes.b_pool.rate=\"60%\"", "programmes.b_pool.from=\"2015-01\"",
      "programmes.b_pool.to=\"2017-12\""};
  const auto composed = model::load_scenario(source_path("tests/data/mini.toml"), sets, {overlay});
  REQUIRE(ids(composed.programmes) == std::vector<std::string>{"grant", "retrofit", "line", "pool",
                                                               "housing", "fund", "a_pool",
                                                               "b_pool"});
  REQUIRE(ids(composed.sectors) == std::vector<std::string>{"equipment", "services", "other"});
  REQUIRE(ids(composed.zones) == std::vector<std::string>{"north", "south", "east"});

  const auto reloaded =
      model::load_scenario(write_file("resolved_reloaded.toml", composed.resolved_text));
  CHECK(ids(reloaded.programmes) == ids(composed.programmes));
  CHECK(ids(reloaded.sectors) == ids(composed.sectors));
  CHECK(ids(reloaded.zones) == ids(composed.zones));
  CHECK(ids(reloaded.events) == ids(composed.events));
  CHECK(reloaded.resolved_text == composed.resolved_text);

  const auto a = run_once(composed), b = run_once(reloaded);
  REQUIRE(a.years.size() == b.years.size());
  for (std::size_t y = 0; y < a.years.size(); ++y) {
    INFO("year " << a.years[y].year);
    CHECK(a.years[y].output == b.years[y].output);
    CHECK(a.years[y].firms == b.years[y].firms);
    CHECK(a.years[y].employment == b.years[y].employment);
    CHECK(a.years[y].talent == b.years[y].talent);
    CHECK(a.years[y].high_tech == b.years[y].high_tech);
    CHECK(a.years[y].policy_cost == b.years[y].policy_cost);
  }
  CHECK(a.programme_cost == b.programme_cost);
}

TEST_CASE("entries written as inline tables are written back as tables in composition order",
          "[scenario]") {
  const std::string path = write_file(
      "resolved_inline.toml",
      "extends = \"" + source_path("tests/data/mini.toml") +
          "\"\n[programmes]\nz_grant = { kind = \"first_unit_grant\", rate = \"10%\", "
          "from = \"2015-01\", to = \"2017-12\" }\nb_grant = { kind = \"first_unit_grant\", "
          "rate = \"20%\", from = \"2015-01\", to = \"2017-12\" }\n");
  const auto first = model::load_scenario(path);
  const auto again =
      model::load_scenario(write_file("resolved_inline_again.toml", first.resolved_text));
  CHECK(ids(again.programmes) == ids(first.programmes));
  CHECK(again.resolved_text == first.resolved_text);
}
