#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "common/i18n/message.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "junheng/v1/security.pb.h"
#include "server/auth/principal.h"

namespace junheng::server::auth {

// Which calls a credential may make. One table (policy.cc) has a row for every RPC method of
// every junheng service: the roles allowed and the scope rule. A method without a row is refused.
//
// Methods are named by their descriptors, never by typed strings: a row names the RPC's request
// message, and the method is the one the service descriptors give that input type (every RPC has
// a request message of its own, declared in its service's .proto; PolicyProblems checks both).
enum class Scope {
  // Server-wide: only the role is checked (Backup, whose copy stays on the server's machine).
  kServer,
  // The request's county must be the credential's county.
  kCounty,
  // As kCounty, and a school_clerk's request must name the clerk's own school.
  kSchool,
  // The request names a region (a province or a city code), which must be the region_viewer's
  // own or one under it. For a region_viewer, kCounty and kSchool rows take any county under the
  // region instead of one county.
  kRegion,
};

constexpr uint32_t RoleBit(junheng::v1::Role role) { return 1u << static_cast<int>(role); }

struct MethodRule {
  // The request message of the RPC, and the method that takes it (nullptr when no service
  // method does: PolicyProblems reports the row).
  const google::protobuf::Descriptor* request;
  const google::protobuf::MethodDescriptor* method;
  // As gRPC names the method, for messages: "/junheng.v1.ReportingService/SubmitReport".
  std::string path;
  // What the method does, as a refused person reads it ("提交学校报表").
  const i18n::Msg* action;
  // RoleBit()s of the roles allowed.
  uint32_t roles;
  Scope scope;
  // Dotted paths of the request's string fields naming the county and (kSchool) the school,
  // e.g. "period.county_code", "report.school_code".
  absl::string_view county_field;
  absl::string_view school_field;
};

// The table, and the row of one method (nullptr for a method it does not name).
const std::vector<MethodRule>& Policy();
const MethodRule* FindRule(const google::protobuf::MethodDescriptor& method);

// The whole country as a region: every province and county lies under it. It is built in, not
// imported (no division code is 00).
inline constexpr char kNationCode[] = "00";
// A province (2 digits) or city (4 digits) code, or kNationCode.
bool IsRegionCode(absl::string_view code);
// What the codes under `region` start with: the code itself, "" for kNationCode.
absl::string_view RegionCodePrefix(absl::string_view region);
// True when `county` (6 digits) lies under `region` (its code starts with the region's).
bool IsCountyWithin(absl::string_view county, absl::string_view region);
// True when region `code` is `region` or lies under it.
bool IsRegionWithin(absl::string_view code, absl::string_view region);

// The junheng method that takes `request` as its input, from the service descriptors of the
// request's .proto file; nullptr when none does.
const google::protobuf::MethodDescriptor* MethodTaking(const google::protobuf::Descriptor& request);

// "/<package>.<Service>/<Method>", the method's path on the wire.
std::string MethodPath(const google::protobuf::MethodDescriptor& method);

// A role as a person reads it: "学校填报员（school_clerk）".
std::string RoleTitle(junheng::v1::Role role);

// OK when `principal` may call `rule.method` with `request`; PERMISSION_DENIED otherwise, saying
// what the caller tried to do and which roles may (a role refusal), or naming the county/school.
[[nodiscard]] absl::Status CheckRule(const Principal& principal, const MethodRule& rule,
                                     const google::protobuf::Message& request);

// Problems with the table against the linked-in services of package junheng.v1: methods without
// a row, rows without a method, two methods with one request type or a request declared outside
// its service's file, field paths that are not string fields of the request. Empty when the
// table is complete; ServerApp refuses to start otherwise.
std::vector<std::string> PolicyProblems();

// The string at a dotted field path of `message`, or "" with *found=false.
std::string FieldAtPath(const google::protobuf::Message& message, absl::string_view path,
                        bool* found);

}  // namespace junheng::server::auth
