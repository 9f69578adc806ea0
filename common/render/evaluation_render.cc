#include "common/render/evaluation_render.h"

#include <cmath>
#include <map>
#include <memory>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "common/eval/indicators.h"
#include "common/eval/items.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/type_resolver_util.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::render {
namespace {

using eval::IndicatorArray;
using eval::kFail;
using eval::kIndicatorCount;
using eval::kNotJudged;
using eval::kPass;

using junheng::v1::Evaluation;
using junheng::v1::IndicatorResult;
using junheng::v1::LevelResult;
using junheng::v1::UnitResult;

std::string Fixed(double v, int decimals) { return absl::StrFormat("%.*f", decimals, v); }

// A Value for a person: numbers with up to 4 decimals (trailing zeros trimmed), true/false, words,
// "—" for null, "k=v, ..." for a struct.
std::string ShowNumber(double n) {
  if (n == std::floor(n) && std::fabs(n) < 1e15) return absl::StrFormat("%.0f", n);
  std::string s = absl::StrFormat("%.4f", n);
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}

std::string Show(const google::protobuf::Value& v) {
  switch (v.kind_case()) {
    case google::protobuf::Value::kNumberValue:
      return ShowNumber(v.number_value());
    case google::protobuf::Value::kBoolValue:
      return v.bool_value() ? "true" : "false";
    case google::protobuf::Value::kStringValue:
      return v.string_value();
    case google::protobuf::Value::kStructValue: {
      std::map<std::string, std::string> sorted;
      for (const auto& [k, sub] : v.struct_value().fields()) sorted[k] = Show(sub);
      std::vector<std::string> parts;
      for (const auto& [k, s] : sorted) parts.push_back(absl::StrCat(k, "=", s));
      return absl::StrJoin(parts, ", ");
    }
    case google::protobuf::Value::kListValue: {
      std::vector<std::string> parts;
      for (const auto& sub : v.list_value().values()) parts.push_back(Show(sub));
      return absl::StrCat("[", absl::StrJoin(parts, ", "), "]");
    }
    default:
      return "—";
  }
}

std::string StatusWord(absl::string_view status) {
  if (status == kPass) return "达标 pass";
  if (status == kFail) return "未达标 FAIL";
  if (status == kNotJudged) return "无法判定 not judged";
  if (status == "excluded") return "不参评 excluded";
  return std::string(status);
}

std::string CvText(const IndicatorResult& ind) {
  return ind.cv().kind_case() == google::protobuf::Value::kNumberValue
             ? Fixed(ind.cv().number_value(), 3)
             : std::string("undefined");
}

std::string ValueCell(const UnitResult& unit, int i) {
  IndicatorArray values = eval::FromMessage(unit.values());
  return values[i] ? Fixed(*values[i], 2) : std::string("—");
}

void RenderLevel(const LevelResult& level, std::string& out) {
  absl::StrAppend(&out, "\n[", level.name_zh(), " ", level.level(), "]  ",
                  StatusWord(level.status()),
                  "   units meeting the per-unit rule: ", level.units_meeting(), "\n");
  absl::StrAppend(&out,
                  "  school_code  students      L1      L2      L3      L4      L5       L6      "
                  "L7  met  unit status      name\n");
  for (const UnitResult& u : level.units()) {
    std::string cells;
    for (int i = 0; i < kIndicatorCount; ++i) {
      absl::StrAppend(&cells, absl::StrFormat(i == 5 ? " %8s" : " %7s", ValueCell(u, i)));
    }
    absl::StrAppend(
        &out, absl::StrFormat("  %-11s %9d%s  %3d  %-15s %s", u.school_code(), u.students(), cells,
                              u.met_count(), StatusWord(u.status()), u.school_name()));
    if (!u.merged_school_codes().empty()) {
      absl::StrAppend(&out, " (+ merged ", absl::StrJoin(u.merged_school_codes(), ", "), ")");
    }
    absl::StrAppend(&out, "\n");
    if (u.excluded()) {
      absl::StrAppend(&out, "      excluded: ", u.exclusion_reason(), "\n");
    } else if (!u.reason().empty() && u.status() != kPass) {
      absl::StrAppend(&out, "      ", u.reason(), "\n");
    }
  }
  absl::StrAppend(&out, "  Indicators (student-weighted; each coefficient tested on its own):\n");
  for (const IndicatorResult& ind : level.indicators()) {
    absl::StrAppend(
        &out, absl::StrFormat("  %s %s\n      unit minimum %s  units below %d  mean %s  sd %s  "
                              "差异系数 CV %s (≤ %s)  %s\n",
                              ind.id(), ind.name_zh(), ShowNumber(ind.unit_threshold()),
                              ind.units_below(), Fixed(ind.mean(), 2), Fixed(ind.sd(), 2),
                              CvText(ind), Fixed(ind.threshold(), 2), StatusWord(ind.status())));
    if (ind.status() != kPass && !ind.cv_reason().empty()) {
      absl::StrAppend(&out, "      ", ind.cv_reason(), "\n");
    }
  }
  absl::StrAppend(&out, "  综合差异系数 (mean of the seven; shown only, never the pass test): ",
                  level.mean_cv().kind_case() == google::protobuf::Value::kNumberValue
                      ? Fixed(level.mean_cv().number_value(), 3)
                      : std::string("undefined"),
                  "\n");
}

void RenderItems(const Evaluation& e, absl::string_view category, absl::string_view title,
                 std::string& out) {
  absl::StrAppend(&out, "\n", title, "\n");
  for (const junheng::v1::ItemResult& item : e.items()) {
    if (item.category() != category) continue;
    absl::StrAppend(&out, "  ", item.id(), " ", item.name_zh(), "  [", item.kind(), "]\n      ",
                    StatusWord(item.status()), "   value: ", Show(item.value()),
                    "   threshold: ", Show(item.threshold()));
    if (item.status() == kFail && item.gap().kind_case() != google::protobuf::Value::kNullValue &&
        item.gap().kind_case() != google::protobuf::Value::KIND_NOT_SET) {
      absl::StrAppend(&out, "   gap: ", Show(item.gap()));
    }
    absl::StrAppend(&out, "\n");
    if (!item.reason().empty()) absl::StrAppend(&out, "      ", item.reason(), "\n");
  }
}

}  // namespace

