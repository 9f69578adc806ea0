#include "server/evaluation/county_facts_store.h"

#include "absl/strings/str_cat.h"
#include "common/hash/sha256.h"
#include "common/time/time_text.h"
#include "common/validate/county_facts_validator.h"
#include "server/audit.h"
#include "server/storage/keys.h"

namespace junheng::server {

using junheng::v1::CountyFactsReceipt;
using junheng::v1::StoredCountyFacts;
using Family = storage::Store::Family;

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

  auto latest = FindCountyFacts(store, county, facts.period(), 0);
  if (!latest.ok()) return latest.status();
  const std::string content_hash = hash::MessageHash(facts);
  if (latest->has_value() && (*latest)->receipt().content_hash() == content_hash) {
    return (*latest)->receipt();
  }
  const int64_t latest_version = latest->has_value() ? (*latest)->receipt().version() : 0;
  if (request.replaces_version() != latest_version) {
    return absl::AbortedError(absl::StrCat(
        "stale replacement: these facts replace version ", request.replaces_version(),
        " but the latest stored version for ", facts.period(), " is ", latest_version,
        "; check it with `junheng facts show` and submit again with --replaces ", latest_version));
  }
  const absl::Time now = clock.Now();
  StoredCountyFacts stored;
  *stored.mutable_facts() = facts;
  CountyFactsReceipt& receipt = *stored.mutable_receipt();
  receipt.set_county_code(county);
  receipt.set_period(facts.period());
  receipt.set_version(latest_version + 1);
  receipt.set_server_time(FormatInstant(now));
  receipt.set_server_time_unix_ms(absl::ToUnixMillis(now));
  receipt.set_content_hash(content_hash);
  receipt.set_submitter(request.submitter().empty() ? std::string(actor) : request.submitter());
  absl::Status written = store.PutRecord(
      Family::kFacts, storage::FactsKey(county, facts.period(), receipt.version()), stored, county,
      MakeAudit(clock, actor, "facts.accept",
                absl::StrCat(county, "/", facts.period(), "/facts/v", receipt.version()), facts));
  if (!written.ok()) return written;
  return receipt;
}

absl::StatusOr<std::optional<StoredCountyFacts>> FindCountyFacts(const storage::Store& store,
                                                                 absl::string_view county,
                                                                 absl::string_view period,
                                                                 int64_t version) {
  if (version > 0) {
    StoredCountyFacts found;
    auto present =
        store.GetRecord(Family::kFacts, storage::FactsKey(county, period, version), &found);
    if (!present.ok()) return present.status();
    if (!*present) return std::nullopt;
    return found;
  }
  auto all =
      store.ScanRecords<StoredCountyFacts>(Family::kFacts, storage::FactsPrefix(county, period));
  if (!all.ok()) return all.status();
  if (all->empty()) return std::nullopt;
  return std::move(all->back());
}

}  // namespace junheng::server
