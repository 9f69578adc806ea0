#include "client/cli/onboard_command.h"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "client/cli/command_support.h"
#include "client/cli/exit_codes.h"
#include "client/outbox/record_files.h"
#include "client/rpc/connection.h"
#include "common/cli/sign_in_link.h"
#include "common/i18n/bureau_messages.h"
#include "common/i18n/client_messages.h"
#include "common/i18n/help_messages.h"
#include "common/i18n/outbox_messages.h"
#include "common/time/time_text.h"

namespace junheng::client {
namespace {

using i18n::Say;
namespace help = i18n::help;
namespace msg = i18n::bureau;

// One person to sign in: the request for their token, and the name and code the sheet shows.
struct Person {
  v1::IssueTokenRequest request;
  std::string name;
  std::string code;  // school code, or the role
};

std::string Html(absl::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

constexpr absl::string_view kSheetStyle =
    "body{font-family:'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;margin:0}"
    ".sheet{padding:18mm;page-break-after:always;max-width:180mm}"
    "h1{font-size:22pt;margin:0 0 4mm}h2{font-size:16pt;margin:0 0 6mm;font-weight:normal}"
    "svg{width:70mm;height:70mm}li{margin:2mm 0;font-size:12pt}"
    ".link{font-family:monospace;font-size:10pt;word-break:break-all;border:1px solid #999;"
    "padding:3mm}.small{font-size:9pt;color:#444}";

std::string SheetBody(const Person& person, const v1::IssueTokenResponse& issued,
                      const std::string& link) {
  std::string steps;
  const std::string expires =
      FormatInstant(absl::FromUnixMillis(issued.enrolment_expires_unix_ms()));
  for (absl::string_view step : absl::StrSplit(Say(msg::kSheetSteps, expires), '|')) {
    absl::StrAppend(&steps, "<li>", Html(step), "</li>");
  }
  const v1::TokenInfo& info = issued.info();
  return absl::StrCat("<section class=\"sheet\"><h1>", Html(Say(msg::kSheetTitle)), "</h1><h2>",
                      Html(Say(msg::kSheetFor, person.name, person.code)), "</h2>", QrSvg(link),
                      "<ol>", steps, "</ol><p class=\"link\">", Html(link),
                      "</p><p class=\"small\">",
                      Html(Say(msg::kSheetRole,
                               person.request.role() == v1::SCHOOL_CLERK   ? "school_clerk"
                               : person.request.role() == v1::BUREAU_ADMIN ? "bureau_admin"
                                                                           : "bureau_viewer",
                               info.county_code(), info.id())),
                      "</p></section>");
}

std::string Page(absl::string_view title, absl::string_view body) {
  return absl::StrCat("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>",
                      Html(title), "</title><style>", kSheetStyle, "</style></head><body>", body,
                      "</body></html>\n");
}

// Writes a sheet readable by its owner only: it signs a person in.
bool WriteFile(const std::filesystem::path& path, const std::string& text, std::ostream& err) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  std::error_code error;
  std::filesystem::permissions(
      path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
      std::filesystem::perm_options::replace, error);
  file << text;
  file.close();
  if (!file || error) {
    err << ErrorLine(Say(i18n::outbox::kCannotWrite, path.string(), std::strerror(errno)));
    return false;
  }
  return true;
}

}  // namespace

std::string QrSvg(const std::string& text) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (qr == nullptr) return "";
  const int width = qr->width;
  constexpr int kQuiet = 4;  // the quiet zone readers need around the code
  std::string path;
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      if (qr->data[y * width + x] & 1) {
        absl::StrAppend(&path, "M", x + kQuiet, " ", y + kQuiet, "h1v1h-1z");
      }
    }
  }
  const int size = width + 2 * kQuiet;
  return absl::StrCat("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ", size, " ", size,
                      "\" shape-rendering=\"crispEdges\"><rect width=\"", size, "\" height=\"",
                      size, "\" fill=\"#fff\"/><path fill=\"#000\" d=\"", path, "\"/></svg>");
}

