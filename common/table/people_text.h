#pragma once

#include <string>
#include <string_view>

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

// 2595200 → "2,595,200" with thousands = true; 84.8 with decimals = 1 → "84.8". decimals < 0
// writes the shortest digits that read back as the same number, never with an exponent.
std::string PeopleNumber(double value, int decimals = -1, bool thousands = false);

}  // namespace junheng::table
