#pragma once

// Text in the encodings people's files arrive in, made from UTF-8 literals with glibc's iconv, so
// that a test says 沁县第一中学 and gets the GBK or UTF-16 bytes Excel would have saved.

#include <iconv.h>

#include <string>
#include <string_view>

namespace junheng::testing {

// `utf8` converted to `encoding` ("GB18030", "GBK", "UTF-16LE", "UTF-16BE"); aborts the test
// binary if iconv cannot convert it, which only a broken test would ask for.
inline std::string Encode(const char* encoding, std::string_view utf8) {
  iconv_t cd = iconv_open(encoding, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) std::abort();
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size();
  char* dest = out.data();
  size_t dest_left = out.size();
  if (iconv(cd, &in, &in_left, &dest, &dest_left) == static_cast<size_t>(-1)) std::abort();
  iconv_close(cd);
  out.resize(out.size() - dest_left);
  return out;
}

// UTF-16 with its byte-order mark, as Excel saves "Unicode text".
inline std::string Utf16LeWithBom(std::string_view utf8) {
  return std::string("\xFF\xFE", 2) + Encode("UTF-16LE", utf8);
}
inline std::string Utf16BeWithBom(std::string_view utf8) {
  return std::string("\xFE\xFF", 2) + Encode("UTF-16BE", utf8);
}

}  // namespace junheng::testing
