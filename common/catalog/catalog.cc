#include "common/catalog/catalog.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace junheng::catalog {
namespace {

// Whitespace as spreadsheets hold it: ASCII, the no-break space and the ideographic (full-width)
// space a Chinese input method types.
absl::string_view StripWhitespace(absl::string_view text) {
  constexpr absl::string_view kSpaces[] = {"\xC2\xA0", "\xE3\x80\x80"};
  for (bool stripped = true; stripped;) {
    stripped = false;
    text = absl::StripAsciiWhitespace(text);
    for (absl::string_view space : kSpaces) {
      if (absl::ConsumePrefix(&text, space) || absl::ConsumeSuffix(&text, space)) stripped = true;
    }
  }
  return text;
}

// Splits "教学及辅助用房面积(m²)" into the label and the unit; false when the header does not end
// in a parenthesised unit.
bool SplitUnit(absl::string_view header, absl::string_view* label, absl::string_view* unit) {
  constexpr std::pair<absl::string_view, absl::string_view> kParentheses[] = {{"(", ")"},
                                                                              {"（", "）"}};
  for (const auto& [open, close] : kParentheses) {
    if (!absl::EndsWith(header, close)) continue;
    size_t start = header.rfind(open);
    if (start == absl::string_view::npos) continue;
    *label = StripWhitespace(header.substr(0, start));
    *unit = StripWhitespace(
        header.substr(start + open.size(), header.size() - close.size() - start - open.size()));
    return true;
  }
  return false;
}

// Whether a unit written in a header is the catalogue's: m² is also written ㎡ or m2.
bool SameUnit(absl::string_view written, absl::string_view unit) {
  if (written == unit) return true;
  return unit == "m²" && (written == "㎡" || absl::EqualsIgnoreCase(written, "m2"));
}

template <typename M, size_t N>
const std::vector<const FieldInfo*>& InfoTable(const Field<M>* const (&fields)[N]) {
  static const auto* const table = new std::vector<const FieldInfo*>(fields, fields + N);
  return *table;
}

}  // namespace

std::string FieldInfo::DisplayLabel() const {
  return unit.empty() ? std::string(label_zh) : absl::StrCat(label_zh, "(", unit, ")");
}

const Word* FieldInfo::FindWord(absl::string_view word) const {
  for (const Word& w : words) {
    if (w.word == word) return &w;
  }
  return nullptr;
}

const Word* FieldInfo::FindWordOrLabel(absl::string_view cell) const {
  cell = StripWhitespace(cell);
  for (const Word& w : words) {
    if (absl::EqualsIgnoreCase(w.word, cell) || w.label_zh == cell) return &w;
  }
  return nullptr;
}

absl::Span<const FieldInfo* const> FieldsOf(const google::protobuf::Descriptor& type) {
  if (&type == v1::SchoolReport::descriptor()) return InfoTable(report::kAll);
  if (&type == v1::School::descriptor()) return InfoTable(school::kAll);
  if (&type == v1::CountyFacts::descriptor()) return InfoTable(county_facts::kAll);
  return {};
}

const FieldInfo* FindField(const google::protobuf::Descriptor& type, absl::string_view name) {
  for (const FieldInfo* field : FieldsOf(type)) {
    if (field->name == name) return field;
  }
  return nullptr;
}

const FieldInfo* FindFieldByHeader(const google::protobuf::Descriptor& type,
                                   absl::string_view header) {
  header = StripWhitespace(header);
  if (header.empty()) return nullptr;
  absl::string_view label = header, unit;
  const bool has_unit = SplitUnit(header, &label, &unit);
  for (const FieldInfo* field : FieldsOf(type)) {
    if (absl::EqualsIgnoreCase(field->name, header) || field->label_zh == header) return field;
    if (has_unit && field->label_zh == label && SameUnit(unit, field->unit)) return field;
  }
  return nullptr;
}

std::optional<SectionSet> SectionsOfSchoolType(absl::string_view school_type) {
  const Word* type = school::school_type.FindWord(school_type);
  if (type == nullptr) return std::nullopt;
  return type->sections;
}

std::string WordList(const FieldInfo& field, absl::string_view separator, absl::string_view last) {
  std::string out;
  for (size_t i = 0; i < field.words.size(); ++i) {
    if (i > 0)
      absl::StrAppend(&out, !last.empty() && i + 1 == field.words.size() ? last : separator);
    absl::StrAppend(&out, field.words[i].word);
  }
  return out;
}

}  // namespace junheng::catalog
