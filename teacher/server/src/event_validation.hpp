// Reads a student's batch of events and checks every event against the session's content:
// the scenario is in the session, the node is in that scenario, the choice belongs to that
// node, a reflection answer fits that question, an ending is an ending node, a survey item
// exists and its value is 1-5. One bad event rejects the batch, naming the event.
#pragma once

#include <string_view>
#include <vector>

#include "class_event.hpp"
#include "session_content.hpp"
#include "strict_json.hpp"

namespace upstander::server {

// Event ids must pass protocol::is_event_id (16-32 lowercase hex digits): a fixed format so
// that nothing a person typed can be stored as an id.
// A failure's pointer names the event ("/events/3/choice").
Result<std::vector<ClassEvent>, BodyError> read_event_batch(std::string_view body,
                                                            const SessionContent& content,
                                                            std::size_t max_events);

}  // namespace upstander::server
