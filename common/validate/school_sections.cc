#include "common/validate/school_sections.h"

#include "absl/strings/string_view.h"

namespace junheng::validate {

std::optional<Sections> SectionsOf(absl::string_view school_type) {
  if (school_type == "primary" || school_type == "teaching_point")
    return Sections{true, false, false};
  if (school_type == "junior") return Sections{false, true, false};
  if (school_type == "nine_year") return Sections{true, true, false};
  if (school_type == "twelve_year") return Sections{true, true, true};
  if (school_type == "complete_middle") return Sections{false, true, true};
  return std::nullopt;
}

}  // namespace junheng::validate
