// Stage names as the summary reports them.
#include "answer_kind.hpp"

namespace upstander::server {

std::string_view name_of(Stage s) {
  switch (s) {
    case Stage::Joined: return "joined";
    case Stage::PreSurvey: return "pre_survey";
    case Stage::Playing: return "playing";
    case Stage::Finished: return "finished";
    case Stage::PostSurvey: return "post_survey";
  }
  return "?";
}

}  // namespace upstander::server
