// The evaluation engine over a synthetic national dataset (≈200,000 schools in ≈2,900 counties),
// against the same difference coefficients computed by SQLite in memory. Figures and how to rerun
// them: docs/performance.md.
#include <sqlite3.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "common/eval/difference_coefficient.h"
#include "common/eval/evaluate.h"
#include "common/eval/units.h"
#include "common/profile/profile_loader.h"

namespace {

using junheng::eval::EvaluationInput;
using junheng::eval::SchoolRecord;

constexpr int kCounties = 2900;
constexpr int kSchoolsPerCounty = 69;  // 2,900 x 69 = 200,100 schools

struct Dataset {
  std::vector<EvaluationInput> counties;
  junheng::v1::Profile profile;
  size_t schools = 0;
};

const Dataset& National() {
  static const Dataset* data = [] {
    auto* d = new Dataset;
    d->profile = junheng::profile::LoadBuiltinProfile("national-2017").value();
    std::mt19937 rng(20240601);
    std::uniform_real_distribution<double> u(0.6, 1.6);
    std::uniform_int_distribution<int> pick(0, 99);
    for (int c = 0; c < kCounties; ++c) {
      EvaluationInput in;
      in.county_code = std::to_string(100000 + c);
      in.period = "2024";
      for (int s = 0; s < kSchoolsPerCounty; ++s) {
        junheng::v1::School school;
        school.set_school_code(in.county_code + std::to_string(1000 + s));
        school.set_school_name("school");
        school.set_county_code(in.county_code);
        school.set_locale(pick(rng) < 40 ? "town" : "rural");
        int kind = pick(rng);
        school.set_school_type(kind < 58   ? "primary"
                               : kind < 83 ? "junior"
                               : kind < 93 ? "nine_year"
                               : kind < 95 ? "twelve_year"
                                           : "teaching_point");
        school.set_target_year(2024 + pick(rng) % 6);
        junheng::v1::SchoolReport r;
        r.set_school_code(school.school_code());
        r.set_period("2024");
        bool primary = school.school_type() != "junior";
        bool junior = school.school_type() == "junior" || school.school_type() == "nine_year" ||
                      school.school_type() == "twelve_year";
        int ps = school.school_type() == "teaching_point" ? 20 + pick(rng) : 100 + 12 * pick(rng);
        int js = 150 + 10 * pick(rng);
        int total = 0;
        if (primary) {
          r.set_primary_students(ps);
          r.set_primary_classes(ps / 40 + 1);
          r.set_primary_max_class_size(30 + pick(rng) % 20);
          r.set_primary_teachers(static_cast<int>(ps * 0.07));
          r.set_primary_teachers_above_degree(static_cast<int>(ps * 0.05 * u(rng)));
          r.set_primary_backbone_teachers(static_cast<int>(ps * 0.012 * u(rng)));
          r.set_primary_pe_art_teachers(static_cast<int>(ps * 0.011 * u(rng)));
          total += ps;
        }
        if (junior) {
          r.set_junior_students(js);
          r.set_junior_classes(js / 45 + 1);
          r.set_junior_max_class_size(35 + pick(rng) % 20);
          r.set_junior_teachers(static_cast<int>(js * 0.08));
          r.set_junior_teachers_above_degree(static_cast<int>(js * 0.06 * u(rng)));
          r.set_junior_backbone_teachers(static_cast<int>(js * 0.012 * u(rng)));
          r.set_junior_pe_art_teachers(static_cast<int>(js * 0.011 * u(rng)));
          total += js;
        }
        if (school.school_type() == "twelve_year") r.set_senior_students(200);
        int teachers = r.primary_teachers() + r.junior_teachers();
        r.set_certified_teachers(teachers);
        r.set_training_completed_teachers(teachers);
        r.set_teaching_aux_area_m2(total * 5.5 * u(rng));
        r.set_sports_area_m2(total * 9.0 * u(rng));
        r.set_equipment_value_yuan(total * 2400 * u(rng));
        r.set_multimedia_classrooms(static_cast<int>(total * 0.028 * u(rng)) + 1);
        r.set_music_rooms(2);
        r.set_art_rooms(2);
        r.set_music_room_min_area_m2(98);
        r.set_art_room_min_area_m2(92);
        r.set_public_funds_yuan(total * 800.0);
        r.set_teacher_training_funds_yuan(total * 45.0);
        r.set_zoned_admissions(total / 6);
        r.set_total_admissions(total / 6);
        r.set_has_charter(true);
        r.set_courses_complete(true);
        r.set_no_excess_burden(true);
        r.set_ict_rating("good");
        r.set_moral_culture_rating("good");
        in.registry.push_back(std::move(school));
        in.reports.push_back(std::move(r));
        ++d->schools;
      }
      junheng::v1::CountyFacts f;
      f.set_county_code(in.county_code);
      f.set_period("2024");
      f.set_layout_plan_ok(true);
      f.set_public_funds_quota_primary_yuan(650);
      f.set_public_funds_quota_junior_yuan(850);
      f.set_survey_valid(1000);
      f.set_survey_satisfied(900);
      in.county_facts = std::move(f);
      d->counties.push_back(std::move(in));
    }
    return d;
  }();
  return *data;
}

// The engine's coefficient path for every county: units (with splits and teaching points), L1-L7
// and the seven student-weighted coefficients per level. Returns a checksum.
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

// SQLite in memory with one row per unit (county, level, students, L1..L7) loaded up front; the
// coefficients come from weighted sums with GROUP BY: CV = sqrt(Σpx²/P - mean²) / mean.
class SqliteUnits {
 public:
  explicit SqliteUnits(const Dataset& d) {
    sqlite3_open(":memory:", &db_);
    Exec(
        "CREATE TABLE units(county TEXT, level INTEGER, p REAL, x1 REAL, x2 REAL, x3 REAL, x4 "
        "REAL, "
        "x5 REAL, x6 REAL, x7 REAL)");
    Exec("BEGIN");
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db_, "INSERT INTO units VALUES(?,?,?,?,?,?,?,?,?,?)", -1, &insert, nullptr);
    for (const EvaluationInput& in : d.counties) {
      std::vector<SchoolRecord> records;
      for (size_t i = 0; i < in.registry.size(); ++i)
        records.push_back({&in.registry[i], &in.reports[i]});
      junheng::eval::UnitSet units = junheng::eval::FormUnits(records, d.profile);
      for (junheng::eval::Level level : junheng::eval::kLevels) {
        for (const auto& u : units.of(level)) {
          if (u.excluded) continue;
          junheng::eval::IndicatorArray v = u.Values();
          sqlite3_bind_text(insert, 1, in.county_code.c_str(), -1, SQLITE_TRANSIENT);
          sqlite3_bind_int(insert, 2, static_cast<int>(level));
          sqlite3_bind_double(insert, 3, u.students);
          for (int i = 0; i < 7; ++i) sqlite3_bind_double(insert, 4 + i, v[i].value_or(0));
          sqlite3_step(insert);
          sqlite3_reset(insert);
        }
      }
    }
    sqlite3_finalize(insert);
    Exec("COMMIT");
    std::string sql = "SELECT county, level, SUM(p)";
    for (int i = 1; i <= 7; ++i) {
      sql += ", SUM(p*x" + std::to_string(i) + "), SUM(p*x" + std::to_string(i) + "*x" +
             std::to_string(i) + ")";
    }
    sql += " FROM units GROUP BY county, level ORDER BY county, level";
    sqlite3_prepare_v2(db_, sql.c_str(), -1, &query_, nullptr);
  }
  ~SqliteUnits() {
    sqlite3_finalize(query_);
    sqlite3_close(db_);
  }

