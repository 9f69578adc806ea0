#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/rpc/channel_security.h"

namespace junheng::bench {

// junheng-server as a child process, the way an operator runs it but on a scratch data dir:
// plain text on a loopback port, no rate limit, a bureau_admin token for kCounty issued offline
// before the first start. Unlike the reliability tests' ServerProcess it also reads the child's
// CPU time and resident memory from /proc, which is what the benchmark reports per ack.
class ServerProcess {
 public:
  // `extra_args` go after the benchmark's own flags (e.g. "--schedule-interval", "5").
  ServerProcess(std::string binary, std::string data_dir, std::string log_path,
                std::vector<std::string> extra_args);
  ~ServerProcess();  // stops a running server (SIGTERM, then SIGKILL after 15 s)

  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Issues the token, starts the server and waits until it answers a call. An error says why,
  // naming the log when the server exited.
  absl::Status Start(absl::Duration timeout = absl::Seconds(60));
  // SIGTERM, and SIGKILL if it has not exited within `grace`.
  void Stop(absl::Duration grace = absl::Seconds(15));

  std::string address() const;
  const rpc::ChannelSecurity& security() const { return security_; }
  pid_t pid() const { return pid_; }

  // User plus system CPU seconds the server has used so far (/proc/<pid>/stat); an error when
  // the process is gone.
  absl::StatusOr<double> CpuSeconds() const;
  // Its resident set (VmRSS of /proc/<pid>/status) in bytes.
  absl::StatusOr<int64_t> RssBytes() const;

 private:
  absl::Status IssueToken();

  std::string binary_;
  std::string data_dir_;
  std::string log_path_;
  std::vector<std::string> extra_args_;
  int port_ = 0;
  pid_t pid_ = -1;
  rpc::ChannelSecurity security_ = rpc::ChannelSecurity::PlaintextForTests();
};

// A loopback port that was free a moment ago.
int PickFreePort();

}  // namespace junheng::bench
