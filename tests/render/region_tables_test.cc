// The region tables of `junheng region` (issue 15): one row per county, the counties ranked per
// level and indicator (ties share a rank, counties without a coefficient have none), the official
// Chinese names from the answer, the CSV's columns and the workbook's two sheets.
#include "common/render/region_tables.h"

#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/i18n/lang.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/temp_dir.h"
#include "tests/testing/xlsx_cells.h"

namespace junheng::render {
namespace {

using junheng::v1::CountyEvaluationRow;
using junheng::v1::EvaluateRegionResponse;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kL1Name[] = "每百名学生拥有高于规定学历教师数";
constexpr char kL5Name[] = "生均体育运动场馆面积";
constexpr char kHash[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

// A county's evaluation row, evaluated unless said otherwise.
class CountyRow {
 public:
  CountyRow(const std::string& code, const std::string& name) {
    row_.set_county_code(code);
    row_.set_county_name(name);
    row_.set_evaluated(true);
    row_.set_verdict("pass");
    row_.set_dimensions_passing(4);
    row_.set_input_hash(kHash);
    row_.mutable_figures()->set_evaluated(true);
  }
  // Indicator `id` of `level` with coefficient `cv` (the name as the server gives it).
  CountyRow& Cv(const std::string& level, const std::string& id, double cv,
                const std::string& status = "pass") {
    junheng::v1::TrendIndicator* ind = Level(level)->add_indicators();
    ind->set_id(id);
    ind->set_name_zh(id == "L1" ? kL1Name : id == "L5" ? kL5Name : "");
    ind->set_cv(cv);
    ind->set_status(status);
    ind->set_pass(status == "pass");
    return *this;
  }
  // The indicator is there but its coefficient is undefined.
  CountyRow& NoCv(const std::string& level, const std::string& id) {
    junheng::v1::TrendIndicator* ind = Level(level)->add_indicators();
    ind->set_id(id);
    ind->set_status("not_judged");
    return *this;
  }
  CountyRow& Largest(const std::string& level, double cv, const std::string& id,
                     const std::string& name, double threshold = 0.5) {
    junheng::v1::LargestCoefficient* l = row_.add_largest();
    l->set_level(level);
    l->set_level_zh(level == "primary" ? "小学" : "初中");
    l->set_cv(cv);
    l->set_indicator(id);
    l->set_indicator_zh(name);
    l->set_threshold(threshold);
    return *this;
  }
  CountyRow& Verdict(const std::string& verdict) {
    row_.set_verdict(verdict);
    return *this;
  }
  CountyRow& Schools(int meeting, int due, int due_meeting) {
    row_.mutable_figures()->set_schools_meeting(meeting);
    row_.mutable_figures()->set_schools_due(due);
    row_.mutable_figures()->set_due_meeting(due_meeting);
    return *this;
  }
  CountyRow& NotEvaluated() {
    row_.set_evaluated(false);
    return *this;
  }
  CountyRow& Error(const std::string& error) {
    row_.set_error(error);
    return *this;
  }
  operator CountyEvaluationRow() const { return row_; }

 private:
  junheng::v1::TrendLevel* Level(const std::string& level) {
    for (auto& l : *row_.mutable_figures()->mutable_levels()) {
      if (l.level() == level) return &l;
    }
    junheng::v1::TrendLevel* l = row_.mutable_figures()->add_levels();
    l->set_level(level);
    return l;
  }
  CountyEvaluationRow row_;
};

EvaluateRegionResponse Region(std::vector<CountyEvaluationRow> rows) {
  EvaluateRegionResponse region;
  region.set_region_code("1404");
  region.set_region_name("长治市");
  region.set_period("2024");
  region.mutable_profile()->set_name("national-2017");
  region.mutable_profile()->set_version("1");
  for (auto& row : rows) *region.add_counties() = std::move(row);
  return region;
}

// The column of `table` whose key is `key`; fails the test when there is none.
int ColumnOf(const table::Table& t, const std::string& key) {
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (t.columns[c].key == key) return static_cast<int>(c);
  }
  ADD_FAILURE() << "no column " << key;
  return 0;
}

// Index of (level, id) among the ranked indicators.
size_t RankedIndex(const RegionRanking& ranking, const std::string& level, const std::string& id) {
  for (size_t j = 0; j < ranking.indicators.size(); ++j) {
    if (ranking.indicators[j].level == level && ranking.indicators[j].id == id) return j;
  }
  ADD_FAILURE() << "no ranked indicator " << level << " " << id;
  return 0;
}

class RegionTablesTest : public ::testing::Test {
 protected:
  void SetUp() override { i18n::SetProcessLang(i18n::Lang::kZh); }
};

TEST_F(RegionTablesTest, RanksSmallestFirstTiesShareARankAndMissingCoefficientsAreUnranked) {
  EvaluateRegionResponse region = Region({
      CountyRow("140430", "沁县").Cv("primary", "L1", 0.30),
      CountyRow("140431", "沁源县").Cv("primary", "L1", 0.20),
      CountyRow("140425", "平顺县").Cv("primary", "L1", 0.30),
      CountyRow("140426", "黎城县").NoCv("primary", "L1"),
      CountyRow("140427", "壶关县").Cv("primary", "L1", 0.45),
  });
  RegionRanking ranking = RankCounties(region);
  ASSERT_EQ(ranking.counties.size(), 5u);
  const size_t l1 = RankedIndex(ranking, "primary", "L1");
  std::vector<std::optional<int>> ranks;
  for (const auto& county : ranking.counties) ranks.push_back(county[l1].rank);
  // 0.20 first; the two 0.30 share 2; the next is 4, not 3; the undefined one has no rank.
  EXPECT_THAT(ranks, ElementsAre(2, 1, 2, std::nullopt, 4));
  EXPECT_EQ(ranking.counties[0][l1].cv, 0.30);
  EXPECT_FALSE(ranking.counties[3][l1].cv.has_value());
  // Nobody has a junior L1: nobody is ranked on it.
  const size_t junior_l1 = RankedIndex(ranking, "junior", "L1");
  for (const auto& county : ranking.counties) {
    EXPECT_FALSE(county[junior_l1].cv.has_value());
    EXPECT_FALSE(county[junior_l1].rank.has_value());
  }
}

TEST_F(RegionTablesTest, CountiesThatReportedNothingOrFailedAreNeitherRankedNorCounted) {
  EvaluateRegionResponse region = Region({
      CountyRow("140430", "沁县").Cv("junior", "L5", 0.40),
      // Figures left in a row the server marks as failed or not evaluated are not believed.
      CountyRow("140431", "沁源县").Cv("junior", "L5", 0.10).Error("no registry"),
      CountyRow("140425", "平顺县").Cv("junior", "L5", 0.05).NotEvaluated(),
      CountyRow("140426", "黎城县").Cv("junior", "L5", 0.50, "fail"),
  });
  RegionRanking ranking = RankCounties(region);
  const size_t l5 = RankedIndex(ranking, "junior", "L5");
  EXPECT_EQ(ranking.counties[0][l5].rank, 1);
  EXPECT_FALSE(ranking.counties[1][l5].rank.has_value());
  EXPECT_FALSE(ranking.counties[2][l5].rank.has_value());
  EXPECT_EQ(ranking.counties[3][l5].rank, 2);
  EXPECT_TRUE(ranking.counties[3][l5].fails);
  EXPECT_FALSE(ranking.counties[0][l5].fails);
}

TEST_F(RegionTablesTest, RankingCoversBothLevelsAndSevenIndicatorsWithTheirOfficialNames) {
  RegionRanking ranking = RankCounties(Region({CountyRow("140430", "沁县")}));
  ASSERT_EQ(ranking.indicators.size(), 14u);
  EXPECT_EQ(ranking.indicators[0].level, "primary");
  EXPECT_EQ(ranking.indicators[0].id, "L1");
  EXPECT_EQ(ranking.indicators[0].name_zh, kL1Name);
  EXPECT_EQ(ranking.indicators[13].level, "junior");
  EXPECT_EQ(ranking.indicators[13].id, "L7");
  for (const RankedIndicator& column : ranking.indicators) {
    EXPECT_FALSE(column.name_zh.empty()) << column.level << " " << column.id;
  }
}

TEST_F(RegionTablesTest, TextSummaryHasOneRowPerCountyWithVerdictLargestCoefficientAndShortHash) {
  EvaluateRegionResponse region = Region({
      CountyRow("140430", "沁县")
          .Verdict("fail")
          .Largest("primary", 0.412, "L5", kL5Name)
          .Largest("junior", 0.301, "L1", kL1Name, 0.45)
          .Schools(20, 26, 19),
      CountyRow("140431", "沁源县").Verdict("not_judged"),
      CountyRow("140425", "平顺县").NotEvaluated(),
      CountyRow("140426", "黎城县").Error("the county's registry is empty"),
  });
  std::vector<table::Table> tables = RegionEvaluationTables(region, RegionOutput::kText);
  ASSERT_EQ(tables.size(), 2u);
  const table::Table& summary = tables[0];
  ASSERT_EQ(summary.rows.size(), 4u);
  EXPECT_EQ(summary.rows[0][0].text, "140430");
  EXPECT_EQ(summary.rows[0][1].text, "沁县");
  EXPECT_EQ(summary.rows[3][0].text, "140426");
  EXPECT_EQ(summary.rows[0][ColumnOf(summary, "verdict")].text, "未达标");
  EXPECT_TRUE(summary.rows[0][ColumnOf(summary, "verdict")].failing);
  EXPECT_EQ(summary.rows[1][ColumnOf(summary, "verdict")].text, "无法判定");
  EXPECT_EQ(summary.rows[2][ColumnOf(summary, "verdict")].text, "无报表");
  EXPECT_EQ(summary.rows[3][ColumnOf(summary, "verdict")].text, "出错");
  EXPECT_EQ(summary.rows[0][ColumnOf(summary, "dimensions_passing")].text, "4/4");
  EXPECT_EQ(summary.rows[0][ColumnOf(summary, "vetoed")].text, "否");
  const table::Cell& primary = summary.rows[0][ColumnOf(summary, "primary_largest_cv")];
  EXPECT_EQ(primary.text, "0.412 L5 生均体育运动场馆面积");
  EXPECT_FALSE(primary.failing) << "0.412 is within the limit 0.5";
  EXPECT_EQ(summary.rows[0][ColumnOf(summary, "junior_largest_cv")].text,
            std::string("0.301 L1 ") + kL1Name);
  EXPECT_EQ(summary.rows[0][ColumnOf(summary, "schools_meeting")].number, 20);
  EXPECT_EQ(summary.rows[0][ColumnOf(summary, "schools_due")].number, 26);
  EXPECT_EQ(summary.rows[0][ColumnOf(summary, "due_meeting")].number, 19);
  EXPECT_EQ(summary.rows[0][ColumnOf(summary, "input_hash")].text, "0123456789abcdef");
  EXPECT_EQ(summary.columns[ColumnOf(summary, "primary_largest_cv")].label, "小学最大差异系数");
  EXPECT_THAT(summary.title, HasSubstr("1404 长治市"));
  EXPECT_THAT(summary.notes,
              ::testing::Contains("4 个县：达标 0，未达标 1，无法判定 1，无报表 1，出错 1"));
  EXPECT_THAT(summary.notes,
              ::testing::Contains("140426 黎城县 无法评估：the county's registry is empty"));
}

TEST_F(RegionTablesTest, TextRankingShowsCoefficientAndRankPerIndicatorAndNamesTheIndicators) {
  EvaluateRegionResponse region = Region({
      CountyRow("140430", "沁县").Cv("primary", "L1", 0.3),
      CountyRow("140431", "沁源县").Cv("primary", "L1", 0.2),
  });
  const table::Table ranking = RegionEvaluationTables(region, RegionOutput::kText)[1];
  EXPECT_EQ(ranking.sheet_name, "排名");
  ASSERT_EQ(ranking.columns.size(), 2u + 14u);
  const int l1 = ColumnOf(ranking, "primary_L1");
  EXPECT_EQ(ranking.columns[l1].label, "小学 L1");
  EXPECT_EQ(ranking.rows[0][l1].text, "0.300 (2)");
  EXPECT_EQ(ranking.rows[1][l1].text, "0.200 (1)");
  EXPECT_EQ(ranking.rows[0][ColumnOf(ranking, "junior_L1")].text, "-");
  EXPECT_THAT(ranking.notes, ::testing::Contains(std::string("  L1 ") + kL1Name));
  EXPECT_THAT(ranking.notes, ::testing::Contains(std::string("  L5 ") + kL5Name));
  std::string text = table::RenderText(ranking);
  EXPECT_THAT(text, HasSubstr("0.300 (2)"));
}

TEST_F(RegionTablesTest, CsvIsTheSummaryWithWholeHashThenCoefficientAndRankColumns) {
  EvaluateRegionResponse region = Region({
      CountyRow("140430", "沁县").Cv("primary", "L1", 0.3).Cv("junior", "L5", 0.25),
      CountyRow("140431", "沁源县").Cv("primary", "L1", 0.3),
      CountyRow("140425", "平顺县").NotEvaluated(),
  });
  std::vector<table::Table> tables = RegionEvaluationTables(region, RegionOutput::kCsv);
  ASSERT_EQ(tables.size(), 1u) << "a CSV file holds one table";
  const std::string csv = table::RenderCsv(tables[0]);
  std::vector<std::string> lines =
      absl::StrSplit(absl::StripPrefix(csv, "\xEF\xBB\xBF"), '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 1u + 3u) << "a header and one line per county";
  std::vector<std::string> header = absl::StrSplit(lines[0], ',');
  // 11 summary columns, then a coefficient and a rank for 2 levels x 7 indicators.
  ASSERT_EQ(header.size(), 11u + 28u);
  EXPECT_EQ(header[0], "县代码");
  EXPECT_EQ(header[10], "输入 sha256");
  EXPECT_EQ(header[11], std::string("小学 L1 ") + kL1Name + " 差异系数");
  EXPECT_EQ(header[12], std::string("小学 L1 ") + kL1Name + " 名次");
  EXPECT_EQ(header[11 + 2 * 7 + 2 * 4], std::string("初中 L5 ") + kL5Name + " 差异系数");
  std::vector<std::string> first = absl::StrSplit(lines[1], ',');
  ASSERT_EQ(first.size(), header.size());
  EXPECT_EQ(first[10], kHash) << "the whole input hash";
  EXPECT_EQ(first[11], "0.300");
  EXPECT_EQ(first[12], "1");
  EXPECT_EQ(first[11 + 2 * 7 + 2 * 4], "0.250");
  EXPECT_EQ(first[11 + 2 * 7 + 2 * 4 + 1], "1");
  EXPECT_EQ(first[13], "") << "primary L2: no coefficient, blank";
  std::vector<std::string> second = absl::StrSplit(lines[2], ',');
  EXPECT_EQ(second[12], "1") << "a tie shares the rank";
  std::vector<std::string> third = absl::StrSplit(lines[3], ',');
  ASSERT_EQ(third.size(), header.size()) << "an unevaluated county still fills every column";
  EXPECT_EQ(third[11], "");
  EXPECT_EQ(third[12], "");
}

TEST_F(RegionTablesTest, WorkbookHasTheSummarySheetThenTheRankingSheet) {
  EvaluateRegionResponse region = Region({
      CountyRow("140430", "沁县").Cv("primary", "L1", 0.3),
      CountyRow("140431", "沁源县").Cv("primary", "L1", 0.2),
  });
  std::vector<table::Table> tables = RegionEvaluationTables(region, RegionOutput::kWorkbook);
  ASSERT_EQ(tables.size(), 2u);
  junheng::testing::TempDir dir;
  const std::string path = dir.Sub("region.xlsx");
  ASSERT_TRUE(table::WriteWorkbook({&tables[0], &tables[1]}, path).ok());
  auto book = junheng::testing::ReadWorkbookCells(path);
  ASSERT_TRUE(book.ok()) << book.status();
  EXPECT_THAT(book->sheet_names, ElementsAre("各县评估", "排名"));
  const auto& summary = book->sheets.at("各县评估");
  // Row 1 the title, row 2 the labels, the counties from row 3.
  EXPECT_EQ(summary.At("A3").text, "140430");
  EXPECT_EQ(summary.At("K3").text, kHash);
  const auto& ranking = book->sheets.at("排名");
  EXPECT_EQ(ranking.At("C2").text, std::string("小学 L1 ") + kL1Name + " 差异系数");
  EXPECT_EQ(ranking.At("C3").number, 0.3);
  EXPECT_EQ(ranking.At("D3").number, 2);
  EXPECT_EQ(ranking.At("D4").number, 1);
}

TEST_F(RegionTablesTest, StatusHasOneRowPerCountyWithRatesAsPercentagesAndTotals) {
  junheng::v1::RegionStatusResponse status;
  status.set_region_code("1404");
  status.set_region_name("长治市");
  status.set_period("2024");
  status.set_as_of("2024-10-01 12:00");
  auto* qin = status.add_counties();
  qin->set_county_code("140430");
  qin->set_county_name("沁县");
  qin->set_window_defined(true);
  qin->set_schools_total(26);
  qin->set_submitted(20);
  qin->set_on_time(18);
  qin->set_late(2);
  qin->set_incomplete(1);
  qin->set_not_submitted(5);
  qin->set_completeness_rate(20.0 / 26);
  qin->set_timeliness_rate(18.0 / 26);
  auto* other = status.add_counties();
  other->set_county_code("140431");
  other->set_county_name("沁源县");
  other->set_schools_total(4);
  other->set_not_submitted(4);
  const table::Table t = RegionStatusTable(status);
  ASSERT_EQ(t.rows.size(), 2u);
  std::vector<std::string> keys;
  for (const auto& column : t.columns) keys.push_back(column.key);
  EXPECT_THAT(keys, ElementsAre("county_code", "county_name", "schools_total", "submitted",
                                "on_time", "late", "incomplete", "not_submitted",
                                "completeness_pct", "timeliness_pct"));
  EXPECT_EQ(table::CellText(t.rows[0][8], t.columns[8]), "76.9");
  EXPECT_EQ(table::CellText(t.rows[0][9], t.columns[9]), "69.2");
  EXPECT_EQ(t.rows[1][9].text, "-") << "no window: no timeliness";
  EXPECT_THAT(t.notes, ::testing::Contains("合计 2 个县、30 所学校：已报送 20 所（按时 18，逾期 "
                                           "2），未填完 1，未报送 9；报送率 66.7%"));
  EXPECT_THAT(t.notes, ::testing::Contains(HasSubstr("140431 沁源县 没有定义填报期 2024")));
}

TEST_F(RegionTablesTest, ListPutsCountiesUnderTheirRegionsAndSaysHowToPlaceTheUnplaced) {
  junheng::v1::ListRegionsResponse list;
  auto add_region = [&](const std::string& code, const std::string& name,
                        const std::string& parent) {
    auto* r = list.add_regions();
    r->set_code(code);
    r->set_name(name);
    r->set_parent(parent);
  };
  add_region("14", "山西省", "");
  add_region("1404", "长治市", "14");
  add_region("1401", "太原市", "14");
  auto add_county = [](auto* counties, const std::string& code, const std::string& name,
                       int schools) {
    auto* c = counties->Add();
    c->set_county_code(code);
    c->set_name(name);
    c->set_schools(schools);
  };
  add_county(list.mutable_counties(), "140430", "沁县", 26);
  add_county(list.mutable_counties(), "140431", "沁源县", 30);
  add_county(list.mutable_unplaced(), "150102", "", 12);
  const table::Table t = RegionListTable(list, "");
  std::vector<std::string> codes;
  for (const auto& row : t.rows) codes.push_back(row[0].text);
  EXPECT_THAT(codes, ElementsAre("14", "1401", "1404", "140430", "140431", "150102"));
  const int counties = ColumnOf(t, "counties"), schools = ColumnOf(t, "schools");
  EXPECT_EQ(t.rows[0][counties].number, 2) << "山西省 holds both";
  EXPECT_EQ(t.rows[0][schools].number, 56);
  EXPECT_EQ(t.rows[1][counties].number, 0) << "太原市 holds none";
  EXPECT_EQ(t.rows[2][schools].number, 56);
  EXPECT_EQ(t.rows[3][schools].number, 26);
  EXPECT_EQ(t.rows[3][ColumnOf(t, "kind")].text, "县");
  EXPECT_EQ(t.rows[3][ColumnOf(t, "parent")].text, "1404");
  EXPECT_EQ(t.rows[5][ColumnOf(t, "kind")].text, "县（未归入）");
  EXPECT_EQ(t.rows[5][ColumnOf(t, "name")].text, "-");
  EXPECT_THAT(t.notes, ::testing::Contains(HasSubstr("junheng-server regions import")));
}

TEST_F(RegionTablesTest, TrendHasOneRowPerCountyAndYearWithTheLargestCoefficientPerLevel) {
  junheng::v1::RegionTrendResponse trend;
  trend.set_region_code("1404");
  trend.set_region_name("长治市");
  auto* qin = trend.add_counties();
  qin->set_county_code("140430");
  qin->set_county_name("沁县");
  auto* y2023 = qin->add_years();
  y2023->set_year(2023);
  auto* y2024 = qin->add_years();
  y2024->set_year(2024);
  y2024->set_evaluated(true);
  y2024->set_county_pass(true);
  y2024->set_schools_meeting(22);
  y2024->set_schools_due(20);
  y2024->set_due_meeting(20);
  auto* primary = y2024->add_levels();
  primary->set_level("primary");
  for (auto [id, name, cv] : {std::tuple{"L1", kL1Name, 0.2}, std::tuple{"L5", kL5Name, 0.41}}) {
    auto* ind = primary->add_indicators();
    ind->set_id(id);
    ind->set_name_zh(name);
    ind->set_cv(cv);
  }
  const table::Table t = RegionTrendTable(trend);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0][ColumnOf(t, "year")].number, 2023);
  EXPECT_EQ(t.rows[0][ColumnOf(t, "verdict")].text, "无报表");
  EXPECT_EQ(t.rows[1][ColumnOf(t, "verdict")].text, "达标");
  EXPECT_EQ(t.rows[1][ColumnOf(t, "schools_meeting")].number, 22);
  EXPECT_EQ(t.rows[1][ColumnOf(t, "schools_due")].number, 20);
  EXPECT_EQ(t.rows[1][ColumnOf(t, "primary_largest_cv")].text, std::string("0.410 L5 ") + kL5Name);
  EXPECT_EQ(t.rows[1][ColumnOf(t, "junior_largest_cv")].text, "-");
}

TEST_F(RegionTablesTest, EnglishLabelsKeepTheOfficialChineseNames) {
  i18n::LangScope english(i18n::Lang::kEn);
  EvaluateRegionResponse region =
      Region({CountyRow("140430", "沁县").Cv("primary", "L1", 0.3).Verdict("fail")});
  const table::Table csv = RegionEvaluationTables(region, RegionOutput::kCsv)[0];
  EXPECT_EQ(csv.columns[0].label, "county code");
  EXPECT_EQ(csv.rows[0][ColumnOf(csv, "verdict")].text, "FAIL");
  EXPECT_EQ(csv.columns[ColumnOf(csv, "primary_L1_cv")].label,
            std::string("primary L1 ") + kL1Name + " coefficient");
}

}  // namespace
}  // namespace junheng::render
