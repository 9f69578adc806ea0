#include "bench/sqlite_baseline.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "common/eval/units.h"

namespace junheng::bench {

using eval::EvaluationInput;
using eval::SchoolRecord;

SqliteUnits::SqliteUnits(const NationalDataset& d) {
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

SqliteUnits::~SqliteUnits() {
  sqlite3_finalize(query_);
  sqlite3_close(db_);
}

double SqliteUnits::Coefficients(std::vector<double>* out) {
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

void SqliteUnits::Exec(const char* sql) { sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }

SqliteReports::SqliteReports(const NationalDataset& d) {
  sqlite3_open(":memory:", &db_);
  Exec(
      "CREATE TABLE reports(county TEXT, type TEXT, ps REAL, js REAL, ss REAL, p_deg REAL, "
      "p_bb REAL, p_pe REAL, j_deg REAL, j_bb REAL, j_pe REAL, area REAL, sports REAL, "
      "equip REAL, mm REAL)");
  Exec("BEGIN");
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db_, "INSERT INTO reports VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &insert,
                     nullptr);
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
  std::string jf = "CASE type WHEN 'nine_year' THEN js*" + num(p.split_nine_year().junior()) + "/" +
                   nine + " WHEN 'twelve_year' THEN js*" + num(p.split_twelve_year().junior()) +
                   "/" + twelve + " WHEN 'complete_middle' THEN js*" +
                   num(p.split_complete_middle().junior()) + "/" + middle + " ELSE 1.0 END";
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

SqliteReports::~SqliteReports() {
  sqlite3_finalize(query_);
  sqlite3_close(db_);
}

double SqliteReports::Coefficients(std::vector<double>* out) {
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

void SqliteReports::Exec(const char* sql) { sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }

}  // namespace junheng::bench
