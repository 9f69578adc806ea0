#include "common/catalog/catalog.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace junheng::catalog {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using junheng::v1::CountyFacts;
using junheng::v1::School;
using junheng::v1::SchoolReport;
using ::testing::ElementsAre;

// The proto type a field of `kind` must have.
FieldDescriptor::CppType CppTypeOf(Kind kind) {
  switch (kind) {
    case Kind::kText:
    case Kind::kWord:
      return FieldDescriptor::CPPTYPE_STRING;
    case Kind::kCount:
    case Kind::kYear:
      return FieldDescriptor::CPPTYPE_INT32;
    case Kind::kDecimal:
    case Kind::kShare:
      return FieldDescriptor::CPPTYPE_DOUBLE;
    case Kind::kYesNo:
      return FieldDescriptor::CPPTYPE_BOOL;
  }
  return FieldDescriptor::CPPTYPE_MESSAGE;
}

// Every singular scalar field of the record type is in the catalogue, in declaration order, with a
// kind that matches its proto type and a label; numbers and flags keep "not reported" apart from 0.
void ExpectCatalogueMatchesProto(const Descriptor& type) {
  std::vector<std::string> proto_columns;
  for (int i = 0; i < type.field_count(); ++i) {
    const FieldDescriptor* field = type.field(i);
    if (!field->is_repeated() && field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) {
      proto_columns.push_back(field->name());
    }
  }
  std::vector<std::string> catalogue_columns;
  for (const FieldInfo* field : FieldsOf(type)) {
    catalogue_columns.emplace_back(field->name);
    const FieldDescriptor* descriptor = field->DescriptorIn(type);
    ASSERT_NE(descriptor, nullptr) << field->name;
    EXPECT_EQ(descriptor->cpp_type(), CppTypeOf(field->kind)) << field->name;
    EXPECT_FALSE(field->label_zh.empty()) << field->name;
    if (descriptor->cpp_type() != FieldDescriptor::CPPTYPE_STRING) {
      EXPECT_TRUE(descriptor->has_presence()) << field->name << " must be proto3 optional";
    }
    EXPECT_EQ(field->kind == Kind::kWord, !field->words.empty()) << field->name;
  }
  EXPECT_EQ(catalogue_columns, proto_columns) << type.name();
}

TEST(CatalogTest, EveryRecordFieldIsCataloguedOnceInProtoOrder) {
  ExpectCatalogueMatchesProto(*SchoolReport::descriptor());
  ExpectCatalogueMatchesProto(*School::descriptor());
  ExpectCatalogueMatchesProto(*CountyFacts::descriptor());
}

TEST(CatalogTest, OtherMessageTypesHaveNoFields) {
  EXPECT_TRUE(FieldsOf(*junheng::v1::Receipt::descriptor()).empty());
  EXPECT_EQ(FindField(*junheng::v1::Receipt::descriptor(), "receipt_id"), nullptr);
}

TEST(CatalogTest, LabelsAreTheOnesShowPrints) {
  EXPECT_EQ(report::primary_students.DisplayLabel(), "小学在校生数");
  EXPECT_EQ(report::teaching_aux_area_m2.DisplayLabel(), "教学及辅助用房面积(m²)");
  EXPECT_EQ(report::equipment_value_yuan.DisplayLabel(), "教学仪器设备值(元)");
  EXPECT_EQ(school::built_year.DisplayLabel(), "校舍建成年份");
  EXPECT_EQ(FindField(*SchoolReport::descriptor(), "pupils"), nullptr);
}

TEST(CatalogTest, TypedReadersTellNotReportedFromZero) {
  SchoolReport r;
  EXPECT_EQ(report::music_rooms.Number(r), std::nullopt);
  r.set_music_rooms(0);
  EXPECT_EQ(report::music_rooms.Number(r), 0.0);
  r.set_sports_area_m2(2450.5);
  EXPECT_EQ(report::sports_area_m2.Number(r), 2450.5);
  EXPECT_EQ(report::has_charter.Flag(r), std::nullopt);
  r.set_has_charter(false);
  EXPECT_EQ(report::has_charter.Flag(r), false);
  r.set_ict_rating("good");
  EXPECT_EQ(report::ict_rating.Text(r), "good");
  CountyFacts f;
  f.set_consolidation_rate(0.99);
  EXPECT_EQ(county_facts::consolidation_rate.Number(f), 0.99);
  EXPECT_EQ(county_facts::consolidation_rate.kind, Kind::kShare);
}

TEST(CatalogTest, SchoolTypesNameTheirSections) {
  EXPECT_EQ(SectionsOfSchoolType("nine_year"), kPrimary | kJunior);
  EXPECT_EQ(SectionsOfSchoolType("teaching_point"), kPrimary);
  EXPECT_EQ(SectionsOfSchoolType("complete_middle"), kJunior | kSenior);
  EXPECT_EQ(SectionsOfSchoolType("special_education"), std::nullopt);
}

