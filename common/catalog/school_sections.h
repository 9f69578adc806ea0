#pragma once

#include <optional>
#include <string_view>

#include "absl/strings/string_view.h"

namespace junheng::catalog {

// Which sections (学段) a school type has. Teaching points (教学点) teach primary grades.
struct Sections {
  bool primary = false;
  bool junior = false;
  bool senior = false;
};

// The sections of a catalogue school_type word (common/catalog), or nullopt for an unknown word.
std::optional<Sections> SectionsOf(absl::string_view school_type);

}  // namespace junheng::catalog
