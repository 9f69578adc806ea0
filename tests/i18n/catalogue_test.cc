// The message catalogue as written: every Msg in every common/i18n/*_messages.h has an id, a
// Chinese and an English sentence with the same $-placeholders, and no id is used twice. The
// headers are read as source text, so a sentence added to any catalogue file is checked without
// being listed anywhere else; including them here checks that each compiles on its own.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "common/i18n/access_messages.h"
#include "common/i18n/bureau_messages.h"
#include "common/i18n/client_messages.h"
#include "common/i18n/help_messages.h"
#include "common/i18n/lang.h"
#include "common/i18n/message.h"
#include "common/i18n/operator_messages.h"
#include "common/i18n/outbox_messages.h"
#include "common/i18n/server_messages.h"
#include "common/i18n/validation_messages.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace junheng::i18n {
namespace {

struct Entry {
  std::string file;
  std::string name;  // kNegative
  std::string id, zh, en;
};

// Reads one C++ string literal group ("a" "b" ...) at text[*pos], decoding \" \\ \n; false when
// there is none.
bool ReadStrings(const std::string& text, size_t* pos, std::string* out) {
  out->clear();
  bool any = false;
  while (true) {
    size_t at = text.find_first_not_of(" \t\r\n", *pos);
    if (at == std::string::npos || text[at] != '"') return any;
    any = true;
    for (size_t i = at + 1; i < text.size(); ++i) {
      if (text[i] == '\\' && i + 1 < text.size()) {
        char next = text[++i];
        out->push_back(next == 'n' ? '\n' : next);
      } else if (text[i] == '"') {
        *pos = i + 1;
        break;
      } else {
        out->push_back(text[i]);
      }
    }
  }
}

bool Expect(const std::string& text, size_t* pos, char c) {
  size_t at = text.find_first_not_of(" \t\r\n", *pos);
  if (at == std::string::npos || text[at] != c) return false;
  *pos = at + 1;
  return true;
}

std::vector<Entry> ReadCatalogue() {
  const char* source = std::getenv("JUNHENG_SOURCE_DIR");
  std::vector<Entry> entries;
  if (source == nullptr) return entries;
  for (const auto& file :
       std::filesystem::directory_iterator(std::filesystem::path(source) / "common" / "i18n")) {
    const std::string name = file.path().filename().string();
    if (!name.ends_with("_messages.h")) continue;
    std::ifstream in(file.path());
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    const std::string marker = "inline constexpr Msg ";
    for (size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at + 1)) {
      Entry entry;
      entry.file = name;
      size_t pos = at + marker.size();
      size_t brace = text.find('{', pos);
      entry.name = text.substr(pos, brace - pos);
      pos = brace + 1;
      bool parsed = ReadStrings(text, &pos, &entry.id) && Expect(text, &pos, ',') &&
                    ReadStrings(text, &pos, &entry.zh) && Expect(text, &pos, ',') &&
                    ReadStrings(text, &pos, &entry.en) && Expect(text, &pos, '}');
      EXPECT_TRUE(parsed) << name << ": " << entry.name
                          << " is not written as {\"id\", \"中文\", \"English\"}";
      entries.push_back(std::move(entry));
    }
  }
  return entries;
}

// The placeholders $0 … $9 a sentence uses; "$$" is a dollar sign. Sets *stray when a '$' is
// followed by anything else.
std::set<char> Placeholders(const std::string& text, bool* stray) {
  std::set<char> found;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '$') continue;
    if (i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9') {
      found.insert(text[++i]);
    } else if (i + 1 < text.size() && text[i + 1] == '$') {
      ++i;
    } else {
      *stray = true;
    }
  }
  return found;
}

bool HasNonAscii(const std::string& text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return true;
  }
  return false;
}

TEST(CatalogueTest, EveryHeaderIsFound) {
  std::set<std::string> files;
  for (const Entry& entry : ReadCatalogue()) files.insert(entry.file);
  EXPECT_THAT(files, ::testing::IsSupersetOf({"validation_messages.h", "client_messages.h",
                                              "help_messages.h", "outbox_messages.h",
                                              "bureau_messages.h", "server_messages.h"}));
}

