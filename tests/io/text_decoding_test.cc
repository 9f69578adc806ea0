#include "common/io/text_decoding.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/encoded_text.h"
#include "tests/testing/english.h"

namespace junheng::io {
namespace {

using testing::Encode;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kText[] = "school_name,has_charter\n沁县第一中学,是\n";

TEST(TextDecodingTest, PlainUtf8IsTakenAsItIs) {
  auto decoded = DecodeText(kText);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(decoded->encoding, TextEncoding::kUtf8);
  EXPECT_EQ(decoded->text, kText);
}

TEST(TextDecodingTest, Utf8ByteOrderMarkIsRemoved) {
  auto decoded = DecodeText(std::string("\xEF\xBB\xBF") + kText);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(decoded->encoding, TextEncoding::kUtf8Bom);
  EXPECT_EQ(decoded->text, kText);
}

TEST(TextDecodingTest, Utf16LittleAndBigEndianByTheirMark) {
  auto le = DecodeText(testing::Utf16LeWithBom(kText));
  ASSERT_TRUE(le.ok()) << le.status();
  EXPECT_EQ(le->encoding, TextEncoding::kUtf16Le);
  EXPECT_EQ(le->text, kText);
  auto be = DecodeText(testing::Utf16BeWithBom(kText));
  ASSERT_TRUE(be.ok()) << be.status();
  EXPECT_EQ(be->encoding, TextEncoding::kUtf16Be);
  EXPECT_EQ(be->text, kText);
}

TEST(TextDecodingTest, GbkAndGb18030WithoutMarkAreDecoded) {
  for (const char* encoding : {"GBK", "GB18030"}) {
    auto decoded = DecodeText(Encode(encoding, kText));
    ASSERT_TRUE(decoded.ok()) << encoding << ": " << decoded.status();
    EXPECT_EQ(decoded->encoding, TextEncoding::kGb18030) << encoding;
    EXPECT_EQ(decoded->text, kText) << encoding;
  }
  // A character outside GBK, in GB18030's four-byte form.
  auto rare = DecodeText(Encode("GB18030", "𠀀,€\n"));
  ASSERT_TRUE(rare.ok()) << rare.status();
  EXPECT_EQ(rare->text, "𠀀,€\n");
}

TEST(TextDecodingTest, GbkThatHappensToBeValidUtf8IsNotGuessed) {
  // "小学" in GBK is D0 A1 D1 A7: two valid two-byte UTF-8 sequences, Cyrillic letters.
  auto decoded = DecodeText(Encode("GBK", "school_type\n小学\n"));
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(std::string(decoded.status().message()),
              StartsWith("line 2 reads as Chinese in GBK but as Greek or Cyrillic letters"));
  // Latin letters of two bytes are UTF-8 (m², ü), and so is any text with a Chinese character.
  EXPECT_TRUE(DecodeText("teaching_aux_area_m2\n教学(m²)\n").ok());
  auto latin = DecodeText("Lü,m²\n");
  ASSERT_TRUE(latin.ok());
  EXPECT_EQ(latin->encoding, TextEncoding::kUtf8);
}

TEST(TextDecodingTest, BytesValidInNoEncodingAreRefusedWithTheLine) {
  // 0xFF is neither UTF-8 nor GB18030.
  auto decoded = DecodeText(Encode("GBK", "a,b\n沁县,1\n") + "x\xFFy\n");
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(decoded.status().message(),
            "line 3 is neither UTF-8 nor GB18030 (GBK) text; save the file as CSV UTF-8 (逗号分隔) "
            "or as .xlsx");
}

TEST(TextDecodingTest, Utf8WithAStrayByteIsNotReadAsGbk) {
  // Read as GB18030, these bytes would decode without error, to mojibake.
  auto decoded = DecodeText("school_name\n沁县第一中学\n沁县\xE4\xB8\n");
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(std::string(decoded.status().message()),
              StartsWith("line 3 is not UTF-8 although line 2 is: the file mixes two encodings"));
}

TEST(TextDecodingTest, InvalidBytesAfterAMarkAreRefused) {
  auto utf8 = DecodeText(
      "\xEF\xBB\xBF"
      "a\n\xC3\x28\n");
  ASSERT_FALSE(utf8.ok());
  EXPECT_THAT(std::string(utf8.status().message()),
              StartsWith("line 2 is not valid UTF-8 although"));
  // An unpaired surrogate on line 2, then an odd byte at the end.
  auto utf16 = DecodeText(testing::Utf16LeWithBom("a\n") + std::string("\x00\xD8", 2) + "b");
  ASSERT_FALSE(utf16.ok());
  EXPECT_THAT(std::string(utf16.status().message()), StartsWith("line 2 is not valid UTF-16 text"));
}

TEST(TextDecodingTest, NulBytesMeanNotText) {
  auto decoded = DecodeText(Encode("UTF-16LE", "a,b\n"));  // UTF-16 without its mark
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.status().message(), HasSubstr("line 1 holds NUL bytes"));
  EXPECT_THAT(decoded.status().message(), HasSubstr("or as .xlsx"));
}

TEST(TextDecodingTest, EmptyInputIsEmptyText) {
  auto decoded = DecodeText("");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->text, "");
}

TEST(TextDecodingTest, Utf8ValidationRejectsOverlongSurrogatesAndBeyondUnicode) {
  EXPECT_TRUE(IsValidUtf8("沁县 ok €𠀀"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xE6\xB2"));          // cut short
  EXPECT_FALSE(IsValidUtf8("\x80"));              // a stray continuation byte
}

TEST(TextDecodingTest, EncodingsHaveNames) {
  EXPECT_EQ(EncodingName(TextEncoding::kGb18030), "GB18030 (GBK)");
  EXPECT_EQ(EncodingName(TextEncoding::kUtf16Le), "UTF-16 LE");
}

}  // namespace
}  // namespace junheng::io
