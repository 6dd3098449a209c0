// The teacher dashboard without any drawing: which screen is up, the session being set up
// or run, the class's published results, the debrief's position, past sessions and the
// settings. Everything it knows about the class comes through an ApiChannel (a worker
// thread natively, fetch() in the browser); update() applies the answers on the UI thread.
// Tests drive it without a window.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "api_channel.hpp"
#include "api_types.hpp"
#include "dashboard_settings.hpp"
#include "dashboard_text.hpp"
#include "desktop_open.hpp"
#include "upstander/content_library.hpp"
#include "upstander/discussion_guide.hpp"

namespace upstander::dashboard {

// The dashboard's modes (top bar tabs) and the class session's steps. Author mode (issue
// 7) joins as another Mode; see docs/dashboard.md.
enum class Mode { Session, Results, Settings, Author };
enum class Screen { Setup, Lobby, Live, Debrief };
enum class Confirm { None, EndSession, DeleteSession };

struct SetupChoices {
  std::vector<std::string> scenarios;  // in play order
  std::string language = "ko";
  bool survey = true;
  bool collect = true;
  bool allow_drafts = false;
  int k = 5;
  std::string name;  // the class's name, e.g. "2학년 3반"; "" for none
};

// Adding a scenario pack to the server: from the Setup screen's path field or the author
// mode's "Use in class". `problems` are the server's diagnostics when it refused the file.
struct PackUpload {
  bool pending = false;
  bool ok = false;
  std::string scenario_id;            // the pack's id once added
  std::vector<std::string> problems;  // "pack.json:143:17: error[unknown-node]: ..."
  std::uint64_t serial = 0;           // grows with every answer
};

struct DebriefPoint {
  std::size_t scenario = 0;  // index into the summary's scenarios
  std::size_t decision = 0;  // index into that scenario's decisions
};

struct DashboardConfig {
  std::string content_dir;    // for the teacher guide
  std::string settings_path;  // dashboard.json
  std::string join_host;      // what students type ("192.168.0.12"), "" = the server's host
  // Every LAN address of this computer when it has several (wired and Wi-Fi): the lobby
  // lets the teacher pick the one the students' network reaches. Overrides join_host.
  std::vector<std::string> join_hosts;
  bool join_by_name = false;  // join_host is this computer's name: it has no LAN address
  double poll_seconds = 0.5;  // while a session runs
  OpenPath open_path;         // opens a saved export; empty: "open" is not offered
  SaveExport save_export;     // empty: exports are files in the export folder
};

class ApiClient;

class Dashboard {
 public:
  Dashboard(std::unique_ptr<ApiChannel> calls, const ContentLibrary& lib,
            DashboardSettings settings, DashboardConfig config);
  // Natively: the calls go through `api` on a worker thread (dashboard_native.cpp).
  Dashboard(const ApiClient& api, const ContentLibrary& lib, DashboardSettings settings,
            DashboardConfig config);
  ~Dashboard();

  // Once per frame on the UI thread: applies finished calls, polls the running session.
  void update(double now);
  // Waits for every call (and the calls their answers start) and applies them.
  void settle();
  // Loads the scenario list, the server settings and past sessions (and resumes a session
  // that is still running).
  void refresh_all();

  // The words on screen: the running session's language on its lobby, live view and
  // debrief (they are projected to the class), the dashboard's own language elsewhere.
  const DashboardText& text() const { return showing_session() ? session_text_ : text_; }
  const DashboardSettings& local() const { return local_; }
  const DiscussionGuide& guide() const { return showing_session() ? session_guide_ : guide_; }
  bool showing_session() const {
    return mode_ == Mode::Session && screen_ != Screen::Setup && current_;
  }
  Mode mode() const { return mode_; }
  Screen screen() const { return screen_; }
  void show_mode(Mode m);
  void show_screen(Screen s);
  bool reachable() const { return reachable_; }
  // A message for the teacher (already in the dashboard language), "" when none.
  const std::string& notice() const { return notice_; }
  const std::string& notice_key() const { return notice_key_; }  // its locale key
  void dismiss_notice() {
    notice_.clear();
    notice_key_.clear();
  }

  // Setup.
  const Catalog& catalog() const { return catalog_; }
  const SetupChoices& setup() const { return setup_; }
  void toggle_scenario(const std::string& id);
  void set_language(const std::string& lang) { setup_.language = lang; }
  std::string& setup_name() { return setup_.name; }  // the Setup screen's field
  void set_survey(bool on) { setup_.survey = on; }
  void set_collect(bool on) { setup_.collect = on; }
  void set_allow_drafts(bool on);
  // Scenario packs (dashboard_packs.cpp). The catalog is reloaded when one is added.
  void add_pack(std::string scenario_text);
  // Reads the file named by pack_path() (or `path`) and adds it; false (with a notice)
  // when it cannot be read.
  bool add_pack_file(const std::string& path);
  const PackUpload& pack_upload() const { return pack_; }
  std::string& pack_path() { return pack_path_; }  // the Setup screen's field
  // Languages every chosen scenario has ("ko", "en").
  std::vector<std::string> setup_languages() const;
  bool can_start() const;
  void start_session();

