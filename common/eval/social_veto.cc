#include "common/eval/social_veto.h"

#include "absl/strings/str_cat.h"
#include "common/eval/items.h"

namespace junheng::eval {

using junheng::v1::CountyFacts;
using junheng::v1::ItemResult;

void SocialRecognition(const CountyFacts* f, const junheng::v1::Profile& p, ItemSlots& slots) {
  ItemResult& item = slots.Of("SR");
  item.mutable_threshold()->set_number_value(p.survey_satisfaction_min());
  if (f == nullptr || !f->has_survey_valid() || !f->has_survey_satisfied()) {
    std::string field = f != nullptr && f->has_survey_valid() ? "survey_satisfied"
                        : f != nullptr && f->has_survey_satisfied()
                            ? "survey_valid"
                            : "survey_valid, survey_satisfied";
    SetNotJudged(item, FactNotReported(field, f != nullptr));
    return;
  }
  if (f->survey_valid() <= 0) {
    SetNotJudged(item, "survey_valid is 0: no valid questionnaires");
    return;
  }
  double share = static_cast<double>(f->survey_satisfied()) / f->survey_valid();
  SetAtLeast(item, share, p.survey_satisfaction_min(),
             absl::StrCat("satisfied ", f->survey_satisfied(), " of ", f->survey_valid(),
                          " valid questionnaires ="));
}

void VetoItems(const CountyFacts* f, ItemSlots& slots) {
  struct Veto {
    const char* id;
    const char* field;
    bool (CountyFacts::*has)() const;
    bool (CountyFacts::*get)() const;
  };
  static constexpr Veto kVetoes[] = {
      {"V1", "veto_exam_admission", &CountyFacts::has_veto_exam_admission,
       &CountyFacts::veto_exam_admission},
      {"V2", "veto_illegal_choice", &CountyFacts::has_veto_illegal_choice,
       &CountyFacts::veto_illegal_choice},
      {"V3", "veto_key_schools", &CountyFacts::has_veto_key_schools,
       &CountyFacts::veto_key_schools},
      {"V4", "veto_unfilled_posts", &CountyFacts::has_veto_unfilled_posts,
       &CountyFacts::veto_unfilled_posts},
      {"V5", "veto_major_incident", &CountyFacts::has_veto_major_incident,
       &CountyFacts::veto_major_incident},
      {"V6", "veto_falsification", &CountyFacts::has_veto_falsification,
       &CountyFacts::veto_falsification},
  };
  for (const Veto& v : kVetoes) {
    ItemResult& item = slots.Of(v.id);
    if (f == nullptr || !(f->*v.has)()) {
      SetNotJudged(item, FactNotReported(v.field, f != nullptr));
    } else {
      SetBool(item, (f->*v.get)(), false, v.field);
      if ((f->*v.get)())
        item.set_reason(absl::StrCat(v.field, " = true: the county fails outright"));
    }
  }
}

}  // namespace junheng::eval
