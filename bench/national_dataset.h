#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "common/eval/evaluation_input.h"
#include "junheng/v1/evaluation.pb.h"

namespace junheng::bench {

// The synthetic national dataset of eval_bench and region_bench: 2,900 counties x 69 schools =
// 200,100 schools (58% primary, 25% junior, 10% nine-year, 2% twelve-year, 5% teaching points),
// one report per school for period 2024 and the county facts, with a fixed seed. The values do not
// depend on the county codes, so both benchmarks evaluate the same schools whatever codes they
// give the counties, and the first N counties of a smaller dataset are the first N of the whole.
inline constexpr int kNationalCounties = 2900;
inline constexpr int kSchoolsPerCounty = 69;  // 2,900 x 69 = 200,100 schools
inline constexpr char kNationalPeriod[] = "2024";

// Two failure mixes over the same 200,100 schools (same types, students and seed):
//  * kCalibrated: per-indicator values drawn against the profile's minima so that the mix
//    resembles a real county (deploy/sample, Qin County 2024: 16 of 26 units meet the per-unit
//    rule, failing units miss 2-3 indicators, coefficients 0.04-0.37, a handful of per-school items
//    failing). Each unit section misses 0, 1, 2 or 3 of its seven minima with probabilities
//    38/25/25/12% (a single miss is at 86-99% of the minimum, so it usually still meets the 6-of-7
//    / 85% rule: about 60% of units meet it); per-school items fail for a few schools each (G3 arts
//    rooms 25%, G9 training 30%, G5 class size 8%, Q4 training funds 8%, G6 funds 5%, G12 and Q7
//    4%). The targets are judged on this dataset.
//  * kStress: the generator of the first rounds, kept unchanged: values scattered around the
//    minima (about two gaps per unit), every junior section short of its public-funds quota, so
//    almost everything fails and each Evaluation is ~4x larger. Reported for honesty.
enum class Mix { kCalibrated, kStress };

struct NationalDataset {
  // One per county, in the order generated (which is the order of the codes given).
  std::vector<eval::EvaluationInput> counties;
  // The built-in national-2017 profile.
  junheng::v1::Profile profile;
  size_t schools = 0;
};

// The code of county `index` (0-based). School codes are the county code and 1000 + the school's
// index in the county.
using CountyCodeOf = std::function<std::string(int index)>;

// eval_bench's county codes: 100000 + index.
std::string BenchmarkCountyCode(int index);

// The first `counties` counties of the dataset (at most kNationalCounties makes sense, but more
// just continues the sequence), with codes from `code_of`.
NationalDataset MakeNationalDataset(Mix mix, int counties = kNationalCounties,
                                    const CountyCodeOf& code_of = BenchmarkCountyCode);

}  // namespace junheng::bench
