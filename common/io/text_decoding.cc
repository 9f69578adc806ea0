#include "common/io/text_decoding.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/i18n/file_messages.h"
#include "common/io/table.h"

namespace junheng::io {
namespace {

constexpr absl::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr absl::string_view kUtf16LeBom = "\xFF\xFE";
constexpr absl::string_view kUtf16BeBom = "\xFE\xFF";

// The length of the valid UTF-8 sequence at the start of `s`, or 0 when it is not one.
size_t Utf8SequenceLength(absl::string_view s) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(s[i]); };
  const uint8_t lead = byte(0);
  if (lead < 0x80) return 1;
  size_t length;
  uint8_t min_second = 0x80, max_second = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) min_second = 0xA0;  // overlong
    if (lead == 0xED) max_second = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) min_second = 0x90;  // overlong
    if (lead == 0xF4) max_second = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (s.size() < length || byte(1) < min_second || byte(1) > max_second) return 0;
  for (size_t i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  }
  return length;
}

// The offset of the first byte that does not start a valid UTF-8 sequence, or npos.
size_t FirstInvalidUtf8(absl::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    size_t length = Utf8SequenceLength(text.substr(pos));
    if (length == 0) return pos;
    pos += length;
  }
  return absl::string_view::npos;
}

// The 1-based line of `offset` in `text`: one more than the newlines before it.
int LineAt(absl::string_view text, size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

// Whether the line is valid UTF-8 and holds a sequence of three or four bytes (Chinese text
// is). GBK text of two-byte characters can pass as UTF-8 by chance ("小学" in GBK is D0 A1 D1 A7,
// two valid two-byte sequences), a longer sequence as well only very rarely.
bool IsUtf8Evidence(absl::string_view line) {
  bool long_sequence = false;
  for (size_t pos = 0; pos < line.size();) {
    size_t length = Utf8SequenceLength(line.substr(pos));
    if (length == 0) return false;
    long_sequence |= length >= 3;
    pos += length;
  }
  return long_sequence;
}

// The offset of the first character of Greek or a later script written as two UTF-8 bytes
// (U+0370 to U+07FF), in text of no longer sequences; npos otherwise. Such text may be GBK whose
// bytes happen to be valid UTF-8: "小学" in GBK (D0 A1 D1 A7) reads as "Сѧ" in UTF-8. The
// Latin-1 and Latin Extended letters below U+0370 are taken as UTF-8: m², °, ü in pinyin.
size_t FirstAmbiguousWithGbk(absl::string_view text) {
  size_t first = absl::string_view::npos;
  for (size_t pos = 0; pos < text.size();) {
    size_t length = Utf8SequenceLength(text.substr(pos));
    if (length >= 3) return absl::string_view::npos;
    const uint32_t code = length == 2 ? ((static_cast<uint8_t>(text[pos]) & 0x1F) << 6) |
                                            (static_cast<uint8_t>(text[pos + 1]) & 0x3F)
                                      : 0;
    if (code >= 0x370 && first == absl::string_view::npos) first = pos;
    pos += length;
  }
  return first;
}

struct Converted {
  std::string text;
  // Where conversion stopped on bytes invalid in `from`: the line, counted in the output so far.
  int bad_line = 0;
};

// Converts `bytes` from the iconv encoding `from` to UTF-8.
absl::StatusOr<Converted> ToUtf8(const char* from, absl::string_view bytes) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return absl::InternalError(absl::StrCat("iconv cannot convert from ", from));
  }
  Converted out;
  out.text.resize(bytes.size() * 2 + 16);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  size_t written = 0;
  while (in_left > 0) {
    char* dest = out.text.data() + written;
    size_t dest_left = out.text.size() - written;
    size_t result = iconv(cd, &in, &in_left, &dest, &dest_left);
    written = out.text.size() - dest_left;
    if (result != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.text.resize(out.text.size() * 2);
      continue;
    }
    // EILSEQ (an invalid sequence) or EINVAL (a sequence cut off at the end of the file).
    out.bad_line = LineAt(absl::string_view(out.text.data(), written), written);
    break;
  }
  iconv_close(cd);
  out.text.resize(written);
  return out;
}

