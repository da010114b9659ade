// Entry rules (entry_rules.hpp).
#include "programmes/entry_rules.hpp"

#include <algorithm>

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

}  // namespace parksim::model::entry_rules
