#include "common/io/csv_table.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/english.h"

namespace junheng::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(CsvTableTest, NonBlankRowsKeepTheLineTheyStartOn) {
  auto table = ParseCsv("a,b\n1,2\n\n3,4\n , \n");
  ASSERT_TRUE(table.ok()) << table.status();
  ASSERT_EQ(table->rows.size(), 3u);
  EXPECT_THAT(table->rows[0], ElementsAre("a", "b"));
  EXPECT_THAT(table->rows[2], ElementsAre("3", "4"));
  EXPECT_THAT(table->row_numbers, ElementsAre(1, 2, 4));
  EXPECT_EQ(table->positions, Table::Positions::kLines);
  EXPECT_EQ(table->Where(2, 1), "line 4");
  EXPECT_EQ(table->WhereCell(2, 1), "line 4, column 2");
}

TEST(CsvTableTest, QuotedCellsKeepCommasQuotesAndNewlines) {
  auto table = ParseCsv("name,note\r\n\"沁县,中学\",\"say \"\"hi\"\"\nline two\"\r\nx,y\r\n");
  ASSERT_TRUE(table.ok()) << table.status();
  ASSERT_EQ(table->rows.size(), 3u);
  EXPECT_EQ(table->rows[1][0], "沁县,中学");
  EXPECT_EQ(table->rows[1][1], "say \"hi\"\nline two");
  // The third row starts on line 4 because the second spans lines 2 and 3.
  EXPECT_THAT(table->row_numbers, ElementsAre(1, 2, 4));
}

TEST(CsvTableTest, SkipsTheByteOrderMark) {
  auto table = ParseCsv("\xEF\xBB\xBFschool_code,period\n1,2024\n");
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->rows[0][0], "school_code");
}

TEST(CsvTableTest, RowsKeepTheirOwnLength) {
  auto table = ParseCsv("a,b,c\n1\n1,2,3,4\n");
  ASSERT_TRUE(table.ok());
  EXPECT_THAT(table->rows[1], ElementsAre("1"));
  EXPECT_THAT(table->rows[2], ElementsAre("1", "2", "3", "4"));
  EXPECT_EQ(table->Cell(1, 2), "");
}

TEST(CsvTableTest, TabSeparatedTextKeepsCommasInCells) {
  auto table = ParseCsv("school_name\tperiod\n\"沁县,一中\"\t2024\n", '\t');
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_THAT(table->rows[1], ElementsAre("沁县,一中", "2024"));
}

TEST(CsvTableTest, SeparatorIsATabOnlyWhenTheHeaderLineHasTabsAndNoComma) {
  EXPECT_EQ(DetectSeparator("a\tb\n1,5\t2\n"), '\t');
  EXPECT_EQ(DetectSeparator("title\n\na\tb\n"), '\t');
  EXPECT_EQ(DetectSeparator("a,b\n1\t2\n"), ',');
  EXPECT_EQ(DetectSeparator("a,b\tc\n"), ',');
  EXPECT_EQ(DetectSeparator("school_code\n"), ',');
}

TEST(CsvTableTest, RejectsUnclosedQuote) {
  auto table = ParseCsv("a,b\n\"1,2\n");
  ASSERT_FALSE(table.ok());
  EXPECT_THAT(table.status().message(), HasSubstr("line 2"));
  EXPECT_THAT(table.status().message(), HasSubstr("never closed"));
}

TEST(CsvTableTest, EmptyInputGivesAnEmptyTable) {
  auto table = ParseCsv("\n\n");
  ASSERT_TRUE(table.ok());
  EXPECT_TRUE(table->rows.empty());
}

TEST(CsvTableTest, FormatRoundTrips) {
  std::vector<std::string> cells = {"plain", "with,comma", "with \"quote\"", "two\nlines", ""};
  auto table = ParseCsv(FormatCsvRow({"a", "b", "c", "d", "e"}) + FormatCsvRow(cells));
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->rows[1], cells);
}

}  // namespace
}  // namespace junheng::io
