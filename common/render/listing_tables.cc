#include "common/render/listing_tables.h"

#include <optional>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/catalog/fields.h"
#include "common/i18n/bureau_messages.h"

namespace junheng::render {

using i18n::Say;
namespace msg = i18n::bureau;

table::Table RegistryTable(const junheng::v1::ListSchoolsResponse& registry,
                           const std::string& county, bool all_columns) {
  table::Table t;
  t.title = all_columns ? "" : Say(msg::kRegistryTitle, county);
  t.sheet_name = "学校名册";
  t.key_row = all_columns;
  std::vector<const catalog::Field<junheng::v1::School>*> fields;
  for (const catalog::Field<junheng::v1::School>* field : catalog::school::kAll) {
    bool brief = field == &catalog::school::school_code || field == &catalog::school::school_name ||
                 field == &catalog::school::school_type || field == &catalog::school::locale ||
                 field == &catalog::school::target_year;
    if (!all_columns && !brief) continue;
    fields.push_back(field);
    t.columns.push_back({std::string(field->name), field->DisplayLabel(),
                         field->kind == catalog::Kind::kYear ? 0 : -1});
  }
  for (const auto& school : registry.schools()) {
    std::vector<table::Cell> row;
    for (const catalog::Field<junheng::v1::School>* field : fields) {
      if (field->kind == catalog::Kind::kYear) {
        row.push_back(table::Cell::Of(field->Number(school)));
      } else if (field->kind == catalog::Kind::kYesNo) {
        std::optional<bool> flag = field->Flag(school);
        row.push_back(table::Cell::Of(!flag ? "" : *flag ? "是" : "否"));
      } else {
        const catalog::Word* word = field->FindWord(field->Text(school));
        row.push_back(table::Cell::Of(std::string(word ? word->label_zh : field->Text(school))));
      }
    }
    t.AddRow(std::move(row));
  }
  if (!all_columns) {
    t.notes.push_back(Say(msg::kSchoolsCount, county, registry.schools_size()));
  }
  return t;
}

table::Table TrendTable(const junheng::v1::TrendResponse& trend) {
  table::Table t;
  t.title = Say(msg::kTrendTitle, trend.county_code());
  t.sheet_name = "趋势";
  t.columns = {{"year", Say(msg::kColYear), 0},
               {"source", Say(msg::kColSource)},
               {"level", Say(msg::kColLevel)},
               {"indicator", Say(msg::kColIndicator)},
               {"name_zh", Say(msg::kColIndicatorName)},
               {"cv", Say(msg::kColCoefficient), 3},
               {"threshold", Say(msg::kColThreshold), 2},
               {"result", Say(msg::kColResult)}};
  for (const auto& year : trend.years()) {
    if (!year.evaluated()) {
      t.notes.push_back(Say(msg::kTrendNothingReported, year.year()));
      continue;
    }
    t.notes.push_back(Say(msg::kTrendYear, year.year(), year.source(), year.schools_reported(),
                          year.schools_meeting(), year.schools_due(), year.due_meeting(),
                          Say(year.county_pass() ? msg::kCountyPass : msg::kCountyFail)));
    if (year.snapshot_seq() > 0) {
      t.notes.push_back(Say(year.source() == "snapshot"      ? msg::kTrendFromSnapshot
                            : year.snapshot_same_as_stored() ? msg::kTrendSnapshotSame
                                                             : msg::kTrendSnapshotOlder,
                            year.snapshot_seq(), year.snapshot_time(), year.snapshot_trigger()));
    }
    for (const auto& level : year.levels()) {
      for (const auto& ind : level.indicators()) {
        table::Cell cv = ind.has_cv() ? table::Cell::Of(ind.cv()) : table::Cell::Of("-");
        cv.failing = ind.status() != "not_judged" && !ind.pass();
        t.AddRow({table::Cell::Of(static_cast<double>(year.year())), table::Cell::Of(year.source()),
                  table::Cell::Of(
                      absl::StrCat(level.level(), " ", level.units_meeting(), "/", level.units())),
                  table::Cell::Of(ind.id()), table::Cell::Of(ind.name_zh()), std::move(cv),
                  table::Cell::Of(ind.threshold()),
                  table::Cell::Of(Say(ind.status() == "not_judged" ? msg::kNotJudged
                                      : ind.pass()                 ? msg::kMeets
                                                                   : msg::kFails))});
      }
    }
  }
  return t;
}

}  // namespace junheng::render
