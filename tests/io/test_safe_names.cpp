// Safe output file names from input text (include/rcmap/io/safe_names.hpp).
#include <catch2/catch.hpp>

#include "rcmap/io/safe_names.hpp"

using rcmap::safe_file_name;

TEST_CASE("safe_file_name keeps a path-like unit id inside the folder", "[paths]") {
  CHECK(safe_file_name("../../etc") == "etc");
  CHECK(safe_file_name("../../etc/passwd") == "etc_passwd");
  CHECK(safe_file_name("/etc/passwd") == "etc_passwd");
  CHECK(safe_file_name("..\\..\\windows") == "windows");
  CHECK(safe_file_name("..") == "unnamed");
  CHECK(safe_file_name(".") == "unnamed");
  CHECK(safe_file_name(".hidden") == "hidden");
  CHECK(safe_file_name("-rf") == "rf");
  CHECK(safe_file_name(std::string("a\0b", 3)) == "a_b");
  CHECK(safe_file_name("a\nb\tc\r") == "a_b_c");
}

TEST_CASE("safe_file_name folds Nordic letters to ASCII", "[paths]") {
  CHECK(safe_file_name("Sundhedsplejen Ærø") == "Sundhedsplejen_Aeroe");
  CHECK(safe_file_name("Børne- og Familieafdeling Å") == "Boerne-_og_Familieafdeling_Aa");
  CHECK(safe_file_name("æøå ÆØÅ äöü ß é") == "aeoeaa_AeOeAa_aeoeue_ss_e");
  // Other non-ASCII characters become one '_' each, runs collapse.
  CHECK(safe_file_name("Skole €1 ✓ ok") == "Skole_1_ok");
  // Invalid UTF-8 bytes (Windows-1252 "Ærø") are replaced, never copied.
  CHECK(safe_file_name("\xC6r\xF8") == "r");
}

TEST_CASE("safe_file_name is never empty, capped in length, not a device name", "[paths]") {
  CHECK(safe_file_name("") == "unnamed");
  CHECK(safe_file_name("///") == "unnamed");
  CHECK(safe_file_name("???") == "unnamed");
  CHECK(safe_file_name(std::string(1000, 'x')).size() == 100);
  CHECK(safe_file_name(std::string(1000, 'x'), 20) == std::string(20, 'x'));
  CHECK(safe_file_name(std::string(50, 'x') + "." + std::string(200, 'y'), 51) == std::string(50, 'x'));
  CHECK(safe_file_name(std::string(500, '.') + "/" + std::string(500, '-') + "abc") == "abc");
  CHECK(safe_file_name("CON") == "CON_");
  CHECK(safe_file_name("nul.txt") == "nul.txt_");
  CHECK(safe_file_name("console") == "console");
}

TEST_CASE("safe_file_name output uses only portable characters", "[paths]") {
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  for (std::size_t start = 0; start < all.size(); start += 7) {
    std::string n = safe_file_name(all.substr(start, 40));
    CHECK_FALSE(n.empty());
    CHECK(n.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") ==
          std::string::npos);
    CHECK(n[0] != '.');
  }
}

TEST_CASE("SafeNames resolves collisions with a numbered suffix, ignoring case", "[paths]") {
  rcmap::SafeNames names;
  CHECK(names.unique("A B", ".svg") == "A_B.svg");
  CHECK(names.unique("A/B", ".svg") == "A_B-2.svg");
  CHECK(names.unique("a b", ".svg") == "a_b-3.svg");
  CHECK(names.unique("A B", ".pdf") == "A_B.pdf");
  CHECK(names.unique("../../etc") == "etc");
  CHECK(names.unique("etc") == "etc-2");
}
