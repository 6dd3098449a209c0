// The tour: drives the model through every screen and, with StateSearch, to every node.
#include "tour.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>

#include "app_model.hpp"
#include "game_window.hpp"
#include "scripted_class_link.hpp"
#include "upstander/ui/imgui_window.hpp"
#include "upstander/ui/tour_report.hpp"
#include "upstander/state_search.hpp"

namespace upstander::app {

namespace {

class Tour {
 public:
  Tour(const ContentLibrary& lib, const TourOptions& o)
      : lib_(lib),
        o_(o),
        model_(lib, nullptr, sink_, connection_,
               o.language == "ko" ? "ko_KR.UTF-8" : "en_US.UTF-8"),
        report_(o.out_dir) {}

  int run() {
    model_.start();
    WindowOptions wo;
    wo.width = o_.width;
    wo.height = o_.height;
    wo.hidden = true;
    wo.assets_dir = o_.assets_dir;
    if (const auto opened = window_.open(model_, wo); !opened) {
      std::cerr << "upstander --tour: " << opened.error() << "\n";
      return 2;
    }
    window_.use_clock([this] { return clock_; });
    for (char32_t cp : window_.atlas().missing) {
      fail("atlas", "missing-glyph",
           "a content or UI text uses U+" + ui::TourReport::hex(cp) + ", which no font has");
    }
    Settings s = model_.settings();
    s.reduce_motion = true;  // every message shown: the tour checks that all of them fit
    s.show_drafts = true;    // drafts are checked too, before a teacher allows them
    if (o_.text_size >= 0) s.text_size = o_.text_size;
    model_.update_settings(s);

    shot("language");
    model_.choose_language(o_.language);
    shot("mode");
    join_class();
    play_in_class();
    model_.choose_solo();
    shot("picker");
    model_.open_help();
    shot("help");
    model_.close_overlay();
    model_.open_settings();
    shot("settings");
    model_.close_overlay();

    const auto offered = model_.offered_scenarios();
    for (std::size_t i = 0; i < offered.size(); ++i) scenario(i, *offered[i]);
    if (offered.empty()) fail("picker", "no-scenario", "no scenario loaded without errors");

    for (const auto& key : model_.text().missing()) fail("locale", "missing-string", key);
    return report_.finish("tour (" + o_.language + ", " + std::to_string(o_.width) + "x" +
                          std::to_string(o_.height) + ")");
  }

 private:
  void fail(const std::string& view, const std::string& kind, const std::string& what) {
    report_.fail(view, kind, what);
  }

  // Renders a view and checks its texts without writing a PNG (for the variants of one
  // screen, such as every join error).
  void check(const std::string& name) {
    window_.frame();
    window_.audit().clear();
    window_.frame();
    for (const auto& p : window_.audit().problems())
      fail(name, p.kind, p.where + ": " + p.detail + ": \"" + p.text + "\"");
  }

  void shot(const std::string& name) {
    // Two frames: child windows get their size on the first.
    window_.frame();
    window_.audit().clear();
    window_.frame();
    report_.shot(name, window_.audit(), [this](const std::filesystem::path& f) {
      return window_.imgui_window().write_png(f);
    });
  }

  bool restart(std::size_t index) {
    if (model_.runner()) {
      model_.request_leave();
      model_.confirm_leave();
    }
    if (model_.screen() == Screen::Finish) model_.play_another();
    return model_.pick_scenario(index) && model_.note_play();
  }

  bool walk(const Scenario& s, const std::vector<PathStep>& path) {
    for (const auto& step : path) {
      model_.reveal_all();
      bool ok = false;
      if (step.choice == kSkipMove) {
        ok = model_.skip_scene();
      } else if (step.choice < 0) {
        ok = model_.continue_story();
      } else {
        const auto& node = s.nodes[static_cast<std::size_t>(step.node)];
        ok = model_.choose_id(node.choices[static_cast<std::size_t>(step.choice)].id);
      }
      if (!ok) return false;
    }
    return true;
  }

