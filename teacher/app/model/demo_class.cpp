// Simulated students: a runner per scenario, seeded choices leaning to upstander endings.
#include "demo_class.hpp"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <optional>
#include <random>
#include <set>

#include "upstander/runner.hpp"

namespace upstander::dashboard {

namespace {

// How many upstander minus harm endings a walk from `from` can reach (conditions ignored):
// a rough taste for "the choice a thoughtful student makes".
int outcome_score(const Scenario& s, int from) {
  std::set<int> seen;
  std::deque<int> todo{from};
  int score = 0;
  while (!todo.empty()) {
    const int i = todo.front();
    todo.pop_front();
    if (i < 0 || !seen.insert(i).second) continue;
    const Node& n = s.nodes[static_cast<std::size_t>(i)];
    if (n.is_ending()) {
      const Outcome o = n.as<EndingBody>().outcome;
      score += o == Outcome::Upstander ? 1 : (o == Outcome::Harm ? -1 : 0);
    }
    if (n.next) todo.push_back(n.next->index);
    for (const auto& r : n.route) todo.push_back(r.to.index);
    for (const auto& c : n.choices) todo.push_back(c.to.index);
  }
  return score;
}

}  // namespace

struct DemoClass::Student {
  std::unique_ptr<client::ClassConnection> conn;
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
    // The most upstander-leaning visible choice gets most of the weight.
    int best = visible.front();
    for (int c : visible) {
      const auto& s = runner->scenario();
      if (outcome_score(s, n.choices[static_cast<std::size_t>(c)].to.index) >
          outcome_score(s, n.choices[static_cast<std::size_t>(best)].to.index))
        best = c;
    }
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
    auto joined = client::ClassConnection::join({o_.host, o_.port}, o_.code, co);
    if (!joined.connection) continue;
    auto s = std::make_unique<Student>();
    s->conn = std::move(joined.connection);
    s->rng.seed(o_.seed * 7919u + static_cast<std::uint64_t>(i));
    students_.push_back(std::move(s));
  }
  truth_.joined = static_cast<int>(students_.size());
  return truth_.joined;
}

namespace {

void answer_survey(client::ClassConnection& c, SurveyForm form, std::mt19937_64& rng) {
  const Survey* survey = c.survey();
  if (!survey) return;
  // Before play answers spread around the middle; after play they lean higher (reversed
  // items lower), so the demo shows a shift.
  for (const auto& item : survey->items) {
    int v = 2 + static_cast<int>(rng() % 3) + (form == SurveyForm::B ? 1 : 0);
    v = std::clamp(v, 1, 5);
    if (item.reverse) v = 6 - v;
    c.submit_survey(item.id, form, v);
  }
}

}  // namespace

void DemoClass::pre_survey(double share) {
  const auto n = static_cast<std::size_t>(share * static_cast<double>(students_.size()));
  for (std::size_t i = 0; i < n; ++i)
    answer_survey(*students_[i]->conn, SurveyForm::A, students_[i]->rng);
}

void DemoClass::post_survey(double share) {
  const auto n = static_cast<std::size_t>(share * static_cast<double>(students_.size()));
  for (std::size_t i = 0; i < n; ++i)
    answer_survey(*students_[i]->conn, SurveyForm::B, students_[i]->rng);
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

client::ClassConnection& DemoClass::connection(std::size_t i) {
  return *students_[i]->conn;
}

}  // namespace upstander::dashboard
