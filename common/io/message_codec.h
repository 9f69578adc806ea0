#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/catalog/field.h"
#include "common/io/table.h"
#include "common/io/table_file.h"
#include "google/protobuf/message.h"

namespace junheng::io {

// The codec between the field catalogue's files and protobuf messages. Column names, JSON keys and
// proto field names are the same words (report-fields.md), so one reflection-driven codec serves
// every record type: schools, reports and county facts. Files come in through ReadRecordFile (or
// ReadRecords for bytes in hand), which reads them with ReadTable (table_file.h): every report,
// registry and county-facts file takes that one path.

// Decodes the data rows of a table into new messages of `prototype`'s type, a record type of the
// field catalogue (common/catalog). The header is the first of the table's first ten rows that
// names a field: rows above it (a title, notes) are skipped, and when the row after it names the
// same fields again (the template's row of Chinese labels over its row of field names), that row
// is the header. A header cell names a field by name, label or label with unit
// (catalog::FindFieldByHeader); a column with an empty header cell is ignored while it holds no
// value. Each row below the header is one record. A cell is read by its field's kind:
//   - an empty cell leaves the field unset ("not reported");
//   - counts and years: a whole number, also with a zero fraction as spreadsheets write it (120,
//     120.0), not 120.5;
//   - decimals and shares: a number without units or thousands separators;
//   - yes/no: 是/否, true/false, yes/no in any case, 1/0;
//   - words: the catalogue word or its Chinese name (小学 is stored as primary); another text is
//     kept as written for validation to name;
//   - text as written, except that the period, which spreadsheets turn into a number, is read
//     without a zero fraction (2024.0 is 2024).
// Every problem of the table is listed in one INVALID_ARGUMENT status, each bad cell with its
// place (Table::Where) and its field with its label: "line 3, primary_students (小学在校生数):
// '12x' is not a whole number; ...". A table without a recognisable header row, or whose header
// is a single cell joined by semicolons, is refused with one sentence.
[[nodiscard]] absl::StatusOr<std::vector<std::unique_ptr<google::protobuf::Message>>> DecodeTable(
    const Table& table, const google::protobuf::Message& prototype);

// The proto names of `prototype`'s catalogue fields that no header column of `file` names, so
// that "the file has no column for X" can be told apart from "X is empty". Empty for JSON (a key
// left out is an unset field) and for a table without a recognisable header.
std::set<std::string> FieldsWithoutColumn(const TableFile& file,
                                          const google::protobuf::Message& prototype);

// Decodes a JSON object, or an array of objects, into messages of `prototype`'s type. Keys are
// the proto field names; an unknown key is an error that names it.
[[nodiscard]] absl::StatusOr<std::vector<std::unique_ptr<google::protobuf::Message>>> DecodeJson(
    absl::string_view text, const google::protobuf::Message& prototype);

// DecodeTable or DecodeJson, by what the file holds.
[[nodiscard]] absl::StatusOr<std::vector<std::unique_ptr<google::protobuf::Message>>> DecodeFile(
    const TableFile& file, const google::protobuf::Message& prototype);

// Typed front end over DecodeFile.
template <typename M>
[[nodiscard]] absl::StatusOr<std::vector<M>> DecodeRecords(const TableFile& file) {
  auto decoded = DecodeFile(file, M::default_instance());
  if (!decoded.ok()) return decoded.status();
  std::vector<M> out;
  out.reserve(decoded->size());
  for (auto& message : *decoded) out.push_back(std::move(static_cast<M&>(*message)));
  return out;
}

// The records of the bytes of file `name` (ReadTable, then DecodeRecords).
template <typename M>
[[nodiscard]] absl::StatusOr<std::vector<M>> ReadRecords(absl::string_view bytes,
                                                         absl::string_view name) {
  absl::StatusOr<TableFile> file = ReadTable(bytes, name);
  if (!file.ok()) return file.status();
  return DecodeRecords<M>(*file);
}

// The records of the file at `path` (ReadTableFile, then DecodeRecords). Errors about the
// contents do not name the path; callers say which file they read.
template <typename M>
[[nodiscard]] absl::StatusOr<std::vector<M>> ReadRecordFile(const std::string& path) {
  absl::StatusOr<TableFile> file = ReadTableFile(path);
  if (!file.ok()) return file.status();
  return DecodeRecords<M>(*file);
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
