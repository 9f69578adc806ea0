#include "common/eval/verdict.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/eval/items.h"

namespace junheng::eval {

void MakeVerdict(const google::protobuf::RepeatedPtrField<junheng::v1::LevelResult>& levels,
                 const google::protobuf::RepeatedPtrField<junheng::v1::ItemResult>& items,
                 const junheng::v1::Profile& profile, junheng::v1::Verdict& verdict) {
  for (const junheng::v1::LevelResult& level : levels) {
    for (const junheng::v1::IndicatorResult& ind : level.indicators()) {
      if (ind.status() == kPass) continue;
      junheng::v1::Failure* f =
          ind.status() == kFail ? verdict.add_failures() : verdict.add_not_judged();
      absl::StrAppend(f->mutable_id(), level.level(), ".", ind.id());
      absl::StrAppend(f->mutable_name_zh(), level.name_zh(), " ", ind.id(), " ", ind.name_zh(),
                      " 差异系数");
      *f->mutable_value() = ind.cv();
      f->mutable_threshold()->set_number_value(ind.threshold());
      f->mutable_gap()->set_null_value(google::protobuf::NULL_VALUE);
      if (ind.status() == kFail) {
        f->mutable_gap()->set_number_value(ind.cv().number_value() - ind.threshold());
      }
      f->set_reason(ind.cv_reason());
    }
    for (const junheng::v1::UnitResult& unit : level.units()) {
      if (unit.excluded() || unit.status() == kPass) continue;
      junheng::v1::Failure* f =
          unit.status() == kFail ? verdict.add_failures() : verdict.add_not_judged();
      absl::StrAppend(f->mutable_id(), level.level(), ".unit.", unit.school_code());
      absl::StrAppend(f->mutable_name_zh(), level.name_zh(), " ", unit.school_name(),
                      " 资源配置（每校7项指标）");
      f->mutable_value()->set_number_value(unit.met_count());
      f->mutable_threshold()->set_number_value(profile.unit_min_met());
      *f->mutable_gap() = unit.met_count() < profile.unit_min_met()
                              ? NumberValue(profile.unit_min_met() - unit.met_count())
                              : NullValue();
      f->set_reason(unit.reason());
    }
  }
  for (const junheng::v1::ItemResult& item : items) {
    if (item.status() == kPass) continue;
    junheng::v1::Failure* f =
        item.status() == kFail ? verdict.add_failures() : verdict.add_not_judged();
    f->set_id(item.id());
    f->set_name_zh(item.name_zh());
    *f->mutable_value() = item.value();
    *f->mutable_threshold() = item.threshold();
    *f->mutable_gap() = item.gap();
    f->set_reason(item.reason());
  }
  absl::string_view status = verdict.failures_size() > 0     ? kFail
                             : verdict.not_judged_size() > 0 ? kNotJudged
                                                             : kPass;
  Assign(verdict.mutable_status(), status);
  verdict.set_pass(status == kPass);
}

}  // namespace junheng::eval
