// libFuzzer entry point for the checkpoint reader (built by tools/fuzz.sh with clang when
// PARKSIM_FUZZ=ON). The first byte of an input chooses how the rest is read: with an odd first
// byte a valid checksum is appended, so that mutations reach the parser and its bounds checks
// behind the checksum; with an even one the bytes are read as they are. Every input must either
// restore or raise parksim::Error; anything else is a finding.
//
// With PARKSIM_FUZZ_WRITE_SEEDS=DIR set, the binary instead writes seed inputs made from a real
// checkpoint of tests/data/mini.toml into DIR and exits.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "parksim/engine/error.hpp"
#include "parksim/model/detail/checkpoint.hpp"
#include "parksim/model/scenario.hpp"

namespace {

using namespace parksim;

const model::Scenario& scenario() {
  static const auto sc = model::load_scenario(PARKSIM_SOURCE_DIR "/tests/data/mini.toml");
  return sc;
}

void write_seeds(const std::filesystem::path& dir) {
  const auto ck = (dir / "mini.ck.tmp").string();
  model::RunOptions o;
  o.replications = 1;
  o.threads = 1;
  o.checkpoint_at = scenario().info.start + 12;
  o.checkpoint_path = ck;
  model::run_scenario(scenario(), o);
  std::ifstream in(ck, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  std::ofstream(dir / "seed_resealed", std::ios::binary)
      << '\1' << bytes.substr(0, bytes.size() - 8);
  std::ofstream(dir / "seed_as_is", std::ios::binary) << '\0' << bytes;
  std::filesystem::remove(ck);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (const char* dir = std::getenv("PARKSIM_FUZZ_WRITE_SEEDS")) {
    write_seeds(dir);
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 1) {
    const std::uint64_t sum = model::checkpoint_checksum(bytes.data(), bytes.size());
    bytes.append(reinterpret_cast<const char*>(&sum), sizeof sum);
  }
  const auto& sc = scenario();
  try {
    model::CheckpointReader reader("fuzz.ck", std::move(bytes));
    for (int r = 0; r < reader.header().replications && r < 2; ++r) {
      model::World world(sc, {std::uint64_t(sc.info.seed), std::uint64_t(r)});
      model::ReplicationRecords records;
      model::SnapshotRows snapshots;
      reader.restore(world, records, snapshots);
    }
  } catch (const Error&) {}
  return 0;  // any other exception escapes and libFuzzer reports it
}
