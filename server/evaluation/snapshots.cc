#include "server/evaluation/snapshots.h"

#include "absl/strings/str_cat.h"
#include "common/time/time_text.h"
#include "server/audit/audit_entry.h"
#include "server/evaluation/stored_evaluation.h"
#include "server/storage/codes.h"

namespace junheng::server {

using junheng::v1::Snapshot;

absl::StatusOr<SnapshotOutcome> TakeSnapshot(storage::Store& store, const Clock& clock,
                                             absl::string_view county, absl::string_view period,
                                             const junheng::v1::Profile& profile,
                                             absl::string_view trigger, bool accepted_only) {
  SnapshotOutcome outcome;
  absl::Status written = store.CompareAndCommit(
      [&](const storage::Store& current) -> absl::StatusOr<std::optional<storage::Change>> {
        auto evaluation = EvaluateStored(current, county, period, profile, accepted_only);
        if (!evaluation.ok()) return evaluation.status();
        auto existing = ListSnapshots(current, county, period);
        if (!existing.ok()) return existing.status();
        if (!existing->empty()) {
          const Snapshot& newest = existing->back();
          if (newest.input_hash() == evaluation->input_hash() &&
              newest.profile_name() == profile.name() &&
              newest.profile_version() == profile.version() &&
              newest.accepted_only() == accepted_only) {
            outcome = SnapshotOutcome{newest, false};
            return std::nullopt;
          }
        }
        const absl::Time now = clock.Now();
        Snapshot& snapshot = outcome.snapshot;
        snapshot.set_county_code(std::string(county));
        snapshot.set_period(std::string(period));
        snapshot.set_seq(existing->empty() ? 1 : existing->back().seq() + 1);
        snapshot.set_time(FormatInstant(now));
        snapshot.set_time_unix_ms(absl::ToUnixMillis(now));
        snapshot.set_trigger(std::string(trigger));
        snapshot.set_input_hash(evaluation->input_hash());
        snapshot.set_profile_name(profile.name());
        snapshot.set_profile_version(profile.version());
        snapshot.set_accepted_only(accepted_only);
        *snapshot.mutable_evaluation() = *std::move(evaluation);
        outcome.created = true;
        storage::Change change{std::string(county)};
        change.PutSnapshot(snapshot).Audit(
            MakeAudit(clock, absl::StrCat("evaluation:", trigger), "snapshot.store",
                      absl::StrCat(county, "/", period, "/snapshot/", snapshot.seq()), snapshot));
        return change;
      });
  if (!written.ok()) return written;
  return outcome;
}

absl::StatusOr<std::vector<Snapshot>> ListSnapshots(const storage::Store& store,
                                                    absl::string_view county,
                                                    absl::string_view period,
                                                    bool with_evaluations) {
  auto snapshots = store.ListSnapshots(county, period);
  if (!snapshots.ok()) return snapshots.status();
  if (!with_evaluations) {
    for (auto& s : *snapshots) s.clear_evaluation();
  }
  return snapshots;
}

absl::StatusOr<Snapshot> GetSnapshot(const storage::Store& store, absl::string_view county,
                                     absl::string_view period, int64_t seq) {
  if (seq <= 0) {
    auto all = ListSnapshots(store, county, period, /*with_evaluations=*/true);
    if (!all.ok()) return all.status();
    if (all->empty()) {
      return absl::NotFoundError(
          absl::StrCat("no snapshot of county ", county, " for period ", period, " yet"));
    }
    return std::move(all->back());
  }
  auto snapshot = store.GetSnapshot(county, period, seq);
  if (!snapshot.ok()) return snapshot.status();
  if (!snapshot->has_value()) {
    return absl::NotFoundError(absl::StrCat("snapshot ", seq, " of ", county, " / ", period,
                                            " does not exist; see `junheng snapshots list`"));
  }
  return **std::move(snapshot);
}

absl::StatusOr<junheng::v1::ListSnapshotsResponse> ListSnapshots(
    const storage::Store& store, const junheng::v1::ListSnapshotsRequest& request) {
  absl::Status codes =
      storage::CheckCodes({{"county_code", request.county_code()}, {"period", request.period()}});
  if (!codes.ok()) return codes;
  auto snapshots = ListSnapshots(store, request.county_code(), request.period());
  if (!snapshots.ok()) return snapshots.status();
  junheng::v1::ListSnapshotsResponse response;
  for (auto& s : *snapshots) *response.add_snapshots() = std::move(s);
  return response;
}

absl::StatusOr<Snapshot> GetSnapshot(const storage::Store& store,
                                     const junheng::v1::GetSnapshotRequest& request) {
  absl::Status codes =
      storage::CheckCodes({{"county_code", request.county_code()}, {"period", request.period()}});
  if (!codes.ok()) return codes;
  return GetSnapshot(store, request.county_code(), request.period(), request.seq());
}

}  // namespace junheng::server
