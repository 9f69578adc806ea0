// The store's one report writer: group commit of school reports (Store::CommitReportAsync).
//
// Every accepted report needs a synced write, and a sync costs the same for one record as for a
// thousand. So reports queue, and one thread takes everything waiting, decides each in order
// under the store's lock, and writes the whole group in one synced batch. While it syncs, the
// next group gathers. The gRPC threads only validate and queue; none of them waits on the disk.
// The writer is the one serial step of ingest, so it does little another thread could do: the
// version is prepared before it is queued, and the group's stored records are read in one
// MultiGet. Answering stays on the writer: a second thread for it cost 10-15 µs more CPU per
// report at 64 calls in flight (docs/performance.md, Ingest).

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/i18n/server_messages.h"
#include "rocksdb/write_batch.h"
#include "server/storage/keys.h"
#include "server/storage/store.h"

namespace junheng::storage {

using junheng::v1::IdempotencyRecord;
using junheng::v1::Receipt;

namespace {
// Bounds one batch (a report version is a few KiB) and the wait of the last report in it.
constexpr size_t kMaxGroup = 1000;
}  // namespace

struct Store::GroupOverlay {
  // By IdempotencyKey and LatestKey: what the group wrote before the report being decided.
  absl::flat_hash_map<std::string, IdempotencyRecord> idempotency;
  absl::flat_hash_map<std::string, Receipt> latest;
  // By the same keys: what was stored before the group, read for all its reports at once.
  absl::flat_hash_map<std::string, absl::StatusOr<std::optional<IdempotencyRecord>>>
      stored_idempotency;
  absl::flat_hash_map<std::string, absl::StatusOr<std::optional<Receipt>>> stored_latest;
  int64_t seq = 0;
  std::map<std::string, std::string> heads;
  int64_t stored = 0;
};

void Store::StartReportWriter(bool held) {
  {
    absl::MutexLock lock(&queue_mu_);
    writer_held_ = held;
  }
  writer_ = std::thread([this] { RunReportWriter(); });
}

void Store::StopReportWriter() {
  {
    absl::MutexLock lock(&queue_mu_);
    stopping_ = true;
    writer_held_ = false;
  }
  // The writer finishes what is queued before it returns: a report queued is always answered.
  if (writer_.joinable()) writer_.join();
}

bool Store::ReportWriterHasWork() const { return stopping_ || (!writer_held_ && !queue_.empty()); }

void Store::ReleaseReportWriter() {
  absl::MutexLock lock(&queue_mu_);
  writer_held_ = false;
}

GroupCommitStats Store::group_commit_stats() const {
  return GroupCommitStats{.groups = groups_.load(),
                          .reports = grouped_reports_.load(),
                          .largest = largest_group_.load(),
                          .sizes = group_sizes_.Snapshot(),
                          .sync_seconds = group_sync_seconds_.Snapshot()};
}

void Store::CommitReportAsync(ReportProposal proposal, AdmitReportFn admit, BuildReportFn build,
                              ReportDone done) {
  absl::MutexLock lock(&queue_mu_);
  queue_.push_back(QueuedReport{.proposal = std::move(proposal),
                                .admit = std::move(admit),
                                .build = std::move(build),
                                .done = std::move(done),
                                .lang = i18n::CurrentLang()});
}

void Store::RunReportWriter() {
  for (;;) {
    std::vector<QueuedReport> group;
    {
      absl::MutexLock lock(&queue_mu_);
      queue_mu_.Await(absl::Condition(this, &Store::ReportWriterHasWork));
      if (queue_.empty()) return;  // stopping, and nothing left to answer
      const size_t take = std::min(queue_.size(), kMaxGroup);
      group.assign(std::make_move_iterator(queue_.begin()),
                   std::make_move_iterator(queue_.begin() + static_cast<ptrdiff_t>(take)));
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<ptrdiff_t>(take));
    }
    CommitGroup(group);
  }
}

void Store::CommitGroup(std::vector<QueuedReport>& group) {
  std::vector<absl::StatusOr<ReportOutcome>> outcomes;
  outcomes.reserve(group.size());
  std::vector<bool> written(group.size(), false);
  int64_t stored = 0;
  {
    absl::MutexLock lock(&mu_);
    rocksdb::WriteBatch batch;
    GroupOverlay overlay{.seq = audit_seq_, .heads = audit_heads_};
    ReadStoredLocked(group, overlay);
    for (size_t i = 0; i < group.size(); ++i) {
      bool in_batch = false;
      outcomes.push_back(DecideInGroupLocked(group[i], overlay, batch, &in_batch));
      written[i] = in_batch;
    }
    stored = overlay.stored;
    if (std::find(written.begin(), written.end(), true) != written.end()) {
      const absl::Time write_started = absl::Now();
      absl::Status status =
          WriteWithAuditLocked(batch, overlay.seq, std::move(overlay.heads),
                               absl::StrCat("storing a group of ", stored, " report(s)"));
      group_sync_seconds_.Observe(absl::ToDoubleSeconds(absl::Now() - write_started));
      if (!status.ok()) {
        // Nothing of the batch is stored: every answer that counted on it is this error.
        for (size_t i = 0; i < group.size(); ++i) {
          if (written[i]) outcomes[i] = status;
        }
        stored = 0;
      }
    }
  }
  if (stored > 0) {
    group_sizes_.Observe(static_cast<double>(stored));
    groups_.fetch_add(1);
    grouped_reports_.fetch_add(stored);
    int64_t largest = largest_group_.load();
    while (stored > largest && !largest_group_.compare_exchange_weak(largest, stored)) {
    }
  }
  for (size_t i = 0; i < group.size(); ++i) group[i].done(std::move(outcomes[i]));
}

