#pragma once

#include <string>
#include <string_view>

#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace junheng::hash {

// Lowercase hex SHA-256 of `bytes` (OpenSSL).
std::string Sha256Hex(absl::string_view bytes);

// SHA-256 of a message's deterministic serialization: equal messages hash equal, whatever order
// their fields were set in. Used for report content hashes and evaluation input hashes.
std::string MessageHash(const google::protobuf::Message& message);

}  // namespace junheng::hash
