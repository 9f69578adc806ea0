#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "junheng/v1/storage.pb.h"

namespace junheng::storage {

// The audit log of each county is a hash chain. An entry's entry_hash is the SHA-256 (lowercase
// hex) of its deterministic protobuf serialization with entry_hash cleared, so it covers seq,
// time, actor, action, target, content_hash and previous_hash; previous_hash is the entry_hash of
// the county's previous entry, "" for the first. Rewriting any stored entry, or removing or
// inserting one, breaks the chain at that entry or the next.
std::string AuditEntryHash(const junheng::v1::AuditEntry& entry);

// Where a chain breaks: the sequence number of the first entry that does not verify and why.
struct AuditChainBreak {
  int64_t seq = 0;
  std::string reason;
};

// Walks one county's entries in the order stored (sequence order) and returns the first broken
// link, or nullopt when every entry verifies.
std::optional<AuditChainBreak> VerifyAuditChain(
    const std::vector<junheng::v1::AuditEntry>& entries);

}  // namespace junheng::storage
