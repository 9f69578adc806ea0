#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "google/protobuf/descriptor.h"

namespace junheng::catalog {

// The sections (学段) of a school, and the sections a field belongs to, as bits.
enum Section : uint8_t { kPrimary = 1, kJunior = 2, kSenior = 4 };
using SectionSet = uint8_t;
inline constexpr SectionSet kEverySection = kPrimary | kJunior | kSenior;

// What a cell of the field holds, and so how it is read, written and checked.
enum class Kind : uint8_t {
  kText,     // free text or a code (school_code, school_name, period)
  kWord,     // one word of the field's vocabulary (school_type, locale, ict_rating)
  kCount,    // a whole number of people, classes or rooms: 0 to 100,000
  kYear,     // a calendar year (built_year, target_year)
  kDecimal,  // a non-negative decimal: an area in m², an amount in yuan, a ratio
  kShare,    // a fraction between 0 and 1 (0.95 for 95%)
  kYesNo,    // true or false
};

// One word of a vocabulary: the catalogue word stored in data and its Chinese name.
struct Word {
  absl::string_view word;
  absl::string_view label_zh;
  // school_type words only: the sections a school of this type has.
  SectionSet sections = 0;
};

// What every field of every record has: its name, label, unit, kind and where it applies.
struct FieldInfo {
  // The proto field name, which is also the CSV header and the JSON key (report-fields.md).
  absl::string_view name;
  // The Chinese label, without the unit: "教学及辅助用房面积".
  absl::string_view label_zh;
  // The unit of a decimal quantity ("m²", "元"); empty for counts, words and flags.
  absl::string_view unit;
  Kind kind;
  // Report fields: the sections the field belongs to (primary_students: kPrimary); a whole-school
  // field belongs to every section. Registry and county fields: kEverySection.
  SectionSet sections;
  // The vocabulary of a kWord field; empty otherwise.
  absl::Span<const Word> words = {};

  // "教学及辅助用房面积(m²)" for a field with a unit, the plain label otherwise: as `show` prints
  // it.
  std::string DisplayLabel() const;
  // Whether the field is part of a school of a type with `school_sections`.
  bool AppliesTo(SectionSet school_sections) const { return (sections & school_sections) != 0; }
  // The field's descriptor in `type`, the message type it belongs to (for the reflection codec).
  const google::protobuf::FieldDescriptor* DescriptorIn(
      const google::protobuf::Descriptor& type) const {
    return type.FindFieldByName(std::string(name));
  }
  // The vocabulary entry of `word`, or nullptr when it is not one of the field's words.
  const Word* FindWord(absl::string_view word) const;
  // The vocabulary entry a cell names by its word in any ASCII case ("primary", "Primary") or by
  // its Chinese name ("小学"), surrounding whitespace ignored; nullptr when it names none.
  const Word* FindWordOrLabel(absl::string_view cell) const;
};

// A field of message type M with its typed reader: the one way code reads a value by field.
// Exactly one reader is set, matching the kind: numbers (kCount, kYear, kDecimal, kShare) as
// double, kYesNo as bool, kText and kWord as text.
template <typename M>
struct Field : FieldInfo {
  std::optional<double> (*number_of)(const M&) = nullptr;
  std::optional<bool> (*flag_of)(const M&) = nullptr;
  absl::string_view (*text_of)(const M&) = nullptr;

  // The value, or nullopt when the field is not reported (an empty cell, a JSON null).
  std::optional<double> Number(const M& m) const { return number_of(m); }
  std::optional<bool> Flag(const M& m) const { return flag_of(m); }
  // Empty when not reported.
  absl::string_view Text(const M& m) const { return text_of(m); }
  // Whether the field is reported (holds a value; not an empty cell), read without formatting.
  bool HasValue(const M& m) const {
    if (number_of != nullptr) return number_of(m).has_value();
    if (flag_of != nullptr) return flag_of(m).has_value();
    return !text_of(m).empty();
  }
};

}  // namespace junheng::catalog
