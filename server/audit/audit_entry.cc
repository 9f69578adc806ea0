#include "server/audit/audit_entry.h"

#include "common/hash/sha256.h"

namespace junheng::server {

junheng::v1::AuditEntry MakeAudit(const Clock& clock, absl::string_view actor,
                                  absl::string_view action, std::string target,
                                  const google::protobuf::Message& content) {
  return MakeAudit(clock, actor, action, std::move(target), hash::MessageHash(content));
}

junheng::v1::AuditEntry MakeAudit(const Clock& clock, absl::string_view actor,
                                  absl::string_view action, std::string target,
                                  std::string content_hash) {
  junheng::v1::AuditEntry entry;
  entry.set_time_unix_ms(absl::ToUnixMillis(clock.Now()));
  entry.set_actor(std::string(actor));
  entry.set_action(std::string(action));
  entry.set_target(std::move(target));
  entry.set_content_hash(std::move(content_hash));
  return entry;
}

}  // namespace junheng::server
