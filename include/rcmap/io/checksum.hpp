#pragma once
#include <future>
#include <string>

namespace rcmap {

// SHA-256 of a file's bytes as 64 lowercase hex digits (FIPS 180-4, via
// OpenSSL's EVP interface). Throws OutputError if the file cannot be read.
// "" for a path that is not a regular file (a pipe): its bytes can be read
// once only, by the parser; summary.json then records no checksum (null).
std::string sha256_file(const std::string& path);

// sha256_file(path) on a thread of its own, so that hashing an input overlaps
// with parsing it on the other core (hashing is ~20% of the instructions of
// `analyze` on a million rows: bench/ingest.sh). get() rethrows its error.
std::shared_future<std::string> sha256_file_async(const std::string& path);

}  // namespace rcmap
