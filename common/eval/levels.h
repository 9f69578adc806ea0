#pragma once

#include "common/eval/units.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// Resource allocation of one level: every unit's values and per-unit rule, each indicator's
// difference coefficient tested on its own, and the level's outcome. The level passes when every
// unit meets the per-unit rule and every one of the seven coefficients is defined and within the
// profile's cv_max; the mean of the seven (综合差异系数) is reported and never decides.
junheng::v1::LevelResult EvaluateLevel(const std::vector<Unit>& units, Level level,
                                       const junheng::v1::Profile& profile);

// The message form of a unit without the per-unit rule (for exclusions).
junheng::v1::UnitResult UnitMessage(const Unit& unit);

}  // namespace junheng::eval
