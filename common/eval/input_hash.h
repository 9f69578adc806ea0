#pragma once

#include <span>
#include <string>

#include "absl/strings/string_view.h"
#include "common/eval/evaluation_input.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::eval {

// Lowercase hex SHA-256 over a deterministic serialization of the inputs and the profile: the
// county and period, the registry sorted by school code, the period's reports sorted by school
// code, the county facts, and the profile message. The order in which records arrive does not
// change it; any change of a value does.
std::string InputHash(const EvaluationInput& input, const junheng::v1::Profile& profile);

// The same hash from records the caller has already selected and sorted, written into `out`
// (replacing its contents). Contract: `registry` holds exactly the input's schools whose
// county_code is empty or `county_code`, and `reports` exactly the input's reports of `period`
// (whatever their county), each sorted by school code with ties in input order; `facts` is the
// county facts or nullptr. Given that, the result equals InputHash() of the whole input.
void InputHashOfSorted(absl::string_view county_code, absl::string_view period,
                       std::span<const junheng::v1::School* const> registry,
                       std::span<const junheng::v1::SchoolReport* const> reports,
                       const junheng::v1::CountyFacts* facts, const junheng::v1::Profile& profile,
                       std::string* out);

}  // namespace junheng::eval
