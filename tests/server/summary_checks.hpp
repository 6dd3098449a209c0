// Checks on summaries shared by the server tests.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

namespace upstander::test {

// Walks a summary (or export) and fails on any published count from 1 to k-1. Zero is
// published (a row nobody reached yet, "nobody chose this"): it identifies no one. The
// session's own description (the lobby's "players joined") is not an aggregate and is skipped.
inline void check_no_small_counts(const nlohmann::json& j, int k, const std::string& where = "") {
  if (j.is_object()) {
    for (const auto& [key, v] : j.items()) {
      if (key == "session") continue;
      if ((key == "count" || key == "n") && v.is_number_integer()) {
        INFO(where, "/", key);
        const auto count = v.get<std::int64_t>();
        CHECK((count == 0 || count >= k));
      }
      check_no_small_counts(v, k, where + "/" + key);
    }
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i)
      check_no_small_counts(j[i], k, where + "/" + std::to_string(i));
  }
}

// The cell with this id in a row ({"total", "cells"}).
inline const nlohmann::json* cell(const nlohmann::json& row, const std::string& id) {
  for (const auto& c : row["cells"]) {
    if (c.value("id", c.value("stage", "")) == id) return &c;
  }
  return nullptr;
}

}  // namespace upstander::test
