// Read-aloud's rules: which line to say next, when to stop, and "again".
#include "read_aloud.hpp"

#include <vector>

#include "app_model.hpp"
#include "spoken_lines.hpp"

namespace upstander::app {

void ReadAloud::stop(Speech& speech, const std::string& language) {
  speech.say({"", language, true});
}

void ReadAloud::frame(AppModel& m, Speech& speech) {
  const std::string& language = m.text().language();
  m.set_voice_available(!language.empty() && speech.has_voice(language));
  if (!m.read_aloud_active()) {
    if (active_) stop(speech, language);  // switched off mid-line
    active_ = false;
    view_ = {};
    repeat_seen_ = m.repeat_serial();
    return;
  }
  active_ = true;
  if (m.overlay() != Overlay::None) {
    if (!silenced_) {
      cut_off_ = speech.busy();
      stop(speech, language);
    }
    silenced_ = true;
    return;
  }
  if (silenced_) {
    silenced_ = false;
    if (cut_off_ && next_ > 0) --next_;  // the break cut this line off: say it again
  }

  const View now{static_cast<int>(m.screen()), m.node_serial(), m.survey_index(), language};
  if (!(now == view_)) {
    view_ = now;
    next_ = 0;
    current_.clear();
    interrupt_ = true;
  }
  if (m.repeat_serial() != repeat_seen_) {
    repeat_seen_ = m.repeat_serial();
    if (!current_.empty()) {
      speech.say({current_, language, true});
      interrupt_ = false;
      return;
    }
  }
  // While the voice is busy with a line of this screen there is nothing to hand over: the
  // screen's lines are not even gathered (this runs every frame).
  if (!interrupt_ && speech.busy()) return;
  const std::vector<std::string> lines = spoken_lines(m);
  if (next_ > lines.size()) next_ = lines.size();
  if (next_ < lines.size()) {
    current_ = lines[next_++];
    speech.say({current_, language, interrupt_});
    interrupt_ = false;
  } else if (interrupt_ && lines.empty()) {
    stop(speech, language);  // a screen with nothing to read: the last one's line ends
    interrupt_ = false;
  }
}

}  // namespace upstander::app
