#include "common/rpc/protobuf_log.h"

#include <cstdlib>

#include "google/protobuf/stubs/logging.h"
#include "grpc/support/log.h"

namespace junheng {
namespace {

void Drop(google::protobuf::LogLevel, const char*, int, const std::string&) {}

void DropGrpcLine(gpr_log_func_args*) {}

}  // namespace

void DropProtobufLogs() { google::protobuf::SetLogHandler(&Drop); }

void DropGrpcLogs() {
  if (std::getenv("GRPC_VERBOSITY") != nullptr || std::getenv("GRPC_TRACE") != nullptr) return;
  gpr_set_log_function(&DropGrpcLine);
}

}  // namespace junheng
