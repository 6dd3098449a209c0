// The dashboard's words by key ("teacher.lobby.title") from content/locale/*.json, in the
// dashboard language with English behind it. A missing key shows as itself and is
// recorded, so the tour fails on it.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "upstander/content_library.hpp"

namespace upstander::dashboard {

using TextArgs = std::vector<std::pair<std::string, std::string>>;

class DashboardText {
 public:
  DashboardText(const ContentLibrary& lib, std::string language);

  const std::string& language() const { return language_; }
  void set_language(std::string language) { language_ = std::move(language); }

  std::string operator()(std::string_view key, const TextArgs& args = {}) const;
  const std::set<std::string>& missing() const { return missing_; }

 private:
  const ContentLibrary* lib_;
  std::string language_;
  mutable std::set<std::string> missing_;
};

}  // namespace upstander::dashboard
