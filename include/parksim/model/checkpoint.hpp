#pragma once
// Checkpoints: the full state of every replication at the start of a month, so that variants can
// start from it instead of re-running the common past. The file holds, per replication, the
// dynamic state of the World (agents, markets, programmes' money, funds, centres, ...), the
// monthly records so far and the firm snapshots so far. Scenario-derived data (terms of
// programmes, eligibility) are rebuilt from the scenario the branch runs. Written to
// `<path>.partial` and renamed when complete.
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "parksim/model/run.hpp"
#include "parksim/model/world.hpp"

namespace parksim::model {

struct CheckpointHeader {
  int month = 0;                 // the month the saved state is at the start of
  int start = 0, end = 0;        // horizon of the run that wrote it
  std::int64_t seed = 0;
  int replications = 0;
  std::uint32_t zones = 0, sectors = 0, programmes = 0, events = 0;
};

class CheckpointWriter {
 public:
  CheckpointWriter(const std::string& path, const CheckpointHeader& header);
  ~CheckpointWriter();
  void add(World& world, ReplicationRecords& records, SnapshotRows& snapshots);  // replications in order
  void commit();

 private:
  std::string path_;
  std::ofstream out_;
  bool committed_ = false;
};

class CheckpointReader {
 public:
  explicit CheckpointReader(const std::string& path);
  const CheckpointHeader& header() const { return header_; }
  // Restores the next replication into a World built from the branch's scenario.
  void restore(World& world, ReplicationRecords& records, SnapshotRows& snapshots);

 private:
  std::string path_;
  std::ifstream in_;
  CheckpointHeader header_;
};

// Appends a year's snapshot rows to an accumulation.
void append_rows(SnapshotRows& to, const SnapshotRows& rows);

}  // namespace parksim::model