TEST(CatalogueTest, EveryMessageHasBothLanguagesAndTheSamePlaceholders) {
  std::vector<Entry> entries = ReadCatalogue();
  ASSERT_GT(entries.size(), 200u);
  for (const Entry& entry : entries) {
    SCOPED_TRACE(entry.file + ": " + entry.name + " (" + entry.id + ")");
    EXPECT_FALSE(entry.id.empty());
    EXPECT_FALSE(entry.zh.empty());
    EXPECT_FALSE(entry.en.empty());
    // The Chinese text is Chinese: at least one character or sign outside ASCII.
    EXPECT_TRUE(HasNonAscii(entry.zh)) << entry.zh;
    bool stray_zh = false, stray_en = false;
    std::set<char> zh = Placeholders(entry.zh, &stray_zh);
    std::set<char> en = Placeholders(entry.en, &stray_en);
    EXPECT_EQ(zh, en) << entry.zh << "\n" << entry.en;
    // Without values a sentence is printed as written (Say(msg)), so "$$" would show twice;
    // with values absl::Substitute needs "$$" for a dollar sign.
    if (zh.empty()) {
      EXPECT_EQ(entry.zh.find("$$"), std::string::npos) << entry.zh;
      EXPECT_EQ(entry.en.find("$$"), std::string::npos) << entry.en;
    } else {
      EXPECT_FALSE(stray_zh) << entry.zh;
      EXPECT_FALSE(stray_en) << entry.en;
    }
    // Substitute stops at $9; placeholders run from $0 without gaps, so none is forgotten.
    for (size_t i = 0; i < en.size(); ++i) EXPECT_TRUE(en.contains('0' + i)) << entry.en;
  }
}

TEST(CatalogueTest, EnglishSentencesUseEnglishPunctuation) {
  for (const Entry& entry : ReadCatalogue()) {
    for (const char* mark : {"，", "；", "。", "：", "（", "）", "、", "“", "”"}) {
      EXPECT_EQ(entry.en.find(mark), std::string::npos)
          << entry.file << ": " << entry.name << " has " << mark << " in English: " << entry.en;
    }
  }
}

TEST(CatalogueTest, IdsAreUnique) {
  std::map<std::string, std::string> seen;
  for (const Entry& entry : ReadCatalogue()) {
    auto [it, inserted] = seen.emplace(entry.id, entry.file + ": " + entry.name);
    EXPECT_TRUE(inserted) << "id " << entry.id << " of " << entry.file << ": " << entry.name
                          << " is also " << it->second;
  }
}

TEST(CatalogueTest, StoredRuleIdsAreFound) {
  for (const Msg* rule : validation::kAll) {
    EXPECT_EQ(FindMsg(rule->id), rule) << rule->id;
  }
  EXPECT_EQ(FindMsg("no such id"), nullptr);
}

TEST(SayTest, SpeaksTheCurrentLanguage) {
  constexpr Msg kSample{"test.sample", "学校 $0 有 $1 名学生", "school $0 has $1 students"};
  SetProcessLang(Lang::kZh);
  EXPECT_EQ(Say(kSample, "2140043001", 620), "学校 2140043001 有 620 名学生");
  EXPECT_EQ(ListComma(), "、");
  {
    // A server call in English on a Chinese server.
    LangScope call(Lang::kEn);
    EXPECT_EQ(Say(kSample, "2140043001", 620), "school 2140043001 has 620 students");
    EXPECT_EQ(Colon(), ": ");
  }
  EXPECT_EQ(CurrentLang(), Lang::kZh);
  EXPECT_EQ(SayIn(Lang::kEn, kSample, "x", 1), "school x has 1 students");
}

TEST(ParseLangTest, TakesWordsAndLocales) {
  EXPECT_EQ(*ParseLang("zh"), Lang::kZh);
  EXPECT_EQ(*ParseLang("en"), Lang::kEn);
  EXPECT_EQ(*ParseLang("en_US.UTF-8"), Lang::kEn);
  EXPECT_EQ(*ParseLang("zh_CN.UTF-8"), Lang::kZh);
  EXPECT_EQ(ParseLang("fr").status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace junheng::i18n
