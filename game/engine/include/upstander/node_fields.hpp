// Where each field of node_kinds.hpp's table lives in the model: one call per field, by
// name, so walkers (texts, kind changes, images) follow the table instead of listing kinds.
// C++ has no reflection, so this is the one place a body's members are named; a test
// (tests/engine/node_kinds_test.cpp) checks it lists exactly the table's fields, in order.
#pragma once

#include <string>
#include <type_traits>

#include "upstander/node_kinds.hpp"
#include "upstander/scenario.hpp"
#include "upstander/text_limits.hpp"

namespace upstander {

// The three layers of an ending's debrief, as one field.
template <typename Layer> struct DebriefRef {
  Layer& targeted;
  Layer& around;
  Layer& rules;
};

// Calls f(name, member) for each field of body `b` (const or not), in the table's order.
template <typename Body, typename F> void bind_fields(Body& b, F&& f) {
  using B = std::remove_const_t<Body>;
  if constexpr (std::is_same_v<B, NarrationBody>) {
    f("text", b.text);
  } else if constexpr (std::is_same_v<B, ChatBody>) {
    f("thread", b.thread);
    f("messages", b.messages);
  } else if constexpr (std::is_same_v<B, FeedPostBody>) {
    f("author", b.author);
    f("text", b.text);
    f("image", b.image);
    f("likes", b.likes);
    f("comments", b.comments);
  } else if constexpr (std::is_same_v<B, DirectMessageBody>) {
    f("from", b.from);
    f("text", b.text);
    f("image", b.image);
  } else if constexpr (std::is_same_v<B, NotificationBody>) {
    f("app", b.app);
    f("title", b.title);
    f("text", b.text);
  } else if constexpr (std::is_same_v<B, ImageCardBody>) {
    f("thread", b.thread);
    f("from", b.from);
    f("image", b.image);
    f("caption", b.caption);
  } else if constexpr (std::is_same_v<B, PerspectiveBody>) {
    f("character", b.character);
    f("caption", b.caption);
  } else if constexpr (std::is_same_v<B, ExcuseBody>) {
    f("speaker", b.speaker);
    f("excuse", b.excuse);
    f("answer", b.answer);
    f("source", b.source);
  } else if constexpr (std::is_same_v<B, ThoughtBody>) {
    f("speaker", b.speaker);
    f("thought", b.thought);
    f("answer", b.answer);
    f("source", b.source);
  } else if constexpr (std::is_same_v<B, RippleBody>) {
    f("counter", b.counter);
    f("caption", b.caption);
  } else if constexpr (std::is_same_v<B, ReflectionBody>) {
    f("question", b.question);
    f("options", b.options);
    f("scale", b.scale);
  } else if constexpr (std::is_same_v<B, FactBody>) {
    f("text", b.text);
    f("source", b.source);
    f("source_label", b.source_label);
  } else if constexpr (std::is_same_v<B, EndingBody>) {
    using Layer = std::conditional_t<std::is_const_v<Body>, const DebriefLayer, DebriefLayer>;
    f("outcome", b.outcome);
    f("title", b.title);
    f("text", b.text);
    DebriefRef<Layer> debrief{b.targeted, b.around, b.rules};
    f("debrief", debrief);
    f("help", b.help);
  } else {
    static_assert(!sizeof(B), "a node body without field bindings: add it here and to node_kinds.cpp");
  }
}

// Calls f(name, member) for each field of node body `body` (a NodeBody, const or not).
template <typename NodeBodyT, typename F> void bind_node_fields(NodeBodyT& body, F&& f) {
  std::visit([&](auto& b) { bind_fields(b, f); }, body);
}

// One student-readable text of a node, with the key suffix the translation tables use
// ("text", "message/0/image", "option/a", "scale/min", "targeted").
struct NodeTextSlot {
  std::string key;
  std::size_t limit;
  bool required;  // the reader asks for it (in this node as it stands)
};

// Calls visit(slot, text) for every student-readable text of a node body, in the table's
// order: Text fields, image labels, messages, options, scale labels and debrief layers.
template <typename NodeBodyT, typename V> void walk_node_texts(NodeBodyT& body, V&& visit) {
  const KindSpec& kind = node_kinds()[body.index()];
  bool has_image = false;
  bind_node_fields(body, [&](std::string_view, auto& member) {
    using M = std::remove_cvref_t<decltype(member)>;
    if constexpr (std::is_same_v<M, std::optional<ImageCard>>) has_image = member.has_value();
  });
  std::size_t at = 0;
  bind_node_fields(body, [&](std::string_view name, auto& member) {
    const FieldSpec& spec = kind.fields[at++];
    const std::string n(name);
    using M = std::remove_cvref_t<decltype(member)>;
    if constexpr (std::is_same_v<M, LocalizedText>) {
      visit(NodeTextSlot{n, spec.limit, spec.required || (spec.required_without_image && !has_image)}, member);
    } else if constexpr (std::is_same_v<M, ImageCard>) {
      visit(NodeTextSlot{n, spec.limit, true}, member.label);
    } else if constexpr (std::is_same_v<M, std::optional<ImageCard>>) {
      if (member) visit(NodeTextSlot{n, spec.limit, true}, member->label);
    } else if constexpr (std::is_same_v<M, std::vector<ChatMessage>>) {
      for (std::size_t i = 0; i < member.size(); ++i) {
        auto& m = member[i];
        const std::string mk = "message/" + std::to_string(i);
        visit(NodeTextSlot{mk + "/text", spec.limit, !m.image.has_value()}, m.text);
        if (m.image) visit(NodeTextSlot{mk + "/image", limits::kLabel, true}, m.image->label);
      }
    } else if constexpr (std::is_same_v<M, std::vector<ReflectionOption>>) {
      for (auto& o : member) visit(NodeTextSlot{"option/" + o.id, spec.limit, true}, o.text);
    } else if constexpr (std::is_same_v<M, std::optional<Scale>>) {
      if (member) {
        visit(NodeTextSlot{"scale/min", spec.limit, true}, member->min_label);
        visit(NodeTextSlot{"scale/max", spec.limit, true}, member->max_label);
      }
    } else if constexpr (std::is_same_v<M, DebriefRef<DebriefLayer>> || std::is_same_v<M, DebriefRef<const DebriefLayer>>) {
      visit(NodeTextSlot{"targeted", spec.limit, true}, member.targeted.text);
      visit(NodeTextSlot{"around", spec.limit, true}, member.around.text);
      visit(NodeTextSlot{"rules", spec.limit, true}, member.rules.text);
    }
  });
}

}  // namespace upstander
