#include "common/io/message_codec.h"

#include <charconv>
#include <cmath>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "common/catalog/catalog.h"
#include "common/io/csv_table.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace junheng::io {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// Returns an empty string on success, or the sentence telling the clerk what to write instead.
std::string SetFromCell(const catalog::FieldInfo& info, const FieldDescriptor& field,
                        absl::string_view cell, Message* message) {
  const Reflection& reflection = *message->GetReflection();
  switch (info.kind) {
    case catalog::Kind::kText:
    case catalog::Kind::kWord:
      reflection.SetString(message, &field, std::string(cell));
      return "";
    case catalog::Kind::kCount:
    case catalog::Kind::kYear: {
      int32_t value = 0;
      if (!absl::SimpleAtoi(cell, &value)) {
        return absl::StrCat("'", cell, "' is not a whole number; write digits only, e.g. 120");
      }
      reflection.SetInt32(message, &field, value);
      return "";
    }
    case catalog::Kind::kDecimal:
    case catalog::Kind::kShare: {
      double value = 0;
      if (!absl::SimpleAtod(cell, &value) || !std::isfinite(value)) {
        return absl::StrCat("'", cell,
                            "' is not a number; write digits with an optional decimal point, "
                            "e.g. 2450.5 (no units, no thousands separators)");
      }
      reflection.SetDouble(message, &field, value);
      return "";
    }
    case catalog::Kind::kYesNo: {
      std::string lower = absl::AsciiStrToLower(cell);
      if (lower == "true" || lower == "yes" || lower == "1" || cell == "是") {
        reflection.SetBool(message, &field, true);
      } else if (lower == "false" || lower == "no" || lower == "0" || cell == "否") {
        reflection.SetBool(message, &field, false);
      } else {
        return absl::StrCat("'", cell, "' is not yes/no; write true or false");
      }
      return "";
    }
  }
  return "this column cannot be written in CSV; use the JSON form";
}

std::string FormatDouble(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return ec == std::errc() ? std::string(buffer, end) : absl::StrCat(value);
}

}  // namespace

FileFormat DetectFormat(absl::string_view path, absl::string_view text) {
  std::string lower = absl::AsciiStrToLower(path);
  if (lower.ends_with(".json")) return FileFormat::kJson;
  if (lower.ends_with(".csv")) return FileFormat::kCsv;
  for (char c : text) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) continue;
    return (c == '{' || c == '[') ? FileFormat::kJson : FileFormat::kCsv;
  }
  return FileFormat::kCsv;
}

absl::StatusOr<std::vector<std::unique_ptr<Message>>> DecodeCsv(absl::string_view text,
                                                                const Message& prototype) {
  auto table = ParseCsv(text);
  if (!table.ok()) return table.status();
  const Descriptor& type = *prototype.GetDescriptor();

  if (catalog::FieldsOf(type).empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(type.name(), " records have no CSV form; use the JSON form"));
  }
  std::vector<const catalog::FieldInfo*> fields;
  std::vector<const FieldDescriptor*> descriptors;
  std::vector<std::string> problems;
  std::set<std::string> seen;
  for (const std::string& raw : table->header) {
    std::string name(absl::StripAsciiWhitespace(raw));
    const catalog::FieldInfo* field = catalog::FindField(type, name);
    if (field == nullptr) {
      problems.push_back(absl::StrCat("header: unknown column '", name,
                                      "'; the columns are listed in the field catalogue "
                                      "(report-fields.md), or run `junheng template`"));
    } else if (!seen.insert(name).second) {
      problems.push_back(absl::StrCat("header: column '", name, "' appears twice; keep one"));
    }
    fields.push_back(field);
    descriptors.push_back(field == nullptr ? nullptr : field->DescriptorIn(type));
  }
  if (!problems.empty()) return absl::InvalidArgumentError(absl::StrJoin(problems, "\n"));

  std::vector<std::unique_ptr<Message>> out;
  for (size_t r = 0; r < table->rows.size(); ++r) {
    std::unique_ptr<Message> message(prototype.New());
    for (size_t c = 0; c < fields.size(); ++c) {
      absl::string_view cell = absl::StripAsciiWhitespace(table->rows[r][c]);
      if (cell.empty()) continue;
      std::string why = SetFromCell(*fields[c], *descriptors[c], cell, message.get());
      if (!why.empty()) {
        problems.push_back(
            absl::StrCat("line ", table->row_lines[r], ", ", fields[c]->name, ": ", why));
      }
    }
    out.push_back(std::move(message));
  }
  if (!problems.empty()) return absl::InvalidArgumentError(absl::StrJoin(problems, "\n"));
  return out;
}

