// The page's <textarea> that the browser's input method composes into, placed at ImGui's
// caret and handing committed text to ImGui (Korean in the dashboard's fields; docs/web.md).
#include "upstander/ui/text_input_bridge.hpp"

#include <emscripten.h>
#include <imgui.h>

#include <array>
#include <cstdio>

// The element is made the first time a field wants text (the student game, which has no text
// field, never makes one). SDL listens for keys on the window, so the element's key events
// bubble up to it: plain keys reach ImGui through SDL, whose keypress handler also cancels the
// browser's own insertion (nothing is typed twice). Key events of a composition stop at the
// element (keyCode 229 is the input method's "Process" key): Backspace, Enter and the arrows
// edit the syllable then, not the field. Text that comes without a keypress (a composition's
// end, an insertion by a virtual keyboard or CDP's Input.insertText, a paste) waits in
// `pending` until the frame takes it.
// clang-format off
EM_JS(void, upstander_text_input_place, (int active, double x, double y, double line,
                                         double display_width, const char* fg, const char* bg), {
  var ime = Module.upstanderTextInput;
  if (!ime) {
    if (!active) return;
    ime = Module.upstanderTextInput = {pending: "", composing: false};
    var u = window.upstander || (window.upstander = {});
    u.textInput = {active: false, composing: ""};
    var el = ime.el = document.createElement("textarea");
    el.id = "upstander-text-input";
    el.tabIndex = -1;
    ["autocomplete", "autocorrect", "autocapitalize"].forEach(function(a) { el.setAttribute(a, "off"); });
    el.spellcheck = false;
    el.style.cssText = "position:fixed;left:0;top:0;width:2px;margin:0;padding:0;border:0;" +
      "outline:none;resize:none;overflow:hidden;opacity:0;color:transparent;background:transparent;" +
      "caret-color:transparent;white-space:pre;z-index:1;";
    // What the input method is composing, drawn at the caret over the field: the canvas cannot
    // show it (it is not committed yet), and the element itself is transparent.
    var shown = ime.shown = document.createElement("span");
    shown.id = "upstander-composing";
    shown.style.cssText = "position:fixed;display:none;pointer-events:none;white-space:pre;" +
      "text-decoration:underline;z-index:2;font-family:'Nanum Gothic',NanumGothic,sans-serif;";
    var show = function(text) {
      shown.textContent = text;
      shown.style.display = text ? "block" : "none";
      u.textInput.composing = text;
    };
    el.addEventListener("compositionstart", function() { ime.composing = true; show(""); });
    el.addEventListener("compositionupdate", function(e) { show(e.data || ""); });
    el.addEventListener("compositionend", function(e) {
      ime.composing = false;
      show("");
      if (e.data) ime.pending += e.data;
      // Emptied once no composition follows: Korean ends one syllable's composition and starts
      // the next one's in the same key press, and emptying it in between breaks the second.
      setTimeout(function() { if (!ime.composing) el.value = ""; }, 0);
    });
    el.addEventListener("input", function(e) {
      if (e.isComposing || e.inputType === "insertCompositionText") return;
      // A composition the browser ended without compositionend (one cancelled by a key).
      if (ime.composing) { ime.composing = false; show(""); }
      if ((e.inputType === "insertText" || e.inputType === "insertReplacementText") && e.data)
        ime.pending += e.data;
      el.value = "";
    });
    el.addEventListener("paste", function(e) {
      var t = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
      if (t) ime.pending += t;  // ImGui drops the "\r" of "\r\n" itself
      e.preventDefault();
    });
    var composing_key = function(e) {
      if (ime.composing || e.isComposing || e.keyCode === 229) e.stopPropagation();
    };
    ["keydown", "keypress", "keyup"].forEach(function(t) { el.addEventListener(t, composing_key); });
    // Focus lost while the field is still active (a click elsewhere on the page): back to it.
    el.addEventListener("blur", function() {
      setTimeout(function() {
        if (u.textInput.active && document.hasFocus() && document.activeElement !== el)
          el.focus({preventScroll: true});
      }, 0);
    });
    document.body.appendChild(el);
    document.body.appendChild(shown);
  }
  var el = ime.el;
  window.upstander.textInput.active = !!active;
  if (!active) {
    if (document.activeElement === el) el.blur();
    return;
  }
  var canvas = Module.canvas || document.getElementById("canvas");
  var r = canvas.getBoundingClientRect();
  var s = display_width > 0 ? r.width / display_width : 1;
  var size = Math.max(8, line * s);
  var place = function(style) {
    style.left = (r.left + x * s) + "px";
    style.top = (r.top + y * s) + "px";
    style.fontSize = size + "px";
    style.lineHeight = size + "px";
  };
  place(el.style);
  el.style.height = size + "px";
  place(ime.shown.style);
  ime.shown.style.color = UTF8ToString(fg);
  ime.shown.style.background = UTF8ToString(bg);
  if (document.activeElement !== el) el.focus({preventScroll: true});
});

