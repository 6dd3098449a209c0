// Scoring judgement on the survey's vignettes the way Bad News scores real and fake
// headlines: how much more "OK" the benign situations are rated than the harmful ones.
#pragma once

#include <functional>
#include <optional>

#include "upstander/survey.hpp"

namespace upstander {

struct Discernment {
  double benign_ok = 0;   // mean "this is OK" rating (1-5) of the benign vignettes
  double harmful_ok = 0;  // the same for the harmful ones
  // benign_ok - harmful_ok, from -4 to 4. Rating everything "not OK" (or everything "OK")
  // scores 0: refusing everything is not judgement.
  double score = 0;
};

// `rating` gives a vignette's 1-5 rating (one student's answer or a class mean), or nothing
// when it is unanswered or hidden. Nothing when no benign or no harmful vignette is rated.
std::optional<Discernment> score_discernment(
    const Survey& survey, const std::function<std::optional<double>(const SurveyItem&)>& rating);

}  // namespace upstander
