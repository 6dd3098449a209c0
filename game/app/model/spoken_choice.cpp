// Recognising a choice that is a spoken line.
#include "spoken_choice.hpp"

#include <array>
#include <utility>

namespace upstander::app {

std::string spoken_choice(std::string_view t) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kQuotes{
      {{"\"", "\""}, {"\xE2\x80\x9C", "\xE2\x80\x9D"}, {"'", "'"}}};  // "…", “…”, '…'
  for (const auto& [open, close] : kQuotes) {
    if (t.size() <= open.size() + close.size()) continue;
    if (t.substr(0, open.size()) != open || t.substr(t.size() - close.size()) != close) continue;
    const std::string_view inner = t.substr(open.size(), t.size() - open.size() - close.size());
    // "A" and "B" is two quotes, not one line.
    if (inner.find(close) != std::string_view::npos) return "";
    return std::string(inner);
  }
  return "";
}

std::string conversation_of(const Node& n) {
  if (n.kind == NodeKind::Chat) return "thread:" + n.as<ChatBody>().thread.id;
  if (n.kind == NodeKind::ImageCard && !n.as<ImageCardBody>().thread.empty())
    return "thread:" + n.as<ImageCardBody>().thread.id;
  if (n.kind == NodeKind::DirectMessage) return "dm:" + n.as<DirectMessageBody>().from.id;
  return "";
}

bool shows_player_line(const Scenario& s, const Node& decision, const Node& next) {
  std::string first_sender;
  if (next.kind == NodeKind::Chat) {
    const auto& messages = next.as<ChatBody>().messages;
    if (!messages.empty()) first_sender = messages.front().from.id;
  } else if (next.kind == NodeKind::DirectMessage) {
    first_sender = next.as<DirectMessageBody>().from.id;
  } else {
    return false;
  }
  if (first_sender == s.player.id) return false;  // the content shows it itself
  const std::string said_in = conversation_of(decision);
  return said_in.empty() || said_in == conversation_of(next);
}

}  // namespace upstander::app
