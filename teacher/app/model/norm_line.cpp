// Proving "most" from suppressed cells: a hidden cell may hold up to what the total leaves
// after the visible cells; a "fewer than k" cell at most k - 1.
#include "norm_line.hpp"

#include <algorithm>

namespace upstander::dashboard {

namespace {

// "most" from the server's words: the count stays unpublished.
std::optional<NormLine> norm_in_words(const Row& d) {
  if (d.most.empty() || !d.total.count) return std::nullopt;
  for (const auto& c : d.cells) {
    if (c.id == d.most)
      return NormLine{NormKind::MostInWords, c.id, c.text, 0, *d.total.count, c.harmful};
  }
  return std::nullopt;
}

std::optional<NormLine> norm_from_counts(const Row& d, int k) {
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
  NormLine line{NormKind::Most, top->id, top->text, *top->count, total, top->harmful};
  if (2 * *top->count > total) return line;
  if (*top->count > rival) {
    line.kind = NormKind::MostOften;
    return line;
  }
  return std::nullopt;
}

}  // namespace

std::optional<NormLine> norm_line(const Row& d, int k) {
  if (auto line = norm_from_counts(d, k)) return line;
  return norm_in_words(d);
}

std::string norm_sentence(const NormLine& l, const DashboardText& text) {
  const TextArgs args = {{"choice", l.choice_text},
                         {"count", std::to_string(l.count)},
                         {"total", std::to_string(l.total)},
                         {"others", std::to_string(l.total - l.count)}};
  if (l.harmful)
    return text(
        l.kind == NormKind::MostInWords ? "teacher.norm.otherwise_words" : "teacher.norm.otherwise",
        args);
  switch (l.kind) {
    case NormKind::Most: return text("teacher.norm.most", args);
    case NormKind::MostOften: return text("teacher.norm.most_often", args);
    case NormKind::MostInWords: return text("teacher.norm.most_words", args);
  }
  return text("teacher.norm.most", args);
}

std::string norm_warning(const NormLine& l, const DashboardText& text) {
  if (!l.harmful) return {};
  return text("teacher.norm.harmful_warning", {{"choice", l.choice_text}});
}

}  // namespace upstander::dashboard
