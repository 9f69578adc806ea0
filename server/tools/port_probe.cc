#include "server/tools/port_probe.h"

#include <netdb.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace junheng::server {
namespace {

namespace fs = std::filesystem;

// The sockets listening on `port`, from /proc/net/tcp and tcp6: lines of "sl local_address
// rem_address st tx:rx tr:when retrnsmt uid timeout inode", the address as HEXIP:HEXPORT, LISTEN
// as st 0A. Their inodes, and their owners in `*uids`.
std::set<std::string> ListeningInodes(int port, std::vector<uid_t>* uids) {
  std::set<std::string> inodes;
  for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
    std::ifstream in(table);
    std::string line;
    std::getline(in, line);  // the header
    while (std::getline(in, line)) {
      std::vector<absl::string_view> fields = absl::StrSplit(line, ' ', absl::SkipEmpty());
      if (fields.size() < 10 || fields[3] != "0A") continue;
      const size_t colon = fields[1].rfind(':');
      int local_port = 0;
      if (colon == absl::string_view::npos ||
          !absl::SimpleHexAtoi(fields[1].substr(colon + 1), &local_port) || local_port != port) {
        continue;
      }
      inodes.insert(std::string(fields[9]));
      uid_t uid = 0;
      if (absl::SimpleAtoi(fields[7], &uid)) uids->push_back(uid);
    }
  }
  return inodes;
}

}  // namespace

PortProbe ProbeListenPort(const std::string& host, int port) {
  PortProbe probe;
  std::string name = host;
  if (name.size() > 2 && name.front() == '[' && name.back() == ']') {
    name = name.substr(1, name.size() - 2);
  }
  addrinfo hints = {};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = absl::StrCat(port);
  if (int error =
          getaddrinfo(name.empty() ? nullptr : name.c_str(), service.c_str(), &hints, &found);
      error != 0) {
    probe.state = PortProbe::State::kBadHost;
    probe.error = gai_strerror(error);
    return probe;
  }
  std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> addresses(found, &freeaddrinfo);
  const int fd = socket(found->ai_family, found->ai_socktype, found->ai_protocol);
  if (fd < 0) {
    probe.error = std::strerror(errno);
    return probe;
  }
  const int on = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
  const int bound = bind(fd, found->ai_addr, found->ai_addrlen);
  const int bind_errno = errno;
  close(fd);
  if (bound == 0) {
    probe.state = PortProbe::State::kFree;
    return probe;
  }
  probe.error = std::strerror(bind_errno);
  switch (bind_errno) {
    case EADDRINUSE:
      probe.state = PortProbe::State::kInUse;
      break;
    case EADDRNOTAVAIL:
      probe.state = PortProbe::State::kNotLocal;
      break;
    case EACCES:
      probe.state = PortProbe::State::kDenied;
      break;
    default:
      probe.state = PortProbe::State::kFailed;
  }
  return probe;
}

PortListeners ListenersOf(int port) {
  PortListeners listeners;
  const std::set<std::string> inodes = ListeningInodes(port, &listeners.uids);
  std::vector<int>& pids = listeners.pids;
  if (inodes.empty()) return listeners;
  // Processes come and go while this walks: every step takes an error_code and skips what
  // vanished or may not be read.
  std::error_code ec;
  for (fs::directory_iterator process("/proc", ec), end; !ec && process != end;
       process.increment(ec)) {
    int pid = 0;
    if (!absl::SimpleAtoi(process->path().filename().string(), &pid)) continue;
    std::error_code fd_ec;
    for (fs::directory_iterator fd(process->path() / "fd", fd_ec); !fd_ec && fd != end;
         fd.increment(fd_ec)) {
      std::error_code link_ec;
      const std::string target = fs::read_symlink(fd->path(), link_ec).string();
      absl::string_view inode = target;
      if (!link_ec && absl::ConsumePrefix(&inode, "socket:[") && absl::ConsumeSuffix(&inode, "]") &&
          inodes.contains(std::string(inode))) {
        pids.push_back(pid);
        break;
      }
    }
  }
  return listeners;
}

std::string ProcessName(int pid) {
  std::ifstream in(absl::StrCat("/proc/", pid, "/comm"));
  std::string name;
  std::getline(in, name);
  return name;
}

std::optional<uid_t> ProcessUid(int pid) {
  struct stat process;
  if (stat(absl::StrCat("/proc/", pid).c_str(), &process) != 0) return std::nullopt;
  return process.st_uid;
}

}  // namespace junheng::server
