#pragma once

#include <algorithm>
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

// Sorts records (School or SchoolReport pointers) by school code, ties in input order.
template <typename Record>
void SortByCode(std::vector<const Record*>& records) {
  std::stable_sort(records.begin(), records.end(), [](const Record* a, const Record* b) {
    return a->school_code() < b->school_code();
  });
}

}  // namespace junheng::eval
