// The registry's lines, one function per group of families (registry_<group>.cpp). Internal to
// registry.cpp, which gathers them and puts them in ProgrammeKind order.
#pragma once

#include <vector>

#include "programmes/programme.hpp"

namespace parksim::model {

void add_investment_kinds(std::vector<ProgrammeKindInfo>& kinds);
void add_finance_kinds(std::vector<ProgrammeKindInfo>& kinds);
void add_talent_kinds(std::vector<ProgrammeKindInfo>& kinds);
void add_land_kinds(std::vector<ProgrammeKindInfo>& kinds);
void add_innovation_kinds(std::vector<ProgrammeKindInfo>& kinds);

}  // namespace parksim::model
