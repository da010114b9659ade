// Finance levers (programmes/finance.cpp, agents/banks.cpp): the guidance fund co-invests and
// crowds in, the credit line adds credit for constrained firms and revolves, risk pools keep
// working within yearly and total limits. Accounting is checked exactly, signs with common random
// numbers on tests/data/mini.toml.
#include <catch2/catch.hpp>

#include "model_helpers.hpp"
#include "programmes/finance.hpp"

using namespace parksim;
using test::mini;
using test::programme_index;
using test::simulate;

namespace {

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
  const std::size_t p = programme_index(sc, "fund");
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
  // Entry responds only to support paid in money, so a fund that pays nothing is not felt there.
  const auto off = vc_totals(mini({"programmes.fund.enabled=false"}));
  // fund_size must be > 0: one yuan cannot pay a share of any round.
  const auto zero = vc_totals(mini({"programmes.fund.fund_size=1"}));
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
  const std::size_t a = programme_index(sc, "fund"), b = programme_index(sc, "fund_b"),
                    c = programme_index(sc, "fund_c");
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

namespace {

double total_debt(const model::Scenario& sc) {
  double debt = 0;
  simulate(sc, [&](const model::World& w) {
    debt = 0;
    for (std::size_t i = 0; i < w.firms.size(); ++i)
      if (w.firms.alive[i]) debt += w.firms.debt[i];
  });
  return debt;
}

}  // namespace

TEST_CASE("a credit line revolves: repayments restore its room, exactly", "[programmes][finance]") {
  // A small line (2000万) so that it fills up; it lends more than its quota over the run.
  const auto sc = mini({"programmes.line.fund_size=\"2000万\""});
  const std::size_t p = programme_index(sc, "line");
  double drawn = 0;
  simulate(sc, [&](const model::World& w) {
    const auto& st = w.programmes[p];
    REQUIRE(st.fund_left + model::credit_line::outstanding(w, p) ==
            Approx(sc.programmes[p].fund_size).epsilon(1e-9));
    REQUIRE(st.fund_left >= -1e-6);
    for (std::size_t i = 0; i < w.firms.size(); ++i)
      REQUIRE(st.covered_debt[i] <= w.firms.debt[i] * (1 + 1e-9) + 1e-6);
    drawn = st.drawn;
  });
  CHECK(drawn > sc.programmes[p].fund_size);  // lent again what was repaid

  // The hooks: a repayment of 75% of a firm's debt gives 75% of its line debt back as room.
  model::World w(sc, {1, 0});
  model::populate(w);
  auto schedule = model::make_schedule();
  w.step = 0;
  schedule.run_step(w);
  const double left0 = w.programmes[p].fund_left;
  w.programmes[p].fund_left -= 1e6;
  w.firms.debt[0] += 1e6;
  model::credit_line::on_loan(w, 0, int(p), 1e6);
  const double owed = w.programmes[p].covered_debt[0];
  std::vector<double> share(w.firms.size(), 1.0);
  share[0] = 0.25;
  model::credit_line::on_repayments(w, share);
  CHECK(w.programmes[p].covered_debt[0] == Approx(0.25 * owed));
  CHECK(w.programmes[p].fund_left == Approx(left0 - 1e6 + 0.75 * owed));
  model::credit_line::on_default(w, 0);
  CHECK(w.programmes[p].covered_debt[0] == 0.0);
  CHECK(w.programmes[p].fund_left == Approx(left0 - 1e6 + owed));
}

TEST_CASE(
    "a credit line raises the loans of constrained firms and one lending nothing changes nothing",
    "[programmes][finance][mechanism]") {
  // Common random numbers; entry responds only to support paid, so only credit differs.
  const double off = total_debt(mini({"programmes.line.enabled=false"}));
  const double on = total_debt(mini());
  CHECK(on > off);
  // A line that lends nothing beyond the ordinary ceiling (effect 0; fund_size must be > 0)
  // changes nothing: it no longer substitutes for ordinary credit.
  const auto none = mini({"programmes.line.effect=0"});
  CHECK(total_debt(none) == off);
  const std::size_t p = programme_index(none, "line");
  double drawn = -1;
  simulate(none, [&](const model::World& w) { drawn = w.programmes[p].drawn; });
  CHECK(drawn == 0.0);
}
