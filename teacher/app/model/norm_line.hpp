// The social-norm line of the debrief ("most of your class ..."), computed only from
// published cells. It names a choice only when the published numbers (or the server's
// "most" words for a row whose counts are hidden) prove the claim, and it never states or
// implies a suppressed count: it quotes the chosen cell and the total, both published.
// A harmful choice is never announced as the norm (the boomerang effect, LEARNING.md):
// the reveal says how many chose otherwise, and the preview warns the teacher why.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "api_types.hpp"
#include "dashboard_text.hpp"

namespace upstander::dashboard {

enum class NormKind {
  Most,         // the choice of more than half the class
  MostOften,    // provably the most frequent, without a majority
  MostInWords,  // more than half, with the count hidden (the server's "most" words)
};

struct NormLine {
  NormKind kind = NormKind::Most;
  std::string choice_id;
  std::string choice_text;
  std::int64_t count = 0;  // a published count (0 for MostInWords: not published)
  std::int64_t total = 0;  // the published total
  bool harmful = false;    // the choice is harmful: reveal who chose otherwise instead
};

// nullopt when the published numbers cannot prove which choice most of the class made.
std::optional<NormLine> norm_line(const Row& decision, int k);

// The line the class sees on Reveal, in the dashboard language: teacher.norm.most,
// .most_often or .most_words; for a harmful choice .otherwise (how many chose something
// else) or .otherwise_words.
std::string norm_sentence(const NormLine& line, const DashboardText& text);
// For the teacher's preview only: why a harmful majority is not revealed as the norm;
// "" for any other line.
std::string norm_warning(const NormLine& line, const DashboardText& text);

}  // namespace upstander::dashboard
