// Wire names of class events: the runner's six plus survey answers.
#include "class_event.hpp"

#include <array>
#include <utility>

namespace upstander::server {

namespace {
constexpr std::array<std::pair<ClassEventType, std::string_view>, 7> kNames{{
    {ClassEventType::ScenarioStarted, "scenario_started"},
    {ClassEventType::NodeEntered, "node_entered"},
    {ClassEventType::ChoiceMade, "choice_made"},
    {ClassEventType::ReflectionAnswered, "reflection_answered"},
    {ClassEventType::SceneSkipped, "scene_skipped"},
    {ClassEventType::EndingReached, "ending_reached"},
    {ClassEventType::SurveyAnswered, "survey_answered"},
}};
}  // namespace

std::string_view name_of(ClassEventType t) {
  for (const auto& [e, n] : kNames) {
    if (e == t) return n;
  }
  return "?";
}

std::optional<ClassEventType> parse_class_event_type(std::string_view s) {
  for (const auto& [e, n] : kNames) {
    if (n == s) return e;
  }
  return std::nullopt;
}

}  // namespace upstander::server
