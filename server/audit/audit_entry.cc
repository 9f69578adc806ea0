#include "server/audit/audit_entry.h"

#include "common/hash/sha256.h"

namespace junheng::server {

junheng::v1::AuditEntry MakeAudit(const Clock& clock, absl::string_view actor,
                                  absl::string_view action, std::string target,
                                  const google::protobuf::Message& content) {
  junheng::v1::AuditEntry entry;
  entry.set_time_unix_ms(absl::ToUnixMillis(clock.Now()));
  entry.set_actor(std::string(actor));
  entry.set_action(std::string(action));
  entry.set_target(std::move(target));
  entry.set_content_hash(hash::MessageHash(content));
  return entry;
}

}  // namespace junheng::server
