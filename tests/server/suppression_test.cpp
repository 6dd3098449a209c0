// Small-cell suppression: no count below k is published, and no published combination of
// total, visible cells and "fewer than k" labels narrows a small cell down.
#include <doctest/doctest.h>

#include <functional>
#include <vector>

#include "suppression.hpp"

using namespace upstander::server;

namespace {

// Every row of `n` cells (each 0..max) that looks the same as `counts` once suppressed:
// same total (when shown), same visible counts, same labels.
void for_each_lookalike(const std::vector<std::int64_t>& counts, const SuppressedRow& row, int k,
                        std::int64_t max,
                        const std::function<void(const std::vector<std::int64_t>&)>& fn) {
  std::int64_t total = 0;
  for (auto c : counts) total += c;
  std::vector<std::int64_t> cur(counts.size(), 0);
  std::function<void(std::size_t)> rec = [&](std::size_t i) {
    if (i == counts.size()) {
      std::int64_t t = 0;
      for (auto c : cur) t += c;
      if (row.total_shown && t != total) return;
      if (!row.total_shown && t >= k) return;
      fn(cur);
      return;
    }
    for (std::int64_t v = 0; v <= max; ++v) {
      if (row.cells[i] == CellShown::Count && v != counts[i]) continue;
      if (row.cells[i] == CellShown::FewerThanK && v >= k) continue;
      if (row.cells[i] == CellShown::Hidden && row.total_shown && v < k) {
        // A cell hidden to protect others is at least k, unless the whole row was hidden
        // without labels; then it may be anything.
        bool labels_given = false;
        for (auto s : row.cells) labels_given = labels_given || s == CellShown::FewerThanK;
        if (labels_given) continue;
      }
      cur[i] = v;
      rec(i + 1);
    }
  };
  rec(0);
}

}  // namespace

TEST_CASE("no cell below k is published, for every row of up to three cells") {
  for (int k = 3; k <= 5; ++k) {
    for (std::int64_t a = 0; a <= 12; ++a) {
      for (std::int64_t b = 0; b <= 12; ++b) {
        for (std::int64_t c = 0; c <= 12; ++c) {
          const std::vector<std::int64_t> counts{a, b, c};
          const SuppressedRow row = suppress_row(counts, k);
          // An empty row publishes its zeros: there is nobody to protect.
          for (std::size_t i = 0; i < counts.size(); ++i) {
            if (counts[i] < k && a + b + c > 0) CHECK(row.cells[i] != CellShown::Count);
          }
          if (a + b + c > 0 && a + b + c < k) CHECK_FALSE(row.total_shown);
        }
      }
    }
  }
}

TEST_CASE("a small cell can still be anything from 0 to k-1 given everything published") {
  // Brute force: for each row, collect the values each "fewer than k" cell takes over all
  // rows that publish the same thing. Complementary suppression must leave all k values.
  const int k = 5;
  const std::int64_t max = 14;
  int rows_checked = 0;
  for (std::int64_t a = 0; a <= 9; ++a) {
    for (std::int64_t b = 0; b <= 9; ++b) {
      for (std::int64_t c = 0; c <= 9; ++c) {
        const std::vector<std::int64_t> counts{a, b, c};
        const SuppressedRow row = suppress_row(counts, k);
        std::int64_t small_sum = 0;
        for (std::size_t i = 0; i < counts.size(); ++i) {
          if (row.cells[i] == CellShown::FewerThanK) small_sum += counts[i];
        }
        ++rows_checked;
        if (small_sum == 0) continue;  // only empty small cells: nobody to protect
        std::vector<std::vector<bool>> seen(counts.size(),
                                            std::vector<bool>(static_cast<std::size_t>(k), false));
        for_each_lookalike(counts, row, k, max, [&](const std::vector<std::int64_t>& v) {
          for (std::size_t i = 0; i < v.size(); ++i) {
            if (row.cells[i] == CellShown::FewerThanK && v[i] < k)
              seen[i][static_cast<std::size_t>(v[i])] = true;
          }
        });
        for (std::size_t i = 0; i < counts.size(); ++i) {
          if (row.cells[i] != CellShown::FewerThanK) continue;
          for (int v = 0; v < k; ++v) {
            INFO("row ", a, ",", b, ",", c, " cell ", i, " value ", v);
            CHECK(seen[i][static_cast<std::size_t>(v)]);
          }
        }
      }
    }
  }
  CHECK(rows_checked == 1000);
}

TEST_CASE("a typical class row: the small cells are labelled and the large ones hidden together") {
  const std::vector<std::int64_t> counts{18, 7, 3, 2};
  const SuppressedRow row = suppress_row(counts, 5);
  CHECK(row.total_shown);
  // Hiding only the 7 (the smallest large cell) would tell that the 18 is larger than it.
  CHECK(row.cells[0] == CellShown::Hidden);
  CHECK(row.cells[1] == CellShown::Hidden);
  CHECK(row.cells[2] == CellShown::FewerThanK);
  CHECK(row.cells[3] == CellShown::FewerThanK);
}

TEST_CASE("regression: which large cell was hidden no longer gives a small count away") {
  // The old rule hid the smallest visible cell first: 4, 6, 5 published "fewer than 5, 6,
  // hidden" and only 4 fits (a hidden 6 would have been hidden before the visible 6).
  const std::vector<std::int64_t> counts{4, 6, 5};
  const SuppressedRow row = suppress_row(counts, 5);
  CHECK(row.cells[0] == CellShown::FewerThanK);
  CHECK(row.cells[1] != CellShown::Count);
  CHECK(row.cells[2] != CellShown::Count);
}

TEST_CASE("nobody yet: an empty row shows zeros, not hidden") {
  const std::vector<std::int64_t> counts{0, 0, 0};
  const SuppressedRow row = suppress_row(counts, 5);
  CHECK(row.total_shown);
  for (auto s : row.cells) CHECK(s == CellShown::Count);
}

TEST_CASE("a unanimous class stays visible: empty cells protect nobody") {
  const std::vector<std::int64_t> counts{0, 30, 0};
  const SuppressedRow row = suppress_row(counts, 5);
  CHECK(row.cells[1] == CellShown::Count);
  CHECK(row.cells[0] == CellShown::FewerThanK);
  CHECK(row.cells[2] == CellShown::FewerThanK);
  // One student elsewhere changes that: 29 would give the 1 away.
  const std::vector<std::int64_t> almost{1, 29, 0};
  CHECK(suppress_row(almost, 5).cells[1] == CellShown::Hidden);
}

TEST_CASE("rows with no small cell are published in full") {
  const std::vector<std::int64_t> counts{12, 9, 5};
  const SuppressedRow row = suppress_row(counts, 5);
  CHECK(row.total_shown);
  for (auto s : row.cells) CHECK(s == CellShown::Count);
}

TEST_CASE("k is never below 3") {
  const std::vector<std::int64_t> counts{2, 10, 10};
  const SuppressedRow row = suppress_row(counts, 1);
  CHECK(row.cells[0] == CellShown::FewerThanK);
}

TEST_CASE("the funnel is published only where it follows from the published stages") {
  SuppressedRow row;
  row.total_shown = true;
  row.cells = {CellShown::Count, CellShown::FewerThanK, CellShown::Hidden, CellShown::Count};
  const auto d = derivable_cumulative(row);
  CHECK(d[0]);           // the total
  CHECK(d[1]);           // the total minus the visible first stage
  CHECK(d[2] == false);  // would split the hidden stages
  CHECK(d[3]);           // the last stage alone
}
