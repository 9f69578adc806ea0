#include "server/http/api_gateway.h"

#include <future>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/rpc/call_metadata.h"
#include "common/rpc/grpc_status.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/dynamic_message.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/client_context.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/support/byte_buffer.h"

namespace junheng::server::http {
namespace {

using google::protobuf::Message;
using google::protobuf::MethodDescriptor;

enum class Encoding { kJson, kProto, kOther };

Encoding EncodingOf(absl::string_view content_type) {
  const absl::string_view media =
      absl::StripAsciiWhitespace(content_type.substr(0, content_type.find(';')));
  if (absl::EqualsIgnoreCase(media, "application/json")) return Encoding::kJson;
  if (absl::EqualsIgnoreCase(media, "application/proto")) return Encoding::kProto;
  return Encoding::kOther;
}

std::unique_ptr<Message> NewMessage(const google::protobuf::Descriptor* type) {
  return std::unique_ptr<Message>(
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(type)->New());
}

std::string ToBytes(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string out;
  if (!buffer.Dump(&slices).ok()) return out;
  for (const auto& slice : slices) {
    out.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  return out;
}

}  // namespace

const MethodDescriptor* ApiGateway::FindMethod(absl::string_view path) {
  if (!absl::ConsumePrefix(&path, "/junheng.v1.")) return nullptr;
  const size_t slash = path.find('/');
  if (slash == absl::string_view::npos) return nullptr;
  const auto* service = google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
      absl::StrCat("junheng.v1.", path.substr(0, slash)));
  if (service == nullptr) return nullptr;
  const MethodDescriptor* method = service->FindMethodByName(std::string(path.substr(slash + 1)));
  if (method == nullptr || method->client_streaming() || method->server_streaming()) {
    return nullptr;
  }
  return method;
}

HttpAnswer ApiGateway::Call(const ApiCall& call) const {
  const MethodDescriptor* method = FindMethod(call.path);
  if (method == nullptr) {
    HttpAnswer answer = ErrorAnswer(absl::UnimplementedError(
        absl::StrCat(call.path, " is not a method of the junheng API; see docs/web-console.md")));
    answer.status = 404;
    return answer;
  }
  const Encoding encoding = EncodingOf(call.content_type);
  if (encoding == Encoding::kOther) {
    HttpAnswer answer = ErrorAnswer(absl::InvalidArgumentError(absl::StrCat(
        "Content-Type '", call.content_type, "': send application/json or application/proto")));
    answer.status = 415;
    return answer;
  }

  // gRPC takes only printable ASCII in a metadata value (and aborts on anything else), and no
  // token has other bytes: such a credential is refused here, as the services would.
  for (char c : call.bearer_token) {
    if (c < 0x21 || c > 0x7E) {
      return ErrorAnswer(absl::UnauthenticatedError(
          "the Authorization header's token has characters no junheng token has"));
    }
  }
  std::string request_bytes;
  if (encoding == Encoding::kJson) {
    std::unique_ptr<Message> request = NewMessage(method->input_type());
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = false;  // a misspelt field is an error, not silence
    auto parsed = google::protobuf::util::JsonStringToMessage(call.body.empty() ? "{}" : call.body,
                                                              request.get(), options);
    if (!parsed.ok()) {
      return ErrorAnswer(absl::InvalidArgumentError(
          absl::StrCat("the request body is not a ", method->input_type()->name(),
                       " in JSON: ", parsed.message().as_string())));
    }
    request_bytes = request->SerializeAsString();
  } else {
    request_bytes = call.body;
  }

  grpc::ClientContext context;
  absl::Duration timeout = call.timeout.value_or(kDefaultTimeout);
  if (timeout > kMaxTimeout) timeout = kMaxTimeout;
  context.set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  if (!call.bearer_token.empty()) {
    context.AddMetadata("authorization", absl::StrCat("Bearer ", call.bearer_token));
  }
  context.AddMetadata("junheng-lang", call.lang == "en" ? "en" : "zh");
  if (!call.peer.empty()) context.AddMetadata(rpc::kHttpPeerMetadataKey, call.peer);
  grpc::Slice slice(request_bytes);
  grpc::ByteBuffer send(&slice, 1), receive;
  grpc::GenericStub stub(channel_);
  std::promise<grpc::Status> done;
  stub.UnaryCall(&context, absl::StrCat("/", method->service()->full_name(), "/", method->name()),
                 grpc::StubOptions(), &send, &receive,
                 [&done](grpc::Status status) { done.set_value(std::move(status)); });
  const grpc::Status status = done.get_future().get();
  const auto& trailers = context.GetServerTrailingMetadata();
  std::vector<std::pair<std::string, std::string>> headers;
  if (auto it = trailers.find(rpc::kRequestIdMetadataKey); it != trailers.end()) {
    headers.emplace_back("Junheng-Request-Id", std::string(it->second.data(), it->second.size()));
  }

  if (!status.ok()) {
    HttpAnswer answer = ErrorAnswer(FromGrpcStatus(status));
    answer.headers = std::move(headers);
    if (auto it = trailers.find("retry-after-ms"); it != trailers.end()) {
      int64_t ms = 0;
      if (absl::SimpleAtoi(absl::string_view(it->second.data(), it->second.size()), &ms)) {
        answer.headers.emplace_back("Retry-After", absl::StrCat((ms + 999) / 1000));
      }
    }
    return answer;
  }
  HttpAnswer answer;
  answer.headers = std::move(headers);
  if (encoding == Encoding::kProto) {
    answer.content_type = "application/proto";
    answer.body = ToBytes(receive);
    return answer;
  }
  std::unique_ptr<Message> response = NewMessage(method->output_type());
  if (!response->ParseFromString(ToBytes(receive))) {
    return ErrorAnswer(absl::InternalError("the service's answer does not decode"));
  }
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;
  answer.content_type = "application/json";
  auto printed = google::protobuf::util::MessageToJsonString(*response, &answer.body, options);
  if (!printed.ok()) {
    return ErrorAnswer(absl::InternalError(absl::StrCat(
        "the service's answer cannot be written as JSON: ", printed.message().as_string())));
  }
  return answer;
}

}  // namespace junheng::server::http
