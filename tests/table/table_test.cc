#include "common/table/table.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/temp_dir.h"
#include "tests/testing/xlsx_cells.h"

namespace junheng::table {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

Table SampleTable() {
  Table t;
  t.title = "报送情况 2024";
  t.sheet_name = "报送情况";
  t.columns = {{"school_code", "学校标识码"},
               {"school_name", "学校名称"},
               {"equipment_value_yuan", "教学仪器设备值(元)", 0, true},
               {"area", "生均面积(㎡)", 2}};
  t.AddRow(
      {Cell::Of("2140043001"), Cell::Of("沁县第一中学"), Cell::Of(2595200.0), Cell::Of(8.456)});
  t.AddRow({Cell::Of("2140043002"), Cell::Of("A \"quoted\", name"), Cell::Of(12.0)});
  t.rows[1][2].failing = true;
  t.notes = {"2 所学校"};
  return t;
}

TEST(TableTextTest, AlignsByDisplayWidthAndRightAlignsNumbers) {
  std::string text = RenderText(SampleTable());
  EXPECT_THAT(text, StartsWith("报送情况 2024\n"));
  // Display widths: 沁县第一中学 12 and the quoted name 16; 教学仪器设备值(元) 18; 生均面积(㎡) 12.
  EXPECT_THAT(text, HasSubstr("2140043001  沁县第一中学" + std::string(15, ' ') + "2,595,200" +
                              std::string(10, ' ') + "8.46\n"));
  EXPECT_THAT(text, HasSubstr("2140043002  A \"quoted\", name" + std::string(18, ' ') + "12\n"));
  EXPECT_THAT(text, HasSubstr("\n2 所学校\n"));
}

TEST(TableCsvTest, BomLabelsAndPlainNumbers) {
  Table t = SampleTable();
  std::string csv = RenderCsv(t);
  EXPECT_THAT(csv, StartsWith("\xEF\xBB\xBF学校标识码,学校名称,教学仪器设备值(元),生均面积(㎡)\n"));
  EXPECT_THAT(csv, HasSubstr("\n2140043001,沁县第一中学,2595200,8.46\n"));
  EXPECT_THAT(csv, HasSubstr("\n2140043002,\"A \"\"quoted\"\", name\",12,\n"));
  EXPECT_THAT(csv, ::testing::Not(HasSubstr("2 所学校")));
  t.key_row = true;
  EXPECT_THAT(RenderCsv(t),
              HasSubstr("生均面积(㎡)\nschool_code,school_name,equipment_value_yuan,area\n"));
}

TEST(TableSheetTest, WorkbookReadsBackWithFormatsFillsAndMerges) {
  testing::TempDir dir;
  std::string path = dir.path() + "/t.xlsx";
  Table t = SampleTable();
  t.key_row = true;
  ASSERT_TRUE(WriteWorkbook({&t}, path).ok());
  auto book = testing::ReadWorkbookCells(path);
  ASSERT_TRUE(book.ok()) << book.status();
  ASSERT_EQ(book->sheet_names, std::vector<std::string>{"报送情况"});
  const testing::SheetCells& sheet = book->sheets.at("报送情况");
  EXPECT_EQ(sheet.At("A1").text, "报送情况 2024");
  EXPECT_TRUE(sheet.IsMerged("A1", "D1"));
  EXPECT_EQ(sheet.At("B2").text, "学校名称");
  EXPECT_EQ(sheet.At("C3").text, "equipment_value_yuan");
  EXPECT_EQ(sheet.At("B4").text, "沁县第一中学");
  EXPECT_EQ(sheet.At("C4").number, 2595200.0);
  EXPECT_EQ(sheet.At("C4").number_format, "#,##0");
  EXPECT_FALSE(sheet.At("C4").filled);
  EXPECT_EQ(sheet.At("D4").number, 8.456);  // full precision, rounded by the format only
  EXPECT_EQ(sheet.At("D4").number_format, "0.00");
  EXPECT_TRUE(sheet.At("C5").filled);
  EXPECT_EQ(sheet.At("A6").text, "2 所学校");
  EXPECT_TRUE(sheet.IsMerged("A6", "D6"));
}

TEST(TableSheetTest, BadSheetNameIsAnErrorAndLeavesNoFile) {
  testing::TempDir dir;
  std::string path = dir.path() + "/t.xlsx";
  Table t = SampleTable();
  t.sheet_name = "a/b";
  absl::Status written = WriteWorkbook({&t}, path);
  EXPECT_EQ(written.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(written.message()), HasSubstr("'a/b'"));
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(TableSheetTest, UnwritablePathIsRefusedAtOnce) {
  Table t = SampleTable();
  absl::Status written = WriteWorkbook({&t}, "/nonexistent-dir/t.xlsx");
  EXPECT_EQ(written.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(written.message()), HasSubstr("/nonexistent-dir/t.xlsx"));
}

}  // namespace
}  // namespace junheng::table
