#pragma once

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace junheng {

// absl and gRPC share the canonical code numbering, so codes map one to one and messages pass
// through unchanged.
grpc::Status ToGrpcStatus(const absl::Status& status);

// The same, except that an error without a message gets a sentence naming its code
// (i18n::server::kNoReason, in the current language): gRPC answers
// with an empty message when the server cannot parse a request (a string field that is not
// UTF-8, for one; UNIMPLEMENTED from gRPC 1.51's callback server), and a person must never be
// shown an empty "error: ".
absl::Status FromGrpcStatus(const grpc::Status& status);

}  // namespace junheng
