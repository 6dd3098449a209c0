// Wire names of event kinds: the one table both sides read.
#include "upstander/protocol/event_type.hpp"

#include <array>
#include <utility>

namespace upstander::protocol {

namespace {
constexpr std::array<std::pair<EventKind, std::string_view>, 7> kEventNames{{
    {EventKind::ScenarioStarted, "scenario_started"},
    {EventKind::NodeEntered, "node_entered"},
    {EventKind::ChoiceMade, "choice_made"},
    {EventKind::ReflectionAnswered, "reflection_answered"},
    {EventKind::SceneSkipped, "scene_skipped"},
    {EventKind::EndingReached, "ending_reached"},
    {EventKind::SurveyAnswered, "survey_answered"},
}};
}  // namespace

std::string_view name_of(EventKind k) {
  for (const auto& [e, n] : kEventNames) {
    if (e == k) return n;
  }
  return "?";
}

std::optional<EventKind> parse_event_kind(std::string_view name) {
  for (const auto& [e, n] : kEventNames) {
    if (n == name) return e;
  }
  return std::nullopt;
}

EventKind kind_of(EventType t) {
  switch (t) {
    case EventType::ScenarioStarted: return EventKind::ScenarioStarted;
    case EventType::NodeEntered: return EventKind::NodeEntered;
    case EventType::ChoiceMade: return EventKind::ChoiceMade;
    case EventType::ReflectionAnswered: return EventKind::ReflectionAnswered;
    case EventType::SceneSkipped: return EventKind::SceneSkipped;
    case EventType::EndingReached: return EventKind::EndingReached;
  }
  return EventKind::NodeEntered;
}

}  // namespace upstander::protocol
