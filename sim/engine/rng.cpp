#include "parksim/engine/rng.hpp"

namespace parksim::engine {

std::array<std::uint64_t, 4> Stream::block(std::array<std::uint64_t, 4> counter,
                                           std::array<std::uint64_t, 2> key) {
  Philox::ctr_type c{{counter[0], counter[1], counter[2], counter[3]}};
  Philox::key_type k{{key[0], key[1]}};
  auto r = Philox()(c, k);
  return {r.v[0], r.v[1], r.v[2], r.v[3]};
}

}  // namespace parksim::engine
