#include "server/tools/admin_commands.h"

#include <filesystem>
#include <ostream>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/i18n/lang.h"
#include "common/rpc/connect_failure.h"
#include "common/rpc/grpc_status.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "junheng/v1/admin.grpc.pb.h"
#include "server/storage/backup.h"

namespace junheng::server {
namespace {

int ExitFor(const absl::Status& status) {
  if (status.ok()) return 0;
  if (absl::IsUnavailable(status) || absl::IsDeadlineExceeded(status)) return 3;
  return 1;
}

}  // namespace

int RunBackupCommand(const std::string& address, const std::string& to, double deadline_seconds,
                     std::ostream& out, std::ostream& err) {
  return RunBackupCommand(address, to, deadline_seconds, rpc::ChannelSecurity::PlaintextForTests(),
                          out, err);
}

int RunBackupCommand(const std::string& address, const std::string& to, double deadline_seconds,
                     const rpc::ChannelSecurity& security, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  const std::string destination = std::filesystem::absolute(to, ec).lexically_normal().string();
  auto channel = rpc::MakeChannel(address, security, grpc::ChannelArguments());
  if (!channel.ok()) {
    err << "error: " << channel.status().message() << "\n";
    return 1;
  }
  auto stub = junheng::v1::AdminService::NewStub(*channel);
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(deadline_seconds)));
  rpc::AddCallCredentials(security, context);
  context.AddMetadata(i18n::kLangMetadataKey, std::string(i18n::LangWord(i18n::CurrentLang())));
  junheng::v1::BackupRequest request;
  request.set_destination(destination);
  junheng::v1::BackupResponse response;
  absl::Status status =
      rpc::DescribeConnectFailure(address, security,
                                  FromGrpcStatus(stub->Backup(&context, request, &response)))
          .status;
  if (!status.ok()) {
    err << "error: backup through " << address << " failed: " << status.message() << "\n";
    return ExitFor(status);
  }
  out << "backup written to " << response.destination() << " in "
      << (response.finished_unix_ms() - response.started_unix_ms())
      << " ms; every report acknowledged before it started is in it\n"
      << "restore it with: junheng-server restore --from " << response.destination()
      << " --data-dir NEW_DIR\n";
  return 0;
}

int RunRestoreCommand(const std::string& from, const std::string& data_dir, std::ostream& out,
                      std::ostream& err) {
  absl::Status status = storage::RestoreBackup(from, data_dir);
  if (!status.ok()) {
    err << "error: " << status.message() << "\n";
    return 1;
  }
  out << "restored " << from << " into " << data_dir << "; start junheng-server --data-dir "
      << data_dir << "\n";
  return 0;
}

}  // namespace junheng::server
