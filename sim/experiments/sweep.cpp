// Sweeps: journals, resume, dynamic distribution, assembly of SWEEP.h5 (metrics: sweep_metrics.cpp).
#include "parksim/experiments/sweep.hpp"

#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <numeric>
#include <sstream>
#include <thread>

#ifdef PARKSIM_HAVE_MPI
#include <mpi.h>
#endif

#include "journal.hpp"
#include "parksim/engine/error.hpp"
#include "parksim/engine/h5_writer.hpp"
#include "parksim/experiments/design.hpp"
#include "parksim/model/calendar.hpp"
#include "parksim/model/run.hpp"
#include "parksim/version.hpp"

namespace parksim::experiments {

namespace fs = std::filesystem;

namespace {

// ------------------------------------------------------------------ journal key

std::uint64_t fnv1a(std::uint64_t h, const void* data, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

// Identifies a sweep: the scenario as composed, the design's points, the metrics, the replications.
std::string sweep_key(const model::Scenario& sc, const Design& d,
                      const std::vector<MetricSpec>& metrics, int reps) {
  std::uint64_t h = 1469598103934665603ull;
  h = fnv1a(h, sc.resolved_text.data(), sc.resolved_text.size());
  for (const auto& row : d.unit) h = fnv1a(h, row.data(), row.size() * sizeof(double));
  for (const auto& p : d.space.parameters) h = fnv1a(h, p.path.data(), p.path.size());
  for (const auto& m : metrics) h = fnv1a(h, m.name.data(), m.name.size() + 1);
  h = fnv1a(h, &reps, sizeof reps);
  return fmt::format("{:016x}", h);
}

// ------------------------------------------------------------------ distribution

// How many processes the launcher started together (mpirun, or the tasks of a Slurm step).
int tasks_started() {
  for (const char* var : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "SLURM_STEP_NUM_TASKS"})
    if (const char* v = std::getenv(var)) return std::max(1, std::atoi(v));
  return 1;
}

// `srun -n K` without an MPI plugin (--mpi=none is Slurm's default), or a parksim built without
// MPI, starts K processes that each believe they are alone: each would run the whole sweep into
// the same journal and output. Refused before anything runs.
void refuse_unconnected_tasks(bool connected_by_mpi) {
  const int tasks = tasks_started();
  if (connected_by_mpi || tasks == 1) return;
  throw Error(fmt::format(
      "{} processes were started together but not connected through MPI (srun without --mpi=pmix "
      "where Slurm's default is none, or a parksim built without MPI): each would run the whole "
      "sweep into the same files. Start them with `srun --mpi=pmix` (`srun --mpi=list` shows the "
      "plugins; pmi2 for MPICH) or mpirun, or run one process (docs/cluster.md)",
      tasks));
}

// Hands out indices into the list of pending runs: a local counter, or with MPI a counter on
// rank 0 that every process increments atomically.
class Distributor {
 public:
  Distributor() {
#ifdef PARKSIM_HAVE_MPI
    const bool launched =
        std::getenv("OMPI_COMM_WORLD_SIZE") || std::getenv("PMI_SIZE") || std::getenv("PMIX_RANK");
#else
    const bool launched = false;  // nothing to connect the processes with
#endif
    refuse_unconnected_tasks(launched);
#ifdef PARKSIM_HAVE_MPI
    if (launched) {
      int initialised = 0;
      MPI_Initialized(&initialised);
      if (!initialised) {
        MPI_Init(nullptr, nullptr);
        owns_mpi_ = true;
      }
      MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
      MPI_Comm_size(MPI_COMM_WORLD, &size_);
      MPI_Win_allocate(rank_ == 0 ? sizeof(long) : 0, sizeof(long), MPI_INFO_NULL, MPI_COMM_WORLD,
                       &base_, &win_);
      if (rank_ == 0) *static_cast<long*>(base_) = 0;
      MPI_Barrier(MPI_COMM_WORLD);
      mpi_ = true;
    }
#endif
  }
  ~Distributor() {
#ifdef PARKSIM_HAVE_MPI
    if (mpi_) MPI_Win_free(&win_);
    if (owns_mpi_) MPI_Finalize();
#endif
  }
  Distributor(const Distributor&) = delete;
  Distributor& operator=(const Distributor&) = delete;

