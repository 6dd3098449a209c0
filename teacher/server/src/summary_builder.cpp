// Turning aggregate counts into the suppressed summary.
//
// Index:
//   1. Loading the aggregate counts
//   2. Suppressed rows and means
//   3. Progress by stage
//   4. Decisions, endings and skips
//   5. Scale questions and reflections
//   6. The survey: means, items, goals, discernment
//   7. The progress and summary documents

#include "summary_builder.hpp"

#include <cmath>
#include <map>
#include <optional>
#include <vector>

#include "harmful_choice.hpp"
#include "json_merge.hpp"
#include "suppression.hpp"
#include "upstander/decision_title.hpp"
#include "upstander/survey_scoring.hpp"
#include "upstander/vocabulary.hpp"

namespace upstander::server {

// --- 1. Loading the aggregate counts ---

DbStatus AggregateTable::load(Database& db, std::int64_t session_id) {
  Stmt s = db.prepare(
      "SELECT kind, scenario, point, answer, count FROM agg_counts WHERE session_id = ?1");
  s.bind(1, session_id);
  while (true) {
    const StepResult r = s.step();
    if (r == StepResult::Error) return s.status();
    if (r == StepResult::Done) return {};
    counts_[{static_cast<int>(s.int_at(0)), s.text_at(1), s.text_at(2), s.text_at(3)}] =
        s.int_at(4);
  }
}

void AggregateTable::set(AnswerKind kind, const std::string& scenario, const std::string& point,
                         const std::string& answer, std::int64_t count) {
  counts_[{static_cast<int>(kind), scenario, point, answer}] = count;
}

std::int64_t AggregateTable::get(AnswerKind kind, const std::string& scenario,
                                 const std::string& point, const std::string& answer) const {
  auto it = counts_.find({static_cast<int>(kind), scenario, point, answer});
  return it == counts_.end() ? 0 : it->second;
}

// --- 2. Suppressed rows and means ---

namespace {

using J = nlohmann::ordered_json;

std::string_view shown_name(CellShown s) {
  switch (s) {
    case CellShown::Count: return "count";
    case CellShown::FewerThanK: return "fewer_than_k";
    case CellShown::Hidden: return "hidden";
  }
  return "hidden";
}

J cell_value(std::int64_t count, CellShown shown) {
  J j;
  j["count"] = shown == CellShown::Count ? J(count) : J(nullptr);
  j["shown"] = std::string(shown_name(shown));
  return j;
}

struct RowCell {
  J head;  // "id", texts ...
  std::int64_t count = 0;
};

// {"total": {...}, "cells": [...]}: the one place a row of counts becomes JSON. Rows of
// answers (`with_most`) also get "most": the id of the answer most of the class chose, in
// words where its count is hidden (see most_common_in_words), or null.
J suppressed_row(std::vector<RowCell> cells, int k, bool with_most = false) {
  std::vector<std::int64_t> counts;
  std::int64_t total = 0;
  for (const auto& c : cells) {
    counts.push_back(c.count);
    total += c.count;
  }
  const SuppressedRow row = suppress_row(counts, k);
  J out;
  out["total"] = cell_value(total, row.total_shown ? CellShown::Count : CellShown::FewerThanK);
  J list = J::array();
  for (std::size_t i = 0; i < cells.size(); ++i) {
    J c = std::move(cells[i].head);
    merge_into(c, cell_value(cells[i].count, row.cells[i]));
    list.push_back(std::move(c));
  }
  out["cells"] = std::move(list);
  if (with_most) {
    const auto most = most_common_in_words(counts, row, k);
    out["most"] = most ? out["cells"][*most]["id"] : J(nullptr);
  }
  return out;
}

double round2(double v) {
  return std::round(v * 100.0) / 100.0;
}

// n and mean of 1-5 answers; the mean only when n >= k. `reverse` flips 1..5 so that
// higher is always the better answer.
struct MeanCell {
  std::int64_t n = 0;
  double mean = 0;
  bool shown = false;
};
MeanCell mean_of(const AggregateTable& agg, AnswerKind kind, const std::string& scenario,
                 const std::string& point, int k, bool reverse) {
  MeanCell m;
  std::int64_t sum = 0;
  for (int v = 1; v <= 5; ++v) {
    const std::int64_t c = agg.get(kind, scenario, point, std::to_string(v));
    m.n += c;
    sum += c * (reverse ? 6 - v : v);
  }
  m.shown = m.n >= k;
  if (m.n > 0) m.mean = static_cast<double>(sum) / static_cast<double>(m.n);
  return m;
}
J mean_json(const MeanCell& m) {
  J j;
  j["n"] = cell_value(m.n, m.shown ? CellShown::Count : CellShown::FewerThanK);
  j["mean"] = m.shown ? J(round2(m.mean)) : J(nullptr);
  return j;
}

bool has_survey(const SummaryInput& in) {
  return in.content->survey() != nullptr;
}

// --- 3. Progress by stage ---

std::vector<Stage> stages_of(const SummaryInput& in) {
  if (has_survey(in))
    return {Stage::Joined, Stage::PreSurvey, Stage::Playing, Stage::Finished, Stage::PostSurvey};
  return {Stage::Joined, Stage::Playing, Stage::Finished};
}

J stages_json(const SummaryInput& in, const AggregateTable& agg) {
  const std::vector<Stage> stages = stages_of(in);
  std::vector<RowCell> cells;
  std::vector<std::int64_t> counts;
  for (Stage s : stages) {
    // Without a survey its stages cannot happen; nothing is folded away.
    const std::int64_t c = agg.get(AnswerKind::Stage, "", "", std::to_string(static_cast<int>(s)));
    cells.push_back({J{{"stage", std::string(name_of(s))}}, c});
    counts.push_back(c);
  }
  J row = suppressed_row(cells, in.k);
  // The funnel ("reached at least this stage") is published only where it follows from
  // the row above, so it cannot reveal a hidden stage.
  const SuppressedRow sup = suppress_row(counts, in.k);
  const std::vector<bool> derivable = derivable_cumulative(sup);
  J funnel = J::array();
  for (std::size_t i = 0; i < stages.size(); ++i) {
    std::int64_t at_least = 0;
    for (std::size_t j = i; j < stages.size(); ++j) at_least += counts[j];
    J f{{"stage", std::string(name_of(stages[i]))}};
    merge_into(f, cell_value(at_least, derivable[i] ? CellShown::Count : CellShown::Hidden));
    funnel.push_back(std::move(f));
  }
  J out;
  out["stages"] = std::move(row);
  out["funnel"] = std::move(funnel);
  return out;
}

J scenario_progress(const SummaryInput& in, const AggregateTable& agg, const Scenario& s) {
  std::vector<RowCell> cells;
  cells.push_back({J{{"id", "playing"}}, agg.get(AnswerKind::Progress, s.id, s.id, "started")});
  cells.push_back({J{{"id", "finished"}}, agg.get(AnswerKind::Progress, s.id, s.id, "finished")});
  return suppressed_row(std::move(cells), in.k);
}

// --- 4. Decisions, endings and skips ---

J decisions_json(const SummaryInput& in, const AggregateTable& agg, const Scenario& s) {
  J out = J::array();
  for (const auto& n : s.nodes) {
    if (!n.is_decision()) continue;
    std::vector<RowCell> cells;
    for (const auto& c : n.choices) {
      cells.push_back(
          {J{{"id", c.id}, {"text", c.text.get(in.language)}, {"harmful", choice_is_harmful(s, c)}},
           agg.get(AnswerKind::Choice, s.id, n.id, c.id)});
    }
    J d;
    d["node"] = n.id;
    d["scene"] = n.scene;
    d["title"] = decision_title(s, n, in.language, in.guide);
    merge_into(d, suppressed_row(std::move(cells), in.k, true));
    out.push_back(std::move(d));
  }
  return out;
}

// Runs that ended on the skip route are never counted as an ending: they are one cell,
// "skipped", shown apart. It is suppressed together with the endings (one row whose total
// is everyone who finished, as in "progress"), so "finished" minus the endings cannot
// reveal a small number of skippers.
J endings_json(const SummaryInput& in, const AggregateTable& agg, const Scenario& s) {
  std::vector<RowCell> cells;
  std::int64_t skipped = 0;
  bool has_skip_route = false;
  for (const auto& n : s.nodes) {
    if (!n.is_ending()) continue;
    const auto& e = n.as<EndingBody>();
    const std::int64_t count = agg.get(AnswerKind::Ending, s.id, "", n.id);
    if (e.outcome == Outcome::Skipped) {
      skipped += count;
      has_skip_route = true;
      continue;
    }
    cells.push_back({J{{"id", n.id},
                       {"outcome", std::string(name_of(e.outcome))},
                       {"title", e.title.get(in.language)}},
                     count});
  }
  if (!has_skip_route) return suppressed_row(std::move(cells), in.k);
  cells.push_back({J{{"id", "skipped"}}, skipped});
  J row = suppressed_row(std::move(cells), in.k);
  J skipped_cell = std::move(row["cells"].back());
  row["cells"].erase(row["cells"].size() - 1);
  skipped_cell.erase("id");
  row["skipped"] = std::move(skipped_cell);
  return row;
}

// The last cell of a suppressed row, taken out as `row["skipped"]` (without an id): the
// skips are suppressed together with the answers, then shown apart from them.
void split_skipped(J& row) {
  J skipped = std::move(row["cells"].back());
  row["cells"].erase(row["cells"].size() - 1);
  skipped.erase("id");
  row["skipped"] = std::move(skipped);
  if (row.contains("most") && row["most"] == std::string(kSkippedAnswer)) row["most"] = nullptr;
}

// --- 5. Scale questions and reflections ---

// A scale question: the mean of those who answered, and how many skipped, each shown
// only from k. They are not one row: no total of the two is published, so neither count
// follows from the other, and suppressing them together would hide a class's mean
// whenever one or two students skip. (A scenario's "finished" minus `n` bounds the
// students who did not answer; it did so before skips were counted, and is at least
// the skips plus those who left.)
J scale_question(const SummaryInput& in, const AggregateTable& agg, const Scenario& s,
                 const Node& n) {
  J out = mean_json(mean_of(agg, AnswerKind::Scale, s.id, n.id, in.k, false));
  const std::int64_t skipped = agg.get(AnswerKind::Scale, s.id, n.id, std::string(kSkippedAnswer));
  out["skipped"] = cell_value(skipped, skipped >= in.k ? CellShown::Count : CellShown::FewerThanK);
  return out;
}

J reflections_json(const SummaryInput& in, const AggregateTable& agg, const Scenario& s) {
  J out = J::array();
  for (const auto& n : s.nodes) {
    if (n.kind != NodeKind::Reflection) continue;
    const auto& body = n.as<ReflectionBody>();
    J r;
    r["node"] = n.id;
    r["question"] = body.question.get(in.language);
    if (!body.options.empty()) {
      r["kind"] = "options";
      std::vector<RowCell> cells;
      for (const auto& o : body.options) {
        cells.push_back({J{{"id", o.id}, {"text", o.text.get(in.language)}},
                         agg.get(AnswerKind::Option, s.id, n.id, o.id)});
      }
      cells.push_back({J{{"id", std::string(kSkippedAnswer)}},
                       agg.get(AnswerKind::Option, s.id, n.id, std::string(kSkippedAnswer))});
      J row = suppressed_row(std::move(cells), in.k, true);
      split_skipped(row);
      merge_into(r, std::move(row));
    } else {
      r["kind"] = "scale";
      merge_into(r, scale_question(in, agg, s, n));
    }
    out.push_back(std::move(r));
  }
  return out;
}

// --- 6. The survey: means, items, goals, discernment ---

// A survey question's class mean before or after play, as students answered it (`raw_mean`:
// agreement, 1-5) and keyed so that higher is better (`keyed_mean`, flipped for reversed
// statements and harmful vignettes); `mean` is the keyed one, as before.
J survey_mean_json(const MeanCell& m, const SurveyItem& item) {
  J j = mean_json(m);
  j["raw_mean"] = m.shown ? J(round2(m.mean)) : J(nullptr);
  j["keyed_mean"] =
      m.shown ? J(round2(item.lower_is_better() ? 6.0 - m.mean : m.mean)) : J(nullptr);
  j["mean"] = j["keyed_mean"];
  return j;
}

// Before and after play, whichever form each student got first: the forms are
// counterbalanced, so comparing A with B would compare the forms, not the lesson.
struct PrePost {
  MeanCell pre, post;
};
PrePost pre_post(const SummaryInput& in, const AggregateTable& agg, const SurveyItem& item) {
  return {mean_of(agg, AnswerKind::SurveyPre, "", item.id, in.k, false),
          mean_of(agg, AnswerKind::SurveyPost, "", item.id, in.k, false)};
}

J question_head(const SummaryInput& in, const SurveyItem& item) {
  J j;
  j["id"] = item.id;
  j["text_a"] = item.form_a.get(in.language);
  j["text_b"] = item.form_b.get(in.language);
  // Which way an answer is good, so the statement can be shown as students saw it.
  j["good"] = item.lower_is_better() ? "disagree" : "agree";
  return j;
}

std::optional<double> keyed_of(const MeanCell& m, const SurveyItem& item) {
  if (!m.shown) return std::nullopt;
  return item.lower_is_better() ? 6.0 - m.mean : m.mean;
}

J items_json(const SummaryInput& in, const AggregateTable& agg, const Survey& survey) {
  J items = J::array();
  for (const SurveyItem* item : survey.statements()) {
    const PrePost m = pre_post(in, agg, *item);
    J j = question_head(in, *item);
    j["goal"] = std::string(name_of(item->goal));
    j["reverse"] = item->reverse;
    j["pre"] = survey_mean_json(m.pre, *item);
    j["post"] = survey_mean_json(m.post, *item);
    const auto pre = keyed_of(m.pre, *item), post = keyed_of(m.post, *item);
    j["shift"] = pre && post ? J(round2(*post - *pre)) : J(nullptr);
    items.push_back(std::move(j));
  }
  return items;
}

// A goal's keyed mean is the mean of its items' keyed means, and only when every one of
// them is shown: it derives nothing a teacher could not already compute.
J goals_json(const SummaryInput& in, const AggregateTable& agg, const Survey& survey) {
  J goals = J::array();
  for (const auto& name : all_names<LearningGoal>()) {
    const LearningGoal goal = *parse_name<LearningGoal>(name);
    double sum[2] = {0, 0};
    bool shown[2] = {true, true};
    int items = 0;
    for (const SurveyItem* item : survey.statements()) {
      if (item->goal != goal) continue;
      const PrePost m = pre_post(in, agg, *item);
      ++items;
      for (int p = 0; p < 2; ++p) {
        const auto v = keyed_of(p == 0 ? m.pre : m.post, *item);
        shown[p] = shown[p] && v.has_value();
        sum[p] += v.value_or(0);
      }
    }
    if (items == 0) continue;
    J j;
    j["goal"] = name;
    j["items"] = items;
    j["pre"] = shown[0] ? J(round2(sum[0] / items)) : J(nullptr);
    j["post"] = shown[1] ? J(round2(sum[1] / items)) : J(nullptr);
    j["shift"] = shown[0] && shown[1] ? J(round2(sum[1] / items - sum[0] / items)) : J(nullptr);
    goals.push_back(std::move(j));
  }
  return goals;
}

// Judgement on the vignettes (see survey_scoring.hpp): only when every vignette's mean is
// shown in that phase.
J discernment_json(const SummaryInput& in, const AggregateTable& agg, const Survey& survey) {
  J out;
  J vignettes = J::array();
  std::map<std::string, PrePost> means;
  bool all_shown[2] = {true, true};
  for (const SurveyItem* v : survey.vignettes()) {
    const PrePost m = pre_post(in, agg, *v);
    means[v->id] = m;
    all_shown[0] = all_shown[0] && m.pre.shown;
    all_shown[1] = all_shown[1] && m.post.shown;
    J j = question_head(in, *v);
    j["key"] = v->key == VignetteKey::Benign ? "benign" : "harmful";
    j["pre"] = survey_mean_json(m.pre, *v);
    j["post"] = survey_mean_json(m.post, *v);
    vignettes.push_back(std::move(j));
  }
  std::optional<Discernment> score[2];
  for (int p = 0; p < 2; ++p) {
    if (!all_shown[p]) continue;
    score[p] = score_discernment(survey, [&](const SurveyItem& v) -> std::optional<double> {
      const PrePost& m = means.at(v.id);
      return (p == 0 ? m.pre : m.post).mean;
    });
  }
  auto score_json = [](const std::optional<Discernment>& d) {
    if (!d) return J(nullptr);
    return J{{"score", round2(d->score)},
             {"benign_ok", round2(d->benign_ok)},
             {"harmful_ok", round2(d->harmful_ok)}};
  };
  out["pre"] = score_json(score[0]);
  out["post"] = score_json(score[1]);
  out["shift"] = score[0] && score[1] ? J(round2(score[1]->score - score[0]->score)) : J(nullptr);
  out["vignettes"] = std::move(vignettes);
  return out;
}

J survey_json(const SummaryInput& in, const AggregateTable& agg) {
  const Survey* survey = in.content->survey();
  J out;
  if (survey == nullptr) {
    out["items"] = J::array();
    return out;
  }
  out["items"] = items_json(in, agg, *survey);
  out["goals"] = goals_json(in, agg, *survey);
  if (!survey->vignettes().empty()) out["discernment"] = discernment_json(in, agg, *survey);
  return out;
}

// --- 7. The progress and summary documents ---

J scenario_head(const SummaryInput& in, const Scenario& s) {
  J j;
  j["id"] = s.id;
  j["title"] = s.title.get(in.language);
  // The player is the person targeted: endings say how far help reached, never harm.
  j["player_targeted"] = s.player_is_targeted();
  return j;
}

}  // namespace

nlohmann::ordered_json build_progress(const SummaryInput& in, const AggregateTable& agg) {
  J out;
  out["k"] = in.k;
  merge_into(out, stages_json(in, agg));
  J scenarios = J::array();
  for (const Scenario* s : in.content->scenarios()) {
    J j = scenario_head(in, *s);
    j["progress"] = scenario_progress(in, agg, *s);
    scenarios.push_back(std::move(j));
  }
  out["scenarios"] = std::move(scenarios);
  return out;
}

nlohmann::ordered_json build_summary(const SummaryInput& in, const AggregateTable& agg) {
  J out;
  out["k"] = in.k;
  merge_into(out, stages_json(in, agg));
  J scenarios = J::array();
  for (const Scenario* s : in.content->scenarios()) {
    J j = scenario_head(in, *s);
    j["progress"] = scenario_progress(in, agg, *s);
    j["decisions"] = decisions_json(in, agg, *s);
    j["endings"] = endings_json(in, agg, *s);
    j["reflections"] = reflections_json(in, agg, *s);
    scenarios.push_back(std::move(j));
  }
  out["scenarios"] = std::move(scenarios);
  out["survey"] = survey_json(in, agg);
  return out;
}

}  // namespace upstander::server
