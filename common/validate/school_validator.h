#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"
#include "common/validate/validation_result.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "junheng/v1/school.pb.h"

namespace junheng::validate {

// Checks one registry row for import into `county_code`: required fields, code formats, the
// catalogue's enumerations, a teaching point's parent, a plausible target year.
ValidationResult ValidateSchool(const junheng::v1::School& school, absl::string_view county_code);

// What a registry import of `schools` into `county_code` is refused for, and warned of, as the
// sentences the bureau reads: each row's violations and warnings (ValidateSchool; a row without a
// county_code is of `county_code`) and each school code given twice, rows numbered from 1. The
// server checks every UpsertSchools request with it; `junheng schools import` checks a whole file
// before it sends any part, so a file sent in several requests is refused as one.
struct RegistryImportCheck {
  std::vector<std::string> problems;
  std::vector<std::string> warnings;
};
RegistryImportCheck CheckRegistryImport(
    const google::protobuf::RepeatedPtrField<junheng::v1::School>& schools,
    absl::string_view county_code);

}  // namespace junheng::validate
