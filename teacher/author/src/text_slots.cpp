// The text slots of a scenario, walked in for_each_text order.
#include "upstander/author/text_slots.hpp"

#include <algorithm>
#include <type_traits>

#include "upstander/text_limits.hpp"

namespace upstander::author {

namespace {

// One walker for the const and mutable visitors, as in the engine's scenario_text.cpp.
template <typename NodeT, typename F>
void walk_node(NodeT& n, F&& visit) {
  const std::string base = node_key_prefix(n.id);
  auto v = [&](const std::string& rest, auto& text, std::size_t limit, bool required) {
    visit(TextSlot{base + rest, limit, required, n.id}, text);
  };
  std::visit(
      [&](auto& b) {
        using B = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<B, NarrationBody>) {
          v("text", b.text, limits::kCard, true);
        } else if constexpr (std::is_same_v<B, ChatBody>) {
          for (std::size_t i = 0; i < b.messages.size(); ++i) {
            auto& m = b.messages[i];
            const std::string mk = "message/" + std::to_string(i);
            v(mk + "/text", m.text, limits::kBubble, !m.image.has_value());
            if (m.image) v(mk + "/image", m.image->label, limits::kLabel, true);
          }
        } else if constexpr (std::is_same_v<B, FeedPostBody>) {
          v("text", b.text, limits::kBubble, true);
          if (b.image) v("image", b.image->label, limits::kLabel, true);
        } else if constexpr (std::is_same_v<B, DirectMessageBody>) {
          v("text", b.text, limits::kBubble, !b.image.has_value());
          if (b.image) v("image", b.image->label, limits::kLabel, true);
        } else if constexpr (std::is_same_v<B, NotificationBody>) {
          v("app", b.app, limits::kName, true);
          v("title", b.title, limits::kLabel, false);
          v("text", b.text, limits::kBubble, true);
        } else if constexpr (std::is_same_v<B, ImageCardBody>) {
          v("image", b.image.label, limits::kLabel, true);
          v("caption", b.caption, limits::kLabel, false);
        } else if constexpr (std::is_same_v<B, PerspectiveBody>) {
          v("caption", b.caption, limits::kLabel, true);
        } else if constexpr (std::is_same_v<B, ExcuseBody>) {
          v("excuse", b.excuse, limits::kCard, true);
          v("answer", b.answer, limits::kCard, true);
        } else if constexpr (std::is_same_v<B, ThoughtBody>) {
          v("thought", b.thought, limits::kCard, true);
          v("answer", b.answer, limits::kCard, true);
        } else if constexpr (std::is_same_v<B, RippleBody>) {
          v("caption", b.caption, limits::kLabel, true);
        } else if constexpr (std::is_same_v<B, ReflectionBody>) {
          v("question", b.question, limits::kCard, true);
          for (auto& o : b.options) v("option/" + o.id, o.text, limits::kChoice, true);
          if (b.scale) {
            v("scale/min", b.scale->min_label, limits::kLabel, true);
            v("scale/max", b.scale->max_label, limits::kLabel, true);
          }
        } else if constexpr (std::is_same_v<B, FactBody>) {
          v("text", b.text, limits::kCard, true);
          v("source_label", b.source_label, limits::kLabel, false);
        } else if constexpr (std::is_same_v<B, EndingBody>) {
          v("title", b.title, limits::kTitle, true);
          v("text", b.text, limits::kDebrief, true);
          v("targeted", b.targeted.text, limits::kDebrief, true);
          v("around", b.around.text, limits::kDebrief, true);
          v("rules", b.rules.text, limits::kDebrief, true);
        }
      },
      n.body);
  for (auto& c : n.choices) v("choice/" + c.id + "/text", c.text, limits::kChoice, true);
}

template <typename S, typename F>
void walk(S& s, F&& visit) {
  visit(TextSlot{"title", limits::kTitle, true, ""}, s.title);
  visit(TextSlot{"summary", limits::kSummary, true, ""}, s.summary);
  visit(TextSlot{"content_note", limits::kSummary, true, ""}, s.content_note);
  for (auto& c : s.characters) visit(TextSlot{"character/" + c.id + "/name", limits::kName, true, ""}, c.name);
  for (auto& t : s.threads) visit(TextSlot{"thread/" + t.id + "/name", limits::kTitle, true, ""}, t.name);
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

std::string node_key_prefix(std::string_view node_id) { return "node/" + std::string(node_id) + "/"; }

void set_localized(LocalizedText& text, std::string_view locale, std::string value,
                   const std::vector<std::string>& locales) {
  std::vector<LocalizedText::Entry> entries = text.entries();
  std::erase_if(entries, [&](const auto& e) { return e.first == locale; });
  if (!value.empty()) entries.emplace_back(std::string(locale), std::move(value));
  auto rank = [&](const std::string& l) {
    const auto it = std::find(locales.begin(), locales.end(), l);
    return static_cast<std::size_t>(it - locales.begin());
  };
  std::stable_sort(entries.begin(), entries.end(), [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
  LocalizedText out;
  for (auto& [l, t] : entries) out.set(l, std::move(t));
  text = std::move(out);
}

void for_each_slot(const Scenario& s, const SlotVisitor& visit) { walk(s, visit); }
void for_each_slot(Scenario& s, const MutableSlotVisitor& visit) { walk(s, visit); }

LocalizedText* find_slot(Scenario& s, std::string_view key, TextSlot* slot_out) {
  return find_in<Scenario, LocalizedText>(s, key, slot_out);
}
const LocalizedText* find_slot(const Scenario& s, std::string_view key, TextSlot* slot_out) {
  return find_in<const Scenario, const LocalizedText>(s, key, slot_out);
}

}  // namespace upstander::author
