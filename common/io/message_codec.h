#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/catalog/field.h"
#include "google/protobuf/message.h"

namespace junheng::io {

// The codec between the field catalogue's files and protobuf messages. Column names, JSON keys and
// proto field names are the same words (report-fields.md), so one reflection-driven codec serves
// every record type: schools, reports and county facts.

enum class FileFormat { kCsv, kJson };

// Picks the format from the file name's extension (.csv, .json), or else from the first
// non-blank character of the text ('{' or '[' means JSON).
FileFormat DetectFormat(absl::string_view path, absl::string_view text);

// Decodes every data row of CSV text into a new message of `prototype`'s type, a record type of the
// field catalogue (common/catalog): the header names catalogue fields. An empty cell leaves
// the field unset ("not reported"); an unknown column is an error that names it. Every bad cell of
// the file is listed in the one INVALID_ARGUMENT status, each with its line and column.
[[nodiscard]] absl::StatusOr<std::vector<std::unique_ptr<google::protobuf::Message>>> DecodeCsv(
    absl::string_view text, const google::protobuf::Message& prototype);

// Decodes a JSON object, or an array of objects, into messages of `prototype`'s type. Keys are
// the proto field names; an unknown key is an error that names it.
[[nodiscard]] absl::StatusOr<std::vector<std::unique_ptr<google::protobuf::Message>>> DecodeJson(
    absl::string_view text, const google::protobuf::Message& prototype);

// Typed front end over DecodeCsv / DecodeJson.
template <typename M>
[[nodiscard]] absl::StatusOr<std::vector<M>> DecodeRecords(absl::string_view text,
                                                           FileFormat format) {
  auto decoded = format == FileFormat::kCsv ? DecodeCsv(text, M::default_instance())
                                            : DecodeJson(text, M::default_instance());
  if (!decoded.ok()) return decoded.status();
  std::vector<M> out;
  out.reserve(decoded->size());
  for (auto& message : *decoded) out.push_back(std::move(static_cast<M&>(*message)));
  return out;
}

// The CSV cell for one field: empty when the field is unset.
std::string CellText(const google::protobuf::Message& message,
                     const google::protobuf::FieldDescriptor& field);
std::string CellText(const google::protobuf::Message& message, const catalog::FieldInfo& field);

// A header line with the catalogue's columns and one line per message, all of one record type.
std::string EncodeCsv(const std::vector<const google::protobuf::Message*>& messages);

// A message as JSON with the catalogue's key names; set fields only, zero and false included.
std::string EncodeJson(const google::protobuf::Message& message, bool pretty = true);

}  // namespace junheng::io
