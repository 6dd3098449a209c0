// The student game without a window: which screen and overlay are showing, the settings,
// the scenario being played, the surveys, saving and resuming. The ImGui code only draws
// this model and calls its actions, so every rule here is tested headless.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cards_met.hpp"
#include "class_link.hpp"
#include "event_sink.hpp"
#include "help_view.hpp"
#include "join_form.hpp"
#include "progress_store.hpp"
#include "screen.hpp"
#include "settings.hpp"
#include "spoken_choice.hpp"
#include "ui_text.hpp"
#include "upstander/content_library.hpp"
#include "upstander/runner.hpp"

namespace upstander::app {

// Why the finish screen is showing: it thanks, and always lists help.
enum class FinishReason { Completed, SatOut, Left };

class AppModel {
 public:
  // `store` may be nullptr (the tour): then nothing is written. The library, sink and
  // connection must outlive the model. Solo play sends events to `solo_sink`; class play to
  // the connection's sink.
  AppModel(const ContentLibrary& lib, ProgressStore* store, EventSink& solo_sink,
           ClassLink& connection, std::string system_locale = "");

  // Reads settings and progress, picks up a class session saved on this computer, and
  // chooses the first screen: the language screen the first time, the scenario in progress
  // (solo or in class) after a restart, the class's scenarios if the student was in class,
  // else the mode screen.
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
  // A notice from outside the model (the platform's "another copy is open"), after start().
  void show_notice(std::string key) { notice_ = std::move(key); }
  bool quit_requested() const { return quit_; }
  FinishReason finish_reason() const { return finish_reason_; }

  // Solo: the loaded content (drafts only when allowed). In class: the session's
  // scenarios, exactly those the teacher chose; solo content is not mixed in.
  std::vector<const Scenario*> offered_scenarios() const;
  const Scenario* scenario() const { return scenario_; }
  // Chosen on the picker (the content note is about it); set while it is played too.
  const Scenario* picked() const { return picked_; }
  const Runner* runner() const { return runner_ ? &*runner_ : nullptr; }
  // What the student just said, when the choice that led to the node on screen was a line in
  // quotes ("Not funny. Delete it.") and the node is the conversation it was said in (see
  // shows_player_line): the chat shows it as their own message before the replies (issue 15
  // item 10). "" otherwise, on another person's phone, and once the student moves on.
  std::string player_line() const;
  // Changes whenever the node on screen changes, so the UI restarts its animations.
  std::uint64_t node_serial() const { return node_serial_; }
  // The time on the phone's status bar: the last time the story gave (a node's own, or
  // the first of a chat's messages), kept until a node sets a new one. Part of the saved
  // progress, so a restart shows the same time.
  const std::string& phone_clock() const { return phone_clock_; }
  // Chat and image-card nodes seen earlier in `thread_id` on the same phone, oldest first
  // (at most `max_nodes`): a chat shows its history above the new messages.
  std::vector<const Node*> earlier_in_thread(const std::string& thread_id,
                                             std::size_t max_nodes = 6) const;

  // Solo: content/surveys; in class: the session's survey (or none).
  const Survey* survey() const;
  // Solo: form A before play and B after; in class, the order the server assigned, so that
  // half the class sees each form first.
  SurveyOrder survey_order() const;
  SurveyPhase survey_phase() const {
    return screen_ == Screen::PostSurvey ? SurveyPhase::Post : SurveyPhase::Pre;
  }
  SurveyForm survey_form() const { return form_for(survey_order(), survey_phase()); }
  std::size_t survey_index() const { return survey_index_; }

  std::string country() const;
  HelpView help(const std::vector<HelpTopic>& lead_topics = {}) const;
  // The help overlay's list: the student's country, or the one "Another country" moved to.
  // That choice is the overlay's own: endings and the settings keep the student's country.
  HelpView help_overlay() const;
  bool help_next_country();

  // The excuse and thought cards met on this playthrough so far (for the ending).
  CardsMet cards_met() const;

  // Time in seconds from any monotonic clock; drives the pace at which messages appear.
  // Also brings finished class work (a join, a search) into view.
  void tick(double now) {
    now_ = now;
    poll_class();
    if (!invite_code_.empty()) apply_invite();
  }
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
  // S, the same everywhere (issue 15 item 16): the scene on the phone, the reflection
  // question (moving on without an answer) or the survey question on screen. Closes the
  // break it was pressed from.
  bool skip();
  bool go_back();
  bool request_leave();
  bool confirm_leave();
  bool pause();
  bool resume();
  bool open_help();
  bool toggle_help();
  bool open_settings();
  bool close_overlay();
  // Refused until the ending has been on screen for kEndingDwellSeconds (issue 15: a
  // class pressed Enter straight past it).
  bool debrief_done();
  static constexpr double kEndingDwellSeconds = 3.0;
  // Read-aloud: R (or "Listen again") says the line being heard again; refused while
  // read-aloud is off.
  bool repeat_line();
  std::uint64_t repeat_serial() const { return repeat_serial_; }
  // Set each frame by the platform: the settings offer read-aloud only where this device
  // has a voice for the student's language.
  void set_voice_available(bool available) { voice_available_ = available; }
  bool voice_available() const { return voice_available_; }
  bool read_aloud_active() const { return settings_.read_aloud && voice_available_; }
  bool play_another();
  bool back_screen();  // Esc on menu screens: one screen back
  bool quit();

