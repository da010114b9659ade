// Checkpoint files: one archive routine serves both directions, so what is written is exactly
// what is read. Layout: magic, header, replications, then the checksum of all bytes before it.
#include "parksim/model/detail/checkpoint.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <type_traits>

#include "parksim/engine/error.hpp"
#include "parksim/model/units.hpp"
#include "programmes/programme.hpp"

namespace parksim::model {

namespace {

// Version 02 added the fingerprint, the checksum and the checks on reading.
// 03: scalar series in records.hpp order; risk-pool cover per programme.
// 04: per programme and zone x sector, payments to firms this step and entrants' expected support.
// 05: the amount each programme replenished (risk pools' yearly top-up).
// 06: firms' land contracts (lease-then-sell leases, contract land, lease and term ends).
// 07: two firm columns, this month's industrialisation project and its unfinanced part.
// 08: talent agents' foreign/returnee trait; housing programmes count the units they added
// (ProgrammeState::units).
// 09: talent agents' settlement place (Talent::settled); places granted this year per programme.
// 10: standard factories: firms' rented factory floor and floor request, zones' factory stock.
// 11: credit rewards' loan base and policy banks' lending this year (ProgrammeState).
// 13: firms' income-tax accounts (provisional payments, loss vintages; agents/tax.cpp).
// 14: zones' key-project land added to their industrial area (ZoneState::land_added).
constexpr char kMagic[8] = {'P', 'K', 'S', 'M', 'C', 'K', '1', '7'};
constexpr std::uint64_t kMaxString = 1u << 16;

struct Out {
  std::ostream& s;
  std::uint64_t& checksum;
  void bytes(const void* p, std::size_t n) {
    s.write(static_cast<const char*>(p), std::streamsize(n));
    checksum = checkpoint_checksum(static_cast<const char*>(p), n, checksum);
  }
  template <class T>
  void pod(T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes(&v, sizeof(T));
  }
  template <class T>
  void vec(std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    std::uint64_t n = v.size();
    pod(n);
    bytes(v.data(), n * sizeof(T));
  }
  void str(std::string& v) {
    std::uint64_t n = v.size();
    pod(n);
    bytes(v.data(), n);
  }
  void count(std::uint64_t& n, std::size_t) { pod(n); }
};

// Reads from `pos` up to `end` (the checksum), refusing anything that would run past it, so that
// no length read from the file can ask for more memory than the file has bytes.
struct In {
  std::istream& s;
  const std::string& path;
  std::uint64_t& pos;
  std::uint64_t end;