absl::Status NotText(int line, absl::string_view what) {
  return absl::InvalidArgumentError(
      i18n::Say(i18n::file::kNotText, i18n::Say(i18n::file::kLine, line), what, SaveAsAdvice()));
}

absl::StatusOr<DecodedText> DecodeUtf16(absl::string_view bytes, TextEncoding encoding) {
  absl::StatusOr<Converted> converted =
      ToUtf8(encoding == TextEncoding::kUtf16Le ? "UTF-16LE" : "UTF-16BE", bytes);
  if (!converted.ok()) return converted.status();
  if (converted->bad_line > 0) {
    return NotText(converted->bad_line, i18n::Say(i18n::file::kBadUtf16));
  }
  return DecodedText{std::move(converted->text), encoding};
}

}  // namespace

absl::string_view EncodingName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8:
      return "UTF-8";
    case TextEncoding::kUtf8Bom:
      return "UTF-8 with BOM";
    case TextEncoding::kUtf16Le:
      return "UTF-16 LE";
    case TextEncoding::kUtf16Be:
      return "UTF-16 BE";
    case TextEncoding::kGb18030:
      return "GB18030 (GBK)";
  }
  return "unknown";
}

bool IsValidUtf8(absl::string_view text) {
  return FirstInvalidUtf8(text) == absl::string_view::npos;
}

absl::StatusOr<DecodedText> DecodeText(absl::string_view bytes) {
  if (absl::StartsWith(bytes, kUtf16LeBom)) {
    return DecodeUtf16(bytes.substr(kUtf16LeBom.size()), TextEncoding::kUtf16Le);
  }
  if (absl::StartsWith(bytes, kUtf16BeBom)) {
    return DecodeUtf16(bytes.substr(kUtf16BeBom.size()), TextEncoding::kUtf16Be);
  }
  if (size_t nul = bytes.find('\0'); nul != absl::string_view::npos) {
    return NotText(LineAt(bytes, nul), i18n::Say(i18n::file::kNulBytes));
  }
  if (absl::StartsWith(bytes, kUtf8Bom)) {
    absl::string_view text = bytes.substr(kUtf8Bom.size());
    if (size_t bad = FirstInvalidUtf8(text); bad != absl::string_view::npos) {
      return NotText(LineAt(text, bad), i18n::Say(i18n::file::kBadUtf8Bom));
    }
    return DecodedText{std::string(text), TextEncoding::kUtf8Bom};
  }
  size_t bad = FirstInvalidUtf8(bytes);
  if (bad == absl::string_view::npos) {
    size_t ambiguous = FirstAmbiguousWithGbk(bytes);
    if (ambiguous != absl::string_view::npos) {
      absl::StatusOr<Converted> as_gbk = ToUtf8("GB18030", bytes);
      if (as_gbk.ok() && as_gbk->bad_line == 0) {
        return NotText(LineAt(bytes, ambiguous), i18n::Say(i18n::file::kAmbiguous));
      }
    }
    return DecodedText{std::string(bytes), TextEncoding::kUtf8};
  }

  const int bad_line = LineAt(bytes, bad);
  for (size_t pos = 0, line = 1; pos < bytes.size(); ++line) {
    size_t end = std::min(bytes.find('\n', pos), bytes.size());
    if (IsUtf8Evidence(bytes.substr(pos, end - pos))) {
      return NotText(bad_line, i18n::Say(i18n::file::kMixed, line));
    }
    pos = end + 1;
  }
  absl::StatusOr<Converted> converted = ToUtf8("GB18030", bytes);
  if (!converted.ok()) return converted.status();
  if (converted->bad_line > 0) {
    return NotText(converted->bad_line, "is neither UTF-8 nor GB18030 (GBK) text");
  }
  return DecodedText{std::move(converted->text), TextEncoding::kGb18030};
}

}  // namespace junheng::io
