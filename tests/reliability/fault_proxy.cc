#include "tests/reliability/fault_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

namespace junheng::testing {
namespace {

void Reset(int fd) {
  linger hard{1, 0};  // close with RST
  ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof(hard));
  ::close(fd);
}

bool WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

FaultProxy::FaultProxy(int target_port, Faults faults)
    : target_port_(target_port), faults_(faults), rng_(faults.seed) {
  listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int one = 1;
  ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  ::listen(listener_, 128);
  socklen_t len = sizeof(addr);
  ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  acceptor_ = std::thread([this] { AcceptLoop(); });
}

FaultProxy::~FaultProxy() {
  stop_ = true;
  acceptor_.join();
  ::close(listener_);
  std::vector<std::thread> pumps;
  {
    std::lock_guard lock(mu_);
    pumps.swap(pumps_);
  }
  for (auto& t : pumps) t.join();
}

FaultProxy::Stats FaultProxy::stats() const {
  std::lock_guard lock(mu_);
  return stats_;
}

FaultProxy::Action FaultProxy::Decide(int* delay_ms) {
  std::lock_guard lock(mu_);
  ++stats_.chunks;
  const double roll = std::uniform_real_distribution<double>(0, 1)(rng_);
  *delay_ms = faults_.max_delay_ms > 0
                  ? std::uniform_int_distribution<int>(0, faults_.max_delay_ms)(rng_)
                  : 0;
  if (roll < faults_.reset_probability) {
    ++stats_.resets;
    return Action::kReset;
  }
  if (roll < faults_.reset_probability + faults_.drop_probability) {
    ++stats_.drops;
    return Action::kDrop;
  }
  return Action::kForward;
}

void FaultProxy::AcceptLoop() {
  while (!stop_.load()) {
    pollfd p{listener_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) continue;
    const int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(target_port_));
    if (::connect(server, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
      ::close(server);
      Reset(client);
      continue;
    }
    int one = 1;
    ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    ::setsockopt(server, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    std::lock_guard lock(mu_);
    ++stats_.connections;
    pumps_.emplace_back([this, client, server] { Pump(client, server); });
  }
}

void FaultProxy::Pump(int client, int server) {
  char buffer[16384];
  bool blackhole = false;
  auto blackhole_until = std::chrono::steady_clock::now();
  while (!stop_.load()) {
    pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
    const int ready = ::poll(fds, 2, 100);
    if (blackhole && std::chrono::steady_clock::now() >= blackhole_until) break;
    if (ready <= 0) continue;
    for (int i = 0; i < 2; ++i) {
      if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      const ssize_t n = ::recv(fds[i].fd, buffer, sizeof(buffer), 0);
      if (n <= 0) {  // one side closed: close both
        ::close(client);
        ::close(server);
        return;
      }
      if (blackhole) continue;  // swallow everything
      int delay_ms = 0;
      switch (Decide(&delay_ms)) {
        case Action::kReset:
          Reset(client);
          Reset(server);
          return;
        case Action::kDrop:
          blackhole = true;
          blackhole_until =
              std::chrono::steady_clock::now() + std::chrono::milliseconds(faults_.blackhole_ms);
          continue;
        case Action::kForward:
          break;
      }
      if (delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
      if (!WriteAll(fds[1 - i].fd, buffer, static_cast<size_t>(n))) {
        ::close(client);
        ::close(server);
        return;
      }
    }
  }
  ::close(client);
  ::close(server);
}

}  // namespace junheng::testing
