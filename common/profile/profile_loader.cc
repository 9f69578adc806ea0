#include "common/profile/profile_loader.h"

#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "common/profile/builtin_profiles.h"
#include "toml++/toml.h"

namespace junheng::profile {
namespace {

using junheng::v1::LevelProfile;
using junheng::v1::Profile;
using junheng::v1::SplitWeights;

// An inherits chain longer than this is treated as a loop.
constexpr int kMaxInheritDepth = 16;

// The order of the seven resource indicators in LevelProfile.indicator_min.
constexpr const char* kIndicatorIds[] = {"L1", "L2", "L3", "L4", "L5", "L6", "L7"};

std::optional<absl::string_view> BuiltinText(absl::string_view name) {
  for (const BuiltinProfile& p : BuiltinProfiles()) {
    if (p.name == name) return p.text;
  }
  return std::nullopt;
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read profile file ", path));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string DirectoryOf(absl::string_view origin) {
  size_t slash = origin.rfind('/');
  return slash == absl::string_view::npos ? std::string()
                                          : std::string(origin.substr(0, slash + 1));
}

absl::StatusOr<toml::table> ParseToml(absl::string_view text, absl::string_view origin) {
  try {
    return toml::parse(std::string_view(text.data(), text.size()),
                       std::string_view(origin.data(), origin.size()));
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    return absl::InvalidArgumentError(absl::StrCat("profile ", origin, ":", where.line, ":",
                                                   where.column, ": ",
                                                   std::string(e.description())));
  }
}

// Copies every key of `over` into `base`, descending into tables present in both.
void DeepMerge(toml::table& base, const toml::table& over) {
  for (auto&& [key, node] : over) {
    if (const toml::table* sub = node.as_table()) {
      if (toml::table* existing = base.get_as<toml::table>(key)) {
        DeepMerge(*existing, *sub);
        continue;
      }
    }
    node.visit([&base, &key](const auto& n) { base.insert_or_assign(key, n); });
  }
}

// Parses `text` and the chain it inherits, returning the merged table and the chain's names.
absl::StatusOr<toml::table> ResolveInherits(absl::string_view text, absl::string_view origin,
                                            int depth, std::vector<std::string>& chain) {
  if (depth > kMaxInheritDepth) {
    return absl::InvalidArgumentError(absl::StrCat(
        "profile ", origin,
        ": profile.inherits chain is too long (a loop?): ", absl::StrJoin(chain, " <- ")));
  }
  absl::StatusOr<toml::table> own = ParseToml(text, origin);
  if (!own.ok()) return own.status();
  toml::node_view<toml::node> inherits = (*own)["profile"]["inherits"];
  if (!inherits) return own;
  std::optional<std::string> parent = inherits.value<std::string>();
  if (!parent || parent->empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("profile ", origin, ": profile.inherits must be a profile name or file"));
  }
  chain.push_back(*parent);
  absl::StatusOr<toml::table> base;
  if (std::optional<absl::string_view> builtin = BuiltinText(*parent)) {
    base = ResolveInherits(*builtin, *parent, depth + 1, chain);
  } else {
    std::string path = (*parent)[0] == '/' ? *parent : DirectoryOf(origin) + *parent;
    absl::StatusOr<std::string> parent_text = ReadFile(path);
    if (!parent_text.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("profile ", origin, ": profile.inherits = \"",
                                                     *parent, "\" is neither a built-in profile (",
                                                     absl::StrJoin(BuiltinProfileNames(), ", "),
                                                     ") nor a readable file"));
    }
    base = ResolveInherits(*parent_text, path, depth + 1, chain);
  }
  if (!base.ok()) return base.status();
  // A child states its own identity: name and version never come from the parent.
  for (const char* key : {"name", "version"}) {
    if (!(*own)["profile"][key]) {
      return absl::InvalidArgumentError(absl::StrCat("profile ", origin, ": profile.", key,
                                                     " is required in a profile that inherits"));
    }
  }
  if (toml::table* meta = base->get_as<toml::table>("profile")) {
    meta->erase("description");
    meta->erase("inherits");
  }
  DeepMerge(*base, *own);
  return base;
}

// Reads typed keys by dotted path, remembering which were read (so that leftovers are reported as
// unknown) and collecting one error per bad key.
class Reader {
 public:
  Reader(const toml::table& table, absl::string_view origin) : table_(table), origin_(origin) {}

  double Double(const std::string& path) {
    toml::node_view<const toml::node> node = Find(path);
    if (!node) return 0;
    if (std::optional<double> v = node.value_exact<double>()) return *v;
    if (std::optional<int64_t> v = node.value_exact<int64_t>()) return static_cast<double>(*v);
    Error(path, "must be a number");
    return 0;
  }

