#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace junheng::server {

// Whether junheng-server could listen on HOST:PORT now, as `junheng-server check` asks before a
// restart: it binds a socket there (with SO_REUSEADDR, as gRPC does) and closes it at once.
struct PortProbe {
  enum class State {
    kFree,
    kInUse,     // another socket listens there
    kNotLocal,  // the host is no address of this machine
    kDenied,    // a port below 1024 without the privilege
    kBadHost,   // the host does not resolve
    kFailed,    // any other error: `error` says it
  };
  State state = State::kFailed;
  std::string error;
};
PortProbe ProbeListenPort(const std::string& host, int port);

// Who listens on TCP `port` (any address), from /proc.
struct PortListeners {
  // The processes holding such a socket: only those whose descriptors this user may read (every
  // one for root).
  std::vector<int> pids;
  // The users owning the sockets: always known.
  std::vector<uid_t> uids;
};
PortListeners ListenersOf(int port);

// The command name of process `pid` (/proc/PID/comm), "" when it cannot be read.
std::string ProcessName(int pid);
// The user process `pid` runs as; nullopt when it is gone.
std::optional<uid_t> ProcessUid(int pid);

}  // namespace junheng::server
