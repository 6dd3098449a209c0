// Event type names as they travel to the classroom server.
#include "upstander/runner_event.hpp"

#include <array>
#include <utility>

namespace upstander {

namespace {
constexpr std::array<std::pair<EventType, std::string_view>, 6> kNames{{
    {EventType::ScenarioStarted, "scenario_started"},
    {EventType::NodeEntered, "node_entered"},
    {EventType::ChoiceMade, "choice_made"},
    {EventType::ReflectionAnswered, "reflection_answered"},
    {EventType::SceneSkipped, "scene_skipped"},
    {EventType::EndingReached, "ending_reached"},
}};
}  // namespace

std::string_view name_of(EventType t) {
  for (const auto& [e, n] : kNames) {
    if (e == t) return n;
  }
  return "?";
}

std::optional<EventType> parse_event_type(std::string_view s) {
  for (const auto& [e, n] : kNames) {
    if (n == s) return e;
  }
  return std::nullopt;
}

}  // namespace upstander
