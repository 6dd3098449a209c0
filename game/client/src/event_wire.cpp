// Runner events to API JSON.
#include "event_wire.hpp"

#include <nlohmann/json.hpp>

namespace upstander::client {

std::string event_body(const RunnerEvent& e) {
  nlohmann::json j;
  j["type"] = std::string(name_of(e.type));
  j["scenario"] = e.scenario;
  switch (e.type) {
    case EventType::ScenarioStarted: break;
    case EventType::NodeEntered:
    case EventType::EndingReached: j["node"] = e.node; break;  // the outcome follows from the node
    case EventType::ChoiceMade:
      j["node"] = e.node;
      j["choice"] = e.choice;
      break;
    case EventType::ReflectionAnswered:
      j["node"] = e.node;
      if (!e.option.empty()) {
        j["option"] = e.option;
      } else {
        j["value"] = e.value;
      }
      break;
    case EventType::SceneSkipped:
      j["node"] = e.node;
      j["to"] = e.to;
      break;
  }
  return j.dump();
}

std::string survey_body(std::string_view item, SurveyForm form, SurveyPhase phase, int value) {
  return nlohmann::json{{"type", "survey_answered"},
                        {"item", std::string(item)},
                        {"form", form == SurveyForm::A ? "A" : "B"},
                        {"phase", phase == SurveyPhase::Pre ? "pre" : "post"},
                        {"value", value}}
      .dump();
}

std::string wire_event(const std::string& id, std::int64_t ord, const std::string& body) {
  // The body is our own serialization of an object: splice instead of parsing it again.
  std::string out = "{\"id\":" + nlohmann::json(id).dump() + ",\"ord\":" + std::to_string(ord);
  if (body.size() > 2) out += "," + body.substr(1, body.size() - 2);
  out += "}";
  return out;
}

}  // namespace upstander::client
