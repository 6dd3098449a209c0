// A text in every locale a file declares ({"ko": "...", "en": "..."}).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace upstander {

class LocalizedText {
 public:
  using Entry = std::pair<std::string, std::string>;

  LocalizedText() = default;
  LocalizedText(std::initializer_list<Entry> entries) : entries_(entries) {}

  void set(std::string_view locale, std::string text);
  const std::string* find(std::string_view locale) const;
  // The text in `locale`; if missing, the first locale present; "" when there is none.
  const std::string& get(std::string_view locale) const;
  bool empty() const { return entries_.empty(); }
  const std::vector<Entry>& entries() const { return entries_; }

  bool operator==(const LocalizedText&) const = default;

 private:
  std::vector<Entry> entries_;  // in the order the file declares its locales
};

}  // namespace upstander
