// Recording text problems, once per box and text.
#include "upstander/ui/text_audit.hpp"

#include <algorithm>
#include <cstdio>

namespace upstander::ui {

namespace {

void add_unique(std::vector<TextProblem>& list, TextProblem p) {
  const bool seen = std::any_of(list.begin(), list.end(), [&](const TextProblem& q) {
    return q.kind == p.kind && q.where == p.where && q.text == p.text;
  });
  if (!seen) list.push_back(std::move(p));
}

}  // namespace

void TextAudit::missing_glyph(const std::string& where, const std::string& text, char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  add_unique(problems_, {"missing-glyph", where, text, buf});
}

void TextAudit::does_not_fit(const std::string& where, const std::string& text, float need,
                             float have) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "needs %.0f px, has %.0f px", static_cast<double>(need),
                static_cast<double>(have));
  add_unique(problems_, {"does-not-fit", where, text, buf});
}

}  // namespace upstander::ui
