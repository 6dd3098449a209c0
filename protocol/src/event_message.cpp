// Events and their acknowledgement, to and from the API's JSON.
#include "upstander/protocol/event_message.hpp"

#include <nlohmann/json.hpp>

#include "upstander/protocol/event_type.hpp"

namespace upstander::protocol {

std::string event_body(const RunnerEvent& e) {
  nlohmann::json j;
  j["type"] = std::string(name_of(kind_of(e.type)));
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
  return nlohmann::json{{"type", std::string(name_of(EventKind::SurveyAnswered))},
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

std::string event_batch(const std::vector<std::string>& wire_events) {
  std::string body = "{\"events\":[";
  for (std::size_t i = 0; i < wire_events.size(); ++i) {
    if (i > 0) body += ",";
    body += wire_events[i];
  }
  body += "]}";
  return body;
}

std::string encode_events_ack(const EventsAck& ack) {
  return nlohmann::json{{"acknowledged", ack.acknowledged},
                        {"stored", ack.stored},
                        {"duplicates", ack.duplicates},
                        {"collected", ack.collected}}
      .dump();
}

std::vector<std::string> decode_acknowledged(std::string_view body) {
  std::vector<std::string> ids;
  const auto j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_object() && j.contains("acknowledged") && j["acknowledged"].is_array()) {
    for (const auto& id : j["acknowledged"]) {
      if (id.is_string()) ids.push_back(id.get<std::string>());
    }
  }
  return ids;
}

}  // namespace upstander::protocol
