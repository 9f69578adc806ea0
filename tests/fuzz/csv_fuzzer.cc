// libFuzzer target: the reader of tables people save (io::ReadTable: encoding detection, CSV or
// tab-separated text) and the catalogue decoder (io::DecodeTable) on arbitrary bytes, for reports
// and for the school registry. No crash, no hang, bounded memory.
#include <cstddef>
#include <cstdint>

#include "common/io/message_codec.h"
#include "common/io/table_file.h"
#include "junheng/v1/report.pb.h"
#include "junheng/v1/school.pb.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto file = junheng::io::ReadTable(bytes, "fuzz.csv");
  if (!file.ok()) return 0;
  auto reports = junheng::io::DecodeFile(*file, junheng::v1::SchoolReport::default_instance());
  (void)reports;
  auto schools = junheng::io::DecodeFile(*file, junheng::v1::School::default_instance());
  (void)schools;
  return 0;
}
