#include "server/auth/policy.h"

#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/descriptor.h"
#include "junheng/v1/admin.grpc.pb.h"
#include "junheng/v1/bureau.grpc.pb.h"
#include "junheng/v1/evaluation_service.grpc.pb.h"
#include "junheng/v1/security.grpc.pb.h"
#include "junheng/v1/services.grpc.pb.h"

namespace junheng::server::auth {
namespace {

using junheng::v1::AUDITOR;
using junheng::v1::BUREAU_ADMIN;
using junheng::v1::BUREAU_VIEWER;
using junheng::v1::SCHOOL_CLERK;

constexpr uint32_t kClerk = RoleBit(SCHOOL_CLERK);
constexpr uint32_t kViewer = RoleBit(BUREAU_VIEWER);
constexpr uint32_t kAdmin = RoleBit(BUREAU_ADMIN);
constexpr uint32_t kAuditor = RoleBit(AUDITOR);
// What the bureau reads: a bureau_admin reads everything a bureau_viewer does.
constexpr uint32_t kBureau = kViewer | kAdmin;

// THE table. Reading a school's own reports and deadlines is open to its clerk; county-wide
// reads to the bureau; changes to bureau_admin (who may also submit a report on a school's
// behalf, e.g. from a paper form: the audit log shows the admin's credential); the audit log to
// the auditor only. docs/security.md explains each choice.
const std::vector<MethodRule>& Table() {
  static const std::vector<MethodRule> table = {
      {"/junheng.v1.ReportingService/SubmitReport", kClerk | kAdmin, Scope::kSchool, "county_code",
       "report.school_code"},
      {"/junheng.v1.ReportingService/GetReport", kClerk | kBureau, Scope::kSchool, "county_code",
       "school_code"},
      {"/junheng.v1.ReportingService/ListReportVersions", kClerk | kBureau, Scope::kSchool,
       "county_code", "school_code"},
      {"/junheng.v1.ReportingService/ListLatestReports", kBureau, Scope::kCounty, "county_code",
       ""},
      {"/junheng.v1.RegistryService/UpsertSchools", kAdmin, Scope::kCounty, "county_code", ""},
      {"/junheng.v1.RegistryService/ListSchools", kBureau, Scope::kCounty, "county_code", ""},
      {"/junheng.v1.BureauService/DefinePeriod", kAdmin, Scope::kCounty, "period.county_code", ""},
      {"/junheng.v1.BureauService/ListPeriods", kClerk | kBureau, Scope::kCounty, "county_code",
       ""},
      {"/junheng.v1.BureauService/GrantException", kAdmin, Scope::kCounty, "exception.county_code",
       ""},
      {"/junheng.v1.BureauService/ReviewReport", kAdmin, Scope::kCounty, "county_code", ""},
      {"/junheng.v1.BureauService/SubmissionStatus", kBureau, Scope::kCounty, "county_code", ""},
      {"/junheng.v1.BureauService/Reminders", kBureau, Scope::kCounty, "county_code", ""},
      {"/junheng.v1.BureauService/Due", kClerk | kBureau, Scope::kSchool, "county_code",
       "school_code"},
      {"/junheng.v1.AdminService/Backup", kAdmin, Scope::kServer, "", ""},
      {"/junheng.v1.EvaluationService/Evaluate", kBureau, Scope::kCounty, "county_code", ""},
      {"/junheng.v1.EvaluationService/SubmitCountyFacts", kAdmin, Scope::kCounty,
       "facts.county_code", ""},
      {"/junheng.v1.EvaluationService/GetCountyFacts", kBureau, Scope::kCounty, "county_code", ""},
      {"/junheng.v1.EvaluationService/ListSnapshots", kBureau, Scope::kCounty, "county_code", ""},
      {"/junheng.v1.EvaluationService/GetSnapshot", kBureau, Scope::kCounty, "county_code", ""},
      {"/junheng.v1.EvaluationService/Trend", kBureau, Scope::kCounty, "county_code", ""},
      {"/junheng.v1.TokenService/IssueToken", kAdmin, Scope::kCounty, "county_code", ""},
      {"/junheng.v1.TokenService/RevokeToken", kAdmin, Scope::kCounty, "county_code", ""},
      {"/junheng.v1.TokenService/ListTokens", kAdmin, Scope::kCounty, "county_code", ""},
      {"/junheng.v1.AuditService/ListAudit", kAuditor, Scope::kCounty, "county_code", ""},
      {"/junheng.v1.AuditService/VerifyAudit", kAuditor, Scope::kCounty, "county_code", ""},
  };
  return table;
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

const MethodRule* FindRule(absl::string_view method) {
  for (const auto& rule : Table()) {
    if (rule.method == method) return &rule;
  }
  return nullptr;
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

absl::Status CheckRule(const Principal& principal, const MethodRule& rule,
                       const google::protobuf::Message& request) {
  if ((rule.roles & RoleBit(principal.role)) == 0) {
    return absl::PermissionDeniedError(
        absl::StrCat("a ", RoleName(principal.role), " token may not call ", rule.method));
  }
  if (rule.scope == Scope::kServer) return absl::OkStatus();
  bool found = false;
  const std::string county = FieldAtPath(request, rule.county_field, &found);
  if (!found) {
    return absl::PermissionDeniedError(
        absl::StrCat("no access rule applies to ", rule.method, " (", rule.county_field, ")"));
  }
  if (county != principal.county) {
    return absl::PermissionDeniedError(absl::StrCat("this token is for county ", principal.county,
                                                    "; the request names county '", county, "' (",
                                                    rule.county_field, ")"));
  }
  if (rule.scope == Scope::kSchool && principal.role == SCHOOL_CLERK) {
    const std::string school = FieldAtPath(request, rule.school_field, &found);
    if (!found || school != principal.school) {
      return absl::PermissionDeniedError(absl::StrCat("this token is for school ", principal.school,
                                                      "; the request names school '", school, "' (",
                                                      rule.school_field, ")"));
    }
  }
  return absl::OkStatus();
}

std::vector<std::string> PolicyProblems() {
  // Touching one message of each file links its descriptors into the generated pool.
  for (const auto* d :
       {junheng::v1::SubmitReportRequest::descriptor(),
        junheng::v1::DefinePeriodRequest::descriptor(), junheng::v1::BackupRequest::descriptor(),
        junheng::v1::EvaluateRequest::descriptor(), junheng::v1::IssueTokenRequest::descriptor()}) {
    (void)d;
  }
  std::vector<std::string> problems;
  std::set<std::string> methods;
  const google::protobuf::DescriptorPool* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const char* file :
       {"junheng/v1/services.proto", "junheng/v1/bureau.proto", "junheng/v1/admin.proto",
        "junheng/v1/evaluation_service.proto", "junheng/v1/security.proto"}) {
    const google::protobuf::FileDescriptor* fd = pool->FindFileByName(file);
    if (fd == nullptr) {
      problems.push_back(absl::StrCat("the descriptor of ", file, " is not linked in"));
      continue;
    }
    for (int s = 0; s < fd->service_count(); ++s) {
      const auto* service = fd->service(s);
      for (int m = 0; m < service->method_count(); ++m) {
        const auto* method = service->method(m);
        const std::string name = absl::StrCat("/", service->full_name(), "/", method->name());
        methods.insert(name);
        const MethodRule* rule = FindRule(name);
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
  }
  for (const auto& rule : Table()) {
    if (!methods.contains(std::string(rule.method))) {
      problems.push_back(
          absl::StrCat(rule.method, " is in the access table but no service has it"));
    }
  }
  return problems;
}

}  // namespace junheng::server::auth