  // --- Class mode (app_model_class.cpp).
  bool in_class() const { return in_class_; }
  // The session being played in class; nullptr in solo mode.
  const ClassSession* class_session() const;
  // A session saved on this computer that has not ended: the mode screen offers it.
  const ClassSession* resumable_class() const;
  // Any session the connection holds, played or not (its texts need glyphs).
  const ClassSession* held_session() const { return connection_->session(); }
  // Changes whenever the connection's session changes, so the window rebuilds its fonts.
  std::uint64_t class_content_serial() const { return class_serial_; }
  const JoinForm& join_form() const { return join_form_; }
  DiscoveryState class_discovery() const { return connection_->discovery(); }
  bool class_asks_address() const { return connection_->asks_address(); }
  bool joining() const { return joining_; }
  // The last join error in the student's language; "" if none.
  std::string join_error_text() const;
  ClassStatus class_status() const { return connection_->status(); }
  std::size_t class_pending() const { return connection_->pending(); }
  // The pseudonym ("Calm otter 42") in the student's language; "" without a session.
  std::string class_name() const;
  // The line every class screen shows: who the student is here and how the answers are
  // getting on ("Calm otter 42 · Connected to the class"). "" in solo mode.
  std::string class_status_line() const;
  // The join screen takes letters and digits as text.
  bool typing() const { return screen_ == Screen::Join && overlay_ == Overlay::None; }

  bool join_type(char c);
  bool join_erase();
  bool join_select(JoinField f);
  bool join_submit();
  bool join_search_again();
  bool class_welcome_done();
  bool back_to_class();  // the saved session, from the mode screen
  // The game was opened with a class's address (the QR's ?code=CODE): the join screen with
  // the code typed in, one confirm to join, as soon as the student reaches the mode screen.
  // A scenario being resumed is not interrupted; the invitation then waits.
  void invite(const std::string& code);
  const std::string& pending_invite() const { return invite_code_; }
  // Takes in what the connection finished since the last call. tick() calls it.
  void poll_class();

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
  const Scenario* find_offered(const std::string& id) const;
  nlohmann::json progress_json() const;
  void restore_class_progress(const nlohmann::json& progress);
  void enter_class(Screen s);
  void joined();
  void leave_ended_class();
  void apply_invite();

  const ContentLibrary* lib_;
  ProgressStore* store_;
  EventSink* solo_sink_;
  ClassLink* connection_;
  std::string system_locale_;

  Settings settings_;
  UiText text_;
  Screen screen_ = Screen::Language;
  Overlay overlay_ = Overlay::None;
  std::string notice_;
  bool quit_ = false;
  bool in_class_ = false;
  JoinForm join_form_;
  bool joining_ = false;
  std::string invite_code_;  // from the page's address, until the mode screen shows
  std::string join_error_;   // a locale key
  int join_retry_after_ = 0;
  std::string class_seen_;  // the id of the session the fonts were last told about
  std::uint64_t class_serial_ = 0;
  bool class_active_ = false;  // saved: the student was in class when the game closed
  bool end_noticed_ = false;
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
  std::string phone_clock_;

  // Each survey is asked once before and once after play: once solo, and once per class
  // session (the class's own measurement).
  struct SurveyFlags {
    bool pre = false;
    bool post = false;
  };
  SurveyFlags& flags() { return in_class_ ? class_flags_ : solo_flags_; }
  const SurveyFlags& flags() const { return in_class_ ? class_flags_ : solo_flags_; }
  SurveyFlags solo_flags_;
  SurveyFlags class_flags_;
  std::size_t survey_index_ = 0;

  double now_ = 0.0;
  double screen_entered_at_ = 0.0;
  double entered_at_ = 0.0;
  bool reveal_all_ = false;
  bool voice_available_ = false;
  const Choice* chosen_ = nullptr;   // the last choice made, for player_line()
  const Node* chosen_at_ = nullptr;  // the decision it was made at
  std::uint64_t chosen_serial_ = 0;  // the node it led to
  std::uint64_t repeat_serial_ = 0;
  std::string help_country_;  // "" = the student's country; set only while help is open
};

}  // namespace upstander::app