  int32_t Int(const std::string& path) {
    toml::node_view<const toml::node> node = Find(path);
    if (!node) return 0;
    std::optional<int64_t> v = node.value_exact<int64_t>();
    if (!v || *v < INT32_MIN || *v > INT32_MAX) {
      Error(path, "must be a whole number");
      return 0;
    }
    return static_cast<int32_t>(*v);
  }

  std::string String(const std::string& path, bool required = true) {
    toml::node_view<const toml::node> node = Find(path, required);
    if (!node) return "";
    if (std::optional<std::string> v = node.value_exact<std::string>()) return *v;
    Error(path, "must be a string");
    return "";
  }

  std::vector<std::string> Strings(const std::string& path) {
    toml::node_view<const toml::node> node = Find(path);
    if (!node) return {};
    const toml::array* array = node.as_array();
    std::vector<std::string> out;
    if (array == nullptr) {
      Error(path, "must be an array of strings");
      return out;
    }
    for (const toml::node& item : *array) {
      std::optional<std::string> v = item.value_exact<std::string>();
      if (!v) {
        Error(path, "must be an array of strings");
        return {};
      }
      out.push_back(*v);
    }
    return out;
  }

  void Used(const std::string& path) { used_.insert(path); }

  // Every leaf key of the table that no accessor read.
  void ReportUnknown() { Walk(table_, ""); }

  absl::Status status() const {
    if (errors_.empty()) return absl::OkStatus();
    return absl::InvalidArgumentError(
        absl::StrCat("profile ", origin_, ": ", absl::StrJoin(errors_, "; ")));
  }

 private:
  toml::node_view<const toml::node> Find(const std::string& path, bool required = true) {
    used_.insert(path);
    toml::node_view<const toml::node> node = table_.at_path(path);
    if (!node && required) Error(path, "is missing");
    return node;
  }

  void Error(const std::string& path, absl::string_view what) {
    errors_.push_back(absl::StrCat("key ", path, " ", what));
  }

  void Walk(const toml::table& table, const std::string& prefix) {
    for (auto&& [key, node] : table) {
      std::string path =
          prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
      if (const toml::table* sub = node.as_table()) {
        Walk(*sub, path);
      } else if (!used_.count(path)) {
        errors_.push_back(absl::StrCat("unknown key ", path));
      }
    }
  }

  const toml::table& table_;
  std::string origin_;
  std::set<std::string> used_;
  std::vector<std::string> errors_;
};

LevelProfile ReadLevel(Reader& r, const std::string& level) {
  LevelProfile out;
  for (const char* id : kIndicatorIds)
    out.add_indicator_min(r.Double("resource." + level + "." + id));
  out.set_cv_max(r.Double("resource." + level + ".cv_max"));
  out.set_max_class_size(r.Int("government.G5." + level + "_max_class_size"));
  out.set_zoned_admission_min(r.Double("government.G13." + level + "_zoned_admission_min"));
  return out;
}

SplitWeights ReadSplit(Reader& r, const std::string& type, bool primary, bool junior, bool senior) {
  SplitWeights out;
  if (primary) out.set_primary(r.Double("split." + type + ".primary"));
  if (junior) out.set_junior(r.Double("split." + type + ".junior"));
  if (senior) out.set_senior(r.Double("split." + type + ".senior"));
  return out;
}

