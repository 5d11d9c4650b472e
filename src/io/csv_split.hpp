#pragma once
// Internal (not installed): the survey reader's access to a CsvReader's text
// (src/survey/survey.cpp read_in_halves, src/survey/responses_builder.cpp
// read_rows): taking plain records (src/io/csv_plain.hpp) straight from the
// unread bytes, cutting the records in two halves for two threads, and
// giving up the buffer to free it on another thread. Readers of other files
// need none of it and use CsvReader's public interface alone.
#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>

#include "rcmap/io/csv.hpp"

namespace rcmap {

class CsvSplit {
 public:
  // The text not read yet, for a caller that takes plain records itself
  // (src/io/csv_plain.hpp); empty unless ok().
  static std::string_view unread(const CsvReader& r) {
    return r.ok_ ? std::string_view(r.d_ + r.pos_, r.n_ - r.pos_) : std::string_view();
  }
  // Passes over `bytes` of unread() that the caller took: `records` plain
  // records, one line each.
  static void skip_plain(CsvReader& r, std::size_t bytes, std::size_t records) {
    r.pos_ += bytes;
    r.line_ += records;
  }
  // Bytes of the reader's part of the text (all of it unless split()).
  static std::size_t bytes(const CsvReader& r) { return r.n_; }

  // Gives up the text: ok() is false from here. The reader that gives it up
  // last (split() shares it) gets the buffer, for a caller that frees it on
  // another thread (unmapping a large file takes milliseconds).
  static std::shared_ptr<FileBytes> release(CsvReader& r);

  // Moves the second half of the unread records of `head` into a reader of
  // its own, so that two threads can parse the halves, and keeps the first
  // half. The cut is after the first line feed from the middle, a guess:
  // should that line feed lie inside a quoted field, `head` (whose parse
  // from the start is the true one) reaches its end inside the field and
  // reports an unterminated quote. So if neither half reports anything, they
  // hold exactly the records of one pass; if `head` reports anything, the
  // caller reads again in one pass (a large file with line breaks inside
  // quoted fields can take that slower way). The tail counts lines from 1
  // and reports to `tail_diags`; its true line is its own + line() of `head`
  // once exhausted - 1. It defers UTF-8 checks as `head` does. Returns
  // nullopt when fewer than `min_bytes` remain or no cut is found. O(1)
  // besides finding the line feed.
  static std::optional<CsvReader> split(CsvReader& head, std::size_t min_bytes, Diagnostics& tail_diags);
};

}  // namespace rcmap
