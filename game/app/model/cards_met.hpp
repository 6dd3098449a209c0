// "The excuses you met today": the excuse cards (and, apart, the thought cards) a student
// saw on this playthrough, in the order met, for the ending's debrief. Short: each line is
// what was said, once, without its answer.
#pragma once

#include <string>
#include <vector>

#include "ui_text.hpp"
#include "upstander/scenario.hpp"

namespace upstander::app {

struct CardsMet {
  std::vector<std::string> excuses;
  std::vector<std::string> thoughts;
  bool empty() const { return excuses.empty() && thoughts.empty(); }
};

// `seen` are node indices of `s` in the order the student saw them (repeats allowed).
CardsMet cards_met(const Scenario& s, const std::vector<int>& seen, const UiText& text);

}  // namespace upstander::app
