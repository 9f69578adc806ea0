#include "server/storage/codes.h"

#include "absl/strings/str_cat.h"
#include "common/i18n/server_messages.h"
#include "common/validate/validation_result.h"

namespace junheng::storage {

absl::Status CheckCodes(
    std::initializer_list<std::pair<absl::string_view, absl::string_view>> codes) {
  for (const auto& [field, value] : codes) {
    if (field == "county_code") {
      absl::Status county = validate::CheckCountyCode(value);
      if (!county.ok()) return county;
    } else if (!validate::IsValidCode(value)) {
      return absl::InvalidArgumentError(i18n::Say(i18n::server::kBadCode, field, value));
    }
  }
  return absl::OkStatus();
}

}  // namespace junheng::storage
