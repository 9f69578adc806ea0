#include "common/rpc/grpc_status.h"

#include <string>

#include "common/i18n/server_messages.h"

namespace junheng {

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), std::string(status.message()));
}

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  const auto code = static_cast<absl::StatusCode>(status.error_code());
  if (!status.error_message().empty()) return absl::Status(code, status.error_message());
  return absl::Status(code, i18n::Say(i18n::server::kNoReason, absl::StatusCodeToString(code)));
}

}  // namespace junheng
