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
