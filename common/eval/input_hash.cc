#include "common/eval/input_hash.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "absl/strings/string_view.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"

namespace junheng::eval {
namespace {

// SHA-256 over length-prefixed items. Items are staged in one buffer (each message serialized
// straight into it) and digested in large blocks: the same bytes as digesting item by item.
// The staging buffer and digest context belong to the thread and are reused from one hash to the
// next, so that hashing a county allocates nothing once the first one is done.
class Hasher {
 public:
  Hasher() : ctx_(Context()), buffer_(Buffer()) {
    EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr);
    buffer_.clear();
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

  // Writes the lowercase hex digest into `out`.
  void Hex(std::string* out) {
    Flush();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestFinal_ex(ctx_, digest, &size);
    static constexpr char kDigits[] = "0123456789abcdef";
    out->resize(2 * size);
    for (unsigned int i = 0; i < size; ++i) {
      (*out)[2 * i] = kDigits[digest[i] >> 4];
      (*out)[2 * i + 1] = kDigits[digest[i] & 15];
    }
  }

 private:
  static constexpr size_t kFlushAt = 64 * 1024;

  static EVP_MD_CTX* Context() {
    thread_local std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                             EVP_MD_CTX_free);
    return ctx.get();
  }
  static std::string& Buffer() {
    thread_local std::string buffer = [] {
      std::string b;
      b.reserve(kFlushAt + 4096);
      return b;
    }();
    return buffer;
  }

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
    if (!buffer_.empty()) EVP_DigestUpdate(ctx_, buffer_.data(), buffer_.size());
    buffer_.clear();
  }

  EVP_MD_CTX* ctx_;
  std::string& buffer_;
};

}  // namespace

std::string InputHash(const EvaluationInput& input, const junheng::v1::Profile& profile) {
  std::vector<const junheng::v1::School*> registry;
  for (const junheng::v1::School& s : input.registry) {
    if (s.county_code().empty() || s.county_code() == input.county_code) registry.push_back(&s);
  }
  SortByCode(registry);
  std::vector<const junheng::v1::SchoolReport*> reports;
  for (const junheng::v1::SchoolReport& r : input.reports) {
    if (r.period() == input.period) reports.push_back(&r);
  }
  SortByCode(reports);
  std::string hex;
  InputHashOfSorted(input.county_code, input.period, registry, reports,
                    input.county_facts ? &*input.county_facts : nullptr, profile, &hex);
  return hex;
}

void InputHashOfSorted(absl::string_view county_code, absl::string_view period,
                       std::span<const junheng::v1::School* const> registry,
                       std::span<const junheng::v1::SchoolReport* const> reports,
                       const junheng::v1::CountyFacts* facts, const junheng::v1::Profile& profile,
                       std::string* out) {
  Hasher h;
  h.Add("junheng-evaluation-input-v1");
  h.Add(county_code);
  h.Add(period);
  h.Add("registry");
  for (const junheng::v1::School* s : registry) h.Add(*s);
  h.Add("reports");
  for (const junheng::v1::SchoolReport* r : reports) h.Add(*r);
  h.Add("county_facts");
  if (facts != nullptr) h.Add(*facts);
  h.Add("profile");
  h.Add(profile);
  h.Hex(out);
}

}  // namespace junheng::eval
