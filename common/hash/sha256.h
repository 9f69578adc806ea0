#pragma once

#include <string>

#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX, kept out of this header

namespace junheng::hash {

// An incremental SHA-256 (OpenSSL): Update() with any number of pieces, then HexDigest(), which
// equals Sha256Hex() of the pieces concatenated.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(absl::string_view bytes);
  // Writes the lowercase hex digest of everything added into `out` (replacing its contents) and
  // starts over, so that the hasher can digest a new input.
  void HexDigest(std::string* out);

 private:
  evp_md_ctx_st* ctx_;
};

// Lowercase hex SHA-256 of `bytes`.
std::string Sha256Hex(absl::string_view bytes);

// SHA-256 of a message's deterministic serialization: equal messages hash equal, whatever order
// their fields were set in. Used for report content hashes and audit entries.
std::string MessageHash(const google::protobuf::Message& message);

}  // namespace junheng::hash
