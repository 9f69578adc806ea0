#pragma once

#include <initializer_list>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "grpcpp/server_context.h"
#include "grpcpp/support/server_callback.h"

namespace junheng::server {

// Finishes a unary callback call with `status` mapped to its canonical gRPC code.
grpc::ServerUnaryReactor* Finish(grpc::CallbackServerContext* context, const absl::Status& status);

// INVALID_ARGUMENT naming the first (field, value) pair that is not a valid code: county_code must
// be a 6-digit division code, every other field a code as validate::IsValidCode defines it.
absl::Status CheckCodes(
    std::initializer_list<std::pair<absl::string_view, absl::string_view>> codes);

}  // namespace junheng::server
