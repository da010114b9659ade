// Scenario loading: the shipped scenario loads; mistakes are reported with file, line, key and
// what is allowed; all errors come at once; composition by extends and --set.
#include <fmt/format.h>
#include <algorithm>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "parksim/engine/error.hpp"
#include "parksim/model/dictionary.hpp"
#include "parksim/model/scenario.hpp"
#include "test_helpers.hpp"

using namespace parksim;
using parksim::test::source_path;
using parksim::test::write_file;

namespace {
std::vector<InputProblem> problems_of(const std::string& path,
                                      const std::vector<std::string>& sets = {}) {
  try {
    model::load_scenario(path, sets);
  } catch (const InputError& e) {
    return e.problems();
  }
  return {};
}

std::string mini_with(const std::string& extra) {
  return "extends = \"" + source_path("tests/data/mini.toml") + "\"\n" + extra;
}
}  // namespace

TEST_CASE("the Lingang scenario loads with every lever of the document", "[scenario]") {
  const auto sc = model::load_scenario(source_path("scenarios/lingang_2015.toml"));
  CHECK(sc.info.name == "lingang_2015");
  CHECK(sc.months() == 132);
  CHECK(sc.zones.size() == 3);
  std::set<std::string> levers;
  for (const auto& p : sc.programmes)
    if (!p.lever.empty()) levers.insert(p.lever);
  for (int k = 1; k <= 16; ++k) CHECK(levers.count(fmt::format("L{}", k)) == 1);
  const int grant = [&] {
    for (std::size_t p = 0; p < sc.programmes.size(); ++p)
      if (sc.programmes[p].id == "first_unit_grant") return int(p);
    return -1;
  }();
  REQUIRE(grant >= 0);
  CHECK(sc.programmes[std::size_t(grant)].rate == Approx(0.30));
  CHECK(sc.programmes[std::size_t(grant)].cap == Approx(3.0e7));
  double output = 0;
  for (const auto& z : sc.zones)
    for (double v : z.sector_output) output += v;
  CHECK(output == Approx(1000e8));
  CHECK(sc.zones[2].area == Approx(8.2e6));
  CHECK_FALSE(sc.resolved_text.empty());
}

TEST_CASE("an unknown key is an error with a suggestion and its position", "[scenario]") {
  const auto path = write_file("typo.toml", mini_with("[programmes.grant]\nrat = \"20%\"\n"));
  const auto p = problems_of(path);
  REQUIRE(p.size() == 1);
  CHECK(p[0].key == "programmes.grant.rat");
  CHECK(p[0].file == path);
  CHECK(p[0].line == 3);
  CHECK(p[0].message.find("did you mean \"rate\"") != std::string::npos);
}

TEST_CASE("a rate without percent sign over 1 is rejected as ambiguous", "[scenario]") {
  const auto p = problems_of(write_file("rate.toml", mini_with("[programmes.grant]\nrate = 30\n")));
  REQUIRE(p.size() == 1);
  CHECK(p[0].key == "programmes.grant.rate");
  CHECK(p[0].message.find("30%") != std::string::npos);
}

TEST_CASE("all errors are reported at once", "[scenario]") {
  const auto p = problems_of(write_file(
      "many.toml", mini_with("[model]\ndemand_elasticity = 100.0\nnot_a_param = "
                             "1\n[zones.north]\narea = 5\n[programmes.grant]\ncap = \"-3亿\"\n")));
  CHECK(p.size() == 4);
}

TEST_CASE("cross-field checks name unknown sectors and zones", "[scenario]") {
  const auto p = problems_of(
      write_file("cross.toml",
                 mini_with("[programmes.grant]\nsectors = [\"equipmnt\"]\nzones = [\"west\"]\n")));
  REQUIRE(p.size() == 2);
  CHECK(p[0].message.find("did you mean \"equipment\"") != std::string::npos);
  CHECK(p[1].message.find("unknown zone \"west\"") != std::string::npos);
}

TEST_CASE("land used above the zone's area is an error", "[scenario]") {
  const auto p =
      problems_of(write_file("land.toml", mini_with("[zones.south]\nland_used = \"3 km2\"\n")));
  REQUIRE(p.size() == 1);
  CHECK(p[0].key == "zones.south.land_used");
}

TEST_CASE("extends overrides values and keeps the rest", "[scenario]") {
  const auto sc = model::load_scenario(
      write_file("child.toml", mini_with("[programmes.grant]\nrate = \"20%\"\n")));
  const auto& g = sc.programmes[0];
  CHECK(g.id == "grant");
  CHECK(g.rate == Approx(0.2));
  CHECK(g.cap == Approx(3e7));
}

