#include "server/storage/audit_chain.h"

#include "absl/strings/str_cat.h"
#include "common/hash/sha256.h"

namespace junheng::storage {

std::string AuditEntryHash(const junheng::v1::AuditEntry& entry) {
  junheng::v1::AuditEntry copy = entry;
  copy.clear_entry_hash();
  return hash::MessageHash(copy);
}

std::optional<AuditChainBreak> VerifyAuditChain(
    const std::vector<junheng::v1::AuditEntry>& entries) {
  std::string previous_hash;
  int64_t previous_seq = 0;
  for (const auto& entry : entries) {
    if (entry.entry_hash().empty()) {
      return AuditChainBreak{entry.seq(),
                             "the entry has no hash (removed, or written before the "
                             "hash chain existed)"};
    }
    if (entry.seq() <= previous_seq) {
      return AuditChainBreak{
          entry.seq(), absl::StrCat("seq ", entry.seq(), " does not follow seq ", previous_seq)};
    }
    if (entry.previous_hash() != previous_hash) {
      return AuditChainBreak{
          entry.seq(),
          previous_seq == 0
              ? std::string(
                    "the first entry names a previous entry: entries before it were removed")
              : absl::StrCat("previous_hash does not match the entry_hash of seq ", previous_seq,
                             ": an entry between them was removed or inserted, or seq ",
                             previous_seq, " was rewritten")};
    }
    if (AuditEntryHash(entry) != entry.entry_hash()) {
      return AuditChainBreak{
          entry.seq(), "entry_hash does not match the entry's content: the entry was altered"};
    }
    previous_hash = entry.entry_hash();
    previous_seq = entry.seq();
  }
  return std::nullopt;
}

}  // namespace junheng::storage
