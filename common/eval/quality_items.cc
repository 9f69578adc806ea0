#include "common/eval/quality_items.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "common/eval/compare.h"
#include "common/eval/items.h"
#include "common/eval/school_items.h"
#include "common/i18n/evaluation_messages.h"

namespace junheng::eval {
namespace {

using junheng::v1::CountyFacts;
using junheng::v1::ItemResult;
using junheng::v1::Profile;

void Monitoring(ItemResult& item, const CountyFacts* f, const Profile& p) {
  SetStruct(*item.mutable_threshold(),
            {{"level_min", NumberValue(p.monitoring_level_min())},
             {"between_school_rate_below", NumberValue(p.monitoring_rate_max())}});
  if (f == nullptr || f->monitoring().empty()) {
    SetNotJudged(item, FactNotReported("monitoring", f != nullptr));
    return;
  }
  google::protobuf::Value value;
  auto* subjects = value.mutable_struct_value()->mutable_fields();
  std::vector<std::string> problems;
  std::vector<std::string> missing;
  for (const junheng::v1::MonitoringResult& m : f->monitoring()) {
    (*subjects)[m.subject()] = StructValue(
        {{"level", m.has_level() ? NumberValue(m.level()) : NullValue()},
         {"between_school_rate",
          m.has_between_school_rate() ? NumberValue(m.between_school_rate()) : NullValue()}});
    if (!m.has_level()) missing.push_back(absl::StrCat(m.subject(), " level"));
    if (!m.has_between_school_rate())
      missing.push_back(absl::StrCat(m.subject(), " between_school_rate"));
    if (m.has_level() && m.level() < p.monitoring_level_min()) {
      problems.push_back(
          absl::StrCat(m.subject(), " level ", m.level(), " < ", p.monitoring_level_min()));
    }
    // The difference rate must be strictly below the maximum.
    if (m.has_between_school_rate() && !(m.between_school_rate() < p.monitoring_rate_max())) {
      problems.push_back(absl::StrCat(m.subject(), " between_school_rate ",
                                      Num(m.between_school_rate()), " ≥ ",
                                      Num(p.monitoring_rate_max())));
    }
  }
  *item.mutable_value() = value;
  if (!problems.empty()) {
    Assign(item.mutable_status(), kFail);
    item.set_reason(absl::StrJoin(problems, "; "));
  } else if (!missing.empty()) {
    SetNotJudged(item,
                 i18n::Say(i18n::evaluation::kMonitoringMissing, absl::StrJoin(missing, ", ")));
  } else {
    Assign(item.mutable_status(), kPass);
    item.set_reason(i18n::Say(i18n::evaluation::kMonitoringPass, f->monitoring_size(),
                              p.monitoring_level_min(), Num(p.monitoring_rate_max())));
  }
}

}  // namespace

void QualityItems(const CountyFacts* f, const SchoolFindings& findings, const Profile& p,
                  ItemSlots& slots) {
  FactAtLeast(slots.Of("Q1"), f, catalog::county_facts::consolidation_rate,
              p.consolidation_rate_min());
  FactAtLeast(slots.Of("Q2"), f, catalog::county_facts::disabled_enrollment_rate,
              p.disabled_enrollment_rate_min());
  for (absl::string_view id : {"Q3", "Q4", "Q5", "Q6", "Q7", "Q8"}) {
    AggregateSchoolFindings(findings, slots.Of(id));
  }
  Monitoring(slots.Of("Q9"), f, p);
}

}  // namespace junheng::eval
