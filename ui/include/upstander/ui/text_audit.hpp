// What the tour fails on: a code point the fonts cannot draw, or text taller or wider than
// the box it must fit. Every text the game draws goes through ui_text_draw, which reports
// here. On request it also keeps every text drawn, so tests can check what a screen shows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace upstander::ui {

struct DrawnText {
  std::string where;  // which box
  std::string text;   // as written in the content
};

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
  void clear() {
    problems_.clear();
    drawn_.clear();
  }

  // Keeping the drawn texts costs a copy per text, so it is off unless a test asks.
  void record_drawn(bool on) { recording_ = on; }
  void drawn(std::string_view where, std::string_view text) {
    if (recording_) drawn_.push_back({std::string(where), std::string(text)});
  }
  const std::vector<DrawnText>& drawn_texts() const { return drawn_; }

 private:
  std::vector<TextProblem> problems_;
  std::vector<DrawnText> drawn_;
  bool recording_ = false;
};

}  // namespace upstander::ui
