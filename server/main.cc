// junheng-server: the county's central reporting server.
#include <pthread.h>
#include <signal.h>

#include <cstdlib>
#include <iostream>

#include "CLI/CLI.hpp"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "common/cli/config_keys.h"
#include "common/cli/config_sources.h"
#include "common/i18n/lang.h"
#include "common/rpc/protobuf_log.h"
#include "common/time/clock.h"
#include "server/config_check.h"
#include "server/observability/structured_log.h"
#include "server/serve_options.h"
#include "server/server_app.h"
#include "server/tools/admin_commands.h"
#include "server/tools/health_command.h"
#include "server/tools/region_commands.h"
#include "server/tools/token_commands.h"
#include "spdlog/spdlog.h"

int main(int argc, char** argv) {
  // A request protobuf cannot parse is answered with a status; its log line would only add noise.
  junheng::DropProtobufLogs();
  // Debian's abseil checks every Mutex acquisition against a lock graph (deadlock detection, as in
  // a debug build): a few percent of the server's CPU per report. The lock order is checked at
  // compile time instead (ABSL_ACQUIRED_BEFORE, -Wthread-safety) and by the tests, which keep it.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  CLI::App app{"junheng-server: receives school reports and keeps them in RocksDB"};
  // The options of serving and --config (serve_options.h), which `check` reads a config by too.
  junheng::server::ServeSettings serve;
  junheng::server::AddServeOptions(app, serve);
  // Operator subcommands (issue 5); without one, the server serves.
  std::string backup_server = "127.0.0.1:50551", backup_to;
  double backup_deadline = 600;
  auto* backup = app.add_subcommand(
      "backup", "back up a running server: it writes a consistent copy of its database to --to");
  backup->add_option("--server", backup_server, "address of the running junheng-server")
      ->capture_default_str();
  backup
      ->add_option("--to", backup_to,
                   "new or empty directory, on the server's machine, for the backup")
      ->required();
  backup->add_option("--deadline", backup_deadline, "seconds to wait for the backup")
      ->capture_default_str();
  junheng::rpc::ChannelSecurity backup_security;
  backup->add_option("--token", backup_security.token, "a bureau_admin token")
      ->envname("JUNHENG_TOKEN");
  backup->add_option("--ca", backup_security.ca_file, "the county CA (PEM) to verify the server");
  backup->add_flag("--insecure-plaintext", backup_security.insecure_plaintext,
                   "no TLS (a demo server started with --insecure-plaintext)");
  junheng::server::OfflineTokenArgs token_args;
  auto* token = app.add_subcommand("token", "credentials, offline (no server on the data dir)");
  token->require_subcommand(1);
  auto* token_issue = token->add_subcommand(
      "issue", "issue a token straight into the data dir, e.g. the first bureau_admin token");
  token_issue->add_option("--data-dir", token_args.data_dir, "the server's data dir")->required();
  token_issue
      ->add_option("--role", token_args.role,
                   "school_clerk | bureau_viewer | bureau_admin | auditor | region_viewer")
      ->required();
  token_issue
      ->add_option("--county", token_args.county,
                   "6-digit county code; for region_viewer the region: 14 (province), 1404 (city)")
      ->required();
  token_issue->add_option("--school", token_args.school, "school_code (school_clerk only)");
  token_issue->add_option("--expires", token_args.expires,
                          "lifetime (90d, 12h) or date/time; default one year");
  token_issue->add_option("--label", token_args.label, "who holds it");
  auto* token_enrolment = token_issue->add_flag(
      "--enrolment", token_args.enrolment,
      "also make a one-time web console sign-in code and print its link instead of the token");
  token_issue
      ->add_option("--web-url", token_args.web_url,
                   "with --enrolment: the web console's address, e.g. https://192.168.1.10:8443")
      ->needs(token_enrolment);
  token_enrolment->needs(token_issue->get_option("--web-url"));
  std::string token_data_dir, token_county, token_id;
  auto* token_list =
      token->add_subcommand("list", "a county's (or a region viewer's region's) tokens");
  token_list->add_option("--data-dir", token_data_dir, "the server's data dir")->required();
  token_list->add_option("--county", token_county, "6-digit county code, or a region: 14, 1404, 00")
      ->required();
  auto* token_revoke = token->add_subcommand(
      "revoke", "revoke a token, e.g. a region_viewer's (no online role can)");
  token_revoke->add_option("ID", token_id, "the token id (16 hex digits)")->required();
  token_revoke->add_option("--data-dir", token_data_dir, "the server's data dir")->required();
  token_revoke
      ->add_option("--county", token_county, "6-digit county code, or a region: 14, 1404, 00")
      ->required();
  std::string regions_data_dir, regions_file;
  auto* regions = app.add_subcommand(
      "regions", "the region registry (provinces, cities, counties), offline (no server on it)");
  regions->require_subcommand(1);
  auto* regions_import = regions->add_subcommand(
      "import", "add or rename regions from a CSV or .xlsx with the header code,name,parent");
  regions_import->add_option("FILE", regions_file, "the region file")->required();
  regions_import->add_option("--data-dir", regions_data_dir, "the server's data dir")->required();
  auto* regions_list =
      regions->add_subcommand("list", "the regions and the counties held under them");
  regions_list->add_option("--data-dir", regions_data_dir, "the server's data dir")->required();
  std::string restore_from, restore_data_dir;
  auto* restore = app.add_subcommand(
      "restore", "restore a backup into a new or empty data dir (offline: no server on it)");
  restore->add_option("--from", restore_from, "the backup directory")->required();
  restore->add_option("--data-dir", restore_data_dir, "new or empty data dir to restore into")
      ->required();
  std::string check_config;
  auto* check = app.add_subcommand(
      "check", "check a server config before a restart: paths, certificates, data dir, ports");
  check
      ->add_option("--config", check_config,
                   "the server's TOML config, e.g. /etc/junheng/server.toml")
      ->required();
  std::string health_server = "127.0.0.1:50551", health_service;
  double health_deadline = 5;
  junheng::rpc::ChannelSecurity health_security;
  auto* health = app.add_subcommand(
      "health", "ask a running server whether it serves (grpc.health.v1; no token needed)");
  health->add_option("--server", health_server, "address of the running junheng-server")
      ->capture_default_str();
  health->add_option("--service", health_service,
                     "a service's full name, e.g. junheng.v1.ReportingService (default: the "
                     "whole server)");
  health->add_option("--deadline", health_deadline, "seconds to wait for the answer")
      ->capture_default_str();
  health->add_option("--ca", health_security.ca_file, "the county CA (PEM) to verify the server");
  health->add_option("--cert", health_security.cert_file,
                     "client certificate (PEM), when the server requires one (mutual TLS)");
  health->add_option("--key", health_security.key_file, "the client certificate's key (PEM)");
  health->add_option("--server-name", health_security.server_name,
                     "the name the server's certificate carries, when the address has another");
  health->add_flag("--insecure-plaintext", health_security.insecure_plaintext,
                   "no TLS (a demo server started with --insecure-plaintext)");
  junheng::cli::PreferEnvironmentOverConfig(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (auto unknown = junheng::cli::UnknownConfigKeyOf(app, e)) {
      std::cerr << "error: " << unknown->key << " in the config file " << unknown->file
                << " is not a setting (misspelt?); the settings are: "
                << absl::StrJoin(unknown->valid_keys, ", ") << "\n";
      return 2;
    }
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (*backup) {
    junheng::DropGrpcLogs();  // a failed handshake is told as a sentence, not as gRPC's lines
    // The answer in the operator's language, as `junheng` gives it (LANG=en_US.UTF-8: English).
    junheng::i18n::SetProcessLang(junheng::i18n::LangFromEnvironment());
    // What neither the command line, the environment nor the server's config gives comes from
    // the client's config on the same machine, so the operator's `junheng` setup serves both.
    const std::string client_config = junheng::cli::ClientConfigPath();
    auto from_client_config = [&](std::string_view key, std::string* value) {
      if (!value->empty()) return;
      *value = junheng::cli::ConfigFileValue(client_config, key).value_or("");
    };
    from_client_config("token", &backup_security.token);
    if (!backup_security.insecure_plaintext) from_client_config("ca", &backup_security.ca_file);
    if (backup->count("--server") == 0) {
      backup_server =
          junheng::cli::ConfigFileValue(client_config, "server").value_or(backup_server);
    }
    return junheng::server::RunBackupCommand(backup_server, backup_to, backup_deadline,
                                             backup_security, std::cout, std::cerr);
  }
  if (*token_issue) {
    return junheng::server::RunOfflineTokenIssue(token_args, std::cout, std::cerr);
  }
  if (*token_list) {
    return junheng::server::RunOfflineTokenList(token_data_dir, token_county, std::cout, std::cerr);
  }
  if (*token_revoke) {
    return junheng::server::RunOfflineTokenRevoke(token_data_dir, token_county, token_id, std::cout,
                                                  std::cerr);
  }
  if (*regions_import) {
    return junheng::server::RunRegionsImport(regions_data_dir, regions_file, std::cout, std::cerr);
  }
  if (*regions_list) {
    return junheng::server::RunRegionsList(regions_data_dir, std::cout, std::cerr);
  }
  if (*restore) {
    return junheng::server::RunRestoreCommand(restore_from, restore_data_dir, std::cout, std::cerr);
  }
  if (*check || *health) {
    // In the operator's language, as `junheng` gives it (LANG=en_US.UTF-8: English).
    junheng::i18n::SetProcessLang(junheng::i18n::LangFromEnvironment());
  }
  if (*check) return junheng::server::RunConfigCheck(check_config, std::cout, std::cerr);
  if (*health) {
    junheng::DropGrpcLogs();  // a refused handshake is told as a sentence, not as gRPC's lines
    // As for backup: what the command line leaves out comes from the client's config.
    const std::string client_config = junheng::cli::ClientConfigPath();
    if (health->count("--server") == 0) {
      health_server =
          junheng::cli::ConfigFileValue(client_config, "server").value_or(health_server);
    }
    if (!health_security.insecure_plaintext) {
      for (auto [key, value] : {std::pair{"ca", &health_security.ca_file},
                                std::pair{"cert", &health_security.cert_file},
                                std::pair{"key", &health_security.key_file}}) {
        if (value->empty()) *value = junheng::cli::ConfigFileValue(client_config, key).value_or("");
      }
    }
    return junheng::server::RunHealthCommand(health_server, health_service, health_deadline,
                                             health_security, std::cout, std::cerr);
  }
  auto format = junheng::server::ParseLogFormat(serve.log_format);
  if (!format.ok()) {
    std::cerr << "error: " << format.status().message() << "\n";
    return 2;
  }
  junheng::server::UseLogFormat(*format);
  const junheng::server::ServerOptions options = serve.ToServerOptions();
  const junheng::server::TransportOptions& transport = options.transport;
  if (options.data_dir.empty()) {
    std::cerr << "error: --data-dir is required to serve; see junheng-server --help\n";
    return 2;
  }

  // Signals are taken by one thread with sigwait, so every other thread runs with them blocked
  // and shutdown happens outside any signal handler.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  junheng::SystemClock clock;
  auto server = junheng::server::ServerApp::Start(options, &clock);
  if (!server.ok()) {
    spdlog::error("junheng-server cannot start: {}", server.status().ToString());
    return 1;
  }
  if (transport.insecure_plaintext) {
    spdlog::warn(
        "PLAIN TEXT: tokens and reports cross the network unencrypted; use "
        "--tls-cert/--tls-key for anything but a local demo (docs/security.md)");
  }
  spdlog::info("junheng-server listening on {} ({}), data dir {}", (*server)->address(),
               transport.insecure_plaintext           ? "plain text"
               : transport.tls_client_ca_file.empty() ? "TLS"
                                                      : "mutual TLS",
               options.data_dir);
  if ((*server)->http_port() != 0 && !transport.tls_client_ca_file.empty()) {
    spdlog::warn(
        "--http-listen with --tls-client-ca: browsers present no school certificate, so calls "
        "through the web console are bound by their token (or session) only "
        "(docs/web-console.md)");
  }
  if ((*server)->http_port() != 0) {
    spdlog::info(
        "web console and HTTP API on {}://{}:{}{}", transport.insecure_plaintext ? "http" : "https",
        options.http_listen.substr(0, options.http_listen.rfind(':')), (*server)->http_port(),
        options.web_root.empty() ? " (API only: no --web-root)" : "");
  }

  int received = 0;
  sigwait(&signals, &received);
  spdlog::info("received {}, finishing in-flight calls and closing the database",
               received == SIGTERM ? "SIGTERM" : "SIGINT");
  (*server)->Shutdown(absl::Seconds(serve.grace_seconds));
  spdlog::info("junheng-server stopped cleanly");
  return 0;
}
