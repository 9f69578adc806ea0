#include "server/auth/input_limits.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/i18n/server_messages.h"
#include "google/protobuf/descriptor.h"

namespace junheng::server::auth {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

absl::Status Check(const Message& message, const std::string& prefix, const InputLimits& limits) {
  const auto* reflection = message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const FieldDescriptor* field : fields) {
    const std::string path =
        prefix.empty() ? field->name() : absl::StrCat(prefix, ".", field->name());
    const size_t max_string =
        field->name() == "profile_toml" ? limits.max_profile_bytes : limits.max_string_bytes;
    if (field->is_repeated()) {
      const int count = reflection->FieldSize(message, field);
      if (count > limits.max_repeated) {
        return absl::InvalidArgumentError(
            i18n::Say(i18n::server::kTooManyEntries, path, count, limits.max_repeated));
      }
      for (int i = 0; i < count; ++i) {
        const std::string item = absl::StrCat(path, "[", i, "]");
        if (field->type() == FieldDescriptor::TYPE_STRING ||
            field->type() == FieldDescriptor::TYPE_BYTES) {
          const size_t size =
              reflection->GetRepeatedStringReference(message, field, i, nullptr).size();
          if (size > max_string) {
            return absl::InvalidArgumentError(
                i18n::Say(i18n::server::kTooManyBytes, item, size, max_string));
          }
        } else if (field->type() == FieldDescriptor::TYPE_MESSAGE) {
          if (absl::Status s =
                  Check(reflection->GetRepeatedMessage(message, field, i), item, limits);
              !s.ok()) {
            return s;
          }
        }
      }
      continue;
    }
    if (field->type() == FieldDescriptor::TYPE_STRING ||
        field->type() == FieldDescriptor::TYPE_BYTES) {
      std::string scratch;
      const size_t size = reflection->GetStringReference(message, field, &scratch).size();
      if (size > max_string) {
        return absl::InvalidArgumentError(
            i18n::Say(i18n::server::kTooManyBytes, path, size, max_string));
      }
    } else if (field->type() == FieldDescriptor::TYPE_MESSAGE) {
      if (absl::Status s = Check(reflection->GetMessage(message, field), path, limits); !s.ok()) {
        return s;
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckInputLimits(const google::protobuf::Message& request, const InputLimits& limits) {
  return Check(request, "", limits);
}

}  // namespace junheng::server::auth
