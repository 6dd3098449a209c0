// AppModel's class mode: joining with a code, the session's scenarios and survey, the line
// every class screen shows, and a session the teacher ends while a student plays.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app_model.hpp"

namespace upstander::app {

namespace {

bool every_scenario_has(const ClassSession& s, const std::string& language) {
  return std::all_of(s.scenarios.begin(), s.scenarios.end(), [&](const Scenario* sc) {
    return std::find(sc->locales.begin(), sc->locales.end(), language) != sc->locales.end();
  });
}

}  // namespace

const ClassSession* AppModel::class_session() const {
  return in_class_ ? connection_->session() : nullptr;
}

SurveyOrder AppModel::survey_order() const {
  const ClassSession* cs = class_session();
  return cs ? cs->survey_order : SurveyOrder::AB;
}

const ClassSession* AppModel::resumable_class() const {
  const ClassSession* cs = connection_->session();
  if (!cs || connection_->status() == ClassStatus::SessionEnded) return nullptr;
  return cs;
}

void AppModel::restore_class_progress(const nlohmann::json& progress) {
  const ClassSession* cs = connection_->session();
  const auto it = progress.find("class");
  if (!cs || it == progress.end() || !it->is_object() || it->value("session", "") != cs->id) return;
  class_flags_.pre = it->value("pre_done", false);
  class_flags_.post = it->value("post_done", false);
  class_active_ = it->value("active", false);
}

void AppModel::enter_class(Screen s) {
  in_class_ = true;
  picked_ = nullptr;
  enter_screen(s);
  save_progress();
}

bool AppModel::choose_class() {
  if (screen_ != Screen::Mode) return false;
  if (!connection_->available()) {
    notice_ = connection_->unavailable_key();
    return true;
  }
  notice_.clear();
  in_class_ = false;
  picked_ = nullptr;
  join_form_.clear();
  join_error_.clear();
  enter_screen(Screen::Join);
  connection_->discover();
  return true;
}

void AppModel::invite(const std::string& code) {
  invite_code_ = code;
  apply_invite();
}

void AppModel::apply_invite() {
  if (screen_ != Screen::Mode || overlay_ != Overlay::None) return;
  const std::string code = std::move(invite_code_);
  invite_code_.clear();
  if (!choose_class() || screen_ != Screen::Join) return;  // no class play here: the notice says so
  for (char c : code) join_form_.type(c);
}

bool AppModel::back_to_class() {
  if (screen_ != Screen::Mode || !resumable_class()) return false;
  notice_.clear();
  enter_class(Screen::Picker);
  return true;
}

bool AppModel::join_type(char c) {
  if (screen_ != Screen::Join || joining_) return false;
  if (join_form_.type(c)) {
    join_error_.clear();  // the student is fixing it
    return true;
  }
  return !join_form_.hint().empty();
}

bool AppModel::join_erase() {
  if (screen_ != Screen::Join || joining_) return false;
  return join_form_.erase();
}

bool AppModel::join_select(JoinField f) {
  if (screen_ != Screen::Join) return false;
  join_form_.select(f);
  return true;
}

bool AppModel::join_search_again() {
  if (screen_ != Screen::Join || joining_ || connection_->discovery().searching) return false;
  connection_->discover();
  return true;
}

bool AppModel::join_submit() {
  if (screen_ != Screen::Join || joining_) return false;
  if (!join_form_.code_complete()) {
    join_error_ = "game.class.join.error.code_incomplete";
    join_form_.select(JoinField::Code);
    return true;
  }
  join_error_.clear();
  joining_ = true;
  connection_->join(join_form_.code(), join_form_.address());
  poll_class();
  return true;
}

void AppModel::poll_class() {
  connection_->poll();
  const ClassSession* cs = connection_->session();
  const std::string id = cs ? cs->id : "";
  if (id != class_seen_) {
    class_seen_ = id;
    ++class_serial_;
  }
  if (joining_) {
    const JoinAttempt a = connection_->join_attempt();
    if (!a.busy) {
      joining_ = false;
      if (a.failure == JoinError::None && cs) {
        joined();
      } else {
        const JoinError f = a.failure == JoinError::None ? JoinError::ServerError : a.failure;
        join_error_ = "game.class.join.error." + std::string(name_of(f));
        join_retry_after_ = a.retry_after_seconds;
      }
    }
  }
  if (in_class_ && cs && connection_->status() == ClassStatus::SessionEnded && !runner_ &&
      overlay_ == Overlay::None &&
      (screen_ == Screen::Picker || screen_ == Screen::ContentNote ||
       screen_ == Screen::ClassWelcome)) {
    // Between stories there is nothing left to finish here.
    leave_ended_class();
    notice_ = "game.class.ended_between";
    return;
  }
  if (in_class_ && cs && !end_noticed_ && connection_->status() == ClassStatus::SessionEnded) {
    // Once, kindly, and without taking the screen away: the ending and help stay readable.
    end_noticed_ = true;
    notice_ = "game.class.ended_notice";
  }
}

void AppModel::joined() {
  const ClassSession& s = *connection_->session();
  class_flags_ = {};  // a new session asks its own survey
  end_noticed_ = false;
  // Play in the student's language when every scenario of the class has it; otherwise in
  // the language the teacher chose for the class.
  if (!every_scenario_has(s, settings_.language) && lib_->locale(s.language)) {
    Settings st = settings_;
    st.language = s.language;
    update_settings(st);
  }
  enter_class(Screen::ClassWelcome);
}

bool AppModel::class_welcome_done() {
  if (screen_ != Screen::ClassWelcome) return false;
  enter_screen(Screen::Picker);
  return true;
}

void AppModel::leave_ended_class() {
  connection_->leave();
  in_class_ = false;
  class_flags_ = {};
  class_active_ = false;
  if (store_) store_->store(kProgressFile, progress_json());
  enter_screen(Screen::Mode);
}

std::string AppModel::join_error_text() const {
  if (join_error_.empty()) return "";
  return text_.get(join_error_, {{"seconds", std::to_string(join_retry_after_)}});
}

std::string AppModel::class_name() const {
  const ClassSession* cs = connection_->session();
  if (!cs) return "";
  auto word = [this](const std::string& key, const std::string& id) {
    return text_.has(key + id) ? text_.get(key + id) : id;
  };
  return text_.get("game.pseudonym.format",
                   {{"adjective", word("game.pseudonym.adjective.", cs->pseudonym.adjective)},
                    {"animal", word("game.pseudonym.animal.", cs->pseudonym.animal)},
                    {"number", std::to_string(cs->pseudonym.number)}});
}

std::string AppModel::class_status_line() const {
  if (!class_session()) return "";
  const std::string status =
      text_.get("game.class.status." + std::string(name_of(connection_->status())),
                {{"count", std::to_string(connection_->pending())}});
  return text_.get("game.class.status.line", {{"name", class_name()}, {"status", status}});
}

}  // namespace upstander::app
