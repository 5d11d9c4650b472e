// Large inputs are mapped, not copied (src/io/file_bytes.hpp): the bytes read
// must be the file's, and a file shortened by another program while mapped
// must end rcmap with a clear message and exit code 2, not a crash.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "rcmap/io/csv.hpp"
#include "support/test_helpers.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace rcmap;

namespace {
// A CSV file of `rows` rows of "i,text i" (over 1 MB from ~60,000 rows).
fs::path write_rows(const std::string& name, int rows) {
  fs::path p = rcmap::test::fresh_path(name + ".csv");
  std::ofstream out(p, std::ios::binary);
  out << "id,text\n";
  for (int i = 0; i < rows; ++i) out << i << ",\"text " << i << " with, a comma\"\n";
  return p;
}
}  // namespace

TEST_CASE("a large file is read through its mapping with quoted fields decoded, leaving the file as it was",
          "[csv][mapped]") {
  const fs::path p = write_rows("rcmap-mapped", 60000);
  REQUIRE(fs::file_size(p) > (std::size_t{1} << 20));
  const std::string before = test::slurp(p.string());
  Diagnostics d;
  CsvTable t = read_csv(p.string(), Encoding::auto_detect, d);
  CHECK(d.items().empty());
  REQUIRE(t.rows.size() == 60000);
  CHECK(t.rows[0].fields[1] == "text 0 with, a comma");
  CHECK(t.rows[59999].fields[0] == "59999");
  CHECK(t.rows[59999].fields[1] == "text 59999 with, a comma");
  CHECK(t.rows[59999].line == 60001);
  CHECK(test::slurp(p.string()) == before);  // decoding in place wrote to private pages only
  fs::remove(p);
}

TEST_CASE("a mapped file shortened while read ends the process with exit code 2 naming the file", "[csv][mapped]") {
  const fs::path p = write_rows("rcmap-shortened", 200000);
  const fs::path log = p.string() + ".log";
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {  // child: read, shorten the file under the reader, read on
    int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 2);
    Diagnostics d;
    CsvReader r = CsvReader::open(p.string(), Encoding::utf8, d);
    ::truncate(p.c_str(), 4096);
    std::vector<std::string_view> fields;
    std::size_t line;
    while (r.next(fields, line)) {
    }
    ::_exit(0);  // not reached: the rows past 4096 bytes are gone
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  const std::string text = test::slurp(log.string());
  CHECK(text.find(p.string()) != std::string::npos);
  CHECK(text.find("shortened by another program") != std::string::npos);
  fs::remove(p);
  fs::remove(log);
}