TEST(CatalogTest, SectionFieldsApplyOnlyToSchoolsWithTheSection) {
  const SectionSet primary_school = *SectionsOfSchoolType("primary");
  EXPECT_TRUE(report::primary_students.AppliesTo(primary_school));
  EXPECT_FALSE(report::junior_students.AppliesTo(primary_school));
  EXPECT_FALSE(report::senior_students.AppliesTo(primary_school));
  EXPECT_TRUE(report::sports_area_m2.AppliesTo(primary_school));
  EXPECT_TRUE(report::senior_students.AppliesTo(*SectionsOfSchoolType("twelve_year")));
}

TEST(CatalogTest, VocabulariesListTheirWords) {
  EXPECT_EQ(WordList(report::ict_rating, ", "), "excellent, good, fair, poor");
  EXPECT_EQ(WordList(school::locale, ", ", " or "), "urban, town or rural");
  ASSERT_NE(report::ict_rating.FindWord("excellent"), nullptr);
  EXPECT_EQ(report::ict_rating.FindWord("excellent")->label_zh, "优秀");
  EXPECT_EQ(report::ict_rating.FindWord("great"), nullptr);
  std::vector<absl::string_view> types;
  for (const Word& w : school::school_type.words) types.push_back(w.word);
  EXPECT_THAT(types, ElementsAre("primary", "junior", "nine_year", "twelve_year", "complete_middle",
                                 "teaching_point"));
}

TEST(CatalogTest, HeadersNameAFieldByNameLabelOrLabelWithItsUnit) {
  const Descriptor& type = *SchoolReport::descriptor();
  EXPECT_EQ(FindFieldByHeader(type, "music_rooms"), &report::music_rooms);
  EXPECT_EQ(FindFieldByHeader(type, " Music_Rooms\t"), &report::music_rooms);
  EXPECT_EQ(FindFieldByHeader(type, "音乐专用教室数"), &report::music_rooms);
  EXPECT_EQ(FindFieldByHeader(type, "\u3000音乐专用教室数 "), &report::music_rooms);
  for (const char* header :
       {"教学及辅助用房面积", "教学及辅助用房面积(m²)", "教学及辅助用房面积（m²）",
        "教学及辅助用房面积(㎡)", "教学及辅助用房面积 （ ㎡ ）", "教学及辅助用房面积(M2)"}) {
    EXPECT_EQ(FindFieldByHeader(type, header), &report::teaching_aux_area_m2) << header;
  }
  EXPECT_EQ(FindFieldByHeader(type, "教学仪器设备值(元)"), &report::equipment_value_yuan);
  EXPECT_EQ(FindFieldByHeader(type, report::teaching_aux_area_m2.DisplayLabel()),
            &report::teaching_aux_area_m2);
  // A wrong unit, a field of another record, an empty cell: no field.
  EXPECT_EQ(FindFieldByHeader(type, "教学及辅助用房面积(元)"), nullptr);
  EXPECT_EQ(FindFieldByHeader(type, "学校名称"), nullptr);
  EXPECT_EQ(FindFieldByHeader(type, "  "), nullptr);
  EXPECT_EQ(FindFieldByHeader(*School::descriptor(), "学校名称"), &school::school_name);
}

TEST(CatalogTest, EveryHeaderOfARecordNamesOneField) {
  for (const Descriptor* type :
       {SchoolReport::descriptor(), School::descriptor(), CountyFacts::descriptor()}) {
    for (const FieldInfo* field : FieldsOf(*type)) {
      EXPECT_EQ(FindFieldByHeader(*type, field->name), field) << field->name;
      EXPECT_EQ(FindFieldByHeader(*type, field->label_zh), field) << field->name;
      EXPECT_EQ(FindFieldByHeader(*type, field->DisplayLabel()), field) << field->name;
    }
  }
}

TEST(CatalogTest, WordsAreFoundByWordOrChineseName) {
  EXPECT_EQ(school::school_type.FindWordOrLabel("小学"), &kSchoolTypeWords[0]);
  EXPECT_EQ(school::school_type.FindWordOrLabel(" Primary "), &kSchoolTypeWords[0]);
  EXPECT_EQ(school::locale.FindWordOrLabel("城区")->word, "urban");
  EXPECT_EQ(report::ict_rating.FindWordOrLabel("较差")->word, "poor");
  EXPECT_EQ(report::ict_rating.FindWordOrLabel("差"), nullptr);
  EXPECT_EQ(report::period.FindWordOrLabel("2024"), nullptr) << "a text field has no words";
}

}  // namespace
}  // namespace junheng::catalog
