#pragma once

#include <string>

#include "absl/status/status.h"
#include "common/xlsx/workbook.h"
#include "junheng/v1/evaluation_service.pb.h"

namespace junheng::render {

// The national submission forms (《全国义务教育优质均衡发展县（市、区）申报表》 表Ⅰ-表Ⅵ) of one
// county and period, cell for cell as national-forms.md lays them out: one sheet per table,
// named 表Ⅰ, 表Ⅱ-1, 表Ⅱ-2, 表Ⅲ, 表Ⅳ, 表Ⅴ and 表Ⅵ, each with its title, merged headers, L-code
// row, notes in a merged last row and the forms' number formats (values stored at full
// precision, rounded only by the format).
//
// Built from `data` alone, so an evaluation computed offline and one received from the server
// give the same workbook: the evaluation gives every unit value, coefficient, pass and item; the
// registry and the reports give school counts, classes, students and teachers; the county facts
// give the figures nothing else holds (population, economy, staff, the 表Ⅳ-表Ⅵ fill-in numbers).
// A figure nobody entered is an empty cell, or "＿" inside a sentence, never a 0.
void AddNationalForms(const junheng::v1::EvaluationWithInput& data, xlsx::Workbook& book);

// AddNationalForms into a new workbook at `path`; Workbook::Create's and Close's errors.
[[nodiscard]] absl::Status WriteNationalForms(const junheng::v1::EvaluationWithInput& data,
                                              const std::string& path);

}  // namespace junheng::render
