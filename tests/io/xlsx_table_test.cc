#include "common/io/xlsx_table.h"

#include <xlsxwriter.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/english.h"
#include "tests/testing/temp_dir.h"
#include "tests/testing/xlsx_writer.h"

namespace junheng::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing::XlsxSheet;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string Fixture(const std::string& name) {
  const char* dir = std::getenv("JUNHENG_SOURCE_DIR");
  return ReadFile(std::string(dir ? dir : ".") + "/tests/io/testdata/" + name);
}

class XlsxTableTest : public ::testing::Test {
 protected:
  std::string Write(const std::vector<XlsxSheet>& sheets) {
    std::string bytes = testing::WriteXlsx(dir_.Sub("book.xlsx"), sheets);
    EXPECT_FALSE(bytes.empty()) << "libxlsxwriter could not write the workbook";
    return bytes;
  }
  testing::TempDir dir_;
};

TEST_F(XlsxTableTest, TakesTheSheetNamedTianbaoWithCellsAsPeopleSeeThem) {
  auto table = ReadXlsx(Write({
      {"说明", {{std::string("请在填报表中填写")}}},
      {"填报",
       {{std::string("学校标识码"), std::string("填报期"), std::string("小学在校生数"),
         std::string("教学及辅助用房面积(m²)"), std::string("开齐开足课程"),
         std::string("无过重课业负担")},
        {std::string("2140043001"), 2024.0, 620.0, 3492.3, true, false},
        {std::string("2140043002"), 2024.0, 0.1 + 0.2, 1000000.0, std::string("是"), 2e-9}}},
  }));
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->source, "sheet 填报 of the workbook");
  EXPECT_EQ(table->positions, Table::Positions::kCells);
  ASSERT_EQ(table->rows.size(), 3u);
  EXPECT_THAT(table->rows[0],
              ElementsAre("学校标识码", "填报期", "小学在校生数", "教学及辅助用房面积(m²)",
                          "开齐开足课程", "无过重课业负担"));
  EXPECT_THAT(table->rows[1], ElementsAre("2140043001", "2024", "620", "3492.3", "true", "false"));
  // libxlsxwriter saves 0.1 + 0.2 with 16 digits, "0.3": the cell is the number the file holds.
  EXPECT_THAT(table->rows[2], ElementsAre("2140043002", "2024", "0.3", "1000000", "是", "2e-09"));
  EXPECT_THAT(table->row_numbers, ElementsAre(1, 2, 3));
}

TEST_F(XlsxTableTest, WithoutTianbaoTakesTheFirstVisibleWorksheet) {
  auto first = ReadXlsx(Write({{"数据", {{std::string("a")}}}, {"其他", {{std::string("b")}}}}));
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->rows[0][0], "a");
  auto visible = ReadXlsx(
      Write({{"隐藏", {{std::string("hidden")}}, true}, {"数据", {{std::string("shown")}}}}));
  ASSERT_TRUE(visible.ok()) << visible.status();
  EXPECT_EQ(visible->source, "sheet 数据 of the workbook");
  EXPECT_EQ(visible->rows[0][0], "shown");
}

TEST_F(XlsxTableTest, BlankRowsAndColumnsKeepTheCellsWhereTheyAre) {
  auto table = ReadXlsx(
      Write({{"填报",
              {{},
               {std::string(""), std::string("title")},
               {},
               {},
               {std::string(""), std::string(""), std::string(""), std::string(""), 5.0}}}}));
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_THAT(table->row_numbers, ElementsAre(2, 5));
  EXPECT_EQ(table->Cell(1, 4), "5");
  EXPECT_EQ(table->Where(1, 4), "row 5, column E");
}

TEST_F(XlsxTableTest, DatesAndTimesAreWrittenAsDatesAndFormulasByTheirSavedValue) {
  const std::string path = dir_.Sub("dates.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "填报");
  lxw_format* custom = workbook_add_format(workbook);
  format_set_num_format(custom, "yyyy\"年\"m\"月\"d\"日\"");
  lxw_format* builtin = workbook_add_format(workbook);
  format_set_num_format_index(builtin, 14);  // the short date of the system's locale
  lxw_format* money = workbook_add_format(workbook);
  format_set_num_format(money, "#,##0.00_);[Red](#,##0.00)");
  lxw_datetime day = {2024, 9, 1, 0, 0, 0};
  lxw_datetime moment = {2024, 9, 1, 10, 30, 0};
  worksheet_write_datetime(sheet, 0, 0, &day, custom);
  worksheet_write_datetime(sheet, 0, 1, &moment, builtin);
  worksheet_write_number(sheet, 0, 2, 1554000, money);
  worksheet_write_formula_num(sheet, 0, 3, "=600+20", nullptr, 620);
  worksheet_write_formula_str(sheet, 0, 4, "=\"沁县\"&\"一中\"", nullptr, "沁县一中");
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);

  auto table = ReadXlsx(ReadFile(path));
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_THAT(table->rows[0],
              ElementsAre("2024-09-01", "2024-09-01 10:30:00", "1554000", "620", "沁县一中"));
}

