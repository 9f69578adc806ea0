// junheng-server: the county's central reporting server.
#include <pthread.h>
#include <signal.h>

#include <cstdlib>
#include <iostream>

#include "CLI/CLI.hpp"
#include "absl/time/time.h"
#include "common/clock.h"
#include "server/server_app.h"
#include "spdlog/spdlog.h"

int main(int argc, char** argv) {
  CLI::App app{"junheng-server: receives school reports and keeps them in RocksDB"};
  junheng::server::ServerOptions options;
  int grace_seconds = 10;
  app.add_option("--data-dir", options.data_dir, "directory of the server's RocksDB database")
      ->required();
  app.add_option("--listen", options.listen, "HOST:PORT to listen on")->capture_default_str();
  app.add_option("--shutdown-grace", grace_seconds,
                 "seconds in-flight calls may take to finish at shutdown")
      ->capture_default_str();
  app.set_config("--config", "", "read options from a TOML file (data-dir = \"...\")");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
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
