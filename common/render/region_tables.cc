#include "common/render/region_tables.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/eval/indicators.h"
#include "common/eval/items.h"
#include "common/i18n/bureau_messages.h"
#include "common/i18n/numbers.h"
#include "common/i18n/region_messages.h"

namespace junheng::render {
namespace {

using i18n::Say;
using junheng::v1::CountyEvaluationRow;
using junheng::v1::EvaluateRegionResponse;
using junheng::v1::TrendYear;
namespace msg = i18n::region;

constexpr size_t kShortHash = 16;

table::Cell Count(int64_t n) { return table::Cell::Of(static_cast<double>(n)); }
table::Cell Dash() { return table::Cell::Of("-"); }
std::string OrDash(const std::string& text) { return text.empty() ? "-" : text; }

// "小学" | "初中" in Chinese, the word in English.
std::string LevelText(absl::string_view level) {
  if (level == eval::LevelWord(eval::Level::kPrimary)) return Say(msg::kLevelPrimary);
  if (level == eval::LevelWord(eval::Level::kJunior)) return Say(msg::kLevelJunior);
  return std::string(level);
}

std::string VerdictText(absl::string_view verdict) {
  if (verdict == eval::kPass) return Say(msg::kVerdictPass);
  if (verdict == eval::kFail) return Say(msg::kVerdictFail);
  if (verdict == eval::kNotJudged) return Say(msg::kVerdictNotJudged);
  return std::string(verdict);
}

// "0.412 L5 生均体育运动场馆面积", or "-" without a coefficient.
table::Cell LargestCell(std::optional<double> cv, const std::string& id,
                        const std::string& name_zh) {
  if (!cv) return Dash();
  return table::Cell::Of(absl::StrFormat("%.3f %s %s", *cv, id, name_zh));
}

// The official name of indicator `id` in the catalogue, for a column no row names.
std::string CatalogueName(absl::string_view id) {
  for (const eval::IndicatorInfo& info : eval::kIndicatorCatalog) {
    if (info.id == id) return std::string(info.name_zh);
  }
  return "";
}

// The largest coefficient of `level` in a trend year, first in L1..L7 order on a tie.
table::Cell LargestOfYear(const TrendYear& year, absl::string_view level) {
  for (const auto& l : year.levels()) {
    if (l.level() != level) continue;
    const junheng::v1::TrendIndicator* largest = nullptr;
    for (const auto& ind : l.indicators()) {
      if (ind.has_cv() && (largest == nullptr || ind.cv() > largest->cv())) largest = &ind;
    }
    if (largest == nullptr) break;
    return LargestCell(
        largest->cv(), largest->id(),
        largest->name_zh().empty() ? CatalogueName(largest->id()) : largest->name_zh());
  }
  return Dash();
}

// A county row with figures to rank: evaluated, without error.
bool HasFigures(const CountyEvaluationRow& row) { return row.evaluated() && row.error().empty(); }

const junheng::v1::TrendIndicator* FindIndicator(const CountyEvaluationRow& row,
                                                 const RankedIndicator& column) {
  if (!HasFigures(row)) return nullptr;
  for (const auto& level : row.figures().levels()) {
    if (level.level() != column.level) continue;
    for (const auto& ind : level.indicators()) {
      if (ind.id() == column.id) return &ind;
    }
  }
  return nullptr;
}

// code, name: the first two columns of every county table.
std::vector<table::Column> CountyColumns() {
  return {{"county_code", Say(msg::kColCountyCode)}, {"county_name", Say(msg::kColCountyName)}};
}

table::Table SummaryTable(const EvaluateRegionResponse& region, bool whole_hash) {
  table::Table t;
  t.title = Say(msg::kEvalTitle, region.region_code(), region.region_name(), region.period(),
                region.profile().name(), region.profile().version());
  t.sheet_name = "各县评估";
  t.columns = CountyColumns();
  t.columns.push_back({"verdict", Say(msg::kColVerdict)});
  t.columns.push_back({"dimensions_passing", Say(msg::kColDimensions)});
  t.columns.push_back({"vetoed", Say(msg::kColVetoed)});
  for (eval::Level level : eval::kLevels) {
    t.columns.push_back({absl::StrCat(eval::LevelWord(level), "_largest_cv"),
                         Say(msg::kColLargest, LevelText(eval::LevelWord(level)))});
  }
  t.columns.push_back({"schools_meeting", Say(msg::kColSchoolsMeeting), 0});
  t.columns.push_back({"schools_due", Say(msg::kColSchoolsDue), 0});
  t.columns.push_back({"due_meeting", Say(msg::kColDueMeeting), 0});
  t.columns.push_back({"input_hash", Say(i18n::bureau::kColInputHash)});
  int pass = 0, fail = 0, not_judged = 0, nothing = 0, errors = 0;
  for (const CountyEvaluationRow& row : region.counties()) {
    std::vector<table::Cell> cells = {table::Cell::Of(row.county_code()),
                                      table::Cell::Of(OrDash(row.county_name()))};
    if (!row.error().empty()) {
      ++errors;
      cells.push_back(table::Cell::Of(Say(msg::kCountyError)));
      t.notes.push_back(Say(msg::kCountyFailed, row.county_code(), row.county_name(), row.error()));
      t.AddRow(std::move(cells));
      continue;
    }
    if (!row.evaluated()) {
      ++nothing;
      cells.push_back(table::Cell::Of(Say(msg::kNotEvaluated)));
      t.AddRow(std::move(cells));
      continue;
    }
    if (row.verdict() == eval::kPass) {
      ++pass;
    } else if (row.verdict() == eval::kFail) {
      ++fail;
    } else {
      ++not_judged;
    }
    table::Cell verdict = table::Cell::Of(VerdictText(row.verdict()));
    verdict.failing = row.verdict() == eval::kFail;
    cells.push_back(std::move(verdict));
    const int dimensions = row.dimensions_size() > 0 ? row.dimensions_size() : 4;
    cells.push_back(table::Cell::Of(absl::StrCat(row.dimensions_passing(), "/", dimensions)));
    cells.push_back(table::Cell::Of(Say(row.vetoed() ? msg::kYes : msg::kNo)));
    for (eval::Level level : eval::kLevels) {
      table::Cell largest = Dash();
      for (const auto& l : row.largest()) {
        if (l.level() != eval::LevelWord(level)) continue;
        largest =
            LargestCell(l.has_cv() ? std::optional<double>(l.cv()) : std::nullopt, l.indicator(),
                        l.indicator_zh().empty() ? CatalogueName(l.indicator()) : l.indicator_zh());
        largest.failing = l.has_cv() && l.cv() > l.threshold();
      }
      cells.push_back(std::move(largest));
    }
    cells.push_back(Count(row.figures().schools_meeting()));
    cells.push_back(Count(row.figures().schools_due()));
    cells.push_back(Count(row.figures().due_meeting()));
    cells.push_back(
        table::Cell::Of(whole_hash ? row.input_hash() : row.input_hash().substr(0, kShortHash)));
    t.AddRow(std::move(cells));
  }
  if (region.counties().empty()) {
    t.notes.insert(t.notes.begin(),
                   Say(msg::kNoCounties, region.region_code(), region.region_name()));
  } else {
    t.notes.insert(t.notes.begin(), Say(msg::kEvalCounts, region.counties_size(), pass, fail,
                                        not_judged, nothing, errors));
  }
  if (!whole_hash && !region.counties().empty()) t.notes.push_back(Say(msg::kHashNote));
  return t;
}

std::string RankedLabel(const RankedIndicator& column) {
  return absl::StrCat(LevelText(column.level), " ", column.id);
}

table::Table RankingTable(const EvaluateRegionResponse& region, const RegionRanking& ranking,
                          bool compact) {
  table::Table t;
  t.title = Say(msg::kRankingTitle, region.region_code(), region.region_name(), region.period());
  t.sheet_name = "排名";
  t.columns = CountyColumns();
  for (const RankedIndicator& column : ranking.indicators) {
    const std::string key = absl::StrCat(column.level, "_", column.id);
    const std::string level = LevelText(column.level);
    if (compact) {
      t.columns.push_back({key, RankedLabel(column)});
    } else {
      t.columns.push_back(
          {key + "_cv", Say(msg::kColRankedCv, level, column.id, column.name_zh), 3});
      t.columns.push_back({key + "_rank", Say(msg::kColRank, level, column.id, column.name_zh), 0});
    }
  }
  for (int c = 0; c < region.counties_size(); ++c) {
    const CountyEvaluationRow& row = region.counties(c);
    std::vector<table::Cell> cells = {table::Cell::Of(row.county_code()),
                                      table::Cell::Of(OrDash(row.county_name()))};
    for (const RankedCell& ranked : ranking.counties[c]) {
      if (compact) {
        table::Cell cell =
            ranked.cv ? table::Cell::Of(absl::StrFormat("%.3f (%d)", *ranked.cv, *ranked.rank))
                      : Dash();
        cell.failing = ranked.fails;
        cells.push_back(std::move(cell));
      } else {
        table::Cell cv = table::Cell::Of(ranked.cv);
        cv.failing = ranked.fails;
        cells.push_back(std::move(cv));
        cells.push_back(ranked.rank ? Count(*ranked.rank) : table::Cell{});
      }
    }
    t.AddRow(std::move(cells));
  }
  t.notes.push_back(Say(msg::kRankingRule));
  if (compact) {
    // The levels share their indicators' names: each once.
    for (const RankedIndicator& column : ranking.indicators) {
      if (column.level != ranking.indicators.front().level) break;
      t.notes.push_back(absl::StrCat("  ", column.id, " ", column.name_zh));
    }
  }
  return t;
}

// The columns of `with` after its first `skip` beside those of `base`, row by row.
void AppendColumns(table::Table& base, const table::Table& with, size_t skip) {
  const size_t width = base.columns.size();
  base.columns.insert(base.columns.end(), with.columns.begin() + skip, with.columns.end());
  for (size_t r = 0; r < base.rows.size() && r < with.rows.size(); ++r) {
    base.rows[r].resize(width);
    base.rows[r].insert(base.rows[r].end(), with.rows[r].begin() + skip, with.rows[r].end());
  }
}

}  // namespace

table::Table RegionListTable(const junheng::v1::ListRegionsResponse& list,
                             const std::string& region_code) {
  struct Row {
    std::string name, parent;
    bool region = false;
    std::optional<int> schools;  // a county held
  };
  std::map<std::string, Row> rows;  // by code: a region before the regions under it
  for (const auto& region : list.regions()) {
    Row& row = rows[region.code()];
    row.name = region.name();
    row.parent = region.parent();
    row.region = region.code().size() < 6;
  }
  int held = 0, schools = 0;
  for (const auto& county : list.counties()) {
    Row& row = rows[county.county_code()];
    if (row.name.empty()) row.name = county.name();
    if (row.parent.empty()) row.parent = county.county_code().substr(0, 4);
    row.schools = county.schools();
    ++held;
    schools += county.schools();
  }
  table::Table t;
  std::string title_name;
  if (auto it = rows.find(region_code); it != rows.end()) title_name = it->second.name;
  t.title =
      region_code.empty() ? Say(msg::kListTitleAll) : Say(msg::kListTitle, region_code, title_name);
  t.sheet_name = "区划";
  t.columns = {{"code", Say(msg::kColCode)},
               {"name", Say(msg::kColName)},
               {"kind", Say(msg::kColKind)},
               {"parent", Say(msg::kColParent)},
               {"counties", Say(msg::kColCounties), 0},
               {"schools", Say(msg::kColSchools), 0}};
  for (const auto& [code, row] : rows) {
    std::vector<table::Cell> cells = {table::Cell::Of(code), table::Cell::Of(OrDash(row.name)),
                                      table::Cell::Of(Say(code.size() == 2   ? msg::kKindProvince
                                                          : code.size() == 4 ? msg::kKindCity
                                                                             : msg::kKindCounty)),
                                      table::Cell::Of(OrDash(row.parent))};
    if (row.region) {
      int counties = 0, under = 0;
      for (const auto& county : list.counties()) {
        if (!absl::StartsWith(county.county_code(), code)) continue;
        ++counties;
        under += county.schools();
      }
      cells.push_back(Count(counties));
      cells.push_back(Count(under));
    } else {
      cells.push_back(table::Cell{});
      cells.push_back(row.schools ? Count(*row.schools) : Dash());
    }
    t.AddRow(std::move(cells));
  }
  for (const auto& county : list.unplaced()) {
    t.AddRow({table::Cell::Of(county.county_code()), table::Cell::Of(OrDash(county.name())),
              table::Cell::Of(Say(msg::kKindUnplaced)),
              table::Cell::Of(county.county_code().substr(0, 4)), table::Cell{},
              Count(county.schools())});
  }
  t.notes.push_back(Say(msg::kListCounts, list.regions_size(), held, schools));
  if (!region_code.empty() && held == 0) {
    t.notes.push_back(Say(msg::kNoCounties, region_code, title_name));
  }
  if (!list.unplaced().empty()) t.notes.push_back(Say(msg::kUnplacedHint, list.unplaced_size()));
  return t;
}

table::Table RegionStatusTable(const junheng::v1::RegionStatusResponse& status) {
  table::Table t;
  t.title = Say(msg::kStatusTitle, status.region_code(), status.region_name(), status.period(),
                status.as_of());
  t.sheet_name = "各县报送";
  t.columns = CountyColumns();
  t.columns.insert(t.columns.end(), {{"schools_total", Say(msg::kColSchools), 0},
                                     {"submitted", Say(msg::kColSubmitted), 0},
                                     {"on_time", Say(msg::kColOnTime), 0},
                                     {"late", Say(msg::kColLate), 0},
                                     {"incomplete", Say(msg::kColIncomplete), 0},
                                     {"not_submitted", Say(msg::kColNotSubmitted), 0},
                                     {"completeness_pct", Say(msg::kColCompleteness), 1},
                                     {"timeliness_pct", Say(msg::kColTimeliness), 1}});
  int64_t total = 0, submitted = 0, on_time = 0, late = 0, incomplete = 0, not_submitted = 0;
  std::vector<std::string> without_window;
  for (const auto& county : status.counties()) {
    t.AddRow({table::Cell::Of(county.county_code()), table::Cell::Of(OrDash(county.county_name())),
              Count(county.schools_total()), Count(county.submitted()), Count(county.on_time()),
              Count(county.late()), Count(county.incomplete()), Count(county.not_submitted()),
              table::Cell::Of(100 * county.completeness_rate()),
              county.window_defined() ? table::Cell::Of(100 * county.timeliness_rate()) : Dash()});
    total += county.schools_total();
    submitted += county.submitted();
    on_time += county.on_time();
    late += county.late();
    incomplete += county.incomplete();
    not_submitted += county.not_submitted();
    if (!county.window_defined()) {
      without_window.push_back(
          Say(msg::kNoWindow, county.county_code(), county.county_name(), status.period()));
    }
  }
  if (status.counties().empty()) {
    t.notes.push_back(Say(msg::kNoCounties, status.region_code(), status.region_name()));
  } else {
    const double completeness = total > 0 ? 100.0 * submitted / total : 0;
    t.notes.push_back(Say(msg::kStatusTotals, status.counties_size(), total, submitted, on_time,
                          late, incomplete, not_submitted, i18n::PeopleNumber(completeness, 1)));
  }
  t.notes.insert(t.notes.end(), without_window.begin(), without_window.end());
  return t;
}

RegionRanking RankCounties(const EvaluateRegionResponse& region) {
  RegionRanking ranking;
  for (eval::Level level : eval::kLevels) {
    for (const eval::IndicatorInfo& info : eval::kIndicatorCatalog) {
      ranking.indicators.push_back(
          {std::string(eval::LevelWord(level)), std::string(info.id), std::string(info.name_zh)});
    }
  }
  const int n = region.counties_size();
  ranking.counties.assign(n, std::vector<RankedCell>(ranking.indicators.size()));
  for (size_t j = 0; j < ranking.indicators.size(); ++j) {
    RankedIndicator& column = ranking.indicators[j];
    bool named = false;
    std::vector<std::pair<double, int>> present;  // coefficient, county
    for (int c = 0; c < n; ++c) {
      const junheng::v1::TrendIndicator* ind = FindIndicator(region.counties(c), column);
      if (ind == nullptr) continue;
      if (!named && !ind->name_zh().empty()) {
        column.name_zh = ind->name_zh();
        named = true;
      }
      if (!ind->has_cv() || std::isnan(ind->cv())) continue;
      RankedCell& cell = ranking.counties[c][j];
      cell.cv = ind->cv();
      cell.fails = ind->status() == eval::kFail;
      present.emplace_back(ind->cv(), c);
    }
    std::stable_sort(present.begin(), present.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (size_t k = 0; k < present.size(); ++k) {
      const bool tie = k > 0 && present[k].first == present[k - 1].first;
      ranking.counties[present[k].second][j].rank =
          tie ? *ranking.counties[present[k - 1].second][j].rank : static_cast<int>(k) + 1;
    }
  }
  return ranking;
}

std::vector<table::Table> RegionEvaluationTables(const EvaluateRegionResponse& region,
                                                 RegionOutput output) {
  const RegionRanking ranking = RankCounties(region);
  switch (output) {
    case RegionOutput::kText: {
      std::vector<table::Table> tables;
      tables.push_back(SummaryTable(region, /*whole_hash=*/false));
      tables.push_back(RankingTable(region, ranking, /*compact=*/true));
      return tables;
    }
    case RegionOutput::kCsv: {
      table::Table csv = SummaryTable(region, /*whole_hash=*/true);
      AppendColumns(csv, RankingTable(region, ranking, /*compact=*/false), /*skip=*/2);
      std::vector<table::Table> tables;
      tables.push_back(std::move(csv));
      return tables;
    }
    case RegionOutput::kWorkbook:
      break;
  }
  std::vector<table::Table> tables;
  tables.push_back(SummaryTable(region, /*whole_hash=*/true));
  tables.push_back(RankingTable(region, ranking, /*compact=*/false));
  return tables;
}

table::Table RegionTrendTable(const junheng::v1::RegionTrendResponse& trend) {
  table::Table t;
  t.title = Say(msg::kTrendTitle, trend.region_code(), trend.region_name());
  t.sheet_name = "各县趋势";
  t.columns = CountyColumns();
  t.columns.push_back({"year", Say(i18n::bureau::kColYear), 0});
  t.columns.push_back({"verdict", Say(msg::kColVerdict)});
  t.columns.push_back({"schools_meeting", Say(msg::kColSchoolsMeeting), 0});
  t.columns.push_back({"schools_due", Say(msg::kColSchoolsDue), 0});
  t.columns.push_back({"due_meeting", Say(msg::kColDueMeeting), 0});
  for (eval::Level level : eval::kLevels) {
    t.columns.push_back({absl::StrCat(eval::LevelWord(level), "_largest_cv"),
                         Say(msg::kColLargest, LevelText(eval::LevelWord(level)))});
  }
  for (const auto& county : trend.counties()) {
    for (const TrendYear& year : county.years()) {
      std::vector<table::Cell> cells = {table::Cell::Of(county.county_code()),
                                        table::Cell::Of(OrDash(county.county_name())),
                                        Count(year.year())};
      if (!year.evaluated()) {
        cells.push_back(table::Cell::Of(Say(msg::kNotEvaluated)));
        t.AddRow(std::move(cells));
        continue;
      }
      table::Cell verdict =
          table::Cell::Of(Say(year.county_pass() ? msg::kVerdictPass : msg::kVerdictFail));
      verdict.failing = !year.county_pass();
      cells.push_back(std::move(verdict));
      cells.push_back(Count(year.schools_meeting()));
      cells.push_back(Count(year.schools_due()));
      cells.push_back(Count(year.due_meeting()));
      for (eval::Level level : eval::kLevels) {
        cells.push_back(LargestOfYear(year, eval::LevelWord(level)));
      }
      t.AddRow(std::move(cells));
    }
  }
  if (trend.counties().empty()) {
    t.notes.push_back(Say(msg::kNoCounties, trend.region_code(), trend.region_name()));
  }
  return t;
}

}  // namespace junheng::render