  double Coefficients(std::vector<double>* out = nullptr) {
    double checksum = 0;
    while (sqlite3_step(query_) == SQLITE_ROW) {
      double p = sqlite3_column_double(query_, 2);
      for (int i = 0; i < 7; ++i) {
        double sx = sqlite3_column_double(query_, 3 + 2 * i);
        double sxx = sqlite3_column_double(query_, 4 + 2 * i);
        double mean = sx / p;
        double var = std::max(0.0, sxx / p - mean * mean);
        double cv = mean != 0 ? std::sqrt(var) / mean : 0;
        checksum += cv;
        if (out) out->push_back(cv);
      }
    }
    sqlite3_reset(query_);
    return checksum;
  }

 private:
  void Exec(const char* sql) { sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* query_ = nullptr;
};

// SQLite in memory holding the same school reports (one row per school, loaded up front), with
// the whole coefficient computation in SQL: units formed per level with the profile's split
// weights and teaching-point rule, then weighted sums with GROUP BY. This is the like-for-like
// comparison: both start from the stored reports.
class SqliteReports {
 public:
  explicit SqliteReports(const Dataset& d) {
    sqlite3_open(":memory:", &db_);
    Exec(
        "CREATE TABLE reports(county TEXT, type TEXT, ps REAL, js REAL, ss REAL, p_deg REAL, "
        "p_bb REAL, p_pe REAL, j_deg REAL, j_bb REAL, j_pe REAL, area REAL, sports REAL, "
        "equip REAL, mm REAL)");
    Exec("BEGIN");
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db_, "INSERT INTO reports VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", -1,
                       &insert, nullptr);
    for (const EvaluationInput& in : d.counties) {
      for (size_t i = 0; i < in.registry.size(); ++i) {
        const auto& s = in.registry[i];
        const auto& r = in.reports[i];
        sqlite3_bind_text(insert, 1, in.county_code.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 2, s.school_type().c_str(), -1, SQLITE_TRANSIENT);
        double v[] = {double(r.primary_students()),
                      double(r.junior_students()),
                      double(r.senior_students()),
                      double(r.primary_teachers_above_degree()),
                      double(r.primary_backbone_teachers()),
                      double(r.primary_pe_art_teachers()),
                      double(r.junior_teachers_above_degree()),
                      double(r.junior_backbone_teachers()),
                      double(r.junior_pe_art_teachers()),
                      r.teaching_aux_area_m2(),
                      r.sports_area_m2(),
                      r.equipment_value_yuan(),
                      double(r.multimedia_classrooms())};
        for (int k = 0; k < 13; ++k) sqlite3_bind_double(insert, 3 + k, v[k]);
        sqlite3_step(insert);
        sqlite3_reset(insert);
      }
    }
    sqlite3_finalize(insert);
    Exec("COMMIT");
    const auto& p = d.profile;
    auto num = [](double x) { return std::to_string(x); };
    std::string nine = "(ps*" + num(p.split_nine_year().primary()) + "+js*" +
                       num(p.split_nine_year().junior()) + ")";
    std::string twelve = "(ps*" + num(p.split_twelve_year().primary()) + "+js*" +
                         num(p.split_twelve_year().junior()) + "+ss*" +
                         num(p.split_twelve_year().senior()) + ")";
    std::string middle = "(js*" + num(p.split_complete_middle().junior()) + "+ss*" +
                         num(p.split_complete_middle().senior()) + ")";
    std::string pf = "CASE type WHEN 'nine_year' THEN ps*" + num(p.split_nine_year().primary()) +
                     "/" + nine + " WHEN 'twelve_year' THEN ps*" +
                     num(p.split_twelve_year().primary()) + "/" + twelve + " ELSE 1.0 END";
    std::string jf = "CASE type WHEN 'nine_year' THEN js*" + num(p.split_nine_year().junior()) +
                     "/" + nine + " WHEN 'twelve_year' THEN js*" +
                     num(p.split_twelve_year().junior()) + "/" + twelve +
                     " WHEN 'complete_middle' THEN js*" + num(p.split_complete_middle().junior()) +
                     "/" + middle + " ELSE 1.0 END";
    std::string units =
        "SELECT county, 0 AS level, ps AS p, 100.0*p_deg/ps AS x1, 100.0*p_bb/ps AS x2, "
        "100.0*p_pe/ps AS x3, area*f/ps AS x4, sports*f/ps AS x5, equip*f/ps AS x6, 100.0*mm*f/ps "
        "AS x7 "
        "FROM (SELECT *, " +
        pf +
        " AS f FROM reports WHERE ps > 0 AND (type IN ('primary','nine_year',"
        "'twelve_year') OR (type = 'teaching_point' AND ps >= " +
        std::to_string(p.teaching_point_min_students()) +
        "))) "
        "UNION ALL "
        "SELECT county, 1, js, 100.0*j_deg/js, 100.0*j_bb/js, 100.0*j_pe/js, area*f/js, "
        "sports*f/js, "
        "equip*f/js, 100.0*mm*f/js FROM (SELECT *, " +
        jf +
        " AS f FROM reports WHERE js > 0 AND type IN "
        "('junior','nine_year','twelve_year','complete_middle'))";
    std::string sql = "SELECT county, level, SUM(p)";
    for (int i = 1; i <= 7; ++i) {
      std::string x = "x" + std::to_string(i);
      sql += ", SUM(p*" + x + "), SUM(p*" + x + "*" + x + ")";
    }
    sql += " FROM (" + units + ") GROUP BY county, level ORDER BY county, level";
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &query_, nullptr) != SQLITE_OK) {
      std::fprintf(stderr, "sqlite: %s\n", sqlite3_errmsg(db_));
    }
  }
  ~SqliteReports() {
    sqlite3_finalize(query_);
    sqlite3_close(db_);
  }

  double Coefficients(std::vector<double>* out = nullptr) {
    double checksum = 0;
    while (sqlite3_step(query_) == SQLITE_ROW) {
      double p = sqlite3_column_double(query_, 2);
      for (int i = 0; i < 7; ++i) {
        double mean = sqlite3_column_double(query_, 3 + 2 * i) / p;
        double var = std::max(0.0, sqlite3_column_double(query_, 4 + 2 * i) / p - mean * mean);
        double cv = mean != 0 ? std::sqrt(var) / mean : 0;
        checksum += cv;
        if (out) out->push_back(cv);
      }
    }
    sqlite3_reset(query_);
    return checksum;
  }

 private:
  void Exec(const char* sql) { sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* query_ = nullptr;
};

