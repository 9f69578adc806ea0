#include "common/io/table.h"

#include <limits>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/english.h"

namespace junheng::io {
namespace {

TEST(TableTest, ColumnLettersAreTheSpreadsheets) {
  EXPECT_EQ(ColumnLetters(0), "A");
  EXPECT_EQ(ColumnLetters(4), "E");
  EXPECT_EQ(ColumnLetters(25), "Z");
  EXPECT_EQ(ColumnLetters(26), "AA");
  EXPECT_EQ(ColumnLetters(701), "ZZ");
  EXPECT_EQ(ColumnLetters(16383), "XFD");
}

TEST(TableTest, PlacesAreLinesForTextAndCellsForSpreadsheets) {
  Table table;
  table.rows = {{"a", "b"}, {"1"}};
  table.row_numbers = {1, 5};
  EXPECT_EQ(table.Where(1, 4), "line 5");
  EXPECT_EQ(table.WhereCell(1, 4), "line 5, column 5");
  EXPECT_EQ(table.WhereRow(1), "line 5");
  table.positions = Table::Positions::kCells;
  EXPECT_EQ(table.Where(1, 4), "row 5, column E");
  EXPECT_EQ(table.WhereCell(1, 4), "row 5, column E");
  EXPECT_EQ(table.WhereRow(1), "row 5");
  EXPECT_EQ(table.Cell(1, 0), "1");
  EXPECT_EQ(table.Cell(1, 1), "");
}

TEST(TableTest, WholeNumbersHaveNoPointAndOthersTheirShortestDigits) {
  EXPECT_EQ(NumberText(2024), "2024");
  EXPECT_EQ(NumberText(1000000), "1000000");
  EXPECT_EQ(NumberText(-620), "-620");
  EXPECT_EQ(NumberText(-0.0), "0");
  EXPECT_EQ(NumberText(3492.3), "3492.3");
  EXPECT_EQ(NumberText(0.95), "0.95");
  EXPECT_EQ(NumberText(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(NumberText(0.0001), "0.0001");
  EXPECT_EQ(NumberText(1e20), "1e+20");
  EXPECT_EQ(NumberText(1e-9), "1e-09");
  EXPECT_EQ(NumberText(std::numeric_limits<double>::infinity()), "inf");
}

TEST(TableTest, BlankRowsHaveOnlyEmptyOrWhitespaceCells) {
  EXPECT_TRUE(IsBlankRow({}));
  EXPECT_TRUE(IsBlankRow({"", " ", "\t"}));
  EXPECT_FALSE(IsBlankRow({"", "0"}));
}

}  // namespace
}  // namespace junheng::io
