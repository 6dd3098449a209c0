// A choice written in quotes is something the player says ("Not funny. Delete it.",
// "그만해. 지워."); the writing guide (content/FORMAT.md) makes this the convention in every
// language. The chat then shows the line as the player's own message.
#pragma once

#include <string>
#include <string_view>

#include "upstander/scenario.hpp"

namespace upstander::app {

// The line without its quotes when `choice_text` is wholly in quotes ("…", “…” or '…');
// "" for a choice that is an action ("Tell your teacher").
std::string spoken_choice(std::string_view choice_text);

// Where a node's messages are written: "thread:ID" for a chat (or an image card in a chat),
// "dm:ID" for a direct message from ID, "" for a node outside any conversation.
std::string conversation_of(const Node& n);

// Whether a line chosen at `decision` shows in `next` as the player's message: `next` is a
// chat or a DM that does not already open with the player's own message, in the same
// conversation as the decision, or answering a decision made outside any conversation (a
// narration). A line said in the class chat is not shown in someone's DM reply to it.
bool shows_player_line(const Scenario& s, const Node& decision, const Node& next);

}  // namespace upstander::app
