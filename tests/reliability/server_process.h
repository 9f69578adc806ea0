#pragma once

#include <sys/types.h>

#include <string>

#include "absl/time/time.h"

namespace junheng::testing {

// A real junheng-server process for crash tests: started with fork/exec on a fixed loopback
// port, killed with any signal, restarted on the same data dir.
class ServerProcess {
 public:
  ServerProcess(std::string binary, std::string data_dir, std::string log_path);
  ~ServerProcess();  // SIGKILLs a running server

  // Starts the server and waits until it answers a call (false after `timeout`).
  bool Start(absl::Duration timeout = absl::Seconds(20));
  // Sends `signal` and reaps the process. Returns its wait status.
  int Kill(int signal);
  bool running() const { return pid_ > 0; }
  int port() const { return port_; }
  std::string address() const;

 private:
  std::string binary_;
  std::string data_dir_;
  std::string log_path_;
  int port_;
  pid_t pid_ = -1;
};

// A loopback port that was free a moment ago.
int PickFreePort();

}  // namespace junheng::testing
