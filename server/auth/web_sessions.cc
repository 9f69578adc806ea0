#include "server/auth/web_sessions.h"

#include <openssl/crypto.h>

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/hash/sha256.h"
#include "common/i18n/server_messages.h"
#include "common/validate/validation_result.h"
#include "server/audit/audit_entry.h"
#include "server/auth/policy.h"
#include "server/auth/sealed_token.h"

namespace junheng::server::auth {
namespace {

using junheng::v1::StoredEnrolment;
using junheng::v1::StoredSession;

constexpr absl::string_view kSessionPrefix = "jhs1";
constexpr absl::string_view kSessionPurpose = "junheng session";
constexpr size_t kSessionSecretBytes = 32;

// "<prefix>.<county>.<hex>" with `hex_digits` lowercase hex digits: the county, or "" when the
// secret does not have that shape. A region viewer's "county" is its region (14, 1404, 00), as in
// its token.
std::string CountyOfSecret(absl::string_view secret, absl::string_view prefix, size_t hex_digits) {
  std::vector<absl::string_view> parts = absl::StrSplit(secret, '.');
  if (parts.size() != 3 || parts[0] != prefix ||
      !(validate::IsValidCountyCode(parts[1]) || IsRegionCode(parts[1])) ||
      parts[2].size() != hex_digits) {
    return "";
  }
  for (char c : parts[2]) {
    if (!absl::ascii_isdigit(c) && !(c >= 'a' && c <= 'f')) return "";
  }
  return std::string(parts[1]);
}

absl::Status SignInRefused(const i18n::Msg& why) {
  return absl::UnauthenticatedError(i18n::Say(why));
}

}  // namespace

std::string WebSessions::CsrfOf(absl::string_view cookie) {
  return hash::Sha256Hex(absl::StrCat("junheng csrf\n", cookie)).substr(0, 32);
}

std::string WebSessions::LabelOf(const Principal& principal) const {
  auto token = store_->GetToken(principal.county, principal.token_id);
  if (!token.ok() || !token->has_value()) return "";
  return (*token)->info().label();
}

absl::StatusOr<WebSession> WebSessions::Enrol(absl::string_view code, absl::string_view peer) {
  const std::string county =
      CountyOfSecret(code, kEnrolmentPrefix.substr(0, 4), 2 * kEnrolmentSecretBytes);
  if (county.empty()) return SignInRefused(i18n::server::kEnrolmentMalformed);
  auto cookie_secret = RandomHex(kSessionSecretBytes);
  if (!cookie_secret.ok()) return cookie_secret.status();
  WebSession session;
  session.cookie = absl::StrCat(kSessionPrefix, ".", county, ".", *cookie_secret);
  session.csrf = CsrfOf(session.cookie);

  const std::string code_hash = hash::Sha256Hex(code);
  const absl::Time now = clock_->Now();
  absl::Status committed = store_->CompareAndCommit(
      [&](const storage::Store& store) -> absl::StatusOr<std::optional<storage::Change>> {
        auto found = store.GetEnrolment(county, code_hash);
        if (!found.ok()) return found.status();
        if (!found->has_value()) return SignInRefused(i18n::server::kEnrolmentUnknown);
        StoredEnrolment enrolment = **std::move(found);
        if (enrolment.used_unix_ms() != 0) return SignInRefused(i18n::server::kEnrolmentUsed);
        if (absl::ToUnixMillis(now) >= enrolment.expires_unix_ms()) {
          return SignInRefused(i18n::server::kEnrolmentExpired);
        }
        auto token = OpenToken(code, kEnrolmentPurpose, enrolment.sealed_token());
        if (!token.ok()) return token.status();
        auto principal = tokens_->Authenticate(*token);
        if (!principal.ok()) return SignInRefused(i18n::server::kCredentialGone);
        auto sealed = SealToken(session.cookie, kSessionPurpose, *token);
        if (!sealed.ok()) return sealed.status();
        session.principal = *std::move(principal);

        enrolment.set_used_unix_ms(absl::ToUnixMillis(now));
        StoredSession stored;
        stored.set_county_code(county);
        stored.set_session_sha256_hex(hash::Sha256Hex(session.cookie));
        stored.set_token_id(enrolment.token_id());
        stored.set_sealed_token(*std::move(sealed));
        stored.set_created_unix_ms(absl::ToUnixMillis(now));
        stored.set_expires_unix_ms(absl::ToUnixMillis(now + limits_.absolute));
        const std::string actor =
            absl::StrCat(session.principal.Actor(), " from ", peer.empty() ? "?" : peer);
        // The audit entry shows the record without its sealed token.
        StoredSession shown = stored;
        shown.clear_sealed_token();
        storage::Change change(county);
        change.PutEnrolment(enrolment).PutSession(stored).Audit(
            MakeAudit(*clock_, actor, "session.enrol",
                      absl::StrCat(county, "/token/", enrolment.token_id(), "/session"), shown));
        return change;
      });
  if (!committed.ok()) return committed;
  session.label = LabelOf(session.principal);
  absl::MutexLock lock(&mu_);
  last_seen_[hash::Sha256Hex(session.cookie)] = now;
  return session;
}

absl::StatusOr<StoredSession> WebSessions::Find(absl::string_view cookie) const {
  const std::string county = CountyOfSecret(cookie, kSessionPrefix, 2 * kSessionSecretBytes);
  if (county.empty()) return SignInRefused(i18n::server::kSessionUnknown);
  auto found = store_->GetSession(county, hash::Sha256Hex(cookie));
  if (!found.ok()) return found.status();
  if (!found->has_value()) return SignInRefused(i18n::server::kSessionUnknown);
  return **std::move(found);
}

absl::StatusOr<WebSessions::Resolved> WebSessions::Resolve(absl::string_view cookie) {
  auto stored = Find(cookie);
  if (!stored.ok()) return stored.status();
  const absl::Time now = clock_->Now();
  const std::string key = stored->session_sha256_hex();
  if (stored->ended_unix_ms() != 0 || absl::ToUnixMillis(now) >= stored->expires_unix_ms()) {
    return SignInRefused(i18n::server::kSessionEnded);
  }
  bool idle = false;
  {
    absl::MutexLock lock(&mu_);
    auto [it, fresh] = last_seen_.try_emplace(key, now);
    idle = !fresh && now - it->second >= limits_.idle;
    if (!idle) it->second = now;
  }
  if (idle) {
    // Ended in the store, so that neither a retry nor a restart brings it back.
    absl::Status ended = Close(cookie, "session.idle");
    if (!ended.ok()) return ended;
    return SignInRefused(i18n::server::kSessionIdle);
  }
  auto token = OpenToken(cookie, kSessionPurpose, stored->sealed_token());
  if (!token.ok()) return token.status();
  auto principal = tokens_->Authenticate(*token);
  if (!principal.ok()) return SignInRefused(i18n::server::kCredentialGone);
  Resolved resolved;
  resolved.token = *std::move(token);
  resolved.session.cookie = std::string(cookie);
  resolved.session.csrf = CsrfOf(cookie);
  resolved.session.principal = *std::move(principal);
  return resolved;
}

absl::Status WebSessions::End(absl::string_view cookie) { return Close(cookie, "session.logout"); }

int WebSessions::ActiveSessions() const {
  const absl::Time now = clock_->Now();
  absl::MutexLock lock(&mu_);
  int active = 0;
  for (const auto& [session, last_seen] : last_seen_) {
    if (now - last_seen < limits_.idle) ++active;
  }
  return active;
}

absl::Status WebSessions::Close(absl::string_view cookie, absl::string_view action) {
  auto stored = Find(cookie);
  if (!stored.ok()) return stored.status();
  {
    absl::MutexLock lock(&mu_);
    last_seen_.erase(stored->session_sha256_hex());
  }
  if (stored->ended_unix_ms() != 0) return absl::OkStatus();
  stored->set_ended_unix_ms(absl::ToUnixMillis(clock_->Now()));
  StoredSession shown = *stored;
  shown.clear_sealed_token();
  const std::string county = stored->county_code();
  return store_->Commit(storage::Change(county).PutSession(*stored).Audit(
      MakeAudit(*clock_, absl::StrCat("token ", stored->token_id(), " (web session)"), action,
                absl::StrCat(county, "/token/", stored->token_id(), "/session"), shown)));
}

}  // namespace junheng::server::auth
