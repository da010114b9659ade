// The HDF5 chunk layout of output files: chunks sized to the data (at most 64 KiB, one replication
// per chunk for a one-replication run), deflate and Fletcher32 on every chunk (also tiny ones: a
// damaged file must be refused, not crash the reader),
// and streaming past the expected number of rows still exact. Issue 15: 1 MiB chunks made
// closing a one-replication Lingang file deflate ~38 MiB of fill values.
#include <H5Cpp.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "model_helpers.hpp"
#include "parksim/engine/h5_reader.hpp"
#include "parksim/engine/h5_writer.hpp"
#include "parksim/model/records.hpp"

using namespace parksim;
namespace h5 = engine::h5;

namespace {

struct Layout {
  std::vector<hsize_t> chunk;
  std::size_t chunk_bytes = 0;
  bool deflate = false, shuffle = false, fletcher32 = false;
};

// The chunk shape and filters of a dataset, read back through the HDF5 API.
Layout layout(const std::string& path, const std::string& dataset) {
  H5::H5File file(path, H5F_ACC_RDONLY);
  const H5::DataSet set = file.openDataSet(dataset);
  const H5::DSetCreatPropList dcpl = set.getCreatePlist();
  REQUIRE(dcpl.getLayout() == H5D_CHUNKED);
  Layout l;
  l.chunk.resize(std::size_t(set.getSpace().getSimpleExtentNdims()));
  dcpl.getChunk(int(l.chunk.size()), l.chunk.data());
  l.chunk_bytes = set.getDataType().getSize();
  for (hsize_t c : l.chunk) l.chunk_bytes *= std::size_t(c);
  for (int i = 0; i < dcpl.getNfilters(); ++i) {
    unsigned flags = 0, config = 0;
    std::size_t n = 0;
    char name[64];
    const H5Z_filter_t f = dcpl.getFilter(i, flags, n, nullptr, sizeof name, name, config);
    l.deflate |= f == H5Z_FILTER_DEFLATE;
    l.shuffle |= f == H5Z_FILTER_SHUFFLE;
    l.fletcher32 |= f == H5Z_FILTER_FLETCHER32;
  }
  return l;
}

std::string run_mini(const std::string& name, int replications) {
  model::RunOptions opt;
  opt.replications = replications;
  opt.threads = 1;
  opt.output = (test::scratch_dir() / name).string();
  model::run_scenario(test::mini(), opt);
  return opt.output;
}

}  // namespace

TEST_CASE("a one-replication run file has chunks of one replication, at most 64 KiB", "[h5]") {
  const auto path = run_mini("chunks_r1.h5", 1);
  const std::string scalar(model::scalar_table()[0].name);
  for (const std::string& name : {std::string("output"), std::string("subsidy_paid"), scalar,
                                  std::string("talent_present")}) {
    INFO(name);
    const auto l = layout(path, name);
    CHECK(l.chunk[0] == 1);  // the first axis is the replication: one expected, one per chunk
    CHECK(l.chunk_bytes <= 64 * 1024);
    CHECK(l.fletcher32);
  }
  // Snapshot rows are not known in advance: their chunks stay large enough to compress.
  const auto snap = layout(path, "snapshots/output");
  CHECK(snap.chunk_bytes <= 64 * 1024);
  CHECK(snap.deflate);
  CHECK(snap.shuffle);
  CHECK(snap.fletcher32);
}

TEST_CASE("tiny datasets are small chunks, still deflated and checksummed", "[h5]") {
  const auto path = run_mini("chunks_tiny.h5", 1);
  for (const std::string& name :
       {std::string("zone_industrial"), std::string(model::scalar_table()[0].name)}) {
    INFO(name);
    const auto l = layout(path, name);
    CHECK(l.chunk_bytes < 4096);
    CHECK(l.deflate);
    CHECK(l.shuffle);
    CHECK(l.fletcher32);  // a damaged chunk is refused on reading
  }
}

TEST_CASE("more rows than expected stream exactly, in chunks of the expected rows", "[h5]") {
  const auto path = (test::scratch_dir() / "chunks_stream.h5").string();
  {
    h5::Writer w(path);
    w.add_dimension("", {"replication", {}, {}, true, true, {}, 2});
    w.add_dimension("", {"time", {0, 1, 2}, {}, false, true, {}});
    w.create_variable("", {"x", {"replication", "time"}, h5::Type::Float64, "1", {}});
    for (std::int64_t r = 0; r < 5; ++r) {  // two and a half chunks
      w.append_coordinate("", "replication", std::vector<std::int64_t>{r});
      w.append("", "x", std::vector<double>{double(r), double(r) + 0.25, double(r) + 0.5});
    }
    w.commit();
  }
  CHECK(layout(path, "x").chunk == std::vector<hsize_t>{2, 3});
  h5::Reader f(path);
  const auto x = f.doubles("x");
  CHECK(x.shape == std::vector<std::size_t>{5, 3});
  std::vector<double> expected;
  for (int r = 0; r < 5; ++r)
    for (double d : {0.0, 0.25, 0.5}) expected.push_back(r + d);
  CHECK(x.data == expected);
  CHECK(f.doubles("replication").data == std::vector<double>{0, 1, 2, 3, 4});
}
