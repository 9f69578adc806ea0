#pragma once

#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "common/catalog/field.h"
#include "common/table/table.h"
#include "junheng/v1/report.pb.h"

namespace junheng::render {

// School reports as a file a person fills in or corrects in Excel or WPS, and reads back with
// `validate` / `submit`: the template, `show --format csv|xlsx` and the bureau's table of every
// school's values are this one table.

// One row per report with the catalogue fields of `sections` (kEverySection: all of them): a
// Chinese label row with units over the field-name row; numbers as numbers, yes/no as 是/否 and
// ratings by their Chinese names. With `school_names`, a 学校名称 column follows the code (a
// listing for people; the file then no longer reads back as a report).
table::Table ReportTable(const std::vector<const junheng::v1::SchoolReport*>& reports,
                         catalog::SectionSet sections,
                         const std::map<std::string, std::string>* school_names = nullptr);

// The workbook of a ReportTable: sheet 填报 with cell validation on its data rows (whole numbers
// for counts, decimals for areas and money, drop-downs for yes/no and ratings, a prompt with each
// field's rule) and `blank_rows` more rows to fill, then sheet 填写说明 with the instructions and
// every field's rule in Chinese.
[[nodiscard]] absl::Status WriteReportWorkbook(const table::Table& table, int blank_rows,
                                               const std::string& path);

}  // namespace junheng::render