// Copies up to `size` - 1 bytes of the waiting text (whole code points) into `out`; returns
// how many bytes, 0 when nothing waits.
EM_JS(int, upstander_text_input_take, (char* out, int size), {
  var ime = Module.upstanderTextInput;
  if (!ime || !ime.pending) return 0;
  var n = Math.min(ime.pending.length, (size - 1) / 4 | 0);
  var c = ime.pending.charCodeAt(n - 1);
  if (n < ime.pending.length && c >= 0xD800 && c <= 0xDBFF) n -= 1;  // keep a surrogate pair whole
  var part = ime.pending.slice(0, n);
  ime.pending = ime.pending.slice(n);
  return stringToUTF8(part, out, size);
});
// clang-format on

namespace upstander::ui::browser {

namespace {

// Where ImGui last put its caret (ImGui 1.86's io.ImeSetInputScreenPosFn: the top left of the
// active field's caret, in ImGui's coordinates); ImGui calls it only when it moves.
ImVec2 text_input_caret{1.0f, 1.0f};

void remember_text_input_caret(int x, int y) {
  text_input_caret = ImVec2(static_cast<float>(x), static_cast<float>(y));
}

struct TextInputPlacement {
  bool active = false;
  ImVec2 caret;
  float line = 0.0f;
  float display_width = 0.0f;
  ImU32 fg = 0, bg = 0;
  bool operator==(const TextInputPlacement& o) const {
    return active == o.active && caret.x == o.caret.x && caret.y == o.caret.y && line == o.line &&
           display_width == o.display_width && fg == o.fg && bg == o.bg;
  }
};

TextInputPlacement placed_text_input;

// The field's own colours: its frame over the window's background.
ImU32 field_background(const ImGuiStyle& style) {
  const ImVec4 f = style.Colors[ImGuiCol_FrameBg];
  const ImVec4 w = style.Colors[ImGuiCol_WindowBg];
  const auto mix = [&](float a, float b) { return a * f.w + b * (1.0f - f.w); };
  return ImGui::ColorConvertFloat4ToU32(ImVec4(mix(f.x, w.x), mix(f.y, w.y), mix(f.z, w.z), 1.0f));
}

std::array<char, 24> css_colour(ImU32 c) {
  std::array<char, 24> out{};
  std::snprintf(out.data(), out.size(), "#%02x%02x%02x", c & 0xff, (c >> 8) & 0xff,
                (c >> 16) & 0xff);
  return out;
}

}  // namespace

void text_input_after_frame() {
  if (!ImGui::GetCurrentContext()) return;
  ImGuiIO& io = ImGui::GetIO();
  io.ImeSetInputScreenPosFn = remember_text_input_caret;
  std::array<char, 1024> text{};
  while (upstander_text_input_take(text.data(), static_cast<int>(text.size())) > 0)
    io.AddInputCharactersUTF8(text.data());

  TextInputPlacement p;
  p.active = io.WantTextInput;
  if (p.active) {
    p.caret = text_input_caret;
    p.line = ImGui::GetFontSize();
    p.display_width = io.DisplaySize.x;
    p.fg = ImGui::GetColorU32(ImGuiCol_Text);
    p.bg = field_background(ImGui::GetStyle());
  }
  if (p == placed_text_input) return;
  placed_text_input = p;
  // EM_JS passes numbers to JavaScript as doubles; widen explicitly (-Wdouble-promotion).
  const auto d = [](float f) { return static_cast<double>(f); };
  upstander_text_input_place(p.active, d(p.caret.x), d(p.caret.y), d(p.line), d(p.display_width),
                             css_colour(p.fg).data(), css_colour(p.bg).data());
}

}  // namespace upstander::ui::browser