  [[noreturn]] void damaged(const std::string& what) const {
    throw Error(fmt::format("{}: checkpoint file is damaged ({})", path, what));
  }
  void bytes(void* p, std::size_t n) {
    if (n > end - pos) damaged("a length runs past the end of the file");
    if (n && !s.read(static_cast<char*>(p), std::streamsize(n))) damaged("cannot read it");
    pos += n;
  }
  template <class T>
  void pod(T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    if constexpr (std::is_same_v<T, bool>) {
      std::uint8_t x = 0;
      bytes(&x, 1);
      if (x > 1) damaged("a flag is neither 0 nor 1");
      v = x != 0;
    } else {
      bytes(&v, sizeof(T));
    }
  }
  // A count of items of at least `min_bytes` each, checked against the bytes left.
  void count(std::uint64_t& n, std::size_t min_bytes) {
    pod(n);
    if (n > (end - pos) / min_bytes)
      damaged(fmt::format("a count of {} is more than the file holds", n));
  }
  template <class T>
  void vec(std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T> && !std::is_same_v<T, bool>);
    std::uint64_t n = 0;
    count(n, sizeof(T));
    v.resize(n);
    bytes(v.data(), n * sizeof(T));
  }
  void str(std::string& v) {
    std::uint64_t n = 0;
    count(n, 1);
    if (n > kMaxString) damaged("a name is too long");
    v.resize(n);
    bytes(v.data(), n);
  }
};

template <class A>
void archive_record(A& a, StepRecord& r) {
  a.vec(r.cube);
  a.vec(r.subsidy);
  a.vec(r.zone_talent);
  a.vec(r.zone_land);
  a.vec(r.zone_wage);
  a.vec(r.zone_housing);
  for (double& x : r.scalars) a.pod(x);
}
constexpr std::size_t kRecordMinBytes = 6 * 8 + kScalarCount * 8;

template <class A>
void archive_snapshots(A& a, SnapshotRows& s) {
  a.vec(s.replication);
  a.vec(s.year);
  a.vec(s.zone);
  a.vec(s.sector);
  a.vec(s.employees);
  a.vec(s.id);
  a.vec(s.age);
  a.vec(s.output);
  a.vec(s.productivity);
  a.vec(s.capital);
  a.vec(s.rd_intensity);
  a.vec(s.alive);
  a.vec(s.high_tech);
  a.vec(s.valuation);
  a.vec(s.listed);
  a.vec(s.vc_backed);
  a.vec(s.hidden_champion);
  a.vec(s.unicorn);
}

template <class A>
void archive_centres(A& a, std::vector<Centre>& centres) {
  std::uint64_t n = centres.size();
  a.count(n, 40);
  centres.resize(n);
  for (auto& ct : centres) {
    a.pod(ct.id);
    a.pod(ct.programme);
    a.pod(ct.sector);
    a.pod(ct.zone);
    a.pod(ct.corporate);
    a.pod(ct.stage);
    a.pod(ct.selected);
    a.pod(ct.stage_end);
    a.pod(ct.operating_since);
    a.pod(ct.ended);
    a.vec(ct.members);
    a.pod(ct.results);
    a.pod(ct.results_at_review);
    a.pod(ct.results_at_evaluation);
    a.pod(ct.suspended);
  }
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
    for (double* x : {&p.paid_total, &p.paid_this_year, &p.paid_this_step, &p.fund_left, &p.drawn,
                      &p.units, &p.replenished, &p.units_this_year, &p.loan_base, &p.lent_this_year})
      a.pod(*x);
    a.pod(p.active);
    a.pod(p.budget_left);
    a.vec(p.paid_to_firm_this_year);
    a.vec(p.covered_debt);
    a.vec(p.paid_cell_this_step);
    a.vec(p.support_per_firm_year);
  }
  a.pod(w.funds);
  auto& c = w.cluster;
  for (auto* v :
       {&c.employment, &c.output, &c.firms, &c.best_productivity, &c.mean_productivity,
        &c.platforms, &c.agglomeration, &c.sector_mean_productivity, &c.sector_mean_output})
    a.vec(*v);
  for (auto* v :
       {&w.platforms, &w.sector_market, &w.sector_frontier, &w.entries_cell, &w.exits_cell,
        &w.attract_ref, &w.demand_factor, &w.capacity_factor, &w.anchor_land})
    a.vec(*v);
  a.pod(w.next_firm_id);
  for (double* x : {&w.retrofits, &w.first_units, &w.talent_outside, &w.anchor_projects,
                    &w.patents_this_step, &w.land_revoked, &w.centre_results})
    a.pod(*x);
  a.pod(w.entries_this_step);
  archive_centres(a, w.centres);
}

template <class A>
void archive_names(A& a, std::vector<std::string>& v) {
  std::uint64_t n = v.size();
  a.count(n, 8);
  v.resize(n);
  for (auto& s : v) a.str(s);
}

template <class A>
void archive_header(A& a, CheckpointHeader& h) {
  a.pod(h.month);
  a.pod(h.start);
  a.pod(h.end);
  a.pod(h.seed);
  a.pod(h.replications);
  archive_names(a, h.zones);
  a.vec(h.zone_areas);
  a.vec(h.zone_figures);
  archive_names(a, h.sectors);
  a.vec(h.sector_figures);
  archive_names(a, h.programmes);
  archive_names(a, h.programme_kinds);
  archive_names(a, h.events);
  archive_names(a, h.event_kinds);
}

