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

// The sections of a school_type word, or nullopt for a word that is not a school type.
std::optional<SectionSet> SectionsOfSchoolType(absl::string_view school_type);

// The words of a kWord field joined by `separator` ("excellent, good, fair, poor"), and, when
// `last` is given, with it before the final word instead ("urban, town or rural").
std::string WordList(const FieldInfo& field, absl::string_view separator,
                     absl::string_view last = "");

}  // namespace junheng::catalog
