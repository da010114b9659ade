// Samplers and the DESIGN.h5 file.
#include "parksim/experiments/design.hpp"

#include <fmt/format.h>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/sobol.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>

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
    for (std::size_t i = strata.size(); i > 1;
         --i) {  // Fisher-Yates with Boost's distribution (portable)
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
    case Method::Grid:
      return "grid";
    case Method::Lhs:
      return "lhs";
    case Method::Sobol:
      return "sobol";
    case Method::Morris:
      return "morris";
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
  for (std::size_t d = 0; d < dims(); ++d)
    out.push_back(space.parameters[d].override_for(value[point][d]));
  return out;
}

namespace {

// Designs beyond this are refused before anything is allocated (a sweep of them would not end).
constexpr double kMaxPoints = 1e7;

// The points a design of size n has over k parameters, in floating point so that huge requests
// cannot overflow.
double point_count(Method m, double n, std::size_t k) {
  switch (m) {
    case Method::Grid:
      return std::pow(n, double(k));
    case Method::Lhs:
      return n;
    case Method::Sobol:
      return n * double(k + 2);
    case Method::Morris:
      return n * double(k + 1);
  }
  return n;
}

}  // namespace

Design make_design(const Space& space, Method method, int n, std::uint64_t seed, int levels) {
  const std::size_t k = space.parameters.size();
  if (n < 1) throw Error("the design size -n must be at least 1");
  if (method == Method::Morris && (levels < 2 || levels % 2 != 0))
    throw Error(fmt::format("Morris needs an even number of levels >= 2 (got {})", levels));
  if (method == Method::Grid && point_count(method, n, k) > kMaxPoints)
    throw Error(fmt::format(
        "a grid of {} levels over {} parameters has more than 10 million points", n, k));
  if (point_count(method, n, k) > kMaxPoints)
    throw Error(fmt::format(
        "a {} design with -n {} over {} parameters has {:.0f} points, more than the limit of 10 "
        "million",
        method_name(method), n, k, point_count(method, n, k)));
  Design d;
  d.method = method;
  d.space = space;
  d.n = n;
  d.levels = levels;
  d.seed = seed;
  switch (method) {
    case Method::Grid:
      d.unit = grid(k, n);
      break;
    case Method::Lhs:
      d.unit = latin_hypercube(k, n, seed);
      break;
    case Method::Sobol:
      d.unit = saltelli(k, n);
      break;
    case Method::Morris:
      d.unit = morris(k, n, levels, seed);
      break;
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
  w.add_dimension("",
                  {"point", points, {}, false, true, {{"long_name", std::string("design point")}}});
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
  w.create_variable("", {"unit",
                         {"point", "parameter"},
                         h5::Type::Float64,
                         "1",
                         {{"long_name", std::string("coordinates in the unit cube")}}});
  w.write("", "unit", unit);
  w.create_variable("",
                    {"value",
                     {"point", "parameter"},
                     h5::Type::Float64,
                     "internal unit of each parameter",
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

namespace {

// Reading a design back: everything a damaged file could make wrong is checked before it is used,
// so that a sweep or an analysis never runs on garbage. Failures say "PATH: is damaged (what)".
class DesignReader {
 public:
  explicit DesignReader(const std::string& path) : path_(path), r_(path) {}

  Design read() {
    Design d;
    d.method = method();
    d.n = int(whole("n", 1, kMaxPoints));
    // Only Morris designs use their levels; the others store whatever -levels was.
    d.levels = d.method == Method::Morris ? int(whole("levels", 2, 1e6))
                                          : int(whole("levels", -2147483648.0, 2147483647.0));
    if (d.method == Method::Morris && d.levels % 2 != 0)
      throw damaged(fmt::format("Morris levels {} is odd", d.levels));
    // Seeds are stored as int64: seeds of 2^63 and more come back negative.
    const double seed = whole("seed", -9223372036854775808.0, 9223372036854775807.0);
    d.seed = seed < 0 ? std::uint64_t(std::int64_t(seed)) : std::uint64_t(seed);
    d.space = space();
    matrices(d);
    return d;
  }

 private:
  Error damaged(const std::string& what) const {
    return Error(fmt::format("{}: is damaged ({})", path_, what));
  }

  Method method() const {
    const auto name = r_.attribute_string("method");
    for (Method m : {Method::Grid, Method::Lhs, Method::Sobol, Method::Morris})
      if (name == method_name(m)) return m;
    throw damaged(fmt::format("unknown design method \"{}\"", name));
  }

  // A numeric attribute that must be a whole number in [lo, hi] (checked before any conversion:
  // int(1e30) is undefined).
  double whole(const char* name, double lo, double hi) const {
    const double v = r_.attribute_number(name);
    if (!(v >= lo && v <= hi) || v != std::floor(v))
      throw damaged(
          fmt::format("attribute {} = {:g} is not a whole number in {:g}..{:g}", name, v, lo, hi));
    return v;
  }

  Space space() const {
    Space s;
    try {
      s = parse_space(r_.attribute_string("space"), r_.attribute_string("space_path"));
    } catch (const InputError& e) {
      throw damaged(fmt::format("its stored space does not load: {}", e.what()));
    }
    std::vector<std::string> paths;
    for (const auto& p : s.parameters) paths.push_back(p.path);
    if (r_.shape("parameter").size() != 1 || r_.shape("parameter")[0] != paths.size() ||
        r_.strings("parameter") != paths)
      throw damaged("its parameter names differ from its stored space");
    return s;
  }

  void matrices(Design& d) const {
    const std::size_t k = d.space.parameters.size();
    const double points = point_count(d.method, d.n, k);
    if (points > kMaxPoints)
      throw damaged(fmt::format("-n {} over {} parameters is beyond the limit", d.n, k));
    const std::vector<std::size_t> shape = {std::size_t(points), k};
    if (r_.shape("unit") != shape || r_.shape("value") != shape)
      throw damaged(fmt::format("a {} design with n {} over {} parameters has {} x {} matrices",
                                method_name(d.method), d.n, k, shape[0], k));
    const auto unit = r_.doubles("unit"), value = r_.doubles("value");
    if (unit.shape != shape || value.shape != shape)
      throw damaged("its matrices changed shape while read");
    for (std::size_t i = 0; i < shape[0]; ++i) {
      d.unit.emplace_back(unit.data.begin() + long(i * k), unit.data.begin() + long((i + 1) * k));
      d.value.emplace_back(value.data.begin() + long(i * k),
                           value.data.begin() + long((i + 1) * k));
      for (std::size_t j = 0; j < k; ++j) check_point(d, i, j);
    }
  }

  // Values are recomputed from the unit coordinates (to 1e-9: another machine's libm may differ in
  // the last bits), so a value that does not belong to its point is found.
  void check_point(const Design& d, std::size_t i, std::size_t j) const {
    const double u = d.unit[i][j], v = d.value[i][j];
    if (!(u >= 0 && u <= 1))
      throw damaged(fmt::format("point {}: unit coordinate {} is not in [0, 1]", i, u));
    const double expected = d.space.parameters[j].value_at(u);
    if (!std::isfinite(v) ||
        !(std::abs(v - expected) <= 1e-9 * std::max({1.0, std::abs(v), std::abs(expected)})))
      throw damaged(fmt::format("point {}: {} = {} does not match its unit coordinate {} ({})", i,
                                d.space.parameters[j].path, v, u, expected));
  }

  std::string path_;
  engine::h5::Reader r_;
};

}  // namespace

Design read_design(const std::string& path) { return DesignReader(path).read(); }

}  // namespace parksim::experiments
