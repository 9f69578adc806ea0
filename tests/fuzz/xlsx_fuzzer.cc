// libFuzzer target: the .xlsx reader (io::ReadXlsx: liborcus' zip archive and SAX parser under
// junheng's cell model) and the catalogue decoder on arbitrary bytes, seeded with workbooks that
// Excel-like writers and openpyxl produce. No crash, no hang, bounded memory, and no exception
// out of the reader.
#include <cstddef>
#include <cstdint>

#include "common/io/message_codec.h"
#include "common/io/xlsx_table.h"
#include "junheng/v1/report.pb.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto table = junheng::io::ReadXlsx(bytes);
  if (!table.ok()) return 0;
  auto reports = junheng::io::DecodeTable(*table, junheng::v1::SchoolReport::default_instance());
  (void)reports;
  return 0;
}
