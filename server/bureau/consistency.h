#pragma once

#include <map>
#include <string>
#include <vector>

#include "junheng/v1/bureau.pb.h"
#include "junheng/v1/evaluation.pb.h"
#include "junheng/v1/report.pb.h"

namespace junheng::server {

// Plausibility checks across schools and periods, shown to the bureau as warnings and never used
// to reject a report (a real change, such as a new building, must still be reportable).
//
// change:  a reported quantity (students, teachers, floor and sports area, equipment value,
//          multimedia classrooms) that moved by more than profile.consistency_max_change_share
//          from the school's report for `previous` periods (keyed by school code).
// outlier: a unit's indicator value (L1-L7) further than profile.consistency_outlier_mad_k robust
//          deviations from the median of its level, the deviation being 1.4826 x the median
//          absolute deviation. Median and MAD, not mean and SD: school data are skewed and a
//          single large school would otherwise hide or cause flags.
// Pure: no I/O. Warnings come sorted by school code, then field.
std::vector<junheng::v1::ConsistencyWarning> ConsistencyWarnings(
    const std::vector<junheng::v1::SchoolReport>& current,
    const std::map<std::string, junheng::v1::SchoolReport>& previous,
    const junheng::v1::Evaluation& evaluation, const junheng::v1::Profile& profile);

}  // namespace junheng::server
