// Changing a node's kind: the main text, the speaker and the image carry over to whichever
// field of the new kind holds the same thing (node_kinds.hpp's Carries); the rest is left
// for the author.
#include <type_traits>

#include "node_edits.hpp"
#include "upstander/node_fields.hpp"

namespace upstander::author::detail {

namespace {

// What most kinds have in common.
struct Essence {
  LocalizedText text;
  IdRef speaker;
  IdRef thread;
  std::optional<ImageCard> image;
  LocalizedText answer;  // excuse <-> thought: the answer and its source carry over too
  std::string source;
};

// Copies between a node body and its essence, both ways, following each field's
// Carries in node_kinds.hpp's table (a chat's messages carry through its first message).
template <typename NodeBodyT, typename EssenceT>
void exchange(NodeBodyT& body, EssenceT& e, bool into_body) {
  auto copy = [into_body](auto& field, auto& held) {
    if (into_body)
      field = held;
    else
      held = field;
  };
  for_each_field(body, [&](const FieldSpec& spec, auto& member) {
    using M = std::remove_cvref_t<decltype(member)>;
    const Carries carries = spec.carries;
    if constexpr (std::is_same_v<M, LocalizedText>) {
      if (carries == Carries::MainText) copy(member, e.text);
      if (carries == Carries::Answer) copy(member, e.answer);
    } else if constexpr (std::is_same_v<M, IdRef>) {
      if (carries == Carries::Speaker) copy(member, e.speaker);
      if (carries == Carries::Thread) copy(member, e.thread);
    } else if constexpr (std::is_same_v<M, std::optional<ImageCard>>) {
      if (carries == Carries::Image) copy(member, e.image);
    } else if constexpr (std::is_same_v<M, ImageCard>) {
      if (carries == Carries::Image && into_body && e.image) member = *e.image;
      if (carries == Carries::Image && !into_body) e.image = member;
    } else if constexpr (std::is_same_v<M, std::string>) {
      if (carries == Carries::Source) copy(member, e.source);
    } else if constexpr (std::is_same_v<M, std::vector<ChatMessage>>) {
      if (carries == Carries::MainText && !member.empty()) {
        copy(member.front().text, e.text);
        copy(member.front().from, e.speaker);
        copy(member.front().image, e.image);
      }
    }
  });
}

Essence essence_of(const NodeBody& body) {
  Essence e;
  NodeBody copy = body;
  exchange(copy, e, false);
  return e;
}

}  // namespace

NodeBody empty_body(NodeKind kind) {
  NodeBody body = default_body(kind);
  // What the editor starts a new chat or reflection with: one message to fill in, a scale.
  if (auto* chat = std::get_if<ChatBody>(&body)) chat->messages.emplace_back();
  if (auto* reflection = std::get_if<ReflectionBody>(&body)) reflection->scale = Scale{};
  return body;
}

NodeBody convert_body(const NodeBody& from, NodeKind kind) {
  Essence e = essence_of(from);
  NodeBody body = empty_body(kind);
  exchange(body, e, true);
  return body;
}

}  // namespace upstander::author::detail
