// Events as the student API carries them (POST kStudentEventsPath): the runner's events
// and survey answers as JSON objects of ids and values; "id" and "ord" are added when they
// are sent, so a resend is recognised. The server's strict reading, which checks every id
// against the session's content, is teacher/server/src/event_validation.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "upstander/runner_event.hpp"
#include "upstander/survey.hpp"

namespace upstander::protocol {

// {"type": "choice_made", "scenario": ..., "node": ..., "choice": ...}: only the fields of
// its kind.
std::string event_body(const RunnerEvent& e);
// {"type": "survey_answered", "item", "form": "A"|"B", "phase": "pre"|"post", "value": 1-5}
std::string survey_body(std::string_view item, SurveyForm form, SurveyPhase phase, int value);
// {"id": ..., "ord": ..., <body fields>}
std::string wire_event(const std::string& id, std::int64_t ord, const std::string& body);
// {"events": [<wire events>]}
std::string event_batch(const std::vector<std::string>& wire_events);

// The server's answer to a batch: every id it now holds (stored now or before).
struct EventsAck {
  std::vector<std::string> acknowledged;
  int stored = 0;
  int duplicates = 0;
  bool collected = false;  // false: the session keeps nothing (data collection off)
};
std::string encode_events_ack(const EventsAck& ack);
// The acknowledged ids of an answer; none from an answer that is not one.
std::vector<std::string> decode_acknowledged(std::string_view body);

}  // namespace upstander::protocol
