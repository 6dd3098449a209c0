// Changing a node's kind: the main text, the speaker and the image carry over to whichever
// field of the new kind holds the same thing; the rest is left for the author.
#include <type_traits>

#include "node_edits.hpp"

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

Essence essence_of(const NodeBody& body) {
  Essence e;
  std::visit(
      [&](const auto& b) {
        using B = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<B, NarrationBody> || std::is_same_v<B, FactBody>) {
          e.text = b.text;
        } else if constexpr (std::is_same_v<B, ChatBody>) {
          e.thread = b.thread;
          if (!b.messages.empty()) {
            e.text = b.messages.front().text;
            e.speaker = b.messages.front().from;
            e.image = b.messages.front().image;
          }
        } else if constexpr (std::is_same_v<B, FeedPostBody>) {
          e.text = b.text;
          e.speaker = b.author;
          e.image = b.image;
        } else if constexpr (std::is_same_v<B, DirectMessageBody>) {
          e.text = b.text;
          e.speaker = b.from;
          e.image = b.image;
        } else if constexpr (std::is_same_v<B, NotificationBody>) {
          e.text = b.text;
        } else if constexpr (std::is_same_v<B, ImageCardBody>) {
          e.text = b.caption;
          e.speaker = b.from;
          e.thread = b.thread;
          e.image = b.image;
        } else if constexpr (std::is_same_v<B, PerspectiveBody>) {
          e.text = b.caption;
          e.speaker = b.character;
        } else if constexpr (std::is_same_v<B, ExcuseBody>) {
          e.text = b.excuse;
          e.speaker = b.speaker;
          e.answer = b.answer;
          e.source = b.source;
        } else if constexpr (std::is_same_v<B, ThoughtBody>) {
          e.text = b.thought;
          e.speaker = b.speaker;
          e.answer = b.answer;
          e.source = b.source;
        } else if constexpr (std::is_same_v<B, RippleBody>) {
          e.text = b.caption;
        } else if constexpr (std::is_same_v<B, ReflectionBody>) {
          e.text = b.question;
        } else if constexpr (std::is_same_v<B, EndingBody>) {
          e.text = b.text;
        }
      },
      body);
  return e;
}

}  // namespace

NodeBody empty_body(NodeKind kind) {
  switch (kind) {
    case NodeKind::Narration: return NarrationBody{};
    case NodeKind::Chat: {
      ChatBody b;
      b.messages.emplace_back();
      return b;
    }
    case NodeKind::FeedPost: return FeedPostBody{};
    case NodeKind::DirectMessage: return DirectMessageBody{};
    case NodeKind::Notification: return NotificationBody{};
    case NodeKind::ImageCard: return ImageCardBody{};
    case NodeKind::Perspective: return PerspectiveBody{};
    case NodeKind::Excuse: return ExcuseBody{};
    case NodeKind::Thought: return ThoughtBody{};
    case NodeKind::Ripple: return RippleBody{};
    case NodeKind::Reflection: {
      ReflectionBody b;
      b.scale = Scale{};
      return b;
    }
    case NodeKind::Fact: return FactBody{};
    case NodeKind::Ending: return EndingBody{};
  }
  return NarrationBody{};
}

NodeBody convert_body(const NodeBody& from, NodeKind kind) {
  const Essence e = essence_of(from);
  NodeBody body = empty_body(kind);
  std::visit(
      [&](auto& b) {
        using B = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<B, NarrationBody> || std::is_same_v<B, FactBody>) {
          b.text = e.text;
        } else if constexpr (std::is_same_v<B, ChatBody>) {
          b.thread = e.thread;
          b.messages.front().text = e.text;
          b.messages.front().from = e.speaker;
          b.messages.front().image = e.image;
        } else if constexpr (std::is_same_v<B, FeedPostBody>) {
          b.text = e.text;
          b.author = e.speaker;
          b.image = e.image;
        } else if constexpr (std::is_same_v<B, DirectMessageBody>) {
          b.text = e.text;
          b.from = e.speaker;
          b.image = e.image;
        } else if constexpr (std::is_same_v<B, NotificationBody>) {
          b.text = e.text;
        } else if constexpr (std::is_same_v<B, ImageCardBody>) {
          b.caption = e.text;
          b.from = e.speaker;
          b.thread = e.thread;
          if (e.image) b.image = *e.image;
        } else if constexpr (std::is_same_v<B, PerspectiveBody>) {
          b.caption = e.text;
          b.character = e.speaker;
        } else if constexpr (std::is_same_v<B, ExcuseBody>) {
          b.excuse = e.text;
          b.speaker = e.speaker;
          b.answer = e.answer;
          b.source = e.source;
        } else if constexpr (std::is_same_v<B, ThoughtBody>) {
          b.thought = e.text;
          b.speaker = e.speaker;
          b.answer = e.answer;
          b.source = e.source;
        } else if constexpr (std::is_same_v<B, RippleBody>) {
          b.caption = e.text;
        } else if constexpr (std::is_same_v<B, ReflectionBody>) {
          b.question = e.text;
        } else if constexpr (std::is_same_v<B, EndingBody>) {
          b.text = e.text;
        }
      },
      body);
  return body;
}

}  // namespace upstander::author::detail