// Checks that a restored World's lengths and indices agree with the header and the World's
// scenario, so that no phase indexes past a column.
void check_world(const In& in, World& w, const CheckpointHeader& h) {
  const World& cw = w;
  const std::size_t Z = w.sc.zones.size(), S = w.sc.sectors.size(), P = w.sc.programmes.size();
  const std::size_t C = Z * S, N = w.firms.size(), M = w.talent.size();
  auto length = [&](std::size_t got, std::size_t want, const char* what) {
    if (got != want) in.damaged(fmt::format("{} has {} values, expected {}", what, got, want));
  };
  // The first phase of a step sets the month, so a state saved before the step still holds the
  // previous month.
  if (w.month != h.month - 1 || w.step != h.month - h.start)
    in.damaged(fmt::format("the state is at step {} month {}, the header says {}", w.step, w.month,
                           units::format_month(h.month)));
  w.firms.visit([&](const auto& col) { length(col.size(), N, "a firm column"); });
  w.talent.visit([&](const auto& col) { length(col.size(), M, "a talent column"); });
  for (std::size_t i = 0; i < N; ++i)
    if (w.firms.zone[i] >= Z || w.firms.sector[i] >= S || w.firms.expansion_programme[i] < -1 ||
        w.firms.expansion_programme[i] >= std::int64_t(P))
      in.damaged(fmt::format("firm slot {} has zone {}, sector {}, programme {}", i,
                             w.firms.zone[i], w.firms.sector[i], w.firms.expansion_programme[i]));
  for (std::size_t a = 0; a < M; ++a)
    if (w.talent.level[a] > 1 || w.talent.foreign[a] > 1 ||
        (w.talent.zone[a] >= Z && w.talent.zone[a] != kOutside) || w.talent.employer[a] < -1 ||
        w.talent.employer[a] >= std::int64_t(N) || w.talent.settled[a] > P)
      in.damaged(
          fmt::format("talent agent {} has level {}, zone {}, employer {} ({} firms), "
                      "settlement programme {}",
                      a, w.talent.level[a], w.talent.zone[a], w.talent.employer[a], N,
                      int(w.talent.settled[a]) - 1));
  length(w.zones.size(), Z, "the zone states");
  for (std::size_t p = 0; p < w.programmes.size(); ++p) {
    length(w.programmes[p].paid_to_firm_this_year.size(), N, "a programme's awards per firm");
    length(w.programmes[p].covered_debt.size(), kind_info(w.terms[p].kind).covers_loans ? N : 0,
           "a risk pool's covered debt per firm");
    length(w.programmes[p].paid_cell_this_step.size(), C, "a programme's payments per cell");
    length(w.programmes[p].support_per_firm_year.size(), C, "a programme's support per cell");
  }
  const auto& c = cw.cluster;
  for (const auto* v : {&c.employment, &c.output, &c.firms, &c.best_productivity,
                        &c.mean_productivity, &c.agglomeration, &cw.platforms, &cw.entries_cell,
                        &cw.exits_cell, &cw.demand_factor, &cw.capacity_factor})
    length(v->size(), C, "a zone x sector column");
  // Filled lazily (attract_ref) or not at all (the cluster's platforms): empty is fine too.
  for (const auto* v : {&cw.attract_ref, &c.platforms})
    if (!v->empty()) length(v->size(), C, "a zone x sector column");
  for (const auto* v :
       {&c.sector_mean_productivity, &c.sector_mean_output, &cw.sector_market, &cw.sector_frontier})
    length(v->size(), S, "a sector column");
  length(w.anchor_land.size(), w.sc.events.size(), "the anchor projects' land");
  for (const auto& ct : w.centres)
    if (ct.programme < 0 || std::size_t(ct.programme) >= P || ct.sector >= S || ct.zone >= Z ||
        ct.stage > CentreStage::Revoked)
      in.damaged(fmt::format("innovation centre {} has programme {}, sector {}, zone {}", ct.id,
                             ct.programme, ct.sector, ct.zone));
}

