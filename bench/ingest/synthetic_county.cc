#include "bench/ingest/synthetic_county.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "junheng/v1/bureau.pb.h"

namespace junheng::bench {

using junheng::v1::SchoolReport;
using junheng::v1::StoredReport;
using junheng::v1::SubmitReportRequest;

namespace {

// Qin County's 新店小学 in 2024 (deploy/sample/reports-2024.csv, 2140043001): a complete primary
// report, so every submission goes through the whole of validation and carries no missing field.
SchoolReport TemplateReport() {
  SchoolReport r;
  r.set_period(kPeriod);
  r.set_county_code(kCounty);
  r.set_primary_students(620);
  r.set_primary_classes(16);
  r.set_primary_max_class_size(42);
  r.set_primary_teachers(45);
  r.set_primary_teachers_above_degree(30);
  r.set_primary_backbone_teachers(9);
  r.set_primary_pe_art_teachers(8);
  r.set_certified_teachers(45);
  r.set_training_completed_teachers(45);
  r.set_teaching_aux_area_m2(3492.3);
  r.set_sports_area_m2(5479.0);
  r.set_equipment_value_yuan(1554000);
  r.set_multimedia_classrooms(19);
  r.set_music_rooms(2);
  r.set_art_rooms(2);
  r.set_music_room_min_area_m2(84.8);
  r.set_art_room_min_area_m2(79.4);
  r.set_public_funds_yuan(415300);
  r.set_teacher_training_funds_yuan(20900);
  r.set_zoned_admissions(103);
  r.set_total_admissions(103);
  r.set_has_charter(true);
  r.set_courses_complete(true);
  r.set_no_excess_burden(true);
  r.set_ict_rating("excellent");
  r.set_moral_culture_rating("good");
  return r;
}

}  // namespace

std::string SchoolCode(int64_t index) {
  return absl::StrFormat("9%09d", static_cast<long long>(index));
}

ReportSource::ReportSource(int64_t schools, std::string tag)
    : schools_(std::max<int64_t>(schools, 1)), tag_(std::move(tag)) {}

void ReportSource::Next(SubmitReportRequest& request) {
  // One shared template: only the fields below differ between submissions.
  static const SchoolReport* const kTemplate = new SchoolReport(TemplateReport());
  const int64_t i = next_.fetch_add(1);
  const int64_t school = i % schools_;
  const int64_t version = i / schools_ + 1;
  request.Clear();
  request.set_county_code(kCounty);
  request.set_submission_id(absl::StrCat("ib-", tag_, "-", i));
  request.set_replaces_version(version - 1);
  request.set_submitter("ingest_bench");
  SchoolReport& report = *request.mutable_report();
  report = *kTemplate;
  report.set_school_code(SchoolCode(school));
  // Schools differ a little, and each version from the one it replaces.
  report.set_primary_students(600 + static_cast<int32_t>(school % 40));
  report.set_equipment_value_yuan(1554000 + static_cast<double>(version));
}

StoredReport SampleStoredVersion() {
  SubmitReportRequest request;
  ReportSource(1, "size").Next(request);
  StoredReport stored;
  *stored.mutable_report() = request.report();
  auto& receipt = *stored.mutable_receipt();
  receipt.set_receipt_id(std::string(20, 'f'));
  receipt.set_county_code(kCounty);
  receipt.set_school_code(request.report().school_code());
  receipt.set_period(kPeriod);
  receipt.set_version(1);
  receipt.set_server_time_unix_ms(absl::ToUnixMillis(absl::Now()));
  receipt.set_server_time(absl::FormatTime(absl::RFC3339_sec, absl::Now(), absl::UTCTimeZone()));
  receipt.set_content_hash(std::string(64, 'e'));
  receipt.set_submission_id(request.submission_id());
  receipt.set_submitter(request.submitter());
  return stored;
}

absl::StatusOr<CountySetup> SetUpCounty(client::Connection& admin, int64_t schools) {
  // The chunk size: a 200,000-school file in one message exceeds gRPC's 4 MiB default.
  constexpr int64_t kChunk = 5000;
  CountySetup setup;
  const absl::Time started = absl::Now();
  for (int64_t first = 0; first < schools; first += kChunk) {
    junheng::v1::UpsertSchoolsRequest request;
    request.set_county_code(kCounty);
    for (int64_t i = first; i < std::min(schools, first + kChunk); ++i) {
      auto* s = request.add_schools();
      s->set_school_code(SchoolCode(i));
      s->set_school_name(absl::StrCat("基准小学", i));
      s->set_school_type("primary");
      s->set_county_code(kCounty);
      s->set_town("新店镇");
      s->set_locale("town");
      s->set_ownership("public");
    }
    auto upserted = admin.Call(&junheng::v1::RegistryService::Stub::UpsertSchools, request);
    if (!upserted.ok()) return upserted.status();
    ++setup.calls;
  }
  setup.register_time = absl::Now() - started;

  const absl::Time now = absl::Now();
  junheng::v1::DefinePeriodRequest define;
  auto& period = *define.mutable_period();
  period.set_county_code(kCounty);
  period.set_period(kPeriod);
  period.set_opens_unix_ms(absl::ToUnixMillis(now - absl::Hours(1)));
  period.set_deadline_unix_ms(absl::ToUnixMillis(now + absl::Hours(24 * 30)));
  period.set_closes_unix_ms(absl::ToUnixMillis(now + absl::Hours(24 * 60)));
  auto defined = admin.Call(&junheng::v1::BureauService::Stub::DefinePeriod, define);
  if (!defined.ok()) return defined.status();
  return setup;
}

}  // namespace junheng::bench
