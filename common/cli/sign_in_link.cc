#include "common/cli/sign_in_link.h"

namespace junheng::cli {

std::optional<std::string> WebConsoleBase(std::string_view web_url) {
  std::string base(web_url);
  while (base.ends_with('/')) base.pop_back();
  if (!base.starts_with("https://") && !base.starts_with("http://")) return std::nullopt;
  return base;
}

std::string SignInLink(std::string_view base, std::string_view code) {
  std::string link(base);
  link.append("/enrol.html#code=").append(code);
  return link;
}

}  // namespace junheng::cli
