// Entry rules and phase-outs (entry_rules.hpp).
#include "programmes/entry_rules.hpp"

#include <algorithm>

#include "parksim/engine/rng.hpp"
#include "programmes/programme.hpp"

namespace parksim::model::entry_rules {

double admitted_share(const World& w, std::size_t z, std::size_t s) {
  double admitted = 1.0;
  const std::size_t c = w.cell(z, s);
  for (const std::size_t p : w.programmes_of(ProgrammeKind::EntryRestriction))
    if (w.programmes[p].active && w.eligibility[p * w.cells() + c])
      admitted *= 1.0 - std::clamp(w.terms[p].rate, 0.0, 1.0);
  return admitted;
}

void phase_out_year(World& w, std::size_t p) {
  const auto& terms = w.terms[p];
  if (!w.is_january() && w.month != terms.from) return;
  auto& f = w.firms;
  // Draws keyed by the programme's id and the firm: another programme switched off does not move
  // them, and the same firm draws anew each year.
  const auto draws = w.streams("phase_out");
  const std::uint64_t key = engine::decision_id(terms.id);
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (!f.alive[i] || f.land_revoked[i] || !w.eligibility[p * w.cells() + w.cell(f.zone[i], f.sector[i])])
      continue;
    if (terms.sme_only && !w.is_sme(i)) continue;
    if (draws(key ^ std::uint64_t(f.id[i])).uniform() >= terms.rate) continue;
    // Compensation for the land given up (and the plant on it): cash the firm leaves with, from
    // which its lenders recover first at exit.
    const double compensation = terms.amount * (f.land(i) + f.land_pending[i]);
    f.cash[i] += compensation;
    book(w, p, compensation);  // not World::pay: a leaving firm's compensation is no support
                               // an entrant of the cell could expect
    f.land_revoked[i] = 1;  // leaves at the exit phase, which frees its land
  }
}

}  // namespace parksim::model::entry_rules
