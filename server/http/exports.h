#pragma once

#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "server/http/api_gateway.h"
#include "server/http/connect_protocol.h"

namespace junheng::server::http {

// What a download of the web console asks for: GET /api/export/<name>.xlsx?period=P.
struct ExportRequest {
  // status | reminders | values | evaluation | forms | schools | trend
  std::string name;
  std::string county;
  std::string period;
  // values, evaluation, forms: only the versions the bureau accepted.
  bool accepted_only = false;
  // trend: the years, inclusive (period labels that are years).
  int from_year = 0;
  int to_year = 0;
  // The caller's credential and language, with which every RPC below is made.
  std::string token;
  std::string lang = "zh";
};

// An xlsx download: `write` makes the workbook at the path it is given (libxlsxwriter writes
// files only), here a private temporary file that is read into the answer and removed; the
// answer is an attachment named `file_name`, or `write`'s error.
HttpAnswer XlsxAttachment(const std::function<absl::Status(const std::string&)>& write,
                          const std::string& file_name);

// The web console's downloads are the command line's exports: the same RPCs, called through the
// API gateway with the caller's own credential (so each RPC's access rule decides, e.g. a clerk
// gets none of these), rendered by the same common/render code as `junheng status|remind|values|
// eval|forms|schools list|trend -o FILE.xlsx`. 404 for an unknown name; the RPCs' refusals as
// Connect errors.
class Exports {
 public:
  explicit Exports(const ApiGateway* api) : api_(api) {}

  HttpAnswer Download(const ExportRequest& request) const;

 private:
  const ApiGateway* api_;
};

}  // namespace junheng::server::http