TEST_CASE("command-line set overrides a single value and reports bad ones", "[scenario]") {
  const auto sc = model::load_scenario(source_path("tests/data/mini.toml"),
                                       {"programmes.grant.rate=25%", "scenario.seed=99"});
  CHECK(sc.programmes[0].rate == Approx(0.25));
  CHECK(sc.info.seed == 99);
  const auto p = problems_of(source_path("tests/data/mini.toml"), {"programmes.grant.rate=250%"});
  REQUIRE(p.size() == 1);
  CHECK(p[0].key == "programmes.grant.rate");
}

TEST_CASE("a cycle in extends is reported", "[scenario]") {
  const auto a = write_file("cycle_a.toml", "extends = \"cycle_b.toml\"\n");
  write_file("cycle_b.toml", "extends = \"cycle_a.toml\"\n");
  const auto p = problems_of(a);
  REQUIRE(p.size() == 1);
  CHECK(p[0].message.find("cycle") != std::string::npos);
}

TEST_CASE("a missing file and an empty file are clear errors", "[scenario]") {
  auto p = problems_of("/nonexistent/scenario.toml");
  REQUIRE(p.size() == 1);
  CHECK(p[0].message == "the scenario does not exist");
  p = problems_of(write_file("empty.toml", "\n"));
  REQUIRE(p.size() == 1);
  CHECK(p[0].message.find("empty") != std::string::npos);
}

TEST_CASE("a TOML syntax error gives its line", "[scenario]") {
  const auto p = problems_of(write_file("syntax.toml", "[scenario]\nname = \"x\"\nseed = = 3\n"));
  REQUIRE(p.size() == 1);
  CHECK(p[0].line == 3);
}

TEST_CASE("the dictionary lists every section with ranges and sources", "[scenario]") {
  const auto dict = model::parameter_dictionary();
  CHECK(dict.size() > 100);
  const auto md = model::dictionary_markdown();
  CHECK(md.find("agglomeration_elasticity") != std::string::npos);
  CHECK(md.find("Ciccone & Hall") != std::string::npos);
  CHECK(model::dictionary_json().front() == '[');
}

TEST_CASE("an overlay file composes on top and can switch programmes off", "[scenario]") {
  const auto base = model::load_scenario(source_path("scenarios/lingang_2015.toml"));
  const auto none =
      model::load_scenario(source_path("scenarios/lingang_2015.toml"), {},
                           {source_path("scenarios/overlays/lingang_no_policy.toml")});
  CHECK(base.programmes.size() == 21);
  // Only the national tax incentives stay: national policy, not the local package.
  REQUIRE(none.programmes.size() == 1);
  CHECK(none.programmes[0].kind == model::ProgrammeKind::TaxIncentives);
  CHECK(none.zones.size() == base.zones.size());
  // --set comes after overlays.
  const auto one = model::load_scenario(source_path("scenarios/lingang_2015.toml"),
                                        {"programmes.risk_pool.enabled=true"},
                                        {source_path("scenarios/overlays/lingang_no_policy.toml")});
  REQUIRE(one.programmes.size() == 2);  // the risk pool, and the national tax incentives
  CHECK(one.programmes[0].id == "risk_pool");
}

TEST_CASE("dated changes of a programme's terms are read, sorted and checked", "[scenario]") {
  const auto ok = model::load_scenario(write_file(
      "changes.toml", mini_with("[programmes.grant]\nchanges = [{ at = \"2017-01\", rate = \"10%\" "
                                "}, { at = \"2016-01\", rate = \"20%\", cap = \"500万\" }]\n")));
  const auto& grant = ok.programmes[0];
  REQUIRE(grant.changes.size() == 2);
  CHECK(grant.changes[0].at == 2016 * 12);
  CHECK(grant.changes[1].at == 2017 * 12);
  auto terms = grant;
  model::apply_change(terms, grant.changes[0]);
  CHECK(terms.rate == Approx(0.2));
  CHECK(terms.cap == Approx(5e6));

  const auto p = problems_of(
      write_file("changes_bad.toml",
                 mini_with("[programmes.grant]\nchanges = [{ at = \"2016-01\", kind = \"x\" }, { "
                           "at = \"2014-01\", rate = \"20%\" }, { rate = \"300%\" }]\n")));
  REQUIRE(p.size() == 3);
  CHECK(p[0].key == "programmes.grant.changes[0].kind");
  CHECK(p[0].message.find("allowed: at, rate") != std::string::npos);
  CHECK(p[1].key == "programmes.grant.changes[2].at");
  CHECK(p[2].key == "programmes.grant.changes[2].rate");
  CHECK(p[2].message.find("over 100%") != std::string::npos);
  // The change outside the active period is a cross-field problem, reported once the rest is clean.
  const auto q = problems_of(write_file(
      "changes_early.toml",
      mini_with("[programmes.grant]\nchanges = [{ at = \"2015-01\", rate = \"20%\" }]\n")));
  REQUIRE(q.size() == 1);
  CHECK(q[0].key == "programmes.grant.changes[0].at");
  CHECK(q[0].message.find("outside the programme's active period 2015-03..2017-12") !=
        std::string::npos);
}

