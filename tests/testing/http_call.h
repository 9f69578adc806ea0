#pragma once

#include <map>
#include <string>
#include <vector>

#include "google/protobuf/struct.pb.h"

namespace junheng::testing {

// An HTTP answer as the tests of the server's HTTP listener read it.
struct HttpReply {
  long status = 0;  // 0 when no answer came (the request failed, which is a test failure)
  std::string body;
  // Header names in lower case; Set-Cookie may repeat.
  std::multimap<std::string, std::string> headers;

  // The first header `name` (lower case), or "".
  std::string Header(const std::string& name) const;
  // The body as JSON (a test failure when it is not).
  google::protobuf::Struct Json() const;
  // A string field of the JSON body, or "".
  std::string Field(const std::string& name) const;
};

// One request with libcurl to `url` (plain HTTP; a 20 s timeout), `headers` as "Name: value".
// A body is sent only with POST.
HttpReply HttpCall(const std::string& method, const std::string& url, const std::string& body = "",
                   const std::vector<std::string>& headers = {});

}  // namespace junheng::testing
