#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "common/table/table.h"
#include "common/xlsx/workbook.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::render {

// The whole evaluation as a workbook for the bureau: every part of the Evaluation message on a
// sheet of its own, in Chinese, each indicator and item by its official name and id. Built from
// the message alone, so an evaluation computed offline, on the server or kept in a snapshot
// gives the same workbook. The sheets, in order:
//
//   结论                 county, period, profile, verdict and the outcome of each part
//   未达标与无法判定      each failure with value, threshold and gap; each item not judged
//   资源配置指标          per level and indicator: minimum, mean, sd, coefficient and its limit
//   评估单位              each unit (a school or one section of it) with L1-L7, failing cells dark;
//                        excluded schools with the reason
//   评估项目              G1-G15, Q1-Q9, SR and V1-V6 with value, threshold, gap and reason
//   学校问题              each school that fails or cannot be judged on a per-school item
//   学校达标              each school's standard (达标) with its target year
//   规划进度              the plan's schools due by each year and how many meet the standard
//   差距分析（单位）      what each unit below a minimum must add, in real units
//   差距分析（差异系数）  what the lowest units must add to bring a coefficient within its limit
std::vector<table::Table> EvaluationTables(const junheng::v1::Evaluation& evaluation);

// The tables as sheets of `book`.
void AddEvaluationSheets(const junheng::v1::Evaluation& evaluation, xlsx::Workbook& book);

// A new workbook at `path` with the evaluation's sheets; Workbook::Create's and Close's errors.
[[nodiscard]] absl::Status WriteEvaluationWorkbook(const junheng::v1::Evaluation& evaluation,
                                                   const std::string& path);

}  // namespace junheng::render
