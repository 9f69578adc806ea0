#include "server/auth/policy.h"

#include <algorithm>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/i18n/access_messages.h"
#include "common/i18n/server_messages.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor_database.h"
#include "junheng/v1/admin.pb.h"
#include "junheng/v1/bureau.pb.h"
#include "junheng/v1/evaluation_service.pb.h"
#include "junheng/v1/region.pb.h"
#include "junheng/v1/security.pb.h"
#include "junheng/v1/services.pb.h"

namespace junheng::server::auth {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::MethodDescriptor;
using junheng::v1::AUDITOR;
using junheng::v1::BUREAU_ADMIN;
using junheng::v1::BUREAU_VIEWER;
using junheng::v1::REGION_VIEWER;
using junheng::v1::SCHOOL_CLERK;
namespace access = i18n::access;

constexpr uint32_t kClerk = RoleBit(SCHOOL_CLERK);
constexpr uint32_t kViewer = RoleBit(BUREAU_VIEWER);
constexpr uint32_t kAdmin = RoleBit(BUREAU_ADMIN);
constexpr uint32_t kAuditor = RoleBit(AUDITOR);
constexpr uint32_t kRegionViewer = RoleBit(REGION_VIEWER);
// What the bureau reads: a bureau_admin reads everything a bureau_viewer does.
constexpr uint32_t kBureau = kViewer | kAdmin;
// What a city or province reads of each county under it: the bureau's reads of status, reports,
// evaluations and their inputs, never its tokens, audit log or the clerks' contacts (reminders).
constexpr uint32_t kReaders = kBureau | kRegionViewer;

// A row for the RPC that takes `Request`.
template <typename Request>
MethodRule Row(const i18n::Msg& action, uint32_t roles, Scope scope, absl::string_view county_field,
               absl::string_view school_field = "") {
  const Descriptor* request = Request::descriptor();
  const MethodDescriptor* method = MethodTaking(*request);
  return MethodRule{.request = request,
                    .method = method,
                    .path = method != nullptr ? MethodPath(*method) : request->full_name(),
                    .action = &action,
                    .roles = roles,
                    .scope = scope,
                    .county_field = county_field,
                    .school_field = school_field};
}

// THE table. Reading a school's own reports and deadlines is open to its clerk; county-wide
// reads to the bureau; changes to bureau_admin (who may also submit a report on a school's
// behalf, e.g. from a paper form: the audit log shows the admin's credential); the audit log to
// the auditor only. docs/security.md explains each choice.
const std::vector<MethodRule>& Table() {
  namespace v1 = junheng::v1;
  static const std::vector<MethodRule> table = {
      // ReportingService
      Row<v1::SubmitReportRequest>(access::kSubmitReport, kClerk | kAdmin, Scope::kSchool,
                                   "county_code", "report.school_code"),
      // Each report of a batch is checked again against the SubmitReport row (a clerk's only for
      // the clerk's school: reporting_service.cc).
      Row<v1::SubmitReportsRequest>(access::kSubmitReports, kClerk | kAdmin, Scope::kCounty,
                                    "county_code"),
      Row<v1::ValidateReportRequest>(access::kValidateReport, kClerk | kAdmin, Scope::kSchool,
                                     "county_code", "report.school_code"),
      Row<v1::GetReportRequest>(access::kGetReport, kClerk | kReaders, Scope::kSchool,
                                "county_code", "school_code"),
      Row<v1::ListReportVersionsRequest>(access::kListReportVersions, kClerk | kReaders,
                                         Scope::kSchool, "county_code", "school_code"),
      Row<v1::ListLatestReportsRequest>(access::kListLatestReports, kReaders, Scope::kCounty,
                                        "county_code"),
      // RegistryService
      Row<v1::UpsertSchoolsRequest>(access::kUpsertSchools, kAdmin, Scope::kCounty, "county_code"),
      Row<v1::ListSchoolsRequest>(access::kListSchools, kReaders, Scope::kCounty, "county_code"),
      Row<v1::GetSchoolRequest>(access::kGetSchool, kClerk | kReaders, Scope::kSchool,
                                "county_code", "school_code"),
      // BureauService
      Row<v1::DefinePeriodRequest>(access::kDefinePeriod, kAdmin, Scope::kCounty,
                                   "period.county_code"),
      Row<v1::ListPeriodsRequest>(access::kListPeriods, kClerk | kReaders, Scope::kCounty,
                                  "county_code"),
      Row<v1::GrantExceptionRequest>(access::kGrantException, kAdmin, Scope::kCounty,
                                     "exception.county_code"),
      Row<v1::ReviewReportRequest>(access::kReviewReport, kAdmin, Scope::kCounty, "county_code"),
      Row<v1::SubmissionStatusRequest>(access::kSubmissionStatus, kReaders, Scope::kCounty,
                                       "county_code"),
      Row<v1::RemindersRequest>(access::kReminders, kBureau, Scope::kCounty, "county_code"),
      Row<v1::DueRequest>(access::kDue, kClerk | kBureau, Scope::kSchool, "county_code",
                          "school_code"),
      // AdminService
      Row<v1::BackupRequest>(access::kBackup, kAdmin, Scope::kServer, ""),
      // EvaluationService
      Row<v1::EvaluateRequest>(access::kEvaluate, kReaders, Scope::kCounty, "county_code"),
      Row<v1::EvaluateWithInputRequest>(access::kEvaluateWithInput, kReaders, Scope::kCounty,
                                        "county_code"),
      Row<v1::SubmitCountyFactsRequest>(access::kSubmitCountyFacts, kAdmin, Scope::kCounty,
                                        "facts.county_code"),
      Row<v1::GetCountyFactsRequest>(access::kGetCountyFacts, kReaders, Scope::kCounty,
                                     "county_code"),
      Row<v1::ListSnapshotsRequest>(access::kListSnapshots, kReaders, Scope::kCounty,
                                    "county_code"),
      Row<v1::GetSnapshotRequest>(access::kGetSnapshot, kReaders, Scope::kCounty, "county_code"),
      Row<v1::TrendRequest>(access::kTrend, kReaders, Scope::kCounty, "county_code"),
      // A clerk sees the school's own standing, never the county's evaluation (other schools).
      Row<v1::SchoolStandingRequest>(access::kSchoolStanding, kClerk | kReaders, Scope::kSchool,
                                     "county_code", "school_code"),
      // RegionService: a region viewer's own region or one under it.
      Row<v1::ListRegionsRequest>(access::kListRegions, kRegionViewer, Scope::kRegion,
                                  "region_code"),
      Row<v1::RegionStatusRequest>(access::kRegionStatus, kRegionViewer, Scope::kRegion,
                                   "region_code"),
      Row<v1::EvaluateRegionRequest>(access::kEvaluateRegion, kRegionViewer, Scope::kRegion,
                                     "region_code"),
      Row<v1::RegionTrendRequest>(access::kRegionTrend, kRegionViewer, Scope::kRegion,
                                  "region_code"),
      // TokenService
      Row<v1::IssueTokenRequest>(access::kIssueToken, kAdmin, Scope::kCounty, "county_code"),
      Row<v1::RevokeTokenRequest>(access::kRevokeToken, kAdmin, Scope::kCounty, "county_code"),
      Row<v1::ListTokensRequest>(access::kListTokens, kAdmin, Scope::kCounty, "county_code"),
      // AuditService
      Row<v1::ListAuditRequest>(access::kListAudit, kAuditor, Scope::kCounty, "county_code"),
      Row<v1::VerifyAuditRequest>(access::kVerifyAudit, kAuditor, Scope::kCounty, "county_code"),
  };
  return table;
}

// Every service of package junheng.v1 linked into this program.
std::vector<const google::protobuf::ServiceDescriptor*> JunhengServices() {
  std::vector<std::string> files;
  google::protobuf::DescriptorPool::internal_generated_database()->FindAllFileNames(&files);
  std::vector<const google::protobuf::ServiceDescriptor*> services;
  for (const std::string& name : files) {
    const auto* file = google::protobuf::DescriptorPool::generated_pool()->FindFileByName(name);
    if (file == nullptr || file->package() != "junheng.v1") continue;
    for (int s = 0; s < file->service_count(); ++s) services.push_back(file->service(s));
  }
  return services;
}

const google::protobuf::FieldDescriptor* FieldOfPath(const google::protobuf::Descriptor* type,
                                                     absl::string_view path) {
  const google::protobuf::FieldDescriptor* field = nullptr;
  for (absl::string_view part : absl::StrSplit(path, '.')) {
    if (type == nullptr) return nullptr;
    field = type->FindFieldByName(std::string(part));
    if (field == nullptr || field->is_repeated()) return nullptr;
    type = field->message_type();
  }
  return field != nullptr && field->type() == google::protobuf::FieldDescriptor::TYPE_STRING
             ? field
             : nullptr;
}

}  // namespace

