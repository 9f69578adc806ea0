#pragma once

#include <sys/types.h>

#include <string>

#include "absl/time/time.h"
#include "common/rpc/channel_security.h"

namespace junheng::testing {

// A real junheng-server process for crash tests: started with fork/exec on a fixed loopback
// port (plain text, --insecure-plaintext), killed with any signal, restarted on the same data
// dir. Before its first start it issues a bureau_admin token for county 140430 offline
// (`junheng-server token issue`); security() carries it for the test's connections.
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
  const rpc::ChannelSecurity& security() const { return security_; }

 private:
  std::string binary_;
  std::string data_dir_;
  std::string log_path_;
  int port_;
  pid_t pid_ = -1;
  rpc::ChannelSecurity security_ = rpc::ChannelSecurity::PlaintextForTests();
};

// A loopback port that was free a moment ago.
int PickFreePort();

}  // namespace junheng::testing
