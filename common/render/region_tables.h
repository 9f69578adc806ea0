#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/table/table.h"
#include "junheng/v1/region.pb.h"

namespace junheng::render {

// The listings of cities and provinces (issue 15) that `junheng region list|status|eval|trend`
// prints and exports: each a pure function of the server's answer, with every page merged, into
// tables in the current language. Names of counties, regions and indicators are the ones the
// answer carries; a cell with nothing to show is "-".

// ListRegions: one row per region and per county, by code, so that a province comes before its
// cities and a city before its counties; a region's row counts the counties held under it and
// sums their schools. The unplaced counties follow, and the notes say how to place them
// (`junheng-server regions import`). `region_code` is the one asked for; "" means every region.
table::Table RegionListTable(const junheng::v1::ListRegionsResponse& list,
                             const std::string& region_code);

// RegionStatus: one row per county, in the answer's order: code, name, schools, submitted, on
// time, late, incomplete, not submitted, completeness % and timeliness % ("-" for a county with
// no window for the period); the notes give the totals and name the counties without a window.
table::Table RegionStatusTable(const junheng::v1::RegionStatusResponse& status);

// One column of the ranking: an indicator of a level.
struct RankedIndicator {
  std::string level;    // primary | junior
  std::string id;       // L1..L7
  std::string name_zh;  // the official name, as the rows carry it (the catalogue's when none does)
};

// A county's coefficient of one ranked indicator and its place.
struct RankedCell {
  // Absent when the county has no such coefficient: nothing reported, its evaluation failed, or
  // the coefficient is undefined. Such a county has no rank either.
  std::optional<double> cv;
  // 1 is the smallest coefficient (the most balanced county). Counties with the same coefficient
  // share a rank, and the next rank skips as many places (1, 1, 3).
  std::optional<int> rank;
  // The coefficient is over the profile's limit.
  bool fails = false;
};

struct RegionRanking {
  // The primary level's L1..L7, then the junior level's.
  std::vector<RankedIndicator> indicators;
  // One entry per county of the answer, in its order, each with one cell per indicator.
  std::vector<std::vector<RankedCell>> counties;
};

// Ranks the counties of `region` indicator by indicator among the counties of the answer.
RegionRanking RankCounties(const junheng::v1::EvaluateRegionResponse& region);

// Where the tables of `region eval` go; each output gets the tables it can hold.
enum class RegionOutput {
  // The summary (input hash shortened to 16 digits) and the ranking as a second table, one
  // "0.412 (2)" cell per indicator under "小学 L1", the names of the indicators in its notes.
  kText,
  // One table: the summary (whole hash), then per indicator two columns, its coefficient and
  // rank, labelled with the level, the id and the official name.
  kCsv,
  // Two sheets: the summary (whole hash), then "排名" with the coefficient and rank columns.
  kWorkbook,
};

// EvaluateRegion: the summary has one row per county, in the answer's order: code, name,
// verdict, dimensions passing of four, vetoed, per level the largest coefficient with its
// indicator's id and name ("0.412 L5 生均体育运动场馆面积"), schools meeting the standard, schools
// due by the plan, due ones meeting it, and the input hash; the notes count the verdicts and give
// each county's error.
std::vector<table::Table> RegionEvaluationTables(const junheng::v1::EvaluateRegionResponse& region,
                                                 RegionOutput output);

// RegionTrend: one row per county and year: verdict, schools meeting and due, and per level the
// largest coefficient with its indicator, as in the summary of RegionEvaluationTables.
table::Table RegionTrendTable(const junheng::v1::RegionTrendResponse& trend);

}  // namespace junheng::render
