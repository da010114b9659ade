// Manufacturing innovation centres (document 001): consortia of a sector's leading firms apply all
// year round while a programme is open ("成熟一个,创建一个", 全年接受申报受理, line 198) and are
// reviewed as they form, pass or fail an expert review, prepare for a year (plus one
// 6-month extension, then revocation if still unqualified), and once operating turn their members'
// pooled R&D and the public funding (municipal, plus the district's matching money, line 178)
// into common-technology results that raise the productivity of
// the members and, less, of the sector's other firms. A yearly evaluation suspends the public
// funding of a centre without results; a three-year review revokes one with too few.
#include <algorithm>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <cmath>
#include <unordered_map>

#include "phases.hpp"
#include "programmes/programme.hpp"

namespace parksim::model {

namespace {

bool live(const Centre& c) { return c.stage != CentreStage::Revoked; }

struct Application {
  std::size_t sector = 0;
  double score = 0;
  std::vector<std::size_t> members;  // firm slots, largest first
};

// Firms of a sector that could found a consortium: R&D-active, above the member size, not yet in a
// live centre; largest first (ties by id).
std::vector<std::size_t> candidates(const World& w, std::size_t s) {
  const auto& f = w.firms;
  const auto& m = w.sc.model;
  std::vector<std::int64_t> taken;
  for (const auto& c : w.centres)
    if (live(c)) taken.insert(taken.end(), c.members.begin(), c.members.end());
  std::sort(taken.begin(), taken.end());
  std::vector<std::size_t> firms;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f.alive[i] && f.sector[i] == s && f.rd_intensity[i] > 0 &&
        f.output[i] * 12.0 >= m.centre_member_min_output &&
        !std::binary_search(taken.begin(), taken.end(), f.id[i]))
      firms.push_back(i);
  std::sort(firms.begin(), firms.end(), [&](std::size_t a, std::size_t b) {
    return f.output[a] != f.output[b] ? f.output[a] > f.output[b] : f.id[a] < f.id[b];
  });
  return firms;
}

// Centres programme p selected in the current calendar year.
int selected_this_year(const World& w, std::size_t p) {
  const int january = w.month - w.month % 12;
  return int(std::count_if(w.centres.begin(), w.centres.end(), [&](const Centre& c) {
    return c.programme == std::int32_t(p) && c.selected >= january;
  }));
}

// One month of programme p's rolling applications: in each eligible sector a Poisson number of
// consortia (a twelfth of the yearly formation rate) form from the leading firms not yet in a
// centre (each takes the largest remaining ones); each is reviewed as it forms and passes on its
// score, while fewer than units_per_year have been selected this calendar year (the best first
// when several mature in one month).
void review_applications(World& w, std::size_t p) {
  const auto& m = w.sc.model;
  const auto& f = w.firms;
  // Members pay their share of the centre's R&D on top of their own; without public money they
  // keep their R&D in-house and no consortium applies (the programme creates the centres).
  if (!(w.terms[p].amount > 0)) return;
  std::vector<Application> apps;
  for (std::size_t s = 0; s < w.sc.sectors.size(); ++s) {
    if (!eligible_in_sector(w, p, s)) continue;
    // Keyed by the programme's name, not its position: switching another programme off must not
    // change this one's draws (common random numbers across lever variants).
    auto rng = w.streams("centre_application")(engine::decision_id(w.terms[p].id) + s);
    const int forming =
        boost::random::poisson_distribution<int, double>(m.centre_formation_rate / 12.0)(rng);
    const auto firms = candidates(w, s);
    const std::size_t size = std::size_t(m.centre_max_members);
    for (int k = 0; k < forming; ++k) {
      const std::size_t first = std::size_t(k) * size;
      if (first + std::size_t(m.centre_min_members) > firms.size()) break;
      std::vector<std::size_t> members(firms.begin() + long(first),
                                       firms.begin() + long(std::min(firms.size(), first + size)));
      double rd = 0;
      for (auto i : members) rd += 12.0 * f.rd_spend[i];
      boost::random::normal_distribution<double> normal;
      const double score =
          std::log(std::max(rd, 1.0) / m.centre_review_rd) + m.centre_review_noise * normal(rng);
      apps.push_back({s, score, std::move(members)});
    }
  }
  std::sort(apps.begin(), apps.end(), [](const Application& a, const Application& b) {
    return a.score != b.score ? a.score > b.score : a.sector < b.sector;
  });
  const int quota = w.terms[p].units_per_year;
  int selected = selected_this_year(w, p);
  for (const auto& a : apps) {
    if (a.score < 0 || (quota > 0 && selected >= quota)) break;
    Centre c;
    c.id = std::int32_t(w.centres.size());
    c.programme = std::int32_t(p);
    c.sector = std::uint16_t(a.sector);
    c.zone = f.zone[a.members.front()];
    // A "company + alliance" needs several top firms as shareholders; smaller consortia form a
    // "research society + alliance" (the form is reported; it does not change behaviour).
    c.corporate = a.members.size() >= std::size_t(m.centre_min_members) + 2;
    c.selected = w.month;
    c.stage_end = w.month + m.centre_preparation_months;
    for (auto i : a.members) c.members.push_back(f.id[i]);
    w.centres.push_back(std::move(c));
    ++selected;
  }
}

// End of preparation or extension: qualified centres start operating; an unqualified one gets one
// extension and is revoked if still unqualified after it.
void review_preparation(World& w, Centre& c) {
  if (w.month != c.stage_end) return;
  const bool qualified = w.streams("centre_review")(std::uint64_t(c.id)).uniform() <
                         w.sc.model.centre_qualify_probability;
  if (qualified) {
    c.stage = CentreStage::Operating;
    c.operating_since = w.month;
  } else if (c.stage == CentreStage::Preparing) {
    c.stage = CentreStage::Extended;
    c.stage_end = w.month + w.sc.model.centre_extension_months;
  } else {
    c.stage = CentreStage::Revoked;
    c.ended = w.month;
  }
}

// Results of one operating month and their spill-over: members gain most, the sector's other firms
// in the centre's zone less, those in other zones centre_other_zone_spillover_share of that. The
// budget is money spent for the centre this month: the members' contributions, added to their R&D
// (paid from their cash in production), and the public funding booked (`paid`, CNY this month).
void produce_results(World& w, Centre& c, const std::vector<std::size_t>& members, double paid) {
  const auto& m = w.sc.model;
  auto& f = w.firms;
  double budget = 12.0 * paid;  // CNY per year
  for (auto i : members) {
    const double contribution = m.centre_member_rd_share * f.rd_spend[i];
    f.rd_spend[i] += contribution;
    budget += 12.0 * contribution;
  }
  const double rate = m.centre_result_rate * budget / m.centre_reference_budget / 12.0;
  auto rng = w.streams("centre_results")(std::uint64_t(c.id));
  const int results =
      rate > 0 ? boost::random::poisson_distribution<int, double>(std::min(rate, 1e3))(rng) : 0;
  if (results == 0) return;
  c.results += results;
  w.centre_results += results;
  const double member_step = std::pow(1.0 + m.centre_member_gain, results);
  const double zone_step = std::pow(1.0 + m.centre_spillover_gain, results);
  const double other_step =
      std::pow(1.0 + m.centre_other_zone_spillover_share * m.centre_spillover_gain, results);
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i] || f.sector[i] != c.sector) continue;
    const bool member = std::find(members.begin(), members.end(), i) != members.end();
    f.productivity[i] *= member ? member_step : (f.zone[i] == c.zone ? zone_step : other_step);
  }
}

