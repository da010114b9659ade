// What experiments refuse: designs too large to sample, damaged design and sweep files, NaN and
// infinite outputs, CSV cells that are not whole numbers, figures that cannot be fitted, normal
// distributions that leave a key's range.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include "parksim/engine/error.hpp"
#include "parksim/engine/h5_writer.hpp"
#include "parksim/experiments/calibrate.hpp"
#include "parksim/experiments/design.hpp"
#include "parksim/experiments/sensitivity.hpp"
#include "parksim/experiments/space.hpp"
#include "test_helpers.hpp"

using namespace parksim;
using namespace parksim::experiments;
namespace h5 = parksim::engine::h5;

namespace {

const char* kFreeSpace =
    "scenario_keys = false\n[[parameter]]\npath = \"a\"\nlow = 0\nhigh = 1\n"
    "[[parameter]]\npath = \"b\"\nlow = 0\nhigh = 1\n";

// The runs part of a sweep file, written by hand so that a test can damage exactly one thing.
struct FakeSweep {
  std::vector<std::int64_t> run_point = {0, 0, 1, 1, 2, 2, 3, 3};  // lhs, 4 points x 2 replications
  std::vector<std::int32_t> run_replication = {0, 1, 0, 1, 0, 1, 0, 1};
  std::vector<std::uint8_t> status = std::vector<std::uint8_t>(8, 0);
  std::vector<double> values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
  std::size_t value_rows = 8;
  std::vector<std::string> metrics = {"m1", "m2"};
  double replications = 2;

  std::string write(const std::string& name) const {
    const auto path = (test::scratch_dir() / name).string();
    h5::Writer w(path);
    write_design_part(w, make_design(parse_space(kFreeSpace, "free.toml"), Method::Lhs, 4, 1));
    std::vector<std::int64_t> runs(run_point.size()), rows(value_rows);
    for (std::size_t i = 0; i < runs.size(); ++i) runs[i] = std::int64_t(i);
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = std::int64_t(i);
    w.add_dimension("", {"run", runs, {}, false, true, {}});
    w.add_dimension("", {"value_row", rows, {}, false, true, {}});
    w.add_dimension("", {"metric", {}, metrics, false, false, {}});
    w.create_variable("", {"run_point", {"run"}, h5::Type::Int64, "1", {}});
    w.write("", "run_point", run_point);
    w.create_variable("", {"run_replication", {"run"}, h5::Type::Int32, "1", {}});
    w.write("", "run_replication", run_replication);
    w.create_variable("", {"status", {"run"}, h5::Type::UInt8, "1", {}});
    w.write("", "status", status);
    w.create_variable("", {"values", {"value_row", "metric"}, h5::Type::Float64, "1", {}});
    w.write("", "values", values);
    w.set_attribute("", "", {"replications", replications});
    w.commit();
    return path;
  }
};

}  // namespace

TEST_CASE("designs over 10 million points are refused before anything is allocated",
          "[experiments][design]") {
  const auto space = parse_space(kFreeSpace, "free.toml");
  for (const auto method : {Method::Sobol, Method::Lhs, Method::Morris, Method::Grid}) {
    INFO(method_name(method));
    CHECK_THROWS_WITH(make_design(space, method, 2000000000, 1), Catch::Contains("10 million"));
  }
  CHECK_THROWS_WITH(make_design(space, Method::Sobol, 2500001, 1),
                    Catch::Contains("10000004 points"));
  CHECK(make_design(space, Method::Sobol, 4, 1).points() == 16);
}

