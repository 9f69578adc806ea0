#pragma once

#include "common/time/clock.h"
#include "junheng/v1/services.grpc.pb.h"
#include "server/auth/authorizer.h"
#include "server/reporting/report_intake.h"
#include "server/rpc/handler.h"
#include "server/storage/store.h"

namespace junheng::server {

// ReportingService and RegistryService (callback API): one Handle line per RPC over
// server/reporting.
class ReportingServiceImpl final : public junheng::v1::ReportingService::CallbackService,
                                   private Handler {
 public:
  // `metrics`: where the intake counts reports (nullptr: a registry nobody scrapes).
  ReportingServiceImpl(storage::Store* store, const Clock* clock, const auth::Authorizer* auth,
                       metrics::Registry* metrics = nullptr)
      : Handler(auth), store_(store), intake_(store, clock, metrics) {}

  grpc::ServerUnaryReactor* SubmitReport(grpc::CallbackServerContext* context,
                                         const junheng::v1::SubmitReportRequest* request,
                                         junheng::v1::SubmitReportResponse* response) override;
  grpc::ServerUnaryReactor* SubmitReports(grpc::CallbackServerContext* context,
                                          const junheng::v1::SubmitReportsRequest* request,
                                          junheng::v1::SubmitReportsResponse* response) override;
  grpc::ServerUnaryReactor* ValidateReport(grpc::CallbackServerContext* context,
                                           const junheng::v1::ValidateReportRequest* request,
                                           junheng::v1::ValidateReportResponse* response) override;
  grpc::ServerUnaryReactor* GetReport(grpc::CallbackServerContext* context,
                                      const junheng::v1::GetReportRequest* request,
                                      junheng::v1::StoredReport* response) override;
  grpc::ServerUnaryReactor* ListReportVersions(
      grpc::CallbackServerContext* context, const junheng::v1::ListReportVersionsRequest* request,
      junheng::v1::ListReportVersionsResponse* response) override;
  grpc::ServerUnaryReactor* ListLatestReports(
      grpc::CallbackServerContext* context, const junheng::v1::ListLatestReportsRequest* request,
      junheng::v1::ListLatestReportsResponse* response) override;

 private:
  const storage::Store* store_;
  ReportIntake intake_;
};

class RegistryServiceImpl final : public junheng::v1::RegistryService::CallbackService,
                                  private Handler {
 public:
  RegistryServiceImpl(storage::Store* store, const Clock* clock, const auth::Authorizer* auth)
      : Handler(auth), store_(store), clock_(clock) {}

  grpc::ServerUnaryReactor* UpsertSchools(grpc::CallbackServerContext* context,
                                          const junheng::v1::UpsertSchoolsRequest* request,
                                          junheng::v1::UpsertSchoolsResponse* response) override;
  grpc::ServerUnaryReactor* ListSchools(grpc::CallbackServerContext* context,
                                        const junheng::v1::ListSchoolsRequest* request,
                                        junheng::v1::ListSchoolsResponse* response) override;
  grpc::ServerUnaryReactor* GetSchool(grpc::CallbackServerContext* context,
                                      const junheng::v1::GetSchoolRequest* request,
                                      junheng::v1::School* response) override;

 private:
  storage::Store* store_;
  const Clock* clock_;
};

}  // namespace junheng::server
