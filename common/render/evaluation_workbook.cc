#include "common/render/evaluation_workbook.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/catalog/catalog.h"
#include "common/catalog/fields.h"
#include "common/eval/indicators.h"
#include "common/eval/items.h"
#include "common/table/people_text.h"
#include "google/protobuf/struct.pb.h"

namespace junheng::render {
namespace {

using google::protobuf::Value;
using junheng::v1::Evaluation;
using junheng::v1::IndicatorResult;
using junheng::v1::LevelResult;
using junheng::v1::UnitResult;
using table::Cell;
using table::Column;
using table::Table;

std::string StatusZh(absl::string_view status) {
  if (status == eval::kPass) return "达标";
  if (status == eval::kFail) return "未达标";
  if (status == eval::kNotJudged) return "无法判定";
  if (status == "excluded") return "不参评";
  return std::string(status);
}

Cell StatusCell(absl::string_view status) {
  Cell cell = Cell::Of(StatusZh(status));
  cell.failing = status == eval::kFail;
  return cell;
}

std::string CategoryZh(absl::string_view category) {
  if (category == "government") return "政府保障程度";
  if (category == "quality") return "教育质量";
  if (category == "social") return "社会认可度";
  if (category == "veto") return "一票否决";
  return std::string(category);
}

std::string KindZh(absl::string_view kind) {
  if (kind == "S") return "学校填报";
  if (kind == "C") return "县级数据";
  if (kind == "S->C") return "学校填报汇总";
  return std::string(kind);
}

std::string LevelZh(absl::string_view level) {
  return std::string(
      eval::LevelNameZh(level == "junior" ? eval::Level::kJunior : eval::Level::kPrimary));
}

std::string SchoolTypeZh(absl::string_view type) {
  const catalog::Word* word = catalog::school::school_type.FindWord(type);
  return word == nullptr ? std::string(type) : std::string(word->label_zh);
}

// A key of a composite item's value: a catalogue field's Chinese label, a level's name, or the
// engine's own word for a share it computes.
std::string KeyZh(const std::string& key) {
  if (key == "primary" || key == "junior") return LevelZh(key);
  if (key == "rotation_share") return "交流轮岗比例";
  if (key == "rotated_backbone_share") return "骨干教师占交流轮岗比例";
  for (const google::protobuf::Descriptor* type :
       {v1::CountyFacts::descriptor(), v1::SchoolReport::descriptor()}) {
    if (const catalog::FieldInfo* field = catalog::FindField(*type, key)) {
      return std::string(field->label_zh);
    }
  }
  return key;
}

std::string ValueText(const Value& v) {
  switch (v.kind_case()) {
    case Value::kNumberValue:
      return table::PeopleNumber(v.number_value());
    case Value::kBoolValue:
      return v.bool_value() ? "是" : "否";
    case Value::kStringValue:
      return v.string_value();
    case Value::kStructValue: {
      std::map<std::string, std::string> sorted;
      for (const auto& [key, sub] : v.struct_value().fields()) sorted[KeyZh(key)] = ValueText(sub);
      std::vector<std::string> parts;
      for (const auto& [key, text] : sorted) parts.push_back(absl::StrCat(key, " ", text));
      return absl::StrJoin(parts, "；");
    }
    case Value::kListValue: {
      std::vector<std::string> parts;
      for (const Value& sub : v.list_value().values()) parts.push_back(ValueText(sub));
      return absl::StrJoin(parts, "、");
    }
    default:
      return "—";
  }
}

// A number stays a number (so the sheet can sum and sort it); anything else is its text.
Cell ValueCell(const Value& v) {
  if (v.kind_case() == Value::kNumberValue) return Cell::Of(v.number_value());
  if (v.kind_case() == Value::kNullValue || v.kind_case() == Value::KIND_NOT_SET) return Cell{};
  return Cell::Of(ValueText(v));
}

Table Summary(const Evaluation& e) {
  Table t;
  t.title = "县域义务教育优质均衡发展督导评估结论（教督〔2017〕6号）";
  t.sheet_name = "结论";
  t.columns = {{"item", "项目"}, {"value", "内容"}};
  auto row = [&](std::string label, Cell value) { t.AddRow({Cell::Of(std::move(label)), value}); };
  row("县级行政区划代码", Cell::Of(e.county_code()));
  row("评估期", Cell::Of(e.period()));
  row("评估标准", Cell::Of(absl::StrCat(e.profile().name(), " ", e.profile().version())));
  row("名册学校数", Cell::Of(static_cast<double>(e.schools_in_registry())));
  row("已报送学校数", Cell::Of(static_cast<double>(e.schools_reported())));
  if (!e.not_reported().empty()) {
    row("未报送学校", Cell::Of(absl::StrJoin(e.not_reported(), "、")));
  }
  row("评估结论", StatusCell(e.verdict().status()));
  row("未达标项", Cell::Of(static_cast<double>(e.verdict().failures_size())));
  row("无法判定项", Cell::Of(static_cast<double>(e.verdict().not_judged_size())));
  for (const LevelResult& level : e.levels()) {
    int units = 0;
    for (const UnitResult& u : level.units()) units += !u.excluded();
    Cell outcome = StatusCell(level.status());
    outcome.text =
        absl::StrCat(outcome.text, "（", level.units_meeting(), "/", units, "个单位达到单位规则）");
    row(absl::StrCat("资源配置 ", level.name_zh()), outcome);
  }
  for (absl::string_view category : {"government", "quality", "social", "veto"}) {
    int total = 0, passing = 0, failing = 0;
    for (const auto& item : e.items()) {
      if (item.category() != category) continue;
      ++total;
      passing += item.status() == eval::kPass;
      failing += item.status() == eval::kFail;
    }
    Cell outcome = StatusCell(failing > 0       ? eval::kFail
                              : passing < total ? eval::kNotJudged
                                                : eval::kPass);
    outcome.text = absl::StrCat(outcome.text, "（", passing, "/", total, "项达标）");
    row(CategoryZh(category), outcome);
  }
  row("输入哈希（SHA-256）", Cell::Of(e.input_hash()));
  t.notes = {"各部分明细见后续工作表；指标、项目均以官方名称和编号（L1…、G1…、Q1…）标明。"};
  return t;
}

Table Failures(const Evaluation& e) {
  Table t;
  t.title = "未达标与无法判定";
  t.sheet_name = "未达标与无法判定";
  t.columns = {{"status", "结论"},         {"id", "编号"},          {"name_zh", "名称"},
               {"value", "实际值"},        {"threshold", "标准值"}, {"gap", "差距"},
               {"reason", "说明 (reason)"}};
  auto add = [&](const junheng::v1::Failure& f, absl::string_view status) {
    t.AddRow({StatusCell(status), Cell::Of(f.id()), Cell::Of(f.name_zh()), ValueCell(f.value()),
              ValueCell(f.threshold()), ValueCell(f.gap()), Cell::Of(f.reason())});
  };
  for (const auto& f : e.verdict().failures()) add(f, eval::kFail);
  for (const auto& f : e.verdict().not_judged()) add(f, eval::kNotJudged);
  if (t.rows.empty()) t.notes = {"无：全部指标和项目均达标。"};
  return t;
}

Table Indicators(const Evaluation& e) {
  Table t;
  t.title = "资源配置：校际差异系数（每项指标单独判定）";
  t.sheet_name = "资源配置指标";
  t.columns = {{"level", "学段"},
               {"id", "编号"},
               {"name_zh", "指标名称"},
               {"unit_threshold", "单位最低标准", -1},
               {"units", "参评单位数", 0},
               {"units_below", "低于标准单位数", 0},
               {"units_missing", "缺报单位数", 0},
               {"mean", "全县平均值", 2},
               {"sd", "标准差", 2},
               {"cv", "差异系数", 3},
               {"threshold", "差异系数上限", 2},
               {"status", "结论"},
               {"cv_reason", "说明 (reason)"}};
  for (const LevelResult& level : e.levels()) {
    for (const IndicatorResult& ind : level.indicators()) {
      Cell cv = ValueCell(ind.cv());
      cv.failing = ind.status() == eval::kFail;
      t.AddRow({Cell::Of(level.name_zh()), Cell::Of(ind.id()), Cell::Of(ind.name_zh()),
                Cell::Of(ind.unit_threshold()), Cell::Of(static_cast<double>(ind.units())),
                Cell::Of(static_cast<double>(ind.units_below())),
                Cell::Of(static_cast<double>(ind.units_missing())), Cell::Of(ind.mean()),
                Cell::Of(ind.sd()), cv, Cell::Of(ind.threshold()), StatusCell(ind.status()),
                Cell::Of(ind.status() == eval::kPass ? "" : ind.cv_reason())});
    }
    t.AddRow({Cell::Of(level.name_zh()), Cell::Of("综合"),
              Cell::Of("综合差异系数（七项平均，仅供参考）"), Cell{}, Cell{}, Cell{}, Cell{},
              Cell{}, Cell{}, ValueCell(level.mean_cv())});
  }
  t.notes = {
      "差异系数按学生数加权计算；每项指标的差异系数单独与上限比较，综合差异系数不作为判定依据。"};
  return t;
}

Table Units(const Evaluation& e) {
  Table t;
  t.title = "评估单位：每所学校（一贯制学校、完全中学按学部）的七项指标";
  t.sheet_name = "评估单位";
  t.columns = {{"level", "学段"},
               {"school_code", "学校标识码"},
               {"school_name", "学校名称"},
               {"school_type", "学校类型"},
               {"students", "在校生数", 0}};
  for (int i = 0; i < eval::kIndicatorCount; ++i) {
    const eval::IndicatorInfo& ind = eval::Indicator(i);
    t.columns.push_back({std::string(ind.id), absl::StrCat(ind.id, " ", ind.name_zh), 2});
  }
  t.columns.insert(t.columns.end(), {{"met_count", "达到最低标准项数", 0},
                                     {"status", "单位结论"},
                                     {"below", "低于最低标准"},
                                     {"missing_fields", "缺报字段"},
                                     {"reason", "说明 (reason)"}});
  for (const LevelResult& level : e.levels()) {
    for (const UnitResult& u : level.units()) {
      std::vector<Cell> row = {Cell::Of(level.name_zh()), Cell::Of(u.school_code()),
                               Cell::Of(u.school_name()), Cell::Of(SchoolTypeZh(u.school_type())),
                               Cell::Of(static_cast<double>(u.students()))};
      eval::IndicatorArray values = eval::FromMessage(u.values());
      for (int i = 0; i < eval::kIndicatorCount; ++i) {
        Cell cell = Cell::Of(values[i]);
        cell.failing = std::count(u.below().begin(), u.below().end(), eval::Indicator(i).id) > 0;
        row.push_back(cell);
      }
      row.push_back(u.excluded() ? Cell{} : Cell::Of(static_cast<double>(u.met_count())));
      row.push_back(StatusCell(u.excluded() ? "excluded" : u.status()));
      row.push_back(Cell::Of(absl::StrJoin(u.below(), "、")));
      row.push_back(Cell::Of(absl::StrJoin(u.missing_fields(), "、")));
      row.push_back(Cell::Of(u.excluded() ? u.exclusion_reason() : u.reason()));
      t.AddRow(std::move(row));
    }
  }
  for (const UnitResult& u : e.exclusions()) {
    std::vector<Cell> row = {Cell::Of("—"), Cell::Of(u.school_code()), Cell::Of(u.school_name()),
                             Cell::Of(SchoolTypeZh(u.school_type())),
                             Cell::Of(static_cast<double>(u.students()))};
    row.resize(5 + eval::kIndicatorCount + 1);
    row.push_back(StatusCell("excluded"));
    row.push_back(Cell{});
    row.push_back(Cell{});
    row.push_back(Cell::Of(u.exclusion_reason()));
    t.AddRow(std::move(row));
  }
  t.notes = {"深色单元格：低于该学段最低标准的指标值。"};
  return t;
}

Table Items(const Evaluation& e) {
  Table t;
  t.title = "评估项目：政府保障程度、教育质量、社会认可度、一票否决";
  t.sheet_name = "评估项目";
  t.columns = {{"id", "编号"},          {"name_zh", "名称"}, {"category", "类别"},
               {"kind", "数据来源"},    {"status", "结论"},  {"value", "实际值"},
               {"threshold", "标准值"}, {"gap", "差距"},     {"reason", "说明 (reason)"}};
  for (const auto& item : e.items()) {
    t.AddRow({Cell::Of(item.id()), Cell::Of(item.name_zh()), Cell::Of(CategoryZh(item.category())),
              Cell::Of(KindZh(item.kind())), StatusCell(item.status()), ValueCell(item.value()),
              ValueCell(item.threshold()), ValueCell(item.gap()), Cell::Of(item.reason())});
  }
  t.notes = {"比例均为小数（0.95 即 95%）。"};
  return t;
}

Table Findings(const Evaluation& e) {
  std::map<std::string, std::string> names;
  for (const auto& s : e.schools()) names[s.school_code()] = s.school_name();
  Table t;
  t.title = "学校问题：按校判定的项目中未达标或无法判定的学校";
  t.sheet_name = "学校问题";
  t.columns = {{"id", "编号"},
               {"name_zh", "项目名称"},
               {"school_code", "学校标识码"},
               {"school_name", "学校名称"},
               {"status", "结论"},
               {"value", "实际值"},
               {"threshold", "标准值"},
               {"reason", "说明 (reason)"}};
  for (const auto& item : e.items()) {
    for (const auto& s : item.schools()) {
      t.AddRow({Cell::Of(item.id()), Cell::Of(item.name_zh()), Cell::Of(s.school_code()),
                Cell::Of(names[s.school_code()]), StatusCell(s.status()), ValueCell(s.value()),
                ValueCell(s.threshold()), Cell::Of(s.reason())});
    }
  }
  if (t.rows.empty()) t.notes = {"无：每所学校的按校判定项目均达标。"};
  return t;
}

Table SchoolStandards(const Evaluation& e) {
  Table t;
  t.title = "学校达标情况";
  t.sheet_name = "学校达标";
  t.columns = {{"school_code", "学校标识码"},
               {"school_name", "学校名称"},
               {"target_year", "规划达标年份", 0},
               {"status", "结论"},
               {"reasons", "原因 (reasons)"}};
  for (const auto& s : e.schools()) {
    t.AddRow({Cell::Of(s.school_code()), Cell::Of(s.school_name()),
              s.target_year() ? Cell::Of(static_cast<double>(s.target_year())) : Cell{},
              StatusCell(s.status()), Cell::Of(absl::StrJoin(s.reasons(), "；"))});
  }
  return t;
}

Table Plan(const Evaluation& e) {
  Table t;
  t.title = absl::StrCat("规划进度：截至各年应达标的学校在", e.period(), "年的达标情况");
  t.sheet_name = "规划进度";
  t.columns = {
      {"year", "年份"},         {"due", "累计应达标学校数", 0}, {"due_this_year", "当年应达标", 0},
      {"meeting", "已达标", 0}, {"behind_count", "未达标", 0},  {"behind", "未达标学校"}};
  std::map<std::string, std::string> names;
  for (const auto& s : e.schools()) names[s.school_code()] = s.school_name();
  for (const auto& y : e.plan_progress()) {
    std::vector<std::string> behind;
    for (const std::string& code : y.behind()) {
      behind.push_back(names[code].empty() ? code : names[code]);
    }
    Cell behind_count = Cell::Of(static_cast<double>(y.behind_count()));
    behind_count.failing = y.behind_count() > 0;
    t.AddRow({Cell::Of(y.beyond() ? absl::StrCat(y.year(), "以后") : absl::StrCat(y.year())),
              Cell::Of(static_cast<double>(y.due())),
              Cell::Of(static_cast<double>(y.due_this_year())),
              Cell::Of(static_cast<double>(y.meeting())), behind_count,
              Cell::Of(absl::StrJoin(behind, "、"))});
  }
  return t;
}

// "教学及辅助用房面积" for a catalogue quantity, else the field name.
std::string QuantityZh(const std::string& quantity) {
  const catalog::FieldInfo* field = catalog::FindField(*v1::SchoolReport::descriptor(), quantity);
  return field == nullptr ? quantity : std::string(field->label_zh);
}

Table UnitGaps(const Evaluation& e, const std::map<std::string, std::string>& names) {
  Table t;
  t.title = "差距分析（单位）：低于最低标准的指标需增加的数量";
  t.sheet_name = "差距分析（单位）";
  t.columns = {{"level", "学段"},
               {"indicator", "编号"},
               {"name_zh", "指标名称"},
               {"school_code", "学校标识码"},
               {"school_name", "学校名称"},
               {"value", "当前值", 2},
               {"threshold", "最低标准", -1},
               {"school_amount", "学校需增加", -1},
               {"unit_zh", "单位"},
               {"quantity", "增加项目"},
               {"value_after", "增加后", 2},
               {"verified", "已复核"}};
  for (const auto& g : e.gaps()) {
    if (g.kind() != "unit" || g.additions().empty()) continue;
    const auto& a = g.additions(0);
    auto name = names.find(g.school_code());
    t.AddRow({Cell::Of(LevelZh(g.level())), Cell::Of(g.indicator()), Cell::Of(g.name_zh()),
              Cell::Of(g.school_code()), Cell::Of(name == names.end() ? "" : name->second),
              Cell::Of(g.value()), Cell::Of(g.threshold()), Cell::Of(a.school_amount()),
              Cell::Of(a.unit_zh()), Cell::Of(QuantityZh(a.quantity())), Cell::Of(g.value_after()),
              Cell::Of(g.verified() ? "是" : "否")});
  }
  t.notes = {"一贯制学校、完全中学的设施按学部分摊，“学校需增加”为全校应增加的数量。"};
  if (t.rows.empty()) t.notes = {"无：每个评估单位的各项指标均达到最低标准。"};
  return t;
}

Table CoefficientGaps(const Evaluation& e, const std::map<std::string, std::string>& names) {
  Table t;
  t.title = "差距分析（差异系数）：使差异系数达到上限以内、最低单位需增加的数量";
  t.sheet_name = "差距分析（差异系数）";
  t.columns = {{"level", "学段"},
               {"indicator", "编号"},
               {"name_zh", "指标名称"},
               {"cv", "差异系数", 3},
               {"threshold", "上限", 2},
               {"cv_after", "增加后差异系数", 3},
               {"school_code", "学校标识码"},
               {"school_name", "学校名称"},
               {"school_amount", "学校需增加", -1},
               {"unit_zh", "单位"},
               {"quantity", "增加项目"},
               {"value_before", "指标值（前）", 2},
               {"value_after", "指标值（后）", 2}};
  for (const auto& g : e.gaps()) {
    if (g.kind() != "coefficient") continue;
    Cell cv = Cell::Of(g.value());
    cv.failing = true;
    t.AddRow({Cell::Of(LevelZh(g.level())), Cell::Of(g.indicator()), Cell::Of(g.name_zh()), cv,
              Cell::Of(g.threshold()), Cell::Of(g.value_after())});
    for (const auto& a : g.additions()) {
      auto name = names.find(a.school_code());
      std::vector<Cell> row(6);
      row.insert(
          row.end(),
          {Cell::Of(a.school_code()), Cell::Of(name == names.end() ? "" : name->second),
           Cell::Of(a.school_amount()), Cell::Of(a.unit_zh()), Cell::Of(QuantityZh(a.quantity())),
           Cell::Of(a.value_before()), Cell::Of(a.value_after())});
      t.AddRow(std::move(row));
    }
  }
  if (t.rows.empty()) t.notes = {"无：每项指标的差异系数均在上限以内。"};
  return t;
}

}  // namespace

std::vector<Table> EvaluationTables(const Evaluation& e) {
  std::map<std::string, std::string> names;
  for (const auto& s : e.schools()) names[s.school_code()] = s.school_name();
  std::vector<Table> tables;
  tables.push_back(Summary(e));
  tables.push_back(Failures(e));
  tables.push_back(Indicators(e));
  tables.push_back(Units(e));
  tables.push_back(Items(e));
  tables.push_back(Findings(e));
  tables.push_back(SchoolStandards(e));
  tables.push_back(Plan(e));
  tables.push_back(UnitGaps(e, names));
  tables.push_back(CoefficientGaps(e, names));
  return tables;
}

void AddEvaluationSheets(const Evaluation& evaluation, xlsx::Workbook& book) {
  for (const Table& table : EvaluationTables(evaluation)) table::WriteSheet(table, book);
}

absl::Status WriteEvaluationWorkbook(const Evaluation& evaluation, const std::string& path) {
  auto book = xlsx::Workbook::Create(path);
  if (!book.ok()) return book.status();
  AddEvaluationSheets(evaluation, **book);
  return (*book)->Close();
}

}  // namespace junheng::render
