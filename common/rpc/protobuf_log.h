#pragma once

namespace junheng {

// Makes libprotobuf drop its own log lines ("[libprotobuf ERROR ...] String field ... contains
// invalid UTF-8 data") instead of printing them to stderr, where a clerk or the bureau would read
// them. Whatever protobuf complains about reaches people as a status the code turns into a
// sentence; the lines themselves name protobuf's internals. Not thread-safe (protobuf's
// SetLogHandler is not): call it at the start of main, before any thread starts.
void DropProtobufLogs();

// The same for gRPC's own log lines ("E1205 ... ssl_transport_security.cc ... Handshake failed"):
// a failed call reaches the person as a sentence (rpc::DescribeConnectFailure). Unless
// $GRPC_VERBOSITY or $GRPC_TRACE is set, so that an operator can still ask gRPC to speak.
void DropGrpcLogs();

}  // namespace junheng
