#include "common/eval/input_hash.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>

#include "absl/strings/escaping.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"

namespace junheng::eval {
namespace {

// SHA-256 over length-prefixed items. Items are staged in one buffer (each message serialized
// straight into it) and digested in large blocks: the same bytes as digesting item by item.
class Hasher {
 public:
  Hasher() : ctx_(EVP_MD_CTX_new(), EVP_MD_CTX_free) {
    EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr);
    buffer_.reserve(kFlushAt + 4096);
  }

  // Length-prefixed, so that concatenations cannot collide.
  void Add(absl::string_view bytes) {
    char* out = Grow(sizeof(uint64_t) + bytes.size());
    out = Prefix(out, bytes.size());
    if (!bytes.empty()) std::memcpy(out, bytes.data(), bytes.size());
    MaybeFlush();
  }

  // The message's deterministic serialization, length-prefixed.
  void Add(const google::protobuf::Message& message) {
    size_t size = message.ByteSizeLong();
    char* out = Prefix(Grow(sizeof(uint64_t) + size), size);
    google::protobuf::io::ArrayOutputStream array(out, static_cast<int>(size));
    google::protobuf::io::CodedOutputStream coded(&array);
    coded.SetSerializationDeterministic(true);
    message.SerializeWithCachedSizes(&coded);
    MaybeFlush();
  }

  std::string Hex() {
    Flush();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestFinal_ex(ctx_.get(), digest, &size);
    return absl::BytesToHexString(absl::string_view(reinterpret_cast<const char*>(digest), size));
  }

 private:
  static constexpr size_t kFlushAt = 64 * 1024;

  // Appends `n` bytes to the buffer and returns where they start.
  char* Grow(size_t n) {
    size_t at = buffer_.size();
    buffer_.resize(at + n);
    return buffer_.data() + at;
  }
  // Writes the 8-byte little-endian length and returns the position after it.
  static char* Prefix(char* out, uint64_t size) {
    for (int i = 0; i < 8; ++i)
      out[i] = static_cast<char>(static_cast<unsigned char>(size >> (8 * i)));
    return out + 8;
  }
  void MaybeFlush() {
    if (buffer_.size() >= kFlushAt) Flush();
  }
  void Flush() {
    if (!buffer_.empty()) EVP_DigestUpdate(ctx_.get(), buffer_.data(), buffer_.size());
    buffer_.clear();
  }

  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx_;
  std::string buffer_;
};

template <typename M>
std::vector<const M*> SortedByCode(const std::vector<M>& records) {
  std::vector<const M*> out;
  for (const M& r : records) out.push_back(&r);
  std::stable_sort(out.begin(), out.end(),
                   [](const M* a, const M* b) { return a->school_code() < b->school_code(); });
  return out;
}

}  // namespace

std::string InputHash(const EvaluationInput& input, const junheng::v1::Profile& profile) {
  Hasher h;
  h.Add("junheng-evaluation-input-v1");
  h.Add(input.county_code);
  h.Add(input.period);
  h.Add("registry");
  for (const junheng::v1::School* s : SortedByCode(input.registry)) {
    if (s->county_code().empty() || s->county_code() == input.county_code) h.Add(*s);
  }
  h.Add("reports");
  for (const junheng::v1::SchoolReport* r : SortedByCode(input.reports)) {
    if (r->period() == input.period) h.Add(*r);
  }
  h.Add("county_facts");
  if (input.county_facts) h.Add(*input.county_facts);
  h.Add("profile");
  h.Add(profile);
  return h.Hex();
}

}  // namespace junheng::eval
