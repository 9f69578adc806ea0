#pragma once

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace junheng {

// absl and gRPC share the canonical code numbering, so codes map one to one.
grpc::Status ToGrpcStatus(const absl::Status& status);
absl::Status FromGrpcStatus(const grpc::Status& status);

}  // namespace junheng