TEST_CASE("risk-pool loss shares must sum to 100%", "[scenario]") {
  // mini.toml's pool states its rate; shares are the other way to say it, with a guarantee company.
  auto p = problems_of(
      write_file("shares_both.toml", mini_with("[programmes.pool]\nloss_shares = { pool = \"40%\", "
                                               "bank = \"40%\", guarantee = \"20%\" }\n")));
  REQUIRE(p.size() == 1);
  CHECK(p[0].message.find("either `rate` or `loss_shares`") != std::string::npos);

  std::ifstream in(source_path("tests/data/mini.toml"));
  std::stringstream text;
  text << in.rdbuf();
  std::string no_rate = text.str();
  no_rate.replace(no_rate.find("rate = \"50%\"\nsme_only"), std::string("rate = \"50%\"\n").size(),
                  "");
  const auto base = write_file("pool_base.toml", no_rate);
  const auto good = model::load_scenario(
      write_file("shares_good.toml", "extends = \"" + base +
                                         "\"\n"
                                         "[programmes.pool]\nloss_shares = { pool = \"40%\", bank "
                                         "= \"40%\", guarantee = \"20%\" }\n"));
  CHECK(good.programmes[3].rate == Approx(0.4));
  CHECK(good.programmes[3].guarantee_share == Approx(0.2));
  p = problems_of(
      write_file("shares_sum.toml", "extends = \"" + base +
                                        "\"\n"
                                        "[programmes.pool]\nloss_shares = { pool = \"40%\", bank = "
                                        "\"40%\", guarantee = \"10%\" }\n"));
  REQUIRE(p.size() == 1);
  CHECK(p[0].key == "programmes.pool.loss_shares");
  CHECK(p[0].message.find("shares sum to 90%, they must sum to 100%") != std::string::npos);
  CHECK(p[0].line == 3);
  p = problems_of(write_file(
      "shares_kind.toml",
      mini_with("[programmes.grant]\nloss_shares = { pool = \"40%\", bank = \"60%\" }\n")));
  REQUIRE(p.size() == 1);
  CHECK(p[0].message == "applies to risk_pool programmes only");
}

