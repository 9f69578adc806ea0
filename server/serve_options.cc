#include "server/serve_options.h"

#include "absl/time/time.h"

namespace junheng::server {

ServerOptions ServeSettings::ToServerOptions() const {
  ServerOptions server = options;
  server.schedule.interval = absl::Seconds(schedule_minutes * 60);
  return server;
}

void AddServeOptions(CLI::App& app, ServeSettings& settings) {
  ServerOptions& options = settings.options;
  app.add_option("--data-dir", options.data_dir,
                 "directory of the server's RocksDB database (required to serve)");
  app.add_option("--listen", options.listen, "HOST:PORT to listen on")->capture_default_str();
  app.add_option("--profile", options.profile,
                 "evaluation profile: national-2017, qin-county or a TOML file")
      ->capture_default_str();
  app.add_option("--schedule-interval", settings.schedule_minutes,
                 "minutes between scheduled evaluations of open periods (0: only at deadlines "
                 "and closes)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app.add_option("--shutdown-grace", settings.grace_seconds,
                 "seconds in-flight calls may take to finish at shutdown")
      ->capture_default_str();
  // Transport and access (issue 6, docs/security.md).
  TransportOptions& transport = options.transport;
  app.add_option("--tls-cert", transport.tls_cert_file, "server certificate chain (PEM)");
  app.add_option("--tls-key", transport.tls_key_file, "server private key (PEM)");
  app.add_option("--tls-client-ca", transport.tls_client_ca_file,
                 "county CA (PEM): require client certificates signed by it (mutual TLS)");
  app.add_flag("--insecure-plaintext", transport.insecure_plaintext,
               "no TLS: a local demo on 127.0.0.1 only (logs a warning)");
  app.add_flag("--allow-remote-plaintext", transport.allow_remote_plaintext,
               "with --insecure-plaintext, also on a non-loopback address (a TLS proxy in front)");
  app.add_option("--http-listen", options.http_listen,
                 "HOST:PORT of the web console and the HTTP API (off when not given; "
                 "docs/web-console.md)");
  app.add_option("--web-root", options.web_root,
                 "directory of the web console's pages (web/public of the source tree)");
  app.add_option("--rate-limit", options.rate_limit.per_second,
                 "calls per second per credential (0: no limit)")
      ->capture_default_str();
  app.add_option("--rate-burst", options.rate_limit.burst,
                 "calls a credential may make at once after a pause")
      ->capture_default_str();
  app.add_option("--log-format", settings.log_format,
                 "log lines as logfmt (key=value) or json (one object per line); "
                 "docs/monitoring.md")
      ->capture_default_str();
  app.set_config("--config", "", "read options from a TOML file (data-dir = \"...\")");
  // A misspelt key (`sever = ...`) is an error, not silently ignored.
  app.allow_config_extras(CLI::config_extras_mode::error);
}

}  // namespace junheng::server
