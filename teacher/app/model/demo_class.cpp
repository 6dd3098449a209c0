// Simulated students: a runner per scenario, seeded choices leaning to upstander endings.
#include "demo_class.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <random>

#include "upstander/runner.hpp"

namespace upstander::dashboard {

namespace {

double outcome_value(const Runner& r) {
  const Outcome o = r.node().as<EndingBody>().outcome;
  if (o == Outcome::Upstander || o == Outcome::Supported) return 1.0;
  return o == Outcome::Harm || o == Outcome::NotYetSupported ? -1.0 : 0.0;
}

// Plays a copy of `r` to an ending with random choices and answers.
double playout(Runner r, std::mt19937_64& rng) {
  for (int steps = 0; steps < 500 && !r.at_ending(); ++steps) {
    const Node& n = r.node();
    if (n.is_decision()) {
      const auto visible = r.visible_choices();
      if (visible.empty()) return 0.0;
      r.choose_visible(rng() % visible.size());
    } else {
      if (n.kind == NodeKind::Reflection) {
        const auto& body = n.as<ReflectionBody>();
        if (body.options.empty())
          r.answer_scale(3);
        else
          r.answer(body.options.front().id);
      }
      if (r.advance() != StepResult::Ok) return 0.0;
    }
  }
  return r.at_ending() ? outcome_value(r) : 0.0;
}

// The visible choice whose random playouts end best (upstander +1, harm -1), conditions
// and all: the choice a thoughtful student makes, as a taste for the demo class.
int best_choice(const Runner& r, std::mt19937_64& rng) {
  const auto visible = r.visible_choices();
  int best = visible.front();
  double best_score = -1e9;
  for (int c : visible) {
    Runner after = r;
    after.choose(r.node().choices[static_cast<std::size_t>(c)].id);
    double score = 0.0;
    for (int i = 0; i < 24; ++i) score += playout(after, rng);
    if (score > best_score) {
      best_score = score;
      best = c;
    }
  }
  return best;
}

}  // namespace

struct DemoClass::Student {
  std::unique_ptr<client::ClassWorker> conn;
  std::mt19937_64 rng;
  std::size_t scenario = 0;  // index into conn->scenarios()
  std::optional<Runner> runner;
  bool done = false;

  // Plays linear scenes up to the next decision or ending, sending every event.
  void play_on(DemoTruth& truth) {
    while (runner && !runner->at_ending() && !runner->node().is_decision()) {
      const Node& n = runner->node();
      if (n.kind == NodeKind::Reflection) {
        const auto& body = n.as<ReflectionBody>();
        if (body.options.empty())
          runner->answer_scale(3 + static_cast<int>(rng() % 3));
        else
          runner->answer(body.options[rng() % body.options.size()].id);
      }
      if (runner->advance() != StepResult::Ok) break;
      conn->submit(runner->take_events());
    }
    if (runner && runner->at_ending()) {
      conn->submit(runner->take_events());
      ++truth.endings[runner->scenario().id][runner->node().id];
      runner.reset();
      ++scenario;
    }
  }

  void choose(DemoTruth& truth) {
    const Node& n = runner->node();
    const auto visible = runner->visible_choices();
    if (visible.empty()) return;
    // The most upstander-leaning visible choice gets most of the weight; it is worked out
    // once per decision point for the whole class.
    const std::string key = runner->scenario().id + "/" + n.id;
    auto known = truth.favourite.find(key);
    if (known == truth.favourite.end())
      known = truth.favourite.emplace(key, best_choice(*runner, rng)).first;
    const int best = known->second;
    std::vector<double> w;
    for (int c : visible) w.push_back(c == best ? 7.0 : 1.0);
    std::discrete_distribution<std::size_t> pick(w.begin(), w.end());
    const int c = visible[pick(rng)];
    const std::string& id = n.choices[static_cast<std::size_t>(c)].id;
    ++truth.choices[runner->scenario().id + "/" + n.id][id];
    runner->choose(id);
    conn->submit(runner->take_events());
  }

  bool step(DemoTruth& truth) {
    if (done) return false;
    if (!runner) {
      const auto list = conn->scenarios();
      if (scenario >= list.size()) {
        done = true;
        return false;
      }
      runner.emplace(*list[scenario]);
      runner->start();
      conn->submit(runner->take_events());
      play_on(truth);
      if (!runner) return true;
    }
    choose(truth);
    play_on(truth);
    return true;
  }
};

DemoClass::DemoClass(DemoOptions options) : o_(std::move(options)) {}
DemoClass::~DemoClass() = default;

int DemoClass::join() {
  for (int i = 0; i < o_.students; ++i) {
    client::ConnectionOptions co;
    co.data_dir = o_.scratch_dir + "/student-" + std::to_string(i);
    co.backoff_min = std::chrono::milliseconds(20);
    co.backoff_max = std::chrono::milliseconds(500);
    std::error_code ec;
    std::filesystem::create_directories(co.data_dir, ec);
    auto joined = client::ClassWorker::join({o_.host, o_.port}, o_.code, co);
    if (!joined) continue;
    auto s = std::make_unique<Student>();
    s->conn = std::move(*joined);
    s->rng.seed(o_.seed * 7919u + static_cast<std::uint64_t>(i));
    students_.push_back(std::move(s));
  }
  truth_.joined = static_cast<int>(students_.size());
  return truth_.joined;
}

namespace {

void answer_survey(client::ClassWorker& c, SurveyPhase phase, std::mt19937_64& rng) {
  const Survey* survey = c.survey();
  if (!survey) return;
  // Before play answers spread around the middle; after play they lean the good way
  // (reversed items and harmful vignettes lower), so the demo shows a shift.
  const SurveyForm form = form_for(c.survey_order(), phase);
  for (const auto& item : survey->items) {
    int v = 2 + static_cast<int>(rng() % 3) + (phase == SurveyPhase::Post ? 1 : 0);
    v = std::clamp(v, 1, 5);
    if (item.lower_is_better()) v = 6 - v;
    c.submit_survey(item.id, form, phase, v);
  }
}

}  // namespace

void DemoClass::pre_survey(double share) {
  const auto n = static_cast<std::size_t>(share * static_cast<double>(students_.size()));
  for (std::size_t i = 0; i < n; ++i)
    answer_survey(*students_[i]->conn, SurveyPhase::Pre, students_[i]->rng);
}

void DemoClass::post_survey(double share) {
  const auto n = static_cast<std::size_t>(share * static_cast<double>(students_.size()));
  for (std::size_t i = 0; i < n; ++i)
    answer_survey(*students_[i]->conn, SurveyPhase::Post, students_[i]->rng);
}

int DemoClass::step() {
  int moved = 0;
  for (std::size_t i = 0; i < students_.size(); ++i) moved += step_one(i) ? 1 : 0;
  return moved;
}

bool DemoClass::step_one(std::size_t i) {
  return students_[i]->step(truth_);
}

void DemoClass::play_to_end() {
  while (step() > 0) {
  }
}

bool DemoClass::flush(std::chrono::milliseconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  for (auto& s : students_) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    if (left.count() <= 0 || !s->conn->flush(left)) return false;
  }
  return true;
}

client::ClassWorker& DemoClass::connection(std::size_t i) {
  return *students_[i]->conn;
}

}  // namespace upstander::dashboard
