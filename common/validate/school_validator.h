#pragma once

#include <string_view>

#include "absl/strings/string_view.h"
#include "common/validate/validation_result.h"
#include "junheng/v1/school.pb.h"

namespace junheng::validate {

// Checks one registry row for import into `county_code`: required fields, code formats, the
// catalogue's enumerations, a teaching point's parent, a plausible target year.
ValidationResult ValidateSchool(const junheng::v1::School& school, absl::string_view county_code);

}  // namespace junheng::validate
