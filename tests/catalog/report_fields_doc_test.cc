// docs/report-fields.md cannot drift from the catalogue: its three field tables are the
// catalogue's, rendered here and compared. After a catalogue change, rewrite them with
//   JUNHENG_UPDATE_DOCS=1 build/tests/catalog/report_fields_doc_test
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/catalog/catalog.h"
#include "common/catalog/fill_rule.h"
#include "gtest/gtest.h"

namespace junheng::catalog {
namespace {

std::string SectionsZh(SectionSet sections) {
  if (sections == kEverySection) return "全校";
  std::vector<std::string> names;
  if (sections & kPrimary) names.push_back("小学");
  if (sections & kJunior) names.push_back("初中");
  if (sections & kSenior) names.push_back("高中");
  return absl::StrJoin(names, "、");
}

std::string Rule(const FieldInfo& field) {
  std::string rule = FillRuleZh(field);
  if (field.kind == Kind::kWord) {
    std::vector<std::string> words;
    for (const Word& w : field.words) words.push_back(absl::StrCat("`", w.word, "` ", w.label_zh));
    rule = absl::StrCat("填中文名或英文词：", absl::StrJoin(words, "，"));
  }
  return rule;
}

// The table of one record type, as the doc shows it.
std::string FieldTable(const google::protobuf::Descriptor& type, bool with_sections) {
  std::string out = with_sections
                        ? "| 字段名 | 中文名称 | 单位 | 学段 | 填写要求 |\n|---|---|---|---|---|\n"
                        : "| 字段名 | 中文名称 | 单位 | 填写要求 |\n|---|---|---|---|\n";
  for (const FieldInfo* field : FieldsOf(type)) {
    absl::StrAppend(&out, "| `", field->name, "` | ", field->label_zh, " | ",
                    field->unit.empty() ? "—" : field->unit, " | ");
    if (with_sections) absl::StrAppend(&out, SectionsZh(field->sections), " | ");
    absl::StrAppend(&out, Rule(*field), " |\n");
  }
  return out;
}

// Replaces what stands between "<!-- generated: NAME -->" and "<!-- end generated -->".
bool ReplaceGenerated(std::string* doc, const std::string& name, const std::string& content) {
  const std::string begin = absl::StrCat("<!-- generated: ", name, " -->\n");
  const std::string end = "<!-- end generated -->";
  size_t from = doc->find(begin);
  if (from == std::string::npos) return false;
  from += begin.size();
  size_t to = doc->find(end, from);
  if (to == std::string::npos) return false;
  doc->replace(from, to - from, content);
  return true;
}

TEST(ReportFieldsDocTest, TablesAreTheCatalogue) {
  const std::string path =
      absl::StrCat(std::getenv("JUNHENG_SOURCE_DIR"), "/docs/report-fields.md");
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  std::string expected = doc;
  ASSERT_TRUE(ReplaceGenerated(&expected, "schools", FieldTable(*v1::School::descriptor(), false)));
  ASSERT_TRUE(
      ReplaceGenerated(&expected, "reports", FieldTable(*v1::SchoolReport::descriptor(), true)));
  ASSERT_TRUE(ReplaceGenerated(&expected, "county_facts",
                               FieldTable(*v1::CountyFacts::descriptor(), false)));
  if (doc != expected && std::getenv("JUNHENG_UPDATE_DOCS") != nullptr) {
    std::ofstream(path, std::ios::trunc) << expected;
    GTEST_SKIP() << "rewrote " << path;
  }
  EXPECT_EQ(doc, expected) << "docs/report-fields.md differs from the catalogue; rewrite it with "
                              "JUNHENG_UPDATE_DOCS=1 build/tests/catalog/report_fields_doc_test";
}

}  // namespace
}  // namespace junheng::catalog
