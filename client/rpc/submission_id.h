#pragma once

#include <string>

namespace junheng::client {

// A fresh submission id: 128 random bits from OpenSSL's CSPRNG as 32 lowercase hex digits, so
// ids from thousands of school PCs never collide.
std::string NewSubmissionId();

}  // namespace junheng::client
