// speechSynthesis through EM_JS. The page's voices arrive asynchronously (voiceschanged),
// so they are kept in Module.upstanderSpeech; every utterance also lands in
// window.upstander.spoken (the last 50), for tests and for checking what a student heard.
#include "browser_speech.hpp"

#include <emscripten.h>

#include <string>

// clang-format off
EM_JS(void, upstander_speech_init, (), {
  if (Module.upstanderSpeech) return;
  var st = Module.upstanderSpeech = {voices: [], pending: 0, gen: 0, deadline: 0};
  var s = window.speechSynthesis;
  if (!s || typeof SpeechSynthesisUtterance === "undefined") return;
  var load = function() { st.voices = s.getVoices() || []; };
  load();
  if (s.addEventListener) s.addEventListener("voiceschanged", load);
});

EM_JS(int, upstander_speech_has_voice, (const char* language), {
  var st = Module.upstanderSpeech;
  if (!window.speechSynthesis) return 0;
  if (st.voices.length === 0) st.voices = window.speechSynthesis.getVoices() || [];
  var l = UTF8ToString(language).toLowerCase();
  return st.voices.some(function(v) {
    return (v.lang || "").toLowerCase().replace("_", "-").split("-")[0] === l;
  }) ? 1 : 0;
});

EM_JS(void, upstander_speech_say, (const char* text, const char* language, int interrupt), {
  var s = window.speechSynthesis;
  var st = Module.upstanderSpeech;
  if (!s) return;
  var u = window.upstander || (window.upstander = {});
  var heard = u.spoken || (u.spoken = []);
  if (interrupt) {
    st.gen++;
    st.pending = 0;
    s.cancel();
    heard.push({stop: true});
  }
  var t = UTF8ToString(text);
  var l = UTF8ToString(language).toLowerCase();
  if (t) {
    var matching = st.voices.filter(function(v) {
      return (v.lang || "").toLowerCase().replace("_", "-").split("-")[0] === l;
    });
    var voice = matching.find(function(v) { return v.default; }) || matching.find(function(v) { return v.localService; }) || matching[0];
    var utt = new SpeechSynthesisUtterance(t);
    utt.lang = voice ? voice.lang : ({ko: "ko-KR", en: "en-US"}[l] || l);
    if (voice) utt.voice = voice;
    var gen = st.gen;
    var done = function() { if (gen === st.gen && st.pending > 0) st.pending--; };
    utt.onend = done;
    utt.onerror = done;
    st.pending++;
    // About 4 syllables a second at the slowest voices, plus a margin.
    st.deadline = performance.now() + 3000 + 300 * t.length;
    s.speak(utt);
    heard.push({text: t, lang: utt.lang});
  }
  if (heard.length > 50) heard.splice(0, heard.length - 50);
});

EM_JS(int, upstander_speech_busy, (), {
  var st = Module.upstanderSpeech;
  return st.pending > 0 && performance.now() < st.deadline ? 1 : 0;
});
// clang-format on

namespace upstander::app::browser {

bool BrowserSpeech::has_voice(std::string_view language) const {
  upstander_speech_init();
  return upstander_speech_has_voice(std::string(language).c_str()) != 0;
}

void BrowserSpeech::say(const Utterance& u) {
  upstander_speech_init();
  upstander_speech_say(u.text.c_str(), u.language.c_str(), u.interrupt ? 1 : 0);
}

bool BrowserSpeech::busy() const {
  upstander_speech_init();
  return upstander_speech_busy() != 0;
}

}  // namespace upstander::app::browser