  std::size_t claim(std::size_t count) {
#ifdef PARKSIM_HAVE_MPI
    if (mpi_) {
      long add = long(count), start = 0;
      MPI_Win_lock(MPI_LOCK_SHARED, 0, 0, win_);
      MPI_Fetch_and_op(&add, &start, MPI_LONG, 0, 0, MPI_SUM, win_);
      MPI_Win_unlock(0, win_);
      return std::size_t(start);
    }
#endif
    return next_.fetch_add(count);
  }
  void barrier() {
#ifdef PARKSIM_HAVE_MPI
    if (mpi_) MPI_Barrier(MPI_COMM_WORLD);
#endif
  }
  // Sums counts over processes (for progress and the final tally).
  std::size_t total(std::size_t mine) {
#ifdef PARKSIM_HAVE_MPI
    if (mpi_) {
      unsigned long in = mine, out = 0;
      MPI_Allreduce(&in, &out, 1, MPI_UNSIGNED_LONG, MPI_SUM, MPI_COMM_WORLD);
      return std::size_t(out);
    }
#endif
    return mine;
  }
  // A process that fails mid-sweep stops all of them: the others would wait for it forever.
  [[noreturn]] void abort_all(const std::string& message) {
#ifdef PARKSIM_HAVE_MPI
    if (mpi_) {
      std::fprintf(stderr, "error (rank %d): %s\n", rank_, message.c_str());
      MPI_Abort(MPI_COMM_WORLD, 1);
    }
#endif
    throw Error(message);
  }
  int rank() const { return rank_; }
  int size() const { return size_; }

