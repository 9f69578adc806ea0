#pragma once

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/struct.pb.h"

namespace junheng::server::http {

// An answer of the HTTP door, before any HTTP library sees it.
struct HttpAnswer {
  int status = 200;
  std::string content_type;
  std::string body;
  // Extra headers (Set-Cookie, Retry-After, ...); the listener adds the security headers.
  std::vector<std::pair<std::string, std::string>> headers;
};

// The Connect protocol's unary rules (https://connectrpc.com/docs/protocol) that the API answers
// by: an error is a JSON object {"code": "<name>", "message": "..."} with the HTTP status of its
// code.

// "permission_denied" for PERMISSION_DENIED, ...; "unknown" for a code outside the canonical set.
absl::string_view ConnectCodeName(absl::StatusCode code);

// The HTTP status Connect gives a code: 401 unauthenticated, 403 permission_denied, 400
// invalid_argument / failed_precondition / out_of_range, 404 not_found, 409 already_exists /
// aborted, 429 resource_exhausted, 499 canceled, 501 unimplemented, 503 unavailable, 504
// deadline_exceeded, 500 the others.
int HttpStatusOf(absl::StatusCode code);

// The error answer of `status` (which must not be OK).
HttpAnswer ErrorAnswer(const absl::Status& status);

// `value` (a google.protobuf.Struct) as compact JSON: the door's own small answers.
std::string StructJson(const google::protobuf::Struct& value);

}  // namespace junheng::server::http
