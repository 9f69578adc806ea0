#include "common/rpc/connect_failure.h"

#include "absl/strings/match.h"
#include "common/i18n/client_messages.h"

namespace junheng::rpc {

ConnectFailure DescribeConnectFailure(const std::string& address, const ChannelSecurity& security,
                                      const absl::Status& status) {
  if (!absl::IsUnavailable(status) && !absl::IsDeadlineExceeded(status)) return {status};
  namespace msg = i18n::client;
  const absl::string_view why = status.message();
  // The substrings are gRPC 1.51's (with OpenSSL 3) reasons for a failed connection, as the
  // channel reports them in the status message.
  auto setting = [&](const i18n::Msg& sentence, const std::string& detail) {
    return ConnectFailure{absl::Status(status.code(), i18n::Say(sentence, address, detail)), true};
  };
  if (!security.insecure_plaintext) {
    if (absl::StrContains(why, "certificate verify failed")) {
      return setting(msg::kUntrustedCertificate,
                     security.ca_file.empty() ? i18n::Say(msg::kSystemRoots) : security.ca_file);
    }
    if (absl::StrContains(why, "is not in peer certificate")) {
      return setting(msg::kCertificateNameMismatch, "");
    }
    if (absl::StrContains(why, "wrong version number")) {
      return setting(msg::kServerIsPlaintext, "");
    }
  } else if (absl::StrContains(why, "Socket closed")) {
    return setting(msg::kServerIsTls, "");
  }
  if (absl::StrContains(why, "Connection refused")) {
    return {absl::Status(status.code(), i18n::Say(msg::kNothingListening, address))};
  }
  if (absl::StrContains(why, "DNS resolution failed")) {
    return {absl::Status(status.code(), i18n::Say(msg::kUnknownHost, address))};
  }
  return {absl::Status(status.code(), i18n::Say(msg::kUnreachable, address, why))};
}

}  // namespace junheng::rpc
