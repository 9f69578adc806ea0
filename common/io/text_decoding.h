#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace junheng::io {

// The encodings a text file given to junheng may be in: what Excel and WPS on Chinese Windows
// save ("CSV UTF-8" with a byte-order mark, "Unicode text" as UTF-16 LE, plain "CSV" in the ANSI
// code page, which is GBK), what Linux tools write (UTF-8), and what Notepad offers.
enum class TextEncoding {
  kUtf8,     // no byte-order mark, every byte sequence valid UTF-8
  kUtf8Bom,  // EF BB BF
  kUtf16Le,  // FF FE
  kUtf16Be,  // FE FF
  kGb18030,  // no byte-order mark, not UTF-8: GB18030, a superset of GBK and GB2312
};

// "UTF-8", "UTF-8 with BOM", "UTF-16 LE", "UTF-16 BE", "GB18030 (GBK)".
absl::string_view EncodingName(TextEncoding encoding);

struct DecodedText {
  std::string text;  // UTF-8, without the byte-order mark
  TextEncoding encoding;
};

// Decodes the bytes of a text file to UTF-8: by its byte-order mark when it has one, else as
// UTF-8 when all of it is valid UTF-8, else as GB18030 (through iconv). It never guesses in a way
// that stores mojibake: INVALID_ARGUMENT, with a sentence naming the first offending line and
// ending in SaveAsAdvice(), when bytes are invalid in the encoding the mark names or in both UTF-8
// and GB18030, when the bytes hold NUL characters outside UTF-16 (not a text file, or UTF-16
// without its mark), and when lines of valid UTF-8 Chinese text sit beside lines that are not
// UTF-8 (a file pieced together from two encodings). Empty input decodes to empty UTF-8 text.
[[nodiscard]] absl::StatusOr<DecodedText> DecodeText(absl::string_view bytes);

// Whether `text` is valid UTF-8: no stray continuation bytes, truncated sequences, overlong forms,
// surrogates or code points above U+10FFFF.
bool IsValidUtf8(absl::string_view text);

}  // namespace junheng::io
