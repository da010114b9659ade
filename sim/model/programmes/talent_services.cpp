// Talent services (talent_services.hpp): settlement and schooling priority, craftsman awards,
// internship bases.
#include "programmes/talent_services.hpp"

#include <algorithm>
#include <cmath>

#include "parksim/engine/parallel.hpp"
#include "programmes/programme.hpp"

namespace parksim::model::talent_services {

namespace {

using K = ProgrammeKind;

// The first active programme of the kind whose sectors and zones include the firm's (-1 none).
// Not World::programme_for: a craftsman budget spent on January's awards, or a quota used up,
// does not make a firm's staff ineligible for the rest of the year.
int eligible_programme(const World& w, K kind, std::size_t firm) {
  const std::size_t c = w.cell(w.firms.zone[firm], w.firms.sector[firm]);
  for (const std::size_t p : w.programmes_of(kind))
    if (w.programmes[p].active && w.eligibility[p * w.cells() + c]) return int(p);
  return -1;
}

// Awards a craftsman programme can give in a year: its number, fewer if its yearly budget does
// not pay for them all.
double awards_affordable(const ProgrammeSpec& terms) {
  double awards = double(terms.units_per_year);
  if (terms.budget_per_year > 0 && terms.amount > 0)
    awards = std::min(awards, std::floor(terms.budget_per_year / terms.amount));
  return terms.amount > 0 ? awards : 0.0;
}

// Skilled persons employed by each craftsman programme's eligible firms ([programme]).
std::vector<double> craftsman_candidates(const World& w) {
  std::vector<double> persons(w.programmes.size(), 0.0);
  const auto& f = w.firms;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    const int p = eligible_programme(w, K::CraftsmanAward, i);
    if (p >= 0) persons[std::size_t(p)] += f.skilled[i] * w.persons(0);
  }
  return persons;
}

// Document 002 line 166 "深入实施'上海工匠'选树培养、技能人才晋级和高师带徒奖励计划"; 003 line
// 144 "开展'闵行当代工匠'评选活动,每年进行评选并给予奖励". A yearly selection among the skilled
// staff of eligible firms: each of them expects awards x amount / candidates a year, the prize's
// value to a contestant (the winners' money is paid, in give_craftsman_awards).
void craftsman_values(const World& w, ServiceValues& v) {
  const auto& f = w.firms;
  const auto candidates = craftsman_candidates(w);
  std::vector<double> skilled(w.zones.size(), 0.0), value(w.zones.size(), 0.0);
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    const double persons = f.skilled[i] * w.persons(0);
    skilled[f.zone[i]] += persons;
    const int p = eligible_programme(w, K::CraftsmanAward, i);
    if (p < 0 || candidates[std::size_t(p)] <= 0) continue;
    const auto& terms = w.terms[std::size_t(p)];
    const double awards = std::min(awards_affordable(terms), candidates[std::size_t(p)]);
    v.craftsman_per_firm[i] = awards * terms.amount / candidates[std::size_t(p)] / 12.0;
    value[f.zone[i]] += persons * v.craftsman_per_firm[i];
  }
  for (std::size_t z = 0; z < w.zones.size(); ++z)
    v.newcomer_craftsman[z] = skilled[z] > 0 ? value[z] / skilled[z] : 0.0;
}

// The settlement programme an employed agent's job makes it eligible for (-1 none).
int settlement_programme_of(const World& w, std::size_t a) {
  const int e = w.talent.employer[a];
  return e < 0 ? -1 : eligible_programme(w, K::SettlementPriority, std::size_t(e));
}

// What newcomers see: of a zone's employed persons of a level, the share holding a place at a
// firm eligible for one (the quota rations places, so the share is the chance the zone has been
// giving; where none has been granted yet, newcomers expect none).
void settlement_values(const World& w, ServiceValues& v) {
  if (w.programmes_of(K::SettlementPriority).empty()) return;
  const auto& t = w.talent;
  const std::size_t Z = w.zones.size();
  const auto sums = engine::binned_sum(t.size(), Z * 4, [&](std::size_t a, auto& add) {
    if (t.zone[a] == kOutside || t.employer[a] < 0) return;
    const std::size_t bin = (t.zone[a] * 2 + t.level[a]) * 2;
    const double n = w.persons(t.level[a]);
    add(bin, n);
    if (t.settled[a] > 0 && settlement_programme_of(w, a) >= 0) add(bin + 1, n);
  });
  for (std::size_t k = 0; k < Z * 2; ++k)
    v.newcomer_settlement[k] =
        sums[2 * k] > 0 ? w.sc.talent.settlement_value * sums[2 * k + 1] / sums[2 * k] : 0.0;
}

