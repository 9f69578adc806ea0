#pragma once

#include <string>

#include "common/eval/evaluation_input.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// Lowercase hex SHA-256 over a deterministic serialization of the inputs and the profile: the
// county and period, the registry sorted by school code, the period's reports sorted by school
// code, the county facts, and the profile message. The order in which records arrive does not
// change it; any change of a value does.
std::string InputHash(const EvaluationInput& input, const junheng::v1::Profile& profile);

}  // namespace junheng::eval
