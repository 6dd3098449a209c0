// Word counts, coverage and the engine's statistics for the author screens.
#include "upstander/author/author_stats.hpp"

#include "upstander/scenario_text.hpp"
#include "upstander/reading_length.hpp"

namespace upstander::author {

AuthorStats author_stats(const Scenario& model, const ContentFile* checked) {
  AuthorStats st;
  st.nodes = model.nodes.size();
  for (const auto& n : model.nodes) st.choices += n.choices.size();
  for (const auto& [locale, coverage] : translation_coverage(model))
    st.locales.push_back({locale, 0, coverage});
  for_each_text(model, [&](const std::string&, const LocalizedText& t) {
    for (auto& l : st.locales) {
      if (const std::string* s = t.find(l.locale)) l.words += reading_units(*s);
    }
  });
  if (checked && checked->ok() && checked->scenario())
    st.engine = compute_stats(*checked->scenario());
  return st;
}

}  // namespace upstander::author