// CNY a year the school places of `persons` settled persons cost the programme.
double yearly_school_cost(const World& w, std::size_t p, double persons) {
  return persons * w.sc.talent.settled_pupils_per_person * w.terms[p].amount;
}

}  // namespace

ServiceValues service_values(const World& w) {
  ServiceValues v;
  v.newcomer_settlement.assign(w.zones.size() * 2, 0.0);
  v.craftsman_per_firm.assign(w.firms.size(), 0.0);
  v.newcomer_craftsman.assign(w.zones.size(), 0.0);
  settlement_values(w, v);
  if (!w.programmes_of(K::CraftsmanAward).empty()) craftsman_values(w, v);
  return v;
}

double stay_value(const World& w, std::size_t a, const ServiceValues& v) {
  const auto& t = w.talent;
  double value = t.settled[a] > 0 ? w.sc.talent.settlement_value : 0.0;
  const int e = t.employer[a];
  if (t.level[a] == 0 && e >= 0) value += v.craftsman_per_firm[std::size_t(e)];
  return value;
}

// Document 003 line 144 "优先解决先进制造业领军人才、创新创业人才、高技能人才等产业发展急需人才
// 落户、子女就学、住房租赁等需求"; 002 line 166 "解决产业人才的租赁住房和落户需求"; 000 line 26
// "依托居住证加分、居转户、直接落户等制度,实施更加开放的人才引进政策". Each month the year's
// quota (units_per_year persons, released by the month) goes to employees of eligible firms who
// hold no place: leading talent first (003 names 领军人才 first), then skilled, in agent order;
// a place is granted only if the yearly budget still pays a full year of the school places of
// everyone settled, the new place's included (places are held for years: the budget is the
// school capacity the programme pays for). A place is kept on moves within the area and lost on
// leaving it.
void grant_places(World& w) {
  auto& t = w.talent;
  for (const std::size_t p : w.programmes_of(K::SettlementPriority)) {
    auto& st = w.programmes[p];
    if (!st.active) continue;
    const double released = w.terms[p].units_per_year * double(w.month % 12 + 1) / 12.0;
    double quota = released - st.units_this_year;
    const double budget = w.terms[p].budget_per_year;
    double room = budget > 0 ? budget - yearly_school_cost(w, p, st.units) : 1e300;
    for (int level = 1; level >= 0 && quota > 0; --level)
      for (std::size_t a = 0; a < t.size() && quota > 0; ++a) {
        if (t.level[a] != level || t.zone[a] == kOutside || t.settled[a] > 0) continue;
        if (settlement_programme_of(w, a) != int(p)) continue;
        const double n = w.persons(level);
        const double cost = yearly_school_cost(w, p, n);
        if (n > quota + 1e-9 || cost > room) continue;
        t.settled[a] = std::uint16_t(p + 1);
        quota -= n;
        room -= cost;
        st.units_this_year += n;
        st.units += n;
      }
  }
}

// The government pays for the school places of the children of everyone a programme settled
// (`amount` per place-year): the money 子女就学 implies, booked monthly for as long as the place is
// held, after the programme's end too; grant_places keeps the places within what the yearly budget
// pays.
void book_school_places(World& w) {
  const auto& settlement = w.programmes_of(K::SettlementPriority);
  if (settlement.empty()) return;
  const auto& t = w.talent;
  const auto held =
      engine::binned_sum(t.size(), w.programmes.size(), [&](std::size_t a, auto& add) {
        if (t.settled[a] > 0 && t.zone[a] != kOutside)
          add(std::size_t(t.settled[a] - 1), w.persons(t.level[a]));
      });
  for (const std::size_t p : settlement) {
    w.programmes[p].units = held[p];
    book(w, p, held[p] * w.sc.talent.settled_pupils_per_person * w.terms[p].amount / 12.0);
  }
}

