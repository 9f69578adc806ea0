#pragma once

#include <optional>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace junheng::i18n {

// The languages people read junheng in. Chinese is the default: the clerks and bureaus it is for
// work in Chinese; English is for the rest.
enum class Lang { kZh, kEn };

// "zh", "en", or a locale name such as "zh_CN.UTF-8" / "en_US.UTF-8" (the part before '_'); other
// words are INVALID_ARGUMENT naming the two choices.
[[nodiscard]] absl::StatusOr<Lang> ParseLang(absl::string_view word);

// The language the environment asks for: the first of LC_ALL, LC_MESSAGES and LANG that is set
// and not "C"/"POSIX"; English only when that names an English locale, Chinese otherwise.
Lang LangFromEnvironment();

// The language messages are written in now: the current call's (LangScope) if any, else the
// process's (SetProcessLang; Chinese until set).
Lang CurrentLang();
void SetProcessLang(Lang lang);

// The language of one server call, for the thread that handles it: messages built while it lives
// are in the caller's language.
class LangScope {
 public:
  explicit LangScope(Lang lang);
  ~LangScope();
  LangScope(const LangScope&) = delete;
  LangScope& operator=(const LangScope&) = delete;

 private:
  std::optional<Lang> previous_;
};

// The gRPC metadata key a client sends its language in, as "zh" or "en".
inline constexpr char kLangMetadataKey[] = "junheng-lang";
absl::string_view LangWord(Lang lang);

}  // namespace junheng::i18n
