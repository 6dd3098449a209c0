// The platform's voice, behind one small interface: the browser's speechSynthesis on the
// web; none natively (the setting is then hidden). Read-aloud decides what to say; the
// platform only says it.
#pragma once

#include <string>
#include <string_view>

namespace upstander::app {

struct Utterance {
  std::string text;        // "" with `interrupt`: just stop talking
  std::string language;    // the game's language code ("ko", "en")
  bool interrupt = false;  // stop what is being said (and what is queued) first
};

class Speech {
 public:
  virtual ~Speech() = default;
  // Whether a voice for `language` exists on this device; may become true later (browsers
  // load their voices after the page).
  virtual bool has_voice(std::string_view language) const = 0;
  // Says the utterance, after what is being said or (with `interrupt`) instead of it.
  virtual void say(const Utterance& u) = 0;
  // Still saying something: read-aloud hands over one line at a time, so it always knows
  // which line is being heard (the one "again" repeats and a break cuts off).
  virtual bool busy() const = 0;
};

// No voice at all: the native game (and the tour).
class NoSpeech final : public Speech {
 public:
  bool has_voice(std::string_view) const override { return false; }
  void say(const Utterance&) override {}
  bool busy() const override { return false; }
};

}  // namespace upstander::app
