#pragma once

#include <string>
#include <string_view>

#include "common/i18n/numbers.h"

namespace junheng::table {

// Numbers and columns as a person reads them in a terminal.

// Columns a terminal gives `utf8`: 2 for a Chinese character or a full-width sign, 1 otherwise,
// 0 for combining marks. Hand-written because glibc's wcwidth depends on the process locale,
// which is "C" for a clerk's scheduled task; the ranges are Unicode's East Asian Wide and
// Fullwidth blocks.
int DisplayWidth(std::string_view utf8);

// `text` padded with spaces to `width` display columns, on the right (left-aligned text) or on
// the left (right-aligned numbers).
std::string PadRight(std::string_view text, int width);
std::string PadLeft(std::string_view text, int width);

// Numbers for people live with the messages (common/i18n/numbers.h), so that the server's
// messages write them the same way without linking the xlsx code of this library.
using i18n::PeopleNumber;

}  // namespace junheng::table