  // The running session.
  const std::optional<SessionInfo>& current() const { return current_; }
  const std::optional<Summary>& live() const { return live_; }
  void set_locked(bool locked);
  void request_end() { confirm_ = Confirm::EndSession; }
  std::string join_host_port() const;
  const std::vector<std::string>& join_host_choices() const { return config_.join_hosts; }
  std::size_t join_host_choice() const { return join_choice_; }
  bool join_by_name() const { return config_.join_by_name; }
  void choose_join_host(std::size_t i) {
    if (i < config_.join_hosts.size()) join_choice_ = i;
  }
  double last_results_at() const { return live_at_; }  // when live() last changed
  // Asks for the running session's numbers now instead of at the next poll. With a poll
  // already on its way (it may be the lobby's progress-only one, or older than what the
  // caller knows happened), another follows as soon as it is back.
  void poll_now() {
    if (!current_) return;
    if (polling_)
      poll_again_ = true;
    else
      poll();
  }

  // Debrief.
  std::vector<DebriefPoint> debrief_points() const;
  std::size_t debrief_index() const { return point_; }
  void next_point();
  void previous_point();
  bool preview() const { return preview_; }
  void toggle_preview() { preview_ = !preview_; }
  bool revealed() const;
  void reveal();

  // Results.
  const std::vector<SessionInfo>& sessions() const { return sessions_; }
  void select_session(const std::string& id);
  const std::optional<Summary>& selected() const { return selected_; }
  void compare_with(const std::string& id);  // "" ends comparing
  // "Compare with...": the next session clicked in the list becomes the second one.
  void pick_compare(bool on) { picking_ = on; }
  bool picking_compare() const { return picking_; }
  // A click on a session in the list: opens it, or compares it while picking.
  void click_session(const std::string& id);
  const std::optional<Summary>& compared() const { return compared_; }
  // Writes the selected session's export into the export folder (or hands it to
  // config.save_export): "csv", "json" or "html".
  void export_selected(const std::string& format);
  const std::string& last_export() const { return last_export_; }
  bool can_open_exports() const { return config_.open_path && !last_export_.empty(); }
  // The "saved" notice offers to open what was saved.
  bool notice_offers_open() const {
    return can_open_exports() && notice_key_ == "teacher.export.saved";
  }
  void open_export_folder();  // the folder the last export was saved in
  void open_last_export();    // the file itself: the report opens in the browser, ready to print
  void request_delete() { confirm_ = Confirm::DeleteSession; }

  Confirm confirm() const { return confirm_; }
  void accept_confirm();
  void cancel_confirm() { confirm_ = Confirm::None; }

  // Settings.
  // True when exports are downloads (the browser), not files in the export folder.
  bool exports_download() const { return static_cast<bool>(config_.save_export); }
  // The passphrase a teacher's browser on another computer signs in with (stored on the
  // server as a slow hash). The field is the Settings screen's; cleared once it is saved.
  std::string& passphrase_field() { return passphrase_; }
  void set_passphrase();
  const ServerSettings& server_settings() const { return server_settings_; }
  void save_server_settings(const ServerSettings& s);
  void update_local(const DashboardSettings& s);

 private:
  void set_notice(const std::string& key, const TextArgs& args = {});
  void answered();
  void failed(const ApiResult& r);
  void load_sessions(bool resume);
  void load_catalog(bool reset_survey);
  void poll();
  void apply_session(const SessionInfo& s);
  void set_current(const SessionInfo& s);  // and the words its screens are shown in
  void end_session();
  void delete_selected();
  std::string write_export(const std::string& name, const std::string& body);

  std::unique_ptr<ApiChannel> calls_;
  const ContentLibrary& lib_;
  DashboardSettings local_;
  DashboardConfig config_;
  std::size_t join_choice_ = 0;
  DashboardText text_;
  DiscussionGuide guide_;
  DashboardText session_text_;
  DiscussionGuide session_guide_;

  Mode mode_ = Mode::Session;
  Screen screen_ = Screen::Setup;
  Confirm confirm_ = Confirm::None;
  bool reachable_ = true;
  std::string notice_;
  std::string notice_key_;

  Catalog catalog_;
  SetupChoices setup_;
  ServerSettings server_settings_;
  bool setup_touched_ = false;
  PackUpload pack_;
  std::string pack_path_;

  std::optional<SessionInfo> current_;
  std::optional<Summary> live_;
  double live_at_ = 0.0;
  double now_ = 0.0;
  double last_poll_ = -1e9;
  bool polling_ = false;
  bool poll_again_ = false;

  std::size_t point_ = 0;
  bool preview_ = false;
  std::set<std::string> revealed_;  // "scenario/node"

  std::string passphrase_;

  std::vector<SessionInfo> sessions_;
  std::optional<Summary> selected_;
  std::optional<Summary> compared_;
  std::string last_export_;
  bool picking_ = false;
};

}  // namespace upstander::dashboard
