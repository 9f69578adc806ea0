#include "common/rpc/protobuf_log.h"

#include "google/protobuf/stubs/logging.h"

namespace junheng {
namespace {

void Drop(google::protobuf::LogLevel, const char*, int, const std::string&) {}

}  // namespace

void DropProtobufLogs() { google::protobuf::SetLogHandler(&Drop); }

}  // namespace junheng
