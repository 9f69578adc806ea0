#include "common/io/message_codec.h"

#include <cmath>
#include <map>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "common/catalog/catalog.h"
#include "common/i18n/file_messages.h"
#include "common/io/csv_table.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace junheng::io {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// The header is looked for among this many rows at the top of a table.
constexpr size_t kHeaderSearchRows = 10;

// A field as messages name it: "primary_students (小学在校生数)".
std::string Title(const catalog::FieldInfo& field) {
  if (i18n::CurrentLang() != i18n::Lang::kEn) return absl::StrCat(field.label_zh, " ", field.name);
  return absl::StrCat(field.name, " (", field.label_zh, ")");
}

// The period is text, but a spreadsheet that takes "2024" for a number may write it as 2024.0.
bool IsPeriod(const catalog::FieldInfo& field) {
  return &field == &catalog::report::period || &field == &catalog::county_facts::period;
}

// "120" for "120", "120.0" and "120.00"; nullopt unless the text is digits with a zero fraction.
std::optional<absl::string_view> WithoutZeroFraction(absl::string_view text) {
  size_t point = text.find('.');
  if (point == absl::string_view::npos || point == 0 || point + 1 == text.size()) {
    return std::nullopt;
  }
  absl::string_view whole = text.substr(0, point);
  absl::string_view fraction = text.substr(point + 1);
  if (fraction.find_first_not_of('0') != absl::string_view::npos) return std::nullopt;
  if (whole.find_first_not_of("+-0123456789") != absl::string_view::npos) return std::nullopt;
  return whole;
}

std::optional<bool> YesNo(absl::string_view cell) {
  if (cell == "是" || absl::EqualsIgnoreCase(cell, "true") || absl::EqualsIgnoreCase(cell, "yes") ||
      cell == "1") {
    return true;
  }
  if (cell == "否" || absl::EqualsIgnoreCase(cell, "false") || absl::EqualsIgnoreCase(cell, "no") ||
      cell == "0") {
    return false;
  }
  return std::nullopt;
}

// Returns an empty string on success, or the sentence telling the clerk what to write instead.
std::string SetFromCell(const catalog::FieldInfo& info, const FieldDescriptor& field,
                        absl::string_view cell, Message* message) {
  const Reflection& reflection = *message->GetReflection();
  switch (info.kind) {
    case catalog::Kind::kText:
      if (IsPeriod(info)) cell = WithoutZeroFraction(cell).value_or(cell);
      reflection.SetString(message, &field, std::string(cell));
      return "";
    case catalog::Kind::kWord: {
      // A text that is no word of the vocabulary is kept: the validators name the words.
      const catalog::Word* word = info.FindWordOrLabel(cell);
      reflection.SetString(message, &field, std::string(word != nullptr ? word->word : cell));
      return "";
    }
    case catalog::Kind::kCount:
    case catalog::Kind::kYear: {
      int32_t value = 0;
      if (!absl::SimpleAtoi(WithoutZeroFraction(cell).value_or(cell), &value)) {
        return i18n::Say(i18n::file::kNotWhole, cell);
      }
      reflection.SetInt32(message, &field, value);
      return "";
    }
    case catalog::Kind::kDecimal:
    case catalog::Kind::kShare: {
      double value = 0;
      if (!absl::SimpleAtod(cell, &value) || !std::isfinite(value)) {
        return i18n::Say(i18n::file::kNotNumber, cell);
      }
      reflection.SetDouble(message, &field, value);
      return "";
    }
    case catalog::Kind::kYesNo: {
      std::optional<bool> value = YesNo(cell);
      if (!value) return i18n::Say(i18n::file::kNotYesNo, cell);
      reflection.SetBool(message, &field, *value);
      return "";
    }
  }
  return "this column cannot be written in CSV; use the JSON form";
}

// The field each cell of a table row names, nullptr for an empty cell or one that names none.
std::vector<const catalog::FieldInfo*> ResolveRow(const Descriptor& type,
                                                  const std::vector<std::string>& cells) {
  std::vector<const catalog::FieldInfo*> fields;
  for (const std::string& cell : cells) fields.push_back(catalog::FindFieldByHeader(type, cell));
  return fields;
}

bool NamesAField(const std::vector<const catalog::FieldInfo*>& fields) {
  for (const catalog::FieldInfo* field : fields) {
    if (field != nullptr) return true;
  }
  return false;
}

// Whether `second` is a full header (each of its non-empty cells names a field) under `first`,
// naming no column's field differently: the template's field names under their labels.
bool RepeatsHeader(const Table& table, size_t second,
                   const std::vector<const catalog::FieldInfo*>& first_fields,
                   const std::vector<const catalog::FieldInfo*>& second_fields) {
  if (!NamesAField(second_fields)) return false;
  for (size_t c = 0; c < second_fields.size(); ++c) {
    const bool empty = absl::StripAsciiWhitespace(table.Cell(second, c)).empty();
    if (!empty && second_fields[c] == nullptr) return false;
    const catalog::FieldInfo* above = c < first_fields.size() ? first_fields[c] : nullptr;
    if (above != nullptr && second_fields[c] != above) return false;
  }
  return true;
}

