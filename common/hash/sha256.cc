#include "common/hash/sha256.h"

#include <openssl/evp.h>

#include "absl/strings/string_view.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"

namespace junheng::hash {

namespace {

// OpenSSL 3 looks EVP_sha256() up in its provider table on every EVP_DigestInit_ex (a locked
// fetch that cost more than hashing a report). Fetched once, the algorithm is reused by every
// hasher; it lives as long as the process, as OpenSSL's own default table does.
const EVP_MD* Sha256Algorithm() {
  static const EVP_MD* const kAlgorithm = [] {
    const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return fetched != nullptr ? fetched : EVP_sha256();
  }();
  return kAlgorithm;
}

}  // namespace

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) { EVP_DigestInit_ex(ctx_, Sha256Algorithm(), nullptr); }

Sha256::~Sha256() { EVP_MD_CTX_free(ctx_); }

void Sha256::Update(absl::string_view bytes) { EVP_DigestUpdate(ctx_, bytes.data(), bytes.size()); }

void Sha256::HexDigest(std::string* out) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(ctx_, digest, &length);
  EVP_DigestInit_ex(ctx_, Sha256Algorithm(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  out->resize(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    (*out)[2 * i] = kHex[digest[i] >> 4];
    (*out)[2 * i + 1] = kHex[digest[i] & 0xF];
  }
}

std::string Sha256Hex(absl::string_view bytes) {
  Sha256 hasher;
  hasher.Update(bytes);
  std::string out;
  hasher.HexDigest(&out);
  return out;
}

std::string MessageHash(const google::protobuf::Message& message) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    message.SerializeToCodedStream(&coded);
  }
  return Sha256Hex(bytes);
}

}  // namespace junheng::hash
