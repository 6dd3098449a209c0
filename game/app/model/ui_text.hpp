// The game's words in the student's language, by key, from content/locale/*.json. A key
// missing from the files is shown as the key itself (visible, never blank) and recorded,
// so the tour fails on it.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "upstander/content_library.hpp"

namespace upstander::app {

class UiText {
 public:
  UiText(const ContentLibrary& lib, std::string language);

  const std::string& language() const { return language_; }
  void set_language(std::string language);

  std::string get(std::string_view key) const;
  std::string get(std::string_view key,
                  const std::vector<std::pair<std::string, std::string>>& args) const;
  bool has(std::string_view key) const;
  // A content text (scenario, survey, help) in the student's language.
  const std::string& pick(const LocalizedText& t) const { return t.get(language_); }

  const std::set<std::string>& missing() const { return missing_; }

 private:
  const ContentLibrary* lib_;
  std::string language_;
  const LocaleStrings* primary_ = nullptr;
  const LocaleStrings* fallback_ = nullptr;
  mutable std::set<std::string> missing_;
};

// Languages the game can be played in: those with a UI strings file, sorted by code.
std::vector<const LocaleStrings*> ui_languages(const ContentLibrary& lib);

}  // namespace upstander::app
