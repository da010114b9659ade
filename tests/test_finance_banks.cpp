// Credit rewards to banks and policy-bank windows (programmes/finance_banks.cpp, agents/banks.cpp):
// rewards are rate x the year's growth of eligible loans within the budget, banks value them as a
// loss cover only while the budget has room, and with common random numbers the reward raises
// loans to eligible firms (not to others); the window lends within its yearly quota, repays over
// its tenor, costs its interest concession and raises loans to the projects it finances.
// Scenario: tests/data/finance_banks.toml.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <numeric>

#include "model_helpers.hpp"
#include "parksim/engine/h5_reader.hpp"
#include "programmes/finance_banks.hpp"

using namespace parksim;
using test::programme_index;
using test::simulate;

namespace {

model::Scenario scenario(const std::vector<std::string>& sets = {}) {
  return model::load_scenario(test::source_path("tests/data/finance_banks.toml"), sets);
}

constexpr const char* kRewardOff = "programmes.reward.enabled=false";
constexpr const char* kWindowOff = "programmes.window.enabled=false";

// Loans outstanding of the listed sectors, summed over the months of the run (1e8 CNY-months).
double loan_months(const model::Scenario& sc, const std::vector<std::string>& sectors,
                   std::uint64_t replication = 0) {
  const std::size_t Z = sc.zones.size(), S = sc.sectors.size();
  double total = 0;
  for (const auto& r : test::records(sc, replication))
    for (std::size_t z = 0; z < Z; ++z)
      for (const auto& name : sectors) {
        const auto s = std::size_t(sc.sector_index(name));
        total += r.cube[(std::size_t(model::Series::Loans) * Z + z) * S + s];
      }
  return total;
}

// Paired differences on - off over R replications (common random numbers): mean and standard
// error of the mean.
struct Paired {
  double mean = 0, se = 0;
};

template <class F>
Paired paired(int replications, F&& difference) {
  std::vector<double> d;
  for (int r = 0; r < replications; ++r) d.push_back(difference(std::uint64_t(r)));
  const double mean = std::accumulate(d.begin(), d.end(), 0.0) / double(d.size());
  double ss = 0;
  for (const double x : d) ss += (x - mean) * (x - mean);
  return {mean, std::sqrt(ss / double(d.size() - 1) / double(d.size()))};
}

const std::vector<std::string> kEligible = {"equipment", "services"};

}  // namespace

TEST_CASE("a credit reward pays rate x the year's growth of eligible loans within its budget",
          "[programmes][finance_banks]") {
  for (const char* budget : {"2000万", "10万"}) {
    DYNAMIC_SECTION("budget " << budget) {
      const auto sc = scenario({std::string("programmes.reward.budget_per_year=\"") + budget +
                                "\"", kWindowOff});
      const std::size_t p = programme_index(sc, "reward");
      const double rate = sc.programmes[p].rate, cap = sc.programmes[p].budget_per_year;
      double base = -1, paid_all = 0;
      int binding = 0;
      simulate(sc, [&](const model::World& w) {
        const double booked = w.record.subsidy[p];
        const double stock = w.programmes[p].loan_base;
        if (!w.is_december()) {
          CHECK(booked == 0.0);  // rewards are paid once a year
          base = stock;          // set at the first month, kept through the year
          return;
        }
        // December's credit phase pays on the growth since the base and makes the stock it
        // measured the next year's base.
        CHECK(booked == Approx(std::min(rate * std::max(0.0, stock - base), cap)));
        binding += booked >= cap * (1 - 1e-9);
        paid_all += booked;
      });
      CHECK(paid_all > 0.0);
      // A tiny budget binds in the years eligible loans grow by more than budget / rate; an
      // ample one never does in mini.
      if (std::string(budget) == "10万") CHECK(binding >= 1);
      if (std::string(budget) == "2000万") CHECK(binding == 0);
    }
  }
}

TEST_CASE("banks count a credit reward as loss cover only for eligible firms and while the "
          "budget has room",
          "[programmes][finance_banks]") {
  const auto sc = scenario({kWindowOff});
  const std::size_t p = programme_index(sc, "reward");
  test::after_first_month(sc, [&](model::World& w) {
    const double cover = sc.programmes[p].rate / sc.funds.bank_expected_loss;
    bool seen_eligible = false, seen_other = false;
    for (std::size_t i = 0; i < w.firms.size(); ++i) {
      if (!w.firms.alive[i]) continue;
      const auto& sector = sc.sectors[w.firms.sector[i]].id;
      const bool eligible = sector != "other" && w.is_sme(i);
      CHECK(model::credit_reward::loss_cover(w, i) == (eligible ? Approx(cover) : Approx(0.0)));
      seen_eligible |= eligible;
      seen_other |= sector == "other";
    }
    REQUIRE(seen_eligible);
    REQUIRE(seen_other);
    w.programmes[p].budget_left = false;  // the year's rewards use up the budget
    for (std::size_t i = 0; i < w.firms.size(); ++i)
      if (w.firms.alive[i]) CHECK(model::credit_reward::loss_cover(w, i) == 0.0);
  });
}

TEST_CASE("a credit reward raises loans to eligible firms, less so when its budget binds",
          "[programmes][finance_banks][mechanism]") {
  const auto on = scenario({kWindowOff});
  const auto off = scenario({kWindowOff, kRewardOff});
  const auto tight = scenario({kWindowOff, "programmes.reward.budget_per_year=\"10万\""});
  const auto gain = paired(6, [&](std::uint64_t r) {
    return loan_months(on, kEligible, r) - loan_months(off, kEligible, r);
  });
  INFO("eligible loans, reward on - off: " << gain.mean << " +- " << 2 * gain.se);
  CHECK(gain.mean - 2 * gain.se > 0);
  const auto rationed = paired(6, [&](std::uint64_t r) {
    return loan_months(on, kEligible, r) - loan_months(tight, kEligible, r);
  });
  INFO("eligible loans, ample - tight budget: " << rationed.mean << " +- " << 2 * rationed.se);
  CHECK(rationed.mean - 2 * rationed.se > 0);
  // A reward of zero is worth nothing to banks: nothing changes.
  CHECK(loan_months(scenario({kWindowOff, "programmes.reward.rate=0"}), kEligible) ==
        loan_months(off, kEligible));
}

