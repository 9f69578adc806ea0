#pragma once

// The storage tests' shared ground: a real Store on a temp dir with a tiny memtable (so that tests
// writing a few hundred records already flush to SST files and reads cross memtable and files), a
// FakeClock, and builders for the records tests write.

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "common/time/clock.h"
#include "gtest/gtest.h"
#include "junheng/v1/report.pb.h"
#include "junheng/v1/school.pb.h"
#include "junheng/v1/services.pb.h"
#include "server/storage/store.h"
#include "tests/testing/temp_dir.h"

namespace junheng::testing {

inline constexpr char kTestCounty[] = "140430";

// The options every fixture store is opened with: a 64 KiB memtable, the smallest RocksDB takes
// (it clips smaller sizes up to this), a thousandth of the default.
inline storage::StoreOptions TinyMemtableOptions() {
  storage::StoreOptions options;
  options.write_buffer_size = 64 << 10;
  return options;
}

// A Store on `dir_.Sub("data")`, opened before each test; Reopen() closes and opens it again on
// the same data dir, as a restart would.
class StoreFixture : public ::testing::Test {
 protected:
  void SetUp() override { Open(); }

  void Open() {
    auto store = storage::Store::Open(dir_.Sub("data"), TinyMemtableOptions());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }
  void Reopen() {
    store_.reset();
    Open();
  }

  TempDir dir_;
  FakeClock clock_{absl::FromUnixSeconds(1'720'000'000)};
  std::unique_ptr<storage::Store> store_;
};

// A school report of county 140430, period 2024, built field by field:
//   v1::SchoolReport r = MakeReport("2140043001").Students(620).Teachers(31);
class ReportBuilder {
 public:
  explicit ReportBuilder(std::string school) {
    report_.set_county_code(kTestCounty);
    report_.set_school_code(std::move(school));
    report_.set_period("2024");
  }
  ReportBuilder& County(std::string county) {
    report_.set_county_code(std::move(county));
    return *this;
  }
  ReportBuilder& Period(std::string period) {
    report_.set_period(std::move(period));
    return *this;
  }
  // Primary section.
  ReportBuilder& Students(int32_t n) {
    report_.set_primary_students(n);
    return *this;
  }
  ReportBuilder& Teachers(int32_t n) {
    report_.set_primary_teachers(n);
    return *this;
  }

  const junheng::v1::SchoolReport& Build() const { return report_; }
  operator junheng::v1::SchoolReport() const { return report_; }  // NOLINT: a builder converts

  // A SubmitReportRequest carrying the report under `submission_id`.
  junheng::v1::SubmitReportRequest Submission(std::string submission_id,
                                              int64_t replaces_version = 0) const {
    junheng::v1::SubmitReportRequest request;
    request.set_county_code(report_.county_code());
    request.set_submission_id(std::move(submission_id));
    *request.mutable_report() = report_;
    request.set_replaces_version(replaces_version);
    return request;
  }

 private:
  junheng::v1::SchoolReport report_;
};

inline ReportBuilder MakeReport(std::string school) { return ReportBuilder(std::move(school)); }

// A registry row of county 140430: a primary school named "school <code>".
inline junheng::v1::School MakeSchool(const std::string& code,
                                      const std::string& type = "primary") {
  junheng::v1::School school;
  school.set_county_code(kTestCounty);
  school.set_school_code(code);
  school.set_school_name("school " + code);
  school.set_school_type(type);
  return school;
}

// A stored report version of `school` with content derived from (school, version), as the intake
// would commit it as version `version`.
inline junheng::v1::StoredReport MakeVersion(const std::string& school, int64_t version) {
  junheng::v1::StoredReport stored;
  *stored.mutable_report() = MakeReport(school).Students(static_cast<int32_t>(100 + version));
  auto* r = stored.mutable_receipt();
  r->set_county_code(kTestCounty);
  r->set_school_code(school);
  r->set_period("2024");
  r->set_version(version);
  r->set_submission_id(school + "-v" + std::to_string(version));
  r->set_content_hash("hash-" + school + "-" + std::to_string(version));
  r->set_receipt_id("r-" + school + "-" + std::to_string(version));
  return stored;
}

// Commits `stored` through Store::CommitReport as the replacement of the version before it, with
// no preconditions: OK when it is stored as that version (now, or already by an earlier attempt
// whose answer was lost).
inline absl::Status CommitVersion(storage::Store& store, const junheng::v1::StoredReport& stored) {
  const junheng::v1::Receipt& r = stored.receipt();
  storage::ReportProposal proposal{r.county_code(),   r.period(),       r.school_code(),
                                   r.submission_id(), r.content_hash(), r.version() - 1};
  auto committed = store.CommitReport(
      proposal, [](const storage::Store&) { return absl::OkStatus(); },
      [&](const storage::Store&, int64_t version) -> absl::StatusOr<storage::ReportVersion> {
        storage::ReportVersion next{stored, {}};
        next.stored.mutable_receipt()->set_version(version);
        next.audit.set_action("report.accept");
        return next;
      });
  return committed.status();
}

}  // namespace junheng::testing
