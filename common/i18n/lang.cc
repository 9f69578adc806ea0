#include "common/i18n/lang.h"

#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace junheng::i18n {
namespace {

Lang process_lang = Lang::kZh;
thread_local std::optional<Lang> call_lang;

}  // namespace

absl::StatusOr<Lang> ParseLang(absl::string_view word) {
  std::string lower = absl::AsciiStrToLower(word.substr(0, word.find_first_of("_-.@")));
  if (lower == "zh") return Lang::kZh;
  if (lower == "en") return Lang::kEn;
  return absl::InvalidArgumentError(
      absl::StrCat("--lang ", word, ": write zh (中文) or en (English)"));
}

Lang LangFromEnvironment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    absl::string_view v(value);
    if (v == "C" || v == "POSIX" || absl::StartsWith(v, "C.")) continue;
    absl::StatusOr<Lang> lang = ParseLang(v);
    return lang.ok() ? *lang : Lang::kZh;
  }
  return Lang::kZh;
}

Lang CurrentLang() { return call_lang.value_or(process_lang); }
void SetProcessLang(Lang lang) { process_lang = lang; }

LangScope::LangScope(Lang lang) : previous_(call_lang) { call_lang = lang; }
LangScope::~LangScope() { call_lang = previous_; }

absl::string_view LangWord(Lang lang) { return lang == Lang::kEn ? "en" : "zh"; }

}  // namespace junheng::i18n