std::string RenderJson(const Evaluation& evaluation, bool pretty) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = pretty;
  options.always_print_primitive_fields = true;
  options.preserve_proto_field_names = true;
  // Serialize deterministically first (map entries sorted by key) and convert the bytes, so that
  // google.protobuf.Struct values print their keys in sorted order: the same Evaluation always
  // gives the same JSON, wherever it was computed.
  std::unique_ptr<google::protobuf::util::TypeResolver> resolver(
      google::protobuf::util::NewTypeResolverForDescriptorPool(
          "type.googleapis.com", google::protobuf::DescriptorPool::generated_pool()));
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    evaluation.SerializeToCodedStream(&coded);
  }
  std::string out;
  if (!google::protobuf::util::BinaryToJsonString(
           resolver.get(), "type.googleapis.com/" + evaluation.GetDescriptor()->full_name(), bytes,
           &out, options)
           .ok()) {
    return "{}";
  }
  return out;
}

std::string RenderText(const Evaluation& e) {
  std::string out;
  absl::StrAppend(&out, "均衡 junheng — 县域义务教育优质均衡发展督导评估 (教督〔2017〕6号)\n");
  absl::StrAppend(&out, "County ", e.county_code(), "   Period ", e.period(), "   Profile ",
                  e.profile().name(), " ", e.profile().version(), "\n");
  absl::StrAppend(&out, "Schools in registry ", e.schools_in_registry(), ", reported ",
                  e.schools_reported(), "\n");
  if (!e.not_reported().empty()) {
    absl::StrAppend(&out, "Not reported: ", absl::StrJoin(e.not_reported(), ", "), "\n");
  }
  absl::StrAppend(&out, "Input hash ", e.input_hash(), "\n");
  absl::StrAppend(&out, "\nVERDICT: ", StatusWord(e.verdict().status()), "  (",
                  e.verdict().failures_size(), " failure(s), ", e.verdict().not_judged_size(),
                  " not judged)\n");

  absl::StrAppend(
      &out, "\n一、资源配置 Resource allocation (per-unit rule and difference coefficients)\n");
  for (const LevelResult& level : e.levels()) RenderLevel(level, out);
  if (!e.exclusions().empty()) {
    absl::StrAppend(&out, "\n  Not units of any level:\n");
    for (const UnitResult& u : e.exclusions()) {
      absl::StrAppend(&out, "  ", u.school_code(), " ", u.school_name(), ": ", u.exclusion_reason(),
                      "\n");
    }
  }
  RenderItems(e, "government", "二、政府保障程度 Government guarantee (G1-G15)", out);
  RenderItems(e, "quality", "三、教育质量 Education quality (Q1-Q9)", out);
  RenderItems(e, "social", "四、社会认可度 Social recognition", out);
  RenderItems(e, "veto", "五、一票否决 Veto items", out);

  absl::StrAppend(&out, "\n六、结论 Verdict: ", StatusWord(e.verdict().status()), "\n");
  for (const junheng::v1::Failure& f : e.verdict().failures()) {
    absl::StrAppend(&out, "  FAIL ", f.id(), " ", f.name_zh(), "\n      value ", Show(f.value()),
                    "   threshold ", Show(f.threshold()), "   gap ", Show(f.gap()), "\n");
    if (!f.reason().empty()) absl::StrAppend(&out, "      ", f.reason(), "\n");
  }
  for (const junheng::v1::Failure& f : e.verdict().not_judged()) {
    absl::StrAppend(&out, "  NOT JUDGED ", f.id(), " ", f.name_zh(), ": ", f.reason(), "\n");
  }

  absl::StrAppend(&out, "\n七、学校达标 School standard\n");
  for (const junheng::v1::SchoolStandard& s : e.schools()) {
    absl::StrAppend(&out, absl::StrFormat("  %-11s %-6s %-20s %s\n", s.school_code(),
                                          s.target_year() ? absl::StrCat(s.target_year()) : "—",
                                          StatusWord(s.status()), s.school_name()));
    for (const std::string& r : s.reasons()) absl::StrAppend(&out, "      ", r, "\n");
  }

  absl::StrAppend(
      &out,
      "\n八、规划进度 Plan progress (schools due by the year, meeting the standard in period ",
      e.period(), ")\n");
  absl::StrAppend(&out, "  year    due  this-year  meeting  behind  schools behind\n");
  for (const junheng::v1::PlanYear& y : e.plan_progress()) {
    absl::StrAppend(
        &out, absl::StrFormat("  %-6s %4d  %9d  %7d  %6d  %s\n",
                              y.beyond() ? absl::StrCat(y.year(), "+") : absl::StrCat(y.year()),
                              y.due(), y.due_this_year(), y.meeting(), y.behind_count(),
                              absl::StrJoin(y.behind(), " ")));
  }

  absl::StrAppend(&out, "\n九、差距分析 Gap analysis\n");
  if (e.gaps().empty())
    absl::StrAppend(&out, "  none: every unit and coefficient reaches its threshold\n");
  for (const junheng::v1::Gap& g : e.gaps()) {
    if (g.kind() == "unit") {
      const junheng::v1::Addition& a = g.additions(0);
      absl::StrAppend(&out, absl::StrFormat("  %s %s %s %s: %s < %s; add %s %s to %s", g.level(),
                                            g.school_code(), g.indicator(), g.name_zh(),
                                            Fixed(g.value(), 2), ShowNumber(g.threshold()),
                                            ShowNumber(a.amount()), a.unit_zh(), a.quantity()));
      if (a.school_amount() != a.amount()) {
        absl::StrAppend(&out, " (school-wide ", ShowNumber(a.school_amount()), ", split)");
      }
      absl::StrAppend(&out, " -> ", Fixed(g.value_after(), 2),
                      g.verified() ? "" : " (NOT verified)", "\n");
    } else {
      absl::StrAppend(&out,
                      absl::StrFormat("  %s %s %s 差异系数 %s > %s\n", g.level(), g.indicator(),
                                      g.name_zh(), Fixed(g.value(), 3), Fixed(g.threshold(), 2)));
      std::vector<std::string> top;
      for (const junheng::v1::Contributor& c : g.contributors()) {
        top.push_back(absl::StrFormat("%s (%s, %.0f%%)", c.school_code(), Fixed(c.value(), 2),
                                      100 * c.variance_share()));
      }
      absl::StrAppend(&out, "      largest contributors to the weighted variance: ",
                      absl::StrJoin(top, ", "), "\n");
      absl::StrAppend(&out, "      additions at the lowest units (", g.method(), "):\n");
      for (const junheng::v1::Addition& a : g.additions()) {
        absl::StrAppend(&out, "        ", a.school_code(), " +", ShowNumber(a.school_amount()), " ",
                        a.unit_zh(), " ", a.quantity(), " (", Fixed(a.value_before(), 2), " -> ",
                        Fixed(a.value_after(), 2), ")\n");
      }
      absl::StrAppend(&out, "      recomputed 差异系数 ", Fixed(g.value_after(), 3),
                      g.verified() ? " ≤ " : " > ", Fixed(g.threshold(), 2),
                      g.verified() ? " (verified)" : " (NOT verified)", "\n");
    }
  }
  return out;
}

