#include "server/config_check.h"

#include <arpa/inet.h>
#include <pwd.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/cli/config_keys.h"
#include "common/i18n/operator_messages.h"
#include "common/profile/profile_loader.h"
#include "common/time/time_text.h"
#include "server/observability/structured_log.h"
#include "server/rpc/transport_security.h"
#include "server/storage/store.h"
#include "server/tools/port_probe.h"
#include "server/tools/tls_files.h"

namespace junheng::server {
namespace {

namespace fs = std::filesystem;
namespace ops = i18n::ops;
using Verdict = Finding::Verdict;

// A certificate this close to its expiry is a warning.
constexpr absl::Duration kExpiryWarning = absl::Hours(24 * 30);

class Findings {
 public:
  void Ok(std::string setting, std::string text) { Add(Verdict::kOk, setting, text); }
  void Warn(std::string setting, std::string text) { Add(Verdict::kWarning, setting, text); }
  void Error(std::string setting, std::string text) { Add(Verdict::kError, setting, text); }
  std::vector<Finding> Take() { return std::move(all_); }

 private:
  void Add(Verdict verdict, std::string& setting, std::string& text) {
    all_.push_back(Finding{verdict, std::move(setting), std::move(text)});
  }
  std::vector<Finding> all_;
};

std::string CurrentUser() {
  if (const passwd* user = getpwuid(geteuid()); user != nullptr) return user->pw_name;
  return absl::StrCat("uid ", geteuid());
}

bool OnReadOnlyFileSystem(const std::string& path) {
  struct statvfs fs_info;
  return statvfs(path.c_str(), &fs_info) == 0 && (fs_info.f_flag & ST_RDONLY) != 0;
}

// This user may create files in `dir`, and open its database's LOCK (RocksDB opens it for
// writing) when there is one.
bool WritableDataDir(const fs::path& dir) {
  if (access(dir.c_str(), W_OK | X_OK) != 0) return false;
  const fs::path lock = dir / "LOCK";
  std::error_code ec;
  return !fs::exists(lock, ec) || access(lock.c_str(), R_OK | W_OK) == 0;
}

// Checks data-dir; returns the process holding its database's LOCK (a running server), if any.
std::optional<int> CheckDataDir(const std::string& data_dir, Findings& findings) {
  const std::string setting = "data-dir";
  if (data_dir.empty()) {
    findings.Error(setting, i18n::Say(ops::kDataDirUnset));
    return std::nullopt;
  }
  auto state = storage::Store::Inspect(data_dir);
  if (!state.ok()) {
    findings.Error(setting, i18n::Say(ops::kDataDirRefused, state.status().message()));
    return std::nullopt;
  }
  const std::string user = CurrentUser();
  std::error_code ec;
  const fs::path dir = fs::absolute(data_dir, ec);
  if (!state->exists) {
    const fs::path parent = dir.parent_path();
    if (fs::is_directory(parent, ec) && !OnReadOnlyFileSystem(parent.string()) &&
        access(parent.c_str(), W_OK | X_OK) == 0) {
      findings.Ok(setting, i18n::Say(ops::kDataDirNew, data_dir, user));
    } else {
      findings.Error(setting,
                     i18n::Say(ops::kDataDirCannotCreate, data_dir, user, parent.string()));
    }
    return std::nullopt;
  }
  if (OnReadOnlyFileSystem(dir.string())) {
    findings.Error(setting, i18n::Say(ops::kDataDirReadOnly, data_dir));
  } else if (!WritableDataDir(dir)) {
    findings.Error(setting, i18n::Say(ops::kDataDirNotWritable, data_dir, user));
  } else if (!state->holds_database) {
    findings.Ok(setting, i18n::Say(ops::kDataDirNew, data_dir, user));
  } else {
    findings.Ok(setting,
                i18n::Say(ops::kDataDirDatabase, data_dir, storage::Store::kSchemaVersion, user));
  }
  if (state->lock_holder_pid) {
    findings.Ok(setting, i18n::Say(ops::kDataDirInUse, *state->lock_holder_pid,
                                   ProcessName(*state->lock_holder_pid)));
  }
  return state->lock_holder_pid;
}

// The setting whose value a transport refusal is about.
std::string TransportSetting(const TransportOptions& transport) {
  return transport.insecure_plaintext ? "insecure-plaintext" : "tls-cert";
}

std::string HostOf(const std::string& listen) { return listen.substr(0, listen.rfind(':')); }

// A certificate's validity at `now`: an error when expired or not yet valid, a warning within
// kExpiryWarning of its expiry.
void CheckValidity(const std::string& setting, const std::string& path, const CertificateInfo& info,
                   absl::Time now, Findings& findings) {
  const int64_t days_left = absl::ToInt64Hours(info.not_after - now) / 24;
  if (now >= info.not_after) {
    findings.Error(setting,
                   i18n::Say(ops::kCertificateExpired, path, FormatInstant(info.not_after)));
    return;
  }
  if (now < info.not_before) {
    findings.Error(setting,
                   i18n::Say(ops::kCertificateNotYetValid, path, FormatInstant(info.not_before)));
    return;
  }
  if (info.not_after - now < kExpiryWarning) {
    findings.Warn(setting, i18n::Say(ops::kCertificateExpiresSoon, path,
                                     FormatInstant(info.not_after), days_left));
  } else {
    findings.Ok(setting, i18n::Say(ops::kCertificateValid, path, info.subject,
                                   FormatInstant(info.not_after), days_left));
  }
}

// The PEM text of a TLS file setting, or nullopt after saying why not.
std::optional<std::string> ReadTlsFile(const std::string& setting, const std::string& path,
                                       Findings& findings) {
  auto pem = ReadPemFile(path, setting);
  if (!pem.ok()) {
    findings.Error(setting, i18n::Say(ops::kFileUnreadable, path));
    return std::nullopt;
  }
  return *std::move(pem);
}

void CheckTls(const TransportOptions& transport, absl::Time now, Findings& findings) {
  std::optional<std::string> cert_pem, key_pem;
  if (!transport.tls_cert_file.empty()) {
    cert_pem = ReadTlsFile("tls-cert", transport.tls_cert_file, findings);
  }
  if (!transport.tls_key_file.empty()) {
    key_pem = ReadTlsFile("tls-key", transport.tls_key_file, findings);
  }
  if (cert_pem) {
    if (auto info = FirstCertificate(*cert_pem)) {
      CheckValidity("tls-cert", transport.tls_cert_file, *info, now, findings);
    } else {
      findings.Error("tls-cert", i18n::Say(ops::kNotPemCertificate, transport.tls_cert_file));
      cert_pem.reset();
    }
  }
  if (cert_pem && key_pem) {
    switch (MatchKey(*cert_pem, *key_pem)) {
      case KeyMatch::kMatches:
        findings.Ok("tls-key",
                    i18n::Say(ops::kKeyMatches, transport.tls_key_file, transport.tls_cert_file));
        break;
      case KeyMatch::kNoKey:
        findings.Error("tls-key", i18n::Say(ops::kNotPemKey, transport.tls_key_file));
        break;
      case KeyMatch::kOtherKey:
        findings.Error("tls-key", i18n::Say(ops::kKeyMismatch, transport.tls_key_file,
                                            transport.tls_cert_file));
        break;
    }
  }
  if (transport.tls_client_ca_file.empty()) return;
  const std::string setting = "tls-client-ca";
  auto ca_pem = ReadTlsFile(setting, transport.tls_client_ca_file, findings);
  if (!ca_pem) return;
  auto ca = FirstCertificate(*ca_pem);
  if (!ca) {
    findings.Error(setting, i18n::Say(ops::kNotPemCertificate, transport.tls_client_ca_file));
    return;
  }
  CheckValidity(setting, transport.tls_client_ca_file, *ca, now, findings);
  if (!cert_pem) return;
  if (absl::Status chained = VerifyChain(*cert_pem, *ca_pem); chained.ok()) {
    findings.Ok(setting, i18n::Say(ops::kChainVerifies, transport.tls_client_ca_file));
  } else {
    findings.Warn(setting, i18n::Say(ops::kChainDoesNotVerify, transport.tls_client_ca_file,
                                     chained.message()));
  }
}

void CheckTransport(const ServerOptions& options, absl::Time now, Findings& findings) {
  const TransportOptions& transport = options.transport;
  // The server's own rule. Its FAILED_PRECONDITION is a PEM file it cannot read, which CheckTls
  // says file by file.
  auto credentials = MakeServerCredentials(transport, HostOf(options.listen));
  if (!credentials.ok() && !absl::IsFailedPrecondition(credentials.status())) {
    findings.Error(TransportSetting(transport),
                   i18n::Say(ops::kTransport, credentials.status().message()));
  }
  if (!options.http_listen.empty()) {
    if (absl::Status http = CheckHttpTransport(transport, options.http_listen); !http.ok()) {
      findings.Error("http-listen", i18n::Say(ops::kTransport, http.message()));
    }
  }
  if (transport.insecure_plaintext) {
    if (credentials.ok()) findings.Warn("insecure-plaintext", i18n::Say(ops::kPlaintext));
    return;
  }
  CheckTls(transport, now, findings);
}

// Whether the sockets listening on a port are the server's that holds the data dir's LOCK
// (`server_pid`), which a restart frees. When this user may not read that process's descriptors,
// the sockets must all be its user's and it must be a junheng-server.
bool HeldByServer(const PortListeners& listeners, std::optional<int> server_pid) {
  if (!server_pid) return false;
  if (!listeners.pids.empty()) {
    return std::find(listeners.pids.begin(), listeners.pids.end(), *server_pid) !=
           listeners.pids.end();
  }
  const std::optional<uid_t> uid = ProcessUid(*server_pid);
  return uid && !listeners.uids.empty() &&
         std::all_of(listeners.uids.begin(), listeners.uids.end(),
                     [&](uid_t owner) { return owner == *uid; }) &&
         ProcessName(*server_pid) == "junheng-server";
}

// Checks a listen setting's HOST:PORT and whether the server could listen there. `server_pid`:
// the process holding the data dir's LOCK, whose ports a restart frees.
void CheckListen(const std::string& setting, const std::string& listen, bool ip_host_only,
                 std::optional<int> server_pid, Findings& findings) {
  const char* example = ip_host_only ? "0.0.0.0:8443" : "0.0.0.0:50551";
  const size_t colon = listen.rfind(':');
  int port = -1;
  if (colon == std::string::npos || colon == 0 ||
      !absl::SimpleAtoi(listen.substr(colon + 1), &port) || port < 0 || port > 65535) {
    findings.Error(setting, i18n::Say(ops::kListenMalformed, listen, example));
    return;
  }
  std::string host = listen.substr(0, colon);
  if (ip_host_only) {
    std::string bare = host == "localhost" ? "127.0.0.1" : host;
    if (bare.size() > 2 && bare.front() == '[' && bare.back() == ']') {
      bare = bare.substr(1, bare.size() - 2);
    }
    in6_addr address;
    if (inet_pton(AF_INET, bare.c_str(), &address) != 1 &&
        inet_pton(AF_INET6, bare.c_str(), &address) != 1) {
      findings.Error(setting, i18n::Say(ops::kHttpHostNotIp, listen, example));
      return;
    }
  }
  if (port == 0) {
    findings.Ok(setting, i18n::Say(ops::kPortZero, listen));
    return;
  }
  const PortProbe probe = ProbeListenPort(host, port);
  switch (probe.state) {
    case PortProbe::State::kFree:
      findings.Ok(setting, i18n::Say(ops::kPortFree, listen));
      return;
    case PortProbe::State::kInUse: {
      const PortListeners listeners = ListenersOf(port);
      if (HeldByServer(listeners, server_pid)) {
        findings.Ok(setting, i18n::Say(ops::kPortHeldByServer, listen, *server_pid));
      } else {
        const std::string holder = listeners.pids.empty()
                                       ? ""
                                       : i18n::Say(ops::kPortHolder, listeners.pids.front(),
                                                   ProcessName(listeners.pids.front()));
        findings.Error(setting, i18n::Say(ops::kPortInUse, listen, holder));
      }
      return;
    }
    case PortProbe::State::kNotLocal:
      findings.Error(setting, i18n::Say(ops::kAddressNotLocal, listen, host));
      return;
    case PortProbe::State::kDenied:
      findings.Error(setting, i18n::Say(ops::kPortDenied, listen, port));
      return;
    case PortProbe::State::kBadHost:
      findings.Error(setting, i18n::Say(ops::kHostUnknown, listen, host, probe.error));
      return;
    case PortProbe::State::kFailed:
      findings.Error(setting, i18n::Say(ops::kBindFailed, listen, probe.error));
      return;
  }
}

void CheckWebRoot(const ServerOptions& options, Findings& findings) {
  if (options.http_listen.empty()) {
    findings.Ok("http-listen", i18n::Say(ops::kHttpOff));
    if (!options.web_root.empty()) {
      findings.Warn("web-root", i18n::Say(ops::kWebRootWithoutHttp));
    }
    return;
  }
  if (options.web_root.empty()) return;
  std::error_code ec;
  if (!fs::is_directory(options.web_root, ec)) {
    findings.Error("web-root", i18n::Say(ops::kWebRootMissing, options.web_root));
  } else if (!fs::is_regular_file(fs::path(options.web_root) / "index.html", ec)) {
    findings.Error("web-root", i18n::Say(ops::kWebRootNoIndex, options.web_root));
  } else {
    findings.Ok("web-root", i18n::Say(ops::kWebRootOk, options.web_root));
  }
}

}  // namespace

std::vector<Finding> CheckServeSettings(const ServeSettings& settings, absl::Time now) {
  const ServerOptions options = settings.ToServerOptions();
  Findings findings;
  const std::optional<int> server_pid = CheckDataDir(options.data_dir, findings);
  CheckTransport(options, now, findings);
  CheckListen("listen", options.listen, /*ip_host_only=*/false, server_pid, findings);
  if (!options.http_listen.empty()) {
    CheckListen("http-listen", options.http_listen, /*ip_host_only=*/true, server_pid, findings);
  }
  CheckWebRoot(options, findings);
  if (auto profile = profile::LoadProfile(options.profile); profile.ok()) {
    findings.Ok("profile", i18n::Say(ops::kProfileOk, options.profile));
  } else {
    findings.Error("profile", i18n::Say(ops::kProfileBad, profile.status().message()));
  }
  if (auto format = ParseLogFormat(settings.log_format); !format.ok()) {
    findings.Error("log-format", std::string(format.status().message()));
  }
  return findings.Take();
}

int RunConfigCheck(const std::string& config_file, std::ostream& out, std::ostream& err) {
  if (std::ifstream probe(config_file); !probe) {
    err << "error: " << i18n::Say(ops::kConfigUnreadable, config_file) << "\n";
    return 2;
  }
  // The config is read by the options serving declares, and only them.
  CLI::App parser;
  ServeSettings settings;
  AddServeOptions(parser, settings);
  try {
    // CLI11 takes the arguments last first.
    parser.parse(std::vector<std::string>{config_file, "--config"});
  } catch (const CLI::ParseError& e) {
    if (auto unknown = cli::UnknownConfigKeyOf(parser, e)) {
      err << "error: "
          << i18n::Say(ops::kUnknownKey, unknown->key, unknown->file,
                       absl::StrJoin(unknown->valid_keys, ", "))
          << "\n";
    } else {
      err << "error: " << i18n::Say(ops::kConfigInvalid, config_file, e.what()) << "\n";
    }
    return 2;
  }
  const std::vector<Finding> findings = CheckServeSettings(settings, absl::Now());
  out << i18n::Say(ops::kChecking, config_file) << "\n";
  const std::string labels[] = {i18n::Say(ops::kOk), i18n::Say(ops::kWarning),
                                i18n::Say(ops::kError)};
  size_t width = 0;
  for (const std::string& label : labels) width = std::max(width, label.size());
  int errors = 0, warnings = 0;
  for (const Finding& finding : findings) {
    const std::string& label = labels[static_cast<int>(finding.verdict)];
    out << "  " << label << std::string(width - label.size() + 2, ' ') << finding.setting << ": "
        << finding.text << "\n";
    errors += finding.verdict == Verdict::kError;
    warnings += finding.verdict == Verdict::kWarning;
  }
  if (errors > 0) {
    out << i18n::Say(ops::kProblems, errors, warnings) << "\n";
    return 1;
  }
  out << i18n::Say(ops::kAllGood, warnings) << "\n";
  return 0;
}

}  // namespace junheng::server
