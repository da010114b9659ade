#pragma once
// Reading the runs of a SWEEP.h5, checked against each other before any value is used: run i is
// point i / R, replication i % R (write_sweep's order), every length agrees, every status is 0 or
// 1, metric names are unique. Used by analyze (one mean per point) and discover (every run).
#include <string>
#include <vector>

#include "parksim/engine/error.hpp"
#include "parksim/engine/h5_reader.hpp"

namespace parksim::experiments {

struct SweepRuns {
  std::vector<std::string> metrics;
  std::size_t points = 0, replications = 0;
  std::vector<double> values;         // [run * metrics + metric]
  std::vector<std::uint8_t> failed;   // [run]: the run failed (its values are NaN)
  double value(std::size_t point, std::size_t replication, std::size_t metric) const {
    return values[(point * replications + replication) * metrics.size() + metric];
  }
  bool run_failed(std::size_t point, std::size_t replication) const {
    return failed[point * replications + replication] != 0;
  }
  // The column of a metric; throws naming the metrics stored.
  std::size_t column(const std::string& metric, const std::string& path) const;
};

class SweepReader {
 public:
  explicit SweepReader(const std::string& path) : path_(path), r_(path) {}
  // Every run's values and status.
  SweepRuns runs();
  // The metric's value per point, averaged over the replications; throws if a run failed.
  std::vector<double> point_means(const std::string& metric);

 private:
  Error damaged(const std::string& what) const;
  void require_shape(const char* name, const std::vector<std::size_t>& expected) const;
  std::vector<std::string> metric_names() const;
  std::size_t points() const;

  std::string path_;
  engine::h5::Reader r_;
};

}  // namespace parksim::experiments
