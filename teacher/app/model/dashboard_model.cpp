// The dashboard's flow. Calls go to the worker; each answer is applied in update().
//
// Index:
//   1. Lifetime, updates and notices
//   2. Catalog, settings and sessions from the server
//   3. Screens and session setup
//   4. The live session: polling, lock, join address
//   5. Debrief points and reveals
//   6. Ending, choosing and comparing sessions
//   7. Exports and deletion
//   8. Server and local settings

#include "dashboard_model.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "join_address.hpp"
#include "report_html.hpp"
#include "time_text.hpp"

namespace upstander::dashboard {

namespace {

using json = nlohmann::json;

}  // namespace

Dashboard::Dashboard(std::unique_ptr<ApiChannel> calls, const ContentLibrary& lib,
                     DashboardSettings settings, DashboardConfig config)
    : calls_(std::move(calls)),
      lib_(lib),
      local_(std::move(settings)),
      config_(std::move(config)),
      text_(lib, local_.language),
      guide_(DiscussionGuide::load(guide_path(config_.content_dir, local_.language))),
      session_text_(lib, local_.language),
      session_guide_(guide_) {
  setup_.language = local_.language;
}

// --- 1. Lifetime, updates and notices ---

Dashboard::~Dashboard() {
  calls_.reset();  // no answer may arrive once the model is gone
}

void Dashboard::update(double now) {
  now_ = now;
  calls_->apply_finished();
  const bool running =
      current_ && !current_->ended() && mode_ == Mode::Session && screen_ != Screen::Setup;
  if (running && !polling_ && now - last_poll_ >= config_.poll_seconds) poll();
}

void Dashboard::settle() {
  do {
    calls_->wait_idle();
  } while (calls_->apply_finished() > 0 || !calls_->idle());
}

void Dashboard::set_notice(const std::string& key, const TextArgs& args) {
  notice_ = text_(key, args);
  notice_key_ = key;
}

void Dashboard::answered() {
  reachable_ = true;
  // The network came back: the "cannot reach" notice no longer holds.
  if (notice_key_ == "teacher.error.unreachable") dismiss_notice();
}

void Dashboard::failed(const ApiResult& r) {
  // Also an answer that came but could not be read: the server's error, without a code.
  const int status = status_of(r);
  reachable_ = status != 0;
  if (status == 0)
    set_notice("teacher.error.unreachable", {{"server", calls_->server().text()}});
  else
    set_notice("teacher.error.server", {{"code", r.ok() ? std::string() : r.error().code}});
}

// --- 2. Catalog, settings and sessions from the server ---

void Dashboard::load_catalog(bool reset_survey) {
  calls_->send(api::scenarios(), [this, reset_survey](const ApiResult& r) {
    const auto c = r.ok() ? parse_catalog(r->body) : std::nullopt;
    if (!c) return failed(r);
    answered();
    catalog_ = *c;
    if (reset_survey) setup_.survey = catalog_.survey_available;
  });
}

void Dashboard::refresh_all() {
  load_catalog(true);
  calls_->send(api::settings(), [this](const ApiResult& r) {
    const auto s = r.ok() ? parse_settings(r->body) : std::nullopt;
    if (!s) return failed(r);
    server_settings_ = *s;
    if (!setup_touched_) setup_.k = s->default_k;
  });
  load_sessions(true);
}

void Dashboard::load_sessions(bool resume) {
  calls_->send(api::sessions(), [this, resume](const ApiResult& r) {
    if (!r.ok() || !r->body.contains("sessions") || !r->body["sessions"].is_array())
      return failed(r);
    sessions_.clear();
    for (const auto& j : r->body["sessions"]) {
      if (auto s = parse_session(j)) sessions_.push_back(*s);
    }
    if (resume && !current_) {
      // A dashboard restarted during a lesson finds the class where it was.
      for (const auto& s : sessions_) {
        if (!s.ended()) {
          set_current(s);
          screen_ = Screen::Live;
          break;
        }
      }
    }
  });
}

// --- 3. Screens and session setup ---

void Dashboard::show_mode(Mode m) {
  mode_ = m;
  if (m == Mode::Results) load_sessions(false);
}

void Dashboard::show_screen(Screen s) {
  mode_ = Mode::Session;
  if (s != Screen::Setup && !current_) s = Screen::Setup;
  screen_ = s;
  if (s == Screen::Debrief && point_ >= debrief_points().size()) point_ = 0;
  last_poll_ = -1e9;  // fresh numbers for the new screen
}

void Dashboard::toggle_scenario(const std::string& id) {
  setup_touched_ = true;
  auto it = std::find(setup_.scenarios.begin(), setup_.scenarios.end(), id);
  if (it != setup_.scenarios.end()) {
    setup_.scenarios.erase(it);
    return;
  }
  const auto s = std::find_if(catalog_.scenarios.begin(), catalog_.scenarios.end(),
                              [&](const CatalogScenario& c) { return c.id == id; });
  if (s == catalog_.scenarios.end() || (s->draft() && !setup_.allow_drafts)) return;
  setup_.scenarios.push_back(id);
  const auto langs = setup_languages();
  if (!langs.empty() && std::find(langs.begin(), langs.end(), setup_.language) == langs.end())
    setup_.language = langs.front();
}

void Dashboard::set_allow_drafts(bool on) {
  setup_.allow_drafts = on;
  if (on) return;
  // Drafts leave the selection with the permission.
  std::erase_if(setup_.scenarios, [&](const std::string& id) {
    return std::any_of(catalog_.scenarios.begin(), catalog_.scenarios.end(),
                       [&](const CatalogScenario& c) { return c.id == id && c.draft(); });
  });
}

std::vector<std::string> Dashboard::setup_languages() const {
  std::vector<std::string> out;
  for (const char* lang : {"ko", "en"}) {
    const bool all =
        std::all_of(setup_.scenarios.begin(), setup_.scenarios.end(), [&](const std::string& id) {
          return std::any_of(
              catalog_.scenarios.begin(), catalog_.scenarios.end(), [&](const CatalogScenario& c) {
                return c.id == id &&
                       std::find(c.locales.begin(), c.locales.end(), lang) != c.locales.end();
              });
        });
    if (all) out.emplace_back(lang);
  }
  return out;
}

bool Dashboard::can_start() const {
  const auto langs = setup_languages();
  return !setup_.scenarios.empty() &&
         std::find(langs.begin(), langs.end(), setup_.language) != langs.end();
}

void Dashboard::start_session() {
  if (!can_start()) return;
  json req = {{"scenarios", setup_.scenarios},
              {"language", setup_.language},
              {"k", setup_.k},
              {"collect", setup_.collect},
              {"allow_drafts", setup_.allow_drafts}};
  if (catalog_.survey_available) req["survey"] = setup_.survey;
  if (!setup_.name.empty()) req["name"] = setup_.name;
  calls_->send(api::create_session(req), [this](const ApiResult& r) {
    const auto s = r.ok() ? parse_session(r->body) : std::nullopt;
    if (!s) return failed(r);
    set_current(*s);
    live_.reset();
    revealed_.clear();
    point_ = 0;
    preview_ = false;
    mode_ = Mode::Session;
    screen_ = Screen::Lobby;
    last_poll_ = -1e9;
  });
}

// --- 4. The live session: polling, lock, join address ---

void Dashboard::poll() {
  polling_ = true;
  last_poll_ = now_;
  const std::string id = current_->id;
  const bool full = screen_ != Screen::Lobby;
  calls_->send(full ? api::summary(id) : api::progress(id), [this, id, full](const ApiResult& r) {
    polling_ = false;
    if (poll_again_ && current_) {
      poll_again_ = false;
      poll();
    }
    if (!current_ || current_->id != id) return;
    const auto s = r.ok() ? parse_summary(r->body) : std::nullopt;
    if (!s) return failed(r);
    answered();
    apply_session(s->session);
    // The lobby asks only for progress; keep the last full summary's decisions.
    if (!full && live_ && s->scenarios.size() == live_->scenarios.size()) {
      live_->session = s->session;
      live_->stages = s->stages;
      live_->funnel = s->funnel;
      for (std::size_t i = 0; i < s->scenarios.size(); ++i)
        live_->scenarios[i].progress = s->scenarios[i].progress;
    } else {
      live_ = *s;
    }
    live_at_ = now_;
  });
}

void Dashboard::set_current(const SessionInfo& s) {
  current_ = s;
  if (s.language.empty() || s.language == session_text_.language()) return;
  session_text_.set_language(s.language);
  session_guide_ = DiscussionGuide::load(guide_path(config_.content_dir, s.language));
}

void Dashboard::apply_session(const SessionInfo& s) {
  if (current_ && current_->id == s.id) current_ = s;
  for (auto& x : sessions_) {
    if (x.id == s.id) x = s;
  }
}

void Dashboard::set_locked(bool locked) {
  if (!current_) return;
  const std::string id = current_->id;
  calls_->send(api::session_action(id, locked ? "lock" : "unlock"), [this](const ApiResult& r) {
    const auto s = r.ok() ? parse_session(r->body) : std::nullopt;
    if (!s) return failed(r);
    apply_session(*s);
  });
}

std::string Dashboard::join_host_port() const {
  ServerUrl url = calls_->server();
  if (join_choice_ < config_.join_hosts.size()) {
    url.host = config_.join_hosts[join_choice_];
  } else if (!config_.join_host.empty()) {
    url.host = config_.join_host;
  } else if (is_loopback(url.host)) {
    // A server on this computer (`serve` in another window): students reach it at this
    // computer's LAN address, never at 127.0.0.1.
    const auto lan = local_addresses();
    if (!lan.empty()) url.host = lan.front();
  }
  return url.text();
}

// --- 5. Debrief points and reveals ---

std::vector<DebriefPoint> Dashboard::debrief_points() const {
  std::vector<DebriefPoint> out;
  if (!live_) return out;
  for (std::size_t s = 0; s < live_->scenarios.size(); ++s) {
    for (std::size_t d = 0; d < live_->scenarios[s].decisions.size(); ++d) out.push_back({s, d});
  }
  return out;
}

void Dashboard::next_point() {
  const auto n = debrief_points().size();
  if (n > 0 && point_ + 1 < n) {
    ++point_;
    preview_ = false;
  }
}

void Dashboard::previous_point() {
  if (point_ > 0) {
    --point_;
    preview_ = false;
  }
}

namespace {

std::string point_key(const Summary& s, const DebriefPoint& p) {
  return s.scenarios[p.scenario].id + "/" + s.scenarios[p.scenario].decisions[p.decision].node;
}

}  // namespace

bool Dashboard::revealed() const {
  const auto points = debrief_points();
  if (point_ >= points.size()) return false;
  return revealed_.count(point_key(*live_, points[point_])) > 0;
}

void Dashboard::reveal() {
  const auto points = debrief_points();
  if (point_ >= points.size()) return;
  revealed_.insert(point_key(*live_, points[point_]));
  preview_ = false;
}

// --- 6. Ending, choosing and comparing sessions ---

void Dashboard::accept_confirm() {
  const Confirm c = confirm_;
  confirm_ = Confirm::None;
  if (c == Confirm::EndSession) end_session();
  if (c == Confirm::DeleteSession) delete_selected();
}

void Dashboard::end_session() {
  if (!current_) return;
  const std::string id = current_->id;
  calls_->send(api::session_action(id, "end"), [this, id](const ApiResult& r) {
    const auto s = r.ok() ? parse_session(r->body) : std::nullopt;
    if (!s) return failed(r);
    current_.reset();
    live_.reset();
    screen_ = Screen::Setup;
    mode_ = Mode::Results;
    load_sessions(false);
    select_session(id);
  });
}

void Dashboard::select_session(const std::string& id) {
  compared_.reset();
  calls_->send(api::summary(id), [this](const ApiResult& r) {
    const auto s = r.ok() ? parse_summary(r->body) : std::nullopt;
    if (!s) return failed(r);
    selected_ = *s;
  });
}

void Dashboard::click_session(const std::string& id) {
  const bool other = selected_ && selected_->session.id != id;
  if (picking_ && other)
    compare_with(id);
  else
    select_session(id);
  picking_ = false;
}

void Dashboard::compare_with(const std::string& id) {
  if (id.empty()) {
    compared_.reset();
    return;
  }
  calls_->send(api::summary(id), [this](const ApiResult& r) {
    const auto s = r.ok() ? parse_summary(r->body) : std::nullopt;
    if (!s) return failed(r);
    compared_ = *s;
  });
}

// --- 7. Exports and deletion ---

std::string Dashboard::write_export(const std::string& name, const std::string& body) {
  if (config_.save_export) {
    // The browser: a download, or the report in a new tab.
    const SavedExport saved = config_.save_export(name, body);
    if (!saved.ok) {
      set_notice("teacher.export.failed", {{"path", name}});
      return {};
    }
    last_export_ = saved.where;
    set_notice(saved.notice, {{"path", saved.where}});
    return last_export_;
  }
  const std::filesystem::path dir = local_.export_folder();
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const std::filesystem::path file = dir / name;
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << body;
  out.close();
  if (!out) {
    set_notice("teacher.export.failed", {{"path", file.string()}});
    return {};
  }
  last_export_ = file.string();
  set_notice("teacher.export.saved", {{"path", last_export_}});
  return last_export_;
}

void Dashboard::export_selected(const std::string& format) {
  if (!selected_) return;
  const std::string base = "upstander-" +
                           local_time(selected_->session.created_at, TimeStyle::FileName) + "-" +
                           selected_->session.id;
  if (format == "html") {
    // In the class's language, like the numbers and texts the server sent for it.
    const std::string& lang =
        selected_->session.language.empty() ? local_.language : selected_->session.language;
    const DashboardText words(lib_, lang);
    write_export(base + ".html",
                 report_html(*selected_, words,
                             DiscussionGuide::load(guide_path(config_.content_dir, lang))));
    return;
  }
  const std::string id = selected_->session.id;
  calls_->send(api::export_file(id, format), [this, format, base](const ApiResult& r) {
    if (!r.ok()) return failed(r);
    write_export(base + "." + format, r->raw);
  });
}

void Dashboard::open_export_folder() {
  if (!can_open_exports()) return;
  const std::string folder = std::filesystem::path(last_export_).parent_path().string();
  if (!config_.open_path(folder)) set_notice("teacher.export.open_failed", {{"path", folder}});
}

void Dashboard::open_last_export() {
  if (!can_open_exports()) return;
  if (!config_.open_path(last_export_))
    set_notice("teacher.export.open_failed", {{"path", last_export_}});
}

void Dashboard::delete_selected() {
  if (!selected_) return;
  const std::string id = selected_->session.id;
  calls_->send(api::delete_session(id), [this](const ApiResult& r) {
    if (!r.ok()) return failed(r);
    selected_.reset();
    compared_.reset();
    set_notice("teacher.results.deleted");
    load_sessions(false);
  });
}

// --- 8. Server and local settings ---

void Dashboard::save_server_settings(const ServerSettings& wanted) {
  const json body = {{"retention_days", wanted.retention_days},
                     {"default_k", wanted.default_k},
                     {"default_max_players", wanted.default_max_players}};
  calls_->send(api::put_settings(body), [this](const ApiResult& r) {
    const auto s = r.ok() ? parse_settings(r->body) : std::nullopt;
    if (!s) return failed(r);
    server_settings_ = *s;
    if (!setup_touched_) setup_.k = s->default_k;
    set_notice("teacher.settings.saved");
  });
}

void Dashboard::set_passphrase() {
  if (passphrase_.empty()) return;
  ApiRequest put = api::put("/api/v1/teacher/passphrase", {{"passphrase", passphrase_}});
  calls_->send(std::move(put), [this](const ApiResult& r) {
    if (!r.ok() && r.error().code == "passphrase_too_short") {
      set_notice("teacher.settings.passphrase_short");
      return;
    }
    if (!r.ok()) return failed(r);
    passphrase_.clear();
    set_notice("teacher.settings.passphrase_saved");
  });
}

void Dashboard::update_local(const DashboardSettings& s) {
  const bool language_changed = s.language != local_.language;
  local_ = s;
  text_.set_language(s.language);
  if (language_changed) guide_ = DiscussionGuide::load(guide_path(config_.content_dir, s.language));
  if (!config_.settings_path.empty() && !save_dashboard_settings(config_.settings_path, local_))
    set_notice("teacher.settings.not_saved");
}

}  // namespace upstander::dashboard
