// The student game without a window: which screen and overlay are showing, the settings,
// the scenario being played, the surveys, saving and resuming. The ImGui code only draws
// this model and calls its actions, so every rule here is tested headless.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "class_connection.hpp"
#include "event_sink.hpp"
#include "help_view.hpp"
#include "progress_store.hpp"
#include "screen.hpp"
#include "settings.hpp"
#include "ui_text.hpp"
#include "upstander/content_library.hpp"
#include "upstander/runner.hpp"

namespace upstander::app {

// Why the finish screen is showing: it thanks, and always lists help.
enum class FinishReason { Completed, SatOut, Left };

class AppModel {
 public:
  // `store` may be nullptr (the tour): then nothing is written. The library, sink and
  // connection must outlive the model.
  AppModel(const ContentLibrary& lib, ProgressStore* store, EventSink& solo_sink,
           ClassConnection& connection, std::string system_locale = "");

  // Reads settings and progress and chooses the first screen: the language screen the
  // first time, the scenario in progress after a restart, else the mode screen.
  void start();

  Screen screen() const { return screen_; }
  Overlay overlay() const { return overlay_; }
  const Settings& settings() const { return settings_; }
  void update_settings(const Settings& s);
  const UiText& text() const { return text_; }
  const ContentLibrary& library() const { return *lib_; }
  // A locale key for a one-off message ("welcome back", "this part changed"); "" if none.
  const std::string& notice() const { return notice_; }
  void dismiss_notice() { notice_.clear(); }
  bool quit_requested() const { return quit_; }
  FinishReason finish_reason() const { return finish_reason_; }

  std::vector<const Scenario*> offered_scenarios() const;
  const Scenario* scenario() const { return scenario_; }
  // Chosen on the picker (the content note is about it); set while it is played too.
  const Scenario* picked() const { return picked_; }
  const Runner* runner() const { return runner_ ? &*runner_ : nullptr; }
  // Changes whenever the node on screen changes, so the UI restarts its animations.
  std::uint64_t node_serial() const { return node_serial_; }
  // Chat and image-card nodes seen earlier in `thread_id` on the same phone, oldest first
  // (at most `max_nodes`): a chat shows its history above the new messages.
  std::vector<const Node*> earlier_in_thread(const std::string& thread_id,
                                             std::size_t max_nodes = 6) const;

  const Survey* survey() const { return lib_->survey(); }
  SurveyForm survey_form() const {
    return screen_ == Screen::PostSurvey ? SurveyForm::B : SurveyForm::A;
  }
  std::size_t survey_index() const { return survey_index_; }

  std::string country() const;
  HelpView help(const std::vector<HelpTopic>& lead_topics = {}) const;

  // Time in seconds from any monotonic clock; drives the pace at which messages appear.
  void tick(double now) { now_ = now; }
  double now() const { return now_; }
  double node_entered_at() const { return entered_at_; }
  std::size_t revealed_items() const;
  std::size_t total_items() const;
  bool fully_revealed() const { return revealed_items() >= total_items(); }
  void reveal_all() { reveal_all_ = true; }

  // Actions. Each returns true when it changed something.
  bool choose_language(const std::string& code);
  bool choose_solo();
  bool choose_class();
  bool pick_scenario(std::size_t offered_index);
  bool note_play();
  bool note_other();
  bool note_sit_out();
  bool survey_answer(int value);
  bool survey_skip_item();
  bool survey_skip_all();
  bool continue_story();
  bool choose(std::size_t visible_index);
  bool choose_id(const std::string& choice_id);
  bool answer_option(std::size_t index);
  bool answer_scale(int value);
  bool skip_scene();
  bool go_back();
  bool request_leave();
  bool confirm_leave();
  bool pause();
  bool resume();
  bool open_help();
  bool toggle_help();
  bool open_settings();
  bool close_overlay();
  bool debrief_done();
  bool play_another();
  bool back_screen();  // Esc on menu screens: one screen back
  bool quit();

 private:
  void enter_screen(Screen s);
  void begin_scenario();
  void after_runner_step();
  void node_changed();
  void save_progress() const;
  void clear_play_progress();
  void resume_from(const nlohmann::json& progress);
  EventSink& sink() const;
  void flush_events();

  const ContentLibrary* lib_;
  ProgressStore* store_;
  EventSink* solo_sink_;
  ClassConnection* connection_;
  std::string system_locale_;

  Settings settings_;
  UiText text_;
  Screen screen_ = Screen::Language;
  Overlay overlay_ = Overlay::None;
  std::string notice_;
  bool quit_ = false;
  bool in_class_ = false;
  FinishReason finish_reason_ = FinishReason::Completed;

  // The nodes the student has seen in this playthrough and on whose phone, for chat
  // history. Saved with the progress.
  struct TrailStep {
    int node = -1;
    std::string perspective;
  };
  void trail_push();
  void trail_back_to_current();
  nlohmann::json trail_json() const;
  void trail_from_json(const nlohmann::json& j);
  std::vector<TrailStep> trail_;

  const Scenario* picked_ = nullptr;    // chosen on the picker, not yet started
  const Scenario* scenario_ = nullptr;  // being played
  std::optional<Runner> runner_;
  std::uint64_t node_serial_ = 0;

  bool pre_done_ = false;
  bool post_done_ = false;
  std::size_t survey_index_ = 0;

  double now_ = 0.0;
  double entered_at_ = 0.0;
  bool reveal_all_ = false;
};

}  // namespace upstander::app
