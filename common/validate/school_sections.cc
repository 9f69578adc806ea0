#include "common/validate/school_sections.h"

#include "common/catalog/catalog.h"

namespace junheng::validate {

std::optional<Sections> SectionsOf(absl::string_view school_type) {
  std::optional<catalog::SectionSet> sections = catalog::SectionsOfSchoolType(school_type);
  if (!sections) return std::nullopt;
  return Sections{(*sections & catalog::kPrimary) != 0, (*sections & catalog::kJunior) != 0,
                  (*sections & catalog::kSenior) != 0};
}

}  // namespace junheng::validate
