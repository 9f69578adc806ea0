// junheng-server: the county's central reporting server.
#include <pthread.h>
#include <signal.h>

#include <cstdlib>
#include <iostream>

#include "CLI/CLI.hpp"
#include "absl/time/time.h"
#include "common/time/clock.h"
#include "server/admin_commands.h"
#include "server/server_app.h"
#include "spdlog/spdlog.h"

int main(int argc, char** argv) {
  CLI::App app{"junheng-server: receives school reports and keeps them in RocksDB"};
  junheng::server::ServerOptions options;
  int grace_seconds = 10;
  app.add_option("--data-dir", options.data_dir,
                 "directory of the server's RocksDB database (required to serve)");
  app.add_option("--listen", options.listen, "HOST:PORT to listen on")->capture_default_str();
  app.add_option("--shutdown-grace", grace_seconds,
                 "seconds in-flight calls may take to finish at shutdown")
      ->capture_default_str();
  app.set_config("--config", "", "read options from a TOML file (data-dir = \"...\")");
  // Operator subcommands (issue 5); without one, the server serves.
  std::string backup_server = "127.0.0.1:50551", backup_to;
  double backup_deadline = 600;
  auto* backup = app.add_subcommand(
      "backup", "back up a running server: it writes a consistent copy of its database to --to");
  backup->add_option("--server", backup_server, "address of the running junheng-server")
      ->capture_default_str();
  backup->add_option("--to", backup_to,
                     "new or empty directory, on the server's machine, for the backup")
      ->required();
  backup->add_option("--deadline", backup_deadline, "seconds to wait for the backup")
      ->capture_default_str();
  std::string restore_from, restore_data_dir;
  auto* restore = app.add_subcommand(
      "restore", "restore a backup into a new or empty data dir (offline: no server on it)");
  restore->add_option("--from", restore_from, "the backup directory")->required();
  restore->add_option("--data-dir", restore_data_dir, "new or empty data dir to restore into")
      ->required();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (*backup) {
    return junheng::server::RunBackupCommand(backup_server, backup_to, backup_deadline, std::cout,
                                             std::cerr);
  }
  if (*restore) {
    return junheng::server::RunRestoreCommand(restore_from, restore_data_dir, std::cout,
                                              std::cerr);
  }
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
  spdlog::info("junheng-server listening on {} (plain text: run it on loopback or behind TLS), "
               "data dir {}",
               (*server)->address(), options.data_dir);

  int received = 0;
  sigwait(&signals, &received);
  spdlog::info("received {}, finishing in-flight calls and closing the database",
               received == SIGTERM ? "SIGTERM" : "SIGINT");
  (*server)->Shutdown(absl::Seconds(grace_seconds));
  spdlog::info("junheng-server stopped cleanly");
  return 0;
}
