#pragma once

#include <atomic>
#include <chrono>
#include <thread>
#include <type_traits>

#include "absl/status/statusor.h"
#include "client/rpc/connection.h"

namespace junheng::testing {

// What an outbox does with a report through a server's crash or stop: sends the same request
// (the same submission_id) until the server answers it. An unreachable server
// (client::IsUnreachable: UNAVAILABLE, or CANCELLED for a call that arrived as it began to stop)
// is tried again after 20 ms, counted in `*retries` when given; the answer, or any other error,
// is returned. It never gives up: the crash tests restart the server.
template <typename Stub, typename Request, typename Response>
absl::StatusOr<Response> CallUntilAnswered(client::Connection& connection,
                                           client::UnaryMethod<Stub, Request, Response> method,
                                           const std::type_identity_t<Request>& request,
                                           std::atomic<int>* retries = nullptr) {
  while (true) {
    absl::StatusOr<Response> response = connection.Call(method, request);
    if (response.ok() || !client::IsUnreachable(response.status())) return response;
    if (retries != nullptr) ++*retries;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace junheng::testing
