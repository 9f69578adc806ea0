#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

namespace junheng::testing {

// A TCP proxy on loopback that damages the connections it carries, for network-fault tests.
// For every chunk of bytes it forwards (in either direction) it may:
// - delay it by up to `max_delay_ms`;
// - reset the connection (RST to both sides, as a NAT box or flaky modem does);
// - drop it and every later byte of the connection (a black hole: the peer waits for its
//   deadline), closing the connection after `blackhole_ms`.
class FaultProxy {
 public:
  struct Faults {
    double reset_probability = 0.05;
    double drop_probability = 0.03;
    int max_delay_ms = 20;
    int blackhole_ms = 1500;
    uint32_t seed = 1;
  };
  struct Stats {
    int64_t connections = 0;
    int64_t chunks = 0;
    int64_t resets = 0;
    int64_t drops = 0;
  };

  // Listens on 127.0.0.1:<free port> and forwards to 127.0.0.1:`target_port`.
  FaultProxy(int target_port, Faults faults);
  ~FaultProxy();  // stops and joins every thread
  FaultProxy(const FaultProxy&) = delete;
  FaultProxy& operator=(const FaultProxy&) = delete;

  int port() const { return port_; }
  Stats stats() const;

 private:
  enum class Action { kForward, kReset, kDrop };
  void AcceptLoop();
  void Pump(int client, int server);
  Action Decide(int* delay_ms);

  int target_port_;
  Faults faults_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread acceptor_;
  mutable std::mutex mu_;
  std::mt19937 rng_;
  Stats stats_;
  std::vector<std::thread> pumps_;
};

}  // namespace junheng::testing
