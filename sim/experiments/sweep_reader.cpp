#include "sweep_reader.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

namespace parksim::experiments {

std::size_t SweepRuns::column(const std::string& metric, const std::string& path) const {
  const auto it = std::find(metrics.begin(), metrics.end(), metric);
  if (it == metrics.end())
    throw Error(fmt::format("{}: no metric \"{}\"; the sweep stored: {}", path, metric,
                            fmt::join(metrics, ", ")));
  return std::size_t(it - metrics.begin());
}

SweepRuns SweepReader::runs() {
  SweepRuns out;
  out.metrics = metric_names();
  const double reps = r_.attribute_number("replications");
  if (!(reps >= 1 && reps <= 1e6) || reps != std::floor(reps))
    throw damaged(
        fmt::format("attribute replications = {:g} is not a whole number in 1..1000000", reps));
  out.replications = std::size_t(reps);
  out.points = points();
  const std::size_t R = out.replications, M = out.metrics.size(), runs = out.points * R;
  for (const char* name : {"status", "run_point", "run_replication"}) require_shape(name, {runs});
  require_shape("values", {runs, M});
  const auto status = r_.doubles("status").data, point = r_.doubles("run_point").data,
             replication = r_.doubles("run_replication").data;
  out.values = r_.doubles("values").data;
  if (status.size() != runs || point.size() != runs || replication.size() != runs ||
      out.values.size() != runs * M)
    throw damaged("its datasets changed size while read");
  out.failed.resize(runs);
  for (std::size_t i = 0; i < runs; ++i) {
    if (point[i] != double(i / R) || replication[i] != double(i % R))
      throw damaged(fmt::format("run {} is point {:g} replication {:g}, not point {} replication {}",
                                i, point[i], replication[i], i / R, i % R));
    if (status[i] != 0 && status[i] != 1)
      throw damaged(fmt::format("run {} has status {:g} (0 ok, 1 failed)", i, status[i]));
    out.failed[i] = status[i] == 1;
  }
  return out;
}

std::vector<double> SweepReader::point_means(const std::string& metric) {
  const auto all = runs();
  const std::size_t m = all.column(metric, path_);
  std::vector<double> mean(all.points, 0.0);
  for (std::size_t p = 0; p < all.points; ++p) {
    for (std::size_t k = 0; k < all.replications; ++k) {
      if (all.run_failed(p, k))
        throw Error(
            fmt::format("{}: point {} failed (see the failures group); indices need every point",
                        path_, p));
      mean[p] += all.value(p, k, m);
    }
    mean[p] /= double(all.replications);
  }
  return mean;
}

Error SweepReader::damaged(const std::string& what) const {
  return Error(fmt::format("{}: is damaged ({})", path_, what));
}

void SweepReader::require_shape(const char* name, const std::vector<std::size_t>& expected) const {
  const auto shape = r_.shape(name);
  if (shape != expected)
    throw damaged(fmt::format("\"{}\" has shape ({}), expected ({})", name, fmt::join(shape, ", "),
                              fmt::join(expected, ", ")));
}

std::vector<std::string> SweepReader::metric_names() const {
  const auto shape = r_.shape("metric");
  if (shape.size() != 1 || shape[0] == 0 || shape[0] > 100000)
    throw damaged("its metric list has a wrong length");
  auto names = r_.strings("metric");
  for (std::size_t j = 0; j < names.size(); ++j)
    for (std::size_t i = 0; i < j; ++i)
      if (names[i] == names[j]) throw damaged(fmt::format("metric \"{}\" appears twice", names[j]));
  return names;
}

// The design's points: the rows of its unit matrix, which the point dimension must match.
std::size_t SweepReader::points() const {
  const auto unit = r_.shape("unit"), point = r_.shape("point");
  if (unit.size() != 2 || unit[0] == 0 || unit[0] > 10000000 ||
      point != std::vector<std::size_t>{unit[0]})
    throw damaged("its design part has no consistent number of points");
  return unit[0];
}

}  // namespace parksim::experiments
