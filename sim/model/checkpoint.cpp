// Checkpoint files: one archive routine serves both directions, so what is written is exactly
// what is read.
#include "parksim/model/checkpoint.hpp"

#include <fmt/format.h>

#include <cstring>
#include <filesystem>
#include <type_traits>

#include "parksim/engine/error.hpp"

namespace parksim::model {

namespace {

constexpr char kMagic[8] = {'P', 'K', 'S', 'M', 'C', 'K', '0', '1'};

struct Out {
  std::ofstream& s;
  template <class T>
  void pod(T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    s.write(reinterpret_cast<const char*>(&v), sizeof(T));
  }
  template <class T>
  void vec(std::vector<T>& v) {
    std::uint64_t n = v.size();
    pod(n);
    if constexpr (std::is_same_v<T, bool>) {
      for (bool b : v) { std::uint8_t x = b; pod(x); }
    } else {
      static_assert(std::is_trivially_copyable_v<T>);
      s.write(reinterpret_cast<const char*>(v.data()), std::streamsize(n * sizeof(T)));
    }
  }
};

struct In {
  std::ifstream& s;
  const std::string& path;
  template <class T>
  void pod(T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (!s.read(reinterpret_cast<char*>(&v), sizeof(T))) throw Error(fmt::format("{}: checkpoint file is truncated", path));
  }
  template <class T>
  void vec(std::vector<T>& v) {
    std::uint64_t n = 0;
    pod(n);
    if (n > (std::uint64_t(1) << 40)) throw Error(fmt::format("{}: checkpoint file is damaged", path));
    v.resize(n);
    static_assert(std::is_trivially_copyable_v<T>);
    if (n && !s.read(reinterpret_cast<char*>(v.data()), std::streamsize(n * sizeof(T))))
      throw Error(fmt::format("{}: checkpoint file is truncated", path));
  }
};

template <class A>
void archive_record(A& a, StepRecord& r) {
  a.vec(r.cube); a.vec(r.subsidy); a.vec(r.zone_talent); a.vec(r.zone_land); a.vec(r.zone_wage); a.vec(r.zone_housing);
  for (double* x : {&r.risk_pool_paid, &r.guarantee_paid, &r.credit_line_drawn, &r.vc_invested, &r.guidance_invested,
                    &r.unicorns, &r.hidden_champions, &r.listed, &r.retrofits, &r.first_units, &r.anchor_projects,
                    &r.patents, &r.land_revoked, &r.floor_added, &r.incubators, &r.centres_preparing,
                    &r.centres_operating, &r.centres_revoked, &r.centre_results})
    a.pod(*x);
}

template <class A>
void archive_snapshots(A& a, SnapshotRows& s) {
  a.vec(s.replication); a.vec(s.year); a.vec(s.zone); a.vec(s.sector); a.vec(s.employees); a.vec(s.id);
  a.vec(s.age); a.vec(s.output); a.vec(s.productivity); a.vec(s.capital); a.vec(s.rd_intensity);
  a.vec(s.alive); a.vec(s.high_tech);
}

// Every dynamic part of a World. Terms, eligibility and the scenario itself come from the
// scenario the World was built with.
template <class A>
void archive_world(A& a, World& w) {
  a.pod(w.step);
  a.pod(w.month);
  w.firms.visit([&](auto& col) { a.vec(col); });
  w.talent.visit([&](auto& col) { a.vec(col); });
  static_assert(std::is_trivially_copyable_v<ZoneState> && std::is_trivially_copyable_v<Funds>);
  a.vec(w.zones);
  for (auto& p : w.programmes) {
    for (double* x : {&p.paid_total, &p.paid_this_year, &p.paid_this_step, &p.fund_left, &p.drawn, &p.units}) a.pod(*x);
    a.pod(p.active);
    a.pod(p.budget_left);
    a.vec(p.paid_to_firm_this_year);
  }
  a.pod(w.funds);
  auto& c = w.cluster;
  for (auto* v : {&c.employment, &c.output, &c.firms, &c.best_productivity, &c.mean_productivity, &c.platforms,
                  &c.agglomeration, &c.sector_mean_productivity, &c.sector_mean_output})
    a.vec(*v);
  for (auto* v : {&w.platforms, &w.sector_market, &w.sector_frontier, &w.entries_cell, &w.exits_cell, &w.attract_ref,
                  &w.demand_factor, &w.capacity_factor, &w.anchor_land})
    a.vec(*v);
  a.pod(w.next_firm_id);
  for (double* x : {&w.retrofits, &w.first_units, &w.talent_outside, &w.anchor_projects, &w.patents_this_step,
                    &w.land_revoked, &w.centre_results})
    a.pod(*x);
  a.pod(w.entries_this_step);
  std::uint64_t centres = w.centres.size();
  a.pod(centres);
  w.centres.resize(centres);
  for (auto& ct : w.centres) {
    a.pod(ct.id); a.pod(ct.programme); a.pod(ct.sector); a.pod(ct.zone); a.pod(ct.corporate); a.pod(ct.stage);
    a.pod(ct.selected); a.pod(ct.stage_end); a.pod(ct.operating_since); a.pod(ct.ended);
    a.vec(ct.members);
    a.pod(ct.results); a.pod(ct.results_at_review); a.pod(ct.results_at_evaluation); a.pod(ct.suspended);
  }
}

template <class A>
void archive_header(A& a, CheckpointHeader& h) {
  a.pod(h.month); a.pod(h.start); a.pod(h.end); a.pod(h.seed); a.pod(h.replications);
  a.pod(h.zones); a.pod(h.sectors); a.pod(h.programmes); a.pod(h.events);
}

}  // namespace

void append_rows(SnapshotRows& to, const SnapshotRows& rows) {
  auto cat = [](auto& a, const auto& b) { a.insert(a.end(), b.begin(), b.end()); };
  cat(to.replication, rows.replication); cat(to.year, rows.year); cat(to.zone, rows.zone); cat(to.sector, rows.sector);
  cat(to.employees, rows.employees); cat(to.id, rows.id); cat(to.age, rows.age); cat(to.output, rows.output);
  cat(to.productivity, rows.productivity); cat(to.capital, rows.capital); cat(to.rd_intensity, rows.rd_intensity);
  cat(to.alive, rows.alive); cat(to.high_tech, rows.high_tech);
}

CheckpointWriter::CheckpointWriter(const std::string& path, const CheckpointHeader& header) : path_(path) {
  out_.open(path + ".partial", std::ios::binary | std::ios::trunc);
  if (!out_) throw OutputError(fmt::format("{}: cannot write the checkpoint", path));
  out_.write(kMagic, sizeof kMagic);
  Out a{out_};
  auto h = header;
  archive_header(a, h);
}

CheckpointWriter::~CheckpointWriter() {
  if (!committed_) {
    out_.close();
    std::error_code ec;
    std::filesystem::remove(path_ + ".partial", ec);
  }
}

void CheckpointWriter::add(World& world, ReplicationRecords& records, SnapshotRows& snapshots) {
  Out a{out_};
  archive_world(a, world);
  std::uint64_t n = records.steps.size();
  a.pod(n);
  for (auto& r : records.steps) archive_record(a, r);
  archive_snapshots(a, snapshots);
}

void CheckpointWriter::commit() {
  out_.close();
  if (!out_) throw OutputError(fmt::format("{}: writing the checkpoint failed (disk full?)", path_));
  std::filesystem::rename(path_ + ".partial", path_);
  committed_ = true;
}

CheckpointReader::CheckpointReader(const std::string& path) : path_(path), in_(path, std::ios::binary) {
  char magic[sizeof kMagic];
  if (!in_ || !in_.read(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof magic) != 0)
    throw Error(fmt::format("{}: not a parksim checkpoint (or from another version)", path));
  In a{in_, path_};
  archive_header(a, header_);
}

void CheckpointReader::restore(World& world, ReplicationRecords& records, SnapshotRows& snapshots) {
  In a{in_, path_};
  archive_world(a, world);
  std::uint64_t n = 0;
  a.pod(n);
  records.steps.resize(n);
  for (auto& r : records.steps) archive_record(a, r);
  archive_snapshots(a, snapshots);
}

}  // namespace parksim::model
