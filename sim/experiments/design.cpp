// Samplers and the DESIGN.h5 file.
#include "parksim/experiments/design.hpp"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/sobol.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "parksim/engine/error.hpp"
#include "parksim/engine/h5_reader.hpp"
#include "parksim/engine/h5_writer.hpp"
#include "parksim/version.hpp"

namespace parksim::experiments {

namespace {

using Matrix = std::vector<std::vector<double>>;

Matrix grid(std::size_t k, int n) {
  std::size_t total = 1;
  for (std::size_t d = 0; d < k; ++d) total *= std::size_t(n);
  Matrix m(total, std::vector<double>(k));
  for (std::size_t i = 0; i < total; ++i) {
    std::size_t rest = i;
    for (std::size_t d = k; d-- > 0;) {  // last parameter varies fastest
      const std::size_t level = rest % std::size_t(n);
      rest /= std::size_t(n);
      m[i][d] = n > 1 ? double(level) / double(n - 1) : 0.5;
    }
  }
  return m;
}

// One point in every interval [j/n, (j+1)/n) of every column, columns independently permuted.
Matrix latin_hypercube(std::size_t k, int n, std::uint64_t seed) {
  boost::random::mt19937_64 rng(seed);
  boost::random::uniform_01<double> u01;
  Matrix m(static_cast<std::size_t>(n), std::vector<double>(k));
  for (std::size_t d = 0; d < k; ++d) {
    std::vector<int> strata(static_cast<std::size_t>(n));
    std::iota(strata.begin(), strata.end(), 0);
    for (std::size_t i = strata.size(); i > 1; --i) {  // Fisher-Yates with Boost's distribution (portable)
      boost::random::uniform_int_distribution<std::size_t> pick(0, i - 1);
      std::swap(strata[i - 1], strata[pick(rng)]);
    }
    for (std::size_t i = 0; i < std::size_t(n); ++i) m[i][d] = (strata[i] + u01(rng)) / double(n);
  }
  return m;
}

// Saltelli (2010) radial scheme on a 2k-dimensional Sobol sequence: A = first k coordinates,
// B = last k, AB_i = A with column i from B.
Matrix saltelli(std::size_t k, int n) {
  boost::random::sobol qrng(2 * k);
  const double scale = double(qrng.max()) - double(qrng.min()) + 1.0;
  Matrix m;
  m.reserve(std::size_t(n) * (k + 2));
  for (int j = 0; j < n; ++j) {
    std::vector<double> a(k), b(k);
    for (std::size_t d = 0; d < k; ++d) a[d] = (double(qrng()) - double(qrng.min())) / scale;
    for (std::size_t d = 0; d < k; ++d) b[d] = (double(qrng()) - double(qrng.min())) / scale;
    m.push_back(a);
    for (std::size_t i = 0; i < k; ++i) {
      auto ab = a;
      ab[i] = b[i];
      m.push_back(ab);
    }
    m.push_back(b);
  }
  return m;
}

// Morris (1991) trajectories on a p-level grid with step delta = p / (2(p-1)): each parameter moves
// once, in random order and direction, from a random start that keeps the move inside [0, 1].
Matrix morris(std::size_t k, int n, int p, std::uint64_t seed) {
  boost::random::mt19937_64 rng(seed);
  const double delta = double(p) / (2.0 * double(p - 1));
  const int start_levels = p / 2;  // levels 0..p/2-1 can move up by delta
  Matrix m;
  m.reserve(std::size_t(n) * (k + 1));
  for (int t = 0; t < n; ++t) {
    std::vector<double> x(k), dir(k);
    for (std::size_t d = 0; d < k; ++d) {
      const bool up = boost::random::uniform_int_distribution<int>(0, 1)(rng) == 1;
      const int level = boost::random::uniform_int_distribution<int>(0, start_levels - 1)(rng);
      const double low = double(level) / double(p - 1);
      x[d] = up ? low : low + delta;
      dir[d] = up ? delta : -delta;
    }
    std::vector<std::size_t> order(k);
    std::iota(order.begin(), order.end(), 0);
    for (std::size_t i = order.size(); i > 1; --i) {
      boost::random::uniform_int_distribution<std::size_t> pick(0, i - 1);
      std::swap(order[i - 1], order[pick(rng)]);
    }
    m.push_back(x);
    for (auto d : order) {
      x[d] += dir[d];
      m.push_back(x);
    }
  }
  return m;
}

}  // namespace

const char* method_name(Method m) {
  switch (m) {
    case Method::Grid: return "grid";
    case Method::Lhs: return "lhs";
    case Method::Sobol: return "sobol";
    case Method::Morris: return "morris";
  }
  return "lhs";
}

Method method_from_name(const std::string& name) {
  for (Method m : {Method::Grid, Method::Lhs, Method::Sobol, Method::Morris})
    if (name == method_name(m)) return m;
  throw Error(fmt::format("unknown design method \"{}\"; allowed: grid, lhs, sobol, morris", name));
}

std::vector<std::string> Design::overrides(std::size_t point) const {
  std::vector<std::string> out;
  for (std::size_t d = 0; d < dims(); ++d) out.push_back(space.parameters[d].override_for(value[point][d]));
  return out;
}

Design make_design(const Space& space, Method method, int n, std::uint64_t seed, int levels) {
  const std::size_t k = space.parameters.size();
  if (n < 1) throw Error("the design size -n must be at least 1");
  if (method == Method::Morris && (levels < 2 || levels % 2 != 0))
    throw Error(fmt::format("Morris needs an even number of levels >= 2 (got {})", levels));
  if (method == Method::Grid && std::pow(double(n), double(k)) > 1e7)
    throw Error(fmt::format("a grid of {} levels over {} parameters has more than 10 million points", n, k));
  Design d;
  d.method = method;
  d.space = space;
  d.n = n;
  d.levels = levels;
  d.seed = seed;
  switch (method) {
    case Method::Grid: d.unit = grid(k, n); break;
    case Method::Lhs: d.unit = latin_hypercube(k, n, seed); break;
    case Method::Sobol: d.unit = saltelli(k, n); break;
    case Method::Morris: d.unit = morris(k, n, levels, seed); break;
  }
  for (const auto& u : d.unit) {
    std::vector<double> v(k);
    for (std::size_t j = 0; j < k; ++j) v[j] = space.parameters[j].value_at(u[j]);
    d.value.push_back(std::move(v));
  }
  return d;
}

void write_design_part(engine::h5::Writer& w, const Design& design) {
  namespace h5 = engine::h5;
  std::vector<std::int64_t> points(design.points());
  std::iota(points.begin(), points.end(), 0);
  std::vector<std::string> paths, names, dists;
  for (const auto& p : design.space.parameters) {
    paths.push_back(p.path);
    names.push_back(p.name);
    dists.push_back(distribution_name(p.distribution));
  }
  w.add_dimension("", {"point", points, {}, false, true, {{"long_name", std::string("design point")}}});
  w.add_dimension("", {"parameter", {}, paths, false, false, {}});
  w.create_variable("", {"parameter_name", {"parameter"}, h5::Type::String, "1", {}});
  w.write("", "parameter_name", names);
  w.create_variable("", {"distribution", {"parameter"}, h5::Type::String, "1", {}});
  w.write("", "distribution", dists);
  std::vector<double> unit, value;
  for (std::size_t i = 0; i < design.points(); ++i) {
    unit.insert(unit.end(), design.unit[i].begin(), design.unit[i].end());
    value.insert(value.end(), design.value[i].begin(), design.value[i].end());
  }
  w.create_variable("", {"unit", {"point", "parameter"}, h5::Type::Float64, "1",
                         {{"long_name", std::string("coordinates in the unit cube")}}});
  w.write("", "unit", unit);
  w.create_variable("", {"value", {"point", "parameter"}, h5::Type::Float64, "internal unit of each parameter",
                         {{"long_name", std::string("parameter values (CNY, m2, fractions, ...)")}}});
  w.write("", "value", value);
  const std::vector<h5::Attr> attrs = {
      {"method", std::string(method_name(design.method))},
      {"n", std::int64_t(design.n)},
      {"levels", std::int64_t(design.levels)},
      {"seed", std::int64_t(design.seed)},
      {"space", design.space.text},
      {"space_path", design.space.source},
      {"parksim_version", std::string(kVersion)},
  };
  for (const auto& a : attrs) w.set_attribute("", "", a);
}

void write_design(const Design& design, const std::string& path) {
  engine::h5::Writer w(path);
  write_design_part(w, design);
  w.commit();
}

Design read_design(const std::string& path) {
  engine::h5::Reader r(path);
  Design d;
  d.method = method_from_name(r.attribute_string("method"));
  d.n = int(r.attribute_number("n"));
  d.levels = int(r.attribute_number("levels"));
  d.seed = std::uint64_t(r.attribute_number("seed"));
  d.space = parse_space(r.attribute_string("space"), r.attribute_string("space_path"));
  const auto unit = r.doubles("unit"), value = r.doubles("value");
  const std::size_t k = d.space.parameters.size();
  if (unit.shape.size() != 2 || unit.shape[1] != k || value.shape != unit.shape)
    throw Error(fmt::format("{}: the design's matrices do not match its {} parameters", path, k));
  for (std::size_t i = 0; i < unit.shape[0]; ++i) {
    d.unit.emplace_back(unit.data.begin() + long(i * k), unit.data.begin() + long((i + 1) * k));
    d.value.emplace_back(value.data.begin() + long(i * k), value.data.begin() + long((i + 1) * k));
  }
  return d;
}

}  // namespace parksim::experiments
