// 表Ⅳ 政府保障程度评估指标指标 (sic, national-forms.md): A1:C20, 名称 | 指标值或简要结论 |
// 是否达标, items 1-8 in rows 3-10, the header again in row 12 (a page break in the printed form),
// items 9-15 in rows 13-19, the note merged in A20:C20. Column B is each item's fill-in sentence,
// built from the figures the evaluation judged and the county facts that explain them.
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/eval/items.h"
#include "common/render/forms_sheets.h"
#include "common/table/people_text.h"

namespace junheng::render::forms {
namespace {

namespace facts = catalog::county_facts;

std::string Layout(const Context& c) { return FactYesNo(c, facts::layout_plan_ok); }
std::string Standards(const Context& c) { return FactYesNo(c, facts::unified_standards_ok); }

std::string ArtsRooms(const Context& c) {
  return SchoolsConclusion(c, "G3", "按规定配备音乐、美术专用教室且面积达标");
}

std::string SchoolSize(const Context& c) {
  const CountyFigures& f = c.figures;
  const int single = c.profile().single_level_max_students();
  return absl::StrCat("超过", single, "人的小学", f.oversize_primary_schools, "所，初中",
                      f.oversize_junior_schools, "所，超过", c.profile().multi_level_max_students(),
                      "人的一贯制学校", f.oversize_multi_level_schools, "所");
}

std::string ClassSize(const Context& c) {
  auto count = [](std::optional<double> fact, std::optional<int> derived) {
    return Fill(FirstKnown(fact, derived ? std::optional<double>(*derived) : std::nullopt));
  };
  return absl::StrCat(
      "超过", c.profile().primary().max_class_size(), "人的小学班级",
      count(c.Fact(facts::oversize_primary_classes), c.figures.oversize_primary_classes),
      "个，超过", c.profile().junior().max_class_size(), "人的初中班级",
      count(c.Fact(facts::oversize_junior_classes), c.figures.oversize_junior_classes), "个");
}

std::string SmallSchools(const Context& c) {
  return absl::StrCat("不足", c.profile().small_school_funded_students(), "人的规模较小学校学生数",
                      Fill(c.figures.small_school_students), "人，公用经费",
                      Fill(c.figures.small_school_funds), "元");
}

std::string SpecialEducation(const Context& c) {
  std::optional<double> funds = c.Fact(facts::special_ed_public_funds_yuan);
  std::optional<double> students = c.Fact(facts::special_ed_students);
  std::optional<double> per_student =
      FirstKnown(c.Fact(facts::special_ed_funds_per_student_yuan), Share(funds, students));
  return absl::StrCat("特殊教育学校公用经费为",
                      Fill(funds ? std::optional<double>(*funds / 10000) : std::nullopt),
                      "万元，特殊教育学生数为", Fill(students), "人，特殊教育学校生均公用经费为",
                      Fill(per_student), "元");
}

std::string TeacherPay(const Context& c) {
  return absl::StrCat("全县义务教育学校教师年平均工资收入为",
                      Fill(c.Fact(facts::teacher_average_pay_yuan)), "元，当地公务员年平均工资收入",
                      Fill(c.Fact(facts::civil_servant_average_pay_yuan)), "元；",
                      FactYesNo(c, facts::performance_pay_approved));
}

std::string Training(const Context& c) {
  const CountyFigures::TeacherShare& t = c.figures.trained;
  return absl::StrCat("完成360学时培训的教师", Fill(t.part), "人，全县教师", Fill(t.teachers),
                      "人，教师培训完成率", FillPercent(ItemNumber(c.Item("G9"))), "%");
}

std::string Staffing(const Context& c) { return FactYesNo(c, facts::staffing_allocation_ok); }

std::string Rotation(const Context& c) {
  std::optional<double> eligible = c.Fact(facts::rotation_eligible_teachers);
  std::optional<double> rotated = c.Fact(facts::rotated_teachers);
  std::optional<double> backbone = c.Fact(facts::rotated_backbone_teachers);
  const junheng::v1::ItemResult* item = c.Item("G11");
  return absl::StrCat(
      "符合条件教师总数", Fill(eligible), "名，上一年度交流轮岗教师", Fill(rotated), "名，占比",
      FillPercent(FirstKnown(ItemNumber(item, "rotation_share"), Share(rotated, eligible))),
      "%；交流轮岗的骨干教师", Fill(backbone), "名，占交流轮岗教师总数的比例",
      FillPercent(FirstKnown(ItemNumber(item, "rotated_backbone_share"), Share(backbone, rotated))),
      "%");
}

std::string Certified(const Context& c) {
  const CountyFigures::TeacherShare& t = c.figures.certified;
  return absl::StrCat("全县在岗专任教师", Fill(t.teachers), "人，其中持有教师资格证的",
                      Fill(t.part), "人，占比", FillPercent(ItemNumber(c.Item("G12"))), "%");
}

std::string Zoning(const Context& c) {
  const junheng::v1::ItemResult* item = c.Item("G13");
  std::optional<double> primary = ItemNumber(item, "primary");
  std::optional<double> junior = ItemNumber(item, "junior");
  // A level whose rate is null in a judged item has no school the rule applies to.
  const bool judged = item != nullptr && item->status() != eval::kNotJudged;
  if (judged && !primary && !junior) return "全县无城区和镇区公办非寄宿制小学、初中";
  auto rate = [&](std::optional<double> share) {
    return judged && !share ? std::string(kNone) : absl::StrCat(FillPercent(share), "%");
  };
  return absl::StrCat("城区和镇区公办小学、初中（均不含寄宿制学校）就近划片入学比例分别",
                      rate(primary), "、", rate(junior));
}

std::string QualityPlaces(const Context& c) {
  std::optional<double> places = c.Fact(facts::quality_hs_places);
  std::optional<double> allocated = c.Fact(facts::quality_hs_places_allocated);
  std::optional<double> rural = c.Fact(facts::quality_hs_places_rural);
  return absl::StrCat(
      "优质高中招生名额总数", Fill(places), "人，分配名额", Fill(allocated), "人，占比",
      FillPercent(FirstKnown(c.Fact(facts::quality_hs_quota_share), Share(allocated, places))),
      "%；其中分配农村学校的名额", Fill(rural), "人，占分配名额总数的",
      FillPercent(Share(rural, allocated)), "%");
}

std::string Migrants(const Context& c) {
  std::optional<double> eligible = c.Fact(facts::migrant_children_eligible);
  std::optional<double> in_public = c.Fact(facts::migrant_children_in_public);
  std::optional<double> in_private = c.Fact(facts::migrant_children_in_purchased_private);
  std::optional<double> both;
  if (in_public && in_private) both = *in_public + *in_private;
  return absl::StrCat(
      "符合条件的随迁子女数", Fill(eligible), "人，在公办学校就读", Fill(in_public),
      "人，在政府购买服务的民办学校就读", Fill(in_private), "人，合计", Fill(both), "人，占比",
      FillPercent(FirstKnown(c.Fact(facts::migrant_children_public_share), Share(both, eligible))),
      "%；", FactYesNo(c, facts::left_behind_care_ok));
}

constexpr ItemSentence kFirstPage[] = {
    {"G1", Layout},    {"G2", Standards},    {"G3", ArtsRooms},        {"G4", SchoolSize},
    {"G5", ClassSize}, {"G6", SmallSchools}, {"G7", SpecialEducation}, {"G8", TeacherPay},
};
constexpr ItemSentence kSecondPage[] = {
    {"G9", Training}, {"G10", Staffing},      {"G11", Rotation}, {"G12", Certified},
    {"G13", Zoning},  {"G14", QualityPlaces}, {"G15", Migrants},
};

void Header(xlsx::Sheet& sheet, int row) {
  sheet.Text(row, 0, "名称", HeaderStyle());
  sheet.Text(row, 1, "指标值或简要结论", HeaderStyle());
  sheet.Text(row, 2, "是否达标", HeaderStyle());
}

}  // namespace

void AddGovernmentSheet(const Context& c, xlsx::Workbook& book) {
  xlsx::Sheet& sheet = book.AddSheet("表Ⅳ");
  sheet.Merge(0, 0, 0, 2, "表Ⅳ 政府保障程度评估指标指标", TitleStyle());
  ItemColumns(sheet);
  Header(sheet, 1);
  int number = 0;
  int row = 2;  // rows 3-10
  for (const ItemSentence& item : kFirstPage)
    ItemRow(c, sheet, row++, ++number, item.id, item.sentence(c));
  Header(sheet, 11);  // row 12; row 11 stays empty, where the printed form turns the page
  row = 12;           // rows 13-19
  for (const ItemSentence& item : kSecondPage)
    ItemRow(c, sheet, row++, ++number, item.id, item.sentence(c));
  sheet.Merge(19, 0, 19, 2, "表中所有比例数值保留一位小数，其余保留整数。", NoteStyle());
  sheet.PrintLandscape();
}

}  // namespace junheng::render::forms
