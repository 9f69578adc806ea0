#pragma once

#include "common/eval/units.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// Resource allocation of one level: every unit's values and per-unit rule, each indicator's
// difference coefficient tested on its own, and the level's outcome. The level passes when every
// unit meets the per-unit rule and every one of the seven coefficients is defined and within the
// profile's cv_max; the mean of the seven (综合差异系数) is reported and never decides.
// Filled into a fresh `result` (which may live on an arena).
void EvaluateLevel(const std::vector<Unit>& units, Level level, const junheng::v1::Profile& profile,
                   junheng::v1::LevelResult& result);

// The message form of a unit without the per-unit rule (for exclusions), filled into a fresh `out`.
void FillUnitMessage(const Unit& unit, junheng::v1::UnitResult& out);
// The same with the unit's Values() already computed.
void FillUnitMessage(const Unit& unit, const IndicatorArray& values, junheng::v1::UnitResult& out);

}  // namespace junheng::eval
