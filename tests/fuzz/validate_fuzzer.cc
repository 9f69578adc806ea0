// libFuzzer target: validation of a decoded SubmitReportRequest, as the server receives it (the
// protobuf wire format), against no registry entry and against a registered school whose type
// comes from the input too.
#include <cstddef>
#include <cstdint>

#include "common/validate/report_validator.h"
#include "junheng/v1/report.pb.h"
#include "junheng/v1/school.pb.h"
#include "junheng/v1/services.pb.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  junheng::v1::SubmitReportRequest request;
  if (!request.ParseFromArray(data, static_cast<int>(size))) return 0;
  const junheng::v1::SchoolReport& report = request.report();
  auto unregistered = junheng::validate::ValidateReport(report, request.county_code(), nullptr);
  (void)unregistered;
  junheng::v1::School school;
  school.set_school_code(report.school_code());
  school.set_county_code(request.county_code());
  for (const char* type :
       {"primary", "junior", "nine_year", "complete_secondary", "teaching_point", "", "unknown"}) {
    school.set_school_type(type);
    auto registered = junheng::validate::ValidateReport(report, request.county_code(), &school);
    (void)registered;
  }
  auto content = junheng::validate::ValidateReportContent(report);
  (void)content;
  return 0;
}
