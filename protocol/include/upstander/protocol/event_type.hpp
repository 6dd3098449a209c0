// The types of event a student's game sends, with their wire names: the runner's six and
// survey answers. The server stores the numbers, so a number never changes meaning.
#pragma once

#include <optional>
#include <string_view>

#include "upstander/runner_event.hpp"

namespace upstander::protocol {

enum class EventKind : int {
  ScenarioStarted = 1,
  NodeEntered = 2,
  ChoiceMade = 3,
  ReflectionAnswered = 4,
  SceneSkipped = 5,
  EndingReached = 6,
  SurveyAnswered = 7,
};
// "scenario_started", ..., "survey_answered"
std::string_view name_of(EventKind k);
std::optional<EventKind> parse_event_kind(std::string_view name);
// The kind a runner event travels as.
EventKind kind_of(EventType t);

}  // namespace upstander::protocol
