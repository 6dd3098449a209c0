// The screen flow, the runner, surveys and the local save.
//
// Index:
//   1. Starting and resuming
//   2. What the screens show: scenarios, survey, help, cards
//   3. Screen changes and events
//   4. Saving progress
//   5. Running a scenario and its trail
//   6. Actions: language, mode, picking, the content note
//   7. Actions: surveys
//   8. Actions: the story (continue, choose, answer, skip, back)
//   9. Actions: leaving, pausing and overlays
//   10. Actions: after the debrief, going back, quitting

#include "app_model.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace upstander::app {

namespace {

// --- 1. Starting and resuming ---

constexpr int kProgressVersion = 1;
// The phone's time until the story gives one.
constexpr const char* kStoryStartClock = "09:00";

bool language_offered(const ContentLibrary& lib, const std::string& code) {
  return !code.empty() && lib.locale(code) != nullptr;
}

}  // namespace

AppModel::AppModel(const ContentLibrary& lib, ProgressStore* store, EventSink& solo_sink,
                   ClassLink& connection, std::string system_locale)
    : lib_(&lib),
      store_(store),
      solo_sink_(&solo_sink),
      connection_(&connection),
      system_locale_(std::move(system_locale)),
      text_(lib, "en") {}

void AppModel::start() {
  if (store_) {
    if (auto j = store_->load(kSettingsFile)) settings_ = settings_from_json(*j);
  }
  if (connection_->available()) connection_->resume();
  poll_class();
  if (!language_offered(*lib_, settings_.language)) {
    settings_.language.clear();
    const bool ko = system_locale_.rfind("ko", 0) == 0;
    text_.set_language(ko && lib_->locale("ko") ? "ko" : "en");
    enter_screen(Screen::Language);
    return;
  }
  text_.set_language(settings_.language);
  std::optional<nlohmann::json> progress = store_ ? store_->load(kProgressFile) : std::nullopt;
  if (progress && progress->is_object()) {
    if (progress->value("version", 0) == kProgressVersion) {
      solo_flags_.pre = progress->value("pre_done", false);
      solo_flags_.post = progress->value("post_done", false);
      restore_class_progress(*progress);
    }
    if (progress->contains("play") && (*progress)["play"].is_object()) {
      const auto& play = (*progress)["play"];
      if (play.value("mode", "solo") != "class") {
        resume_from(*progress);
        return;
      }
      const ClassSession* cs = connection_->session();
      if (cs && play.value("session", "") == cs->id) {
        in_class_ = true;
        resume_from(*progress);
        return;
      }
      // The class this story belonged to is gone from this computer: its answers cannot be
      // sent any more, so the story is not continued as if they could.
      notice_ = "game.class.resume_gone";
      clear_play_progress();
      enter_screen(Screen::Mode);
      return;
    }
  }
  if (class_active_ && connection_->session()) {
    enter_class(Screen::Picker);
    return;
  }
  enter_screen(Screen::Mode);
}

void AppModel::resume_from(const nlohmann::json& progress) {
  const auto& play = progress.at("play");
  const std::string id = play.is_object() ? play.value("scenario", "") : "";
  const Scenario* s = find_offered(id);
  if (!s) {
    notice_ = "game.resume.scenario_gone";
    clear_play_progress();
    enter_screen(Screen::Picker);
    return;
  }
  scenario_ = s;
  picked_ = s;
  RestoreResult r = restore_runner(*s, play.value("runner", nlohmann::json()));
  if (r.runner) {
    runner_ = std::move(r.runner);
    phone_clock_ = play.value("clock", std::string(kStoryStartClock));
    notice_ = "game.resume.welcome_back";
    trail_from_json(play.value("trail", nlohmann::json::array()));
    node_changed();
    reveal_all_ = true;  // already read before the restart
    const std::string stage = play.value("stage", "play");
    if (stage == "post_survey" && survey() && !flags().post) {
      // At the question reached, not the first one again (issue 15: a class restarted
      // and every student answered from question 1).
      const auto reached = play.value("survey_index", std::size_t{0});
      survey_index_ = std::min(reached, survey()->items.size() - 1);
      enter_screen(Screen::PostSurvey);
    } else {
      after_runner_step();
    }
    return;
  }
  // The scenario was edited so the saved moment no longer exists: say so kindly and
  // start the same story again rather than failing.
  notice_ = "game.resume.node_gone";
  begin_scenario();
}

