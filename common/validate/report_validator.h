#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"
#include "common/validate/validation_result.h"
#include "junheng/v1/report.pb.h"
#include "junheng/v1/school.pb.h"

namespace junheng::validate {

// Checks one school report. The client and the server call this same function, so a report the
// client's `validate` passes is one the server accepts (given the same registry).
//
// `county_code` is the county the report is submitted to. `registered` is the school's registry
// entry in that county, or nullptr when the school is not registered there (a violation). When
// `registered` is given, the report's sections must match its school type.
//
// Violations: missing school_code or period, malformed codes, a report county that differs from
// `county_code`, negative counts or amounts, parts exceeding their wholes, missing student counts
// for the school's sections, sections the school type does not have, unknown rating words.
// Warnings (never blocking): implausible magnitudes such as more than 50 m² of teaching floor area
// per student; and each field the method needs from the school (MissingFields) left empty, since
// such a report is stored but counts as incomplete in the bureau's status.
ValidationResult ValidateReport(const junheng::v1::SchoolReport& report,
                                absl::string_view county_code,
                                const junheng::v1::School* registered);

// The report fields the method needs from a school of `registered`'s type that `report` leaves
// empty, in catalogue order: every whole-school field and every field of the sections the school
// has. With no registry entry (offline, or a school not registered), the sections are those the
// report itself fills. A report with any is incomplete: the server stores it with the list on its
// receipt, and the bureau's status counts it as not yet complete.
std::vector<std::string> MissingFields(const junheng::v1::SchoolReport& report,
                                       const junheng::v1::School* registered);

// The same checks with no registry at hand (offline `junheng validate` without --schools): the
// school-type checks are skipped and the county is taken from the report.
ValidationResult ValidateReportContent(const junheng::v1::SchoolReport& report);

}  // namespace junheng::validate
