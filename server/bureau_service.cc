#include "server/bureau_service.h"

#include "server/bureau/periods.h"
#include "server/bureau/review.h"
#include "server/bureau/submission_status.h"
#include "server/handler_util.h"

namespace junheng::server {

using namespace junheng::v1;

// Copies a StatusOr's value into the response and finishes the call with its status.
template <typename T>
grpc::ServerUnaryReactor* Reply(grpc::CallbackServerContext* context, absl::StatusOr<T> result,
                                T* response) {
  if (result.ok()) *response = *std::move(result);
  return Finish(context, result.status());
}

grpc::ServerUnaryReactor* BureauServiceImpl::DefinePeriod(grpc::CallbackServerContext* context,
                                                          const DefinePeriodRequest* request,
                                                          ReportingPeriod* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.BureauService/DefinePeriod", *request);
  if (!who.ok()) return Finish(context, who.status());
  return Reply(context, server::DefinePeriod(*store_, *clock_, request->period(), who->Actor()),
               response);
}

grpc::ServerUnaryReactor* BureauServiceImpl::ListPeriods(grpc::CallbackServerContext* context,
                                                         const ListPeriodsRequest* request,
                                                         ListPeriodsResponse* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.BureauService/ListPeriods", *request);
  if (!who.ok()) return Finish(context, who.status());
  absl::Status codes = CheckCodes({{"county_code", request->county_code()}});
  if (!codes.ok()) return Finish(context, codes);
  auto periods = server::ListPeriods(*store_, request->county_code());
  if (!periods.ok()) return Finish(context, periods.status());
  for (auto& p : *periods) *response->add_periods() = std::move(p);
  return Finish(context, absl::OkStatus());
}

grpc::ServerUnaryReactor* BureauServiceImpl::GrantException(grpc::CallbackServerContext* context,
                                                            const GrantExceptionRequest* request,
                                                            SubmissionException* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.BureauService/GrantException", *request);
  if (!who.ok()) return Finish(context, who.status());
  return Reply(context,
               server::GrantException(*store_, *clock_, request->exception(), who->Actor()),
               response);
}

grpc::ServerUnaryReactor* BureauServiceImpl::ReviewReport(grpc::CallbackServerContext* context,
                                                          const ReviewReportRequest* request,
                                                          ReviewRecord* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.BureauService/ReviewReport", *request);
  if (!who.ok()) return Finish(context, who.status());
  absl::Status codes = CheckCodes({{"county_code", request->county_code()},
                                   {"period", request->period()},
                                   {"school_code", request->school_code()}});
  if (!codes.ok()) return Finish(context, codes);
  std::lock_guard lock(*write_mu_);
  return Reply(context, server::ReviewReport(*store_, *clock_, *request, who->Actor()), response);
}

grpc::ServerUnaryReactor* BureauServiceImpl::SubmissionStatus(
    grpc::CallbackServerContext* context, const SubmissionStatusRequest* request,
    SubmissionStatusResponse* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.BureauService/SubmissionStatus", *request);
  if (!who.ok()) return Finish(context, who.status());
  absl::Status codes =
      CheckCodes({{"county_code", request->county_code()}, {"period", request->period()}});
  if (!codes.ok()) return Finish(context, codes);
  return Reply(context,
               BuildSubmissionStatus(*store_, request->county_code(), request->period(),
                                     clock_->Now(), &profile_),
               response);
}

grpc::ServerUnaryReactor* BureauServiceImpl::Reminders(grpc::CallbackServerContext* context,
                                                       const RemindersRequest* request,
                                                       RemindersResponse* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.BureauService/Reminders", *request);
  if (!who.ok()) return Finish(context, who.status());
  absl::Status codes =
      CheckCodes({{"county_code", request->county_code()}, {"period", request->period()}});
  if (!codes.ok()) return Finish(context, codes);
  if (request->days() < 0) {
    return Finish(context, absl::InvalidArgumentError("days must be 0 or more (--days)"));
  }
  return Reply(context,
               BuildReminders(*store_, request->county_code(), request->period(), request->days(),
                              clock_->Now()),
               response);
}

grpc::ServerUnaryReactor* BureauServiceImpl::Due(grpc::CallbackServerContext* context,
                                                 const DueRequest* request, DueResponse* response) {
  auto who = auth_->Authorize(context, "/junheng.v1.BureauService/Due", *request);
  if (!who.ok()) return Finish(context, who.status());
  absl::Status codes = CheckCodes(
      {{"county_code", request->county_code()}, {"school_code", request->school_code()}});
  if (!codes.ok()) return Finish(context, codes);
  return Reply(context,
               BuildDue(*store_, request->county_code(), request->school_code(), clock_->Now()),
               response);
}

}  // namespace junheng::server
