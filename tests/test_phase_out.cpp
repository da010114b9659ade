// Sector phase-outs (programmes/entry_rules.cpp, 003 line 106: 逐步淘汰化工生产环节、纺织服装中小企业):
// each January a drawn share of the eligible incumbents is told to stop, paid for the land it
// holds, and leaves that month; its land is freed. Checked on tests/data/mini.toml.
#include <catch2/catch.hpp>

#include "model_helpers.hpp"

using namespace parksim;
using test::mini;
using test::programme_index;
using test::with;

namespace {

// A quarter of south's `other` firms each January from 2016, 1000 CNY per m2 of land.
const std::vector<std::string> kPhaseOut = {
    "programmes.out.kind=\"sector_phase_out\"", "programmes.out.rate=\"25%\"",
    "programmes.out.amount=\"1000\"",           "programmes.out.zones=[\"south\"]",
    "programmes.out.sectors=[\"other\"]",       "programmes.out.from=\"2016-01\"",
    "programmes.out.to=\"2017-12\""};

}  // namespace

TEST_CASE("a phase-out retires drawn firms of its cells in January, pays for their land and "
          "frees it",
          "[entry][phase_out]") {
  const auto sc = mini(kPhaseOut);
  const std::size_t p = programme_index(sc, "out");
  const std::size_t south = std::size_t(sc.zone_index("south"));
  const std::size_t other = std::size_t(sc.sector_index("other"));
  std::vector<std::uint8_t> alive_before;
  std::vector<double> land_before;
  int retired = 0, eligible_seen = 0;
  test::around_phase(
      sc, "calendar",
      [&](const model::World& w) {
        alive_before = w.firms.alive;
        land_before.assign(w.firms.size(), 0.0);
        for (std::size_t i = 0; i < w.firms.size(); ++i)
          land_before[i] = w.firms.land(i) + w.firms.land_pending[i];
      },
      [&](const model::World& w) {
        const auto& f = w.firms;
        double compensation = 0;
        for (std::size_t i = 0; i < alive_before.size(); ++i) {
          if (!alive_before[i]) continue;
          const bool cell = f.zone[i] == south && f.sector[i] == other;
          if (cell && w.programmes[p].active && w.is_january()) ++eligible_seen;
          if (!f.land_revoked[i]) continue;
          // Only eligible firms, only in January of the programme's years.
          CHECK(cell);
          CHECK(w.is_january());
          CHECK(w.month >= w.terms[p].from);
          ++retired;
          compensation += 1000.0 * land_before[i];
        }
        CHECK(w.programmes[p].paid_this_step == Approx(compensation).margin(1e-6));
      });
  CHECK(retired > 0);
  CHECK(retired < eligible_seen);  // a share, not all
}

TEST_CASE("phased-out firms leave the same month and their land is freed", "[entry][phase_out]") {
  const auto sc = mini(kPhaseOut);
  const std::size_t south = std::size_t(sc.zone_index("south"));
  std::vector<std::size_t> told;
  double land_told = 0, zone_land_before = 0;
  int months_checked = 0;
  test::around_phase(
      sc, "exit",
      [&](const model::World& w) {
        told.clear();
        land_told = 0;
        for (std::size_t i = 0; i < w.firms.size(); ++i)
          if (w.firms.alive[i] && w.firms.land_revoked[i]) {
            told.push_back(i);
            land_told += w.firms.land(i) + w.firms.land_pending[i];
          }
        zone_land_before = w.zones[south].land_used;
      },
      [&](const model::World& w) {
        if (told.empty()) return;
        ++months_checked;
        for (auto i : told) CHECK_FALSE(w.firms.alive[i]);
        // Other exits may free land too, so at least the phased-out firms' land is freed.
        CHECK(zone_land_before - w.zones[south].land_used >= land_told - 1e-6);
      });
  CHECK(months_checked > 0);
}

TEST_CASE("switching a phase-out off keeps the firms it would retire", "[entry][phase_out]") {
  const auto on = test::records(mini(kPhaseOut));
  const auto off = test::records(mini(with(kPhaseOut, {"programmes.out.enabled=false"})));
  const std::size_t cells = on.front().cube.size() / model::kSeriesCount;
  auto exits = [&](const std::vector<model::StepRecord>& r) {
    double total = 0;
    for (const auto& step : r)
      for (std::size_t c = 0; c < cells; ++c)
        total += step.cube[std::size_t(model::Series::Exits) * cells + c];
    return total;
  };
  const double exits_on = exits(on), exits_off = exits(off);
  CHECK(exits_on > exits_off);
  // The first year, before the programme starts, is identical (its draws are its own stream).
  CHECK(test::first_difference(on, off) >= 12);
}