TEST_CASE("a sweep file whose runs do not fit its design is refused as damaged",
          "[experiments][sweep]") {
  FakeSweep clean;
  CHECK(sweep_output(clean.write("clean.h5"), "m2") == std::vector<double>{3, 7, 11, 15});
  auto bad = clean;
  bad.run_point[0] = 1000000;
  CHECK_THROWS_WITH(sweep_output(bad.write("far_point.h5"), "m1"),
                    Catch::Contains("far_point.h5: is damaged (run 0"));
  bad = clean;
  bad.run_point[3] = -5;
  CHECK_THROWS_WITH(sweep_output(bad.write("negative_point.h5"), "m1"),
                    Catch::Contains("is damaged (run 3"));
  bad = clean;
  bad.run_replication[5] = 0;  // point 2 twice replication 0, never replication 1
  CHECK_THROWS_WITH(sweep_output(bad.write("twice.h5"), "m1"),
                    Catch::Contains("is damaged (run 5"));
  bad = clean;
  bad.value_rows = 6;
  bad.values.resize(12);
  CHECK_THROWS_WITH(sweep_output(bad.write("short.h5"), "m1"),
                    Catch::Contains("short.h5: is damaged (\"values\" has shape (6, 2)"));
  bad = clean;
  bad.replications = 1e30;  // int(1e30) is undefined: refused before any conversion
  CHECK_THROWS_WITH(sweep_output(bad.write("replications.h5"), "m1"),
                    Catch::Contains("is damaged (attribute replications"));
  bad = clean;
  bad.replications = 4;  // 4 points x 4 replications is not the 8 runs stored
  CHECK_THROWS_WITH(sweep_output(bad.write("replications4.h5"), "m1"),
                    Catch::Contains("is damaged"));
  bad = clean;
  bad.status[2] = 7;
  CHECK_THROWS_WITH(sweep_output(bad.write("status.h5"), "m1"),
                    Catch::Contains("is damaged (run 2 has status 7"));
  bad = clean;
  bad.status[6] = 1;
  CHECK_THROWS_WITH(sweep_output(bad.write("failed.h5"), "m1"), Catch::Contains("point 3 failed"));
  bad = clean;
  bad.metrics = {"m1", "m1"};
  CHECK_THROWS_WITH(sweep_output(bad.write("metrics.h5"), "m1"),
                    Catch::Contains("is damaged (metric \"m1\" appears twice"));
}

TEST_CASE("a design file whose matrices do not fit its attributes and space is refused as damaged",
          "[experiments][design]") {
  const auto space = parse_space(kFreeSpace, "free.toml");
  const auto clean = make_design(space, Method::Sobol, 4, 1);
  auto write = [](const Design& d, const std::string& name) {
    const auto path = (test::scratch_dir() / name).string();
    write_design(d, path);
    return path;
  };
  CHECK(read_design(write(clean, "clean_design.h5")).unit == clean.unit);
  auto bad = clean;
  bad.n = 5;  // 5 x (2 + 2) points expected, 16 stored
  CHECK_THROWS_WITH(read_design(write(bad, "n.h5")),
                    Catch::Contains("n.h5: is damaged (a sobol design with n 5"));
  bad = clean;
  bad.unit[3][1] = 1.5;
  CHECK_THROWS_WITH(read_design(write(bad, "unit.h5")),
                    Catch::Contains("is damaged (point 3: unit coordinate 1.5"));
  bad = clean;
  bad.unit[2][0] = std::nan("");
  CHECK_THROWS_WITH(read_design(write(bad, "nan_unit.h5")), Catch::Contains("is damaged (point 2"));
  bad = clean;
  bad.value[1][0] += 0.25;  // a value that does not belong to its point's coordinates
  CHECK_THROWS_WITH(read_design(write(bad, "value.h5")),
                    Catch::Contains("is damaged (point 1: a ="));
  bad = make_design(space, Method::Morris, 3, 1, 4);
  bad.levels = 3;
  CHECK_THROWS_WITH(read_design(write(bad, "levels.h5")),
                    Catch::Contains("is damaged (Morris levels 3 is odd"));
}

TEST_CASE("indices refuse NaN and infinite outputs, naming how many points and the first",
          "[experiments][sobol]") {
  const auto space = parse_space(kFreeSpace, "free.toml");
  const auto sobol = make_design(space, Method::Sobol, 8, 1);
  std::vector<double> y(sobol.points(), 1.0);
  for (std::size_t i = 0; i < y.size(); ++i) y[i] = sobol.value[i][0] + 2 * sobol.value[i][1];
  CHECK_NOTHROW(sobol_indices(sobol, y));
  y[9] = std::numeric_limits<double>::infinity();
  y[5] = std::nan("");
  CHECK_THROWS_WITH(sobol_indices(sobol, y),
                    Catch::Contains("2 of 32 points") && Catch::Contains("first: point 5"));
  const auto morris = make_design(space, Method::Morris, 4, 1);
  std::vector<double> z(morris.points(), 0.0);
  z[7] = -std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH(morris_indices(morris, z),
                    Catch::Contains("1 of 12 points") && Catch::Contains("first: point 7"));
}