void check_records(const In& in, const World& w, const ReplicationRecords& records,
                   const SnapshotRows& s, int replication) {
  const std::size_t Z = w.sc.zones.size(), S = w.sc.sectors.size(), P = w.sc.programmes.size();
  if (records.steps.size() != std::size_t(w.step))
    in.damaged(
        fmt::format("{} monthly records for a state at step {}", records.steps.size(), w.step));
  for (const auto& r : records.steps)
    if (r.cube.size() != std::size_t(kSeriesCount) * Z * S || r.subsidy.size() != P ||
        r.zone_talent.size() != 2 * Z || r.zone_land.size() != Z || r.zone_wage.size() != Z ||
        r.zone_housing.size() != Z)
      in.damaged("a monthly record has the wrong shape");
  const std::size_t rows = s.id.size();
  for (std::size_t n :
       {s.replication.size(), s.year.size(), s.zone.size(), s.sector.size(), s.employees.size(),
        s.age.size(), s.output.size(), s.productivity.size(), s.capital.size(),
        s.rd_intensity.size(), s.alive.size(), s.high_tech.size(), s.valuation.size(),
        s.listed.size(), s.vc_backed.size(), s.hidden_champion.size(), s.unicorn.size()})
    if (n != rows) in.damaged(fmt::format("a snapshot column has {} rows, expected {}", n, rows));
  for (std::size_t i = 0; i < rows; ++i)
    if (s.replication[i] != replication || s.zone[i] < 0 || std::size_t(s.zone[i]) >= Z ||
        s.sector[i] < 0 || std::size_t(s.sector[i]) >= S || s.year[i] < w.sc.info.start / 12 ||
        s.year[i] > w.month / 12)
      in.damaged(fmt::format("snapshot row {} has replication {}, zone {}, sector {}, year {}", i,
                             s.replication[i], s.zone[i], s.sector[i], s.year[i]));
}

void check_header(const In& in, const CheckpointHeader& h) {
  if (h.start < 0 || h.end < h.start || h.month <= h.start || h.month > h.end)
    in.damaged(fmt::format("month {} outside the run {}..{}", h.month, h.start, h.end));
  if (h.replications < 1) in.damaged(fmt::format("{} replications", h.replications));
  if (h.zone_areas.size() != h.zones.size() || h.zone_figures.size() != h.zones.size() ||
      h.sector_figures.size() != h.sectors.size() ||
      h.programme_kinds.size() != h.programmes.size() || h.event_kinds.size() != h.events.size())
    in.damaged("the header's lists disagree in length");
}

}  // namespace

void append_rows(SnapshotRows& to, const SnapshotRows& rows) {
  auto cat = [](auto& a, const auto& b) { a.insert(a.end(), b.begin(), b.end()); };
  cat(to.replication, rows.replication);
  cat(to.year, rows.year);
  cat(to.zone, rows.zone);
  cat(to.sector, rows.sector);
  cat(to.employees, rows.employees);
  cat(to.id, rows.id);
  cat(to.age, rows.age);
  cat(to.output, rows.output);
  cat(to.productivity, rows.productivity);
  cat(to.capital, rows.capital);
  cat(to.rd_intensity, rows.rd_intensity);
  cat(to.alive, rows.alive);
  cat(to.high_tech, rows.high_tech);
  cat(to.valuation, rows.valuation);
  cat(to.listed, rows.listed);
  cat(to.vc_backed, rows.vc_backed);
  cat(to.hidden_champion, rows.hidden_champion);
  cat(to.unicorn, rows.unicorn);
}

CheckpointWriter::CheckpointWriter(const std::string& path, const CheckpointHeader& header)
    : path_(path),
      file_(std::make_unique<engine::OutputFile>(path)),
      checksum_(checkpoint_checksum(nullptr, 0)) {
  out_.open(file_->temporary(), std::ios::binary | std::ios::trunc);
  if (!out_) throw OutputError(fmt::format("{}: cannot write the checkpoint", path));
  Out a{out_, checksum_};
  a.bytes(kMagic, sizeof kMagic);
  auto h = header;
  archive_header(a, h);
}

// The stream closes before file_ removes an uncommitted temporary (members die in reverse order).
CheckpointWriter::~CheckpointWriter() = default;

void CheckpointWriter::add(World& world, ReplicationRecords& records, SnapshotRows& snapshots) {
  Out a{out_, checksum_};
  archive_world(a, world);
  std::uint64_t n = records.steps.size();
  a.count(n, kRecordMinBytes);
  for (auto& r : records.steps) archive_record(a, r);
  archive_snapshots(a, snapshots);
}

void CheckpointWriter::commit() {
  out_.write(reinterpret_cast<const char*>(&checksum_), sizeof checksum_);
  out_.close();
  if (!out_)
    throw OutputError(fmt::format("{}: writing the checkpoint failed: {}", path_,
                                  engine::write_failure_reason(path_, errno)));
  file_->commit();
}

