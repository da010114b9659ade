// Approval reforms (programmes/land.cpp, 002 line 154: 大幅度压缩审批周期): land granted while the
// reform runs, in its zones, waits the reform's approval_months instead of the zone's; nothing
// else changes for anyone, and no money moves.
#include <catch2/catch.hpp>

#include "model_helpers.hpp"

using namespace parksim;
using test::mini;
using test::with;

namespace {

// mini.toml's zones wait 6 months (the zone default); the reform cuts south's wait to 1 month
// from 2016.
const std::vector<std::string> kReformSouth = {
    "programmes.reform.kind=\"approval_reform\"", "programmes.reform.approval_months=1",
    "programmes.reform.zones=[\"south\"]", "programmes.reform.from=\"2016-01\"",
    "programmes.reform.to=\"2017-12\""};

}  // namespace

TEST_CASE("land granted under an approval reform waits its months, in its zones and period only",
          "[land][approval]") {
  const auto sc = mini(kReformSouth);
  const std::size_t south = std::size_t(sc.zone_index("south"));
  const int reform_from = sc.programmes[test::programme_index(sc, "reform")].from;
  std::vector<double> pending_before;
  int granted_south = 0, granted_north = 0, granted_before_reform = 0;
  test::around_phase(
      sc, "land",
      [&](const model::World& w) { pending_before = w.firms.land_pending; },
      [&](const model::World& w) {
        const auto& f = w.firms;
        for (std::size_t i = 0; i < pending_before.size(); ++i) {
          if (!f.alive[i] || !(f.land_pending[i] > pending_before[i])) continue;  // no grant now
          const bool reformed = f.zone[i] == south && w.month >= reform_from;
          CHECK(f.approval_left[i] == (reformed ? 1 : 6));
          if (reformed)
            ++granted_south;
          else if (f.zone[i] == south)
            ++granted_before_reform;
          else
            ++granted_north;
        }
      });
  // Each branch was reached, so every CHECK above could have failed.
  CHECK(granted_south > 0);
  CHECK(granted_north > 0);
  CHECK(granted_before_reform > 0);
}

TEST_CASE("an approval reform lowers land awaiting approval and costs nothing", "[land][approval]") {
  // Common random numbers: the same seed with the reform on and off; land waits less from the
  // reform's start, and no programme's spending changes in the months before any firm's capacity
  // differs.
  const auto on = test::records(mini(kReformSouth));
  const auto off = test::records(mini(with(kReformSouth, {"programmes.reform.enabled=false"})));
  REQUIRE(on.size() == off.size());
  double waiting_on = 0, waiting_off = 0;
  for (std::size_t t = 0; t < on.size(); ++t) {
    waiting_on += on[t][model::Scalar::LandAwaitingApproval];
    waiting_off += off[t][model::Scalar::LandAwaitingApproval];
  }
  CHECK(waiting_on < waiting_off);  // north, not reformed, keeps waiting 6 months
  // The reform starts in 2016: the first year is identical.
  for (std::size_t t = 0; t < 12; ++t)
    CHECK(on[t][model::Scalar::LandAwaitingApproval] == off[t][model::Scalar::LandAwaitingApproval]);
  // A rule, no money: it pays nothing in any month.
  const auto sc = mini(kReformSouth);
  const std::size_t reform = test::programme_index(sc, "reform");
  for (const auto& r : on) CHECK(r.subsidy[reform] == 0.0);
}