void AppModel::update_settings(const Settings& s) {
  settings_ = s;
  if (language_offered(*lib_, s.language)) text_.set_language(s.language);
  if (s.reduce_motion) reveal_all_ = true;
  if (store_) store_->store(kSettingsFile, to_json(settings_));
}

// --- 2. What the screens show: scenarios, survey, help, cards ---

std::vector<const Scenario*> AppModel::offered_scenarios() const {
  if (in_class_) {
    const ClassSession* cs = connection_->session();
    return cs ? cs->scenarios : std::vector<const Scenario*>();
  }
  std::vector<const Scenario*> out;
  for (const Scenario* s : lib_->scenarios()) {
    if (s->review.status == ReviewStatus::Draft && !settings_.show_drafts) continue;
    out.push_back(s);
  }
  return out;
}

const Survey* AppModel::survey() const {
  if (!in_class_) return lib_->survey();
  const ClassSession* cs = connection_->session();
  return cs ? cs->survey : nullptr;
}

const Scenario* AppModel::find_offered(const std::string& id) const {
  if (!in_class_) return lib_->find_scenario(id);
  for (const Scenario* s : offered_scenarios()) {
    if (s->id == id) return s;
  }
  return nullptr;
}

std::string AppModel::country() const {
  if (!settings_.country.empty()) return settings_.country;
  return country_from_locale(system_locale_, text_.language());
}

HelpView AppModel::help(const std::vector<HelpTopic>& lead_topics) const {
  return make_help_view(*lib_, text_, country(), lead_topics);
}

HelpView AppModel::help_overlay() const {
  return make_help_view(*lib_, text_, help_country_.empty() ? country() : help_country_);
}

bool AppModel::help_next_country() {
  if (overlay_ != Overlay::Help) return false;
  const std::string next = next_help_country(*lib_, help_overlay().country_code);
  if (next.empty()) return false;
  help_country_ = next;
  return true;
}

CardsMet AppModel::cards_met() const {
  std::vector<int> seen;
  for (const auto& step : trail_) seen.push_back(step.node);
  if (!scenario_) return {};
  return app::cards_met(*scenario_, seen, text_);
}

std::size_t AppModel::total_items() const {
  if (!runner_ || !runner_->started()) return 0;
  const Node& n = runner_->node();
  if (n.kind == NodeKind::Chat) return n.as<ChatBody>().messages.size();
  // The excuse (or thought) first, then its answer.
  if (n.kind == NodeKind::Excuse || n.kind == NodeKind::Thought) return 2;
  return 1;
}

std::size_t AppModel::revealed_items() const {
  const std::size_t total = total_items();
  const double spm = settings_.seconds_per_message();
  if (reveal_all_ || spm <= 0.0 || total <= 1) return total;
  const double elapsed = std::max(0.0, now_ - entered_at_);
  const auto shown = static_cast<std::size_t>(1.0 + std::floor(elapsed / spm));
  return std::min(total, shown);
}

// --- 3. Screen changes and events ---

void AppModel::enter_screen(Screen s) {
  screen_ = s;
  screen_entered_at_ = now_;
  overlay_ = Overlay::None;
}

