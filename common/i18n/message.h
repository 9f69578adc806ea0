#pragma once

#include <string>

#include "absl/strings/string_view.h"
#include "absl/strings/substitute.h"
#include "absl/types/span.h"
#include "common/i18n/lang.h"

namespace junheng::i18n {

// One sentence of the catalogue in both languages, with $0 … $9 where values go
// (absl::Substitute). `id` names it in data that outlives the process, such as a validation
// issue stored with a report, so that a reader can show it in their own language.
struct Msg {
  absl::string_view id;
  absl::string_view zh;
  absl::string_view en;

  absl::string_view In(Lang lang) const { return lang == Lang::kEn ? en : zh; }
};

// The message in the current language (CurrentLang) with its values put in.
template <typename... Args>
std::string Say(const Msg& msg, const Args&... args) {
  return absl::Substitute(msg.In(CurrentLang()), args...);
}
inline std::string Say(const Msg& msg) { return std::string(msg.In(CurrentLang())); }

// The same in a given language.
template <typename... Args>
std::string SayIn(Lang lang, const Msg& msg, const Args&... args) {
  return absl::Substitute(msg.In(lang), args...);
}

// `pattern` with $0 … $9 replaced by args (missing ones by nothing) and $$ by $: for values
// kept as text, such as a stored issue's arguments.
std::string Fill(absl::string_view pattern, absl::Span<const std::string> args);

// The message of the catalogue whose id is `id`, or nullptr.
const Msg* FindMsg(absl::string_view id);

// "：" after a Chinese phrase, ": " after an English one.
absl::string_view Colon();

// Between the items of a list: "、" in Chinese (text、json), ", " in English (text, json).
absl::string_view ListComma();

}  // namespace junheng::i18n
