// The generated blocks of the ODD model description (docs/ODD.md): the schedule of a monthly step
// with each phase's source file, the index of programme kinds and a compact parameter summary,
// rendered from make_schedule(), the programme registry and the parameter dictionary so the
// description cannot drift from the code (`parksim describe --odd-schedule|--odd-kinds|
// --odd-parameters`; CTest odd_doc_up_to_date compares them with the blocks in docs/ODD.md).
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "markdown.hpp"
#include "parksim/model/detail/world.hpp"
#include "parksim/model/dictionary.hpp"
#include "programmes/programme.hpp"

namespace parksim::model {
namespace {

using detail::markdown_cell;

}  // namespace

std::string odd_schedule_markdown() {
  std::string md =
      "| # | phase | what it does (`parksim phases`) | implemented in |\n|---|---|---|---|\n";
  int k = 1;
  const auto schedule = make_schedule();
  for (const auto& p : schedule.phases())
    md += fmt::format("| {} | `{}` | {} | `{}` |\n", k++, p.name, markdown_cell(p.description),
                      phase_source_file(p.name));
  return md;
}

std::string odd_kinds_markdown() {
  std::string md =
      "| kind | family file | document levers | decision it changes | keys |\n"
      "|---|---|---|---|---|\n";
  for (const auto& info : programme_registry()) {
    std::string keys;
    for (const auto key : info.keys) keys += fmt::format("{}`{}`", keys.empty() ? "" : ", ", key);
    if (info.fund_based) keys += keys.empty() ? "(holds a fund)" : " (holds a fund)";
    md += fmt::format("| `{}` | `sim/model/programmes/{}.cpp` | {} | {} | {} |\n", info.name,
                      info.family, markdown_cell(info.levers), markdown_cell(info.decision),
                      markdown_cell(keys));
  }
  return md;
}

std::string odd_parameters_markdown() {
  std::string md = "| section | key | default | unit | source |\n|---|---|---|---|---|\n";
  for (const auto& p : parameter_dictionary())
    md += fmt::format("| `[{}]` | `{}` | {} | {} | {} |\n", p.section, p.key,
                      markdown_cell(p.required ? std::string("(required)") : p.default_text),
                      markdown_cell(p.unit), markdown_cell(p.source));
  return md;
}

}  // namespace parksim::model