TEST_CASE("an outputs CSV cell is a number only if the whole cell is one", "[experiments][csv]") {
  auto csv = [](const std::string& third_row) {
    return test::write_file("y.csv", "x,y\n0,1\n0," + third_row + "\n0,3\n");
  };
  for (const std::string bad : {"4abc", "4%", "0x4", "", "+4", "4 5", "1,5"}) {
    INFO(bad);
    // "1,5" moves 5 into a third column: column y holds "1", so that one is read, as CSV says.
    if (bad == "1,5")
      CHECK(csv_output(csv(bad), "y", 3)[1] == 1.0);
    else
      CHECK_THROWS_WITH(csv_output(csv(bad), "y", 3), Catch::Contains("y.csv:3:2"));
  }
  CHECK(csv_output(csv(" 2.5e1 "), "y", 3) == std::vector<double>{1, 25, 3});
  CHECK(csv_output(test::write_file("crlf.csv", "y\r\n1\r\n2\r\n"), "y", 2) ==
        std::vector<double>{1, 2});
  CHECK(std::isnan(
      csv_output(csv("nan"), "y", 3)[1]));  // read, then refused by the estimators with the count
  CHECK_THROWS_WITH(csv_output(test::write_file("short.csv", "x,y\n0,1\n7\n"), "y", 2),
                    Catch::Contains("short.csv:3:2"));
}

TEST_CASE(
    "figures: years are whole numbers, values finite, and a figure of 0 needs an absolute "
    "tolerance",
    "[experiments][calibrate]") {
  const std::string header = "metric,zone,sector,year,value,tolerance,tolerance_kind\n";
  auto figures = [&](const std::string& row) {
    return test::write_file("figures.csv", header + row + "\n");
  };
  CHECK_THROWS_WITH(read_figures(figures("output,all,all,2017abc,85,0.1,relative")),
                    Catch::Contains("figures.csv:2:4"));
  CHECK_THROWS_WITH(read_figures(figures("output,all,all,2017.5,85,0.1,relative")),
                    Catch::Contains("figures.csv:2:4"));
  CHECK_THROWS_WITH(read_figures(figures("output,all,all,2017,85x,0.1,relative")),
                    Catch::Contains("figures.csv:2:5"));
  CHECK_THROWS_WITH(read_figures(figures("output,all,all,2017,inf,0.1,relative")),
                    Catch::Contains("figures.csv:2:5"));
  CHECK_THROWS_WITH(read_figures(figures("output,all,all,2017,85,10%,relative")),
                    Catch::Contains("figures.csv:2:6"));
  CHECK_THROWS_WITH(read_figures(figures("patents,all,all,2017,0,0.1,relative")),
                    Catch::Contains("figures.csv:2:7") && Catch::Contains("absolute"));
  const auto ok = read_figures(figures("patents,all,all,2017,0,2,absolute"));
  REQUIRE(ok.size() == 1);
  CHECK(ok[0].target.year == 2017);
  CHECK(!ok[0].relative);
}

TEST_CASE("a normal distribution must keep its 0.1% and 99.9% quantiles within the key's range",
          "[experiments][space]") {
  const std::string wide =
      "[[parameter]]\npath = \"model.demand_elasticity\"\ndistribution = \"normal\"\nmean = 5\nsd "
      "= 30\n";
  try {
    parse_space(wide, "wide.toml");
    FAIL("accepted a normal distribution mostly outside 1.5..20");
  } catch (const InputError& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].line == 5);
    CHECK(e.problems()[0].message.find("1.5..20") != std::string::npos);
  }
  const auto narrow = parse_space(
      "[[parameter]]\npath = \"model.demand_elasticity\"\ndistribution = \"normal\"\n"
      "mean = 5\nsd = 1\n",
      "narrow.toml");
  const auto& p = narrow.parameters[0];
  CHECK(p.value_at(0.5) == Approx(5.0));
  CHECK(p.value_at(1e-5) == 1.5);  // 4.3 sd below the mean: the rare draw takes the range's end
  CHECK(p.value_at(1e-3) > 1.5);
}

TEST_CASE("a space written by format_space reads back to the same parameters",
          "[experiments][space]") {
  const auto space = parse_space(
      "[[parameter]]\npath = \"zones.north.area\"\nname = \"area \\\"N\\\"\"\n"
      "distribution = \"log_uniform\"\nlow = \"5 km2\"\nhigh = \"9 km2\"\n"
      "[[parameter]]\npath = \"programmes.grant.rate\"\nlow = \"10%\"\nhigh = \"43%\"\n"
      "[[parameter]]\npath = \"model.innovation_rate\"\ndistribution = \"levels\"\n"
      "levels = [0.5, 1.5]\n",
      "s.toml");
  const auto back = parse_space(format_space(space), "back.toml");
  REQUIRE(back.parameters.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto &a = space.parameters[i], &b = back.parameters[i];
    CHECK(a.path == b.path);
    CHECK(a.name == b.name);
    CHECK(a.distribution == b.distribution);
    CHECK(a.low == b.low);
    CHECK(a.high == b.high);
    CHECK(a.levels == b.levels);
  }
}
