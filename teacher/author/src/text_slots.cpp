// The text slots of a scenario, walked in for_each_text order.
#include "upstander/author/text_slots.hpp"

#include <algorithm>

#include "upstander/node_fields.hpp"
#include "upstander/text_limits.hpp"

namespace upstander::author {

namespace {

// One walker for the const and mutable visitors; a node's texts follow node_kinds.hpp's table.
template <typename NodeT, typename F>
void walk_node(NodeT& n, F&& visit) {
  const std::string base = node_key_prefix(n.id);
  auto v = [&](const std::string& rest, auto& text, std::size_t limit, bool required) {
    visit(TextSlot{base + rest, limit, required, n.id}, text);
  };
  walk_node_texts(n.body, [&](const NodeTextSlot& slot, auto& text) {
    v(slot.key, text, slot.limit, slot.required);
  });
  for (auto& c : n.choices) v("choice/" + c.id + "/text", c.text, limits::kChoice, true);
}

template <typename S, typename F>
void walk(S& s, F&& visit) {
  visit(TextSlot{"title", limits::kTitle, true, ""}, s.title);
  visit(TextSlot{"summary", limits::kSummary, true, ""}, s.summary);
  visit(TextSlot{"content_note", limits::kSummary, true, ""}, s.content_note);
  for (auto& c : s.characters)
    visit(TextSlot{"character/" + c.id + "/name", limits::kName, true, ""}, c.name);
  for (auto& t : s.threads)
    visit(TextSlot{"thread/" + t.id + "/name", limits::kTitle, true, ""}, t.name);
  for (auto& n : s.nodes) walk_node(n, visit);
}

template <typename S, typename T>
T* find_in(S& s, std::string_view key, TextSlot* slot_out) {
  T* found = nullptr;
  walk(s, [&](const TextSlot& slot, auto& text) {
    if (found == nullptr && slot.key == key) {
      found = &text;
      if (slot_out) *slot_out = slot;
    }
  });
  return found;
}

}  // namespace

std::string node_key_prefix(std::string_view node_id) {
  return "node/" + std::string(node_id) + "/";
}

void set_localized(LocalizedText& text, std::string_view locale, std::string value,
                   const std::vector<std::string>& locales) {
  std::vector<LocalizedText::Entry> entries = text.entries();
  std::erase_if(entries, [&](const auto& e) { return e.first == locale; });
  if (!value.empty()) entries.emplace_back(std::string(locale), std::move(value));
  auto rank = [&](const std::string& l) {
    const auto it = std::find(locales.begin(), locales.end(), l);
    return static_cast<std::size_t>(it - locales.begin());
  };
  std::stable_sort(entries.begin(), entries.end(),
                   [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
  LocalizedText out;
  for (auto& [l, t] : entries) out.set(l, std::move(t));
  text = std::move(out);
}

void for_each_slot(const Scenario& s, const SlotVisitor& visit) {
  walk(s, visit);
}
void for_each_slot(Scenario& s, const MutableSlotVisitor& visit) {
  walk(s, visit);
}

LocalizedText* find_slot(Scenario& s, std::string_view key, TextSlot* slot_out) {
  return find_in<Scenario, LocalizedText>(s, key, slot_out);
}
const LocalizedText* find_slot(const Scenario& s, std::string_view key, TextSlot* slot_out) {
  return find_in<const Scenario, const LocalizedText>(s, key, slot_out);
}

}  // namespace upstander::author
