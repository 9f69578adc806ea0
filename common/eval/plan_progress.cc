#include "common/eval/plan_progress.h"

#include <algorithm>
#include <climits>

namespace junheng::eval {
namespace {

// Appends the rows for `schools` (any range of SchoolStandard) with `add()` giving a fresh row.
template <typename Schools, typename Add>
void Rows(const Schools& schools, Add add) {
  int first = INT_MAX;
  int last = INT_MIN;
  for (const junheng::v1::SchoolStandard& s : schools) {
    if (s.target_year() == 0) continue;
    first = std::min(first, s.target_year());
    last = std::max(last, s.target_year());
  }
  if (first == INT_MAX) return;
  for (int year = first; year <= last + 1; ++year) {
    junheng::v1::PlanYear& row = add();
    row.set_year(year);
    row.set_beyond(year > last);
    for (const junheng::v1::SchoolStandard& s : schools) {
      if (s.target_year() == 0 || s.target_year() > year) continue;
      row.set_due(row.due() + 1);
      if (s.target_year() == year) row.set_due_this_year(row.due_this_year() + 1);
      if (s.meets()) {
        row.set_meeting(row.meeting() + 1);
      } else {
        row.add_behind(s.school_code());
      }
    }
    row.set_behind_count(row.behind_size());
  }
}

}  // namespace

std::vector<junheng::v1::PlanYear> PlanProgress(
    const std::vector<junheng::v1::SchoolStandard>& schools) {
  std::vector<junheng::v1::PlanYear> rows;
  Rows(schools, [&]() -> junheng::v1::PlanYear& { return rows.emplace_back(); });
  return rows;
}

void PlanProgress(const google::protobuf::RepeatedPtrField<junheng::v1::SchoolStandard>& schools,
                  google::protobuf::RepeatedPtrField<junheng::v1::PlanYear>* out) {
  Rows(schools, [&]() -> junheng::v1::PlanYear& { return *out->Add(); });
}

}  // namespace junheng::eval
