// Walking all texts of a scenario.
#include "upstander/scenario_text.hpp"

#include "upstander/node_fields.hpp"

namespace upstander {

namespace {

// One walker serves the const and mutable visitors; the texts follow node_kinds.hpp's table.
template <typename NodeT, typename F>
void walk_node(NodeT& n, const std::string& base, F&& visit) {
  walk_node_texts(n.body, [&](const NodeTextSlot& slot, auto& text) {
    if (!text.empty()) visit(base + "/" + slot.key, text);
  });
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

void for_each_text(const Scenario& s, const TextVisitor& visit) {
  walk(s, visit);
}
void for_each_text(Scenario& s, const MutableTextVisitor& visit) {
  walk(s, visit);
}
void for_each_node_text(const Node& n, const TextVisitor& visit) {
  walk_node(n, "", visit);
}

}  // namespace upstander