namespace {

// Host firms of an internship programme with skilled vacancies (last month's hiring), most
// productive first as in hiring, each listed once per vacant agent place.
std::vector<std::size_t> host_vacancies(const World& w, std::size_t p) {
  const auto& f = w.firms;
  std::vector<std::size_t> hosts;
  for (std::size_t i = 0; i < f.size(); ++i)
    if (f.alive[i] && f.skilled_wanted[i] > f.skilled[i] &&
        w.eligibility[p * w.cells() + w.cell(f.zone[i], f.sector[i])])
      hosts.push_back(i);
  std::sort(hosts.begin(), hosts.end(), [&](std::size_t a, std::size_t b) {
    if (f.productivity[a] != f.productivity[b]) return f.productivity[a] > f.productivity[b];
    return f.id[a] < f.id[b];
  });
  std::vector<std::size_t> places;
  for (auto i : hosts) places.insert(places.end(), std::size_t(f.skilled_wanted[i] - f.skilled[i]), i);
  return places;
}

// Agents who stay on from `persons` interns: persons x conversion / persons per agent, the
// fraction drawn from the programme's own stream (keyed by its name: switching another programme
// off does not move these draws).
std::size_t staying_agents(const World& w, std::size_t p, double persons) {
  const double agents = persons * w.sc.talent.internship_conversion / w.persons(0);
  const double whole = std::floor(agents);
  const double u = w.streams("internship_stay")(engine::decision_id(w.terms[p].id)).uniform();
  return std::size_t(whole) + (u < agents - whole ? 1 : 0);
}

}  // namespace

// Document 004 line 75 "以在汉高等院校为重点,参照鄂州市与武汉大学建立的'研究生实习基地'相关做法,
// 加快鄂州与高校院所联合成立实训基地建设,将鄂州打造成为中部重要的大学生定点实习基地": bases at
// eligible firms take units_per_year interns a year (released by the month, whole persons); the
// programme pays `amount` per intern (stipend and the base's costs) within its yearly budget.
// Interns are students of the region's universities, who would not otherwise come: of each
// month's interns the share talent.internship_conversion stays on, hired by a host firm with a
// skilled vacancy (as many as there are vacancies; the rest go back to the outside pool) and
// taken from the outside pool of domestic skilled talent. From then on the ordinary rules of
// staying, leaving and separation apply to them.
void place_interns(World& w) {
  auto& t = w.talent;
  for (const std::size_t p : w.programmes_of(K::InternshipBase)) {
    auto& st = w.programmes[p];
    const auto& terms = w.terms[p];
    if (!st.active) continue;
    const double released = terms.units_per_year * double(w.month % 12 + 1) / 12.0;
    double interns = std::floor(released - st.units_this_year + 1e-9);
    if (terms.amount > 0) interns = std::min(interns, std::floor(budget_room(w, p) / terms.amount));
    if (interns < 1) continue;
    st.units_this_year += interns;
    st.units += interns;
    book(w, p, interns * terms.amount);
    const std::size_t wanted = staying_agents(w, p, interns);
    const std::size_t N = t.size();
    if (wanted == 0 || N == 0) continue;
    const auto places = host_vacancies(w, p);
    const std::size_t staying = std::min(places.size(), wanted);
    if (staying == 0) continue;
    // Domestic skilled agents of the outside pool, from a point drawn in the programme's stream.
    const auto start = std::size_t(
        w.streams("internship_pool")(engine::decision_id(terms.id)).uniform() * double(N));
    std::size_t placed = 0;
    for (std::size_t k = 0; k < N && placed < staying; ++k) {
      const std::size_t a = (start + k) % N;
      if (t.zone[a] != kOutside || t.level[a] != 0 || t.foreign[a]) continue;
      const std::size_t i = places[placed++];
      t.zone[a] = w.firms.zone[i];
      t.employer[a] = int(i);
      ++w.firms.skilled[i];
    }
  }
}

// Settlement places and internship places are yearly quotas released by the month.
void open_quota_year(World& w, std::size_t p) {
  if (w.is_january()) w.programmes[p].units_this_year = 0;
}

// Each January (and the first month) the year's awards go to skilled staff of eligible firms:
// as many as the number, the candidates and the budget allow, `amount` each. Who wins is not
// tracked: a prize once paid changes no later decision; what keeps staff is its expected value.
void give_craftsman_awards(World& w, std::size_t p) {
  if (!w.is_january() && w.month != w.terms[p].from) return;
  const auto& terms = w.terms[p];
  if (!(terms.amount > 0)) return;
  const double candidates = craftsman_candidates(w)[p];
  const double affordable = std::floor(std::min(budget_room(w, p), 1e15) / terms.amount);
  const double awards = std::min({double(terms.units_per_year), candidates, affordable});
  book(w, p, awards * terms.amount);
}

}  // namespace parksim::model::talent_services
