#include "common/rpc/grpc_status.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace junheng {

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), std::string(status.message()));
}

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  const auto code = static_cast<absl::StatusCode>(status.error_code());
  if (!status.error_message().empty()) return absl::Status(code, status.error_message());
  return absl::Status(
      code, absl::StrCat("the server gave no reason (status ", absl::StatusCodeToString(code),
                         ", as gRPC answers a request the server cannot read); check that this "
                         "junheng is the server's version, or ask the operator to look at the "
                         "server log"));
}

}  // namespace junheng
