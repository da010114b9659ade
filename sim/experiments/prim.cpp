// PRIM (Friedman & Fisher 1999) as the EMA Workbench runs it for scenario discovery: peel the box
// by the share peel_alpha of its points along one side of one parameter at a time, taking the peel
// with the best objective, down to mass_min; then paste back along restricted parameters while the
// density rises. Quantiles fall between distinct values (so ties move together and limits lie
// between design points); quasi-p-values as Bryant & Lempert (2010). docs/experiments.md.
#include <fmt/format.h>

#include <boost/math/distributions/binomial.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

#include "parksim/engine/error.hpp"
#include "parksim/experiments/discover.hpp"

namespace parksim::experiments {

std::size_t PrimBox::restricted() const {
  std::size_t n = 0;
  for (std::size_t j = 0; j < lower.size(); ++j) n += restricted_lower[j] || restricted_upper[j];
  return n;
}

namespace {

using Points = std::vector<std::size_t>;

// The quantile of sorted data between the block of values at q and the next distinct value
// (EMA Workbench's get_quantile): a lower quantile moves up past ties, an upper one down.
double quantile_between(const std::vector<double>& sorted, double q) {
  const double at = double(sorted.size() - 1) * q;
  std::size_t lo = std::size_t(std::floor(at)), hi = std::size_t(std::ceil(at));
  if (q > 0.5) {
    while (sorted[lo] == sorted[hi] && lo > 0) --lo;
  } else {
    while (sorted[lo] == sorted[hi] && hi + 1 < sorted.size()) ++hi;
  }
  return 0.5 * (sorted[lo] + sorted[hi]);
}

class Search {
 public:
  Search(const std::vector<std::vector<double>>& x, const std::vector<std::uint8_t>& y,
         const PrimOptions& o, Points remaining, std::vector<double> init_lower,
         std::vector<double> init_upper)
      : x_(x),
        y_(y),
        o_(o),
        remaining_(std::move(remaining)),
        init_lower_(std::move(init_lower)),
        init_upper_(std::move(init_upper)) {
    for (auto i : remaining_) hits_ += y_[i];
  }

  PrimSearch run() {
    PrimSearch out;
    out.points = remaining_.size();
    out.hits = hits_;
    lower_ = init_lower_;
    upper_ = init_upper_;
    members_ = remaining_;
    record(out);
    if (hits_ > 0) {
      while (peel_once()) record(out);
      while (paste_once()) record(out);
    }
    choose(out);
    return out;
  }
  Points members_of_chosen(const PrimSearch& s) const {
    const auto& b = s.trajectory[s.chosen];
    return inside(remaining_, b.lower, b.upper);
  }

 private:
  double mean_y(const Points& p) const {
    double k = 0;
    for (auto i : p) k += y_[i];
    return p.empty() ? 0.0 : k / double(p.size());
  }
  double objective(const Points& old_box, const Points& new_box) const {
    const double m_old = mean_y(old_box), m_new = mean_y(new_box);
    if (o_.objective == PrimObjective::Original) return new_box.empty() ? -1.0 : m_new;
    const double change = std::abs(double(old_box.size()) - double(new_box.size()));
    return change > 0 ? (m_new - m_old) / change : 0.0;
  }
  bool in_box(std::size_t i, const std::vector<double>& lo, const std::vector<double>& up) const {
    for (std::size_t j = 0; j < lo.size(); ++j)
      if (x_[i][j] < lo[j] || x_[i][j] > up[j]) return false;
    return true;
  }
  Points inside(const Points& from, const std::vector<double>& lo,
                const std::vector<double>& up) const {
    Points out;
    for (auto i : from)
      if (in_box(i, lo, up)) out.push_back(i);
    return out;
  }
  std::size_t restricted_count(const std::vector<double>& lo, const std::vector<double>& up) const {
    std::size_t n = 0;
    for (std::size_t j = 0; j < lo.size(); ++j)
      n += lo[j] > init_lower_[j] || up[j] < init_upper_[j];
    return n;
  }

  struct Candidate {
    double score = -std::numeric_limits<double>::infinity();
    std::size_t restricted = 0;
    std::vector<double> lower, upper;
    Points members;
  };
  // Better: higher score, then fewer restricted parameters; the first found wins ties.
  static bool better(const Candidate& c, const Candidate& best) {
    if (c.score != best.score) return c.score > best.score;
    return c.restricted < best.restricted;
  }
  void consider(Candidate c, const Points& old_box, Candidate& best) const {
    c.score = objective(old_box, c.members);
    c.restricted = restricted_count(c.lower, c.upper);
    if (better(c, best)) best = std::move(c);
  }

