// The evaluation engine over a synthetic national dataset (≈200,000 schools in ≈2,900 counties,
// bench/national_dataset.h), against the same difference coefficients computed by SQLite in memory
// (bench/sqlite_baseline.h). Figures and how to rerun them: docs/performance.md. region_bench runs
// the same dataset through junheng-server's EvaluateRegion.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "bench/national_dataset.h"
#include "bench/sqlite_baseline.h"
#include "benchmark/benchmark.h"
#ifndef JUNHENG_BENCH_BASELINE
#include "common/eval/batch_evaluator.h"
#endif
#include "common/eval/difference_coefficient.h"
#include "common/eval/evaluate.h"
#include "common/eval/units.h"
#include "google/protobuf/arena.h"

namespace {

using junheng::eval::EvaluationInput;
using junheng::eval::SchoolRecord;

using junheng::bench::Mix;
// The dataset (bench/national_dataset.h) with eval_bench's county codes, made once per mix.
using Dataset = junheng::bench::NationalDataset;

const Dataset& National(Mix mix) {
  static const Dataset* data[2] = {nullptr, nullptr};
  const Dataset*& slot = data[mix == Mix::kStress ? 1 : 0];
  if (slot == nullptr) slot = new Dataset(junheng::bench::MakeNationalDataset(mix));
  return *slot;
}

// The engine's coefficient path for every county, as Evaluate() runs it: units (with splits and
// teaching points) with FormUnits from the School and SchoolReport messages, then the seven
// student-weighted coefficients per level with LevelCoefficients. Returns a checksum.
double EngineCoefficients(const Dataset& d, std::vector<double>* out = nullptr) {
  double checksum = 0;
  std::vector<SchoolRecord> records;
  for (const EvaluationInput& in : d.counties) {
    records.clear();
    for (size_t i = 0; i < in.registry.size(); ++i)
      records.push_back({&in.registry[i], &in.reports[i]});
    junheng::eval::UnitSet units = junheng::eval::FormUnits(records, d.profile);
    for (junheng::eval::Level level : junheng::eval::kLevels) {
      for (const junheng::eval::Coefficient& c :
           junheng::eval::LevelCoefficients(units.of(level))) {
        checksum += c.cv.value_or(0);
        if (out) out->push_back(c.cv.value_or(0));
      }
    }
  }
  return checksum;
}

// Evaluates every county into an arena reset per county, as a server handling one request at a
// time would: allocation is a pointer bump and destruction is the reset.
class ArenaEvaluator {
 public:
  ArenaEvaluator() : block_(kBlock), arena_(Options(block_)) {}
  size_t EvaluateAll(const Dataset& d) {
    size_t failing = 0;
    for (size_t i = 0; i < d.counties.size(); ++i) failing += Evaluate(d, i);
    return failing;
  }
  // County `i`; true when it fails.
  bool Evaluate(const Dataset& d, size_t i) {
    auto* e = google::protobuf::Arena::CreateMessage<junheng::v1::Evaluation>(&arena_);
    bool failing =
        junheng::eval::EvaluateInto(d.counties[i], d.profile, e).ok() && !e->verdict().pass();
    arena_.Reset();
    return failing;
  }

