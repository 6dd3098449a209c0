// Proving "most" from suppressed cells: a hidden cell may hold up to what the total leaves
// after the visible cells; a "fewer than k" cell at most k - 1.
#include "norm_line.hpp"

#include <algorithm>

namespace upstander::dashboard {

std::optional<NormLine> norm_line(const Row& d, int k) {
  if (!d.total.count || *d.total.count < k) return std::nullopt;
  const std::int64_t total = *d.total.count;
  std::int64_t visible_sum = 0;
  const Cell* top = nullptr;
  for (const auto& c : d.cells) {
    if (!c.count) continue;
    visible_sum += *c.count;
    if (!top || *c.count > *top->count) top = &c;
  }
  if (!top || *top->count == 0) return std::nullopt;
  const std::int64_t left = std::max<std::int64_t>(0, total - visible_sum);
  // The largest any other cell could be.
  std::int64_t rival = 0;
  for (const auto& c : d.cells) {
    if (&c == top) continue;
    std::int64_t most = 0;
    if (c.count)
      most = *c.count;
    else if (c.shown == Shown::FewerThanK)
      most = std::min<std::int64_t>(k - 1, left);
    else
      most = left;
    rival = std::max(rival, most);
  }
  NormLine line{NormKind::Most, top->id, top->text, *top->count, total};
  if (2 * *top->count > total) return line;
  if (*top->count > rival) {
    line.kind = NormKind::MostOften;
    return line;
  }
  return std::nullopt;
}

std::string norm_sentence(const NormLine& l, const DashboardText& text) {
  const TextArgs args = {{"choice", l.choice_text},
                         {"count", std::to_string(l.count)},
                         {"total", std::to_string(l.total)}};
  return text(l.kind == NormKind::Most ? "teacher.norm.most" : "teacher.norm.most_often", args);
}

}  // namespace upstander::dashboard
