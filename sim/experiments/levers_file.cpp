// LEVERS.h5: per-programme effects, costs and flags at the root, and one group per measured
// quantity with the paired runs and effects in that quantity's own unit.
#include "levers_file.hpp"

#include <fmt/format.h>

#include <numeric>

#include "parksim/engine/h5_writer.hpp"
#include "parksim/version.hpp"

namespace parksim::experiments {

namespace {

namespace h5 = engine::h5;

class File {
 public:
  File(const std::string& path, std::size_t programmes, std::size_t replications,
       const LeversResult& r)
      : w_(path), r_(r) {
    labels_.resize(programmes);
    for (std::size_t p = 0; p < programmes; ++p) labels_[p] = r.rows[p].programme;
    reps_.resize(replications);
    std::iota(reps_.begin(), reps_.end(), 0);
    dims("");
  }

  void dims(const std::string& group) {
    w_.add_dimension(group, {"replication", reps_, {}, false, true, {}});
    w_.add_dimension(group, {"programme",
                             {},
                             labels_,
                             false,
                             false,
                             {{"long_name", std::string("programme switched off (its id)")}}});
  }

  template <class T>
  void put(const std::string& group, const char* name, std::vector<std::string> dims, h5::Type t,
           const std::string& units, const std::string& long_name, const std::vector<T>& data) {
    w_.create_variable(group,
                       {name, std::move(dims), t, units, {{"long_name", std::string(long_name)}}});
    w_.write(group, name, data);
  }

  // A per-programme column of doubles taken from the rows.
  template <class F>
  void per_programme(const std::string& group, const char* name, const std::string& units,
                     const std::string& long_name, F value) {
    std::vector<double> v;
    for (const auto& row : r_.rows) v.push_back(value(row));
    put(group, name, {"programme"}, h5::Type::Float64, units, long_name, v);
  }

  template <class F>
  void flag(const char* name, const std::string& long_name, F value) {
    std::vector<std::uint8_t> v;
    for (const auto& row : r_.rows) v.push_back(value(row) ? 1 : 0);
    put("", name, {"programme"}, h5::Type::UInt8, "1", long_name, v);
  }

  template <class F>
  void text(const char* name, const std::string& long_name, F value) {
    std::vector<std::string> v;
    for (const auto& row : r_.rows) v.push_back(value(row));
    put("", name, {"programme"}, h5::Type::String, "1", long_name, v);
  }

  h5::Writer& writer() { return w_; }

