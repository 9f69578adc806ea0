#pragma once

#include "common/i18n/lang.h"

namespace junheng::testing {

// Included by a test whose expectations are English sentences: the process writes English, as
// with `junheng --lang en`. (Chinese is the product's default; tests of it say so.)
inline const bool kEnglishMessages = (i18n::SetProcessLang(i18n::Lang::kEn), true);

}  // namespace junheng::testing
