#pragma once

#include "common/time/clock.h"
#include "junheng/v1/bureau.grpc.pb.h"
#include "junheng/v1/evaluation.pb.h"
#include "server/auth/authorizer.h"
#include "server/rpc/handler.h"
#include "server/storage/store.h"

namespace junheng::server {

// The bureau's gRPC front end (callback API): periods, exceptions, review and monitoring, one
// Handle line per RPC over server/bureau.
class BureauServiceImpl final : public junheng::v1::BureauService::CallbackService,
                                private Handler {
 public:
  // `profile` sets the thresholds of the consistency warnings in SubmissionStatus.
  BureauServiceImpl(storage::Store* store, const Clock* clock, const auth::Authorizer* auth,
                    junheng::v1::Profile profile)
      : Handler(auth), store_(store), clock_(clock), profile_(std::move(profile)) {}

  grpc::ServerUnaryReactor* DefinePeriod(grpc::CallbackServerContext* context,
                                         const junheng::v1::DefinePeriodRequest* request,
                                         junheng::v1::ReportingPeriod* response) override;
  grpc::ServerUnaryReactor* ListPeriods(grpc::CallbackServerContext* context,
                                        const junheng::v1::ListPeriodsRequest* request,
                                        junheng::v1::ListPeriodsResponse* response) override;
  grpc::ServerUnaryReactor* GrantException(grpc::CallbackServerContext* context,
                                           const junheng::v1::GrantExceptionRequest* request,
                                           junheng::v1::SubmissionException* response) override;
  grpc::ServerUnaryReactor* ReviewReport(grpc::CallbackServerContext* context,
                                         const junheng::v1::ReviewReportRequest* request,
                                         junheng::v1::ReviewRecord* response) override;
  grpc::ServerUnaryReactor* SubmissionStatus(
      grpc::CallbackServerContext* context, const junheng::v1::SubmissionStatusRequest* request,
      junheng::v1::SubmissionStatusResponse* response) override;
  grpc::ServerUnaryReactor* Reminders(grpc::CallbackServerContext* context,
                                      const junheng::v1::RemindersRequest* request,
                                      junheng::v1::RemindersResponse* response) override;
  grpc::ServerUnaryReactor* Due(grpc::CallbackServerContext* context,
                                const junheng::v1::DueRequest* request,
                                junheng::v1::DueResponse* response) override;

 private:
  storage::Store* store_;
  const Clock* clock_;
  junheng::v1::Profile profile_;
};

}  // namespace junheng::server
