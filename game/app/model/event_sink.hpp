// Where a playthrough's events go. Solo mode discards them; the classroom client (issue:
// classroom server) implements this interface to queue and send them. Ids and 1-5 values
// only: nothing a student types ever reaches a sink.
#pragma once

#include <string>
#include <vector>

#include "upstander/runner_event.hpp"
#include "upstander/survey.hpp"

namespace upstander::app {

struct SurveyAnswer {
  SurveyForm form = SurveyForm::A;
  std::string item;
  int value = 0;  // 1-5
  // Before or after play: with counterbalanced forms the form alone does not say.
  SurveyPhase phase = SurveyPhase::Pre;

  bool operator==(const SurveyAnswer&) const = default;
};

class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void runner_events(const std::vector<RunnerEvent>& events) = 0;
  virtual void survey_answer(const SurveyAnswer& answer) = 0;
};

// Solo mode: nothing leaves the machine, and nothing is kept either.
class DiscardingSink final : public EventSink {
 public:
  void runner_events(const std::vector<RunnerEvent>&) override {}
  void survey_answer(const SurveyAnswer&) override {}
};

}  // namespace upstander::app
