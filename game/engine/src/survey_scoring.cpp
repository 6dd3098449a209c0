// Discernment: benign rated OK minus harmful rated OK.
#include "upstander/survey_scoring.hpp"

namespace upstander {

std::optional<Discernment> score_discernment(
    const Survey& survey, const std::function<std::optional<double>(const SurveyItem&)>& rating) {
  double sum[2] = {0, 0};
  int n[2] = {0, 0};
  for (const SurveyItem* v : survey.vignettes()) {
    const std::optional<double> r = rating(*v);
    if (!r) continue;
    const int k = v->key == VignetteKey::Benign ? 0 : 1;
    sum[k] += *r;
    n[k] += 1;
  }
  if (n[0] == 0 || n[1] == 0) return std::nullopt;
  Discernment d;
  d.benign_ok = sum[0] / n[0];
  d.harmful_ok = sum[1] / n[1];
  d.score = d.benign_ok - d.harmful_ok;
  return d;
}

}  // namespace upstander
