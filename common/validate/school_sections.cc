#include "common/validate/school_sections.h"

#include "absl/strings/string_view.h"

namespace junheng::validate {

std::optional<Sections> SectionsOf(absl::string_view school_type) {
  // The words have different lengths: one comparison decides (the evaluation asks this several
  // times per school).
  switch (school_type.size()) {
    case 7:
      if (school_type == "primary") return Sections{true, false, false};
      break;
    case 14:
      if (school_type == "teaching_point") return Sections{true, false, false};
      break;
    case 6:
      if (school_type == "junior") return Sections{false, true, false};
      break;
    case 9:
      if (school_type == "nine_year") return Sections{true, true, false};
      break;
    case 11:
      if (school_type == "twelve_year") return Sections{true, true, true};
      break;
    case 15:
      if (school_type == "complete_middle") return Sections{false, true, true};
      break;
  }
  return std::nullopt;
}

}  // namespace junheng::validate