CheckpointReader::CheckpointReader(const std::string& path)
    : path_(path), in_(std::make_unique<std::ifstream>(path, std::ios::binary)) {
  if (!*in_) throw Error(fmt::format("{}: cannot read the checkpoint", path));
  open();
}

CheckpointReader::CheckpointReader(const std::string& name, std::string bytes)
    : path_(name), in_(std::make_unique<std::istringstream>(std::move(bytes), std::ios::binary)) {
  open();
}

CheckpointReader::~CheckpointReader() = default;

// Verifies the magic and the checksum of the whole file before reading anything from it.
void CheckpointReader::open() {
  auto& s = *in_;
  s.seekg(0, std::ios::end);
  const auto size = std::uint64_t(std::max<std::streamoff>(0, s.tellg()));
  s.seekg(0);
  char magic[sizeof kMagic] = {};
  if (size < sizeof kMagic + sizeof(std::uint64_t) || !s.read(magic, sizeof magic) ||
      std::memcmp(magic, kMagic, sizeof magic) != 0)
    throw Error(fmt::format("{}: not a parksim checkpoint (or from another version)", path_));
  payload_end_ = size - sizeof(std::uint64_t);
  std::uint64_t sum = checkpoint_checksum(magic, sizeof magic);
  std::vector<char> chunk(1 << 16);
  for (std::uint64_t pos = sizeof magic; pos < payload_end_;) {
    const auto n = std::size_t(std::min<std::uint64_t>(chunk.size(), payload_end_ - pos));
    if (!s.read(chunk.data(), std::streamsize(n)))
      throw Error(fmt::format("{}: cannot read the checkpoint", path_));
    sum = checkpoint_checksum(chunk.data(), n, sum);
    pos += n;
  }
  std::uint64_t stored = 0;
  if (!s.read(reinterpret_cast<char*>(&stored), sizeof stored) || stored != sum)
    throw Error(fmt::format(
        "{}: checkpoint file is damaged (its checksum does not match: changed or cut short)",
        path_));
  s.seekg(sizeof magic);
  pos_ = sizeof magic;
  In a{s, path_, pos_, payload_end_};
  archive_header(a, header_);
  check_header(a, header_);
}

void CheckpointReader::require_matches(const Scenario& sc, std::int64_t seed,
                                       int replications) const {
  const auto now = checkpoint_header(sc, header_.month, seed, replications);
  auto bad = scenario_differences(header_, now);
  const char* what =
      bad.empty() ? "cannot branch from this checkpoint" : "checkpoint of another scenario";
  if (header_.month > sc.info.end)
    bad.push_back(fmt::format("its month {} lies after the scenario's end {}",
                              units::format_month(header_.month),
                              units::format_month(sc.info.end)));
  if (header_.seed != seed)
    bad.push_back(fmt::format("seed {} (this run: {})", header_.seed, seed));
  if (header_.replications != replications)
    bad.push_back(
        fmt::format("{} replications (this run: {})", header_.replications, replications));
  if (!bad.empty()) throw Error(fmt::format("{}: {}: {}", path_, what, fmt::join(bad, "; ")));
}

void CheckpointReader::restore(World& world, ReplicationRecords& records, SnapshotRows& snapshots) {
  const auto dims = checkpoint_header(world.sc, header_.month, header_.seed, header_.replications);
  if (!scenario_differences(header_, dims).empty())
    throw Error(fmt::format("{}: checkpoint of another scenario", path_));
  if (restored_ >= header_.replications)
    throw Error(
        fmt::format("{}: the checkpoint holds only {} replications", path_, header_.replications));
  In a{*in_, path_, pos_, payload_end_};
  archive_world(a, world);
  check_world(a, world, header_);
  std::uint64_t n = 0;
  a.count(n, kRecordMinBytes);
  records.steps.resize(n);
  for (auto& r : records.steps) archive_record(a, r);
  archive_snapshots(a, snapshots);
  check_records(a, world, records, snapshots, restored_);
  if (++restored_ == header_.replications && pos_ != payload_end_)
    a.damaged(fmt::format("{} bytes after the last replication", payload_end_ - pos_));
}

}  // namespace parksim::model
