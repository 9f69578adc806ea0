#include "server/evaluation/county_facts_store.h"

#include "absl/strings/str_cat.h"
#include "common/hash/sha256.h"
#include "common/time/time_text.h"
#include "common/validate/county_facts_validator.h"
#include "server/audit/audit_entry.h"
#include "server/storage/codes.h"

namespace junheng::server {

using junheng::v1::CountyFactsReceipt;
using junheng::v1::StoredCountyFacts;

absl::StatusOr<CountyFactsReceipt> SubmitCountyFacts(
    storage::Store& store, const Clock& clock, const junheng::v1::SubmitCountyFactsRequest& request,
    absl::string_view actor) {
  junheng::v1::CountyFacts facts = request.facts();
  const std::string county = facts.county_code();
  absl::Status county_ok = validate::CheckCountyCode(county);
  if (!county_ok.ok()) return county_ok;
  absl::Status invalid =
      validate::ToStatus(validate::ValidateCountyFacts(facts, county),
                         absl::StrCat("county facts ", county, " / ", facts.period()));
  if (!invalid.ok()) return invalid;

  const std::string content_hash = hash::MessageHash(facts);
  CountyFactsReceipt receipt;
  absl::Status written = store.CompareAndCommit(
      [&](const storage::Store& current) -> absl::StatusOr<std::optional<storage::Change>> {
        auto latest = FindCountyFacts(current, county, facts.period(), 0);
        if (!latest.ok()) return latest.status();
        if (latest->has_value() && (*latest)->receipt().content_hash() == content_hash) {
          receipt = (*latest)->receipt();
          return std::nullopt;
        }
        const int64_t latest_version = latest->has_value() ? (*latest)->receipt().version() : 0;
        if (request.replaces_version() != latest_version) {
          return absl::AbortedError(absl::StrCat(
              "stale replacement: these facts replace version ", request.replaces_version(),
              " but the latest stored version for ", facts.period(), " is ", latest_version,
              "; check it with `junheng facts show` and submit again with --replaces ",
              latest_version));
        }
        const absl::Time now = clock.Now();
        StoredCountyFacts stored;
        *stored.mutable_facts() = facts;
        CountyFactsReceipt& r = *stored.mutable_receipt();
        r.set_county_code(county);
        r.set_period(facts.period());
        r.set_version(latest_version + 1);
        r.set_server_time(FormatInstant(now));
        r.set_server_time_unix_ms(absl::ToUnixMillis(now));
        r.set_content_hash(content_hash);
        r.set_submitter(request.submitter().empty() ? std::string(actor) : request.submitter());
        receipt = r;
        storage::Change change(county);
        change.PutCountyFacts(stored).Audit(
            MakeAudit(clock, actor, "facts.accept",
                      absl::StrCat(county, "/", facts.period(), "/facts/v", r.version()), facts));
        return change;
      });
  if (!written.ok()) return written;
  return receipt;
}

absl::StatusOr<std::optional<StoredCountyFacts>> FindCountyFacts(const storage::Store& store,
                                                                 absl::string_view county,
                                                                 absl::string_view period,
                                                                 int64_t version) {
  if (version > 0) return store.GetCountyFacts(county, period, version);
  auto all = store.ListCountyFacts(county, period);
  if (!all.ok()) return all.status();
  if (all->empty()) return std::nullopt;
  return std::move(all->back());
}

absl::StatusOr<StoredCountyFacts> GetCountyFacts(
    const storage::Store& store, const junheng::v1::GetCountyFactsRequest& request) {
  absl::Status codes =
      storage::CheckCodes({{"county_code", request.county_code()}, {"period", request.period()}});
  if (!codes.ok()) return codes;
  auto facts = FindCountyFacts(store, request.county_code(), request.period(), request.version());
  if (!facts.ok()) return facts.status();
  if (!facts->has_value()) {
    return absl::NotFoundError(
        "no county facts stored for this period (or version); enter them with `junheng facts "
        "submit`");
  }
  return **std::move(facts);
}

}  // namespace junheng::server
