#include "common/eval/plan_progress.h"

#include <algorithm>
#include <climits>

namespace junheng::eval {

std::vector<junheng::v1::PlanYear> PlanProgress(
    const std::vector<junheng::v1::SchoolStandard>& schools) {
  int first = INT_MAX;
  int last = INT_MIN;
  for (const junheng::v1::SchoolStandard& s : schools) {
    if (s.target_year() == 0) continue;
    first = std::min(first, s.target_year());
    last = std::max(last, s.target_year());
  }
  std::vector<junheng::v1::PlanYear> rows;
  if (first == INT_MAX) return rows;
  for (int year = first; year <= last + 1; ++year) {
    junheng::v1::PlanYear row;
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
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace junheng::eval
