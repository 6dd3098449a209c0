// Random display names for students ("calm otter 42"), returned as word ids that the game
// looks up in content/locale/*.json (game.pseudonym.adjective.<id>, game.pseudonym.animal.<id>,
// game.pseudonym.format), so each student sees it in their language. Never stored.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include <optional>

#include "upstander/protocol/join_message.hpp"

namespace upstander::server {

inline constexpr std::array<std::string_view, 24> kPseudonymAdjectives{
    "brave",    "calm",    "kind",   "bright", "gentle", "curious", "steady",     "cheerful",
    "clever",   "quiet",   "swift",  "warm",   "honest", "patient", "bold",       "careful",
    "friendly", "hopeful", "lively", "loyal",  "merry",  "sunny",   "thoughtful", "wise"};
inline constexpr std::array<std::string_view, 24> kPseudonymAnimals{
    "otter", "panda",  "fox",      "owl",     "dolphin", "turtle", "rabbit",   "penguin",
    "koala", "deer",   "hedgehog", "sparrow", "whale",   "seal",   "squirrel", "heron",
    "lynx",  "badger", "beaver",   "crane",   "magpie",  "tiger",  "bear",     "swan"};

struct Pseudonym {
  std::string_view adjective;
  std::string_view animal;
  int number = 0;  // 10-99
};

std::optional<Pseudonym> random_pseudonym();  // nullopt: no random bytes
// "calm otter 42" as one key, for telling pseudonyms apart.
std::string pseudonym_key(const Pseudonym& p);
// As the join answer carries it (protocol/join_message.hpp).
protocol::Pseudonym to_wire(const Pseudonym& p);

}  // namespace upstander::server