namespace {

// The status of a level's seven coefficients alone: fail when one exceeds its limit, else
// not_judged when one is undefined or unjudged, else pass. A level's own status also holds its
// units' per-unit rule, so a level can fail while every coefficient passes.
absl::string_view CoefficientStatus(const LevelResult& level) {
  bool not_judged = false;
  for (const IndicatorResult& ind : level.indicators()) {
    if (ind.status() == kFail) return kFail;
    not_judged = not_judged || ind.status() != kPass;
  }
  return not_judged ? kNotJudged : kPass;
}

}  // namespace

std::string RenderCsv(const Evaluation& e) {
  // The byte-order mark makes Excel and WPS read the Chinese names as UTF-8 on a double-click.
  std::string out =
      "\xEF\xBB\xBF"
      "row,level,school_code,school_name,section,students,L1,L2,L3,L4,L5,L6,L7,met_count,meets,"
      "status,excluded,exclusion_reason\n";
  auto quote = [](const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) {
      if (c == '"') q += '"';
      q += c;
    }
    return q + "\"";
  };
  for (const LevelResult& level : e.levels()) {
    for (const UnitResult& u : level.units()) {
      std::vector<std::string> cells = {"unit",          level.level(),
                                        u.school_code(), quote(u.school_name()),
                                        u.section(),     absl::StrCat(u.students())};
      IndicatorArray values = eval::FromMessage(u.values());
      for (int i = 0; i < kIndicatorCount; ++i)
        cells.push_back(values[i] ? Fixed(*values[i], 2) : "");
      cells.push_back(absl::StrCat(u.met_count()));
      cells.push_back(u.meets() ? "true" : "false");
      cells.push_back(u.status());
      cells.push_back(u.excluded() ? "true" : "false");
      cells.push_back(quote(u.exclusion_reason()));
      absl::StrAppend(&out, absl::StrJoin(cells, ","), "\n");
    }
    auto summary = [&](absl::string_view row, auto cell) {
      std::vector<std::string> cells = {std::string(row), level.level(), "", "", "", ""};
      for (const IndicatorResult& ind : level.indicators()) cells.push_back(cell(ind));
      cells.insert(cells.end(),
                   {"", "", row == "cv" ? std::string(CoefficientStatus(level)) : "", "", ""});
      absl::StrAppend(&out, absl::StrJoin(cells, ","), "\n");
    };
    summary("mean", [](const IndicatorResult& ind) { return Fixed(ind.mean(), 2); });
    summary("unit_minimum",
            [](const IndicatorResult& ind) { return ShowNumber(ind.unit_threshold()); });
    summary("cv", [](const IndicatorResult& ind) {
      return ind.cv().kind_case() == google::protobuf::Value::kNumberValue
                 ? Fixed(ind.cv().number_value(), 3)
                 : std::string();
    });
    summary("cv_max", [](const IndicatorResult& ind) { return Fixed(ind.threshold(), 2); });
  }
  return out;
}

std::string Render(const Evaluation& evaluation, RenderFormat format) {
  switch (format) {
    case RenderFormat::kJson:
      return RenderJson(evaluation) + "\n";
    case RenderFormat::kCsv:
      return RenderCsv(evaluation);
    case RenderFormat::kText:
    default:
      return RenderText(evaluation);
  }
}

}  // namespace junheng::render
