// Every place a scenario can hold a text, including the empty ones, under the same stable
// keys as upstander::for_each_text ("node/n3/choice/forward/text"). The editor sets texts
// by key, the translation table lists them, and coverage counts them.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "upstander/scenario.hpp"

namespace upstander::author {

struct TextSlot {
  std::string key;
  std::size_t limit = 0;  // code points its place on the phone holds (text_limits.hpp)
  bool required = true;   // the format requires a text here
  std::string node_id;    // the node it belongs to; "" for the header, characters, threads
};

using SlotVisitor = std::function<void(const TextSlot& slot, const LocalizedText& text)>;
using MutableSlotVisitor = std::function<void(const TextSlot& slot, LocalizedText& text)>;

// Visits the slots in the order for_each_text does (header, characters, threads, nodes).
void for_each_slot(const Scenario& s, const SlotVisitor& visit);
void for_each_slot(Scenario& s, const MutableSlotVisitor& visit);

// The text at `key`, or nullptr when the scenario has no such place.
LocalizedText* find_slot(Scenario& s, std::string_view key, TextSlot* slot_out = nullptr);
const LocalizedText* find_slot(const Scenario& s, std::string_view key,
                               TextSlot* slot_out = nullptr);

// The key prefix of everything inside a node: "node/<id>/".
std::string node_key_prefix(std::string_view node_id);

// Sets one locale's version, keeping the entries in the order of `locales` (the order the
// canonical file shows them in); an empty `value` removes that locale's version.
void set_localized(LocalizedText& text, std::string_view locale, std::string value,
                   const std::vector<std::string>& locales);

}  // namespace upstander::author
