#include "common/io/csv_table.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace junheng::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(CsvTableTest, ParsesHeaderAndRowsWithLineNumbers) {
  auto table = ParseCsv("a,b\n1,2\n\n3,4\n");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_THAT(table->header, ElementsAre("a", "b"));
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_THAT(table->rows[1], ElementsAre("3", "4"));
  EXPECT_THAT(table->row_lines, ElementsAre(2, 4));
}

TEST(CsvTableTest, QuotedCellsKeepCommasQuotesAndNewlines) {
  auto table = ParseCsv("name,note\r\n\"沁县,中学\",\"say \"\"hi\"\"\nline two\"\r\nx,y\r\n");
  ASSERT_TRUE(table.ok()) << table.status();
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[0][0], "沁县,中学");
  EXPECT_EQ(table->rows[0][1], "say \"hi\"\nline two");
  // The second data row starts on line 4 because the first spans lines 2 and 3.
  EXPECT_THAT(table->row_lines, ElementsAre(2, 4));
}

TEST(CsvTableTest, StripsExcelByteOrderMark) {
  auto table = ParseCsv("\xEF\xBB\xBFschool_code,period\n1,2024\n");
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->header[0], "school_code");
}

TEST(CsvTableTest, ShortRowsArePaddedWithEmptyCells) {
  auto table = ParseCsv("a,b,c\n1\n");
  ASSERT_TRUE(table.ok());
  EXPECT_THAT(table->rows[0], ElementsAre("1", "", ""));
}

TEST(CsvTableTest, RejectsRowWithMoreCellsThanHeader) {
  auto table = ParseCsv("a,b\n1,2,3\n");
  ASSERT_FALSE(table.ok());
  EXPECT_THAT(table.status().message(), HasSubstr("line 2"));
  EXPECT_THAT(table.status().message(), HasSubstr("3 cells"));
}

TEST(CsvTableTest, RejectsUnclosedQuote) {
  auto table = ParseCsv("a,b\n\"1,2\n");
  ASSERT_FALSE(table.ok());
  EXPECT_THAT(table.status().message(), HasSubstr("never closed"));
}

TEST(CsvTableTest, RejectsEmptyInput) { EXPECT_FALSE(ParseCsv("\n\n").ok()); }

TEST(CsvTableTest, FormatRoundTrips) {
  std::vector<std::string> cells = {"plain", "with,comma", "with \"quote\"", "two\nlines", ""};
  auto table = ParseCsv(FormatCsvRow({"a", "b", "c", "d", "e"}) + FormatCsvRow(cells));
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->rows[0], cells);
}

}  // namespace
}  // namespace junheng::io
