#pragma once
// Land quotas: new construction land reserved each year for key industrial projects (002 line
// 162: 市统筹新增建设用地计划指标1平方公里用于市级重点产业项目, 并向品牌园区倾斜; 004 line 101:
// 用地计划指标优先支持智能制造领域重大产业项目). A key project the parks' free land cannot serve
// gets its parcel from the quota, which adds that land to its zone's industrial area
// (World::industrial_area); the quota of a year lapses at its end (计划指标 are yearly).
#include <vector>

#include "parksim/engine/clearing.hpp"
#include "parksim/model/detail/world.hpp"

namespace parksim::model::key_project_land {

// Whether firm i's land request is a key project of programme p: the firm is eligible (sectors,
// zones, SME rule) and its output last year was at least min_project (model.key_project_min_output
// when the programme sets none).
bool is_key_project(const World& w, std::size_t programme, std::size_t firm);
// m2 of quota land each request gets, in the order of `unmet` (requests the zones' free land did
// not meet): each active programme clears its key projects by rank (output per m2, as the parks
// do) against the quota left this calendar year, whole parcels only; the land granted is added to
// the firm's zone (ZoneState::land_added) and counted in the programme's units (m2).
std::vector<double> grant(World& w, const std::vector<engine::Request>& unmet);

}  // namespace parksim::model::key_project_land

// Land reduction (减量化, 002 line 162: 198区域减量化增减挂钩用于支持新增工业项目的土地指标不低于
// 1/3; 003 line 148: 工业用地减量化指标总体上按照不低于1/3比例用于重点制造业项目). Each programme
// year the programme buys out the least dense firms of its zones (output per mu, 以亩均论英雄) until
// land_per_year m2 of their land is reached, paying `amount` per m2 within budget_per_year; they
// leave at the exit phase and their land leaves industrial use (the zone's industrial area
// shrinks). `rate` of the land reduced becomes construction-land quota (增减挂钩) for industrial
// projects of other zones, kept until used (ProgrammeState::fund_left, m2).
namespace parksim::model::land_reduction {

// Calendar hook: the year's buy-outs, in the programme's first month and each January.
void reduce_year(World& w, std::size_t programme);
// m2 of reduction quota each request gets (0 where `granted` already holds a grant): requests of
// firms outside the programmes' zones the parks' free land did not meet, densest first, whole
// parcels; the land is added to the firm's zone.
std::vector<double> grant(World& w, const std::vector<engine::Request>& unmet,
                          const std::vector<double>& granted);

}  // namespace parksim::model::land_reduction