  bool peel_once() {
    const double mass_old = double(members_.size()) / double(x_.size());
    Candidate best;
    for (std::size_t j = 0; j < lower_.size(); ++j) {
      std::vector<double> v;
      for (auto i : members_) v.push_back(x_[i][j]);
      std::sort(v.begin(), v.end());
      for (int side = 0; side < 2; ++side) {
        Candidate c{0, 0, lower_, upper_, {}};
        if (side == 0)
          c.lower[j] = quantile_between(v, o_.peel_alpha);
        else
          c.upper[j] = quantile_between(v, 1.0 - o_.peel_alpha);
        for (auto i : members_)
          if (x_[i][j] >= c.lower[j] && x_[i][j] <= c.upper[j]) c.members.push_back(i);
        if (c.members.size() < members_.size() && !c.members.empty())
          consider(std::move(c), members_, best);
      }
    }
    const double mass_new = double(best.members.size()) / double(x_.size());
    if (best.members.empty() || mass_new < o_.mass_min || mass_new >= mass_old || best.score <= 0)
      return false;
    accept(std::move(best));
    return true;
  }

  bool paste_once() {
    Candidate best;
    for (std::size_t j = 0; j < lower_.size(); ++j) {
      if (lower_[j] <= init_lower_[j] && upper_[j] >= init_upper_[j]) continue;
      for (int side = 0; side < 2; ++side) {
        if (side == 0 ? lower_[j] <= init_lower_[j] : upper_[j] >= init_upper_[j]) continue;
        Candidate c{0, 0, lower_, upper_, {}};
        // The points just outside this side, within every other limit.
        auto outside = lower_, outside_up = upper_;
        if (side == 0)
          outside[j] = init_lower_[j], outside_up[j] = lower_[j];
        else
          outside[j] = upper_[j], outside_up[j] = init_upper_[j];
        std::vector<double> v;
        for (auto i : remaining_)
          if (in_box(i, outside, outside_up)) v.push_back(x_[i][j]);
        std::sort(v.begin(), v.end());
        if (side == 0)
          c.lower[j] = v.empty() ? init_lower_[j] : quantile_between(v, 1.0 - o_.paste_alpha);
        else
          c.upper[j] = v.empty() ? init_upper_[j] : quantile_between(v, o_.paste_alpha);
        c.members = inside(remaining_, c.lower, c.upper);
        if (c.members.size() > members_.size()) consider(std::move(c), members_, best);
      }
    }
    const double mass_new = double(best.members.size()) / double(x_.size());
    if (best.members.empty() || mass_new < o_.mass_min || best.score <= 0 ||
        mean_y(best.members) <= mean_y(members_))
      return false;
    accept(std::move(best));
    return true;
  }

  void accept(Candidate c) {
    lower_ = std::move(c.lower);
    upper_ = std::move(c.upper);
    members_ = std::move(c.members);
  }

  void record(PrimSearch& out) const {
    PrimBox b;
    b.lower = lower_;
    b.upper = upper_;
    b.n = members_.size();
    for (auto i : members_) b.k += y_[i];
    b.density = b.n ? double(b.k) / double(b.n) : 0.0;
    b.coverage = hits_ ? double(b.k) / double(hits_) : 0.0;
    b.mass = double(b.n) / double(x_.size());
    const std::size_t d = lower_.size();
    b.restricted_lower.assign(d, 0);
    b.restricted_upper.assign(d, 0);
    b.quasi_p_lower.assign(d, std::numeric_limits<double>::quiet_NaN());
    b.quasi_p_upper = b.quasi_p_lower;
    for (std::size_t j = 0; j < d; ++j) {
      b.restricted_lower[j] = lower_[j] > init_lower_[j];
      b.restricted_upper[j] = upper_[j] < init_upper_[j];
      if (b.restricted_lower[j]) b.quasi_p_lower[j] = quasi_p(b, j, 0);
      if (b.restricted_upper[j]) b.quasi_p_upper[j] = quasi_p(b, j, 1);
    }
    out.trajectory.push_back(std::move(b));
  }

