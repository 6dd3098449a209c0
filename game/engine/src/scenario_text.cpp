// Walking all texts of a scenario.
#include "upstander/scenario_text.hpp"

#include "upstander/utf8.hpp"

namespace upstander {

namespace {

// One walker serves the const and mutable visitors: T is Scenario or const Scenario.
template <typename NodeT, typename F>
void walk_node(NodeT& n, const std::string& base, F&& visit) {
  auto v = [&](const std::string& key, auto& text) {
    if (!text.empty()) visit(base + key, text);
  };
  std::visit(
      [&](auto& b) {
        using B = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<B, NarrationBody>) {
          v("/text", b.text);
        } else if constexpr (std::is_same_v<B, ChatBody>) {
          for (std::size_t i = 0; i < b.messages.size(); ++i) {
            auto& m = b.messages[i];
            const std::string mk = "/message/" + std::to_string(i);
            v(mk + "/text", m.text);
            if (m.image) v(mk + "/image", m.image->label);
          }
        } else if constexpr (std::is_same_v<B, FeedPostBody>) {
          v("/text", b.text);
          if (b.image) v("/image", b.image->label);
        } else if constexpr (std::is_same_v<B, DirectMessageBody>) {
          v("/text", b.text);
          if (b.image) v("/image", b.image->label);
        } else if constexpr (std::is_same_v<B, NotificationBody>) {
          v("/app", b.app);
          v("/title", b.title);
          v("/text", b.text);
        } else if constexpr (std::is_same_v<B, ImageCardBody>) {
          v("/image", b.image.label);
          v("/caption", b.caption);
        } else if constexpr (std::is_same_v<B, PerspectiveBody>) {
          v("/caption", b.caption);
        } else if constexpr (std::is_same_v<B, ExcuseBody>) {
          v("/excuse", b.excuse);
          v("/answer", b.answer);
        } else if constexpr (std::is_same_v<B, ThoughtBody>) {
          v("/thought", b.thought);
          v("/answer", b.answer);
        } else if constexpr (std::is_same_v<B, RippleBody>) {
          v("/caption", b.caption);
        } else if constexpr (std::is_same_v<B, ReflectionBody>) {
          v("/question", b.question);
          for (auto& o : b.options) v("/option/" + o.id, o.text);
          if (b.scale) {
            v("/scale/min", b.scale->min_label);
            v("/scale/max", b.scale->max_label);
          }
        } else if constexpr (std::is_same_v<B, FactBody>) {
          v("/text", b.text);
          v("/source_label", b.source_label);
        } else if constexpr (std::is_same_v<B, EndingBody>) {
          v("/title", b.title);
          v("/text", b.text);
          v("/targeted", b.targeted.text);
          v("/around", b.around.text);
          v("/rules", b.rules.text);
        }
      },
      n.body);
}

template <typename S, typename F>
void walk(S& s, F&& visit) {
  auto v = [&](const std::string& key, auto& text) {
    if (!text.empty()) visit(key, text);
  };
  v("title", s.title);
  v("summary", s.summary);
  v("content_note", s.content_note);
  for (auto& c : s.characters) v("character/" + c.id + "/name", c.name);
  for (auto& t : s.threads) v("thread/" + t.id + "/name", t.name);
  for (auto& n : s.nodes) {
    const std::string base = "node/" + n.id;
    walk_node(n, base, visit);
    for (auto& c : n.choices) v(base + "/choice/" + c.id + "/text", c.text);
  }
}

}  // namespace

void for_each_text(const Scenario& s, const TextVisitor& visit) { walk(s, visit); }
void for_each_text(Scenario& s, const MutableTextVisitor& visit) { walk(s, visit); }
void for_each_node_text(const Node& n, const TextVisitor& visit) { walk_node(n, "", visit); }

double reading_seconds(std::string_view locale, std::string_view text) {
  if (locale == "ko" || locale == "ja" || locale == "zh") {
    std::size_t syllables = 0;
    for (auto cp : utf8::split_code_points(text)) {
      if (cp != " " && cp != "\n") ++syllables;
    }
    return static_cast<double>(syllables) / (500.0 / 60.0);
  }
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return static_cast<double>(words) / (180.0 / 60.0);
}

}  // namespace upstander
