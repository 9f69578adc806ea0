#pragma once

#include <cstddef>

#include "absl/status/status.h"
#include "google/protobuf/message.h"

namespace junheng::server::auth {

// Limits on what one request may carry, beyond gRPC's message size limit (ServerOptions): a
// hostile or broken client must not make the server store or process absurd values.
struct InputLimits {
  // Any string field. Codes are held to 64 bytes by the validators; this bounds free text
  // (names, comments, submitter).
  size_t max_string_bytes = 4096;
  // A profile's TOML text (EvaluateRequest.profile_toml).
  size_t max_profile_bytes = 1 << 20;
  // Any repeated field, e.g. the schools of one UpsertSchools (a county has a few hundred).
  int max_repeated = 10000;
};

// INVALID_ARGUMENT naming the first field (as a dotted path with indexes, e.g.
// "schools[3].school_name") over a limit, with its size and the limit; OK otherwise. Walks every
// set field of every nested message.
[[nodiscard]] absl::Status CheckInputLimits(const google::protobuf::Message& request,
                                            const InputLimits& limits = {});

}  // namespace junheng::server::auth
