#include "common/eval/evaluate.h"

#include <algorithm>
#include <map>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "common/eval/gap_analysis.h"
#include "common/eval/government_items.h"
#include "common/eval/input_hash.h"
#include "common/eval/levels.h"
#include "common/eval/plan_progress.h"
#include "common/eval/quality_items.h"
#include "common/eval/school_items.h"
#include "common/eval/school_standard.h"
#include "common/eval/social_veto.h"
#include "common/eval/units.h"
#include "common/eval/verdict.h"

namespace junheng::eval {

using junheng::v1::Evaluation;
using junheng::v1::Profile;

absl::StatusOr<Evaluation> Evaluate(const EvaluationInput& input, const Profile& profile) {
  if (input.county_code.empty()) return absl::InvalidArgumentError("county_code is empty");
  if (input.period.empty()) return absl::InvalidArgumentError("period is empty");
  for (const junheng::v1::LevelProfile* lp : {&profile.primary(), &profile.junior()}) {
    if (lp->indicator_min_size() != kIndicatorCount) {
      return absl::InvalidArgumentError(
          absl::StrCat("profile ", profile.name(), " does not give L1..L7 for every level"));
    }
  }

  // The county's schools, sorted by code so that the output does not depend on input order.
  std::vector<const junheng::v1::School*> registry;
  for (const junheng::v1::School& s : input.registry) {
    if (s.county_code().empty() || s.county_code() == input.county_code) registry.push_back(&s);
  }
  std::stable_sort(registry.begin(), registry.end(), [](const auto* a, const auto* b) {
    return a->school_code() < b->school_code();
  });
  for (size_t i = 1; i < registry.size(); ++i) {
    if (registry[i]->school_code() == registry[i - 1]->school_code()) {
      return absl::InvalidArgumentError(absl::StrCat("school_code ", registry[i]->school_code(),
                                                     " appears twice in the registry"));
    }
  }
  absl::flat_hash_map<absl::string_view, const junheng::v1::SchoolReport*> reports;
  for (const junheng::v1::SchoolReport& r : input.reports) {
    if (r.period() != input.period) continue;
    if (!r.county_code().empty() && r.county_code() != input.county_code) continue;
    if (!reports.emplace(r.school_code(), &r).second) {
      return absl::InvalidArgumentError(absl::StrCat("school_code ", r.school_code(),
                                                     " has two reports for period ", input.period,
                                                     "; pass only the latest"));
    }
  }
  std::vector<SchoolRecord> schools;
  schools.reserve(registry.size());
  int reported = 0;
  Evaluation eval;
  for (const junheng::v1::School* s : registry) {
    auto it = reports.find(s->school_code());
    SchoolRecord record{s, it == reports.end() ? nullptr : it->second};
    if (record.report != nullptr) {
      ++reported;
    } else {
      eval.add_not_reported(s->school_code());
    }
    schools.push_back(record);
  }
  if (reported != static_cast<int>(reports.size())) {
    for (const auto& [code, report] : reports) {
      bool known = std::any_of(registry.begin(), registry.end(),
                               [code = code](const auto* s) { return s->school_code() == code; });
      if (!known) {
        return absl::InvalidArgumentError(
            absl::StrCat("school_code ", code, " has a report but no registry entry in county ",
                         input.county_code));
      }
    }
  }

  const junheng::v1::CountyFacts* facts = input.county_facts ? &*input.county_facts : nullptr;
  eval.set_county_code(input.county_code);
  eval.set_period(input.period);
  eval.mutable_profile()->set_name(profile.name());
  eval.mutable_profile()->set_version(profile.version());
  eval.set_schools_in_registry(static_cast<int>(registry.size()));
  eval.set_schools_reported(reported);

  UnitSet units = FormUnits(schools, profile);
  std::vector<junheng::v1::LevelResult> levels;
  for (Level level : kLevels) levels.push_back(EvaluateLevel(units.of(level), level, profile));
  for (const Unit& u : units.outside) *eval.add_exclusions() = UnitMessage(u);

  // Each school's standard reads the findings before the items take them over.
  SchoolFindings findings = CollectSchoolFindings(schools, facts, profile);
  std::vector<junheng::v1::SchoolStandard> standards = SchoolStandards(schools, levels, findings);
  std::vector<junheng::v1::ItemResult> items = GovernmentItems(schools, facts, findings, profile);
  for (auto& item : QualityItems(facts, findings, profile)) items.push_back(std::move(item));
  items.push_back(SocialRecognition(facts, profile));
  for (auto& item : VetoItems(facts)) items.push_back(std::move(item));

  *eval.mutable_verdict() = MakeVerdict(levels, items, profile);
  for (auto& row : PlanProgress(standards)) *eval.add_plan_progress() = std::move(row);
  std::vector<junheng::v1::Gap> gaps = AnalyzeGaps(units, profile);
  eval.mutable_gaps()->Reserve(static_cast<int>(gaps.size()));
  for (auto& gap : gaps) *eval.add_gaps() = std::move(gap);
  for (auto& level : levels) *eval.add_levels() = std::move(level);
  eval.mutable_items()->Reserve(static_cast<int>(items.size()));
  for (auto& item : items) *eval.add_items() = std::move(item);
  eval.mutable_schools()->Reserve(static_cast<int>(standards.size()));
  for (auto& s : standards) *eval.add_schools() = std::move(s);
  eval.set_input_hash(InputHash(input, profile));
  return eval;
}

}  // namespace junheng::eval