const std::vector<MethodRule>& Policy() { return Table(); }

const MethodRule* FindRule(const MethodDescriptor& method) {
  for (const auto& rule : Table()) {
    if (rule.method == &method) return &rule;
  }
  return nullptr;
}

const MethodDescriptor* MethodTaking(const Descriptor& request) {
  const google::protobuf::FileDescriptor* file = request.file();
  for (int s = 0; s < file->service_count(); ++s) {
    const auto* service = file->service(s);
    for (int m = 0; m < service->method_count(); ++m) {
      if (service->method(m)->input_type() == &request) return service->method(m);
    }
  }
  return nullptr;
}

std::string MethodPath(const MethodDescriptor& method) {
  return absl::StrCat("/", method.service()->full_name(), "/", method.name());
}

std::string FieldAtPath(const google::protobuf::Message& message, absl::string_view path,
                        bool* found) {
  *found = false;
  const google::protobuf::Message* current = &message;
  std::vector<absl::string_view> parts = absl::StrSplit(path, '.');
  for (size_t i = 0; i < parts.size(); ++i) {
    const auto* field = current->GetDescriptor()->FindFieldByName(std::string(parts[i]));
    if (field == nullptr || field->is_repeated()) return "";
    const auto* reflection = current->GetReflection();
    if (i + 1 == parts.size()) {
      if (field->type() != google::protobuf::FieldDescriptor::TYPE_STRING) return "";
      *found = true;
      return reflection->GetString(*current, field);
    }
    if (field->type() != google::protobuf::FieldDescriptor::TYPE_MESSAGE) return "";
    current = &reflection->GetMessage(*current, field);
  }
  return "";
}

