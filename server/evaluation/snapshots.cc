#include "server/evaluation/snapshots.h"

#include "absl/strings/str_cat.h"
#include "common/time/time_text.h"
#include "server/audit.h"
#include "server/evaluation/stored_evaluation.h"
#include "server/storage/keys.h"

namespace junheng::server {

using junheng::v1::Snapshot;
using Family = storage::Store::Family;

absl::StatusOr<SnapshotOutcome> TakeSnapshot(storage::Store& store, const Clock& clock,
                                             absl::string_view county, absl::string_view period,
                                             const junheng::v1::Profile& profile,
                                             absl::string_view trigger, bool accepted_only) {
  auto evaluation = EvaluateStored(store, county, period, profile, accepted_only);
  if (!evaluation.ok()) return evaluation.status();
  auto existing = ListSnapshots(store, county, period);
  if (!existing.ok()) return existing.status();
  if (!existing->empty()) {
    const Snapshot& newest = existing->back();
    if (newest.input_hash() == evaluation->input_hash() &&
        newest.profile_name() == profile.name() && newest.profile_version() == profile.version() &&
        newest.accepted_only() == accepted_only) {
      return SnapshotOutcome{newest, false};
    }
  }
  const absl::Time now = clock.Now();
  Snapshot snapshot;
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
  absl::Status written = store.PutRecord(
      Family::kSnapshots, storage::SnapshotKey(county, period, snapshot.seq()), snapshot, county,
      MakeAudit(clock, absl::StrCat("evaluation:", trigger), "snapshot.store",
                absl::StrCat(county, "/", period, "/snapshot/", snapshot.seq()), snapshot));
  if (!written.ok()) return written;
  return SnapshotOutcome{std::move(snapshot), true};
}

absl::StatusOr<std::vector<Snapshot>> ListSnapshots(const storage::Store& store,
                                                    absl::string_view county,
                                                    absl::string_view period,
                                                    bool with_evaluations) {
  auto snapshots =
      store.ScanRecords<Snapshot>(Family::kSnapshots, storage::SnapshotPrefix(county, period));
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
  Snapshot snapshot;
  auto present =
      store.GetRecord(Family::kSnapshots, storage::SnapshotKey(county, period, seq), &snapshot);
  if (!present.ok()) return present.status();
  if (!*present) {
    return absl::NotFoundError(absl::StrCat("snapshot ", seq, " of ", county, " / ", period,
                                            " does not exist; see `junheng snapshots list`"));
  }
  return snapshot;
}

}  // namespace junheng::server
