// Finance levers (programmes/finance.cpp, agents/banks.cpp): the guidance fund co-invests and
// crowds in, the credit line adds credit for constrained firms and revolves, risk pools keep
// working within yearly and total limits. Accounting is checked exactly, signs with common random
// numbers on tests/data/mini.toml.
#include <catch2/catch.hpp>

#include "model_helpers.hpp"
#include "programmes/finance.hpp"

using namespace parksim;
using test::mini;
using test::simulate;

namespace {

std::size_t index_of(const model::Scenario& sc, const std::string& id) {
  for (std::size_t p = 0; p < sc.programmes.size(); ++p)
    if (sc.programmes[p].id == id) return p;
  FAIL("no programme " << id);
  return 0;
}

struct VcTotals {
  double private_vc = 0, public_vc = 0, rounds = 0;
};

VcTotals vc_totals(const model::Scenario& sc) {
  VcTotals t;
  simulate(sc, [&](const model::World& w) {
    t.private_vc += w.record[model::Scalar::VcInvested];
    t.public_vc += w.record[model::Scalar::GuidanceInvested];
    for (std::size_t i = 0; i < w.firms.size(); ++i)
      if (w.firms.events[i] & model::kEventRound) t.rounds += 1;
  });
  return t;
}

}  // namespace

TEST_CASE("a guidance fund books its equity as cost and its capital is conserved exactly",
          "[programmes][finance]") {
  const auto sc = mini();
  const std::size_t p = index_of(sc, "fund");
  double booked = 0, invested = 0;
  simulate(sc, [&](const model::World& w) {
    const auto& st = w.programmes[p];
    booked += w.record.subsidy[p];
    invested += w.record[model::Scalar::GuidanceInvested];
    REQUIRE(st.fund_left + st.paid_total == Approx(sc.programmes[p].fund_size).epsilon(1e-12));
    REQUIRE(st.drawn == Approx(st.paid_total).epsilon(1e-12));
    REQUIRE(st.fund_left >= -1e-6);
  });
  CHECK(invested > 0.0);
  CHECK(booked == Approx(invested).epsilon(1e-9));
}

TEST_CASE("a guidance fund raises total VC and does not lower private VC below its crowd-out",
          "[programmes][finance][mechanism]") {
  // Same seed and replication: the two runs share their random numbers (CRN).
  const auto off = vc_totals(mini({"programmes.fund.enabled=false"}));
  const auto on = vc_totals(mini());
  CHECK(off.public_vc == 0.0);
  CHECK(on.public_vc > 0.0);
  // Co-investment adds public money on top of private money, and the crowd-in (share 0.3 below
  // guidance_crowd_out_share 0.5) brings new private money.
  CHECK(on.private_vc + on.public_vc > off.private_vc);
  CHECK(on.private_vc >= off.private_vc);
  CHECK(on.rounds > off.rounds);
  // Without crowd-in, private money is still not capped by the fund: at least what it was less
  // a tolerance for the different firms that rounds reach.
  const auto plain = vc_totals(mini({"funds.guidance_crowd_in=0"}));
  CHECK(plain.private_vc + plain.public_vc > off.private_vc);
  CHECK(plain.private_vc >= 0.95 * off.private_vc);
  // A public share above the crowd-out share displaces private money.
  const auto heavy =
      vc_totals(mini({"programmes.fund.effect=0.8", "funds.guidance_crowd_out_share=0.4"}));
  CHECK(heavy.private_vc < on.private_vc);
}

TEST_CASE("a guidance fund with no money changes nothing", "[programmes][finance]") {
  // The generic entry term counts active programmes whatever their money (audit X1): off here.
  const std::vector<std::string> base = {"model.attractiveness_subsidy=0"};
  auto with = [&](std::string extra) {
    auto sets = base;
    sets.push_back(std::move(extra));
    return mini(sets);
  };
  const auto off = vc_totals(with("programmes.fund.enabled=false"));
  // fund_size must be > 0: one yuan cannot pay a share of any round.
  const auto zero = vc_totals(with("programmes.fund.fund_size=1"));
  CHECK(zero.public_vc == 0.0);
  CHECK(zero.private_vc == off.private_vc);
  CHECK(zero.rounds == off.rounds);
}

TEST_CASE("each guidance fund co-invests only in its own eligible firms, in programme order",
          "[programmes][finance]") {
  // `fund` open to equipment only; `fund_b` to services; a third fund for the non-SEI sector
  // `other`, where VC never invests, must invest nothing.
  const auto sc =
      mini({"programmes.fund.sectors=[\"equipment\"]", "programmes.fund_b.kind=\"guidance_fund\"",
            "programmes.fund_b.fund_size=\"1亿\"", "programmes.fund_b.effect=0.2",
            "programmes.fund_b.sectors=[\"services\"]", "programmes.fund_b.from=\"2015-01\"",
            "programmes.fund_b.to=\"2017-12\"", "programmes.fund_c.kind=\"guidance_fund\"",
            "programmes.fund_c.fund_size=\"1亿\"", "programmes.fund_c.effect=0.3",
            "programmes.fund_c.sectors=[\"other\"]", "programmes.fund_c.from=\"2015-01\"",
            "programmes.fund_c.to=\"2017-12\""});
  const std::size_t a = index_of(sc, "fund"), b = index_of(sc, "fund_b"),
                    c = index_of(sc, "fund_c");
  const auto equipment = std::size_t(sc.sector_index("equipment"));
  const auto services = std::size_t(sc.sector_index("services"));
  double drawn_a = 0, drawn_b = 0, drawn_c = 0;
  simulate(sc, [&](const model::World& w) {
    // A firm's fund is the first open to it: equipment firms get `fund`, services `fund_b`.
    for (std::size_t i = 0; i < w.firms.size(); ++i) {
      if (!w.firms.alive[i]) continue;
      const int fund = model::guidance_fund::open_to(w, i);
      if (fund < 0) continue;
      if (w.firms.sector[i] == equipment) REQUIRE(fund == int(a));
      if (w.firms.sector[i] == services) REQUIRE(fund == int(b));
    }
    drawn_a = w.programmes[a].drawn;
    drawn_b = w.programmes[b].drawn;
    drawn_c = w.programmes[c].drawn;
  });
  CHECK(drawn_a > 0.0);
  CHECK(drawn_b > 0.0);
  CHECK(drawn_c == 0.0);
}
