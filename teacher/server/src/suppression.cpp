// The suppression rule and its feasibility test.
#include "suppression.hpp"

#include <algorithm>
#include <numeric>

namespace upstander::server {

namespace {

// Can every "fewer than k" cell still take any value in [0, k-1], given the total, the
// visible cells, and the knowledge that small cells are < k and hidden cells are >= k?
// (Empty small cells need no protection.)
bool small_cells_unknowable(std::span<const std::int64_t> counts, const std::vector<CellShown>& shown, int k) {
  std::int64_t hidden_sum = 0;
  std::int64_t small = 0;
  std::int64_t small_sum = 0;
  std::int64_t large = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (shown[i] == CellShown::Count) continue;
    hidden_sum += counts[i];
    if (shown[i] == CellShown::FewerThanK) {
      ++small;
      small_sum += counts[i];
    }
    if (shown[i] == CellShown::Hidden) ++large;
  }
  // Small cells that are all empty protect nobody: "nobody chose this" identifies no one,
  // and a unanimous class result stays visible for the debrief.
  if (small == 0 || small_sum == 0) return true;
  // Largest value one small cell can take: the hidden sum minus the least the others hold.
  const bool max_ok = hidden_sum - large * k >= k - 1;
  // Smallest value: 0 unless the others cannot absorb the whole hidden sum.
  const bool min_ok = large > 0 || hidden_sum <= (small - 1) * (k - 1);
  return max_ok && min_ok;
}

}  // namespace

SuppressedRow suppress_row(std::span<const std::int64_t> counts, int k) {
  k = std::max(k, kMinimumK);
  SuppressedRow row;
  row.cells.assign(counts.size(), CellShown::Count);
  const std::int64_t total = std::accumulate(counts.begin(), counts.end(), std::int64_t{0});
  if (total < k) {
    row.total_shown = false;
    std::fill(row.cells.begin(), row.cells.end(), CellShown::Hidden);
    return row;
  }
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] < k) row.cells[i] = CellShown::FewerThanK;
  }
  while (!small_cells_unknowable(counts, row.cells, k)) {
    // Hide the smallest visible cell: it protects the small ones at the least cost.
    std::size_t pick = counts.size();
    for (std::size_t i = 0; i < counts.size(); ++i) {
      if (row.cells[i] == CellShown::Count && (pick == counts.size() || counts[i] < counts[pick])) pick = i;
    }
    if (pick == counts.size()) {
      // Nothing left to hide: say nothing about which cells are small.
      std::fill(row.cells.begin(), row.cells.end(), CellShown::Hidden);
      break;
    }
    row.cells[pick] = CellShown::Hidden;
  }
  return row;
}

std::vector<bool> derivable_cumulative(const SuppressedRow& row) {
  const std::size_t n = row.cells.size();
  std::vector<bool> out(n, false);
  for (std::size_t s = 0; s < n; ++s) {
    const auto visible = [&](std::size_t i) { return row.cells[i] == CellShown::Count; };
    bool upper_known = true;  // every stage from s on is visible: sum them
    for (std::size_t i = s; i < n; ++i) upper_known = upper_known && visible(i);
    bool lower_known = row.total_shown;  // total minus every visible stage before s
    for (std::size_t i = 0; i < s; ++i) lower_known = lower_known && visible(i);
    out[s] = upper_known || lower_known;
  }
  return out;
}

}  // namespace upstander::server