  // P(at least k of the box's n points are hits) at the hit rate of the box without this limit.
  double quasi_p(const PrimBox& b, std::size_t j, int side) const {
    auto lo = b.lower, up = b.upper;
    if (side == 0)
      lo[j] = init_lower_[j];
    else
      up[j] = init_upper_[j];
    std::size_t n = 0, k = 0;
    for (auto i : remaining_)
      if (in_box(i, lo, up)) ++n, k += y_[i];
    if (b.k == 0 || b.n == 0) return 1.0;
    const double p = n ? double(k) / double(n) : 0.0;
    if (p <= 0) return 0.0;
    if (p >= 1) return 1.0;
    boost::math::binomial_distribution<double> dist(double(b.n), p);
    return boost::math::cdf(boost::math::complement(dist, double(b.k - 1)));
  }

  // The box with the largest coverage among those at least min_density dense (fewer restricted
  // parameters, then the earlier, on ties); without one, the densest.
  void choose(PrimSearch& out) const {
    const auto& t = out.trajectory;
    bool found = false;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i].density < o_.min_density) continue;
      const auto& c = t[out.chosen];
      if (!found || t[i].coverage > c.coverage ||
          (t[i].coverage == c.coverage && t[i].restricted() < c.restricted()))
        out.chosen = i;
      found = true;
    }
    out.reached_density = found;
    if (found) return;
    for (std::size_t i = 0; i < t.size(); ++i)
      if (t[i].density > t[out.chosen].density ||
          (t[i].density == t[out.chosen].density && t[i].coverage > t[out.chosen].coverage))
        out.chosen = i;
  }

  const std::vector<std::vector<double>>& x_;
  const std::vector<std::uint8_t>& y_;
  const PrimOptions& o_;
  Points remaining_, members_;
  std::vector<double> init_lower_, init_upper_, lower_, upper_;
  std::size_t hits_ = 0;
};

void check_options(const PrimOptions& o) {
  auto share = [](double v, const char* name) {
    if (!(v > 0 && v < 0.5))
      throw Error(fmt::format("PRIM: {} = {:g}; allowed: above 0 and below 0.5", name, v));
  };
  share(o.peel_alpha, "peel_alpha");
  share(o.paste_alpha, "paste_alpha");
  if (!(o.mass_min > 0 && o.mass_min < 1))
    throw Error(fmt::format("PRIM: mass_min = {:g}; allowed: above 0 and below 1", o.mass_min));
  if (!(o.min_density > 0 && o.min_density <= 1))
    throw Error(fmt::format("PRIM: min_density = {:g}; allowed: above 0 up to 1", o.min_density));
  if (o.boxes < 1 || o.boxes > 100)
    throw Error(fmt::format("PRIM: boxes = {}; allowed: 1..100", o.boxes));
}

}  // namespace

std::vector<PrimSearch> prim(const std::vector<std::vector<double>>& x,
                             const std::vector<std::uint8_t>& y, const PrimOptions& o) {
  check_options(o);
  if (x.empty() || x.size() != y.size())
    throw Error(fmt::format("PRIM: {} points and {} outcomes", x.size(), y.size()));
  const std::size_t d = x[0].size();
  std::vector<double> lo(d, std::numeric_limits<double>::infinity()), up(d, -lo[0]);
  for (const auto& row : x) {
    if (row.size() != d) throw Error("PRIM: points with different numbers of parameters");
    for (std::size_t j = 0; j < d; ++j) {
      if (!std::isfinite(row[j])) throw Error("PRIM: a parameter value is not finite");
      lo[j] = std::min(lo[j], row[j]);
      up[j] = std::max(up[j], row[j]);
    }
  }
  Points remaining(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) remaining[i] = i;
  std::vector<PrimSearch> out;
  for (int b = 0; b < o.boxes && !remaining.empty(); ++b) {
    Search search(x, y, o, remaining, lo, up);
    out.push_back(search.run());
    if (out.back().hits == 0) break;
    const auto taken = search.members_of_chosen(out.back());
    Points left;
    std::set_difference(remaining.begin(), remaining.end(), taken.begin(), taken.end(),
                        std::back_inserter(left));
    remaining = std::move(left);
    if (out.back().hits == out.back().trajectory[out.back().chosen].k) break;  // all covered
  }
  return out;
}

}  // namespace parksim::experiments
