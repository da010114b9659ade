#pragma once
// First-unit (首台) support, document 000 L1 and L2: a grant on the first sales contract of a
// breakthrough product (L1, "给予不超过首台装备销售合同金额的30%，最高3000万元的无偿资助") and a
// subsidy of the premium of first-unit insurance (L2, "按照3%的保费率上限及实际投保年度保费的80%
// 给予不超过3年的保费补贴"), which makes buyers more willing to accept an unproven product. They
// are two separate policies and complements: a firm decides insurance on its own merits and is paid
// the grant on any first-unit sale, insured or not.
#include "parksim/engine/rng.hpp"
#include "parksim/model/detail/world.hpp"
#include "programmes/programme.hpp"

namespace parksim::model::first_unit {

// What a breakthrough of this firm now would bring: the contract, the grant on it, whether the
// firm insures, the chance of a sale and the programme money it can expect.
struct Prospect {
  double contract = 0;          // CNY, first-unit sale contract
  double sale_value = 0;        // CNY, margin on the contract plus the L1 grant
  Offer grant;                  // L1 grant on the contract (paid on a sale)
  int insurance = -1;           // L2 programme, or -1
  double premium_year = 0;      // CNY/year, market premium at the capped rate
  double subsidy_total = 0;     // CNY, L2 refund over the insured years
  int years = 0;                // insured years
  bool insured = false;         // the firm insures (only if it pays for itself)
  double p_sale = 0;            // chance of a first-unit sale given the insurance choice
  double expected_support = 0;  // CNY, p_sale x (grant + premium refund)
};
Prospect prospect(const World& w, std::size_t firm);

// Expected first-unit support a year relative to the firm's own R&D cost a year:
// P(breakthrough within a year, from the innovation rule at its base R&D) x expected support per
// breakthrough / (rd_base x annual sales). `p_breakthrough_year` comes from phase_innovation.
double rd_return(const World& w, std::size_t firm, double p_breakthrough_year);
// A breakthrough of an IM firm: decide insurance, maybe sell a first unit, claim the grant on it.
void on_breakthrough(World& w, std::size_t firm, engine::Stream& rng);
// The monthly premium refund of an insured first unit while its insured months last.
void refund_premium(World& w, std::size_t firm);

}  // namespace parksim::model::first_unit