void AppModel::node_changed() {
  ++node_serial_;
  if (runner_ && runner_->started()) {
    const Node& n = runner_->node();
    if (!n.time.empty()) {
      phone_clock_ = n.time;
    } else if (n.kind == NodeKind::Chat) {
      for (const auto& msg : n.as<ChatBody>().messages) {
        if (!msg.time.empty()) {
          phone_clock_ = msg.time;
          break;
        }
      }
    }
  }
  entered_at_ = now_;
  reveal_all_ = settings_.reduce_motion;
}

EventSink& AppModel::sink() const {
  if (in_class_) {
    if (EventSink* s = connection_->sink()) return *s;
  }
  return *solo_sink_;
}

void AppModel::flush_events() {
  if (!runner_) return;
  auto events = runner_->take_events();
  if (!events.empty()) sink().runner_events(events);
}

// --- 4. Saving progress ---

nlohmann::json AppModel::progress_json() const {
  nlohmann::json j{{"version", kProgressVersion},
                   {"pre_done", solo_flags_.pre},
                   {"post_done", solo_flags_.post}};
  if (const ClassSession* cs = connection_->session()) {
    // Ids only: the pseudonym, the token and the content stay with the client.
    j["class"] = {{"session", cs->id},
                  {"active", in_class_},
                  {"pre_done", class_flags_.pre},
                  {"post_done", class_flags_.post}};
  }
  return j;
}

void AppModel::save_progress() const {
  if (!store_) return;
  nlohmann::json j = progress_json();
  if (runner_ && scenario_) {
    const char* stage = screen_ == Screen::PostSurvey ? "post_survey" : "play";
    j["play"] = {{"mode", in_class_ ? "class" : "solo"},
                 {"scenario", scenario_->id},
                 {"stage", stage},
                 {"runner", runner_->save()},
                 {"trail", trail_json()},
                 {"clock", phone_clock_}};
    if (screen_ == Screen::PostSurvey) j["play"]["survey_index"] = survey_index_;
    if (in_class_) j["play"]["session"] = connection_->session()->id;
  }
  store_->store(kProgressFile, j);
}

void AppModel::clear_play_progress() {
  runner_.reset();
  trail_.clear();
  scenario_ = nullptr;
  // Keep only the survey flags: the student is not asked the same questions twice.
  if (store_) store_->store(kProgressFile, progress_json());
}

// --- 5. Running a scenario and its trail ---

void AppModel::begin_scenario() {
  scenario_ = picked_;
  runner_.emplace(*scenario_);
  runner_->start();
  phone_clock_ = kStoryStartClock;
  trail_.clear();
  trail_push();
  node_changed();
  after_runner_step();
}

void AppModel::after_runner_step() {
  flush_events();
  const Node& n = runner_->node();
  if (n.is_ending()) {
    enter_screen(Screen::Debrief);
  } else if (n.kind == NodeKind::Reflection) {
    enter_screen(Screen::Reflection);
  } else {
    screen_ = Screen::Play;  // an open pause or help overlay stays open
  }
  save_progress();
}

void AppModel::trail_push() {
  if (runner_ && runner_->started())
    trail_.push_back({runner_->node_index(), runner_->perspective()});
}

void AppModel::trail_back_to_current() {
  while (!trail_.empty() && trail_.back().node != runner_->node_index()) trail_.pop_back();
  if (trail_.empty()) trail_push();
}

nlohmann::json AppModel::trail_json() const {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : trail_) {
    out.push_back({{"node", scenario_->nodes[static_cast<std::size_t>(t.node)].id},
                   {"perspective", t.perspective}});
  }
  return out;
}

void AppModel::trail_from_json(const nlohmann::json& j) {
  trail_.clear();
  if (j.is_array()) {
    for (const auto& t : j) {
      if (!t.is_object()) continue;
      const Node* n = scenario_->find_node(t.value("node", ""));
      if (n)
        trail_.push_back(
            {static_cast<int>(n - scenario_->nodes.data()), t.value("perspective", "")});
    }
  }
  // The trail must end on the node the runner is at; a save from before trails starts here.
  if (trail_.empty() || trail_.back().node != runner_->node_index()) trail_push();
}

