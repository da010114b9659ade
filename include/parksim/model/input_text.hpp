#pragma once
// Reading input files (scenarios, overlays, extends targets, space files) so that no input can
// hang the reader, exhaust memory or overflow the stack: only regular files of bounded size are
// read, and TOML text is refused before parsing if its keys nest deeper than the parser can take.
#include <cstddef>
#include <string>
#include <string_view>

namespace parksim::model {

inline constexpr std::size_t kMaxInputBytes = std::size_t(64) << 20;  // 64 MiB
// Parts of one table header or dotted key ([a.b.c] has 3).
inline constexpr int kMaxKeyParts = 64;
// Table headers, dotted keys, inline tables and arrays nested together. toml++ limits arrays and
// inline tables to 256 levels itself; this bound is above that plus a header and a key, so plain
// deep arrays still get toml++'s own message.
inline constexpr int kMaxNesting = 400;
// Files in one `extends` chain, the starting file included.
inline constexpr int kMaxExtendsDepth = 32;

// The text of an input file, or why it cannot be read: `problem` is a phrase that reads after the
// file's name ("is a directory, not a file", "does not exist"); it is empty when `text` is the
// file. Never blocks on a FIFO, never reads a device, never throws.
struct InputText {
  std::string text;
  std::string problem;
};
InputText try_read_input(const std::string& path);

// The text of an input file; throws InputError "<path>: the <role> <problem>" when it cannot be
// read (role: "scenario", "overlay", "space file", ...).
std::string read_input_text(const std::string& path, const std::string& role);

// Throws InputError at source:line:column when a table header or dotted key has more than
// kMaxKeyParts parts, or when values nest deeper than kMaxNesting. toml++ accepts any number of
// dotted parts and the deep tree it builds overflows the stack, so this runs before toml::parse.
void check_toml_nesting(std::string_view text, const std::string& source);

}  // namespace parksim::model