void Store::ReadStoredLocked(const std::vector<QueuedReport>& group, GroupOverlay& overlay) const {
  std::vector<std::string> id_keys;
  std::vector<std::string> latest_keys;
  for (const QueuedReport& report : group) {
    const ReportProposal& p = report.proposal;
    if (!p.submission_id.empty()) id_keys.push_back(IdempotencyKey(p.county, p.submission_id));
    latest_keys.push_back(LatestKey(p.county, p.period, p.school));
  }
  auto ids = GetRecords<IdempotencyRecord>(Family::kIdempotency, id_keys, "idempotency record");
  for (size_t i = 0; i < id_keys.size(); ++i) {
    overlay.stored_idempotency.insert_or_assign(std::move(id_keys[i]), std::move(ids[i]));
  }
  auto latest = GetRecords<Receipt>(Family::kLatest, latest_keys, "latest receipt");
  for (size_t i = 0; i < latest_keys.size(); ++i) {
    overlay.stored_latest.insert_or_assign(std::move(latest_keys[i]), std::move(latest[i]));
  }
}

absl::StatusOr<ReportOutcome> Store::DecideInGroupLocked(QueuedReport& report,
                                                         GroupOverlay& overlay,
                                                         rocksdb::WriteBatch& batch,
                                                         bool* written) {
  i18n::LangScope lang(report.lang);
  const ReportProposal& p = report.proposal;
  const std::string id_key = IdempotencyKey(p.county, p.submission_id);
  const std::string latest_key = LatestKey(p.county, p.period, p.school);

  // 1. The same submission_id again.
  std::optional<IdempotencyRecord> earlier;
  if (auto in_group = overlay.idempotency.find(id_key); in_group != overlay.idempotency.end()) {
    earlier = in_group->second;
    *written = true;
  } else if (auto stored = overlay.stored_idempotency.find(id_key);
             stored != overlay.stored_idempotency.end()) {
    if (!stored->second.ok()) return stored->second.status();
    earlier = *stored->second;
  }
  if (earlier.has_value()) {
    if (earlier->content_hash() != p.content_hash) {
      *written = false;
      return absl::AlreadyExistsError(
          i18n::Say(i18n::server::kSubmissionIdReused, p.submission_id));
    }
    return ReportOutcome{earlier->receipt(), true};
  }

  // 2. What is already the latest version.
  std::optional<Receipt> latest;
  bool latest_in_group = false;
  if (auto in_group = overlay.latest.find(latest_key); in_group != overlay.latest.end()) {
    latest = in_group->second;
    latest_in_group = true;
  } else {
    const auto& stored = overlay.stored_latest.at(latest_key);
    if (!stored.ok()) return stored.status();
    latest = *stored;
  }
  if (latest.has_value() && latest->content_hash() == p.content_hash) {
    // The clerk sent again what is already the latest version: nothing is stored twice.
    *written = latest_in_group;
    return ReportOutcome{*latest, true};
  }

  // 3. The caller's preconditions; 4. no stale replacement.
  if (absl::Status admitted = report.admit(*this); !admitted.ok()) return admitted;
  const int64_t latest_version = latest.has_value() ? latest->version() : 0;
  if (p.replaces_version != latest_version) {
    return absl::AbortedError(i18n::Say(i18n::server::kStaleReplacement, p.replaces_version,
                                        p.school, p.period, latest_version));
  }

  // 5. The new version.
  auto version = report.build(*this, latest_version + 1);
  if (!version.ok()) return version.status();
  const Receipt& r = version->stored.receipt();
  if (r.county_code() != p.county || r.period() != p.period || r.school_code() != p.school ||
      r.version() != latest_version + 1) {
    return absl::InternalError(absl::StrCat("the version built for ", p.school, " / ", p.period,
                                            " is not version ", latest_version + 1,
                                            " of that report; nothing was stored"));
  }
  absl::Status audited =
      AddAuditLocked(p.county, std::move(version->audit), overlay.seq, overlay.heads, batch);
  if (!audited.ok()) return audited;
  batch.Put(Handle(Family::kVersions), VersionKey(p.county, p.period, p.school, r.version()),
            version->stored.SerializeAsString());
  batch.Put(Handle(Family::kLatest), latest_key, r.SerializeAsString());
  if (!p.submission_id.empty()) {
    IdempotencyRecord idempotency;
    idempotency.set_content_hash(p.content_hash);
    *idempotency.mutable_receipt() = r;
    batch.Put(Handle(Family::kIdempotency), id_key, idempotency.SerializeAsString());
    overlay.idempotency[id_key] = std::move(idempotency);
  }
  overlay.latest[latest_key] = r;
  ++overlay.stored;
  *written = true;
  return ReportOutcome{r, false};
}

}  // namespace junheng::storage