absl::StatusOr<std::vector<std::unique_ptr<Message>>> DecodeJson(absl::string_view text,
                                                                 const Message& prototype) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  std::vector<std::string> objects;
  absl::string_view trimmed = absl::StripLeadingAsciiWhitespace(text);
  if (!trimmed.empty() && trimmed.front() == '[') {
    google::protobuf::ListValue list;
    auto status = google::protobuf::util::JsonStringToMessage(std::string(trimmed), &list, options);
    if (!status.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("JSON: ", std::string(status.message())));
    }
    for (const auto& value : list.values()) {
      std::string object;
      (void)google::protobuf::util::MessageToJsonString(value, &object);
      objects.push_back(std::move(object));
    }
  } else {
    objects.emplace_back(std::string(trimmed));
  }
  std::vector<std::unique_ptr<Message>> out;
  std::vector<std::string> problems;
  for (size_t i = 0; i < objects.size(); ++i) {
    std::unique_ptr<Message> message(prototype.New());
    auto status = google::protobuf::util::JsonStringToMessage(objects[i], message.get(), options);
    if (!status.ok()) {
      problems.push_back(absl::StrCat(
          objects.size() > 1 ? absl::StrCat("JSON item ", i + 1, ": ") : std::string("JSON: "),
          std::string(status.message())));
    }
    out.push_back(std::move(message));
  }
  if (!problems.empty()) return absl::InvalidArgumentError(absl::StrJoin(problems, "\n"));
  return out;
}

std::string CellText(const Message& message, const FieldDescriptor& field) {
  const Reflection& reflection = *message.GetReflection();
  if (field.has_presence() && !reflection.HasField(message, &field)) return "";
  switch (field.cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
      return reflection.GetString(message, &field);
    case FieldDescriptor::CPPTYPE_INT32:
      return absl::StrCat(reflection.GetInt32(message, &field));
    case FieldDescriptor::CPPTYPE_INT64:
      return absl::StrCat(reflection.GetInt64(message, &field));
    case FieldDescriptor::CPPTYPE_DOUBLE:
      return FormatDouble(reflection.GetDouble(message, &field));
    case FieldDescriptor::CPPTYPE_BOOL:
      return reflection.GetBool(message, &field) ? "true" : "false";
    default:
      return "";
  }
}

std::string CellText(const Message& message, const catalog::FieldInfo& field) {
  return CellText(message, *field.DescriptorIn(*message.GetDescriptor()));
}

std::string EncodeCsv(const std::vector<const Message*>& messages) {
  if (messages.empty()) return "";
  absl::Span<const catalog::FieldInfo* const> fields =
      catalog::FieldsOf(*messages.front()->GetDescriptor());
  std::vector<std::string> cells;
  for (const catalog::FieldInfo* field : fields) cells.emplace_back(field->name);
  std::string out = FormatCsvRow(cells);
  for (const Message* message : messages) {
    cells.clear();
    for (const catalog::FieldInfo* field : fields) cells.push_back(CellText(*message, *field));
    out += FormatCsvRow(cells);
  }
  return out;
}

std::string EncodeJson(const Message& message, bool pretty) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.add_whitespace = pretty;
  std::string out;
  (void)google::protobuf::util::MessageToJsonString(message, &out, options);
  return out;
}

}  // namespace junheng::io