std::string RoleTitle(junheng::v1::Role role) {
  switch (role) {
    case junheng::v1::SCHOOL_CLERK:
      return i18n::Say(access::kSchoolClerk);
    case junheng::v1::BUREAU_VIEWER:
      return i18n::Say(access::kBureauViewer);
    case junheng::v1::BUREAU_ADMIN:
      return i18n::Say(access::kBureauAdmin);
    case junheng::v1::AUDITOR:
      return i18n::Say(access::kAuditor);
    case junheng::v1::REGION_VIEWER:
      return i18n::Say(access::kRegionViewer);
    default:
      return RoleName(role);
  }
}

absl::Status CheckRule(const Principal& principal, const MethodRule& rule,
                       const google::protobuf::Message& request) {
  if ((rule.roles & RoleBit(principal.role)) == 0) {
    std::string allowed;
    for (auto role :
         {junheng::v1::SCHOOL_CLERK, junheng::v1::BUREAU_VIEWER, junheng::v1::BUREAU_ADMIN,
          junheng::v1::AUDITOR, junheng::v1::REGION_VIEWER}) {
      if ((rule.roles & RoleBit(role)) == 0) continue;
      if (!allowed.empty()) absl::StrAppend(&allowed, i18n::Say(access::kRoleSeparator));
      absl::StrAppend(&allowed, RoleTitle(role));
    }
    return absl::PermissionDeniedError(i18n::Say(access::kRoleMayNot, RoleTitle(principal.role),
                                                 i18n::Say(*rule.action), allowed));
  }
  if (rule.scope == Scope::kServer) return absl::OkStatus();
  bool found = false;
  const std::string county = FieldAtPath(request, rule.county_field, &found);
  if (!found) {
    return absl::PermissionDeniedError(
        i18n::Say(i18n::server::kNoRuleApplies, rule.path, rule.county_field));
  }
  if (principal.role == REGION_VIEWER) {
    // A region viewer's token names its region: a county request must name a county under it,
    // a region request the region itself or one under it.
    const bool under = rule.scope == Scope::kRegion ? IsRegionWithin(county, principal.county)
                                                    : IsCountyWithin(county, principal.county);
    if (!under) {
      return absl::PermissionDeniedError(
          i18n::Say(i18n::server::kOutsideRegion, principal.county, county, rule.county_field));
    }
    return absl::OkStatus();
  }
  if (rule.scope == Scope::kRegion || county != principal.county) {
    return absl::PermissionDeniedError(
        i18n::Say(i18n::server::kOtherCounty, principal.county, county, rule.county_field));
  }
  if (rule.scope == Scope::kSchool && principal.role == SCHOOL_CLERK) {
    const std::string school = FieldAtPath(request, rule.school_field, &found);
    if (!found || school != principal.school) {
      return absl::PermissionDeniedError(
          i18n::Say(i18n::server::kOtherSchool, principal.school, school, rule.school_field));
    }
  }
  return absl::OkStatus();
}