// The whole method for every county: Evaluate() with items, verdict, plan progress, gaps and the
// input hash.
void BM_EvaluateAllCounties(benchmark::State& state) {
  const Dataset& d = National();
  for (auto _ : state) {
    size_t failing = 0;
    for (const EvaluationInput& in : d.counties) {
      auto e = junheng::eval::Evaluate(in, d.profile);
      failing += !e->verdict().pass();
    }
    benchmark::DoNotOptimize(failing);
  }
  state.counters["counties"] = static_cast<double>(d.counties.size());
  state.counters["schools"] = static_cast<double>(d.schools);
  state.counters["schools_per_s"] = benchmark::Counter(
      static_cast<double>(d.schools), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_EvaluateAllCounties)->Unit(benchmark::kMillisecond)->MinTime(3);

void BM_EngineCoefficients(benchmark::State& state) {
  const Dataset& d = National();
  for (auto _ : state) benchmark::DoNotOptimize(EngineCoefficients(d));
  state.counters["schools"] = static_cast<double>(d.schools);
}
BENCHMARK(BM_EngineCoefficients)->Unit(benchmark::kMillisecond)->MinTime(2);

void BM_SqliteCoefficientsFromUnitRows(benchmark::State& state) {
  const Dataset& d = National();
  SqliteUnits sqlite(d);
  for (auto _ : state) benchmark::DoNotOptimize(sqlite.Coefficients());
}
BENCHMARK(BM_SqliteCoefficientsFromUnitRows)->Unit(benchmark::kMillisecond)->MinTime(2);

void BM_SqliteCoefficientsFromReports(benchmark::State& state) {
  const Dataset& d = National();
  SqliteReports sqlite(d);
  for (auto _ : state) benchmark::DoNotOptimize(sqlite.Coefficients());
}
BENCHMARK(BM_SqliteCoefficientsFromReports)->Unit(benchmark::kMillisecond)->MinTime(2);

// Both in one run: the full engine (Evaluate, everything) and the engine's coefficient path, each
// against SQLite's GROUP BY over prepared unit rows. Counters: milliseconds and the ratios.
void BM_EngineVsSqlite(benchmark::State& state) {
  const Dataset& d = National();
  SqliteUnits sqlite(d);
  SqliteReports sqlite_reports(d);
  // The two agree on every coefficient (same units, same definition).
  std::vector<double> a, b;
  EngineCoefficients(d, &a);
  sqlite.Coefficients(&b);
  std::vector<double> c;
  sqlite_reports.Coefficients(&c);
  double worst = 0;
  for (size_t i = 0; i < std::min(a.size(), b.size()); ++i)
    worst = std::max(worst, std::fabs(a[i] - b[i]));
  for (size_t i = 0; i < std::min(a.size(), c.size()); ++i)
    worst = std::max(worst, std::fabs(a[i] - c[i]));
  if (a.size() != b.size() || a.size() != c.size())
    state.SkipWithError("coefficient counts differ");
  using Clock = std::chrono::steady_clock;
  double full_s = 0, coeff_s = 0, sqlite_s = 0, sqlite_reports_s = 0;
  int64_t n = 0;
  for (auto _ : state) {
    auto t0 = Clock::now();
    size_t failing = 0;
    for (const EvaluationInput& in : d.counties)
      failing += !junheng::eval::Evaluate(in, d.profile)->verdict().pass();
    auto t1 = Clock::now();
    benchmark::DoNotOptimize(EngineCoefficients(d));
    auto t2 = Clock::now();
    benchmark::DoNotOptimize(sqlite.Coefficients());
    auto t3 = Clock::now();
    benchmark::DoNotOptimize(sqlite_reports.Coefficients());
    auto t4 = Clock::now();
    benchmark::DoNotOptimize(failing);
    sqlite_reports_s += std::chrono::duration<double>(t4 - t3).count();
    full_s += std::chrono::duration<double>(t1 - t0).count();
    coeff_s += std::chrono::duration<double>(t2 - t1).count();
    sqlite_s += std::chrono::duration<double>(t3 - t2).count();
    ++n;
  }
  state.counters["evaluate_ms"] = 1000 * full_s / n;
  state.counters["engine_coeff_ms"] = 1000 * coeff_s / n;
  state.counters["sqlite_ms"] = 1000 * sqlite_s / n;
  state.counters["sqlite_reports_ms"] = 1000 * sqlite_reports_s / n;
  state.counters["speedup_vs_sqlite_reports"] = sqlite_reports_s / coeff_s;
  state.counters["speedup_vs_sqlite_unit_rows"] = sqlite_s / coeff_s;
  state.counters["evaluate_vs_sqlite_reports"] = sqlite_reports_s / full_s;
  state.counters["max_cv_diff"] = worst;
  state.counters["coefficients"] = static_cast<double>(a.size());
}
BENCHMARK(BM_EngineVsSqlite)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
