#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::render {

// Renderings of an Evaluation for people and programs: text, JSON and CSV (the workbook is
// evaluation_workbook.h; which format a command writes is the client's ChooseFormat). They
// read only the message, so an Evaluation computed offline or received from the server renders
// identically; the engine (common/eval) knows none of them.

enum class RenderFormat { kText, kJson, kCsv };

// A readable report: every indicator and item by id and official Chinese name, per-level tables,
// items, the verdict with its failures, school standards, the plan progress table and the gaps.
// Per-unit values show 2 decimals, means 2 and coefficients 3 (the national forms' conventions).
std::string RenderText(const junheng::v1::Evaluation& evaluation);

// The stable JSON contract: proto field names, every primitive printed (false and 0 included).
std::string RenderJson(const junheng::v1::Evaluation& evaluation, bool pretty = true);

// The per-unit table (like the national form's Table II-2): one row per unit of both levels, then
// per level and indicator the mean, the coefficient and the thresholds.
std::string RenderCsv(const junheng::v1::Evaluation& evaluation);

std::string Render(const junheng::v1::Evaluation& evaluation, RenderFormat format);

}  // namespace junheng::render
