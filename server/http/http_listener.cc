#include "server/http/http_listener.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <unistd.h>

#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace junheng::server::http {

// The C callbacks of libmicrohttpd, friends of HttpListener.
struct ListenerCallbacks {
  // One per request: the request as it is read.
  struct Pending {
    HttpRequest request;
  };

  static MHD_Result CollectHeader(void* cls, MHD_ValueKind kind, const char* key,
                                  const char* value) {
    auto* request = static_cast<HttpRequest*>(cls);
    const std::string name = absl::AsciiStrToLower(key == nullptr ? "" : key);
    const std::string text = value == nullptr ? "" : value;
    if (kind == MHD_HEADER_KIND) {
      request->headers[name] = text;
    } else if (kind == MHD_COOKIE_KIND) {
      request->cookies[key] = text;
    } else if (kind == MHD_GET_ARGUMENT_KIND) {
      request->query[key] = text;
    }
    return MHD_YES;
  }

  static std::string PeerOf(MHD_Connection* connection) {
    const MHD_ConnectionInfo* info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (info == nullptr || info->client_addr == nullptr) return "";
    char text[INET6_ADDRSTRLEN] = {0};
    const sockaddr* address = info->client_addr;
    if (address->sa_family == AF_INET) {
      const auto* v4 = reinterpret_cast<const sockaddr_in*>(address);
      inet_ntop(AF_INET, &v4->sin_addr, text, sizeof(text));
      return absl::StrCat("ipv4:", text, ":", ntohs(v4->sin_port));
    }
    if (address->sa_family == AF_INET6) {
      const auto* v6 = reinterpret_cast<const sockaddr_in6*>(address);
      inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof(text));
      return absl::StrCat("ipv6:[", text, "]:", ntohs(v6->sin6_port));
    }
    return "";
  }

  static MHD_Result Access(void* cls, MHD_Connection* connection, const char* url,
                           const char* method, const char* /*version*/, const char* upload_data,
                           size_t* upload_data_size, void** state) {
    auto* listener = static_cast<HttpListener*>(cls);
    if (*state == nullptr) {
      auto* pending = new Pending();
      pending->request.method = method;
      pending->request.path = url;
      pending->request.peer = PeerOf(connection);
      MHD_get_connection_values(connection, MHD_HEADER_KIND, &CollectHeader, &pending->request);
      MHD_get_connection_values(connection, MHD_COOKIE_KIND, &CollectHeader, &pending->request);
      MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, &CollectHeader,
                                &pending->request);
      *state = pending;
      listener->in_flight_.fetch_add(1);
      // Refused from its headers: answered before the body is read (libmicrohttpd then closes
      // the connection instead of reading what follows).
      if (auto early =
              listener->routes_->RefuseEarly(pending->request, listener->max_body_bytes_)) {
        return Queue(connection, *early);
      }
      return MHD_YES;
    }
    auto* pending = static_cast<Pending*>(*state);
    if (*upload_data_size > 0) {
      HttpRequest& request = pending->request;
      if (request.body.size() + *upload_data_size > listener->max_body_bytes_) {
        request.body_too_large = true;
        request.body.clear();
      } else if (!request.body_too_large) {
        request.body.append(upload_data, *upload_data_size);
      }
      *upload_data_size = 0;
      return MHD_YES;
    }
    return Queue(connection, listener->routes_->Handle(pending->request));
  }

  static MHD_Result Queue(MHD_Connection* connection, const HttpAnswer& answer) {
    MHD_Response* response = MHD_create_response_from_buffer(
        answer.body.size(), const_cast<char*>(answer.body.data()), MHD_RESPMEM_MUST_COPY);
    if (response == nullptr) return MHD_NO;
    if (!answer.content_type.empty()) {
      MHD_add_response_header(response, "Content-Type", answer.content_type.c_str());
    }
    for (const auto& [name, value] : answer.headers) {
      MHD_add_response_header(response, name.c_str(), value.c_str());
    }
    const MHD_Result queued =
        MHD_queue_response(connection, static_cast<unsigned int>(answer.status), response);
    MHD_destroy_response(response);
    return queued;
  }

  static void Completed(void* cls, MHD_Connection* /*connection*/, void** state,
                        MHD_RequestTerminationCode /*code*/) {
    if (*state == nullptr) return;
    delete static_cast<Pending*>(*state);
    *state = nullptr;
    static_cast<HttpListener*>(cls)->in_flight_.fetch_sub(1);
  }
};

