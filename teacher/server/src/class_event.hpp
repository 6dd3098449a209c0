// One validated event from a student's game, as the writer stores it. Only ids, a 1-5
// value and the event's order: nothing the student typed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <optional>

#include "upstander/protocol/event_type.hpp"

namespace upstander::server {

// Stored as integers (the protocol's numbers, which never change meaning).
using ClassEventType = protocol::EventKind;

struct ClassEvent {
  std::string client_id;  // made by the student's game; unique per player
  std::int64_t ord = 0;   // order among this player's events
  ClassEventType type = ClassEventType::NodeEntered;
  std::string scenario;  // "" for survey answers
  std::string node;      // node, ending, or survey item
  std::string answer;  // choice, reflection option, landing node of a skip, or survey form "A"/"B"
  int value = 0;       // 1-5 for scale reflections and survey answers
  // Survey answers: before play or after. Forms are counterbalanced, so this is not the form.
  bool survey_pre = true;
  // A skip from a reflection question (the student moved on without answering), and
  // whether that question is a 1-5 scale: counted as "skipped" in place of an answer.
  bool skipped_question = false;
  bool question_is_scale = false;
};

}  // namespace upstander::server
