#include "tests/testing/server_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "client/rpc/connection.h"

extern char** environ;

namespace junheng::testing {
namespace {

constexpr char kCounty[] = "140430";

}  // namespace

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

absl::StatusOr<pid_t> SpawnLogged(const std::vector<std::string>& argv,
                                  const std::string& log_path) {
  std::vector<std::string> args = argv;
  std::vector<char*> pointers;
  for (auto& a : args) pointers.push_back(a.data());
  pointers.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_path.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = -1;
  const int spawned =
      ::posix_spawnp(&pid, pointers[0], &actions, nullptr, pointers.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot start ", argv.front(), ": errno ", spawned));
  }
  return pid;
}

ServerProcess::ServerProcess(std::string binary, std::string data_dir, std::string log_path,
                             std::vector<std::string> extra_args)
    : binary_(std::move(binary)),
      data_dir_(std::move(data_dir)),
      log_path_(std::move(log_path)),
      extra_args_(std::move(extra_args)),
      port_(PickFreePort()) {}

ServerProcess::~ServerProcess() { Kill(SIGKILL); }

std::string ServerProcess::address() const { return absl::StrCat("127.0.0.1:", port_); }

absl::Status ServerProcess::IssueToken() {
  const std::string command =
      absl::StrCat("'", binary_, "' token issue --data-dir '", data_dir_,
                   "' --role bureau_admin --county ", kCounty, " 2>>'", log_path_, "'");
  FILE* issued = ::popen(command.c_str(), "r");
  if (issued == nullptr) return absl::InternalError(absl::StrCat("cannot run ", command));
  char line[512] = {};
  if (std::fgets(line, sizeof(line), issued) != nullptr) security_.token = line;
  ::pclose(issued);
  while (!security_.token.empty() && security_.token.back() == '\n') security_.token.pop_back();
  if (security_.token.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat("`", command, "` printed no token; see ", log_path_));
  }
  return absl::OkStatus();
}

absl::Status ServerProcess::Start(absl::Duration timeout) {
  if (security_.token.empty()) {
    if (absl::Status issued = IssueToken(); !issued.ok()) return issued;
  }
  const std::string listen = address();
  std::vector<std::string> args = {binary_, "--data-dir",           data_dir_,      "--listen",
                                   listen,  "--insecure-plaintext", "--rate-limit", "0"};
  args.insert(args.end(), extra_args_.begin(), extra_args_.end());
  auto spawned = SpawnLogged(args, log_path_);
  if (!spawned.ok()) return spawned.status();
  pid_ = *spawned;

  const absl::Time until = absl::Now() + timeout;
  while (absl::Now() < until) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return absl::FailedPreconditionError(
          absl::StrCat("junheng-server exited during start-up; see ", log_path_));
    }
    client::Connection probe(listen, absl::Milliseconds(500), security_);
    v1::ListPeriodsRequest request;
    request.set_county_code(kCounty);
    if (probe.Call(&v1::BureauService::Stub::ListPeriods, request).ok()) return absl::OkStatus();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return absl::DeadlineExceededError(absl::StrCat(
      "junheng-server did not answer within ", absl::FormatDuration(timeout), "; see ", log_path_));
}

int ServerProcess::Kill(int signal) {
  if (pid_ <= 0) return 0;
  ::kill(pid_, signal);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return status;
}

void ServerProcess::Stop(absl::Duration grace) {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  const absl::Time until = absl::Now() + grace;
  int status = 0;
  while (::waitpid(pid_, &status, WNOHANG) == 0) {
    if (absl::Now() > until) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  pid_ = -1;
}

absl::StatusOr<double> ServerProcess::CpuSeconds() const {
  std::ifstream in(absl::StrCat("/proc/", pid_, "/stat"));
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // The command name, in parentheses, may hold spaces; the fields are counted after it.
  const size_t close = stat.rfind(')');
  if (pid_ <= 0 || close == std::string::npos) {
    return absl::NotFoundError(absl::StrCat("no /proc/", pid_, "/stat"));
  }
  const std::vector<std::string> fields =
      absl::StrSplit(stat.substr(close + 2), ' ', absl::SkipEmpty());
  // After the name: state is field 3 of proc(5), so utime (14) and stime (15) are at 11 and 12.
  int64_t utime = 0, stime = 0;
  if (fields.size() < 13 || !absl::SimpleAtoi(fields[11], &utime) ||
      !absl::SimpleAtoi(fields[12], &stime)) {
    return absl::DataLossError(absl::StrCat("unexpected /proc/", pid_, "/stat"));
  }
  return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

absl::StatusOr<int64_t> ServerProcess::RssBytes() const {
  std::ifstream in(absl::StrCat("/proc/", pid_, "/status"));
  std::string line;
  while (pid_ > 0 && std::getline(in, line)) {
    if (!absl::StartsWith(line, "VmRSS:")) continue;
    std::vector<std::string> parts = absl::StrSplit(line, ' ', absl::SkipEmpty());
    int64_t kb = 0;
    if (parts.size() >= 2 && absl::SimpleAtoi(parts[1], &kb)) return kb * 1024;
  }
  return absl::NotFoundError(absl::StrCat("no VmRSS in /proc/", pid_, "/status"));
}

}  // namespace junheng::testing
