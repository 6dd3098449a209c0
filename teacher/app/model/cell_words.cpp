// Cells, means and shifts as text.
#include "cell_words.hpp"

#include <cmath>
#include <cstdio>

namespace upstander::dashboard {

std::string cell_words(const Cell& c, int k, const DashboardText& text) {
  switch (c.shown) {
    case Shown::Count: return c.count ? std::to_string(*c.count) : text("teacher.cell.hidden");
    case Shown::FewerThanK: return text("teacher.cell.fewer_than_k", {{"k", std::to_string(k)}});
    case Shown::Hidden: return text("teacher.cell.hidden");
  }
  return text("teacher.cell.hidden");
}

Row endings_with_outcomes(Row endings, const DashboardText& text) {
  for (auto& c : endings.cells) {
    if (c.outcome.empty()) continue;
    c.text = (c.text.empty() ? c.id : c.text) + " (" + text("teacher.outcome." + c.outcome) + ")";
  }
  return endings;
}

std::string row_note(const Row& row, const DashboardText& text) {
  if (row.total.count && *row.total.count == 0) return text("teacher.cell.no_answers");
  if (row.most.empty()) return {};
  for (const auto& c : row.cells) {
    if (c.id == row.most && !c.count)
      return text("teacher.chart.most", {{"choice", c.text.empty() ? c.id : c.text}});
  }
  return {};
}

std::string privacy_legend(int k, const DashboardText& text) {
  return text("teacher.chart.privacy_legend",
              {{"k", std::to_string(k)}, {"below", std::to_string(k - 1)}});
}

std::string mean_words(const MeanValue& m, int k, const DashboardText& text) {
  if (!m.mean || !m.n.count) return cell_words(m.n, k, text);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", *m.mean);
  return buf;
}

std::string shift_words(const std::optional<double>& shift) {
  if (!shift) return {};
  const double v = std::round(*shift * 10.0) / 10.0;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f", v == 0.0 ? 0.0 : v);
  return buf;
}

}  // namespace upstander::dashboard
