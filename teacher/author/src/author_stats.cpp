// Word counts, coverage and the engine's statistics for the author screens.
#include "upstander/author/author_stats.hpp"

#include "upstander/scenario_text.hpp"
#include "upstander/utf8.hpp"

namespace upstander::author {

std::size_t count_words(std::string_view locale, std::string_view text) {
  if (locale == "ko" || locale == "ja" || locale == "zh") {
    std::size_t syllables = 0;
    for (auto cp : utf8::split_code_points(text)) {
      if (cp != " " && cp != "\n") ++syllables;
    }
    return syllables;
  }
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

AuthorStats author_stats(const Scenario& model, const ContentFile* checked) {
  AuthorStats st;
  st.nodes = model.nodes.size();
  for (const auto& n : model.nodes) st.choices += n.choices.size();
  for (const auto& [locale, coverage] : translation_coverage(model)) st.locales.push_back({locale, 0, coverage});
  for_each_text(model, [&](const std::string&, const LocalizedText& t) {
    for (auto& l : st.locales) {
      if (const std::string* s = t.find(l.locale)) l.words += count_words(l.locale, *s);
    }
  });
  if (checked && checked->ok() && checked->scenario()) st.engine = compute_stats(*checked->scenario());
  return st;
}

}  // namespace upstander::author
