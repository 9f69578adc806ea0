#pragma once

#include <vector>

#include "bench/national_dataset.h"

struct sqlite3;
struct sqlite3_stmt;

namespace junheng::bench {

// The SQLite baselines of eval_bench and region_bench: the same difference coefficients computed
// by SQLite in memory. Each loads its rows in the constructor (not timed); Coefficients() is the
// timed part and returns a checksum, appending every coefficient to `out` when given, by county
// code, then level (primary, junior), then L1..L7 — the engine's order.

// SQLite in memory holding the same school reports (one row per school, loaded up front), with
// the whole coefficient computation in SQL: units formed per level with the profile's split
// weights and teaching-point rule, then weighted sums with GROUP BY. This is the like-for-like
// comparison: both start from the stored reports.
class SqliteReports {
 public:
  explicit SqliteReports(const NationalDataset& d);
  ~SqliteReports();
  SqliteReports(const SqliteReports&) = delete;
  SqliteReports& operator=(const SqliteReports&) = delete;

  double Coefficients(std::vector<double>* out = nullptr);

 private:
  void Exec(const char* sql);
  sqlite3* db_ = nullptr;
  sqlite3_stmt* query_ = nullptr;
};

// SQLite in memory with one row per unit (county, level, students, L1..L7) loaded up front; the
// coefficients come from weighted sums with GROUP BY: CV = sqrt(Σpx²/P - mean²) / mean.
// Flattering to SQLite (the units are formed by the engine); shown for honesty.
class SqliteUnits {
 public:
  explicit SqliteUnits(const NationalDataset& d);
  ~SqliteUnits();
  SqliteUnits(const SqliteUnits&) = delete;
  SqliteUnits& operator=(const SqliteUnits&) = delete;

  double Coefficients(std::vector<double>* out = nullptr);

 private:
  void Exec(const char* sql);
  sqlite3* db_ = nullptr;
  sqlite3_stmt* query_ = nullptr;
};

}  // namespace junheng::bench
