#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/rpc/channel_security.h"

namespace junheng::testing {

// junheng-server as a child process, for the crash tests and the benchmarks: the way an operator
// runs it, but on a scratch data dir, in plain text on a loopback port picked at construction,
// without a rate limit, and with a bureau_admin token for county 140430 issued offline
// (`junheng-server token issue`) before the first start; security() carries it. It can be
// killed with any signal and started again on the same data dir and port, and it reads the
// child's CPU time and resident memory from /proc (what the benchmarks report per ack).
class ServerProcess {
 public:
  // `extra_args` go after the flags above (e.g. "--schedule-interval", "0").
  ServerProcess(std::string binary, std::string data_dir, std::string log_path,
                std::vector<std::string> extra_args = {});
  ~ServerProcess();  // SIGKILLs a running server

  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Issues the token (once), starts the server and waits until it answers a call. An error says
  // why, naming the log.
  [[nodiscard]] absl::Status Start(absl::Duration timeout = absl::Seconds(60));
  // Sends `signal` and reaps the process; returns its wait status (0 when none was running).
  int Kill(int signal);
  // SIGTERM, and SIGKILL if it has not exited within `grace`.
  void Stop(absl::Duration grace = absl::Seconds(15));

  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  int port() const { return port_; }
  std::string address() const;
  const rpc::ChannelSecurity& security() const { return security_; }

  // User plus system CPU seconds the server has used so far (/proc/<pid>/stat); an error when
  // the process is gone.
  [[nodiscard]] absl::StatusOr<double> CpuSeconds() const;
  // Its resident set (VmRSS of /proc/<pid>/status) in bytes.
  [[nodiscard]] absl::StatusOr<int64_t> RssBytes() const;

 private:
  [[nodiscard]] absl::Status IssueToken();

  std::string binary_;
  std::string data_dir_;
  std::string log_path_;
  std::vector<std::string> extra_args_;
  int port_ = 0;
  pid_t pid_ = -1;
  rpc::ChannelSecurity security_ = rpc::ChannelSecurity::PlaintextForTests();
};

// Starts argv[0] (looked up in PATH) with `argv`, its stdout and stderr appended to `log_path`.
// posix_spawn rather than fork: the caller already runs gRPC's threads.
[[nodiscard]] absl::StatusOr<pid_t> SpawnLogged(const std::vector<std::string>& argv,
                                                const std::string& log_path);

// A loopback port that was free a moment ago.
int PickFreePort();

}  // namespace junheng::testing