TEST_CASE("events: shocks and anchor projects are read and checked", "[scenario]") {
  const auto sc = model::load_scenario(write_file("events.toml", mini_with(R"(
[events.pandemic]
kind = "demand_shock"
from = "2016-02"
to = "2016-04"
size = "-30%"
sectors = ["equipment"]
[events.plant]
kind = "anchor_project"
at = "2016-06"
zone = "north"
sector = "equipment"
investment = "20亿"
land = "600亩"
jobs = 1500
)")));
  REQUIRE(sc.events.size() == 2);
  CHECK(sc.events[0].kind == model::EventKind::DemandShock);
  CHECK(sc.events[0].size == Approx(-0.3));
  CHECK(sc.events[1].kind == model::EventKind::AnchorProject);
  CHECK(sc.events[1].land == Approx(4e5));
  CHECK(sc.events[1].investment == Approx(2e9));

  const auto p = problems_of(write_file("events_bad.toml", mini_with(R"(
[events.lockdown]
kind = "capacity_shock"
from = "2016-04"
to = "2016-05"
size = "-50%"
at = "2016-04"
[events.plant]
kind = "anchor_project"
at = "2016-06"
zone = "nort"
sector = "equipment"
investment = "20亿"
land = "600亩"
)")));
  std::set<std::string> keys;
  for (const auto& q : p) keys.insert(q.key);
  CHECK(keys.count("events.lockdown.at") == 1);  // a key of another kind
  CHECK(keys.count("events.plant.jobs") == 1);   // required for an anchor project
  CHECK(p.size() == 2);
  // With those fixed, the cross-field checks speak: capacity share and unknown zone.
  const auto q = problems_of(write_file("events_cross.toml", mini_with(R"(
[events.lockdown]
kind = "capacity_shock"
from = "2016-04"
to = "2016-05"
size = "-50%"
[events.plant]
kind = "anchor_project"
at = "2016-06"
zone = "nort"
sector = "equipment"
investment = "20亿"
land = "600亩"
jobs = 10
)")));
  REQUIRE(q.size() == 2);
  CHECK(q[0].key == "events.lockdown.size");
  CHECK(q[1].key == "events.plant.zone");
  CHECK(q[1].message.find("did you mean \"north\"") != std::string::npos);
}

TEST_CASE("every shipped scenario loads, and its no-policy overlay switches its package off",
          "[scenario]") {
  // Programmes of the scenario's own document (source "003: ...") must be off in its
  // counterfactual; baseline policy (Shanghai's certification rewards) and, for the
  // innovation-centre scenario, the 2018 plan's ended levers stay.
  struct Shipped {
    std::string name, overlay;
  };
  const std::vector<Shipped> shipped = {
      {"lingang_2015", "lingang_no_policy"},
      {"shanghai_manufacturing_2018", "shanghai_no_policy"},
      {"minhang_2018", "minhang_no_policy"},
      {"ezhou_2015", "ezhou_no_policy"},
      {"innovation_centres_2022", "innovation_centres_no_policy"},
  };
  for (const auto& s : shipped) {
    INFO(s.name);
    const auto base = model::load_scenario(source_path("scenarios/" + s.name + ".toml"));
    CHECK(base.info.name == s.name);
    CHECK(!base.targets.empty());
    const auto none =
        model::load_scenario(source_path("scenarios/" + s.name + ".toml"), {},
                             {source_path("scenarios/overlays/" + s.overlay + ".toml")});
    // Disabled programmes are left out of the scenario.
    auto kept = [&](const std::string& id) {
      return std::any_of(none.programmes.begin(), none.programmes.end(),
                         [&](const auto& p) { return p.id == id; });
    };
    int switched_off = 0;
    for (const auto& p : base.programmes) {
      INFO(p.id);
      const bool own =
          p.source.rfind(base.info.source.substr(6, 3), 0) == 0;  // "seeds/003_..." -> "003"
      if (own) CHECK(!kept(p.id));
      switched_off += !kept(p.id);
    }
    CHECK(switched_off > 0);
    CHECK(none.events.size() == base.events.size());  // events happened with or without the policy
  }
}

TEST_CASE("commas are read as thousands separators where they group thousands", "[scenario]") {
  const auto sc = model::load_scenario(
      write_file("commas.toml", mini_with("[programmes.grant]\ncap = \"3,000万\"\nbudget_per_year "
                                          "= \"1,234,567\"\n[zones.north]\narea = \"9,000亩\"\n")));
  CHECK(sc.programmes[0].cap == Approx(3.0e7));
  CHECK(sc.programmes[0].budget_per_year == Approx(1234567.0));
  CHECK(sc.zones[0].area == Approx(6.0e6));
}

TEST_CASE("a change's month may be a year, as every other month may", "[scenario]") {
  const auto sc = model::load_scenario(
      write_file("change_year.toml",
                 mini_with("[programmes.grant]\nchanges = [{ at = 2016, rate = \"20%\" }]\n")));
  REQUIRE(sc.programmes[0].changes.size() == 1);
  CHECK(sc.programmes[0].changes[0].at == 2016 * 12);
}

TEST_CASE("the resolved text of every shipped scenario reloads to the same scenario text",
          "[scenario]") {
  // The text is what every output stores as its exact inputs; it must be TOML that parksim reads
  // back.
  for (const auto& entry : std::filesystem::directory_iterator(source_path("scenarios"))) {
    if (entry.path().extension() != ".toml") continue;
    INFO(entry.path().filename().string());
    const auto first = model::load_scenario(entry.path().string());
    const auto again = model::load_scenario(
        write_file("resolved_" + entry.path().filename().string(), first.resolved_text));
    CHECK(again.resolved_text == first.resolved_text);
    CHECK(again.programmes.size() == first.programmes.size());
    CHECK(again.zones.size() == first.zones.size());
  }
}
