// libFuzzer target: the JSON report reader (io::DecodeJson) on arbitrary bytes.
#include <cstddef>
#include <cstdint>

#include "common/io/message_codec.h"
#include "junheng/v1/report.pb.h"
#include "junheng/v1/school.pb.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  auto reports = junheng::io::DecodeJson(text, junheng::v1::SchoolReport::default_instance());
  (void)reports;
  auto schools = junheng::io::DecodeJson(text, junheng::v1::School::default_instance());
  (void)schools;
  return 0;
}
