#pragma once
#include <string>

namespace rcmap {

// SHA-256 of a file's bytes as 64 lowercase hex digits (FIPS 180-4, via
// OpenSSL's EVP interface). Throws OutputError if the file cannot be read.
std::string sha256_file(const std::string& path);

}  // namespace rcmap
