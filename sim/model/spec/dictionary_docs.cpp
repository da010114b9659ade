// The parameter dictionary's generated references: value kinds and defaults as text, and the
// whole dictionary as markdown (docs/parameters.md) and JSON (`parksim describe --json`). The
// entries themselves are in dictionary.cpp, dictionary_model.cpp and dictionary_markets.cpp.
#include <fmt/format.h>

#include "dictionary_impl.hpp"
#include "parksim/model/units.hpp"

namespace parksim::model {

const char* kind_name(ValueKind kind) {
  switch (kind) {
    case ValueKind::Real:
      return "number";
    case ValueKind::Integer:
      return "integer";
    case ValueKind::Money:
      return "money";
    case ValueKind::Area:
      return "area";
    case ValueKind::Rate:
      return "rate";
    case ValueKind::Change:
      return "relative change";
    case ValueKind::Month:
      return "month";
    case ValueKind::Bool:
      return "boolean";
    case ValueKind::Text:
      return "text";
    case ValueKind::TextList:
      return "list of text";
    case ValueKind::Choice:
      return "choice";
  }
  return "?";
}

namespace {

std::string format_value(ValueKind kind, double v) {
  if (kind == ValueKind::Money) return units::format_money(v);
  if (kind == ValueKind::Rate || kind == ValueKind::Change) return fmt::format("{:g}%", v * 100.0);
  if (kind == ValueKind::Area) return fmt::format("{:g} m2", v);
  return fmt::format("{:g}", v);
}
std::string format_value(ValueKind kind, int v) {
  if (kind == ValueKind::Month) return v == 0 ? "" : units::format_month(v);
  return fmt::format("{}", v);
}
std::string format_value(ValueKind, bool v) { return v ? "true" : "false"; }
std::string format_value(ValueKind, const std::string& v) { return v; }
std::string format_value(ValueKind, const std::vector<std::string>& v) {
  return fmt::format("[{}]", fmt::join(v, ", "));
}

// GCC 12 reports a false -Wmaybe-uninitialized on strings read through a member pointer held in
// a std::variant; `defaults` is a fully constructed object.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
template <class T>
std::string default_text(const detail::Entry<T>& e, const T& defaults) {
  return std::visit([&](auto member) { return format_value(e.kind, defaults.*member); }, e.member);
}

template <class T>
void append_section(std::vector<ParamInfo>& out, const std::string& section,
                    const std::vector<detail::Entry<T>>& entries) {
  const T defaults{};
  for (const auto& e : entries)
    out.push_back({section, e.key, e.kind, e.unit, default_text(e, defaults), e.min, e.max,
                   e.required, e.description, e.source, e.choices});
}
#pragma GCC diagnostic pop

std::string json_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

std::vector<ParamInfo> parameter_dictionary() {
  std::vector<ParamInfo> out;
  append_section(out, "scenario", detail::info_entries());
  append_section(out, "model", detail::model_entries());
  append_section(out, "talent", detail::talent_entries());
  append_section(out, "funds", detail::fund_entries());
  append_section(out, "zones.*", detail::zone_entries());
  out.push_back({"zones.*",
                 "sector_output",
                 ValueKind::Money,
                 "CNY/year",
                 "",
                 0,
                 1e14,
                 true,
                 "Table: annual output by sector id at the start",
                 "data/public_figures.csv or assumption",
                 {}});
  append_section(out, "sectors.*", detail::sector_entries());
  append_section(out, "programmes.*", detail::programme_entries());
  out.push_back(
      {"programmes.*",
       "changes",
       ValueKind::Text,
       "",
       "",
       0,
       0,
       false,
       "List of dated changes of terms: [{ at = \"2018-01\", rate = \"20%\" }, ...]; keys: " +
           fmt::format("{}", fmt::join(changeable_programme_keys(), ", ")),
       "",
       {}});
  out.push_back({"programmes.*",
                 "loss_shares",
                 ValueKind::Rate,
                 "1",
                 "",
                 0,
                 1,
                 false,
                 "risk_pool only: { pool = .., bank = .., guarantee = .. } shares of a covered "
                 "loss, summing to 100%; "
                 "pool sets `rate`",
                 "",
                 {}});
  append_section(out, "events.*", detail::event_entries());
  append_section(out, "targets[]", detail::target_entries());
  return out;
}

static std::string range_text(const ParamInfo& p) {
  switch (p.kind) {
    case ValueKind::Real:
    case ValueKind::Integer:
    case ValueKind::Money:
    case ValueKind::Area:
    case ValueKind::Rate:
    case ValueKind::Change:
      return fmt::format("{:g} .. {:g}", p.min, p.max);
    case ValueKind::Month:
      return units::format_month(int(p.min)) + " .. " + units::format_month(int(p.max));
    case ValueKind::Choice:
      return fmt::format("{}", fmt::join(p.choices, " | "));
    default:
      return "";
  }
}

std::string dictionary_markdown() {
  std::string md =
      "# Parameter dictionary\n\nGenerated by `parksim describe --markdown`; do not edit by hand.\n"
      "Money accepts CNY numbers or 万/亿 strings, areas km2/ha/亩/m2, rates fractions or "
      "percentages.\n";
  std::string section;
  for (const auto& p : parameter_dictionary()) {
    if (p.section != section) {
      section = p.section;
      md += fmt::format(
          "\n## [{}]\n\n| key | kind | unit | default | range | required | description | source |\n"
          "|---|---|---|---|---|---|---|---|\n",
          section);
    }
    md += fmt::format("| `{}` | {} | {} | {} | {} | {} | {} | {} |\n", p.key, kind_name(p.kind),
                      p.unit, p.default_text, range_text(p), p.required ? "yes" : "", p.description,
                      p.source);
  }
  return md;
}

std::string dictionary_json() {
  std::string js = "[\n";
  const auto dict = parameter_dictionary();
  for (std::size_t i = 0; i < dict.size(); ++i) {
    const auto& p = dict[i];
    js += fmt::format(
        "  {{\"section\": \"{}\", \"key\": \"{}\", \"kind\": \"{}\", \"unit\": \"{}\", "
        "\"default\": \"{}\", "
        "\"range\": \"{}\", \"required\": {}, \"description\": \"{}\", \"source\": \"{}\"}}{}\n",
        json_escape(p.section), json_escape(p.key), kind_name(p.kind), json_escape(p.unit),
        json_escape(p.default_text), json_escape(range_text(p)), p.required ? "true" : "false",
        json_escape(p.description), json_escape(p.source), i + 1 < dict.size() ? "," : "");
  }
  return js + "]\n";
}

}  // namespace parksim::model