 private:
  static constexpr size_t kBlock = 4 << 20;
  static google::protobuf::ArenaOptions Options(std::vector<char>& block) {
    google::protobuf::ArenaOptions o;
    o.initial_block = block.data();
    o.initial_block_size = block.size();
    return o;
  }
  std::vector<char> block_;
  google::protobuf::Arena arena_;
};

#ifndef JUNHENG_BENCH_BASELINE
// Evaluates every county with a BatchEvaluator: one reused Evaluation on an arena, the way a
// national or scheduled run evaluates county after county.
size_t EvaluateAllBatch(const Dataset& d, junheng::eval::BatchEvaluator& batch) {
  size_t failing = 0;
  for (const EvaluationInput& in : d.counties) {
    absl::StatusOr<const junheng::v1::Evaluation*> e = batch.Evaluate(in, d.profile);
    if (e.ok()) failing += !(*e)->verdict().pass();
  }
  return failing;
}
#endif

size_t EvaluateAllHeap(const Dataset& d) {
  size_t failing = 0;
  for (const EvaluationInput& in : d.counties)
    failing += !junheng::eval::Evaluate(in, d.profile)->verdict().pass();
  return failing;
}

// What the dataset looks like to the method (outside any timing): units meeting the per-unit rule,
// indicators missed by failing units, gaps, listed findings, verdict entries, coefficients and
// the size of a serialized Evaluation.
void DescribeDataset(const Dataset& d, benchmark::State& state) {
  double units = 0, meeting = 0, failing_units = 0, failing_below = 0, gaps = 0, unit_gaps = 0,
         findings = 0, verdict = 0, reasons = 0, bytes = 0, passing_counties = 0,
         schools_meeting = 0, schools = 0;
  std::vector<double> cvs;
  for (const EvaluationInput& in : d.counties) {
    junheng::v1::Evaluation e = junheng::eval::Evaluate(in, d.profile).value();
    for (const auto& level : e.levels()) {
      for (const auto& u : level.units()) {
        if (u.excluded()) continue;
        ++units;
        if (u.meets()) {
          ++meeting;
        } else {
          ++failing_units;
          failing_below += u.below_size();
        }
      }
      for (const auto& ind : level.indicators())
        if (ind.cv().has_number_value()) cvs.push_back(ind.cv().number_value());
    }
    for (const auto& g : e.gaps()) {
      ++gaps;
      unit_gaps += g.kind() == "unit";
    }
    for (const auto& item : e.items()) findings += item.schools_size();
    verdict += e.verdict().failures_size() + e.verdict().not_judged_size();
    for (const auto& s : e.schools()) {
      reasons += s.reasons_size();
      ++schools;
      schools_meeting += s.meets();
    }
    bytes += static_cast<double>(e.ByteSizeLong());
    passing_counties += e.verdict().pass();
  }
  std::sort(cvs.begin(), cvs.end());
  double n = static_cast<double>(d.counties.size());
  auto q = [&](double f) {
    return cvs.empty() ? 0 : cvs[static_cast<size_t>(f * (cvs.size() - 1))];
  };
  state.counters["units_meeting_share"] = meeting / units;
  state.counters["failing_unit_mean_below"] = failing_units > 0 ? failing_below / failing_units : 0;
  state.counters["units_per_county"] = units / n;
  state.counters["gaps_per_county"] = gaps / n;
  state.counters["unit_gaps_per_county"] = unit_gaps / n;
  state.counters["findings_per_county"] = findings / n;
  state.counters["verdict_entries_per_county"] = verdict / n;
  state.counters["school_reasons_per_county"] = reasons / n;
  state.counters["schools_meeting_share"] = schools_meeting / schools;
  state.counters["evaluation_kb"] = bytes / n / 1024;
  state.counters["cv_p10"] = q(0.10);
  state.counters["cv_p50"] = q(0.50);
  state.counters["cv_p90"] = q(0.90);
  state.counters["passing_counties"] = passing_counties;
}

using junheng::bench::SqliteReports;
using junheng::bench::SqliteUnits;

Mix MixOf(const benchmark::State& state) {
  return state.range(0) == 0 ? Mix::kCalibrated : Mix::kStress;
}
void Mixes(benchmark::internal::Benchmark* b) {
  b->ArgName("stress")->Arg(0)->Arg(1);  // stress:0 is the calibrated dataset (the target's)
}

// The whole method for every county: Evaluate() with items, verdict, plan progress, gaps and the
// input hash, each result on the heap (the Evaluate() signature).
void BM_EvaluateAllCounties(benchmark::State& state) {
  const Dataset& d = National(MixOf(state));
  for (auto _ : state) benchmark::DoNotOptimize(EvaluateAllHeap(d));
  state.counters["counties"] = static_cast<double>(d.counties.size());
  state.counters["schools"] = static_cast<double>(d.schools);
  state.counters["schools_per_s"] = benchmark::Counter(
      static_cast<double>(d.schools), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_EvaluateAllCounties)->Apply(Mixes)->Unit(benchmark::kMillisecond)->MinTime(3);

// The same, each county evaluated with EvaluateInto into an arena reset per county.
void BM_EvaluateAllCountiesArena(benchmark::State& state) {
  const Dataset& d = National(MixOf(state));
  ArenaEvaluator arena;
  for (auto _ : state) benchmark::DoNotOptimize(arena.EvaluateAll(d));
  state.counters["schools_per_s"] = benchmark::Counter(
      static_cast<double>(d.schools), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_EvaluateAllCountiesArena)->Apply(Mixes)->Unit(benchmark::kMillisecond)->MinTime(3);

#ifndef JUNHENG_BENCH_BASELINE
// The same with a BatchEvaluator (the figure for the one-second target).
void BM_EvaluateAllCountiesBatch(benchmark::State& state) {
  const Dataset& d = National(MixOf(state));
  junheng::eval::BatchEvaluator batch;
  for (auto _ : state) benchmark::DoNotOptimize(EvaluateAllBatch(d, batch));
  state.counters["schools_per_s"] = benchmark::Counter(
      static_cast<double>(d.schools), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_EvaluateAllCountiesBatch)->Apply(Mixes)->Unit(benchmark::kMillisecond)->MinTime(3);
#endif

// A fixed amount of work (the first 500 counties, twice) for counting instructions, which unlike
// time does not depend on the machine's load. Run under valgrind's callgrind with
// --collect-atstart=no and --toggle-collect='junheng::eval::BatchEvaluator::Evaluate*' and the
// filter 'FixedWorkBatch/stress:0' (for FixedWorkArena, toggle 'junheng::eval::EvaluateInto*' and
// 'google::protobuf::internal::ThreadSafeArena::Reset*'), then read callgrind_annotate's total.
constexpr size_t kFixedWorkCounties = 500;
void BM_FixedWorkArena(benchmark::State& state) {
  const Dataset& d = National(MixOf(state));
  ArenaEvaluator arena;
  for (auto _ : state) {
    for (size_t i = 0; i < kFixedWorkCounties; ++i) benchmark::DoNotOptimize(arena.Evaluate(d, i));
  }
}
BENCHMARK(BM_FixedWorkArena)->Apply(Mixes)->Iterations(2);
#ifndef JUNHENG_BENCH_BASELINE
void BM_FixedWorkBatch(benchmark::State& state) {
  const Dataset& d = National(MixOf(state));
  junheng::eval::BatchEvaluator batch;
  for (auto _ : state) {
    for (size_t i = 0; i < kFixedWorkCounties; ++i)
      benchmark::DoNotOptimize(batch.Evaluate(d.counties[i], d.profile).ok());
  }
}
BENCHMARK(BM_FixedWorkBatch)->Apply(Mixes)->Iterations(2);
#endif

void BM_EngineCoefficients(benchmark::State& state) {
  const Dataset& d = National(MixOf(state));
  for (auto _ : state) benchmark::DoNotOptimize(EngineCoefficients(d));
  state.counters["schools"] = static_cast<double>(d.schools);
}
BENCHMARK(BM_EngineCoefficients)->Apply(Mixes)->Unit(benchmark::kMillisecond)->MinTime(2);

void BM_SqliteCoefficientsFromUnitRows(benchmark::State& state) {
  const Dataset& d = National(MixOf(state));
  SqliteUnits sqlite(d);
  for (auto _ : state) benchmark::DoNotOptimize(sqlite.Coefficients());
}
BENCHMARK(BM_SqliteCoefficientsFromUnitRows)
    ->Apply(Mixes)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2);

void BM_SqliteCoefficientsFromReports(benchmark::State& state) {
  const Dataset& d = National(MixOf(state));
  SqliteReports sqlite(d);
  for (auto _ : state) benchmark::DoNotOptimize(sqlite.Coefficients());
}
BENCHMARK(BM_SqliteCoefficientsFromReports)
    ->Apply(Mixes)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2);

// Everything in one run, so that the ratios are measured under the same load: the full engine
// (Evaluate on the heap, EvaluateInto an arena reset per county, and a BatchEvaluator), the
// engine's coefficient path (FormUnits + LevelCoefficients, as Evaluate runs them), SQLite from the
// reports and from ready unit rows.
// Milliseconds per pass over all counties (thread CPU time; *_wall_ms wall-clock); also the
// description of the dataset (DescribeDataset).
void BM_EngineVsSqlite(benchmark::State& state) {
  const Dataset& d = National(MixOf(state));
  SqliteUnits sqlite(d);
  SqliteReports sqlite_reports(d);
  // All paths agree on every coefficient (same units, same definition).
  std::vector<double> a, b, c;
  EngineCoefficients(d, &a);
  sqlite.Coefficients(&b);
  sqlite_reports.Coefficients(&c);
  double worst = 0;
  for (size_t i = 0; i < std::min(a.size(), b.size()); ++i)
    worst = std::max(worst, std::fabs(a[i] - b[i]));
  for (size_t i = 0; i < std::min(a.size(), c.size()); ++i)
    worst = std::max(worst, std::fabs(a[i] - c[i]));
  if (a.size() != b.size() || a.size() != c.size())
    state.SkipWithError("coefficient counts differ");
  ArenaEvaluator arena;
#ifndef JUNHENG_BENCH_BASELINE
  junheng::eval::BatchEvaluator batch;
#endif
  // Each part is timed in CPU time of this thread (what "on one core" means; other processes on a
  // shared machine do not add to it) and in wall-clock time (*_wall_ms).
  struct Stamp {
    double cpu;
    std::chrono::steady_clock::time_point wall;
  };
  auto now = [] {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return Stamp{static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec),
                 std::chrono::steady_clock::now()};
  };
  auto seconds = [](const Stamp& from, const Stamp& to) { return to.cpu - from.cpu; };
  auto wall = [](const Stamp& from, const Stamp& to) {
    return std::chrono::duration<double>(to.wall - from.wall).count();
  };
  double heap_s = 0, arena_s = 0, batch_s = 0, coeff_s = 0, sqlite_s = 0, sqlite_reports_s = 0;
  double heap_w = 0, arena_w = 0, batch_w = 0, coeff_w = 0, sqlite_reports_w = 0;
  int64_t n = 0;
  for (auto _ : state) {
    auto t0 = now();
    benchmark::DoNotOptimize(EvaluateAllHeap(d));
    auto t1 = now();
    benchmark::DoNotOptimize(arena.EvaluateAll(d));
    auto tb = now();
#ifndef JUNHENG_BENCH_BASELINE
    benchmark::DoNotOptimize(EvaluateAllBatch(d, batch));
#endif
    auto t2 = now();
    benchmark::DoNotOptimize(EngineCoefficients(d));
    auto t3 = now();
    benchmark::DoNotOptimize(sqlite.Coefficients());
    auto t4 = now();
    benchmark::DoNotOptimize(sqlite_reports.Coefficients());
    auto t5 = now();
    heap_s += seconds(t0, t1);
    arena_s += seconds(t1, tb);
    batch_s += seconds(tb, t2);
    coeff_s += seconds(t2, t3);
    sqlite_s += seconds(t3, t4);
    sqlite_reports_s += seconds(t4, t5);
    heap_w += wall(t0, t1);
    arena_w += wall(t1, tb);
    batch_w += wall(tb, t2);
    coeff_w += wall(t2, t3);
    sqlite_reports_w += wall(t4, t5);
    ++n;
  }
  state.counters["evaluate_ms"] = 1000 * heap_s / n;
  state.counters["engine_coeff_ms"] = 1000 * coeff_s / n;
  state.counters["sqlite_ms"] = 1000 * sqlite_s / n;
  state.counters["sqlite_reports_ms"] = 1000 * sqlite_reports_s / n;
  state.counters["speedup_vs_sqlite_reports"] = sqlite_reports_s / coeff_s;
  state.counters["speedup_vs_sqlite_unit_rows"] = sqlite_s / coeff_s;
  state.counters["evaluate_vs_sqlite_reports"] = sqlite_reports_s / heap_s;
  state.counters["evaluate_arena_ms"] = 1000 * arena_s / n;
  state.counters["evaluate_arena_vs_sqlite_reports"] = sqlite_reports_s / arena_s;
  state.counters["evaluate_wall_ms"] = 1000 * heap_w / n;
  state.counters["engine_coeff_wall_ms"] = 1000 * coeff_w / n;
  state.counters["speedup_vs_sqlite_reports_wall"] = sqlite_reports_w / coeff_w;
  state.counters["sqlite_reports_wall_ms"] = 1000 * sqlite_reports_w / n;
  state.counters["evaluate_arena_wall_ms"] = 1000 * arena_w / n;
#ifndef JUNHENG_BENCH_BASELINE
  state.counters["evaluate_batch_ms"] = 1000 * batch_s / n;
  state.counters["evaluate_batch_wall_ms"] = 1000 * batch_w / n;
  state.counters["evaluate_batch_vs_sqlite_reports"] = sqlite_reports_s / batch_s;
  // The whole method in one reused message against one message per county, same run.
  state.counters["batch_vs_arena"] = arena_s / batch_s;
#endif
  state.counters["max_cv_diff"] = worst;
  state.counters["coefficients"] = static_cast<double>(a.size());
  DescribeDataset(d, state);
}
BENCHMARK(BM_EngineVsSqlite)->Apply(Mixes)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
