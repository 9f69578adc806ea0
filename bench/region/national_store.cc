#include "bench/region/national_store.h"

#include <cstdio>
#include <fstream>
#include <memory>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "common/time/clock.h"
#include "rocksdb/convenience.h"
#include "rocksdb/db.h"
#include "rocksdb/utilities/options_util.h"
#include "server/evaluation/county_facts_store.h"
#include "server/reporting/registry.h"
#include "server/reporting/report_intake.h"
#include "server/storage/store.h"

namespace junheng::bench {
namespace {

constexpr int kFirstProvince = 11;
constexpr int kCountiesPerProvince = 94;
constexpr int kCountiesPerCity = 9;
// The actor of the audit entries the load writes.
constexpr char kActor[] = "region_bench (offline load)";

std::string ProvinceCode(int index) {
  return absl::StrFormat("%02d", kFirstProvince + index / kCountiesPerProvince);
}
std::string CityCode(int index) {
  return absl::StrFormat("%s%02d", ProvinceCode(index),
                         index % kCountiesPerProvince / kCountiesPerCity + 1);
}

// Waits for the report batches in flight: at most `limit` of them, and the first refusal.
class InFlight {
 public:
  explicit InFlight(int limit) : limit_(limit) {}
  void Acquire() {
    absl::MutexLock lock(&mu_);
    mu_.Await(absl::Condition(
        +[](InFlight* self) { return self->running_ < self->limit_; }, this));
    ++running_;
  }
  void Release(const absl::Status& status, int64_t stored) {
    absl::MutexLock lock(&mu_);
    --running_;
    stored_ += stored;
    if (!status.ok() && error_.ok()) error_ = status;
  }
  // Waits until none is in flight; the first error.
  absl::Status Drain() {
    absl::MutexLock lock(&mu_);
    mu_.Await(absl::Condition(
        +[](InFlight* self) { return self->running_ == 0; }, this));
    return error_;
  }
  int64_t stored() {
    absl::MutexLock lock(&mu_);
    return stored_;
  }