TEST_CASE("a policy-bank window lends within its yearly quota and per-firm cap",
          "[programmes][finance_banks]") {
  for (const char* quota : {"5亿", "300万"}) {
    DYNAMIC_SECTION("quota " << quota) {
      const auto sc = scenario(
          {kRewardOff, std::string("programmes.window.budget_per_year=\"") + quota + "\""});
      const std::size_t p = programme_index(sc, "window");
      const auto& spec = sc.programmes[p];
      double lent = 0, most_year = 0;
      simulate(sc, [&](const model::World& w) {
        const auto& st = w.programmes[p];
        CHECK(st.lent_this_year <= spec.budget_per_year * (1 + 1e-12));
        for (std::size_t i = 0; i < w.firms.size(); ++i)
          CHECK(st.covered_debt[i] <= spec.cap * (1 + 1e-12));
        most_year = std::max(most_year, st.lent_this_year);
        lent = st.drawn;
      });
      CHECK(lent > 0.0);
      if (std::string(quota) == "300万") CHECK(most_year >= 0.99 * spec.budget_per_year);
    }
  }
}

TEST_CASE("window debt is repaid over the window's tenor and costs its interest concession",
          "[programmes][finance_banks]") {
  const auto sc = scenario({kRewardOff});
  const std::size_t p = programme_index(sc, "window");
  test::after_first_month(sc, [&](model::World& w) {
    std::size_t i = 0;
    while (i < w.firms.size() && !w.firms.alive[i]) ++i;
    REQUIRE(i < w.firms.size());
    auto& d = w.programmes[p].covered_debt[i];
    d = 1.2e7;
    CHECK(model::policy_bank::debt(w, i) == 1.2e7);
    CHECK(model::policy_bank::due(w, i) == Approx(1.2e7 / (10 * 12)));  // years = 10
    model::policy_bank::on_repayment(w, i, 0.5);                        // half the due paid
    CHECK(d == Approx(1.2e7 - 0.5e5));
    CHECK(model::policy_bank::interest_relief(w, i) == Approx(0.01 * d));
    model::policy_bank::on_default(w, i);
    CHECK(d == 0.0);
  });
  // Over the run the cost booked is the concession on window debt: rate / 12 of the debt
  // outstanding after each month's credit phase.
  double expected = 0;
  test::around_phase(
      sc, "credit", [](const model::World&) {},
      [&](const model::World& w) {
        double debt = 0;
        for (std::size_t i = 0; i < w.firms.size(); ++i)
          if (w.firms.alive[i]) debt += w.programmes[p].covered_debt[i];
        expected += sc.programmes[p].rate * debt / 12.0;
      });
  double booked = 0;
  for (const auto& r : test::records(sc)) booked += r.subsidy[p];
  CHECK(booked > 0.0);
  CHECK(booked == Approx(expected).epsilon(1e-9));
}

TEST_CASE("a policy-bank window raises loans to the sector it finances",
          "[programmes][finance_banks][mechanism]") {
  const auto on = scenario({kRewardOff});
  const auto off = scenario({kRewardOff, kWindowOff});
  const auto gain = paired(6, [&](std::uint64_t r) {
    return loan_months(on, {"equipment"}, r) - loan_months(off, {"equipment"}, r);
  });
  INFO("equipment loans, window on - off: " << gain.mean << " +- " << 2 * gain.se);
  CHECK(gain.mean - 2 * gain.se > 0);
  // A small quota lends less.
  const auto tight = scenario({kRewardOff, "programmes.window.budget_per_year=\"300万\""});
  const auto rationed = paired(6, [&](std::uint64_t r) {
    return loan_months(on, {"equipment"}, r) - loan_months(tight, {"equipment"}, r);
  });
  INFO("equipment loans, ample - tight quota: " << rationed.mean << " +- " << 2 * rationed.se);
  CHECK(rationed.mean - 2 * rationed.se > 0);
}

TEST_CASE("a run branched from a mid-year checkpoint keeps the reward's base and the quota used",
          "[programmes][finance_banks][checkpoint]") {
  // At 2016-06 the reward's loan base (set at the start of 2016) and the window's loans this year
  // (its 300万 quota binds) are mid-year state: a branch that lost them would pay December 2016's
  // reward on the whole stock and lend a fresh quota.
  const auto dir = test::scratch_dir() / "finance_banks_checkpoint";
  std::filesystem::create_directories(dir);
  const auto sc = scenario({"programmes.window.budget_per_year=\"300万\""});
  model::RunOptions o;
  o.replications = 2;
  o.threads = 2;
  o.checkpoint_at = 2016 * 12 + 5;
  o.checkpoint_path = (dir / "ck.bin").string();
  o.output = (dir / "base.h5").string();
  model::run_scenario(sc, o);
  model::RunOptions b;
  b.replications = 2;
  b.threads = 1;
  b.branch_from = o.checkpoint_path;
  b.output = (dir / "branched.h5").string();
  model::run_scenario(sc, b);
  engine::h5::Reader fb(b.output), fo(o.output);
  for (const char* name : {"output", "loans_outstanding", "policy_bank_outstanding", "subsidy_paid"}) {
    INFO(name);
    CHECK(fb.doubles(name).data == fo.doubles(name).data);
  }
}
