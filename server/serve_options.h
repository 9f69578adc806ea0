#pragma once

#include <string>

#include "CLI/CLI.hpp"
#include "server/server_app.h"

namespace junheng::server {

// What junheng-server serves with, as its command line and its TOML config file give it.
struct ServeSettings {
  ServerOptions options;
  double schedule_minutes = 60;
  int grace_seconds = 10;
  std::string log_format = "logfmt";

  // `options` with the schedule interval from `schedule_minutes`.
  ServerOptions ToServerOptions() const;
};

// Declares the options of serving (--data-dir, --listen, TLS, the HTTP door, limits, logs) on
// `app`, writing into `settings`, and --config: a TOML file whose keys are these options' long
// names; a key that is none of them is an error (CLI11 reports it, cli::UnknownConfigKeyOf names
// it). Serving and `junheng-server check` both declare them here, so a config the check passes
// is one the server reads the same way. `settings` must outlive the parse.
void AddServeOptions(CLI::App& app, ServeSettings& settings);

}  // namespace junheng::server
