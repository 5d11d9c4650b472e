#pragma once
// Minimal streaming JSON writer (RFC 8259) with stable key order and
// 2-space indentation; NaN and infinities are written as null.
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace rcmap {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(double v, int decimals = 6);
  JsonWriter& value(long long v);
  JsonWriter& value(int v) { return value(static_cast<long long>(v)); }
  JsonWriter& value(std::size_t v) { return value(static_cast<long long>(v)); }
  JsonWriter& value(bool b);
  JsonWriter& null();
  // key + value in one call
  template <class T>
  JsonWriter& field(std::string_view k, const T& v) {
    key(k);
    return value(v);
  }
  void finish();  // final newline

 private:
  void before_value();
  JsonWriter& close(char bracket);
  void newline();
  std::ostream& out_;
  std::vector<bool> first_;  // per open container: no element yet
  bool after_key_ = false;
};

std::string json_escape(std::string_view s);

}  // namespace rcmap