absl::StatusOr<std::unique_ptr<HttpListener>> HttpListener::Start(const ListenerOptions& options,
                                                                  const WebRoutes* routes) {
  const size_t colon = options.listen.rfind(':');
  int port = -1;
  std::string host = colon == std::string::npos ? "" : options.listen.substr(0, colon);
  if (colon == std::string::npos || !absl::SimpleAtoi(options.listen.substr(colon + 1), &port) ||
      port < 0 || port > 65535) {
    return absl::InvalidArgumentError(
        absl::StrCat("--http-listen ", options.listen, ": use HOST:PORT, e.g. 127.0.0.1:8443"));
  }
  if (host == "localhost") host = "127.0.0.1";
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  sockaddr_in v4{};
  sockaddr_in6 v6{};
  const sockaddr* address = nullptr;
  // ITC lets Stop() quiesce the daemon: stop accepting while current requests finish.
  unsigned int flags =
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION | MHD_USE_ITC;
  if (inet_pton(AF_INET, host.c_str(), &v4.sin_addr) == 1) {
    v4.sin_family = AF_INET;
    v4.sin_port = htons(static_cast<uint16_t>(port));
    address = reinterpret_cast<const sockaddr*>(&v4);
  } else if (inet_pton(AF_INET6, host.c_str(), &v6.sin6_addr) == 1) {
    v6.sin6_family = AF_INET6;
    v6.sin6_port = htons(static_cast<uint16_t>(port));
    address = reinterpret_cast<const sockaddr*>(&v6);
    flags |= MHD_USE_IPv6;
  } else {
    return absl::InvalidArgumentError(absl::StrCat(
        "--http-listen ", options.listen, ": the host must be an IP address (or localhost)"));
  }

  std::unique_ptr<HttpListener> listener(new HttpListener());
  listener->routes_ = routes;
  listener->max_body_bytes_ = options.max_body_bytes;
  listener->cert_pem_ = options.cert_pem;
  listener->key_pem_ = options.key_pem;
  const bool tls = !options.cert_pem.empty();
  if (tls) flags |= MHD_USE_TLS;
  listener->daemon_ = MHD_start_daemon(
      flags, static_cast<uint16_t>(port), nullptr, nullptr, &ListenerCallbacks::Access,
      listener.get(), MHD_OPTION_SOCK_ADDR, address, MHD_OPTION_NOTIFY_COMPLETED,
      &ListenerCallbacks::Completed, listener.get(), MHD_OPTION_CONNECTION_TIMEOUT,
      static_cast<unsigned int>(120), MHD_OPTION_CONNECTION_LIMIT, static_cast<unsigned int>(512),
      MHD_OPTION_PER_IP_CONNECTION_LIMIT, static_cast<unsigned int>(kConnectionsPerAddress),
      tls ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, listener->cert_pem_.c_str(),
      MHD_OPTION_HTTPS_MEM_KEY, listener->key_pem_.c_str(), MHD_OPTION_END);
  if (listener->daemon_ == nullptr) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen for HTTP", tls ? "S" : "", " on ", options.listen,
                     tls ? ": the address is in use, or the certificate and key do not start TLS"
                         : ": the address is in use or not local; choose another --http-listen"));
  }
  const MHD_DaemonInfo* info = MHD_get_daemon_info(listener->daemon_, MHD_DAEMON_INFO_BIND_PORT);
  listener->port_ = info != nullptr ? info->port : port;
  return listener;
}

void HttpListener::Stop(absl::Duration grace) {
  if (daemon_ == nullptr) return;
  const MHD_socket listening = MHD_quiesce_daemon(daemon_);
  if (listening != MHD_INVALID_SOCKET) close(listening);
  const absl::Time give_up = absl::Now() + grace;
  while (in_flight_.load() > 0 && absl::Now() < give_up) absl::SleepFor(absl::Milliseconds(10));
  MHD_stop_daemon(daemon_);
  daemon_ = nullptr;
}

HttpListener::~HttpListener() { Stop(absl::ZeroDuration()); }

}  // namespace junheng::server::http
