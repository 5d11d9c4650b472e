#pragma once
// Minimal JSON reader (RFC 8259) for rcmap's own files (summary.json as a
// project file). Numbers are kept as their source text.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rcmap {

struct JsonMember;

struct JsonValue {
  enum class Kind { null, boolean, number, string, array, object } kind = Kind::null;
  std::string text;  // string contents, number text, "true"/"false"
  std::vector<JsonValue> items;
  std::vector<JsonMember> members;  // file order
  const JsonValue* get(std::string_view key) const;
};

// A member of an object: key and value. Not std::pair, which needs the
// value's type complete where JsonValue is still being defined (clang
// rejects it: the fuzz build compiles the core with clang).
struct JsonMember {
  std::string first;
  JsonValue second;
};

// Throws InputError naming `path`, line and column on malformed input.
JsonValue parse_json(std::string_view text, const std::string& path);

}  // namespace rcmap
