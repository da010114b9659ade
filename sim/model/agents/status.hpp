#pragma once
// Internal to the model: the status definitions the December status phase applies, and the
// valuation of venture rounds they rest on, exposed so that tests can check them firm by firm.
#include <cstddef>

#include "parksim/model/detail/world.hpp"

namespace parksim::model {

// Post-money valuation of a venture round of `round` CNY in firm i this month (agents/banks.cpp).
double post_money_valuation(const World& w, std::size_t i, double round);

// The firm's valuation in December: its last round's post-money marked with its sales since the
// round (0 for a firm never funded).
double marked_valuation(const World& w, std::size_t i);

// A hidden champion this December: in its segment's top three, long enough in it, not too large.
bool is_hidden_champion(const World& w, std::size_t i);

// A unicorn this December: VC-backed, unlisted, young enough, valued at unicorn_valuation or more.
bool is_unicorn(const World& w, std::size_t i);

}  // namespace parksim::model
