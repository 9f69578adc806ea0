#include "server/auth/token_store.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/hash/sha256.h"
#include "common/i18n/server_messages.h"
#include "common/time/time_text.h"
#include "common/validate/validation_result.h"
#include "server/audit/audit_entry.h"
#include "server/auth/policy.h"
#include "server/auth/sealed_token.h"

namespace junheng::server::auth {
namespace {

using junheng::v1::IssueTokenRequest;
using junheng::v1::IssueTokenResponse;
using junheng::v1::StoredToken;
using junheng::v1::TokenInfo;

constexpr size_t kIdBytes = 8;
constexpr size_t kSecretBytes = 32;
constexpr size_t kSaltBytes = 16;
constexpr size_t kMaxLabel = 200;

bool IsLowerHex(absl::string_view text, size_t length) {
  if (text.size() != length) return false;
  for (char c : text) {
    if (!absl::ascii_isdigit(c) && !(c >= 'a' && c <= 'f')) return false;
  }
  return true;
}

std::string SecretHash(absl::string_view salt_hex, absl::string_view secret) {
  return hash::Sha256Hex(absl::StrCat(salt_hex, secret));
}

absl::Status Unauthenticated(absl::string_view why) {
  return absl::UnauthenticatedError(i18n::Say(i18n::server::kUnauthenticated, why));
}

struct Enrolment {
  std::string code;
  junheng::v1::StoredEnrolment record;
};

// A one-time code for `token`, valid for kEnrolmentLifetime but never past the token's expiry.
absl::StatusOr<Enrolment> MakeEnrolment(absl::string_view token, const TokenInfo& info,
                                        absl::Time now) {
  auto secret = RandomHex(kEnrolmentSecretBytes);
  if (!secret.ok()) return secret.status();
  Enrolment out;
  out.code = absl::StrCat(kEnrolmentPrefix, info.county_code(), ".", *secret);
  auto sealed = SealToken(out.code, kEnrolmentPurpose, token);
  if (!sealed.ok()) return sealed.status();
  junheng::v1::StoredEnrolment& record = out.record;
  record.set_county_code(info.county_code());
  record.set_code_sha256_hex(hash::Sha256Hex(out.code));
  record.set_token_id(info.id());
  record.set_sealed_token(*std::move(sealed));
  record.set_created_unix_ms(absl::ToUnixMillis(now));
  record.set_expires_unix_ms(
      std::min(info.expires_unix_ms(), absl::ToUnixMillis(now + kEnrolmentLifetime)));
  return out;
}

// What a token may be kept under: a county, or a region_viewer's region (policy.h).
absl::Status CheckTokenScope(absl::string_view county) {
  if (IsRegionCode(county)) return absl::OkStatus();
  return validate::CheckCountyCode(county);
}

}  // namespace

absl::StatusOr<IssueTokenResponse> TokenStore::Issue(const IssueTokenRequest& request,
                                                     absl::string_view actor) {
  const std::string& county = request.county_code();
  const std::string role = RoleName(request.role());
  if (role.empty()) {
    return absl::InvalidArgumentError(
        "role: give school_clerk, bureau_viewer, bureau_admin, auditor or region_viewer (--role)");
  }
  if (request.role() == junheng::v1::REGION_VIEWER) {
    // A region viewer's "county" is its region, which must be in the region registry.
    if (!IsRegionCode(county)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "county_code = '", county,
          "': a region_viewer token names a province (2 digits, e.g. 14) or a city (4 digits, "
          "e.g. 1404) with --county"));
    }
    auto region = store_->GetRegion(county);
    if (!region.ok()) return region.status();
    if (county != kNationCode && !region->has_value()) {
      return absl::FailedPreconditionError(i18n::Say(i18n::server::kUnknownRegion, county));
    }
  } else if (absl::Status ok = validate::CheckCountyCode(county); !ok.ok()) {
    return ok;
  }
  if (request.role() == junheng::v1::SCHOOL_CLERK) {
    if (!validate::IsValidCode(request.school_code())) {
      return absl::InvalidArgumentError(
          absl::StrCat("school_code = '", request.school_code(),
                       "': a school_clerk token needs its school (--school CODE)"));
    }
  } else if (!request.school_code().empty()) {
    return absl::InvalidArgumentError(absl::StrCat("school_code = '", request.school_code(),
                                                   "': only school_clerk tokens name a school"));
  }
  if (request.label().size() > kMaxLabel) {
    return absl::InvalidArgumentError(absl::StrCat("label: at most ", kMaxLabel, " bytes"));
  }
  const absl::Time now = clock_->Now();
  const int64_t expires = request.expires_unix_ms() != 0
                              ? request.expires_unix_ms()
                              : absl::ToUnixMillis(now + kDefaultLifetime);
  if (expires <= absl::ToUnixMillis(now)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "expires = ", FormatInstant(absl::FromUnixMillis(expires)), ": must be in the future"));
  }
  auto id = RandomHex(kIdBytes);
  auto secret = RandomHex(kSecretBytes);
  auto salt = RandomHex(kSaltBytes);
  if (!id.ok()) return id.status();
  if (!secret.ok()) return secret.status();
  if (!salt.ok()) return salt.status();

  StoredToken stored;
  TokenInfo& info = *stored.mutable_info();
  info.set_id(*id);
  info.set_county_code(county);
  info.set_role(request.role());
  info.set_school_code(request.school_code());
  info.set_label(request.label());
  info.set_created_unix_ms(absl::ToUnixMillis(now));
  info.set_expires_unix_ms(expires);
  info.set_issued_by(std::string(actor));
  stored.set_salt_hex(*salt);
  stored.set_secret_sha256_hex(SecretHash(*salt, *secret));
  IssueTokenResponse response;
  *response.mutable_info() = info;
  response.set_token(absl::StrCat("jh1.", county, ".", *id, ".", *secret));
  storage::Change change(county);
  change.PutToken(stored).Audit(
      MakeAudit(*clock_, actor, "token.issue", absl::StrCat(county, "/token/", *id), info));
  if (request.enrolment()) {
    auto enrolment = MakeEnrolment(response.token(), info, now);
    if (!enrolment.ok()) return enrolment.status();
    change.PutEnrolment(enrolment->record);
    response.set_enrolment_code(enrolment->code);
    response.set_enrolment_expires_unix_ms(enrolment->record.expires_unix_ms());
  }
  absl::Status written = store_->Commit(std::move(change));
  if (!written.ok()) return written;
  if (request.role() == junheng::v1::SCHOOL_CLERK) {
    auto school = store_->GetSchool(county, request.school_code());
    if (school.ok() && !school->has_value()) {
      response.add_warnings(
          i18n::Say(i18n::server::kTokenSchoolNotRegistered, request.school_code(), county));
    }
  }
  return response;
}