// Whether the row is one cell of catalogue names joined by semicolons: a CSV saved where the list
// separator is ';' (Excel under a European regional setting).
bool IsSemicolonHeader(const Descriptor& type, const std::vector<std::string>& cells) {
  const std::string* only = nullptr;
  for (const std::string& cell : cells) {
    if (absl::StripAsciiWhitespace(cell).empty()) continue;
    if (only != nullptr) return false;
    only = &cell;
  }
  if (only == nullptr || only->find(';') == std::string::npos) return false;
  for (absl::string_view part : absl::StrSplit(*only, ';')) {
    if (catalog::FindFieldByHeader(type, part) != nullptr) return true;
  }
  return false;
}

struct Header {
  size_t row = 0;                                 // the header's index in table.rows
  std::vector<const catalog::FieldInfo*> fields;  // per column; nullptr: no field
};

absl::StatusOr<Header> FindHeader(const Table& table, const Descriptor& type) {
  const size_t search = std::min(table.rows.size(), kHeaderSearchRows);
  for (size_t r = 0; r < search; ++r) {
    if (IsSemicolonHeader(type, table.rows[r])) {
      return absl::InvalidArgumentError(
          i18n::Say(i18n::file::kSemicolons, table.source, SaveAsAdvice()));
    }
    Header header{r, ResolveRow(type, table.rows[r])};
    if (!NamesAField(header.fields)) continue;
    if (r + 1 < table.rows.size()) {
      std::vector<const catalog::FieldInfo*> next = ResolveRow(type, table.rows[r + 1]);
      if (RepeatsHeader(table, r + 1, header.fields, next)) header = {r + 1, std::move(next)};
    }
    return header;
  }
  const catalog::FieldInfo& example = *catalog::FieldsOf(type).front();
  return absl::InvalidArgumentError(
      i18n::Say(i18n::file::kNoHeader, table.source, example.name, example.label_zh));
}

}  // namespace

absl::StatusOr<std::vector<std::unique_ptr<Message>>> DecodeTable(const Table& table,
                                                                  const Message& prototype) {
  const Descriptor& type = *prototype.GetDescriptor();
  if (catalog::FieldsOf(type).empty()) {
    return absl::InvalidArgumentError(i18n::Say(i18n::file::kNoCsvForm, type.name()));
  }
  absl::StatusOr<Header> header = FindHeader(table, type);
  if (!header.ok()) return header.status();

  std::vector<std::string> problems;
  std::map<const catalog::FieldInfo*, std::string> seen;
  for (size_t c = 0; c < header->fields.size(); ++c) {
    const catalog::FieldInfo* field = header->fields[c];
    const std::string name(absl::StripAsciiWhitespace(table.Cell(header->row, c)));
    if (field == nullptr && !name.empty()) {
      problems.push_back(i18n::Say(i18n::file::kUnknownColumn, table.Where(header->row, c), name));
    } else if (field != nullptr && !seen.emplace(field, name).second) {
      problems.push_back(i18n::Say(i18n::file::kDuplicateColumn, table.Where(header->row, c), name,
                                   Title(*field), seen[field]));
      header->fields[c] = nullptr;
    }
  }
  if (!problems.empty()) return absl::InvalidArgumentError(absl::StrJoin(problems, "\n"));

  std::vector<std::unique_ptr<Message>> out;
  for (size_t r = header->row + 1; r < table.rows.size(); ++r) {
    std::unique_ptr<Message> message(prototype.New());
    for (size_t c = 0; c < table.rows[r].size(); ++c) {
      absl::string_view cell = absl::StripAsciiWhitespace(table.rows[r][c]);
      if (cell.empty()) continue;
      const catalog::FieldInfo* field = c < header->fields.size() ? header->fields[c] : nullptr;
      if (field == nullptr) {
        problems.push_back(i18n::Say(i18n::file::kNoColumnHeader, table.WhereCell(r, c), cell));
        continue;
      }
      std::string why = SetFromCell(*field, *field->DescriptorIn(type), cell, message.get());
      if (!why.empty()) {
        problems.push_back(absl::StrCat(table.Where(r, c),
                                        i18n::CurrentLang() == i18n::Lang::kEn ? ", " : "，",
                                        Title(*field), i18n::Colon(), why));
      }
    }
    out.push_back(std::move(message));
  }
  if (!problems.empty()) return absl::InvalidArgumentError(absl::StrJoin(problems, "\n"));
  return out;
}

std::set<std::string> FieldsWithoutColumn(const TableFile& file, const Message& prototype) {
  std::set<std::string> absent;
  if (file.kind == TableFile::Kind::kJson) return absent;
  const Descriptor& type = *prototype.GetDescriptor();
  absl::StatusOr<Header> header = FindHeader(file.table, type);
  if (!header.ok()) return absent;
  for (const catalog::FieldInfo* field : catalog::FieldsOf(type)) absent.emplace(field->name);
  for (const catalog::FieldInfo* field : header->fields) {
    if (field != nullptr) absent.erase(std::string(field->name));
  }
  return absent;
}

absl::StatusOr<std::vector<std::unique_ptr<Message>>> DecodeFile(const TableFile& file,
                                                                 const Message& prototype) {
  return file.kind == TableFile::Kind::kJson ? DecodeJson(file.json, prototype)
                                             : DecodeTable(file.table, prototype);
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
      return NumberText(reflection.GetDouble(message, &field));
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
