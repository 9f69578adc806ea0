#pragma once

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "common/catalog/field.h"
#include "common/catalog/fields.h"
#include "google/protobuf/descriptor.h"

namespace junheng::catalog {

// Lookups over the catalogue (fields.h) for code that meets a field by its name or its record type:
// the CSV/JSON codec, validation messages, `show` and `template`.

// The catalogue fields of a record type (School, SchoolReport, CountyFacts) in column order; empty
// for any other message type.
absl::Span<const FieldInfo* const> FieldsOf(const google::protobuf::Descriptor& type);

// The field of `type` whose name is `name`, or nullptr when the catalogue has none.
const FieldInfo* FindField(const google::protobuf::Descriptor& type, absl::string_view name);

// The field of `type` that a column header names, or nullptr: the field's name ("music_rooms",
// any ASCII case), its Chinese label ("音乐专用教室数") or the label with its unit as `show`
// prints it ("教学及辅助用房面积(m²)"), the unit also in full-width parentheses ("（m²）") and m²
// also written ㎡ or m2. Whitespace around the header and before the unit is ignored. The CSV and
// xlsx readers resolve every header cell with this one function.
const FieldInfo* FindFieldByHeader(const google::protobuf::Descriptor& type,
                                   absl::string_view header);

// The sections of a school_type word, or nullopt for a word that is not a school type.
std::optional<SectionSet> SectionsOfSchoolType(absl::string_view school_type);

// The words of a kWord field joined by `separator` ("excellent, good, fair, poor"), and, when
// `last` is given, with it before the final word instead ("urban, town or rural").
std::string WordList(const FieldInfo& field, absl::string_view separator,
                     absl::string_view last = "");

}  // namespace junheng::catalog
