#include "common/catalog/catalog.h"

#include <vector>

#include "absl/strings/str_cat.h"

namespace junheng::catalog {
namespace {

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
