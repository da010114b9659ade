#pragma once
// Checkpoints: the full state of every replication at the start of a month, so that variants can
// start from it instead of re-running the common past. The file holds a header with the run's
// fingerprint, then per replication the dynamic state of the World (agents, markets, programmes'
// money, funds, centres, ...), the monthly records so far and the firm snapshots so far, and ends
// with a checksum of everything before it. Scenario-derived data (terms of programmes,
// eligibility) are rebuilt from the scenario the branch runs. Written under a unique temporary
// beside `<path>` (engine::OutputFile) and renamed when complete.
//
// A reader trusts nothing: the checksum is verified before anything is parsed, every length and
// index is checked against the header and the remaining file, and any violation is an Error
// "PATH: checkpoint file is damaged (what)".
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "parksim/engine/output_file.hpp"
#include "parksim/model/detail/world.hpp"
#include "parksim/model/run.hpp"

namespace parksim::model {

// What a branch must agree on with the run that wrote the checkpoint. The scenario parts are
// identities (ids, kinds, order) and the figures the starting population is built from; terms
// and rules a variant may change (programme terms and dated changes, event timing and sizes,
// zone rules such as approval months or rents, behavioural parameters) are not part of it.
struct CheckpointHeader {
  int month = 0;           // the month the saved state is at the start of
  int start = 0, end = 0;  // horizon of the run that wrote it
  std::int64_t seed = 0;
  int replications = 0;
  std::vector<std::string> zones;             // zone ids in order
  std::vector<double> zone_areas;             // m2
  std::vector<std::uint64_t> zone_figures;    // hash of each zone's starting figures
  std::vector<std::string> sectors;           // sector ids in order
  std::vector<std::uint64_t> sector_figures;  // hash of each sector's starting figures
  std::vector<std::string> programmes, programme_kinds;
  std::vector<std::string> events, event_kinds;
};

// The header a run of this scenario writes at a month.
CheckpointHeader checkpoint_header(const Scenario& sc, int month, std::int64_t seed,
                                   int replications);
// The scenario parts in which two headers differ, each named with both values (empty: none).
std::vector<std::string> scenario_differences(const CheckpointHeader& saved,
                                              const CheckpointHeader& now);

// The checksum stored at the end of a checkpoint (64-bit FNV-1a: detects damage, not tampering).
std::uint64_t checkpoint_checksum(const char* data, std::size_t size,
                                  std::uint64_t h = 0xcbf29ce484222325ull);

class CheckpointWriter {
 public:
  CheckpointWriter(const std::string& path, const CheckpointHeader& header);
  ~CheckpointWriter();
  void add(World& world, ReplicationRecords& records,
           SnapshotRows& snapshots);  // replications in order
  void commit();

 private:
  std::string path_;
  std::unique_ptr<engine::OutputFile> file_;
  std::ofstream out_;
  std::uint64_t checksum_;
};

class CheckpointReader {
 public:
  // Opens a file, verifies its checksum and reads its header.
  explicit CheckpointReader(const std::string& path);
  // The same over bytes in memory; `name` stands for the path in messages.
  CheckpointReader(const std::string& name, std::string bytes);
  ~CheckpointReader();
  const CheckpointHeader& header() const { return header_; }
  // Refuses (Error naming what differs) a branch that cannot take over the saved state.
  void require_matches(const Scenario& sc, std::int64_t seed, int replications) const;
  // Restores the next replication into a World built from a scenario with the header's zones,
  // sectors, programmes and events.
  void restore(World& world, ReplicationRecords& records, SnapshotRows& snapshots);

 private:
  void open();
  std::string path_;
  std::unique_ptr<std::istream> in_;
  std::uint64_t pos_ = 0;          // next byte to read
  std::uint64_t payload_end_ = 0;  // where the checksum starts
  CheckpointHeader header_;
  int restored_ = 0;
};

// Appends a year's snapshot rows to an accumulation.
void append_rows(SnapshotRows& to, const SnapshotRows& rows);

}  // namespace parksim::model
