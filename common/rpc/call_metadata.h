#pragma once

// Metadata keys of junheng's calls besides the token ("authorization") and the language
// (i18n::kLangMetadataKey), shared by the server's interceptor, its HTTP API gateway and clients.

namespace junheng::rpc {

// Trailing metadata of every answer of junheng-server: the call's request id, which its log line
// carries and an error's message ends with (server/rpc/call_interceptor.h).
inline constexpr char kRequestIdMetadataKey[] = "junheng-request-id";

// Sent by the server's HTTP API gateway with each call it makes in-process: the address of the
// browser or script, for the call's log line. The server believes it only from its in-process
// channel.
inline constexpr char kHttpPeerMetadataKey[] = "junheng-http-peer";

}  // namespace junheng::rpc
