// Small-cell suppression for one row of counts (the answers to one question, which add up
// to the row total). A count below k is never published, and enough other cells are hidden
// with it that no hidden small count can be worked out, even knowing the total and which
// cells are "fewer than k".
#pragma once

#include <cstdint>
#include <optional>
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
// shown as "fewer than k" to be anything from 0 to k-1. A row takes one of three shapes:
// every cell at least k shown with the small ones labelled; else every cell at least k
// hidden with the small ones labelled; else (or when the total is at most n*(k-1), where a
// class of only small cells would otherwise stand out) nothing but the total. Which cells
// are hidden never depends on how large the visible ones are: an earlier rule hid the
// smallest first, and "this one was hidden, that one not" gave small counts away. Nobody
// (a total of 0) publishes zeros: there is no one to protect.
SuppressedRow suppress_row(std::span<const std::int64_t> counts, int k);

// The answer "most of the class" chose, to say in words where counts are hidden: a strict
// majority of the total and at least k students. In a row that shows some cells it is
// named only when the published cells already prove it (so it adds nothing); in a row
// that shows only its total it is named only when, over every row of that total and width
// that shows only its total, neither saying it nor staying silent narrows any count below
// k to one value (checked by enumeration, cached; rows too wide to enumerate stay silent).
std::optional<std::size_t> most_common_in_words(std::span<const std::int64_t> counts,
                                                const SuppressedRow& row, int k);

// A cumulative series (the funnel) derived from a suppressed row of stage counts: entry s
// is the number of players at stage s or beyond, published only when it follows from the
// published cells and total (so it reveals nothing the row hides).
std::vector<bool> derivable_cumulative(const SuppressedRow& row);

}  // namespace upstander::server
