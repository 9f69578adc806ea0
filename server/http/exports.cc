#include "server/http/exports.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "common/catalog/field.h"
#include "common/i18n/lang.h"
#include "common/render/evaluation_workbook.h"
#include "common/render/listing_tables.h"
#include "common/render/national_forms.h"
#include "common/render/report_sheet.h"
#include "common/render/submission_table.h"
#include "common/rpc/pages.h"
#include "junheng/v1/bureau.pb.h"
#include "junheng/v1/evaluation_service.pb.h"
#include "junheng/v1/services.pb.h"
#include "server/auth/sealed_token.h"
#include "server/storage/page.h"

namespace junheng::server::http {
namespace {

namespace v1 = junheng::v1;

// An RPC's answer, or the HTTP answer of its refusal.
template <typename Response>
struct Answered {
  Response response;
  std::optional<HttpAnswer> refused;
};

template <typename Response>
Answered<Response> CallAs(const ApiGateway& api, const ExportRequest& who, absl::string_view path,
                          const google::protobuf::Message& request) {
  Answered<Response> out;
  HttpAnswer answer = api.Call(ApiCall{.path = std::string(path),
                                       .content_type = "application/proto",
                                       .body = request.SerializeAsString(),
                                       .bearer_token = who.token,
                                       .lang = who.lang});
  if (answer.status != 200) {
    out.refused = std::move(answer);
  } else if (!out.response.ParseFromString(answer.body)) {
    out.refused = ErrorAnswer(absl::InternalError("an answer of the server does not decode"));
  }
  return out;
}

// Every page of a paginated listing (rpc::FollowPages, pages of the largest size), or the HTTP
// answer of the first page refused.
template <typename Response, typename Request>
Answered<Response> CallAllPagesAs(const ApiGateway& api, const ExportRequest& who,
                                  absl::string_view path, Request request) {
  request.set_page_size(storage::kMaxPageSize);
  Answered<Response> out;
  auto merged =
      rpc::FollowPages(std::move(request), [&](const Request& page) -> absl::StatusOr<Response> {
        Answered<Response> answer = CallAs<Response>(api, who, path, page);
        if (answer.refused) {
          out.refused = std::move(answer.refused);
          return absl::AbortedError("refused");
        }
        return std::move(answer.response);
      });
  if (merged.ok()) {
    out.response = *std::move(merged);
  } else if (!out.refused) {
    out.refused = ErrorAnswer(merged.status());
  }
  return out;
}

HttpAnswer Tables(const std::vector<table::Table>& tables, const std::string& file_name) {
  std::vector<const table::Table*> pointers;
  for (const auto& t : tables) pointers.push_back(&t);
  return XlsxAttachment(
      [&](const std::string& path) { return table::WriteWorkbook(pointers, path); }, file_name);
}

}  // namespace

HttpAnswer XlsxAttachment(const std::function<absl::Status(const std::string&)>& write,
                          const std::string& file_name) {
  auto unique = auth::RandomHex(8);
  if (!unique.ok()) return ErrorAnswer(unique.status());
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / absl::StrCat("junheng-", *unique, ".xlsx");
  absl::Status written = write(path.string());
  std::ostringstream bytes;
  if (written.ok()) {
    std::ifstream file(path, std::ios::binary);
    bytes << file.rdbuf();
  }
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  if (!written.ok()) return ErrorAnswer(written);
  HttpAnswer answer;
  answer.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  answer.body = bytes.str();
  answer.headers.emplace_back("Content-Disposition",
                              absl::StrCat("attachment; filename=\"", file_name, "\""));
  return answer;
}

HttpAnswer Exports::Download(const ExportRequest& request) const {
  i18n::LangScope lang(request.lang == "en" ? i18n::Lang::kEn : i18n::Lang::kZh);
  const std::string file_name =
      absl::StrCat(request.county, "-", request.period, "-", request.name, ".xlsx");
  if (request.name == "status" || request.name == "values") {
    v1::SubmissionStatusRequest ask;
    ask.set_county_code(request.county);
    ask.set_period(request.period);
    auto status = CallAllPagesAs<v1::SubmissionStatusResponse>(
        *api_, request, "/junheng.v1.BureauService/SubmissionStatus", ask);
    if (status.refused) return *status.refused;
    if (request.name == "status") {
      return Tables({render::SubmissionTable(status.response.schools(), false)}, file_name);
    }
    std::map<std::string, std::string> names;
    std::vector<v1::StoredReport> stored;
    for (const v1::SchoolSubmission& school : status.response.schools()) {
      names[school.school_code()] = school.school_name();
      if (school.latest_version() == 0) continue;
      if (request.accepted_only && school.state() != "accepted") continue;
      v1::GetReportRequest get;
      get.set_county_code(request.county);
      get.set_school_code(school.school_code());
      get.set_period(request.period);
      get.set_version(school.latest_version());
      auto report =
          CallAs<v1::StoredReport>(*api_, request, "/junheng.v1.ReportingService/GetReport", get);
      if (report.refused) return *report.refused;
      stored.push_back(std::move(report.response));
    }
    std::vector<const v1::SchoolReport*> reports;
    for (const auto& s : stored) reports.push_back(&s.report());
    table::Table t = render::ReportTable(reports, catalog::kEverySection, &names);
    t.sheet_name = "各校填报数据";
    return Tables({std::move(t)}, file_name);
  }
  if (request.name == "reminders") {
    v1::RemindersRequest ask;
    ask.set_county_code(request.county);
    ask.set_period(request.period);
    ask.set_days(365);
    auto reminders =
        CallAs<v1::RemindersResponse>(*api_, request, "/junheng.v1.BureauService/Reminders", ask);
    if (reminders.refused) return *reminders.refused;
    return Tables({render::SubmissionTable(reminders.response.owing(), true)}, file_name);
  }
  if (request.name == "evaluation" || request.name == "forms") {
    v1::EvaluateWithInputRequest ask;
    ask.set_county_code(request.county);
    ask.set_period(request.period);
    ask.set_accepted_only(request.accepted_only);
    auto evaluated = CallAs<v1::EvaluationWithInput>(
        *api_, request, "/junheng.v1.EvaluationService/EvaluateWithInput", ask);
    if (evaluated.refused) return *evaluated.refused;
    const v1::EvaluationWithInput& data = evaluated.response;
    if (request.name == "forms") {
      return XlsxAttachment(
          [&](const std::string& path) { return render::WriteNationalForms(data, path); },
          file_name);
    }
    return XlsxAttachment(
        [&](const std::string& path) {
          return render::WriteEvaluationWorkbook(data.evaluation(), path);
        },
        file_name);
  }
  if (request.name == "schools") {
    v1::ListSchoolsRequest ask;
    ask.set_county_code(request.county);
    auto registry = CallAllPagesAs<v1::ListSchoolsResponse>(
        *api_, request, "/junheng.v1.RegistryService/ListSchools", ask);
    if (registry.refused) return *registry.refused;
    return Tables({render::RegistryTable(registry.response, request.county, true)},
                  absl::StrCat(request.county, "-schools.xlsx"));
  }
  if (request.name == "trend") {
    v1::TrendRequest ask;
    ask.set_county_code(request.county);
    ask.set_from_year(request.from_year);
    ask.set_to_year(request.to_year);
    auto trend =
        CallAs<v1::TrendResponse>(*api_, request, "/junheng.v1.EvaluationService/Trend", ask);
    if (trend.refused) return *trend.refused;
    return Tables(
        {render::TrendTable(trend.response)},
        absl::StrCat(request.county, "-trend-", request.from_year, "-", request.to_year, ".xlsx"));
  }
  return ErrorAnswer(absl::NotFoundError(
      absl::StrCat("no download named '", request.name,
                   "': status, reminders, values, evaluation, forms, schools or trend "
                   "(/api/export/NAME.xlsx?period=P; trend: ?from=YEAR&to=YEAR)")));
}

}  // namespace junheng::server::http
