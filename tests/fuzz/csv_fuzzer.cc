// libFuzzer target: the CSV reader (io::ParseCsv) and the catalogue decoder (io::DecodeCsv) on
// arbitrary bytes, for reports and for the school registry. No crash, no hang, bounded memory.
#include <cstddef>
#include <cstdint>

#include "common/io/csv_table.h"
#include "common/io/message_codec.h"
#include "junheng/v1/report.pb.h"
#include "junheng/v1/school.pb.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  auto table = junheng::io::ParseCsv(text);
  (void)table;
  auto reports = junheng::io::DecodeCsv(text, junheng::v1::SchoolReport::default_instance());
  (void)reports;
  auto schools = junheng::io::DecodeCsv(text, junheng::v1::School::default_instance());
  (void)schools;
  return 0;
}
