#include "common/io/table_file.h"

#include <filesystem>
#include <fstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/encoded_text.h"
#include "tests/testing/english.h"
#include "tests/testing/temp_dir.h"
#include "tests/testing/xlsx_writer.h"

namespace junheng::io {
namespace {

using ::testing::ElementsAre;
using testing::Encode;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kCsv[] = "school_code,school_name,boarding\r\n2140043001,沁县第一中学,是\r\n";

// A zip archive holding one empty file, a.txt: 35 bytes of local header, 51 of central
// directory, 22 of end record.
std::string ZipOfOneEmptyFile() {
  const std::string name = "a.txt";
  std::string local("PK\x03\x04\x0A\x00\x00\x00\x00\x00\x00\x00\x00\x00", 14);
  local += std::string(12, '\0') + std::string("\x05\x00\x00\x00", 4) + name;
  std::string central("PK\x01\x02\x14\x00\x0A\x00\x00\x00\x00\x00\x00\x00\x00\x00", 16);
  central += std::string(12, '\0') + std::string("\x05\x00", 2) + std::string(16, '\0') + name;
  std::string end(
      "PK\x05\x06\x00\x00\x00\x00\x01\x00\x01\x00\x33\x00\x00\x00\x23\x00\x00\x00\x00\x00", 22);
  return local + central + end;
}

TEST(TableFileTest, EveryTextEncodingGivesTheSameCells) {
  const std::vector<std::pair<std::string, TextEncoding>> files = {
      {kCsv, TextEncoding::kUtf8},
      {std::string("\xEF\xBB\xBF") + kCsv, TextEncoding::kUtf8Bom},
      {Encode("GBK", kCsv), TextEncoding::kGb18030},
      {testing::Utf16LeWithBom(kCsv), TextEncoding::kUtf16Le},
      {testing::Utf16BeWithBom(kCsv), TextEncoding::kUtf16Be},
  };
  for (const auto& [bytes, encoding] : files) {
    auto file = ReadTable(bytes, "schools.csv");
    ASSERT_TRUE(file.ok()) << EncodingName(encoding) << ": " << file.status();
    EXPECT_EQ(file->kind, TableFile::Kind::kTable);
    EXPECT_EQ(file->encoding, encoding);
    ASSERT_EQ(file->table.rows.size(), 2u) << EncodingName(encoding);
    EXPECT_THAT(file->table.rows[1], ElementsAre("2140043001", "沁县第一中学", "是"))
        << EncodingName(encoding);
  }
}

TEST(TableFileTest, ExcelUnicodeTextIsTabSeparatedUtf16) {
  auto file =
      ReadTable(testing::Utf16LeWithBom("school_code\tschool_name\r\n2140043001\t沁县,一中\r\n"),
                "schools.txt");
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_THAT(file->table.rows[1], ElementsAre("2140043001", "沁县,一中"));
}

TEST(TableFileTest, JsonIsDecodedBeforeParsing) {
  const std::string json = "{\"school_name\": \"沁县第一中学\"}";
  for (const std::string& bytes : {std::string("\xEF\xBB\xBF") + json,
                                   testing::Utf16LeWithBom(json), Encode("GB18030", json)}) {
    auto file = ReadTable(bytes, "school.json");
    ASSERT_TRUE(file.ok()) << file.status();
    EXPECT_EQ(file->kind, TableFile::Kind::kJson);
    EXPECT_EQ(file->json, json);
  }
  auto by_content = ReadTable("  [" + json + "]", "-");
  ASSERT_TRUE(by_content.ok());
  EXPECT_EQ(by_content->kind, TableFile::Kind::kJson);
}

TEST(TableFileTest, AWorkbookIsKnownByItsBytesWhateverItsName) {
  testing::TempDir dir;
  std::string bytes = testing::WriteXlsx(
      dir.Sub("r.xlsx"), {{"填报", {{std::string("school_code")}, {std::string("2140043001")}}}});
  ASSERT_FALSE(bytes.empty());
  auto file = ReadTable(bytes, "renamed.csv");
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->kind, TableFile::Kind::kTable);
  EXPECT_FALSE(file->encoding.has_value());
  EXPECT_EQ(file->table.Where(1, 0), "row 2, column A");
}

TEST(TableFileTest, AnOldExcelOrWpsWorkbookIsRefusedInOneSentence) {
  auto file = ReadTable(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'),
                        "report.xls");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(file.status().message(),
            "the file is an .xls or .et workbook of Excel 97-2003 or older WPS (or a "
            "password-protected workbook), which junheng cannot read; open it in Excel or WPS, "
            "remove any password and save the file as CSV UTF-8 (逗号分隔) or as .xlsx");
}

TEST(TableFileTest, AZipThatIsNoWorkbookIsRefusedInOneSentence) {
  auto file = ReadTable(ZipOfOneEmptyFile(), "report.xlsx");
  ASSERT_FALSE(file.ok());
  EXPECT_THAT(std::string(file.status().message()),
              StartsWith("the file is a zip archive but not an .xlsx workbook"));
  EXPECT_THAT(file.status().message(), HasSubstr("or as .xlsx"));
}

TEST(TableFileTest, AnEmptyFileIsRefusedInOneSentence) {
  for (const std::string& bytes :
       {std::string(), std::string("\xEF\xBB\xBF"), std::string(" \r\n\n")}) {
    auto file = ReadTable(bytes, "report.csv");
    ASSERT_FALSE(file.ok());
    EXPECT_THAT(std::string(file.status().message()),
                StartsWith("the file is empty; fill in the template"));
  }
}

TEST(TableFileTest, UndecodableTextIsRefusedWithItsLine) {
  auto file = ReadTable("a,b\n1,\xFF\n", "report.csv");
  ASSERT_FALSE(file.ok());
  EXPECT_THAT(std::string(file.status().message()),
              StartsWith("line 2 is neither UTF-8 nor GB18030"));
}

TEST(TableFileTest, AFileThatCannotBeOpenedIsNamed) {
  testing::TempDir dir;
  auto missing = ReadTableFile(dir.Sub("no-such.csv"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(missing.status().message(), HasSubstr("no-such.csv"));
  auto folder = ReadTableFile(dir.path());
  ASSERT_FALSE(folder.ok());
  EXPECT_THAT(folder.status().message(), HasSubstr("is a folder"));
  std::ofstream(dir.Sub("r.csv"), std::ios::binary) << Encode("GBK", kCsv);
  auto read = ReadTableFile(dir.Sub("r.csv"));
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->table.rows[1][1], "沁县第一中学");
}

}  // namespace
}  // namespace junheng::io