 private:
  absl::Mutex mu_;
  const int limit_;
  int running_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t stored_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Status error_ ABSL_GUARDED_BY(mu_);
};

absl::Status FromRocks(const rocksdb::Status& status, absl::string_view what) {
  if (status.ok()) return absl::OkStatus();
  return absl::InternalError(absl::StrCat(what, ": ", status.ToString()));
}

}  // namespace

std::string SyntheticCountyCode(int index) {
  return absl::StrFormat("%s%02d", CityCode(index),
                         index % kCountiesPerProvince % kCountiesPerCity + 1);
}

NationalDataset MakeStorableNationalDataset(int counties, int* adjusted) {
  NationalDataset d = MakeNationalDataset(Mix::kCalibrated, counties, SyntheticCountyCode);
  *adjusted = 0;
  for (eval::EvaluationInput& in : d.counties) {
    for (junheng::v1::SchoolReport& report : in.reports) {
      if (report.primary_max_class_size() > report.primary_students()) {
        report.set_primary_max_class_size(report.primary_students());
        ++*adjusted;
      }
    }
  }
  return d;
}

absl::Status WriteSyntheticRegions(const std::string& path, int counties) {
  std::ofstream out(path);
  out << "code,name,parent\n";
  std::string province, city;
  for (int i = 0; i < counties; ++i) {
    if (ProvinceCode(i) != province) {
      province = ProvinceCode(i);
      out << province << ",合成省" << province << ",\n";
    }
    if (CityCode(i) != city) {
      city = CityCode(i);
      out << city << ",合成市" << city << "," << province << "\n";
    }
    const std::string county = SyntheticCountyCode(i);
    out << county << ",合成县" << county << "," << city << "\n";
  }
  out.close();
  if (!out) return absl::InternalError(absl::StrCat("cannot write ", path));
  return absl::OkStatus();
}

absl::StatusOr<StoreLoad> LoadNationalStore(const NationalDataset& d, const std::string& data_dir,
                                            int batches_in_flight) {
  const absl::Time started = absl::Now();
  StoreLoad load;
  SystemClock clock;
  auto store = storage::Store::Open(data_dir);
  if (!store.ok()) return store.status();
  server::ReportIntake intake(store->get(), &clock);
  InFlight in_flight(batches_in_flight);
  const server::ReportIntake::Permit permit_all = [](const junheng::v1::SubmitReportRequest&) {
    return absl::OkStatus();
  };
  const absl::Time reports_started = absl::Now();
  for (const eval::EvaluationInput& in : d.counties) {
    absl::Time t = absl::Now();
    junheng::v1::UpsertSchoolsRequest schools;
    schools.set_county_code(in.county_code);
    for (const junheng::v1::School& school : in.registry) *schools.add_schools() = school;
    auto upserted = server::UpsertSchools(**store, clock, schools, kActor);
    if (!upserted.ok()) {
      return absl::Status(upserted.status().code(), absl::StrCat("county ", in.county_code, ": ",
                                                                 upserted.status().message()));
    }
    load.registry += absl::Now() - t;

    t = absl::Now();
    if (in.county_facts.has_value()) {
      junheng::v1::SubmitCountyFactsRequest facts;
      *facts.mutable_facts() = *in.county_facts;
      facts.set_submitter("region_bench");
      auto submitted = server::SubmitCountyFacts(**store, clock, facts, kActor);
      if (!submitted.ok()) {
        return absl::Status(
            submitted.status().code(),
            absl::StrCat("county ", in.county_code, " facts: ", submitted.status().message()));
      }
    }
    load.facts += absl::Now() - t;

    junheng::v1::SubmitReportsRequest batch;
    batch.set_county_code(in.county_code);
    for (const junheng::v1::SchoolReport& report : in.reports) {
      junheng::v1::SubmitReportRequest& one = *batch.add_reports();
      one.set_submission_id(absl::StrCat("rb-", report.school_code(), "-", report.period()));
      *one.mutable_report() = report;
      one.set_submitter("region_bench");
    }
    in_flight.Acquire();
    intake.SubmitBatchAsync(
        batch, kActor, permit_all,
        [&in_flight, &in](absl::StatusOr<junheng::v1::SubmitReportsResponse> answered) {
          if (!answered.ok()) return in_flight.Release(answered.status(), 0);
          absl::Status first;
          int64_t stored = 0;
          for (int i = 0; i < answered->results_size(); ++i) {
            const auto& result = answered->results(i);
            if (result.code() == 0 && !result.response().duplicate()) ++stored;
            if (result.code() != 0 && first.ok()) {
              first =
                  absl::Status(static_cast<absl::StatusCode>(result.code()),
                               absl::StrCat("county ", in.county_code, " school ",
                                            in.reports[i].school_code(), ": ", result.message()));
            }
          }
          in_flight.Release(first, stored);
        });
  }
  absl::Status drained = in_flight.Drain();
  // The reports' validation and syncs overlap the next counties' registry and facts commits:
  // what is left of the loop's time once those are taken out.
  load.reports = absl::Now() - reports_started - load.registry - load.facts;
  load.reports_stored = in_flight.stored();
  store->reset();  // closes the store: its report writer is stopped, everything synced
  if (!drained.ok()) return drained;
  load.total = absl::Now() - started;
  return load;
}

absl::Status CompactDataDir(const std::string& data_dir) {
  rocksdb::ConfigOptions config;
  config.ignore_unknown_options = false;
  rocksdb::DBOptions options;
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  if (absl::Status loaded =
          FromRocks(rocksdb::LoadLatestOptions(config, data_dir, &options, &families),
                    absl::StrCat("reading the options of ", data_dir));
      !loaded.ok()) {
    return loaded;
  }
  options.create_if_missing = false;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  if (absl::Status opened =
          FromRocks(rocksdb::DB::Open(options, data_dir, families, &handles, &raw),
                    absl::StrCat("opening ", data_dir));
      !opened.ok()) {
    return opened;
  }
  std::unique_ptr<rocksdb::DB> db(raw);
  absl::Status status;
  rocksdb::FlushOptions flush;
  flush.wait = true;
  status.Update(FromRocks(db->Flush(flush, handles), "flushing"));
  rocksdb::CompactRangeOptions compact;
  compact.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
  for (rocksdb::ColumnFamilyHandle* handle : handles) {
    status.Update(FromRocks(db->CompactRange(compact, handle, nullptr, nullptr),
                            absl::StrCat("compacting ", handle->GetName())));
  }
  for (rocksdb::ColumnFamilyHandle* handle : handles) db->DestroyColumnFamilyHandle(handle);
  status.Update(FromRocks(db->Close(), "closing"));
  return status;
}

}  // namespace junheng::bench
