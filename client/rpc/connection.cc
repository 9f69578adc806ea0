#include "client/rpc/connection.h"

#include <thread>

#include "absl/strings/str_cat.h"
#include "common/i18n/client_messages.h"
#include "common/rpc/connect_failure.h"
#include "common/rpc/grpc_status.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

namespace junheng::client {

bool IsUnreachable(const absl::Status& status) {
  // CANCELLED comes only from the server: this client never cancels its own calls. gRPC 1.51
  // answers so the calls that arrive while a server is shutting down (grpc/grpc#41785).
  return absl::IsUnavailable(status) || absl::IsDeadlineExceeded(status) ||
         absl::IsCancelled(status);
}

Connection::Connection(const std::string& address, absl::Duration deadline)
    : Connection(address, deadline, rpc::ChannelSecurity::PlaintextForTests()) {}

Connection::Connection(const std::string& address, absl::Duration deadline,
                       const rpc::ChannelSecurity& security)
    : address_(address), deadline_(deadline), security_(security) {
  // gRPC's reconnect backoff grows to 120 s by default; while it waits, every call fails at once.
  // An agent retrying an outbox over a rural link needs to notice within seconds that the
  // server is back, so reconnects are capped at 2 s (issue 5).
  args_.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 200);
  // gRPC 1.51 also takes this as the time a connection attempt may take. A TLS handshake under
  // load (26 clerks at once on a small server) needs more than 200 ms.
  args_.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, security.insecure_plaintext ? 200 : 5000);
  args_.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
  OpenChannel();
}

void Connection::OpenChannel() {
  auto made = rpc::MakeChannel(address_, security_, args_);
  if (!made.ok()) {
    setup_ = made.status();
    // A placeholder channel: every call returns setup_ before using it.
    made = grpc::CreateCustomChannel(address_, grpc::InsecureChannelCredentials(), args_);
  }
  channel_ = *made;
}

const absl::Status& Connection::Ready() {
  // A long-lived TLS channel (the agent's) whose server was unreachable can stay stuck in its
  // reconnect handshake after the server is back (seen with gRPC 1.51); a fresh channel connects
  // at once. Plain-text channels reconnect by themselves and are kept.
  if (setup_.ok() && !security_.insecure_plaintext) {
    const grpc_connectivity_state state = channel_->GetState(/*try_to_connect=*/false);
    if (state == GRPC_CHANNEL_TRANSIENT_FAILURE || state == GRPC_CHANNEL_CONNECTING) OpenChannel();
  }
  return setup_;
}

absl::Status Connection::Send(Attempt attempt, int attempts) {
  absl::Duration backoff = absl::Milliseconds(200);
  absl::Status result;
  for (int n = 1; n <= attempts; ++n) {
    result = Ready();
    if (result.ok()) {
      grpc::ClientContext context;
      context.set_deadline(absl::ToChronoTime(absl::Now() + deadline_));
      rpc::AddCallCredentials(security_, context);
      // The server writes its messages (refusals, validation) in the caller's language.
      context.AddMetadata(i18n::kLangMetadataKey, std::string(i18n::LangWord(i18n::CurrentLang())));
      result = FromGrpcStatus(attempt(channel_, context));
      if (absl::IsCancelled(result)) {
        result = absl::CancelledError(i18n::Say(i18n::client::kServerStopping, address_));
      }
      rpc::ConnectFailure failure = rpc::DescribeConnectFailure(address_, security_, result);
      result = failure.status;
      // A certificate or transport mismatch does not mend by waiting.
      if (failure.needs_a_setting) break;
    }
    if (!IsUnreachable(result)) break;
    if (n < attempts) {
      std::this_thread::sleep_for(absl::ToChronoNanoseconds(backoff));
      backoff *= 2;
    }
  }
  return result;
}

}  // namespace junheng::client
