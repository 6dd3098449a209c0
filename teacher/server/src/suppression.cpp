// The suppression rule, its feasibility test, and the "most of the class" words.
#include "suppression.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <numeric>
#include <tuple>

namespace upstander::server {

namespace {

// Can every "fewer than k" cell still take any value in [0, k-1], given the total, the
// visible cells, and the knowledge that small cells are < k and hidden cells are >= k?
// (Empty small cells need no protection.)
bool small_cells_unknowable(std::span<const std::int64_t> counts,
                            const std::vector<CellShown>& shown, int k) {
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

bool all_hidden(const SuppressedRow& row) {
  return std::all_of(row.cells.begin(), row.cells.end(),
                     [](CellShown s) { return s == CellShown::Hidden; });
}

bool majority_of(std::int64_t count, std::int64_t total, int k) {
  return count >= k && 2 * count > total;
}

// The least cell i can hold given what a partly shown row publishes; -1 when another
// hidden cell (unbounded above) could hold everything.
std::int64_t least_published(std::span<const std::int64_t> counts, const SuppressedRow& row, int k,
                             std::size_t i) {
  if (row.cells[i] == CellShown::Count) return counts[i];
  std::int64_t others_most = 0;
  for (std::size_t j = 0; j < counts.size(); ++j) {
    if (j == i) continue;
    if (row.cells[j] == CellShown::Count)
      others_most += counts[j];
    else if (row.cells[j] == CellShown::FewerThanK)
      others_most += k - 1;
    else
      return -1;
  }
  const std::int64_t total = std::accumulate(counts.begin(), counts.end(), std::int64_t{0});
  return total - others_most;
}

std::size_t largest_cell(std::span<const std::int64_t> counts) {
  return static_cast<std::size_t>(std::max_element(counts.begin(), counts.end()) - counts.begin());
}

// Calls fn on every row of `width` cells summing to `total`, until fn returns false.
template <typename Fn>
bool each_row_of(std::int64_t total, std::size_t width, Fn&& fn) {
  std::vector<std::int64_t> cur(width, 0);
  auto rec = [&](auto&& self, std::size_t i, std::int64_t left) -> bool {
    if (i + 1 == width) {
      cur[i] = left;
      return fn(std::span<const std::int64_t>(cur));
    }
    for (std::int64_t v = 0; v <= left; ++v) {
      cur[i] = v;
      if (!self(self, i + 1, left - v)) return false;
    }
    return true;
  };
  return rec(rec, 0, total);
}

// Rows of `width` cells summing to `total`: C(total + width - 1, width - 1), capped.
std::int64_t rows_of(std::int64_t total, std::size_t width, std::int64_t cap) {
  double n = 1;
  for (std::size_t i = 1; i < width; ++i) {
    n = n * static_cast<double>(total + static_cast<std::int64_t>(i)) / static_cast<double>(i);
    if (n > static_cast<double>(cap)) return cap + 1;
  }
  return static_cast<std::int64_t>(n);
}

// Whether rows of this total and width that show only their total may name their
// majority: over all of them, each group a teacher can tell apart (named X, or silent)
// must leave every nonzero count below k more than one possible value.
bool words_safe_when_all_hidden(std::int64_t total, std::size_t width, int k) {
  constexpr std::int64_t kMaxRows = 200000;  // a wider row simply stays silent
  if (rows_of(total, width, kMaxRows) > kMaxRows) return false;
  // Per group (width = silent) and cell: the first value seen and whether another was.
  struct Seen {
    std::int64_t first = -1;
    bool varies = false;
    bool small_nonzero = false;
  };
  std::vector<std::vector<Seen>> seen(width + 1, std::vector<Seen>(width));
  each_row_of(total, width, [&](std::span<const std::int64_t> c) {
    if (!all_hidden(suppress_row(c, k))) return true;
    const std::size_t top = largest_cell(c);
    const std::size_t group = majority_of(c[top], total, k) ? top : width;
    for (std::size_t i = 0; i < width; ++i) {
      Seen& s = seen[group][i];
      if (s.first < 0)
        s.first = c[i];
      else if (s.first != c[i])
        s.varies = true;
      if (c[i] > 0 && c[i] < k) s.small_nonzero = true;
    }
    return true;
  });
  for (const auto& group : seen) {
    for (const Seen& s : group) {
      if (s.first >= 0 && s.small_nonzero && !s.varies) return false;
    }
  }
  return true;
}

bool words_safe_cached(std::int64_t total, std::size_t width, int k) {
  static std::mutex mutex;
  static std::map<std::tuple<std::int64_t, std::size_t, int>, bool> cache;
  const auto key = std::make_tuple(total, width, k);
  {
    std::lock_guard lock(mutex);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
  }
  const bool safe = words_safe_when_all_hidden(total, width, k);
  std::lock_guard lock(mutex);
  cache[key] = safe;
  return safe;
}

}  // namespace

SuppressedRow suppress_row(std::span<const std::int64_t> counts, int k) {
  k = std::max(k, kMinimumK);
  SuppressedRow row;
  row.cells.assign(counts.size(), CellShown::Count);
  const std::int64_t total = std::accumulate(counts.begin(), counts.end(), std::int64_t{0});
  if (total == 0) return row;  // nobody yet: zeros identify no one
  if (total < k) {
    row.total_shown = false;
    std::fill(row.cells.begin(), row.cells.end(), CellShown::Hidden);
    return row;
  }
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] < k) row.cells[i] = CellShown::FewerThanK;
  }
  if (small_cells_unknowable(counts, row.cells, k)) return row;
  // Rows this small could consist of small cells only; those must look like the others.
  const auto width = static_cast<std::int64_t>(counts.size());
  if (total > width * (k - 1)) {
    for (auto& s : row.cells) {
      if (s == CellShown::Count) s = CellShown::Hidden;
    }
    if (small_cells_unknowable(counts, row.cells, k)) return row;
  }
  std::fill(row.cells.begin(), row.cells.end(), CellShown::Hidden);
  return row;
}

std::optional<std::size_t> most_common_in_words(std::span<const std::int64_t> counts,
                                                const SuppressedRow& row, int k) {
  k = std::max(k, kMinimumK);
  if (counts.empty() || !row.total_shown) return std::nullopt;
  const std::int64_t total = std::accumulate(counts.begin(), counts.end(), std::int64_t{0});
  if (all_hidden(row)) {
    const std::size_t top = largest_cell(counts);
    if (!majority_of(counts[top], total, k) || !words_safe_cached(total, counts.size(), k))
      return std::nullopt;
    return top;
  }
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (majority_of(least_published(counts, row, k, i), total, k)) return i;
  }
  return std::nullopt;
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