// Yearly evaluation and three-year review of an operating centre; returns whether the public
// funding continues this year.
bool evaluate(World& w, Centre& c, std::size_t members_alive) {
  if (members_alive < std::size_t(w.sc.model.centre_min_members)) {
    c.stage = CentreStage::Revoked;  // the consortium fell apart
    c.ended = w.month;
    return false;
  }
  const int months = w.month - c.operating_since;
  if (months > 0 && months % 12 == 0) {
    c.suspended = c.results == c.results_at_evaluation;
    c.results_at_evaluation = c.results;
  }
  if (months > 0 && months % w.sc.model.centre_review_months == 0) {
    if (c.results - c.results_at_review < w.sc.model.centre_min_results) {
      c.stage = CentreStage::Revoked;
      c.ended = w.month;
      return false;
    }
    c.results_at_review = c.results;
  }
  return !c.suspended;
}

}  // namespace

void phase_centres(World& w) {
  auto& f = w.firms;
  const auto& programmes = w.programmes_of(ProgrammeKind::InnovationCentre);
  for (const std::size_t p : programmes)
    if (w.programmes[p].active) review_applications(w, p);
  if (programmes.empty() || w.centres.empty()) return;
  std::unordered_map<std::int64_t, std::size_t> slot;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f.alive[i]) slot.emplace(f.id[i], i);
  for (auto& c : w.centres) {
    if (c.stage == CentreStage::Preparing || c.stage == CentreStage::Extended)
      review_preparation(w, c);
    if (!live(c)) continue;
    std::vector<std::size_t> members;
    for (auto id : c.members)
      if (auto it = slot.find(id); it != slot.end()) members.push_back(it->second);
    const auto p = std::size_t(c.programme);
    bool funded = w.programmes[p].active;
    if (c.stage == CentreStage::Operating) {
      const bool passed = evaluate(w, c, members.size());
      funded = funded && passed;
      if (c.stage == CentreStage::Revoked) continue;
    }
    // "One case, one policy" funding flows from selection while the programme runs, the
    // district matching the city's money and the park waiving rent, within the budget; results
    // are bought with what is actually paid.
    const auto& terms = w.terms[p];
    const double wanted = (terms.amount * (1.0 + terms.match_rate) + terms.rent_relief) / 12.0;
    const double paid = funded ? std::max(0.0, std::min(wanted, budget_room(w, p))) : 0.0;
    if (paid > 0) book(w, p, paid);
    if (c.stage == CentreStage::Operating) produce_results(w, c, members, paid);
  }
}

}  // namespace parksim::model
