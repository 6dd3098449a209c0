// What a playthrough reports for telemetry. Ids only: no text, nothing the student typed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace upstander {

enum class EventType {
  ScenarioStarted,
  NodeEntered,
  ChoiceMade,
  ReflectionAnswered,
  SceneSkipped,
  EndingReached
};

std::string_view name_of(EventType t);
std::optional<EventType> parse_event_type(std::string_view s);

struct RunnerEvent {
  EventType type = EventType::NodeEntered;
  std::uint32_t seq = 0;  // increases by one per event within a playthrough
  std::string scenario;
  std::string node;     // the node concerned (for SceneSkipped: where the skip started)
  std::string choice;   // ChoiceMade
  std::string option;   // ReflectionAnswered with options
  int value = 0;        // ReflectionAnswered with a 1-5 scale
  std::string to;       // SceneSkipped: where the student landed
  std::string outcome;  // EndingReached: "upstander", "mixed" or "harm"

  bool operator==(const RunnerEvent&) const = default;
};

}  // namespace upstander
