// Small-cell suppression for one row of counts (the answers to one question, which add up
// to the row total). A count below k is never published, and enough other cells are hidden
// with it that no hidden small count can be worked out, even knowing the total and which
// cells are "fewer than k".
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace upstander::server {

inline constexpr int kMinimumK = 3;
inline constexpr int kDefaultK = 5;

enum class CellShown {
  Count,       // the number is published
  FewerThanK,  // published as "fewer than k"
  Hidden,      // at least k, or unknown: hidden so that the small cells stay unknowable
};

struct SuppressedRow {
  std::vector<CellShown> cells;
  // The row total is published unless it is itself below k.
  bool total_shown = true;
};

// `counts` are the row's cells; the total is their sum. k must be >= kMinimumK.
//
// The rule: unless every small cell is empty (nobody to identify), everything published
// (the total, the visible counts, and which cells are below k) must still allow each cell
// shown as "fewer than k" to be anything from 0 to k-1. Cells are hidden smallest first
// until that holds; if it cannot hold, every cell is hidden without saying which are small.
SuppressedRow suppress_row(std::span<const std::int64_t> counts, int k);

// A cumulative series (the funnel) derived from a suppressed row of stage counts: entry s
// is the number of players at stage s or beyond, published only when it follows from the
// published cells and total (so it reveals nothing the row hides).
std::vector<bool> derivable_cumulative(const SuppressedRow& row);

}  // namespace upstander::server