int RunOnboard(const Globals& g, const OnboardArgs& args, std::ostream& out, std::ostream& err) {
  if (!NeedCounty(g, err)) return kExitUsage;
  const std::optional<std::string> base = cli::WebConsoleBase(args.web_url);
  if (!base) {
    err << ErrorLine(Say(msg::kOnboardBadUrl, args.web_url));
    return kExitUsage;
  }
  std::vector<Person> people;
  if (!args.schools_file.empty()) {
    auto schools = LoadSchools(args.schools_file, g.county);
    if (!schools.ok()) return Fail(schools.status(), err);
    for (const v1::School& school : *schools) {
      Person& p = people.emplace_back();
      p.request.set_role(v1::SCHOOL_CLERK);
      p.request.set_school_code(school.school_code());
      p.request.set_label(school.school_name());
      p.name = school.school_name();
      p.code = school.school_code();
    }
  } else if ((args.role == "bureau_viewer" || args.role == "bureau_admin") && !args.label.empty()) {
    Person& p = people.emplace_back();
    p.request.set_role(args.role == "bureau_admin" ? v1::BUREAU_ADMIN : v1::BUREAU_VIEWER);
    p.request.set_label(args.label);
    p.name = args.label;
    p.code = args.role;
  } else {
    err << ErrorLine(Say(msg::kOnboardNeedsWho));
    return kExitUsage;
  }

  std::error_code error;
  std::filesystem::create_directories(args.out_dir, error);
  if (!error) {
    std::filesystem::permissions(args.out_dir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, error);
  }
  if (error) {
    err << ErrorLine(Say(i18n::outbox::kCannotCreate, args.out_dir, error.message()));
    return kExitUsage;
  }
  Connection connection = Connect(g);
  std::string all;
  for (Person& person : people) {
    person.request.set_county_code(g.county);
    person.request.set_enrolment(true);
    auto issued = connection.Call(&v1::TokenService::Stub::IssueToken, person.request);
    if (!issued.ok()) return Fail(issued.status(), err);
    for (const std::string& warning : issued->warnings())
      err << Say(i18n::client::kWarning, warning) << "\n";
    const std::string link = cli::SignInLink(*base, issued->enrolment_code());
    const std::string body = SheetBody(person, *issued, link);
    absl::StrAppend(&all, body);
    // A school's sheet is named after the school; a bureau member's after the role and token id,
    // so that onboarding a second member does not overwrite the first's.
    const std::string file = person.request.role() == v1::SCHOOL_CLERK
                                 ? person.code
                                 : absl::StrCat(person.code, "-", issued->info().id());
    if (!WriteFile(std::filesystem::path(args.out_dir) / (file + ".html"),
                   Page(Say(msg::kSheetFor, person.name, person.code), body), err)) {
      return kExitRejected;
    }
    out << person.code << "\t" << person.name << "\t" << link << "\n";
  }
  const auto index = std::filesystem::path(args.out_dir) / "all.html";
  if (!WriteFile(index, Page(Say(msg::kSheetTitle), all), err)) return kExitRejected;
  err << Say(msg::kOnboardWritten, people.size(), args.out_dir, index.string()) << "\n";
  return kExitOk;
}

void AddOnboardCommand(CLI::App& admin, const Globals& g, int* exit_code) {
  auto args = std::make_shared<OnboardArgs>();
  auto* onboard = admin.add_subcommand("onboard", Say(help::kOnboard));
  onboard->add_option("--schools", args->schools_file, Say(help::kOnboardSchools));
  onboard->add_option("--role", args->role, "bureau_viewer | bureau_admin");
  onboard->add_option("--label", args->label, Say(help::kTokenLabel));
  onboard->add_option("--web-url", args->web_url, Say(help::kOnboardWebUrl))->required();
  onboard->add_option("-o,--out", args->out_dir, Say(help::kOnboardOut))->capture_default_str();
  onboard->callback([=, &g] { *exit_code = RunOnboard(g, *args, std::cout, std::cerr); });
}

}  // namespace junheng::client