absl::StatusOr<Profile> FromTable(const toml::table& table, absl::string_view origin,
                                  const std::vector<std::string>& chain) {
  Reader r(table, origin);
  Profile p;
  p.set_name(r.String("profile.name"));
  p.set_version(r.String("profile.version"));
  p.set_description(r.String("profile.description", /*required=*/false));
  r.Used("profile.inherits");
  for (const std::string& parent : chain) p.add_inherits(parent);

  p.set_teaching_point_min_students(r.Int("units.teaching_point_min_students"));
  p.set_small_teaching_point(r.String("units.small_teaching_point"));
  *p.mutable_split_nine_year() = ReadSplit(r, "nine_year", true, true, false);
  *p.mutable_split_twelve_year() = ReadSplit(r, "twelve_year", true, true, true);
  *p.mutable_split_complete_middle() = ReadSplit(r, "complete_middle", false, true, true);

  *p.mutable_primary() = ReadLevel(r, "primary");
  *p.mutable_junior() = ReadLevel(r, "junior");
  p.set_unit_min_met(r.Int("resource.unit_rule.min_met"));
  p.set_unit_miss_floor(r.Double("resource.unit_rule.miss_floor"));

  p.set_classes_per_arts_room(r.Int("government.G3.classes_per_room"));
  p.set_music_room_min_area_m2(r.Double("government.G3.music_room_min_area_m2"));
  p.set_art_room_min_area_m2(r.Double("government.G3.art_room_min_area_m2"));
  p.set_arts_room_relaxed_built_before(r.Int("government.G3.relaxed_built_before"));
  p.set_music_room_relaxed_min_area_m2(r.Double("government.G3.music_room_relaxed_min_area_m2"));
  p.set_art_room_relaxed_min_area_m2(r.Double("government.G3.art_room_relaxed_min_area_m2"));
  p.set_single_level_max_students(r.Int("government.G4.single_level_max_students"));
  p.set_multi_level_max_students(r.Int("government.G4.multi_level_max_students"));
  p.set_size_relaxed_built_before(r.Int("government.G4.relaxed_built_before"));
  p.set_single_level_relaxed_max_students(r.Int("government.G4.single_level_relaxed_max_students"));
  p.set_multi_level_relaxed_max_students(r.Int("government.G4.multi_level_relaxed_max_students"));
  p.set_small_school_funded_students(r.Int("government.G6.small_school_funded_students"));
  p.set_special_ed_funds_min_yuan(r.Double("government.G7.special_ed_funds_min_yuan"));
  p.set_teacher_pay_ratio_min(r.Double("government.G8.teacher_pay_ratio_min"));
  p.set_training_completion_min(r.Double("government.G9.training_completion_min"));
  p.set_rotation_share_min(r.Double("government.G11.rotation_share_min"));
  p.set_rotated_backbone_share_min(r.Double("government.G11.rotated_backbone_share_min"));
  p.set_certified_share_min(r.Double("government.G12.certified_share_min"));
  p.set_quality_hs_quota_share_min(r.Double("government.G14.quality_hs_quota_share_min"));
  p.set_migrant_public_share_min(r.Double("government.G15.migrant_public_share_min"));

  p.set_consolidation_rate_min(r.Double("quality.Q1.consolidation_rate_min"));
  p.set_disabled_enrollment_rate_min(r.Double("quality.Q2.disabled_enrollment_rate_min"));
  p.set_training_funds_share_min(r.Double("quality.Q4.training_funds_share_min"));
  for (const std::string& word : r.Strings("quality.ratings.order")) p.add_rating_order(word);
  p.set_ict_rating_min(r.String("quality.ratings.ict_rating_min"));
  p.set_moral_culture_rating_min(r.String("quality.ratings.moral_culture_rating_min"));
  p.set_monitoring_level_min(r.Int("quality.Q9.monitoring_level_min"));
  p.set_monitoring_rate_max(r.Double("quality.Q9.monitoring_rate_max"));
  p.set_survey_satisfaction_min(r.Double("social.survey_satisfaction_min"));
  p.set_consistency_max_change_share(r.Double("consistency.max_change_share"));
  p.set_consistency_outlier_mad_k(r.Double("consistency.outlier_mad_k"));
  p.set_consistency_outlier_min_units(r.Int("consistency.outlier_min_units"));

  r.ReportUnknown();
  if (absl::Status s = r.status(); !s.ok()) return s;
  if (absl::Status s = CheckProfile(p); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("profile ", origin, ": ", s.message()));
  }
  return p;
}

}  // namespace

std::vector<std::string> BuiltinProfileNames() {
  std::vector<std::string> names;
  for (const BuiltinProfile& p : BuiltinProfiles()) names.emplace_back(p.name);
  return names;
}

absl::StatusOr<Profile> ParseProfile(absl::string_view toml_text, absl::string_view origin) {
  std::vector<std::string> chain;
  absl::StatusOr<toml::table> merged = ResolveInherits(toml_text, origin, 0, chain);
  if (!merged.ok()) return merged.status();
  return FromTable(*merged, origin, chain);
}

absl::StatusOr<Profile> LoadBuiltinProfile(absl::string_view name) {
  std::optional<absl::string_view> text = BuiltinText(name);
  if (!text) {
    return absl::NotFoundError(absl::StrCat(
        "no built-in profile \"", name, "\"; known: ", absl::StrJoin(BuiltinProfileNames(), ", ")));
  }
  return ParseProfile(*text, name);
}

absl::StatusOr<Profile> LoadProfileFile(const std::string& path) {
  absl::StatusOr<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseProfile(*text, path);
}

absl::StatusOr<Profile> LoadProfile(absl::string_view name_or_path) {
  if (BuiltinText(name_or_path)) return LoadBuiltinProfile(name_or_path);
  absl::StatusOr<Profile> loaded = LoadProfileFile(std::string(name_or_path));
  if (absl::IsNotFound(loaded.status())) {
    return absl::NotFoundError(
        absl::StrCat("profile \"", name_or_path, "\" is neither a built-in profile (",
                     absl::StrJoin(BuiltinProfileNames(), ", "), ") nor a readable file"));
  }
  return loaded;
}

