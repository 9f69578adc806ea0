#include "client/cli/registry_import.h"

#include "absl/strings/str_join.h"
#include "common/i18n/bureau_messages.h"
#include "common/i18n/server_messages.h"
#include "common/validate/school_validator.h"

namespace junheng::client {

using i18n::Say;

absl::StatusOr<v1::UpsertSchoolsResponse> ImportSchools(Connection& connection,
                                                        const std::string& county,
                                                        const std::vector<v1::School>& schools,
                                                        const ImportParts& parts,
                                                        std::ostream* progress) {
  google::protobuf::RepeatedPtrField<v1::School> all(schools.begin(), schools.end());
  validate::RegistryImportCheck check = validate::CheckRegistryImport(all, county);
  if (!check.problems.empty()) {
    return absl::InvalidArgumentError(
        Say(i18n::server::kImportRejected, absl::StrJoin(check.problems, "\n  ")));
  }

  // The parts, as [begin, end) row ranges, cut by count and by serialized size (each school also
  // costs its field tag and length in the request: a few bytes, counted generously).
  std::vector<std::pair<int, int>> ranges;
  size_t bytes = 0;
  for (int i = 0; i < all.size(); ++i) {
    const size_t size = all[i].ByteSizeLong() + 8;
    if (ranges.empty() || ranges.back().second - ranges.back().first >= parts.max_schools ||
        bytes + size > parts.max_bytes) {
      ranges.emplace_back(i, i);
      bytes = 0;
    }
    ++ranges.back().second;
    bytes += size;
  }

  v1::UpsertSchoolsResponse total;
  for (const auto& [begin, end] : ranges) {
    v1::UpsertSchoolsRequest request;
    request.set_county_code(county);
    request.mutable_schools()->Reserve(end - begin);
    for (int i = begin; i < end; ++i) *request.add_schools() = all[i];
    auto answer = connection.Call(&v1::RegistryService::Stub::UpsertSchools, request);
    if (!answer.ok()) {
      if (ranges.size() == 1) return answer.status();
      return absl::Status(
          answer.status().code(),
          Say(i18n::bureau::kImportPartFailed, begin + 1, end, all[begin].school_code(),
              all[end - 1].school_code(), answer.status().message(), begin));
    }
    total.set_created(total.created() + answer->created());
    total.set_updated(total.updated() + answer->updated());
    total.set_unchanged(total.unchanged() + answer->unchanged());
    for (auto& warning : *answer->mutable_warnings()) total.add_warnings(std::move(warning));
    if (progress != nullptr && ranges.size() > 1) {
      *progress << Say(i18n::bureau::kImportProgress, end, all.size()) << "\n" << std::flush;
    }
  }
  return total;
}

}  // namespace junheng::client
