#include "common/table/people_text.h"

#include <algorithm>

namespace junheng::table {
namespace {

// Decodes the UTF-8 sequence at text[*pos] and moves past it; an invalid byte counts as one
// character of its own.
char32_t NextCodePoint(std::string_view text, size_t* pos) {
  unsigned char lead = text[*pos];
  int length = lead < 0x80           ? 1
               : (lead >> 5) == 0x6  ? 2
               : (lead >> 4) == 0xE  ? 3
               : (lead >> 3) == 0x1E ? 4
                                     : 1;
  if (*pos + length > text.size()) length = 1;
  char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
  for (int i = 1; i < length; ++i)
    cp = (cp << 6) | (static_cast<unsigned char>(text[*pos + i]) & 0x3F);
  *pos += length;
  return cp;
}

bool IsWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool IsCombining(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || c == 0xFEFF;
}

}  // namespace

int DisplayWidth(std::string_view utf8) {
  int width = 0;
  for (size_t pos = 0; pos < utf8.size();) {
    char32_t c = NextCodePoint(utf8, &pos);
    width += IsCombining(c) ? 0 : IsWide(c) ? 2 : 1;
  }
  return width;
}

std::string PadRight(std::string_view text, int width) {
  std::string out(text);
  out.append(std::max(0, width - DisplayWidth(text)), ' ');
  return out;
}

std::string PadLeft(std::string_view text, int width) {
  std::string out(std::max(0, width - DisplayWidth(text)), ' ');
  out += text;
  return out;
}

}  // namespace junheng::table
