#include "common/eval/social_veto.h"

#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/catalog/fields.h"
#include "common/eval/items.h"
#include "common/i18n/evaluation_messages.h"

namespace junheng::eval {

using junheng::v1::CountyFacts;
using junheng::v1::ItemResult;

namespace facts = catalog::county_facts;

void SocialRecognition(const CountyFacts* f, const junheng::v1::Profile& p, ItemSlots& slots) {
  ItemResult& item = slots.Of("SR");
  item.mutable_threshold()->set_number_value(p.survey_satisfaction_min());
  std::optional<double> valid = FactNumber(f, facts::survey_valid);
  std::optional<double> satisfied = FactNumber(f, facts::survey_satisfied);
  if (!valid || !satisfied) {
    std::string field =
        valid       ? std::string(facts::survey_satisfied.name)
        : satisfied ? std::string(facts::survey_valid.name)
                    : absl::StrCat(facts::survey_valid.name, ", ", facts::survey_satisfied.name);
    SetNotJudged(item, FactNotReported(field, f != nullptr));
    return;
  }
  if (*valid <= 0) {
    SetNotJudged(item, i18n::Say(i18n::evaluation::kNoValidSurveys, facts::survey_valid.name));
    return;
  }
  double share = *satisfied / *valid;
  SetAtLeast(item, share, p.survey_satisfaction_min(),
             i18n::Say(i18n::evaluation::kSatisfied, *satisfied, *valid));
}

void VetoItems(const CountyFacts* f, ItemSlots& slots) {
  static constexpr std::pair<absl::string_view, const catalog::Field<CountyFacts>*> kVetoes[] = {
      {"V1", &facts::veto_exam_admission}, {"V2", &facts::veto_illegal_choice},
      {"V3", &facts::veto_key_schools},    {"V4", &facts::veto_unfilled_posts},
      {"V5", &facts::veto_major_incident}, {"V6", &facts::veto_falsification},
  };
  for (const auto& [id, field] : kVetoes) {
    ItemResult& item = slots.Of(id);
    FactYesNo(item, f, *field, /*wanted=*/false);
    if (FactFlag(f, *field).value_or(false)) {
      item.set_reason(i18n::Say(i18n::evaluation::kVetoed, field->name));
    }
  }
}

}  // namespace junheng::eval
