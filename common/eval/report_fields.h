#pragma once

#include <optional>

#include "absl/strings/string_view.h"
#include "junheng/v1/report.pb.h"

namespace junheng::eval {

// The report fields the per-school and county-wide items read: each field's catalogue name, for
// reasons, and a reader with the generated accessors (the same value as ReportNumber(report, name),
// without the by-name lookup). Unset when not reported.
struct NumField {
  absl::string_view name;
  std::optional<double> (*read)(const junheng::v1::SchoolReport&);
};
struct BoolField {
  absl::string_view name;
  std::optional<bool> (*read)(const junheng::v1::SchoolReport&);
};

#define JUNHENG_BOOL_FIELD(field)                                               \
  BoolField {                                                                   \
#field, [](const junheng::v1::SchoolReport& r) -> std::optional < bool>     \
    { return r.has_##field() ? std::optional<bool>(r.field()) : std::nullopt; } \
  }
#define JUNHENG_NUM_FIELD(field)                                                  \
  NumField {                                                                      \
#field, [](const junheng::v1::SchoolReport& r) -> std::optional < double>     \
    { return r.has_##field() ? std::optional<double>(r.field()) : std::nullopt; } \
  }

inline constexpr NumField kPrimaryClasses = JUNHENG_NUM_FIELD(primary_classes);
inline constexpr NumField kJuniorClasses = JUNHENG_NUM_FIELD(junior_classes);
inline constexpr NumField kMusicRooms = JUNHENG_NUM_FIELD(music_rooms);
inline constexpr NumField kArtRooms = JUNHENG_NUM_FIELD(art_rooms);
inline constexpr NumField kMusicRoomArea = JUNHENG_NUM_FIELD(music_room_min_area_m2);
inline constexpr NumField kArtRoomArea = JUNHENG_NUM_FIELD(art_room_min_area_m2);
inline constexpr NumField kPrimaryStudents = JUNHENG_NUM_FIELD(primary_students);
inline constexpr NumField kJuniorStudents = JUNHENG_NUM_FIELD(junior_students);
inline constexpr NumField kPrimaryMaxClassSize = JUNHENG_NUM_FIELD(primary_max_class_size);
inline constexpr NumField kJuniorMaxClassSize = JUNHENG_NUM_FIELD(junior_max_class_size);
inline constexpr NumField kPublicFunds = JUNHENG_NUM_FIELD(public_funds_yuan);
inline constexpr NumField kTrainingFunds = JUNHENG_NUM_FIELD(teacher_training_funds_yuan);
inline constexpr NumField kPrimaryTeachers = JUNHENG_NUM_FIELD(primary_teachers);
inline constexpr NumField kJuniorTeachers = JUNHENG_NUM_FIELD(junior_teachers);
inline constexpr NumField kTrainingCompleted = JUNHENG_NUM_FIELD(training_completed_teachers);
inline constexpr NumField kCertified = JUNHENG_NUM_FIELD(certified_teachers);
inline constexpr NumField kZonedAdmissions = JUNHENG_NUM_FIELD(zoned_admissions);
inline constexpr NumField kTotalAdmissions = JUNHENG_NUM_FIELD(total_admissions);
inline constexpr BoolField kHasCharter = JUNHENG_BOOL_FIELD(has_charter);
inline constexpr BoolField kCoursesComplete = JUNHENG_BOOL_FIELD(courses_complete);
inline constexpr BoolField kNoExcessBurden = JUNHENG_BOOL_FIELD(no_excess_burden);

#undef JUNHENG_NUM_FIELD
#undef JUNHENG_BOOL_FIELD

}  // namespace junheng::eval
