#pragma once

#include <string>

#include "absl/strings/string_view.h"
#include "common/time/clock.h"
#include "google/protobuf/message.h"
#include "junheng/v1/storage.pb.h"

namespace junheng::server {

// An audit entry for a mutation: now, who, what, on which target, and the hash of the content
// written. The store assigns the sequence number when it writes the entry with the change.
junheng::v1::AuditEntry MakeAudit(const Clock& clock, absl::string_view actor,
                                  absl::string_view action, std::string target,
                                  const google::protobuf::Message& content);
// The same, with the content's hash::MessageHash already made (a report's content_hash).
junheng::v1::AuditEntry MakeAudit(const Clock& clock, absl::string_view actor,
                                  absl::string_view action, std::string target,
                                  std::string content_hash);

}  // namespace junheng::server
