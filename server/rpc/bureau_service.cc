#include "server/rpc/bureau_service.h"

#include "server/bureau/periods.h"
#include "server/bureau/review.h"
#include "server/bureau/submission_status.h"

namespace junheng::server {

using auth::Principal;
using grpc::CallbackServerContext;
using grpc::ServerUnaryReactor;
using junheng::v1::DefinePeriodRequest;
using junheng::v1::DueRequest;
using junheng::v1::DueResponse;
using junheng::v1::GrantExceptionRequest;
using junheng::v1::ListPeriodsRequest;
using junheng::v1::ListPeriodsResponse;
using junheng::v1::RemindersRequest;
using junheng::v1::RemindersResponse;
using junheng::v1::ReportingPeriod;
using junheng::v1::ReviewRecord;
using junheng::v1::ReviewReportRequest;
using junheng::v1::SubmissionException;
using junheng::v1::SubmissionStatusRequest;
using junheng::v1::SubmissionStatusResponse;

ServerUnaryReactor* BureauServiceImpl::DefinePeriod(CallbackServerContext* context,
                                                    const DefinePeriodRequest* request,
                                                    ReportingPeriod* response) {
  return Handle(context, request, response, [&](const Principal& who) {
    return server::DefinePeriod(*store_, *clock_, request->period(), who.Actor());
  });
}

ServerUnaryReactor* BureauServiceImpl::ListPeriods(CallbackServerContext* context,
                                                   const ListPeriodsRequest* request,
                                                   ListPeriodsResponse* response) {
  return Handle(context, request, response,
                [&](const Principal&) { return server::ListPeriods(*store_, *request); });
}

ServerUnaryReactor* BureauServiceImpl::GrantException(CallbackServerContext* context,
                                                      const GrantExceptionRequest* request,
                                                      SubmissionException* response) {
  return Handle(context, request, response, [&](const Principal& who) {
    return server::GrantException(*store_, *clock_, request->exception(), who.Actor());
  });
}

ServerUnaryReactor* BureauServiceImpl::ReviewReport(CallbackServerContext* context,
                                                    const ReviewReportRequest* request,
                                                    ReviewRecord* response) {
  return Handle(context, request, response, [&](const Principal& who) {
    return server::ReviewReport(*store_, *clock_, *request, who.Actor());
  });
}

ServerUnaryReactor* BureauServiceImpl::SubmissionStatus(CallbackServerContext* context,
                                                        const SubmissionStatusRequest* request,
                                                        SubmissionStatusResponse* response) {
  return Handle(context, request, response, [&](const Principal&) {
    return BuildSubmissionStatus(*store_, *request, clock_->Now(), &profile_);
  });
}

ServerUnaryReactor* BureauServiceImpl::Reminders(CallbackServerContext* context,
                                                 const RemindersRequest* request,
                                                 RemindersResponse* response) {
  return Handle(context, request, response,
                [&](const Principal&) { return BuildReminders(*store_, *request, clock_->Now()); });
}

ServerUnaryReactor* BureauServiceImpl::Due(CallbackServerContext* context,
                                           const DueRequest* request, DueResponse* response) {
  return Handle(context, request, response,
                [&](const Principal&) { return BuildDue(*store_, *request, clock_->Now()); });
}

}  // namespace junheng::server