namespace {
bool AllDigits(absl::string_view code) {
  return std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}  // namespace

bool IsRegionCode(absl::string_view code) {
  return (code.size() == 2 || code.size() == 4) && AllDigits(code);
}

absl::string_view RegionCodePrefix(absl::string_view region) {
  return region == kNationCode ? absl::string_view() : region;
}

bool IsCountyWithin(absl::string_view county, absl::string_view region) {
  return IsRegionCode(region) && county.size() == 6 && AllDigits(county) &&
         absl::StartsWith(county, RegionCodePrefix(region));
}

bool IsRegionWithin(absl::string_view code, absl::string_view region) {
  return IsRegionCode(region) && IsRegionCode(code) &&
         absl::StartsWith(code, RegionCodePrefix(region));
}

std::vector<std::string> PolicyProblems() {
  std::vector<std::string> problems;
  std::set<const MethodDescriptor*> methods;
  std::set<const Descriptor*> inputs;
  for (const auto* service : JunhengServices()) {
    for (int m = 0; m < service->method_count(); ++m) {
      const MethodDescriptor* method = service->method(m);
      const std::string name = MethodPath(*method);
      methods.insert(method);
      if (!inputs.insert(method->input_type()).second) {
        problems.push_back(absl::StrCat(name, " takes ", method->input_type()->full_name(),
                                        ", which another method takes too; give each RPC its own "
                                        "request message"));
      }
      if (MethodTaking(*method->input_type()) != method) {
        problems.push_back(absl::StrCat(name, ": declare ", method->input_type()->full_name(),
                                        " in ", service->file()->name(), " beside its service"));
      }
      const MethodRule* rule = FindRule(*method);
      if (rule == nullptr) {
        problems.push_back(absl::StrCat(name, " has no row in the access table (policy.cc)"));
        continue;
      }
      if (rule->scope != Scope::kServer &&
          FieldOfPath(method->input_type(), rule->county_field) == nullptr) {
        problems.push_back(absl::StrCat(name, ": ", rule->county_field,
                                        " is not a string field of ",
                                        method->input_type()->full_name()));
      }
      if (rule->scope == Scope::kSchool &&
          FieldOfPath(method->input_type(), rule->school_field) == nullptr) {
        problems.push_back(absl::StrCat(name, ": ", rule->school_field,
                                        " is not a string field of ",
                                        method->input_type()->full_name()));
      }
    }
  }
  std::set<const MethodDescriptor*> rows;
  for (const auto& rule : Table()) {
    if (rule.method == nullptr || !methods.contains(rule.method)) {
      problems.push_back(absl::StrCat(rule.path, " is in the access table but no service has it"));
    } else if (!rows.insert(rule.method).second) {
      problems.push_back(absl::StrCat(rule.path, " has two rows in the access table"));
    }
  }
  return problems;
}

}  // namespace junheng::server::auth