  void scenario(std::size_t index, const Scenario& s) {
    model_.pick_scenario(index);
    shot(s.id + "-content-note");
    if (index == 0) {
      model_.note_sit_out();
      shot("finish-sat-out");
      model_.play_another();
      model_.pick_scenario(index);
    }
    model_.note_play();
    if (model_.screen() == Screen::PreSurvey) {
      shot("pre-survey");
      model_.survey_skip_all();
    }
    StateSearch search(s, 500000);
    bool overlays_done = index != 0;
    bool typing_done = false;
    bool post_done = false;
    for (std::size_t k = 0; k < s.nodes.size(); ++k) {
      const auto path = search.path_to(static_cast<int>(k));
      if (!path) continue;  // the validator reports unreachable nodes
      if (!restart(index)) {
        fail(s.id, "tour", "cannot start the scenario");
        return;
      }
      const Node& node = s.nodes[k];
      // Catch one chat mid-way, with the typing indicator, at the real pace.
      const bool animate =
          !typing_done && node.kind == NodeKind::Chat && node.as<ChatBody>().messages.size() > 1;
      if (animate) set_motion(false);
      if (!walk(s, *path) || !model_.runner() ||
          model_.runner()->node_index() != static_cast<int>(k)) {
        fail(s.id + "/" + node.id, "tour", "the path from the start did not reach this node");
        if (animate) set_motion(true);
        continue;
      }
      if (animate) {
        clock_ = model_.node_entered_at() + model_.settings().seconds_per_message() * 1.5;
        shot(s.id + "-" + node.id + "-arriving");
        set_motion(true);
        model_.reveal_all();
        typing_done = true;
      }
      shot(s.id + "-" + node.id);
      if (!overlays_done && node.is_decision()) {
        model_.pause();
        shot("pause");
        model_.resume();
        model_.request_leave();
        shot("leave");
        model_.close_overlay();
        large_text(s.id + "-" + node.id);
        overlays_done = true;
      }
      if (node.is_ending() && !post_done) {
        model_.tick(model_.now() + AppModel::kEndingDwellSeconds);  // the ending stays a moment
        model_.debrief_done();
        if (model_.screen() == Screen::PostSurvey) {
          shot("post-survey");
          model_.survey_skip_all();
        }
        shot("finish-completed");
        post_done = true;
      }
    }
    if (index == 0 && restart(index)) {
      model_.request_leave();
      model_.confirm_leave();
      shot("finish-left");
    }
  }

  // The class screens, with a scripted connection: the search, typing, every join error,
  // the welcome, and the mode screen offering the class again.
  void join_class() {
    ClassSession& s = connection_.offered;
    s.id = "tour-session";
    s.language = o_.language;
    s.pseudonym = {"calm", "otter", 42};
    s.scenarios = lib_.scenarios().empty() ? std::vector<const Scenario*>()
                                           : std::vector<const Scenario*>{lib_.scenarios().front()};
    s.survey = lib_.survey();
    connection_.discovery_finishes = false;
    model_.choose_class();
    shot("join-searching");
    connection_.finish_discovery();  // nothing found: the address field is the way in
    model_.join_select(JoinField::Address);
    for (char c : std::string("192.168.0.12:8080")) model_.join_type(c);
    model_.join_select(JoinField::Code);
    for (char c : std::string("9h5d")) model_.join_type(c);
    shot("join-typing");
    model_.join_type('O');
    check("join-hint");
    model_.join_submit();
    check("join-incomplete");
    for (char c : std::string("bf")) model_.join_type(c);
    for (JoinError f : {JoinError::NoServer, JoinError::BadAddress, JoinError::Unreachable,
                        JoinError::LobbyLocked, JoinError::SessionFull, JoinError::TooManyTries,
                        JoinError::BadContent, JoinError::ServerError, JoinError::LocalStorage}) {
      connection_.join_outcome = f;
      connection_.retry_after_seconds = 60;
      model_.join_submit();
      check("join-error-" + std::string(name_of(f)));
    }
    connection_.join_outcome = JoinError::UnknownCode;
    model_.join_submit();
    shot("join-error");
    connection_.join_outcome = JoinError::None;
    model_.join_submit();
    shot("class-welcome");
    model_.back_screen();
    shot("mode-class-saved");
    model_.back_to_class();
  }

  // Class play: the status line on the picker and the phone, offline with answers waiting,
  // data collection off, and a session the teacher ends.
  void play_in_class() {
    shot("class-picker");
    if (!model_.pick_scenario(0) || !model_.note_play()) {
      fail("class", "tour", "cannot start the class's scenario");
      return;
    }
    if (model_.screen() == Screen::PreSurvey) model_.survey_skip_all();
    connection_.set_status(ClassStatus::Offline);
    model_.reveal_all();
    model_.continue_story();
    shot("class-play-offline");
    connection_.set_status(ClassStatus::Sending);
    check("class-play-sending");
    connection_.offered.collecting = false;
    connection_.set_status(ClassStatus::NotCollecting);
    check("class-play-not-collecting");
    connection_.offered.collecting = true;
    connection_.set_status(ClassStatus::SessionEnded);
    shot("class-play-ended");
    model_.request_leave();
    model_.confirm_leave();
    model_.play_another();  // the class is over: back to the mode screen
    if (model_.screen() != Screen::Mode)
      fail("class", "tour", "an ended class did not return to the mode screen");
  }

  void set_motion(bool reduce) {
    Settings s = model_.settings();
    s.reduce_motion = reduce;
    model_.update_settings(s);
  }

  void large_text(const std::string& name) {
    const Settings before = model_.settings();
    Settings s = before;
    s.text_size = kTextSizeSteps - 1;
    s.high_contrast = true;
    model_.update_settings(s);
    shot(name + "-large-contrast");
    model_.update_settings(before);
  }

  const ContentLibrary& lib_;
  TourOptions o_;
  DiscardingSink sink_;
  ScriptedClassLink connection_;
  AppModel model_;
  GameWindow window_;
  ui::TourReport report_;
  double clock_ = 1000.0;
};

}  // namespace

int run_tour(const ContentLibrary& lib, const TourOptions& options) {
  Tour tour(lib, options);
  return tour.run();
}

}  // namespace upstander::app
