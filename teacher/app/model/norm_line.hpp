// The social-norm line of the debrief ("most of your class ..."), computed only from
// published cells. It names a choice only when the published numbers prove the claim, and
// it never states or implies a suppressed count: it quotes the chosen cell and the total,
// both of which the server published.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "api_types.hpp"
#include "dashboard_text.hpp"

namespace upstander::dashboard {

enum class NormKind {
  Most,        // the choice of more than half the class
  MostOften,   // provably the most frequent, without a majority
};

struct NormLine {
  NormKind kind = NormKind::Most;
  std::string choice_id;
  std::string choice_text;
  std::int64_t count = 0;  // a published count
  std::int64_t total = 0;  // the published total
};

// nullopt when the published numbers cannot prove which choice most of the class made.
std::optional<NormLine> norm_line(const Row& decision, int k);

// The line in the dashboard language: teacher.norm.most or teacher.norm.most_often.
std::string norm_sentence(const NormLine& line, const DashboardText& text);

}  // namespace upstander::dashboard
