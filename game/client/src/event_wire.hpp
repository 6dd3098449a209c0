// Events as the server's API takes them: the runner's events and survey answers, as JSON
// objects of ids and values. "id" and "ord" are added when they are sent.
#pragma once

#include <string>
#include <string_view>

#include "upstander/runner_event.hpp"
#include "upstander/survey.hpp"

namespace upstander::client {

std::string event_body(const RunnerEvent& e);
std::string survey_body(std::string_view item, SurveyForm form, SurveyPhase phase, int value);
// {"id": ..., "ord": ..., <body fields>}
std::string wire_event(const std::string& id, std::int64_t ord, const std::string& body);

}  // namespace upstander::client