 private:
  int rank_ = 0, size_ = 1;
  bool mpi_ = false, owns_mpi_ = false;
  std::atomic<std::size_t> next_{0};
#ifdef PARKSIM_HAVE_MPI
  MPI_Win win_{};
  void* base_ = nullptr;
#endif
};

// ------------------------------------------------------------------ output

// A metric of a partial first or last year is computed on the months the horizon has there; the
// file says which months each metric covers.
void write_metric_months(engine::h5::Writer& w, const model::Scenario& sc,
                         const std::vector<MetricSpec>& metrics) {
  namespace h5 = engine::h5;
  std::vector<std::int32_t> months, first_month;
  for (const auto& m : metrics) {
    const auto span = m.targets_met ? model::YearMonths{}
                                    : model::year_months(sc.info.start, sc.info.end, m.target.year);
    months.push_back(span.count);
    first_month.push_back(m.targets_met ? 0 : span.first_month);
  }
  w.create_variable(
      "", {"months",
           {"metric"},
           h5::Type::Int32,
           "1",
           {{"long_name",
             std::string("months of the metric's year inside the horizon (12: full year; "
                         "fewer: partial year, computed on those months; 0: targets_met)")}}});
  w.write("", "months", months);
  w.create_variable(
      "", {"first_month",
           {"metric"},
           h5::Type::Int32,
           "1",
           {{"long_name",
             std::string("calendar month (1-12) of the first of those months; 0: targets_met")}}});
  w.write("", "first_month", first_month);
}

void write_sweep(const std::string& path, const Design& d, const model::Scenario& sc,
                 const std::vector<MetricSpec>& metrics, int reps, const journal::Records& all) {
  namespace h5 = engine::h5;
  h5::Writer w(path);
  const std::size_t P = d.points(), M = metrics.size(), runs = P * std::size_t(reps);
  write_design_part(w, d);
  std::vector<std::int64_t> run_index(runs);
  std::iota(run_index.begin(), run_index.end(), 0);
  std::vector<std::string> metric_names;
  for (const auto& m : metrics) metric_names.push_back(m.name);
  w.add_dimension("", {"run",
                       run_index,
                       {},
                       false,
                       true,
                       {{"long_name", std::string("point * replications + replication")}}});
  w.add_dimension("", {"metric", {}, metric_names, false, false, {}});
  std::vector<std::int64_t> run_point(runs);
  std::vector<std::int32_t> run_rep(runs);
  std::vector<std::uint8_t> status(runs, 2);
  std::vector<double> values(runs * M, std::nan(""));
  std::vector<std::int64_t> fail_point;
  std::vector<std::int32_t> fail_rep;
  std::vector<std::string> fail_message;
  for (std::size_t p = 0; p < P; ++p)
    for (int r = 0; r < reps; ++r) {
      const std::size_t i = p * std::size_t(reps) + std::size_t(r);
      run_point[i] = std::int64_t(p);
      run_rep[i] = r;
      const auto it = all.find({p, r});
      if (it == all.end()) continue;
      status[i] = it->second.ok ? 0 : 1;
      if (it->second.ok)
        std::copy(it->second.values.begin(), it->second.values.end(), values.begin() + long(i * M));
      else {
        fail_point.push_back(std::int64_t(p));
        fail_rep.push_back(r);
        fail_message.push_back(it->second.message);
      }
    }
  write_metric_months(w, sc, metrics);
  w.create_variable("", {"run_point", {"run"}, h5::Type::Int64, "1", {}});
  w.write("", "run_point", run_point);
  w.create_variable("", {"run_replication", {"run"}, h5::Type::Int32, "1", {}});
  w.write("", "run_replication", run_rep);
  w.create_variable("", {"status",
                         {"run"},
                         h5::Type::UInt8,
                         "1",
                         {{"long_name", std::string("0 ok, 1 failed (see group failures)")}}});
  w.write("", "status", status);
  w.create_variable("", {"values",
                         {"run", "metric"},
                         h5::Type::Float64,
                         "metric unit",
                         {{"long_name", std::string("metric values; NaN where the run failed")}}});
  w.write("", "values", values);
  std::vector<std::int64_t> failure_index(fail_point.size());
  std::iota(failure_index.begin(), failure_index.end(), 0);
  w.add_dimension("failures", {"failure", failure_index, {}, false, true, {}});
  w.create_variable("failures", {"point", {"failure"}, h5::Type::Int64, "1", {}});
  w.write("failures", "point", fail_point);
  w.create_variable("failures", {"replication", {"failure"}, h5::Type::Int32, "1", {}});
  w.write("failures", "replication", fail_rep);
  w.create_variable("failures", {"message", {"failure"}, h5::Type::String, "1", {}});
  w.write("failures", "message", fail_message);
  const std::vector<h5::Attr> attrs = {
      {"replications", std::int64_t(reps)},
      {"scenario", sc.resolved_text},
      {"scenario_path", sc.path},
      {"scenario_seed", std::int64_t(sc.info.seed)},
      {"git_commit", std::string(kGitCommit)},
  };
  for (const auto& a : attrs) w.set_attribute("", "", a);
  w.commit();
}

}  // namespace

// ------------------------------------------------------------------ the sweep

namespace {
// A parameter of a zone, sector, programme or event the scenario does not have would make every
// point fail (an override would create a stray table): refuse the sweep up front.
void check_paths_exist(const Space& space, const model::Scenario& sc, const std::string& design) {
  for (const auto& p : space.parameters) {
    const auto dot = p.path.find('.'), last = p.path.rfind('.');
    if (dot == last) continue;
    const std::string section = p.path.substr(0, dot), id = p.path.substr(dot + 1, last - dot - 1);
    bool found = false;
    if (section == "zones")
      found = sc.zone_index(id) >= 0;
    else if (section == "sectors")
      found = sc.sector_index(id) >= 0;
    else if (section == "programmes")
      for (const auto& q : sc.programmes) found = found || q.id == id;
    else if (section == "events")
      for (const auto& e : sc.events) found = found || e.id == id;
    if (!found)
      throw Error(
          fmt::format("{}: parameter {} names {} \"{}\", which {} does not have (or has disabled)",
                      design, p.path, section, id, sc.path));
  }
}
}  // namespace

namespace {
// Runs the points not yet in the journals (runs of a point are grouped: one scenario load serves
// all its replications) and, on rank 0, assembles SWEEP.h5.
SweepResult sweep_pending(const SweepOptions& o, const Design& design, const model::Scenario& base,
                          const std::vector<MetricSpec>& metrics, int reps, const std::string& key,
                          Distributor& dist, const journal::Records& done,
                          std::map<std::string, std::size_t>& keep,
                          std::chrono::steady_clock::time_point t0);
}  // namespace

SweepResult run_sweep(const SweepOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  const Design design = read_design(o.design);
  if (!design.space.scenario_keys)
    throw Error(
        fmt::format("{}: the design's space has free parameter names (scenario_keys = false); "
                    "it can be analysed with --outputs but not swept",
                    o.design));
  const model::Scenario base = model::load_scenario(o.scenario, o.sets, o.overlays);
  check_paths_exist(design.space, base, o.design);
  const auto metrics = parse_metrics(o.metrics, base);
  const int reps = std::max(1, o.replications);
  const std::string key = sweep_key(base, design, metrics, reps);

  Distributor dist;
  // Every process reads every journal before anyone writes.
  const auto journals = journal::list(o.output);
  if (!journals.empty() && !o.resume)  // every process sees the same files and stops alike
    throw Error(fmt::format(
        "{} has journals of an earlier sweep ({}): add --resume to continue it, or remove them",
        o.output, journals.front().string()));
  // Journals are removed once the output is assembled: an output without journals is a finished
  // sweep, and resuming it would silently run everything again.
  if (journals.empty() && o.resume && fs::exists(o.output))
    throw Error(fmt::format(
        "{}: the sweep is already complete (the file exists and no journals are left); remove it "
        "or choose another -o to run it again",
        o.output));
  const journal::Shape shape{design.points(), reps, metrics.size()};
  journal::Records done;
  std::map<std::string, std::size_t> keep;  // by journal::path(): the bytes of each journal to keep
  for (const auto& f : journals) keep[f.string()] = journal::read(f, key, shape, done);
  dist.barrier();
  try {
    return sweep_pending(o, design, base, metrics, reps, key, dist, done, keep, t0);
  } catch (const std::exception& e) {
    if (dist.size() > 1) dist.abort_all(e.what());
    throw;
  }
}

namespace {

SweepResult sweep_pending(const SweepOptions& o, const Design& design, const model::Scenario& base,
                          const std::vector<MetricSpec>& metrics, int reps, const std::string& key,
                          Distributor& dist, const journal::Records& done,
                          std::map<std::string, std::size_t>& keep,
                          std::chrono::steady_clock::time_point t0) {
  const std::size_t resumed = done.size();
  std::vector<std::size_t> pending_points;
  for (std::size_t p = 0; p < design.points(); ++p)
    for (int r = 0; r < reps; ++r)
      if (!done.count({p, r})) {
        pending_points.push_back(p);
        break;
      }
  const fs::path mine = journal::path(o.output, dist.rank());
  journal::Writer journal(mine, key, keep.count(mine.string()) ? keep[mine.string()] : 0);
  const int threads =
      o.threads > 0 ? o.threads : int(std::max(1u, std::thread::hardware_concurrency()));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::size_t(threads));
  const std::size_t batch = std::size_t(std::max(1, threads));
  const std::size_t total_runs = design.points() * std::size_t(reps);
  std::size_t my_runs = 0, my_failed = 0;
  for (;;) {
    throw_if_stop_requested();  // between batches: what is journalled stays, nothing half-done
    const std::size_t first = dist.claim(batch);
    if (first >= pending_points.size()) break;
    const std::size_t last = std::min(first + batch, pending_points.size());
    std::vector<std::vector<journal::Record>> out(last - first);
    // Points of a batch run side by side; each run is itself deterministic at any thread count.
    tbb::parallel_for(first, last, [&](std::size_t k) {
      const std::size_t p = pending_points[k];
      std::vector<int> todo;
      for (int r = 0; r < reps; ++r)
        if (!done.count({p, r})) todo.push_back(r);
      try {
        auto sets = o.sets;
        for (const auto& s : design.overrides(p)) sets.push_back(s);
        const auto sc = model::load_scenario(o.scenario, sets, o.overlays);
        const auto values = metric_values(sc, metrics, reps, threads);
        for (int r : todo) out[k - first].push_back({p, r, true, values[std::size_t(r)], {}, {}});
      } catch (const Interrupted&) {
        throw;  // a stop is not a failed point: the batch is dropped and rerun on --resume
      } catch (const std::exception& e) {
        for (int r : todo) out[k - first].push_back({p, r, false, {}, e.what(), {}});
      }
    });
    std::string text;
    for (const auto& recs : out)
      for (const auto& r : recs) {
        text += journal::format(r);
        ++my_runs;
        my_failed += r.ok ? 0 : 1;
      }
    journal.write(text);
    journal.sync();
    if (o.progress && dist.size() == 1) {
      const double secs =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      SweepProgress pr;
      pr.done = resumed + my_runs;
      pr.total = total_runs;
      pr.failed = my_failed;
      pr.runs_per_second = secs > 0 ? double(my_runs) / secs : 0;
      pr.eta_seconds =
          pr.runs_per_second > 0 ? double(total_runs - pr.done) / pr.runs_per_second : 0;
      o.progress(pr);
    }
  }
  SweepResult result;
  result.runs = dist.total(my_runs);
  result.failed = dist.total(my_failed);
  result.resumed = resumed;
  result.processes = dist.size();
  dist.barrier();
  if (dist.rank() == 0) {
    journal::Records all;
    const journal::Shape shape{design.points(), reps, metrics.size()};
    for (const auto& f : journal::list(o.output)) journal::read(f, key, shape, all);
    if (all.size() != total_runs)
      throw Error(fmt::format("{}: the journals hold {} of {} runs; run again with --resume",
                              o.output, all.size(), total_runs));
    write_sweep(o.output, design, base, metrics, reps, all);
    std::error_code
        ignored;  // a journal left behind is refused by the next sweep with a clear message
    for (const auto& f : journal::list(o.output)) fs::remove(f, ignored);
    result.wrote_output = true;
  }
  dist.barrier();
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return result;
}

}  // namespace

}  // namespace parksim::experiments