TEST_F(XlsxTableTest, OpenpyxlWorkbooksWithInlineStringsAndAbsolutePartNamesAreRead) {
  auto table = ReadXlsx(Fixture("openpyxl-report.xlsx"));
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->source, "sheet 填报 of the workbook");
  ASSERT_EQ(table->rows.size(), 3u);
  EXPECT_EQ(table->rows[0][3], "教学及辅助用房面积(m²)");
  EXPECT_THAT(table->rows[2], ElementsAre("2140043001", "2024", "620", "3492.3", "true"));
}

TEST_F(XlsxTableTest, AFormulaWithoutASavedValueIsRefusedByItsCell) {
  auto table = ReadXlsx(Fixture("openpyxl-formula.xlsx"));
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(table.status().message()),
              StartsWith("row 2, column B holds a formula whose value was never saved"));
  EXPECT_THAT(table.status().message(), HasSubstr("save it again"));
}

// liborcus 0.17 allocates what a zip entry claims to inflate to; a damaged size field must be
// refused before it is asked to. One deflated entry that claims 4 GB from 1 byte.
TEST_F(XlsxTableTest, AZipClaimingAnAbsurdSizeIsRefusedBeforeAnythingIsAllocated) {
  const std::string name = "[Content_Types].xml";
  auto le = [](uint32_t value, int width) {
    std::string bytes;
    for (int i = 0; i < width; ++i) bytes += static_cast<char>(value >> (8 * i) & 0xFF);
    return bytes;
  };
  const std::string sizes = le(0, 4) + le(1, 4) + le(0xF0000000u, 4);  // crc, packed, unpacked
  std::string local = "PK\x03\x04" + le(20, 2) + le(0, 2) + le(8, 2) + le(0, 4) + sizes +
                      le(name.size(), 2) + le(0, 2) + name + "x";
  std::string central = "PK\x01\x02" + le(20, 2) + le(20, 2) + le(0, 2) + le(8, 2) + le(0, 4) +
                        sizes + le(name.size(), 2) + le(0, 6) + le(0, 2) + le(0, 4) + le(0, 4) +
                        name;
  std::string end = "PK\x05\x06" + le(0, 4) + le(1, 2) + le(1, 2) + le(central.size(), 4) +
                    le(local.size(), 4) + le(0, 2);
  auto table = ReadXlsx(local + central + end);
  ASSERT_FALSE(table.ok());
  EXPECT_THAT(table.status().message(), HasSubstr("cannot be opened as one"));
}

TEST_F(XlsxTableTest, DamagedXmlIsRefusedWithoutReachingTheParsersFaults) {
  for (const char* name : {"damaged-character-reference.xlsx", "damaged-truncated-sheet.xlsx"}) {
    auto table = ReadXlsx(Fixture(name));
    ASSERT_FALSE(table.ok()) << name;
    EXPECT_EQ(table.status().message(),
              "the workbook is damaged: its part xl/worksheets/sheet2.xml is not well-formed XML; "
              "save the file as CSV UTF-8 (逗号分隔) or as .xlsx")
        << name;
  }
}

TEST_F(XlsxTableTest, ADamagedWorkbookIsRefusedWithASentence) {
  std::string bytes = Write({{"填报", {{std::string("school_code")}}}});
  auto truncated = ReadXlsx(bytes.substr(0, bytes.size() / 2));
  ASSERT_FALSE(truncated.ok());
  EXPECT_THAT(truncated.status().message(), HasSubstr("cannot be opened as one"));
  EXPECT_THAT(truncated.status().message(), HasSubstr("or as .xlsx"));
  auto garbage = ReadXlsx("PK\x03\x04 not really a zip");
  ASSERT_FALSE(garbage.ok());
  EXPECT_FALSE(garbage.status().message().empty());
}

}  // namespace
}  // namespace junheng::io
