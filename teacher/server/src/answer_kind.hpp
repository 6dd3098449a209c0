// The dimensions the aggregates count, one current answer per player each. Stored as
// integers in player_answers and agg_counts; the numbers never change meaning.
#pragma once

#include <string_view>

namespace upstander::server {

enum class AnswerKind : int {
  Stage = 1,       // point "": the furthest stage of the session the player reached
  Progress = 2,    // point = scenario: "started" or "finished"
  Choice = 3,      // point = decision node: the latest choice
  Option = 4,      // point = reflection node: the latest option
  Scale = 5,       // point = reflection node: the latest 1-5 value
  Ending = 6,      // point = "": the ending of the latest playthrough
  SurveyPre = 7,   // point = item: the 1-5 value on form A
  SurveyPost = 8,  // point = item: the 1-5 value on form B
};

// The answer stored for a reflection question the student skipped (Option and Scale). Ids
// are [a-z0-9_-], so the brackets keep it apart from any option a pack may define.
inline constexpr std::string_view kSkippedAnswer = "[skipped]";

// Stages of a session in order; a player only ever moves forward.
enum class Stage : int { Joined = 0, PreSurvey = 1, Playing = 2, Finished = 3, PostSurvey = 4 };
inline constexpr int kStageCount = 5;
std::string_view name_of(Stage s);

// How a new answer replaces the stored one.
enum class ReplacePolicy {
  Latest,    // the answer with the higher event order wins (going back and choosing again)
  Furthest,  // the answer that ranks higher wins (stages, started -> finished)
};

}  // namespace upstander::server
