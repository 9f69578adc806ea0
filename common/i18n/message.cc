#include "common/i18n/message.h"

#include "common/i18n/validation_messages.h"

namespace junheng::i18n {

const Msg* FindMsg(absl::string_view id) {
  for (const Msg* msg : validation::kAll) {
    if (msg->id == id) return msg;
  }
  return nullptr;
}

absl::string_view Colon() { return CurrentLang() == Lang::kEn ? ": " : "："; }

absl::string_view ListComma() { return CurrentLang() == Lang::kEn ? ", " : "、"; }

std::string Fill(absl::string_view pattern, absl::Span<const std::string> args) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '$' && i + 1 < pattern.size()) {
      char next = pattern[i + 1];
      if (next == '$') {
        out += '$';
        ++i;
        continue;
      }
      if (next >= '0' && next <= '9') {
        size_t n = next - '0';
        if (n < args.size()) out += args[n];
        ++i;
        continue;
      }
    }
    out += c;
  }
  return out;
}

}  // namespace junheng::i18n
