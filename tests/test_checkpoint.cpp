// Checkpoints are read as untrusted input: damage is refused with an Error (never a crash, an
// allocation failure or a silently different run), and a checkpoint of another scenario is
// refused naming what differs.
#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>

#include "model_helpers.hpp"
#include "parksim/engine/error.hpp"
#include "parksim/engine/h5_reader.hpp"
#include "parksim/model/detail/checkpoint.hpp"

using namespace parksim;

namespace {

constexpr int kReplications = 2;
constexpr int kMonth = 2016 * 12;  // 2016-01

// A checkpoint of the small test scenario at 2016-01, written once per test process.
const std::string& checkpoint_path() {
  static const std::string path = [] {
    const auto p = (test::scratch_dir() / "ck_mini.bin").string();
    model::RunOptions o;
    o.replications = kReplications;
    o.threads = 1;
    o.checkpoint_at = kMonth;
    o.checkpoint_path = p;
    model::run_scenario(test::mini(), o);
    return p;
  }();
  return path;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Recomputes the trailing checksum, so that damage reaches the parser behind it.
void reseal(std::string& bytes) {
  const std::uint64_t sum = model::checkpoint_checksum(bytes.data(), bytes.size() - 8);
  std::memcpy(bytes.data() + bytes.size() - 8, &sum, 8);
}

// Reads every replication of a checkpoint (in memory) into Worlds of the test scenario.
void restore_all(const model::Scenario& sc, const std::string& bytes) {
  model::CheckpointReader reader("ck.bin", bytes);
  for (int r = 0; r < reader.header().replications && r < 4; ++r) {
    model::World w(sc, {std::uint64_t(sc.info.seed), std::uint64_t(r)});
    model::ReplicationRecords records;
    model::SnapshotRows snapshots;
    reader.restore(w, records, snapshots);
  }
}

// 1-8 byte flips, a truncation or an 8-byte field overwritten with a small or a huge number.
std::string damage(std::string bytes, std::mt19937_64& rng) {
  auto at = [&](std::size_t room) {
    return std::uniform_int_distribution<std::size_t>(0, bytes.size() - room)(rng);
  };
  switch (rng() % 3) {
    case 0: {
      const int flips = 1 + int(rng() % 8);
      for (int i = 0; i < flips; ++i) bytes[at(1)] ^= char(1 + rng() % 255);
      break;
    }
    case 1:
      bytes.resize(at(1));
      break;
    default: {
      const std::uint64_t v = rng() % 2 ? rng() % 64 : (std::uint64_t(1) << (20 + rng() % 40));
      std::memcpy(bytes.data() + at(8), &v, 8);
    }
  }
  return bytes;
}

// Byte offset of the talent employer column's values in the first replication.
std::size_t employer_offset(const std::string& bytes, const model::Scenario& sc) {
  // Replication 0 starts with step and month; find them after the header.
  const std::int32_t step_month[2] = {kMonth - sc.info.start, kMonth - 1};
  const auto start = bytes.find(std::string(reinterpret_cast<const char*>(step_month), 8), 8);
  REQUIRE(start != std::string::npos);
  model::CheckpointReader reader("ck.bin", bytes);
  model::World w(sc, {std::uint64_t(sc.info.seed), 0});
  model::ReplicationRecords records;
  model::SnapshotRows snapshots;
  reader.restore(w, records, snapshots);
  std::size_t at = start + 8;
  w.firms.visit([&](const auto& col) { at += 8 + col.size() * sizeof(col[0]); });
  return at + 4 * (8 + w.talent.size()) +
         8;  // four byte columns, then the employer column's length
}

}  // namespace

TEST_CASE("a checkpoint with flipped bytes, cut short or with an edited length is refused",
          "[checkpoint]") {
  const auto sc = test::mini();
  const auto clean = read_bytes(checkpoint_path());
  REQUIRE_NOTHROW(restore_all(sc, clean));
  std::mt19937_64 rng(20261201);
  int refused = 0, damaged = 0;
  for (int i = 0; i < 300; ++i) {
    const auto bad = damage(clean, rng);
    if (bad == clean) continue;  // a field overwritten with the value it had
    ++damaged;
    try {
      restore_all(sc, bad);
    } catch (const Error& e) {
      ++refused;
      CHECK_THAT(e.what(), Catch::Contains("ck.bin:"));
    }
  }
  CHECK(damaged > 280);
  CHECK(refused == damaged);
}

TEST_CASE("a damaged checkpoint behind a valid checksum is refused or restores within bounds",
          "[checkpoint]") {
  // What a checksum cannot catch (a deliberately edited file) must still never crash or allocate
  // without bound: only parksim::Error may come out (ASan checks the reads in the sanitizer build).
  const auto sc = test::mini();
  const auto clean = read_bytes(checkpoint_path());
  std::mt19937_64 rng(7);
  int refused = 0;
  for (int i = 0; i < 300; ++i) {
    auto bad = damage(clean, rng);
    if (bad.size() < 16) continue;
    reseal(bad);
    try {
      restore_all(sc, bad);
    } catch (const Error&) {
      ++refused;
    }
  }
  CHECK(refused > 100);  // most damage lands in lengths, indices, flags or the header
}

TEST_CASE("edited lengths, indices and months behind a valid checksum are refused as damage",
          "[checkpoint]") {
  const auto sc = test::mini();
  const auto clean = read_bytes(checkpoint_path());
  auto refused_with = [&](std::string bytes, const char* what) {
    reseal(bytes);
    CHECK_THROWS_WITH(
        restore_all(sc, bytes),
        Catch::Contains("ck.bin: checkpoint file is damaged") && Catch::Contains(what));
  };
  const auto employer = employer_offset(clean, sc);
  for (std::int32_t bad_employer : {-2, 1 << 20}) {
    auto bytes = clean;
    std::memcpy(bytes.data() + employer, &bad_employer, 4);
    refused_with(bytes, "employer");
  }
  // The employer column's length: a huge one (no allocation is attempted), one short by one.
  std::uint64_t length = 0;
  std::memcpy(&length, clean.data() + employer - 8, 8);
  for (std::uint64_t bad_length : {std::uint64_t(1) << 40, length - 1}) {
    auto bytes = clean;
    std::memcpy(bytes.data() + employer - 8, &bad_length, 8);
    refused_with(bytes, bad_length > length ? "more than the file holds" : "");
  }
  // The header's month (just after the magic) disagreeing with the saved state.
  auto bytes = clean;
  const std::int32_t month = kMonth + 1;
  std::memcpy(bytes.data() + 8, &month, 4);
  refused_with(bytes, "the state is at step 12 month 24191, the header says 2016-02");
}

TEST_CASE("a checkpoint of another scenario is refused naming what differs", "[checkpoint]") {
  std::string text = read_bytes(test::source_path("tests/data/mini.toml"));
  for (auto [from, to] : {std::pair{"equipment", "machinery"}, {"services", "software"}})
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at))
      text.replace(at, std::strlen(from), to);
  const auto renamed = model::load_scenario(test::write_file("ck_renamed.toml", text));
  model::RunOptions b;
  b.replications = kReplications;
  b.threads = 1;
  b.branch_from = checkpoint_path();
  CHECK_THROWS_WITH(
      model::run_scenario(renamed, b),
      Catch::Contains(
          "checkpoint of another scenario: sectors differ (checkpoint: equipment, services, "
          "other; scenario: machinery, software, other)"));
  CHECK_THROWS_WITH(model::run_scenario(test::mini({"zones.north.area=\"9 km2\""}), b),
                    Catch::Contains("zone areas differ (north: checkpoint 6 km2, scenario 9 km2)"));
  CHECK_THROWS_WITH(model::run_scenario(test::mini({"zones.south.skilled_talent=901"}), b),
                    Catch::Contains("starting figures of zones differ (south) in"));
  auto other_seed = b;
  other_seed.seed = 8;
  CHECK_THROWS_WITH(model::run_scenario(test::mini(), other_seed),
                    Catch::Contains("seed 7 (this run: 8)"));
}

TEST_CASE(
    "a branch may change the rules and terms a variant is about, and records where it came from",
    "[checkpoint]") {
  // Programme terms and zone rules are not part of the fingerprint: changing them is what a branch
  // is for.
  const auto variant =
      test::mini({"programmes.grant.rate=\"60%\"", "zones.north.approval_months=3"});
  model::RunOptions b;
  b.replications = kReplications;
  b.threads = 1;
  b.branch_from = checkpoint_path();
  b.output = (test::scratch_dir() / "ck_branch.h5").string();
  model::run_scenario(variant, b);
  engine::h5::Reader f(b.output);
  CHECK(f.attribute_string("branched_from") == checkpoint_path());
  CHECK(f.attribute_string("branched_month") == "2016-01");
}
