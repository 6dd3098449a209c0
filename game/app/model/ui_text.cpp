// UI string lookup with an English fallback and a record of missing keys.
#include "ui_text.hpp"

#include <algorithm>

namespace upstander::app {

UiText::UiText(const ContentLibrary& lib, std::string language) : lib_(&lib) {
  set_language(std::move(language));
}

void UiText::set_language(std::string language) {
  language_ = std::move(language);
  primary_ = lib_->locale(language_);
  fallback_ = lib_->locale("en");
}

std::string UiText::get(std::string_view key) const {
  for (const LocaleStrings* table : {primary_, fallback_}) {
    if (!table) continue;
    if (const std::string* v = table->find(key)) return *v;
  }
  missing_.insert(std::string(key));
  return std::string(key);
}

std::string UiText::get(std::string_view key,
                        const std::vector<std::pair<std::string, std::string>>& args) const {
  return fill_placeholders(get(key), args);
}

bool UiText::has(std::string_view key) const {
  return (primary_ && primary_->find(key)) || (fallback_ && fallback_->find(key));
}

std::vector<const LocaleStrings*> ui_languages(const ContentLibrary& lib) {
  auto all = lib.locales();
  std::sort(all.begin(), all.end(),
            [](const LocaleStrings* a, const LocaleStrings* b) { return a->locale < b->locale; });
  return all;
}

}  // namespace upstander::app
