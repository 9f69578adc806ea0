#include "server/http/catalog_json.h"

#include "common/catalog/catalog.h"
#include "common/catalog/fields.h"
#include "common/catalog/report_groups.h"
#include "google/protobuf/struct.pb.h"
#include "server/http/connect_protocol.h"

namespace junheng::server::http {
namespace {

using google::protobuf::ListValue;
using google::protobuf::Struct;
using google::protobuf::Value;

const char* KindName(catalog::Kind kind) {
  switch (kind) {
    case catalog::Kind::kText:
      return "text";
    case catalog::Kind::kWord:
      return "word";
    case catalog::Kind::kCount:
      return "count";
    case catalog::Kind::kYear:
      return "year";
    case catalog::Kind::kDecimal:
      return "decimal";
    case catalog::Kind::kShare:
      return "share";
    case catalog::Kind::kYesNo:
      return "yesno";
  }
  return "text";
}

void SetString(Struct* s, const char* key, absl::string_view value) {
  (*s->mutable_fields())[key].set_string_value(std::string(value));
}

ListValue SectionList(catalog::SectionSet sections) {
  ListValue list;
  if (sections & catalog::kPrimary) list.add_values()->set_string_value("primary");
  if (sections & catalog::kJunior) list.add_values()->set_string_value("junior");
  if (sections & catalog::kSenior) list.add_values()->set_string_value("senior");
  return list;
}

std::string Build() {
  Struct root;
  ListValue& fields = *(*root.mutable_fields())["report"].mutable_list_value();
  for (const catalog::FieldInfo* field :
       catalog::FieldsOf(*junheng::v1::SchoolReport::descriptor())) {
    Struct& f = *fields.add_values()->mutable_struct_value();
    SetString(&f, "name", field->name);
    SetString(&f, "label", field->label_zh);
    SetString(&f, "unit", field->unit);
    SetString(&f, "kind", KindName(field->kind));
    *(*f.mutable_fields())["sections"].mutable_list_value() = SectionList(field->sections);
    ListValue& words = *(*f.mutable_fields())["words"].mutable_list_value();
    for (const catalog::Word& w : field->words) {
      Struct& word = *words.add_values()->mutable_struct_value();
      SetString(&word, "word", w.word);
      SetString(&word, "label", w.label_zh);
    }
    const catalog::FieldGroup* group = catalog::GroupOf(*field);
    SetString(&f, "group", group != nullptr ? group->id : "");
    SetString(&f, "group_label", group != nullptr ? group->label_zh : "");
  }
  ListValue& types = *(*root.mutable_fields())["school_types"].mutable_list_value();
  for (const catalog::Word& w : catalog::kSchoolTypeWords) {
    Struct& type = *types.add_values()->mutable_struct_value();
    SetString(&type, "word", w.word);
    SetString(&type, "label", w.label_zh);
    *(*type.mutable_fields())["sections"].mutable_list_value() = SectionList(w.sections);
  }
  ListValue& groups = *(*root.mutable_fields())["groups"].mutable_list_value();
  for (const catalog::FieldGroup& g : catalog::ReportGroups()) {
    Struct& group = *groups.add_values()->mutable_struct_value();
    SetString(&group, "id", g.id);
    SetString(&group, "label", g.label_zh);
  }
  return StructJson(root);
}

}  // namespace

const std::string& CatalogJson() {
  static const std::string* json = new std::string(Build());
  return *json;
}

}  // namespace junheng::server::http
