// The browser's voice (speechSynthesis) behind the game's Speech interface.
#pragma once

#include "speech.hpp"

namespace upstander::app::browser {

class BrowserSpeech final : public Speech {
 public:
  // True once the browser has listed a voice for `language` ("ko" matches "ko-KR"); a page
  // without speechSynthesis, or a device without voices, never has one.
  bool has_voice(std::string_view language) const override;
  void say(const Utterance& u) override;
  // Until the utterance's end event, or a generous deadline from its length: a browser that
  // never sends the event must not stop the game reading for good.
  bool busy() const override;
};

}  // namespace upstander::app::browser
