// What the tour fails on: a code point the fonts cannot draw, or text taller or wider than
// the box it must fit. Every text the game draws goes through ui_text_draw, which reports
// here.
#pragma once

#include <string>
#include <vector>

namespace upstander::app {

struct TextProblem {
  std::string kind;    // "missing-glyph" or "does-not-fit"
  std::string where;   // which box
  std::string text;    // the text concerned (as written in the content)
  std::string detail;  // the code point, or needed vs available size
};

class TextAudit {
 public:
  void missing_glyph(const std::string& where, const std::string& text, char32_t cp);
  void does_not_fit(const std::string& where, const std::string& text, float need, float have);
  const std::vector<TextProblem>& problems() const { return problems_; }
  void clear() { problems_.clear(); }

 private:
  std::vector<TextProblem> problems_;
};

}  // namespace upstander::app
