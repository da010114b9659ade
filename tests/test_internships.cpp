// Internship bases (programmes/talent_services.cpp, 004 line 75: 大学生定点实习基地): the year's
// interns are paid for within the budget, those who stay on come from the outside pool of domestic
// skilled talent and are hired into eligible host firms' vacancies, and the area keeps more
// talent with the bases than without (common random numbers on tests/data/mini.toml).
#include <catch2/catch.hpp>

#include "model_helpers.hpp"

using namespace parksim;
using test::mini;
using test::programme_index;
using test::with;

namespace {

std::vector<std::string> internships(const std::string& places, const std::string& budget) {
  return {"programmes.interns.kind=\"internship_base\"",
          "programmes.interns.units_per_year=" + places,
          "programmes.interns.amount=\"5000\"",
          "programmes.interns.budget_per_year=\"" + budget + "\"",
          "programmes.interns.from=\"2015-01\"",
          "programmes.interns.to=\"2017-12\"",
          "programmes.interns.sectors=[\"equipment\"]"};
}

}  // namespace

TEST_CASE("interns who stay on come from the outside pool and join eligible hosts' vacancies",
          "[talent][internships]") {
  const auto sc = mini(internships("600", "0"));
  std::vector<std::uint8_t> zone_before;
  std::vector<int> employer_before;
  int placed = 0;
  test::around_phase(
      sc, "talent",
      [&](const model::World& w) {
        zone_before = w.talent.zone;
        employer_before = w.talent.employer;
      },
      [&](const model::World& w) {
        const auto& t = w.talent;
        for (std::size_t a = 0; a < t.size(); ++a) {
          // Ordinary arrivals come without a job (hiring matches them later); a job given in the
          // talent phase to someone who was outside is an intern staying on.
          if (zone_before[a] != model::kOutside || t.employer[a] < 0) continue;
          ++placed;
          const auto i = std::size_t(t.employer[a]);
          CHECK(w.sc.sectors[w.firms.sector[i]].id == "equipment");
          CHECK(t.zone[a] == w.firms.zone[i]);
          CHECK(t.level[a] == 0);
          CHECK(t.foreign[a] == 0);
          CHECK(employer_before[a] < 0);
        }
      });
  // 600 interns a year, 30% stay on, one person per skilled agent in mini: at most 180 agents a
  // year (fewer where hosts lack vacancies), one more a month for the drawn fraction.
  CHECK(placed > 0);
  CHECK(placed <= 3 * 180 + 36);
}

TEST_CASE("internship places are paid within the yearly budget, whole interns only",
          "[talent][internships]") {
  // 600 places at 5000 CNY cost 300万 a year; a 200万 budget pays 400 of them.
  for (const auto& [budget, per_year] :
       std::vector<std::pair<std::string, double>>{{"0", 600 * 5000.0}, {"200万", 400 * 5000.0}}) {
    const auto sc = mini(internships("600", budget));
    const std::size_t p = programme_index(sc, "interns");
    const auto r = test::records(sc);
    for (std::size_t year = 0; year < 3; ++year) {
      double paid = 0;
      for (std::size_t m = 0; m < 12; ++m) {
        paid += r[year * 12 + m].subsidy[p];
        const double interns = r[year * 12 + m].subsidy[p] / 5000.0;
        CHECK(interns == Approx(std::round(interns)).margin(1e-9));  // whole interns
      }
      INFO("budget " << budget << ", year " << year);
      CHECK(paid == Approx(per_year).epsilon(1e-9));
    }
  }
}

TEST_CASE("internship bases keep more talent in the area, and none without places",
          "[talent][internships][mechanism]") {
  auto talent_months = [](const model::Scenario& sc) {
    double total = 0;
    for (const auto& r : test::records(sc))
      for (std::size_t k = 0; k < r.zone_talent.size(); k += 2) total += r.zone_talent[k];
    return total;
  };
  const auto base = internships("600", "0");
  const double on = talent_months(mini(base));
  const double off = talent_months(mini(with(base, {"programmes.interns.enabled=false"})));
  CHECK(on > off);
  const auto none = with(base, {"programmes.interns.units_per_year=0"});
  CHECK(test::first_difference(test::records(mini(none)),
                               test::records(mini(with(base, {"programmes.interns.enabled=false"})))) ==
        std::size_t(mini(none).months()));
}
