#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace junheng::cli {

// The web console's sign-in link (docs/web-console.md, "Signing in"), as `junheng admin onboard`
// puts it on a sign-in sheet and `junheng-server token issue --enrolment` prints it.

// The address links start with: `web_url` (the server's --http-listen as a browser reaches it)
// without trailing slashes. nullopt when it is not an http:// or https:// address, so that a
// command refuses it before it issues anything.
std::optional<std::string> WebConsoleBase(std::string_view web_url);

// `<base>/enrol.html#code=<code>` for a one-time enrolment code and a base from WebConsoleBase.
// The code rides in the fragment, which a browser never sends to a server nor puts in a Referer.
std::string SignInLink(std::string_view base, std::string_view code);

}  // namespace junheng::cli
