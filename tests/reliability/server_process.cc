#include "tests/reliability/server_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "client/rpc/connection.h"

namespace junheng::testing {

int PickFreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  socklen_t len = sizeof(addr);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

ServerProcess::ServerProcess(std::string binary, std::string data_dir, std::string log_path)
    : binary_(std::move(binary)),
      data_dir_(std::move(data_dir)),
      log_path_(std::move(log_path)),
      port_(PickFreePort()) {}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Kill(SIGKILL);
}

std::string ServerProcess::address() const { return absl::StrCat("127.0.0.1:", port_); }

bool ServerProcess::Start(absl::Duration timeout) {
  const std::string listen = address();
  if (security_.token.empty()) {
    const std::string command =
        absl::StrCat("'", binary_, "' token issue --data-dir '", data_dir_,
                     "' --role bureau_admin --county 140430 2>>'", log_path_, "'");
    FILE* issued = ::popen(command.c_str(), "r");
    if (issued == nullptr) return false;
    char line[256] = {};
    if (std::fgets(line, sizeof(line), issued) != nullptr) security_.token = line;
    ::pclose(issued);
    while (!security_.token.empty() && (security_.token.back() == '\n')) security_.token.pop_back();
    if (security_.token.empty()) return false;
  }
  pid_ = ::fork();
  if (pid_ == 0) {
    const int log = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (log >= 0) {
      ::dup2(log, STDOUT_FILENO);
      ::dup2(log, STDERR_FILENO);
    }
    ::execl(binary_.c_str(), binary_.c_str(), "--data-dir", data_dir_.c_str(), "--listen",
            listen.c_str(), "--insecure-plaintext", "--rate-limit", "0",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  if (pid_ < 0) return false;
  const absl::Time until = absl::Now() + timeout;
  while (absl::Now() < until) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {  // exited during start-up
      pid_ = -1;
      return false;
    }
    client::Connection probe(listen, absl::Milliseconds(300), security_);
    v1::ListSchoolsRequest request;
    request.set_county_code("140430");
    if (probe.Call(&v1::RegistryService::Stub::ListSchools, request).ok()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

int ServerProcess::Kill(int signal) {
  if (pid_ <= 0) return 0;
  ::kill(pid_, signal);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return status;
}

}  // namespace junheng::testing