absl::Status CheckProfile(const Profile& p) {
  std::vector<std::string> errors;
  auto positive = [&errors](double v, absl::string_view key) {
    if (!(v > 0)) errors.push_back(absl::StrCat("key ", key, " must be greater than 0"));
  };
  auto share = [&errors](double v, absl::string_view key) {
    if (!(v >= 0 && v <= 1)) errors.push_back(absl::StrCat("key ", key, " must be within 0..1"));
  };
  if (p.name().empty()) errors.push_back("key profile.name must not be empty");
  if (p.version().empty()) errors.push_back("key profile.version must not be empty");
  for (const auto& [level, lp] :
       {std::pair<const char*, const LevelProfile*>{"primary", &p.primary()},
        {"junior", &p.junior()}}) {
    if (lp->indicator_min_size() != 7) {
      errors.push_back(absl::StrCat("resource.", level, " must give L1..L7"));
      continue;
    }
    for (int i = 0; i < 7; ++i) {
      positive(lp->indicator_min(i), absl::StrCat("resource.", level, ".", kIndicatorIds[i]));
    }
    positive(lp->cv_max(), absl::StrCat("resource.", level, ".cv_max"));
    positive(lp->max_class_size(), absl::StrCat("government.G5.", level, "_max_class_size"));
    share(lp->zoned_admission_min(),
          absl::StrCat("government.G13.", level, "_zoned_admission_min"));
  }
  if (p.unit_min_met() < 0 || p.unit_min_met() > 7) {
    errors.push_back("key resource.unit_rule.min_met must be within 0..7");
  }
  share(p.unit_miss_floor(), "resource.unit_rule.miss_floor");
  positive(p.split_nine_year().primary(), "split.nine_year.primary");
  positive(p.split_nine_year().junior(), "split.nine_year.junior");
  positive(p.split_twelve_year().primary(), "split.twelve_year.primary");
  positive(p.split_twelve_year().junior(), "split.twelve_year.junior");
  positive(p.split_twelve_year().senior(), "split.twelve_year.senior");
  positive(p.split_complete_middle().junior(), "split.complete_middle.junior");
  positive(p.split_complete_middle().senior(), "split.complete_middle.senior");
  if (p.small_teaching_point() != "exclude" && p.small_teaching_point() != "merge") {
    errors.push_back("key units.small_teaching_point must be \"exclude\" or \"merge\"");
  }
  if (p.teaching_point_min_students() < 0) {
    errors.push_back("key units.teaching_point_min_students must not be negative");
  }
  positive(p.classes_per_arts_room(), "government.G3.classes_per_room");
  positive(p.single_level_max_students(), "government.G4.single_level_max_students");
  positive(p.multi_level_max_students(), "government.G4.multi_level_max_students");
  share(p.rotation_share_min(), "government.G11.rotation_share_min");
  share(p.rotated_backbone_share_min(), "government.G11.rotated_backbone_share_min");
  share(p.certified_share_min(), "government.G12.certified_share_min");
  share(p.training_completion_min(), "government.G9.training_completion_min");
  share(p.quality_hs_quota_share_min(), "government.G14.quality_hs_quota_share_min");
  share(p.migrant_public_share_min(), "government.G15.migrant_public_share_min");
  share(p.consolidation_rate_min(), "quality.Q1.consolidation_rate_min");
  share(p.disabled_enrollment_rate_min(), "quality.Q2.disabled_enrollment_rate_min");
  share(p.training_funds_share_min(), "quality.Q4.training_funds_share_min");
  share(p.survey_satisfaction_min(), "social.survey_satisfaction_min");
  positive(p.consistency_max_change_share(), "consistency.max_change_share");
  positive(p.consistency_outlier_mad_k(), "consistency.outlier_mad_k");
  if (p.consistency_outlier_min_units() < 3) {
    errors.push_back("key consistency.outlier_min_units must be at least 3 (a median needs three)");
  }
  auto known_rating = [&](const std::string& word, absl::string_view key) {
    for (const std::string& r : p.rating_order()) {
      if (r == word) return;
    }
    errors.push_back(
        absl::StrCat("key ", key, " = \"", word, "\" is not in quality.ratings.order"));
  };
  if (p.rating_order().empty()) errors.push_back("key quality.ratings.order must not be empty");
  known_rating(p.ict_rating_min(), "quality.ratings.ict_rating_min");
  known_rating(p.moral_culture_rating_min(), "quality.ratings.moral_culture_rating_min");
  if (errors.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrJoin(errors, "; "));
}

}  // namespace junheng::profile
