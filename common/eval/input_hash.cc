#include "common/eval/input_hash.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdint>
#include <memory>

#include "absl/strings/escaping.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"

namespace junheng::eval {
namespace {

class Hasher {
 public:
  Hasher() : ctx_(EVP_MD_CTX_new(), EVP_MD_CTX_free) {
    EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr);
  }

  // Length-prefixed, so that concatenations cannot collide.
  void Add(absl::string_view bytes) {
    uint64_t size = bytes.size();
    unsigned char prefix[8];
    for (int i = 0; i < 8; ++i) prefix[i] = static_cast<unsigned char>(size >> (8 * i));
    EVP_DigestUpdate(ctx_.get(), prefix, sizeof prefix);
    EVP_DigestUpdate(ctx_.get(), bytes.data(), bytes.size());
  }

  void Add(const google::protobuf::Message& message) {
    std::string bytes;
    {
      google::protobuf::io::StringOutputStream stream(&bytes);
      google::protobuf::io::CodedOutputStream out(&stream);
      out.SetSerializationDeterministic(true);
      message.SerializeToCodedStream(&out);
    }
    Add(bytes);
  }

  std::string Hex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestFinal_ex(ctx_.get(), digest, &size);
    return absl::BytesToHexString(absl::string_view(reinterpret_cast<const char*>(digest), size));
  }

 private:
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx_;
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
