// Collecting the code points of all loaded texts.
#include "upstander/ui/glyph_set.hpp"

#include "upstander/scenario_text.hpp"
#include "upstander/utf8.hpp"

namespace upstander::ui {

bool is_modifier(char32_t cp) {
  return cp == 0xFE0E || cp == 0xFE0F || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF);
}

void add_text(GlyphSet& set, std::string_view utf8) {
  for (std::string_view cp : utf8::split_code_points(utf8)) {
    const char32_t c = utf8::decode(cp);
    if (c >= 0x20 && !is_modifier(c)) set.insert(c);
  }
}

namespace {

void add_localized(GlyphSet& set, const LocalizedText& t) {
  for (const auto& [locale, text] : t.entries()) add_text(set, text);
}

}  // namespace

void add_scenario_glyphs(GlyphSet& set, const Scenario& s) {
  for_each_text(s, [&](const std::string&, const LocalizedText& t) { add_localized(set, t); });
  for (const auto& c : s.characters) add_text(set, c.avatar.emoji);
}

void add_survey_glyphs(GlyphSet& set, const Survey& sv) {
  for (const auto* t : {&sv.title, &sv.intro_pre, &sv.intro_post, &sv.min_label, &sv.max_label,
                        &sv.vignette_prompt})
    add_localized(set, *t);
  for (const auto& item : sv.items) {
    add_localized(set, item.form_a);
    add_localized(set, item.form_b);
  }
}

GlyphSet content_glyphs(const ContentLibrary& lib) {
  GlyphSet set;
  for (char32_t c = 0x20; c < 0x7F; ++c) set.insert(c);
  for (const LocaleStrings* l : lib.locales()) {
    add_text(set, l->name);
    for (const auto& e : l->entries) add_text(set, e.value);
  }
  for (const Scenario* s : lib.scenarios()) add_scenario_glyphs(set, *s);
  if (const Survey* sv = lib.survey()) add_survey_glyphs(set, *sv);
  if (const HelpDirectory* h = lib.help()) {
    for (const auto& c : h->countries) {
      add_localized(set, c.name);
      for (const auto& r : c.resources) {
        for (const auto* t : {&r.name, &r.what, &r.hours}) add_localized(set, *t);
        for (const auto* s : {&r.phone, &r.text, &r.url}) add_text(set, *s);
      }
    }
  }
  return set;
}

}  // namespace upstander::ui
