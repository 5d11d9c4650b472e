// Stable pseudonyms for person ids (docs/people.md "Privacy"):
// "p-" + the first 12 hex digits of HMAC-SHA256(key, id) (RFC 2104 with
// SHA-256, FIPS 198-1; OpenSSL's one-shot HMAC()). Keyed, so that nobody
// without the key can recompute a pseudonym from a guessed id; 48 bits, so
// n ids collide with probability about n^2 / 2^49 (1e-5 for 100,000), and a
// collision is an error rather than a silent merge.
// Complexity: O(total id length) time, O(n) memory.
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <unordered_map>

#include "rcmap/people/people.hpp"

namespace rcmap::people {

std::string pseudonym(std::string_view id, std::string_view key) {
  if (key.empty()) throw UsageError("the pseudonym key is empty; give a secret key of at least one byte");
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(id.data()),
            id.size(), mac, &len))
    throw std::runtime_error("HMAC-SHA256 failed (OpenSSL)");
  static const char* hex = "0123456789abcdef";
  std::string out = "p-";
  for (int i = 0; i < 6; ++i) {
    out += hex[mac[i] >> 4];
    out += hex[mac[i] & 15];
  }
  return out;
}

std::vector<std::string> pseudonymise(const std::vector<std::string>& ids, std::string_view key) {
  std::vector<std::string> out;
  out.reserve(ids.size());
  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    out.push_back(pseudonym(ids[i], key));
    if (auto [it, fresh] = seen.emplace(out.back(), i); !fresh)
      throw UsageError("two people get the same pseudonym " + out.back() +
                       " (a 1 in 2^48 chance per pair); "
                       "choose another key");
  }
  return out;
}

}  // namespace rcmap::people
