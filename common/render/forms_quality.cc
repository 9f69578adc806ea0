// 表Ⅴ 教育质量评估指标指标 (sic; A1:C12, the header merged over rows 2-3, items 1-9 in rows 4-12)
// and 表Ⅵ 社会认可度调查情况 (A1:H7: a three-level header, the codes L1-L7 in row 5, the rows 计
// and 其中：家长), as national-forms.md lays them out.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/render/forms_sheets.h"
#include "common/table/people_text.h"

namespace junheng::render::forms {
namespace {

namespace facts = catalog::county_facts;

std::string Consolidation(const Context& c) {
  return absl::StrCat(
      "初中毕业班学生数", Fill(c.Fact(facts::junior_graduates)), "人，三年前该年级入学学生数",
      Fill(c.Fact(facts::junior_entrants_three_years_ago)), "人，毕业年级三年转入",
      Fill(c.Fact(facts::junior_transfers_in)), "人，死亡", Fill(c.Fact(facts::junior_deaths)),
      "人，转出", Fill(c.Fact(facts::junior_transfers_out)), "人，巩固率",
      FillPercent(c.Fact(facts::consolidation_rate)), "%");
}

std::string DisabledChildren(const Context& c) {
  std::optional<double> children = c.Fact(facts::disabled_children);
  std::optional<double> enrolled = c.Fact(facts::disabled_children_enrolled);
  std::optional<double> special = c.Fact(facts::disabled_children_in_special_schools);
  return absl::StrCat(
      "残疾儿童少年", Fill(children), "人，入学", Fill(enrolled), "人，入学率",
      FillPercent(FirstKnown(c.Fact(facts::disabled_enrollment_rate), Share(enrolled, children))),
      "%；其中在特殊教育学校就读", Fill(special), "人，占比", FillPercent(Share(special, enrolled)),
      "%");
}

std::string Charter(const Context& c) {
  return SchoolsConclusion(c, "Q3", "制定章程，实现学校管理与教学信息化");
}
std::string TrainingFunds(const Context& c) {
  return SchoolsConclusion(
      c, "Q4",
      absl::StrCat("教师培训经费不低于学校年度公用经费预算总额的",
                   table::PeopleNumber(100 * c.profile().training_funds_share_min()), "%"));
}
std::string Ict(const Context& c) {
  return SchoolsConclusion(c, "Q5", "教师能熟练运用信息化手段组织教学，设施设备利用率较高");
}
std::string MoralCulture(const Context& c) {
  return SchoolsConclusion(c, "Q6", "德育工作、校园文化建设水平达到良好以上");
}
std::string Courses(const Context& c) {
  return SchoolsConclusion(c, "Q7", "课程开齐开足，教学秩序规范，综合实践活动有效开展");
}
std::string Burden(const Context& c) { return SchoolsConclusion(c, "Q8", "无过重课业负担"); }

// Levels I-IV as the monitoring reports write them.
std::string Level(const junheng::v1::MonitoringResult* m) {
  static constexpr const char* kRoman[] = {"Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ"};
  if (m == nullptr || !m->has_level() || m->level() < 1 || m->level() > 4) return kUnknown;
  return kRoman[m->level() - 1];
}

// The form's six subjects in its order, each with the state's level and between-school rate
// (blank where it was not monitored this round), then any other subject entered.
std::string Monitoring(const Context& c) {
  static constexpr const char* kSubjects[] = {"语文", "数学", "科学", "体育", "艺术", "德育"};
  std::vector<const junheng::v1::MonitoringResult*> results;
  if (c.facts != nullptr) {
    for (const auto& m : c.facts->monitoring()) results.push_back(&m);
  }
  auto find = [&](const std::string& subject) -> const junheng::v1::MonitoringResult* {
    for (const auto* m : results) {
      if (m->subject() == subject) return m;
    }
    return nullptr;
  };
  std::vector<std::string> subjects(std::begin(kSubjects), std::end(kSubjects));
  const std::set<std::string> standard(subjects.begin(), subjects.end());
  for (const auto* m : results) {
    if (!standard.contains(m->subject())) subjects.push_back(m->subject());
  }
  std::vector<std::string> parts;
  for (const std::string& subject : subjects) {
    const junheng::v1::MonitoringResult* m = find(subject);
    parts.push_back(absl::StrCat(subject, Level(m), "级、校际差异率",
                                 m != nullptr && m->has_between_school_rate()
                                     ? table::PeopleNumber(m->between_school_rate())
                                     : std::string(kUnknown)));
  }
  return absl::StrJoin(parts, "；");
}

constexpr ItemSentence kItems[] = {
    {"Q1", Consolidation}, {"Q2", DisabledChildren}, {"Q3", Charter}, {"Q4", TrainingFunds},
    {"Q5", Ict},           {"Q6", MoralCulture},     {"Q7", Courses}, {"Q8", Burden},
    {"Q9", Monitoring},
};

void AddQuality(const Context& c, xlsx::Workbook& book) {
  xlsx::Sheet& sheet = book.AddSheet("表Ⅴ");
  sheet.Merge(0, 0, 0, 2, "表Ⅴ 教育质量评估指标指标", TitleStyle());
  ItemColumns(sheet);
  sheet.Merge(1, 0, 2, 0, "名称", HeaderStyle());
  sheet.Merge(1, 1, 2, 1, "指标值或简要结论", HeaderStyle());
  sheet.Merge(1, 2, 2, 2, "是否达标", HeaderStyle());
  int row = 3;  // rows 4-12
  int number = 0;
  for (const ItemSentence& item : kItems) {
    ItemRow(c, sheet, row++, ++number, item.id, item.sentence(c));
  }
  sheet.PrintLandscape();
}

void AddRecognition(const Context& c, xlsx::Workbook& book) {
  xlsx::Sheet& sheet = book.AddSheet("表Ⅵ");
  const xlsx::Style header = HeaderStyle();
  sheet.Merge(0, 0, 0, 7, "表Ⅵ 社会认可度调查情况", TitleStyle());
  // Rows 2-4: B2:D2, C3:D3 and F2:G2 as in the form; single headers span down to row 4.
  sheet.Merge(1, 0, 3, 0, "", header);
  sheet.Merge(1, 1, 1, 3, "问卷总数", header);
  sheet.Merge(2, 1, 3, 1, "计", header);
  sheet.Merge(2, 2, 2, 3, "其中：回收有效问卷数", header);
  sheet.Text(3, 2, "计", header);
  sheet.Text(3, 3, "其中：满意问卷数", header);
  sheet.Merge(1, 4, 3, 4, "问卷调查综合满意度（%）", header);
  sheet.Merge(1, 5, 1, 6, "实地走访人数", header);
  sheet.Merge(2, 5, 3, 5, "计", header);
  sheet.Merge(2, 6, 3, 6, "其中：满意人数", header);
  sheet.Merge(1, 7, 3, 7, "实地走访满意度（%）", header);
  sheet.Text(4, 0, "", CodeStyle());
  for (int col = 1; col <= 7; ++col) sheet.Text(4, col, absl::StrCat("L", col), CodeStyle());

  struct Row {
    const char* label;
    const catalog::Field<junheng::v1::CountyFacts>* total;
    const catalog::Field<junheng::v1::CountyFacts>* valid;
    const catalog::Field<junheng::v1::CountyFacts>* satisfied;
    const catalog::Field<junheng::v1::CountyFacts>* visits;
    const catalog::Field<junheng::v1::CountyFacts>* visits_satisfied;
  };
  const Row rows[] = {
      {"计", &facts::survey_total, &facts::survey_valid, &facts::survey_satisfied, &facts::visits,
       &facts::visits_satisfied},
      {"其中：家长", &facts::parent_survey_total, &facts::parent_survey_valid,
       &facts::parent_survey_satisfied, &facts::parent_visits, &facts::parent_visits_satisfied},
  };
  for (int r = 0; r < 2; ++r) {
    const Row& data = rows[r];
    const int row = 5 + r;
    sheet.Text(row, 0, data.label, TextStyle());
    NumberOrEmpty(sheet, row, 1, c.Fact(*data.total), kInteger);
    NumberOrEmpty(sheet, row, 2, c.Fact(*data.valid), kInteger);
    NumberOrEmpty(sheet, row, 3, c.Fact(*data.satisfied), kInteger);
    std::optional<double> satisfaction = Share(c.Fact(*data.satisfied), c.Fact(*data.valid));
    if (satisfaction) *satisfaction *= 100;
    // The overall satisfaction is the social-recognition test (SR): dark when it fails.
    NumberOrEmpty(sheet, row, 4, satisfaction, kOneDecimal, r == 0 && Fails(c.Item("SR")));
    NumberOrEmpty(sheet, row, 5, c.Fact(*data.visits), kInteger);
    NumberOrEmpty(sheet, row, 6, c.Fact(*data.visits_satisfied), kInteger);
    std::optional<double> visits = Share(c.Fact(*data.visits_satisfied), c.Fact(*data.visits));
    if (visits) *visits *= 100;
    NumberOrEmpty(sheet, row, 7, visits, kOneDecimal);
  }
  sheet.RowHeight(1, 30);
  sheet.RowHeight(2, 30);
  sheet.ColumnWidth(0, 0, 12);
  sheet.ColumnWidth(1, 7, 13);
  sheet.PrintLandscape();
}

}  // namespace

void AddQualitySheets(const Context& context, xlsx::Workbook& book) {
  AddQuality(context, book);
  AddRecognition(context, book);
}

}  // namespace junheng::render::forms
