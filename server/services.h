#pragma once

#include "common/time/clock.h"
#include "junheng/v1/services.grpc.pb.h"
#include "server/auth/authorizer.h"
#include "server/report_intake.h"
#include "server/storage/store.h"

namespace junheng::server {

// gRPC front ends (callback API). Each handler is a thin translation: request in, the logic's
// absl::Status out as the canonical gRPC code. The logic lives in ReportIntake, registry.h and
// the Store.

class ReportingServiceImpl final : public junheng::v1::ReportingService::CallbackService {
 public:
  ReportingServiceImpl(storage::Store* store, const Clock* clock, std::mutex* write_mu,
                       const auth::Authorizer* auth)
      : store_(store), intake_(store, clock, write_mu), auth_(auth) {}

  grpc::ServerUnaryReactor* SubmitReport(grpc::CallbackServerContext* context,
                                         const junheng::v1::SubmitReportRequest* request,
                                         junheng::v1::SubmitReportResponse* response) override;
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
  storage::Store* store_;
  ReportIntake intake_;
  const auth::Authorizer* auth_;
};

class RegistryServiceImpl final : public junheng::v1::RegistryService::CallbackService {
 public:
  RegistryServiceImpl(storage::Store* store, const Clock* clock, const auth::Authorizer* auth)
      : store_(store), clock_(clock), auth_(auth) {}

  grpc::ServerUnaryReactor* UpsertSchools(grpc::CallbackServerContext* context,
                                          const junheng::v1::UpsertSchoolsRequest* request,
                                          junheng::v1::UpsertSchoolsResponse* response) override;
  grpc::ServerUnaryReactor* ListSchools(grpc::CallbackServerContext* context,
                                        const junheng::v1::ListSchoolsRequest* request,
                                        junheng::v1::ListSchoolsResponse* response) override;

 private:
  storage::Store* store_;
  const Clock* clock_;
  const auth::Authorizer* auth_;
};

}  // namespace junheng::server
