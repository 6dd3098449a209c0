// The model's state as plain JSON names.
#include "teacher_page_state.hpp"

#include "join_address.hpp"

namespace upstander::dashboard::web {

namespace {

const char* sign_in_name(SignIn s) {
  switch (s) {
    case SignIn::Checking: return "checking";
    case SignIn::SignedOut: return "signed-out";
    case SignIn::SigningIn: return "signing-in";
    case SignIn::SignedIn: return "signed-in";
  }
  return "";
}

const char* mode_name(Mode m) {
  switch (m) {
    case Mode::Session: return "session";
    case Mode::Results: return "results";
    case Mode::Settings: return "settings";
    case Mode::Author: return "author";
  }
  return "";
}

const char* screen_name(Screen s) {
  switch (s) {
    case Screen::Setup: return "setup";
    case Screen::Lobby: return "lobby";
    case Screen::Live: return "live";
    case Screen::Debrief: return "debrief";
  }
  return "";
}

const char* save_state_name(SaveState s) {
  switch (s) {
    case SaveState::Saved: return "saved";
    case SaveState::Unsaved: return "unsaved";
    case SaveState::Autosaved: return "autosaved";
    case SaveState::Failed: return "failed";
  }
  return "";
}

}  // namespace

nlohmann::json author_page_state(AuthorWorkspace& w, const ServerDraftStore& drafts) {
  nlohmann::json j;
  j["draftsReady"] = drafts.ready();
  j["drafts"] = drafts.ready() ? w.draft_ids() : std::vector<std::string>{};
  j["problem"] = drafts.problem();
  j["unsent"] = drafts.unsent();
  j["uploads"] = drafts.uploads_done();
  j["roundTrips"] = drafts.autosave_round_trips();
  j["preview"] = drafts.last_preview();
  j["message"] = w.message_key();
  j["open"] = w.is_open();
  if (w.is_open()) {
    j["pack"] = w.doc().scenario().id;
    j["selected"] = w.selected();
    j["saveState"] = save_state_name(w.save_state());
    j["recovery"] = w.recovery().has_value();
    j["undo"] = w.doc().undo_depth();
  }
  return j;
}

nlohmann::json teacher_page_state(const Dashboard& d, const TeacherSignIn& sign_in,
                                  const ui::ScreenControls& controls) {
  nlohmann::json j;
  j["signIn"] = sign_in_name(sign_in.state());
  j["signInProblem"] = sign_in.problem();
  j["mode"] = mode_name(d.mode());
  j["screen"] = screen_name(d.screen());
  j["reachable"] = d.reachable();
  j["notice"] = d.notice_key();
  j["scenarios"] = d.catalog().scenarios.size();
  j["sessions"] = d.sessions().size();
  j["selected"] = d.selected() ? d.selected()->session.id : "";
  if (d.current()) {
    const SessionInfo& s = *d.current();
    j["session"] = {{"id", s.id}, {"code", s.code}, {"state", s.state}, {"players", s.players}};
    j["joinUrl"] = join_url(d.join_host_port(), s.code);
  } else {
    j["session"] = nullptr;
    j["joinUrl"] = "";
  }
  // The live view's numbers as drawn: the players the last answer counted, and when it came.
  j["livePlayers"] = d.live() ? d.live()->session.players : -1;
  j["liveAt"] = d.last_results_at();
  j["debrief"] = {{"index", d.debrief_index()},
                  {"points", d.debrief_points().size()},
                  {"revealed", d.revealed()}};
  nlohmann::json list = nlohmann::json::array();
  for (const auto& c : controls.list) {
    list.push_back({{"label", c.label},
                    {"key", c.key},
                    {"x", c.min.x},
                    {"y", c.min.y},
                    {"w", c.max.x - c.min.x},
                    {"h", c.max.y - c.min.y}});
  }
  j["controls"] = list;
  return j;
}

}  // namespace upstander::dashboard::web
