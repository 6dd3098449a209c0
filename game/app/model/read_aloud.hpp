// Read-aloud for students who read slowly: each line appears, then is said, in the game's
// language, with the device's voice, one line at a time. A new screen or node stops the old
// one's line; an overlay (a break, help) silences the game, and closing it says again the
// line it cut off; R (or "Listen again") says the line being heard again. This decides what
// to say and when; the platform's Speech only says it.
#pragma once

#include <cstdint>
#include <string>

#include "speech.hpp"

namespace upstander::app {

class AppModel;

class ReadAloud {
 public:
  // Once per frame, after the model's tick: tells the model whether a voice exists (so the
  // setting shows), then hands the voice the next line when it is free.
  void frame(AppModel& m, Speech& speech);

 private:
  // Which screen the lines belong to: a change starts again from its first line.
  struct View {
    int screen = -1;
    std::uint64_t node = 0;
    std::size_t survey = 0;
    std::string language;
    bool operator==(const View&) const = default;
  };

  void stop(Speech& speech, const std::string& language);

  View view_;
  bool active_ = false;     // reading on the last frame
  bool silenced_ = false;   // an overlay is open
  bool cut_off_ = false;    // the overlay opened while a line was being said
  bool interrupt_ = false;  // the next line replaces whatever is still being said
  std::size_t next_ = 0;    // the view's next line to say
  std::string current_;     // the line being heard (or last heard), for "again"
  std::uint64_t repeat_seen_ = 0;
};

}  // namespace upstander::app