absl::StatusOr<TokenInfo> TokenStore::Revoke(absl::string_view county, absl::string_view id,
                                             absl::string_view actor) {
  if (absl::Status ok = CheckTokenScope(county); !ok.ok()) return ok;
  if (!IsLowerHex(id, 2 * kIdBytes)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "id = '", id, "': a token id is 16 hex digits (see `junheng admin token list`)"));
  }
  auto found = store_->GetToken(county, id);
  if (!found.ok()) return found.status();
  if (!found->has_value()) {
    return absl::NotFoundError(absl::StrCat("county ", county, " has no token ", id));
  }
  StoredToken stored = **std::move(found);
  if (stored.info().revoked()) return stored.info();
  TokenInfo& info = *stored.mutable_info();
  info.set_revoked(true);
  info.set_revoked_unix_ms(absl::ToUnixMillis(clock_->Now()));
  info.set_revoked_by(std::string(actor));
  absl::Status written =
      store_->Commit(storage::Change(std::string(county))
                         .PutToken(stored)
                         .Audit(MakeAudit(*clock_, actor, "token.revoke",
                                          absl::StrCat(county, "/token/", id), info)));
  if (!written.ok()) return written;
  return info;
}

absl::StatusOr<std::vector<TokenInfo>> TokenStore::List(absl::string_view county,
                                                        absl::string_view after_id,
                                                        size_t limit) const {
  if (absl::Status ok = CheckTokenScope(county); !ok.ok()) return ok;
  auto stored = store_->ListTokens(county, after_id, limit);
  if (!stored.ok()) return stored.status();
  std::vector<TokenInfo> tokens;
  for (const auto& s : *stored) tokens.push_back(s.info());
  return tokens;
}

absl::StatusOr<Principal> TokenStore::Authenticate(absl::string_view token,
                                                   Problem* problem) const {
  Problem ignored;
  Problem& why = problem != nullptr ? *problem : ignored;
  why = Problem::kMissing;
  if (token.empty()) return Unauthenticated(i18n::Say(i18n::server::kNoToken));
  why = Problem::kMalformed;
  std::vector<absl::string_view> parts = absl::StrSplit(token, '.');
  if (parts.size() != 4 || parts[0] != "jh1" ||
      !(validate::CheckCountyCode(parts[1]).ok() || IsRegionCode(parts[1])) ||
      !IsLowerHex(parts[2], 2 * kIdBytes) || !IsLowerHex(parts[3], 2 * kSecretBytes)) {
    return Unauthenticated(i18n::Say(i18n::server::kMalformedToken));
  }
  why = Problem::kNone;
  auto found = store_->GetToken(parts[1], parts[2]);
  if (!found.ok()) return found.status();
  const StoredToken stored = found->value_or(StoredToken());
  const std::string presented =
      found->has_value() ? SecretHash(stored.salt_hex(), parts[3]) : std::string(64, '0');
  const std::string& expected = stored.secret_sha256_hex();
  if (!found->has_value() || expected.size() != presented.size() ||
      CRYPTO_memcmp(expected.data(), presented.data(), expected.size()) != 0) {
    why = Problem::kUnknown;
    return Unauthenticated(i18n::Say(i18n::server::kUnknownToken));
  }
  const TokenInfo& info = stored.info();
  if (info.revoked()) {
    why = Problem::kRevoked;
    return Unauthenticated(i18n::Say(i18n::server::kTokenRevoked, info.id(),
                                     FormatInstant(absl::FromUnixMillis(info.revoked_unix_ms()))));
  }
  if (absl::ToUnixMillis(clock_->Now()) >= info.expires_unix_ms()) {
    why = Problem::kExpired;
    return Unauthenticated(i18n::Say(i18n::server::kTokenExpired, info.id(),
                                     FormatInstant(absl::FromUnixMillis(info.expires_unix_ms()))));
  }
  Principal principal;
  principal.token_id = info.id();
  principal.role = info.role();
  principal.county = info.county_code();
  principal.school = info.school_code();
  return principal;
}

}  // namespace junheng::server::auth
