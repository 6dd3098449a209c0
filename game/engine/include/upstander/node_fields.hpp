// Where each field of node_kinds.hpp's table lives in the model: one call per field, by
// name, so walkers (texts, kind changes, images) follow the table instead of listing kinds.
// C++ has no reflection, so this is the one place a body's members are named; a test
// (tests/engine/node_kinds_test.cpp) checks it lists exactly the table's fields, in order.
#pragma once

#include <string>
#include <type_traits>
#include <utility>

#include "upstander/node_kinds.hpp"
#include "upstander/scenario.hpp"
#include "upstander/text_limits.hpp"

namespace upstander {

// The three layers of an ending's debrief, as one field.
template <typename Layer>
struct DebriefRef {
  Layer& targeted;
  Layer& around;
  Layer& rules;
};

// Calls f(name, member) for each field of body `b` (const or not), in the table's order.
template <typename Body, typename F>
void bind_fields(Body& b, F&& f) {
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
    static_assert(!sizeof(B),
                  "a node body without field bindings: add it here and to node_kinds.cpp");
  }
}

// Calls f(name, member) for each field of node body `body` (a NodeBody, const or not).
template <typename NodeBodyT, typename F>
void bind_node_fields(NodeBodyT& body, F&& f) {
  std::visit([&](auto& b) { bind_fields(b, f); }, body);
}

// An empty body of the given kind (NodeBody lists its bodies in NodeKind's order).
inline NodeBody default_body(NodeKind kind) {
  NodeBody b;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((static_cast<std::size_t>(kind) == I ? void(b.emplace<I>()) : void()), ...);
  }
  (std::make_index_sequence<std::variant_size_v<NodeBody>>{});
  return b;
}

// Calls f(spec, member) for each field of a node body, with the field's row of the table.
template <typename NodeBodyT, typename F>
void for_each_field(NodeBodyT& body, F&& f) {
  const KindSpec& kind = node_kinds()[body.index()];
  std::size_t at = 0;
  bind_node_fields(body, [&](std::string_view, auto& member) { f(kind.fields[at++], member); });
}

// The first field of model type M whose row of the table `matches`, or nullptr; `spec`
// (if given) receives the row.
template <typename M, typename NodeBodyT, typename P>
auto* field_where(NodeBodyT& body, P&& matches, const FieldSpec** spec = nullptr) {
  using Ptr = std::conditional_t<std::is_const_v<NodeBodyT>, const M*, M*>;
  Ptr found = nullptr;
  for_each_field(body, [&](const FieldSpec& f, auto& member) {
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(member)>, M>) {
      if (found == nullptr && matches(f)) {
        found = &member;
        if (spec) *spec = &f;
      }
    }
  });
  return found;
}

// The field of model type M that carries `what` (the speaker, the thread, the image...).
template <typename M, typename NodeBodyT>
auto* carried_field(NodeBodyT& body, Carries what, const FieldSpec** spec = nullptr) {
  return field_where<M>(
      body, [what](const FieldSpec& f) { return f.carries == what; }, spec);
}

// A node's source address (a fact's, or an excuse's or thought's answer's), or nullptr.
template <typename NodeBodyT>
auto* source_field(NodeBodyT& body) {
  return field_where<std::string>(body,
                                  [](const FieldSpec& f) { return f.type == FieldType::Url; });
}

// Calls f(ref) for every reference of a node body to a `refers_to` ("character",
// "thread" or "counter"), chat messages' senders included.
template <typename NodeBodyT, typename F>
void for_each_ref(NodeBodyT& body, std::string_view refers_to, F&& f) {
  for_each_field(body, [&](const FieldSpec& spec, auto& member) {
    using M = std::remove_cvref_t<decltype(member)>;
    if constexpr (std::is_same_v<M, IdRef>) {
      if (spec.refers_to == refers_to) f(member);
    } else if constexpr (std::is_same_v<M, std::vector<ChatMessage>>) {
      if (refers_to == "character") {
        for (auto& m : member) f(m.from);
      }
    }
  });
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
template <typename NodeBodyT, typename V>
void walk_node_texts(NodeBodyT& body, V&& visit) {
  bool has_image = false;
  bind_node_fields(body, [&](std::string_view, auto& member) {
    using M = std::remove_cvref_t<decltype(member)>;
    if constexpr (std::is_same_v<M, std::optional<ImageCard>>) has_image = member.has_value();
  });
  for_each_field(body, [&](const FieldSpec& spec, auto& member) {
    const std::string n(spec.name);
    using M = std::remove_cvref_t<decltype(member)>;
    if constexpr (std::is_same_v<M, LocalizedText>) {
      visit(
          NodeTextSlot{n, spec.limit, spec.required || (spec.required_without_image && !has_image)},
          member);
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
    } else if constexpr (std::is_same_v<M, DebriefRef<DebriefLayer>> ||
                         std::is_same_v<M, DebriefRef<const DebriefLayer>>) {
      visit(NodeTextSlot{"targeted", spec.limit, true}, member.targeted.text);
      visit(NodeTextSlot{"around", spec.limit, true}, member.around.text);
      visit(NodeTextSlot{"rules", spec.limit, true}, member.rules.text);
    }
  });
}

}  // namespace upstander
