#include "common/catalog/school_sections.h"

#include "common/catalog/catalog.h"

namespace junheng::catalog {

std::optional<Sections> SectionsOf(absl::string_view school_type) {
  std::optional<SectionSet> sections = SectionsOfSchoolType(school_type);
  if (!sections) return std::nullopt;
  return Sections{(*sections & kPrimary) != 0, (*sections & kJunior) != 0,
                  (*sections & kSenior) != 0};
}

}  // namespace junheng::catalog
