#pragma once

#include <string_view>

#include "absl/strings/string_view.h"

namespace junheng::io {

// The Chinese label of a catalogue field (report-fields.md), for text output next to the field
// name: "primary_students" -> "小学在校生数". Empty for a field without a label.
absl::string_view FieldLabelZh(absl::string_view field);

}  // namespace junheng::io
