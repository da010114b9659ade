#pragma once
// Chunk layout of h5::Writer's variables (internal to the writer; see h5_writer.hpp).
#include <H5public.h>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace parksim::engine::h5 {

// HDF5 stores, filters and caches a chunk whole, also where it reaches past the data, so a chunk
// much larger than its data costs deflate work and memory on fill values: with 1 MiB chunks,
// closing a one-replication run file was 38% of the run's instructions. 64 KiB stays efficient
// for the large datasets (snapshots, many replications).
inline constexpr hsize_t kChunkBytes = 64 << 10;
// The rows of a chunk along an extendible first axis when the writer knows nothing better.
inline constexpr hsize_t kUnknownRows = 4096;

// The chunk length for an axis of `n` when `fit` elements fit: the fewest chunks, as even as
// possible, so that the last one is not mostly fill values.
inline hsize_t even_split(hsize_t n, hsize_t fit) {
  const hsize_t pieces = (n + fit - 1) / fit;
  return (n + pieces - 1) / pieces;
}

// Whole trailing dimensions per chunk while they fit in kChunkBytes, then as many leading rows
// as fit. `extent` is the data's shape, with an extendible first axis at the rows expected.
inline std::vector<hsize_t> chunk_shape(const std::vector<hsize_t>& extent, std::size_t elem) {
  std::vector<hsize_t> chunk(extent.size());
  hsize_t bytes = elem;
  for (std::size_t d = extent.size(); d-- > 0;) {
    const hsize_t fit = std::max<hsize_t>(1, kChunkBytes / bytes);
    chunk[d] = even_split(std::max<hsize_t>(1, extent[d]), fit);
    bytes *= chunk[d];
  }
  return chunk;
}

}  // namespace parksim::engine::h5
