#pragma once
// The HDF5 file of a run: its schema (coordinates, the series of records.hpp, the scorecard and
// snapshots), streamed one replication at a time and committed whole at the end.
#include <cstdint>
#include <string>
#include <vector>

#include "parksim/engine/h5_writer.hpp"
#include "parksim/model/records.hpp"
#include "parksim/model/run.hpp"

namespace parksim::model {

// Now, as an ISO 8601 UTC time stamp.
std::string iso_now();

class RunFile {
 public:
  // replications: how many the run will append (sizes the chunks; more may still be appended).
  RunFile(const Scenario& sc, const std::string& path, int replications) : sc_(sc), w_(path) {
    define(replications);
  }

  void append_replication(int replication, const ReplicationRecords& rec);
  void append_snapshot(const SnapshotRows& s);
  // uncertainty: what the intervals and P(reach) include (the group's "uncertainty" attribute).
  void write_scorecard(const std::vector<ScorecardLine>& lines, int replications,
                       const std::string& uncertainty);
  // Calls opt.write_extra (if any) before the commit. branched_month: the month of the checkpoint a
  // branched run started from (-1: not branched).
  void finish(const RunOptions& opt, std::int64_t seed, int replications, int threads,
              const std::string& started, int branched_month);

 private:
  void define(int replications);
  const Scenario& sc_;
  engine::h5::Writer w_;
  std::int64_t snapshot_rows_ = 0;
};

}  // namespace parksim::model