 private:
  h5::Writer w_;
  const LeversResult& r_;
  std::vector<std::string> labels_;
  std::vector<std::int64_t> reps_;
};

void write_quantity(File& f, std::size_t q, const LeversResult& r,
                    const std::vector<std::vector<double>>& with,
                    const std::vector<std::vector<std::vector<double>>>& without) {
  const auto& qty = r.quantities[q];
  const std::string g = qty.key, u = qty.unit;
  f.dims(g);
  const std::size_t R = with.size(), P = r.rows.size();
  std::vector<double> base(R), off(R * P);
  for (std::size_t k = 0; k < R; ++k) {
    base[k] = with[k][q];
    for (std::size_t p = 0; p < P; ++p) off[k * P + p] = without[p][k][q];
  }
  f.put(g, "with", {"replication"}, h5::Type::Float64, u, "base run, every programme on", base);
  f.put(g, "without", {"replication", "programme"}, h5::Type::Float64, u,
        "the programme switched off, same seed and replication", off);
  auto effect = [&](const char* name, const char* long_name, double LeverEffect::*field) {
    f.per_programme(g, name, u, long_name,
                    [&](const LeverRow& row) { return row.effects[q].*field; });
  };
  effect("effect", "mean of with - without over paired replications", &LeverEffect::effect);
  effect("effect_low", "95% t interval, lower end", &LeverEffect::low);
  effect("effect_high", "95% t interval, upper end", &LeverEffect::high);
  effect("without_mean", "mean without the programme", &LeverEffect::without_mean);
  f.per_programme(g, "relative_effect", "1", "effect / mean with the programme",
                  [&](const LeverRow& row) { return row.effects[q].relative; });
  const int year = qty.year != 0 ? qty.year : r.year;
  const std::string measured =
      qty.whole_run ? "summed over every year of the run"
      : qty.to_date ? fmt::format("from the start to the end of {}", year)
                    : fmt::format("in {}", year);
  const std::vector<h5::Attr> attrs = {
      {"long_name", qty.description},
      {"source", qty.source},
      {"measured", measured},
      {"role", std::string(q < r.outcomes ? "outcome" : "target decision")},
  };
  for (const auto& a : attrs) f.writer().set_attribute(g, "", a);
}

void write_rows(File& f, const LeversResult& r, const std::vector<std::vector<double>>& with) {
  f.text("kind", "programme kind", [](const LeverRow& row) { return row.kind; });
  f.text("switched_off_by", "the --set override that switched the programme off",
         [](const LeverRow& row) { return row.switch_off; });
  f.text("target", "the kind's target decision: the group holding its effects",
         [&](const LeverRow& row) { return r.quantities[row.target].key; });
  std::vector<std::int32_t> dir;
  for (const auto& row : r.rows) dir.push_back(row.direction);
  f.put("", "direction", {"programme"}, h5::Type::Int32, "1",
        "intended direction of the target decision: +1 raise, -1 lower", dir);
  f.per_programme("", "target_relative_effect", "1", "target decision: effect / mean with",
                  [](const LeverRow& row) { return row.target_effect().relative; });
  f.flag("sign_flag", "the target decision's interval excludes 0 on the side opposite to direction",
         [](const LeverRow& row) { return row.sign_flag; });
  f.flag("no_effect_flag", "every effect's interval contains 0 and the programme paid nothing",
         [](const LeverRow& row) { return row.no_effect_flag; });
  const std::string cost_name = "money paid by the programme over the run (base run), mean";
  f.per_programme("", "cost", "1e8 CNY", cost_name, [](const LeverRow& row) { return row.cost; });
  f.per_programme("", "cost_low", "1e8 CNY", "cost: 95% t interval, lower end",
                  [](const LeverRow& row) { return row.cost_low; });
  f.per_programme("", "cost_high", "1e8 CNY", "cost: 95% t interval, upper end",
                  [](const LeverRow& row) { return row.cost_high; });
  const std::size_t R = with.size(), P = r.rows.size(), Q = r.quantities.size();
  std::vector<double> paid(R * P);
  for (std::size_t k = 0; k < R; ++k)
    for (std::size_t p = 0; p < P; ++p) paid[k * P + p] = with[k][Q + p];
  f.put("", "cost_by_replication", {"replication", "programme"}, h5::Type::Float64, "1e8 CNY",
        "money paid by the programme over the run, base run", paid);
  f.per_programme("", "cost_per_output", "1",
                  "cost / effect on cumulative output: 1e8 CNY paid per 1e8 CNY of extra output "
                  "(NaN: undefined, the output effect's interval contains 0)",
                  [](const LeverRow& row) { return row.cost_per_output; });
  f.per_programme("", "cost_per_output_low", "1", "paired bootstrap 95% interval, lower end",
                  [](const LeverRow& row) { return row.cost_per_output_low; });
  f.per_programme("", "cost_per_output_high", "1", "paired bootstrap 95% interval, upper end",
                  [](const LeverRow& row) { return row.cost_per_output_high; });
  f.flag("cost_per_output_defined", "0: the output effect's interval contains 0",
         [](const LeverRow& row) { return row.cost_per_output_defined; });
}

}  // namespace

void write_levers(const std::string& path, const model::Scenario& base, const LeversOptions& o,
                  const LeversResult& r, const std::vector<std::vector<double>>& with,
                  const std::vector<std::vector<std::vector<double>>>& without) {
  File f(path, r.rows.size(), with.size(), r);
  write_rows(f, r, with);
  std::vector<std::string> keys;
  for (std::size_t q = 0; q < r.quantities.size(); ++q) {
    write_quantity(f, q, r, with, without);
    keys.push_back(r.quantities[q].key);
  }
  const std::vector<h5::Attr> attrs = {
      {"scenario", base.resolved_text},
      {"scenario_path", base.path},
      {"scenario_name", base.info.name},
      {"year", std::int64_t(r.year)},
      {"outcomes",
       fmt::format("{}", fmt::join(keys.begin(), keys.begin() + long(r.outcomes), ","))},
      {"quantities", fmt::format("{}", fmt::join(keys, ","))},
      {"seed", std::int64_t(r.seed)},
      {"replications", std::int64_t(with.size())},
      {"bootstrap", std::int64_t(o.bootstrap)},
      {"command_line", o.command_line},
      {"parksim_version", std::string(kVersion)},
      {"git_commit", std::string(kGitCommit)},
  };
  for (const auto& a : attrs) f.writer().set_attribute("", "", a);
  f.writer().commit();
}

}  // namespace parksim::experiments
