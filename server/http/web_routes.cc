#include "server/http/web_routes.h"

#include <openssl/crypto.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "common/catalog/catalog.h"
#include "common/i18n/lang.h"
#include "common/i18n/server_messages.h"
#include "common/io/message_codec.h"
#include "common/render/report_sheet.h"
#include "common/validate/validation_result.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "junheng/v1/report.pb.h"
#include "junheng/v1/services.pb.h"
#include "server/auth/principal.h"
#include "server/http/catalog_json.h"
#include "server/observability/metrics_text.h"
#include "server/observability/structured_log.h"

namespace junheng::server::http {
namespace {

using google::protobuf::Struct;

constexpr absl::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; object-src 'none'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
// A session cookie lives as long as the longest session may.
constexpr absl::Duration kCookieLifetime = absl::Hours(24 * 30);

const std::string& Header(const HttpRequest& request, absl::string_view name) {
  static const std::string* const kNone = new std::string();
  auto it = request.headers.find(name);
  return it == request.headers.end() ? *kNone : it->second;
}

bool IsJson(const HttpRequest& request) {
  absl::string_view type = Header(request, "content-type");
  type = absl::StripAsciiWhitespace(type.substr(0, type.find(';')));
  return absl::EqualsIgnoreCase(type, "application/json");
}

std::string LangOf(const HttpRequest& request) {
  return absl::StartsWithIgnoreCase(Header(request, "accept-language"), "en") ? "en" : "zh";
}

HttpAnswer Json(const Struct& value) {
  HttpAnswer answer;
  answer.content_type = "application/json";
  answer.body = StructJson(value);
  return answer;
}

Struct WhoJson(const auth::WebSession& session) {
  Struct who;
  auto& fields = *who.mutable_fields();
  fields["role"].set_string_value(auth::RoleName(session.principal.role));
  fields["county_code"].set_string_value(session.principal.county);
  fields["school_code"].set_string_value(session.principal.school);
  fields["label"].set_string_value(session.label);
  return who;
}

bool SameSecret(absl::string_view a, absl::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string ContentTypeOf(absl::string_view path) {
  static const std::pair<absl::string_view, absl::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
  };
  for (const auto& [ext, type] : kTypes) {
    if (absl::EndsWith(path, ext)) return std::string(type);
  }
  return "application/octet-stream";
}

// X-File-Name as pages send it: percent-encoded UTF-8, since fetch() sends only ASCII header
// values. A malformed escape is kept as it is.
std::string PercentDecoded(absl::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && absl::ascii_isxdigit(text[i + 1]) &&
        absl::ascii_isxdigit(text[i + 2])) {
      auto digit = [](char c) {
        return absl::ascii_isdigit(c) ? c - '0' : absl::ascii_tolower(c) - 'a' + 10;
      };
      out += static_cast<char>(digit(text[i + 1]) * 16 + digit(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The token after "Bearer " (the scheme in any case, RFC 9110), or "".
std::string BearerOf(const HttpRequest& request) {
  absl::string_view authorization = Header(request, "authorization");
  if (authorization.size() < 7 || !absl::StartsWithIgnoreCase(authorization, "Bearer ")) return "";
  return std::string(absl::StripAsciiWhitespace(authorization.substr(7)));
}

HttpAnswer NotFound(absl::string_view path) {
  HttpAnswer answer = ErrorAnswer(absl::NotFoundError(absl::StrCat(path, "：没有这个页面")));
  return answer;
}

bool IsApiPath(absl::string_view path) {
  return absl::StartsWith(path, "/junheng.v1.") || absl::StartsWith(path, "/auth/") ||
         absl::StartsWith(path, "/api/") || path == "/healthz" || path == "/readyz" ||
         path == "/metrics";
}

HttpAnswer PlainText(int status, std::string text) {
  HttpAnswer answer;
  answer.status = status;
  answer.content_type = "text/plain; charset=utf-8";
  answer.body = std::move(text);
  return answer;
}

HttpAnswer TooLarge(size_t max_body_bytes) {
  HttpAnswer answer = ErrorAnswer(absl::ResourceExhaustedError(
      absl::StrCat("the request body is larger than the server accepts (", max_body_bytes >> 20,
                   " MiB); send a smaller file")));
  answer.status = 413;
  return answer;
}

}  // namespace

std::string WebRoutes::Cookie(absl::string_view name, absl::string_view value, bool http_only,
                              absl::Duration max_age) const {
  return absl::StrCat(name, "=", value,
                      "; Path=/; SameSite=Strict; Max-Age=", absl::ToInt64Seconds(max_age),
                      http_only ? "; HttpOnly" : "", options_.tls ? "; Secure" : "");
}

std::string WebRoutes::SessionCookie() const {
  return options_.tls ? "__Host-jh_session" : "jh_session";
}

std::string WebRoutes::CsrfCookie() const { return options_.tls ? "__Host-jh_csrf" : "jh_csrf"; }

absl::StatusOr<std::string> WebRoutes::TokenOf(const HttpRequest& request, bool read_only) const {
  if (std::string bearer = BearerOf(request); !bearer.empty()) return bearer;
  auto cookie = request.cookies.find(SessionCookie());
  if (cookie == request.cookies.end() || cookie->second.empty()) return std::string();
  auto resolved = sessions_->Resolve(cookie->second);
  if (!resolved.ok()) return resolved.status();
  if (!read_only && !SameSecret(Header(request, "x-csrf-token"), resolved->session.csrf)) {
    return absl::PermissionDeniedError(i18n::Say(i18n::server::kCsrfMissing));
  }
  return resolved->token;
}

HttpAnswer WebRoutes::Handle(const HttpRequest& request) const {
  i18n::LangScope lang(LangOf(request) == "en" ? i18n::Lang::kEn : i18n::Lang::kZh);
  return WithSecurityHeaders(Route(request), IsApiPath(request.path));
}

std::optional<HttpAnswer> WebRoutes::RefuseEarly(const HttpRequest& headers_only,
                                                 size_t max_body_bytes) const {
  i18n::LangScope lang(LangOf(headers_only) == "en" ? i18n::Lang::kEn : i18n::Lang::kZh);
  const bool api = IsApiPath(headers_only.path);
  size_t declared = 0;
  if (absl::SimpleAtoi(Header(headers_only, "content-length"), &declared) &&
      declared > max_body_bytes) {
    return WithSecurityHeaders(TooLarge(max_body_bytes), api);
  }
  if (absl::StartsWith(headers_only.path, "/junheng.v1.") && BearerOf(headers_only).empty() &&
      !headers_only.cookies.contains(SessionCookie())) {
    return WithSecurityHeaders(
        ErrorAnswer(absl::UnauthenticatedError(
            i18n::Say(i18n::server::kUnauthenticated, i18n::Say(i18n::server::kNoToken)))),
        api);
  }
  return std::nullopt;
}

HttpAnswer WebRoutes::Route(const HttpRequest& request) const {
  HttpAnswer answer;
  const bool api = IsApiPath(request.path);
  if (request.body_too_large) {
    answer = TooLarge(options_.max_body_bytes);
  } else if (absl::StartsWith(request.path, "/junheng.v1.")) {
    answer = request.method == "POST"
                 ? Api(request)
                 : ErrorAnswer(absl::InvalidArgumentError("API calls are POST requests"));
    if (request.method != "POST") answer.status = 405;
  } else if (request.path == "/healthz" && (request.method == "GET" || request.method == "HEAD")) {
    answer = PlainText(200, "ok\n");
  } else if (request.path == "/readyz" && (request.method == "GET" || request.method == "HEAD")) {
    absl::Status ready = options_.readiness ? options_.readiness() : absl::OkStatus();
    answer = ready.ok() ? PlainText(200, "ready\n")
                        : PlainText(503, absl::StrCat("not ready: ", ready.message(), "\n"));
  } else if (request.path == "/metrics" && request.method == "GET" && options_.metrics) {
    answer.content_type = metrics::kTextContentType;
    answer.body = options_.metrics();
  } else if (request.path == "/auth/enrol" && request.method == "POST") {
    answer = Enrol(request);
  } else if (request.path == "/auth/session" && request.method == "GET") {
    answer = Session(request);
  } else if (request.path == "/auth/logout" && request.method == "POST") {
    answer = Logout(request);
  } else if (request.path == "/api/catalog.json" && request.method == "GET") {
    answer.content_type = "application/json";
    answer.body = CatalogJson();
  } else if (request.path == "/api/read-report" && request.method == "POST") {
    answer = ReadReport(request);
  } else if (request.path == "/api/template.xlsx" && request.method == "GET") {
    answer = Template(request);
  } else if (absl::StartsWith(request.path, "/api/export/") && request.method == "GET") {
    answer = Export(request);
  } else if (api) {
    answer = NotFound(request.path);
  } else if (request.method == "GET" || request.method == "HEAD") {
    answer = Page(request);
  } else {
    answer = ErrorAnswer(absl::InvalidArgumentError("pages are read with GET"));
    answer.status = 405;
  }
  return answer;
}

HttpAnswer WebRoutes::WithSecurityHeaders(HttpAnswer answer, bool api) const {
  auto& headers = answer.headers;
  headers.emplace_back("Content-Security-Policy", kContentSecurityPolicy);
  headers.emplace_back("X-Content-Type-Options", "nosniff");
  headers.emplace_back("Referrer-Policy", "no-referrer");
  headers.emplace_back("X-Frame-Options", "DENY");
  if (options_.tls) headers.emplace_back("Strict-Transport-Security", "max-age=31536000");
  headers.emplace_back("Cache-Control", api ? "no-store" : "no-cache");
  return answer;
}

HttpAnswer WebRoutes::Api(const HttpRequest& request) const {
  auto token = TokenOf(request);
  if (!token.ok()) return ErrorAnswer(token.status());
  ApiCall call;
  call.path = request.path;
  call.content_type = Header(request, "content-type");
  call.body = request.body;
  call.bearer_token = *std::move(token);
  call.lang = LangOf(request);
  call.peer = request.peer;
  int64_t timeout_ms = 0;
  if (absl::SimpleAtoi(Header(request, "connect-timeout-ms"), &timeout_ms) && timeout_ms > 0) {
    call.timeout = absl::Milliseconds(timeout_ms);
  }
  return api_->Call(call);
}

HttpAnswer WebRoutes::Enrol(const HttpRequest& request) const {
  if (!IsJson(request)) {
    return ErrorAnswer(absl::InvalidArgumentError("send {\"code\": \"...\"} as application/json"));
  }
  Struct body;
  if (!google::protobuf::util::JsonStringToMessage(request.body, &body).ok() ||
      !body.fields().contains("code")) {
    return ErrorAnswer(absl::InvalidArgumentError("send {\"code\": \"...\"} as application/json"));
  }
  auto session = sessions_->Enrol(body.fields().at("code").string_value(), request.peer);
  // The exchange's line names the peer and, once signed in, the token's id; never the code.
  if (spdlog::should_log(spdlog::level::info)) {
    LogEvent line("sign_in");
    line.Add("result", session.ok() ? "ok" : "refused").Add("peer", request.peer);
    if (session.ok()) {
      line.Add("token_id", session->principal.token_id)
          .Add("role", auth::RoleName(session->principal.role))
          .Add("county", session->principal.county);
    } else {
      line.Add("message", session.status().message());
    }
    line.Log(spdlog::level::info);
  }
  if (!session.ok()) return ErrorAnswer(session.status());
  HttpAnswer answer = Json(WhoJson(*session));
  answer.headers.emplace_back("Set-Cookie",
                              Cookie(SessionCookie(), session->cookie, true, kCookieLifetime));
  answer.headers.emplace_back("Set-Cookie",
                              Cookie(CsrfCookie(), session->csrf, false, kCookieLifetime));
  return answer;
}

HttpAnswer WebRoutes::Session(const HttpRequest& request) const {
  auto cookie = request.cookies.find(SessionCookie());
  if (cookie == request.cookies.end()) {
    return ErrorAnswer(absl::UnauthenticatedError(i18n::Say(i18n::server::kSessionUnknown)));
  }
  auto resolved = sessions_->Resolve(cookie->second);
  if (!resolved.ok()) return ErrorAnswer(resolved.status());
  resolved->session.label = sessions_->LabelOf(resolved->session.principal);
  return Json(WhoJson(resolved->session));
}

HttpAnswer WebRoutes::Logout(const HttpRequest& request) const {
  auto token = TokenOf(request);
  if (!token.ok()) return ErrorAnswer(token.status());
  auto cookie = request.cookies.find(SessionCookie());
  if (cookie != request.cookies.end()) {
    absl::Status ended = sessions_->End(cookie->second);
    if (!ended.ok() && ended.code() != absl::StatusCode::kUnauthenticated) {
      return ErrorAnswer(ended);
    }
  }
  HttpAnswer answer = Json(Struct());
  answer.headers.emplace_back("Set-Cookie",
                              Cookie(SessionCookie(), "", true, absl::ZeroDuration()));
  answer.headers.emplace_back("Set-Cookie", Cookie(CsrfCookie(), "", false, absl::ZeroDuration()));
  return answer;
}

HttpAnswer WebRoutes::ReadReport(const HttpRequest& request) const {
  auto token = TokenOf(request);
  if (!token.ok()) return ErrorAnswer(token.status());
  auto who = tokens_->Authenticate(*token);
  if (!who.ok()) return ErrorAnswer(who.status());
  std::string name = PercentDecoded(Header(request, "x-file-name"));
  if (name.empty()) name = "report.xlsx";
  auto reports = io::ReadRecords<junheng::v1::SchoolReport>(request.body, name);
  if (!reports.ok()) {
    return ErrorAnswer(
        absl::InvalidArgumentError(absl::StrCat(name, "：", reports.status().message())));
  }
  Struct out;
  auto& list = *(*out.mutable_fields())["reports"].mutable_list_value();
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  for (const auto& report : *reports) {
    std::string json;
    if (!google::protobuf::util::MessageToJsonString(report, &json, options).ok() ||
        !google::protobuf::util::JsonStringToMessage(json, list.add_values()).ok()) {
      return ErrorAnswer(absl::InternalError("a report read from the file cannot be sent"));
    }
  }
  return Json(out);
}

HttpAnswer WebRoutes::Template(const HttpRequest& request) const {
  auto token = TokenOf(request, /*read_only=*/true);
  if (!token.ok()) return ErrorAnswer(token.status());
  auto query = [&](const char* name) {
    auto it = request.query.find(name);
    return it == request.query.end() ? std::string() : it->second;
  };
  const std::string school_code = query("school"), period = query("period");
  if (!validate::IsValidCode(school_code) || !validate::IsValidCode(period)) {
    return ErrorAnswer(absl::InvalidArgumentError(
        "give the school and the period: /api/template.xlsx?school=CODE&period=2024"));
  }
  auto who = tokens_->Authenticate(*token);
  if (!who.ok()) return ErrorAnswer(who.status());
  // The school through the API itself, so that its access rule decides who may have the
  // template (a clerk: only their own school's).
  junheng::v1::GetSchoolRequest get;
  get.set_county_code(who->county);
  get.set_school_code(school_code);
  HttpAnswer found = api_->Call(ApiCall{.path = "/junheng.v1.RegistryService/GetSchool",
                                        .content_type = "application/proto",
                                        .body = get.SerializeAsString(),
                                        .bearer_token = *token,
                                        .lang = LangOf(request),
                                        .peer = request.peer});
  if (found.status != 200) return found;
  junheng::v1::School school;
  if (!school.ParseFromString(found.body)) {
    return ErrorAnswer(absl::InternalError("the school's record does not decode"));
  }
  junheng::v1::SchoolReport report;
  report.set_school_code(school_code);
  report.set_period(period);
  report.set_county_code(who->county);
  const auto sections = catalog::SectionsOfSchoolType(school.school_type());
  const table::Table sheet =
      render::ReportTable({&report}, sections.value_or(catalog::kEverySection));
  return XlsxAttachment(
      [&](const std::string& path) { return render::WriteReportWorkbook(sheet, 0, path); },
      absl::StrCat(school_code, "-", period, ".xlsx"));
}

HttpAnswer WebRoutes::Export(const HttpRequest& request) const {
  auto token = TokenOf(request, /*read_only=*/true);
  if (!token.ok()) return ErrorAnswer(token.status());
  auto who = tokens_->Authenticate(*token);
  if (!who.ok()) return ErrorAnswer(who.status());
  absl::string_view name = request.path;
  absl::ConsumePrefix(&name, "/api/export/");
  if (!absl::ConsumeSuffix(&name, ".xlsx")) return NotFound(request.path);
  auto query = [&](const char* key) {
    auto it = request.query.find(key);
    return it == request.query.end() ? std::string() : it->second;
  };
  const std::string accepted = query("accepted_only");
  int from = 0, to = 0;
  (void)absl::SimpleAtoi(query("from"), &from);
  (void)absl::SimpleAtoi(query("to"), &to);
  return exports_.Download(ExportRequest{.name = std::string(name),
                                         .county = who->county,
                                         .period = query("period"),
                                         .accepted_only = accepted == "1" || accepted == "true",
                                         .from_year = from,
                                         .to_year = to,
                                         .token = *token,
                                         .lang = LangOf(request)});
}

HttpAnswer WebRoutes::Page(const HttpRequest& request) const {
  std::string path = request.path == "/" ? "/index.html" : request.path;
  if (options_.web_root.empty() || !absl::StartsWith(path, "/") || absl::StrContains(path, "..") ||
      absl::StrContains(path, "\\") || absl::StrContains(path, std::string(1, '\0')) ||
      absl::StrContains(path, "//")) {
    return NotFound(request.path);
  }
  std::error_code error;
  // The file, with links resolved, must lie under the web root.
  const std::filesystem::path root = std::filesystem::canonical(options_.web_root, error);
  const std::filesystem::path full =
      error ? std::filesystem::path()
            : std::filesystem::weakly_canonical(root / path.substr(1), error);
  auto [end, unused] = std::mismatch(root.begin(), root.end(), full.begin(), full.end());
  if (error || end != root.end() || !std::filesystem::is_regular_file(full, error)) {
    return NotFound(request.path);
  }
  std::ifstream file(full, std::ios::binary);
  if (!file) return NotFound(request.path);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  HttpAnswer answer;
  answer.content_type = ContentTypeOf(path);
  answer.body = bytes.str();
  return answer;
}

}  // namespace junheng::server::http
