#pragma once

#include <optional>
#include <string>
#include <vector>

#include "junheng/v1/county_facts.pb.h"
#include "junheng/v1/report.pb.h"
#include "junheng/v1/school.pb.h"

namespace junheng::eval {

// Everything the engine needs about one county and period, besides the profile.
struct EvaluationInput {
  std::string county_code;
  std::string period;
  // The county's registry. Schools of other counties are ignored.
  std::vector<junheng::v1::School> registry;
  // The latest report of each school for `period`; reports of other periods are ignored. At most
  // one report per school.
  std::vector<junheng::v1::SchoolReport> reports;
  // What the bureau entered for the county and period, when it has.
  std::optional<junheng::v1::CountyFacts> county_facts;
};

// One registry school of the county with its report for the period (nullptr when it has none).
struct SchoolRecord {
  const junheng::v1::School* school = nullptr;
  const junheng::v1::SchoolReport* report = nullptr;
};

}  // namespace junheng::eval
