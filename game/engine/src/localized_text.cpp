// Lookup of localized text with a predictable fallback.
#include "upstander/localized_text.hpp"

namespace upstander {

void LocalizedText::set(std::string_view locale, std::string text) {
  for (auto& [l, t] : entries_) {
    if (l == locale) {
      t = std::move(text);
      return;
    }
  }
  entries_.emplace_back(std::string(locale), std::move(text));
}

const std::string* LocalizedText::find(std::string_view locale) const {
  for (const auto& [l, t] : entries_) {
    if (l == locale) return &t;
  }
  return nullptr;
}

const std::string& LocalizedText::get(std::string_view locale) const {
  static const std::string kEmpty;
  if (const std::string* t = find(locale)) return *t;
  return entries_.empty() ? kEmpty : entries_.front().second;
}

}  // namespace upstander