std::vector<const Node*> AppModel::earlier_in_thread(const std::string& thread_id,
                                                     std::size_t max_nodes) const {
  std::vector<const Node*> out;
  if (!runner_ || trail_.size() < 2 || thread_id.empty()) return out;
  const std::string& owner = runner_->perspective();
  for (auto it = trail_.rbegin() + 1; it != trail_.rend() && out.size() < max_nodes; ++it) {
    if (it->perspective != owner) break;  // another phone: its chats are not on this one
    const Node& n = scenario_->nodes[static_cast<std::size_t>(it->node)];
    const bool in_thread =
        (n.kind == NodeKind::Chat && n.as<ChatBody>().thread.id == thread_id) ||
        (n.kind == NodeKind::ImageCard && n.as<ImageCardBody>().thread.id == thread_id);
    if (in_thread && (out.empty() || out.back() != &n)) out.push_back(&n);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

// --- 6. Actions: language, mode, picking, the content note ---

bool AppModel::choose_language(const std::string& code) {
  if (!language_offered(*lib_, code)) return false;
  Settings s = settings_;
  s.language = code;
  update_settings(s);
  enter_screen(Screen::Mode);
  return true;
}

bool AppModel::choose_solo() {
  notice_.clear();  // a one-off message goes once the student moves on
  if (screen_ != Screen::Mode) return false;
  in_class_ = false;
  if (connection_->session()) save_progress();  // remembers "not in class" for a restart
  enter_screen(Screen::Picker);
  return true;
}

bool AppModel::pick_scenario(std::size_t offered_index) {
  notice_.clear();  // a one-off message goes once the student moves on
  if (screen_ != Screen::Picker) return false;
  const auto offered = offered_scenarios();
  if (offered_index >= offered.size()) return false;
  picked_ = offered[offered_index];
  enter_screen(Screen::ContentNote);
  return true;
}

bool AppModel::note_play() {
  notice_.clear();  // a one-off message goes once the student moves on
  if (screen_ != Screen::ContentNote || !picked_) return false;
  if (survey() && !flags().pre && !survey()->items.empty()) {
    survey_index_ = 0;
    enter_screen(Screen::PreSurvey);
    return true;
  }
  begin_scenario();
  return true;
}

bool AppModel::note_other() {
  if (screen_ != Screen::ContentNote) return false;
  picked_ = nullptr;
  enter_screen(Screen::Picker);
  return true;
}

bool AppModel::note_sit_out() {
  if (screen_ != Screen::ContentNote) return false;
  // Sitting out is not counted: no event, no survey, nothing written.
  picked_ = nullptr;
  finish_reason_ = FinishReason::SatOut;
  enter_screen(Screen::Finish);
  return true;
}

// --- 7. Actions: surveys ---

bool AppModel::survey_answer(int value) {
  const bool pre = screen_ == Screen::PreSurvey;
  if ((!pre && screen_ != Screen::PostSurvey) || !survey() || value < 1 || value > 5) return false;
  const auto& items = survey()->items;
  if (survey_index_ >= items.size()) return false;
  sink().survey_answer({survey_form(), items[survey_index_].id, value, survey_phase()});
  return survey_skip_item();
}

bool AppModel::survey_skip_item() {
  const bool pre = screen_ == Screen::PreSurvey;
  if ((!pre && screen_ != Screen::PostSurvey) || !survey()) return false;
  if (++survey_index_ < survey()->items.size()) {
    if (!pre) save_progress();  // a restart comes back to this question
    return true;
  }
  return survey_skip_all();
}

bool AppModel::survey_skip_all() {
  if (screen_ == Screen::PreSurvey) {
    flags().pre = true;
    begin_scenario();
    return true;
  }
  if (screen_ == Screen::PostSurvey) {
    flags().post = true;
    clear_play_progress();
    finish_reason_ = FinishReason::Completed;
    enter_screen(Screen::Finish);
    return true;
  }
  return false;
}

// --- 8. Actions: the story (continue, choose, answer, skip, back) ---

bool AppModel::continue_story() {
  notice_.clear();  // a one-off message goes once the student moves on
  if (!runner_ || (screen_ != Screen::Play && screen_ != Screen::Reflection) ||
      overlay_ != Overlay::None)
    return false;
  if (!fully_revealed()) {
    reveal_all();
    return true;
  }
  if (!runner_->can_continue()) return false;
  runner_->advance();
  trail_push();
  node_changed();
  after_runner_step();
  return true;
}

bool AppModel::choose(std::size_t visible_index) {
  notice_.clear();  // a one-off message goes once the student moves on
  if (!runner_ || screen_ != Screen::Play || overlay_ != Overlay::None) return false;
  if (!fully_revealed()) {
    reveal_all();  // read first: a number key pressed early shows the rest of the messages
    return true;
  }
  const auto shown = runner_->visible_choices();
  const Choice* chosen =
      visible_index < shown.size()
          ? &runner_->node().choices[static_cast<std::size_t>(shown[visible_index])]
          : nullptr;
  const Node* decision = &runner_->node();
  if (runner_->choose_visible(visible_index) != StepResult::Ok) return false;
  trail_push();
  node_changed();
  chosen_ = chosen;
  chosen_at_ = decision;
  chosen_serial_ = node_serial_;
  after_runner_step();
  return true;
}

std::string AppModel::player_line() const {
  if (!chosen_ || chosen_serial_ != node_serial_ || screen_ != Screen::Play || !runner_) return "";
  if (!runner_->perspective().empty() && runner_->perspective() != scenario_->player.id) return "";
  if (!shows_player_line(*scenario_, *chosen_at_, runner_->node())) return "";
  return spoken_choice(text_.pick(chosen_->text));
}

bool AppModel::choose_id(const std::string& choice_id) {
  if (!runner_) return false;
  const auto shown = runner_->visible_choices();
  const auto& choices = runner_->node().choices;
  for (std::size_t i = 0; i < shown.size(); ++i) {
    if (choices[static_cast<std::size_t>(shown[i])].id == choice_id) {
      reveal_all();
      return choose(i);
    }
  }
  return false;
}

bool AppModel::answer_option(std::size_t index) {
  notice_.clear();  // a one-off message goes once the student moves on
  if (!runner_ || screen_ != Screen::Reflection || overlay_ != Overlay::None) return false;
  const auto& body = runner_->node().as<ReflectionBody>();
  if (body.scale || index >= body.options.size()) return false;
  runner_->answer(body.options[index].id);
  runner_->advance();
  trail_push();
  node_changed();
  after_runner_step();
  return true;
}

bool AppModel::answer_scale(int value) {
  notice_.clear();  // a one-off message goes once the student moves on
  if (!runner_ || screen_ != Screen::Reflection || overlay_ != Overlay::None) return false;
  if (runner_->answer_scale(value) != StepResult::Ok) return false;
  runner_->advance();
  trail_push();
  node_changed();
  after_runner_step();
  return true;
}

bool AppModel::skip_scene() {
  notice_.clear();  // a one-off message goes once the student moves on
  if (!runner_ || (screen_ != Screen::Play && screen_ != Screen::Reflection)) return false;
  if (!runner_->can_skip()) {
    // A decision with nowhere to skip to: leaving is still always possible.
    overlay_ = Overlay::ConfirmLeave;
    return true;
  }
  runner_->skip();
  overlay_ = Overlay::None;
  trail_push();
  node_changed();
  after_runner_step();
  return true;
}

bool AppModel::skip() {
  switch (screen_) {
    case Screen::Play: return skip_scene();
    case Screen::Reflection:
      // A question is not a scene: skipping it moves on without an answer, never to the
      // scene's skip route (which would leave the story's thread). The skip is sent, so
      // the class results count it.
      if (!runner_) return false;
      notice_.clear();
      overlay_ = Overlay::None;
      if (runner_->skip_question() != StepResult::Ok) return false;
      trail_push();
      node_changed();
      after_runner_step();
      return true;
    case Screen::PreSurvey:
    case Screen::PostSurvey: overlay_ = Overlay::None; return survey_skip_item();
    default: return false;
  }
}

bool AppModel::go_back() {
  notice_.clear();  // a one-off message goes once the student moves on
  if (!runner_ || (screen_ != Screen::Play && screen_ != Screen::Reflection) ||
      overlay_ != Overlay::None)
    return false;
  if (runner_->back() != StepResult::Ok) return false;
  trail_back_to_current();
  node_changed();
  reveal_all_ = true;  // the student has already read it
  after_runner_step();
  return true;
}

// --- 9. Actions: leaving, pausing and overlays ---

bool AppModel::request_leave() {
  if (!runner_ || screen_ == Screen::Finish) return false;
  overlay_ = Overlay::ConfirmLeave;
  return true;
}

bool AppModel::confirm_leave() {
  if (overlay_ != Overlay::ConfirmLeave) return false;
  clear_play_progress();
  finish_reason_ = FinishReason::Left;
  enter_screen(Screen::Finish);
  return true;
}

bool AppModel::pause() {
  if (overlay_ == Overlay::Pause) return false;
  overlay_ = Overlay::Pause;
  return true;
}

bool AppModel::resume() {
  if (overlay_ != Overlay::Pause) return false;
  overlay_ = Overlay::None;
  return true;
}

bool AppModel::open_help() {
  overlay_ = Overlay::Help;
  help_country_.clear();
  return true;
}

bool AppModel::toggle_help() {
  overlay_ = overlay_ == Overlay::Help ? Overlay::None : Overlay::Help;
  help_country_.clear();
  return true;
}

bool AppModel::open_settings() {
  overlay_ = Overlay::Settings;
  return true;
}

bool AppModel::close_overlay() {
  if (overlay_ == Overlay::None) return false;
  overlay_ = Overlay::None;
  help_country_.clear();
  return true;
}

bool AppModel::repeat_line() {
  if (!read_aloud_active()) return false;
  ++repeat_serial_;
  return true;
}

// --- 10. Actions: after the debrief, going back, quitting ---

bool AppModel::debrief_done() {
  if (screen_ != Screen::Debrief) return false;
  if (now_ - screen_entered_at_ < kEndingDwellSeconds) return false;
  if (survey() && flags().pre && !flags().post && !survey()->items.empty()) {
    survey_index_ = 0;
    enter_screen(Screen::PostSurvey);
    save_progress();
    return true;
  }
  clear_play_progress();
  finish_reason_ = FinishReason::Completed;
  enter_screen(Screen::Finish);
  return true;
}

bool AppModel::play_another() {
  if (screen_ != Screen::Finish) return false;
  picked_ = nullptr;
  if (in_class_ && connection_->status() == ClassStatus::SessionEnded) {
    leave_ended_class();
    return true;
  }
  enter_screen(Screen::Picker);
  return true;
}

bool AppModel::back_screen() {
  switch (screen_) {
    case Screen::Mode: enter_screen(Screen::Language); return true;
    case Screen::Join:
      if (joining_) return false;  // the answer is on its way; wait for it
      enter_screen(Screen::Mode);
      return true;
    case Screen::ClassWelcome:
    case Screen::Picker:
      // Back on the mode screen the student picks again; the class stays saved.
      in_class_ = false;
      if (connection_->session()) save_progress();
      enter_screen(Screen::Mode);
      return true;
    case Screen::ContentNote: return note_other();
    default: return false;
  }
}

bool AppModel::quit() {
  quit_ = true;
  return true;
}

}  // namespace upstander::app
