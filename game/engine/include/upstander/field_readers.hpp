// Readers for the value types every content file shares: localized texts, locale lists,
// URLs and id references.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "upstander/localized_text.hpp"
#include "upstander/object_reader.hpp"
#include "upstander/source_loc.hpp"

namespace upstander {

// "Korean (ko)" for messages; the code itself for locales we have no name for.
std::string locale_display_name(std::string_view locale);
bool is_valid_locale_code(std::string_view locale);
bool is_http_url(std::string_view s);

// A text with one entry per declared locale (ctx.locales). Reports missing and undeclared
// locales, empty texts, and texts longer than `limit` code points (a warning).
LocalizedText required_text(ObjectReader& r, std::string_view key, std::size_t limit);
LocalizedText optional_text(ObjectReader& r, std::string_view key, std::size_t limit);

// "locales": ["ko", "en"]; also stores them in the reader's context for later texts.
std::vector<std::string> read_locales(ObjectReader& r);

// An http(s) URL (fact sources, websites).
std::optional<std::string> required_url(ObjectReader& r, std::string_view key);
std::vector<std::string> optional_url_list(ObjectReader& r, std::string_view key);

// A reference to another element by id, with its position for later link errors.
std::optional<IdRef> required_ref(ObjectReader& r, std::string_view key);
std::optional<IdRef> optional_ref(ObjectReader& r, std::string_view key);

// Runs `each(index, value)` for every element of the array at `key` inside a pointer scope.
template <typename F>
void for_each_item(ObjectReader& r, const JsonValue* array, std::string_view key, F&& each) {
  if (array == nullptr || !r.expect_type(*array, key, JsonType::Array)) return;
  auto scope = r.context().at(key);
  std::size_t i = 0;
  for (const auto& item : array->items()) {
    auto item_scope = r.context().at(i);
    each(i, item);
    ++i;
  }
}

}  // namespace upstander
