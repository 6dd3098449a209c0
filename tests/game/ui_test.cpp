// The drawing code on a headless ImGui context (no SDL): keyboard focus and Enter press
// real buttons, and the text checks the tour relies on really fire.
//
// Index:
//   1. The headless ImGui context and helpers
//   2. Focus, text checks and the content atlas
//   3. The join screen and the survey
//   4. Scrolling on a phone
//   5. Layout: the player's line, the code row, text size

#include <doctest/doctest.h>

#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

#include "upstander/ui/font_set.hpp"
#include "game_test_support.hpp"
#include "key_input.hpp"
#include "screens.hpp"
#include "scripted_class_link.hpp"
#include "upstander/ui/text_draw.hpp"
#include "upstander/ui/touch_scroll.hpp"

using namespace upstander;
using namespace upstander::app;
using namespace upstander::app::test;

namespace {

// --- 1. The headless ImGui context and helpers ---

struct Headless {
  explicit Headless(AppModel& model, ImVec2 window = ImVec2(1280, 720)) : m(model), size(window) {
    ctx = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = size;
    io.DeltaTime = 1.0f / 60.0f;
    glyphs = ui::content_glyphs(m.library());
    for (std::string_view k : hint::kAll) ui::add_text(glyphs, k);  // as GameWindow does
    emoji = ui::EmojiMap(glyphs);
    builder =
        std::make_unique<ui::FontBuilder>(ui::default_font_files(UPSTANDER_ASSETS_DIR_FOR_TESTS));
    fonts = builder->build(*io.Fonts, glyphs, emoji, 1.0f, &atlas);
    theme = ui::make_theme(false);
  }
  ~Headless() { ImGui::DestroyContext(ctx); }

  // One frame with optional Tab moves and an Enter press; runs the posted actions.
  void frame(int tabs = 0, bool enter = false) {
    focus.activate = enter && focus.visible;
    ImGui::NewFrame();
    Ui ui{m, fonts, theme, audit, emoji, focus, size, {}};
    controls.clear();
    ui.controls = &controls;
    focus.begin_frame();
    draw_app(ui);
    touch.frame();
    focus.move = tabs;
    focus.end_frame();
    ImGui::Render();
    for (auto& a : ui.actions) a();
  }

  // A finger (or the mouse) at `pos`, down or up, for one frame.
  void pointer(ImVec2 pos, bool down) {
    ImGui::GetIO().MousePos = pos;
    ImGui::GetIO().MouseDown[0] = down;
    frame();
  }
  // Presses at `from`, moves to `to` in steps, lets go.
  void drag(ImVec2 from, ImVec2 to, int steps = 8) {
    pointer(from, true);
    for (int i = 1; i <= steps; ++i) {
      const float t = static_cast<float>(i) / static_cast<float>(steps);
      pointer(ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t), true);
    }
    pointer(to, false);
    pointer(to, false);
  }
  // The fonts again at the model's text size, as GameWindow does when the setting changes.
  void rebuild_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    fonts = builder->build(*io.Fonts, glyphs, emoji, m.settings().text_scale(), &atlas);
  }
  void tap(ImVec2 at) {
    pointer(at, true);
    pointer(at, false);
    pointer(at, false);
  }
  const ui::ScreenControl* control(std::string_view key) const {
    for (const auto& c : controls.list)
      if (c.key == key) return &c;
    return nullptr;
  }

  AppModel& m;
  ImVec2 size;
  ImGuiContext* ctx = nullptr;
  ui::GlyphSet glyphs;
  ui::EmojiMap emoji;
  std::unique_ptr<ui::FontBuilder> builder;
  ui::FontSet fonts;
  ui::AtlasReport atlas;
  ui::Theme theme;
  ui::TextAudit audit;
  ui::FocusRing focus;
  ui::TouchScroll touch;
  ui::ScreenControls controls;
};

// From a first start to the feature tour's first node, in English, surveys skipped.
void start_tour(AppModel& m) {
  m.start();
  start_scenario(m, "feature-tour");
}

ImGuiWindow* window_named(std::string_view part) {
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
    if (std::string_view(w->Name).find(part) != std::string_view::npos && w->Active) return w;
  return nullptr;
}

}  // namespace

// --- 2. Focus, text checks and the content atlas ---

TEST_CASE("Tab moves the focus along the buttons and Enter presses the focused one") {
  const ContentLibrary lib = ContentLibrary::load(content_paths());
  RecordingSink sink;
  NotConnected conn;
  AppModel m(lib, nullptr, sink, conn);
  m.start();
  m.choose_language("en");
  REQUIRE(m.screen() == Screen::Mode);
  Headless h(m);
  REQUIRE(h.fonts.ok());
  h.frame();
  REQUIRE(h.focus.order.size() >= 4);  // top bar (settings, help) and the two modes
  // Tab from nothing focuses the first button, the top bar's settings.
  h.frame(1);
  h.frame(0, true);
  CHECK(m.overlay() == Overlay::Settings);
  m.close_overlay();
  // Two more Tabs: help, then "play on my own".
  h.frame(1);
  h.frame(1);
  h.frame(0, true);
  CHECK(m.screen() == Screen::Picker);
  CHECK(h.audit.problems().empty());
}

TEST_CASE("the text checks report a missing glyph and text taller than its box") {
  const ContentLibrary lib = ContentLibrary::load(content_paths());
  RecordingSink sink;
  NotConnected conn;
  AppModel m(lib, nullptr, sink, conn);
  m.start();
  Headless h(m);
  ImGui::NewFrame();
  Ui ui{m, h.fonts, h.theme, h.audit, h.emoji, h.focus, ImVec2(1280, 720), {}};
  ImGui::Begin("t");
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ui::draw_text(ui, dl, h.fonts.body, ImVec2(0, 0), 0xffffffff, "ok \xE4\xB8\xAD", 0.0f,
                "box");  // 中: not in the content
  ui::draw_text(ui, dl, h.fonts.body, ImVec2(0, 0), 0xffffffff, "one two three four five six",
                40.0f, "narrow", 20.0f);
  ImGui::End();
  ImGui::Render();
  REQUIRE(h.audit.problems().size() == 2);
  CHECK(h.audit.problems()[0].kind == "missing-glyph");
  CHECK(h.audit.problems()[0].detail == "U+4E2D");
  CHECK(h.audit.problems()[1].kind == "does-not-fit");
  CHECK(h.audit.problems()[1].where == "narrow");
}

TEST_CASE("the content atlas holds every content glyph, emoji included, within 2048x2048") {
  const ContentLibrary lib = ContentLibrary::load(content_paths());
  RecordingSink sink;
  NotConnected conn;
  AppModel m(lib, nullptr, sink, conn);
  Headless h(m);
  CHECK(h.atlas.missing.empty());
  CHECK(h.atlas.emoji > 0);
  CHECK(h.atlas.width <= 2048);
  CHECK(h.atlas.height <= 2048);
  const char32_t laugh = h.emoji.display(0x1F602);
  const ImFontGlyph* g = h.fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(laugh));
  REQUIRE(g != nullptr);
  CHECK(g->Colored);
}

// --- 3. The join screen and the survey ---

TEST_CASE("on the join screen Tab reaches the address field, Enter selects it, and Join joins") {
  const ContentLibrary lib = ContentLibrary::load(content_paths());
  RecordingSink sink;
  ScriptedClassLink conn;
  conn.servers_found = {"10.0.0.5:8080"};
  conn.offered.id = std::string("ui-session");
  conn.offered.scenarios = lib.scenarios();
  AppModel m(lib, nullptr, sink, conn);
  m.start();
  m.choose_language("en");
  REQUIRE(m.choose_class());
  Headless h(m);
  h.frame();
  h.audit.clear();
  h.frame();
  for (const auto& p : h.audit.problems())
    FAIL_CHECK(p.kind, " ", p.where, " ", p.text, " ", p.detail);
  // The ring: settings, help, the code boxes, delete, the address, join, back. The pad of
  // code symbols is for the mouse and stays out of it.
  CHECK(h.focus.order.size() == 7);
  for (int i = 0; i < 5; ++i) h.frame(1);
  h.frame(0, true);
  CHECK(m.join_form().selected() == JoinField::Address);
  for (char c : std::string("10.0.0.9")) m.join_type(c);
  m.join_select(JoinField::Code);
  for (char c : std::string("9H5DBF")) m.join_type(c);
  h.frame(1);  // join
  h.frame(0, true);
  REQUIRE(conn.join_requests.size() == 1);
  CHECK(conn.join_requests[0] == std::pair<std::string, std::string>{"9H5DBF", "10.0.0.9"});
  CHECK(m.screen() == Screen::ClassWelcome);
  h.audit.clear();
  h.frame();
  for (const auto& p : h.audit.problems())
    FAIL_CHECK(p.kind, " ", p.where, " ", p.text, " ", p.detail);
}

TEST_CASE("solo, the survey says the answers stay on this device (issue 15 item 14)") {
  const ContentLibrary lib = ContentLibrary::load(content_paths());
  RecordingSink sink;
  NotConnected conn;
  AppModel m(lib, nullptr, sink, conn);
  m.start();
  m.choose_language("en");
  REQUIRE(m.choose_solo());
  const auto offered = m.offered_scenarios();
  std::size_t tour = offered.size();
  for (std::size_t i = 0; i < offered.size(); ++i) {
    if (offered[i]->id == "feature-tour") tour = i;
  }
  REQUIRE(tour < offered.size());
  m.pick_scenario(tour);
  m.note_play();
  REQUIRE(m.screen() == Screen::PreSurvey);
  Headless h(m);
  h.audit.record_drawn(true);
  h.frame();
  bool said = false;
  for (const auto& d : h.audit.drawn_texts()) {
    if (d.where == "survey-anonymous")
      said = d.text.find("stay on this device") != std::string::npos;
    if (d.where == "survey-intro") CHECK(d.text.find("teacher") == std::string::npos);
  }
  CHECK(said);
}

// --- 4. Scrolling on a phone ---

TEST_CASE("on a phone, a finger dragged up scrolls the debrief to Continue and presses nothing") {
  const ContentLibrary lib = ContentLibrary::load(content_paths());
  RecordingSink sink;
  NotConnected conn;
  AppModel m(lib, nullptr, sink, conn);
  start_tour(m);
  for (int i = 0; i < 200 && m.screen() != Screen::Debrief; ++i) REQUIRE(step_first(m));
  REQUIRE(m.screen() == Screen::Debrief);
  m.tick(1000.0);  // past the ending's dwell: Continue would work if pressed
  Headless h(m, ImVec2(390, 844));
  h.frame();
  h.frame();
  REQUIRE(h.control("Enter") == nullptr);  // below the fold on a phone
  // Up the screen, starting on the story's text.
  for (int swipe = 0; swipe < 12 && !h.control("Enter"); ++swipe)
    h.drag(ImVec2(195, 700), ImVec2(195, 200));
  CHECK(m.screen() == Screen::Debrief);  // the drags pressed nothing
  REQUIRE(h.control("Enter") != nullptr);
  // A swipe that starts on a button is a swipe too: the button is not pressed.
  const ui::ScreenControl cont = *h.control("Enter");
  const ImVec2 on_button((cont.min.x + cont.max.x) * 0.5f, (cont.min.y + cont.max.y) * 0.5f);
  h.drag(on_button, ImVec2(on_button.x, on_button.y + 60.0f));
  CHECK(m.screen() == Screen::Debrief);
  // A tap with a finger's wobble still presses.
  const ui::ScreenControl now = *h.control("Enter");
  const ImVec2 at((now.min.x + now.max.x) * 0.5f, (now.min.y + now.max.y) * 0.5f);
  h.pointer(at, true);
  h.pointer(ImVec2(at.x + 3.0f, at.y + 4.0f), true);
  h.pointer(ImVec2(at.x + 3.0f, at.y + 4.0f), false);
  CHECK(m.screen() != Screen::Debrief);
}

TEST_CASE(
    "a long chat sits on its newest message, scrolls back by drag, and stays where it was left") {
  const ContentLibrary lib = ContentLibrary::load(content_paths());
  RecordingSink sink;
  NotConnected conn;
  AppModel m(lib, nullptr, sink, conn);
  start_tour(m);
  Headless h(m, ImVec2(390, 844));
  // On through the tour until a chat overflows the phone.
  ImGuiWindow* list = nullptr;
  for (int i = 0; i < 100; ++i) {
    m.reveal_all();
    h.frame();
    h.frame();
    list = window_named("chat-list");
    if (m.screen() == Screen::Play && list && list->ScrollMax.y > 40.0f) break;
    list = nullptr;
    REQUIRE(step_first(m));
  }
  REQUIRE(list != nullptr);
  CHECK(list->Scroll.y == doctest::Approx(list->ScrollMax.y));  // the newest in view
  const ImVec2 mid((list->Pos.x + list->Size.x * 0.5f), list->Pos.y + list->Size.y * 0.5f);
  const std::string node = m.runner()->node().id;
  h.drag(mid, ImVec2(mid.x, mid.y + 200.0f));
  h.frame();
  CHECK(list->Scroll.y < list->ScrollMax.y - 100.0f);  // earlier messages back in view
  CHECK(m.runner()->node().id == node);                // and nothing was chosen
  const float back = list->Scroll.y;
  h.frame();
  h.frame();
  CHECK(list->Scroll.y == doctest::Approx(back));  // it stays where the student left it
}

// --- 5. Layout: the player's line, the code row, text size ---

TEST_CASE(
    "the line the student chose is drawn as their message before the reply (issue 15 item 10)") {
  const ContentLibrary lib = ContentLibrary::load(content_paths());
  RecordingSink sink;
  NotConnected conn;
  AppModel m(lib, nullptr, sink, conn);
  m.start();
  start_scenario(m, "the-message");
  for (int n = 0; n < 30 && m.runner()->visible_choices().empty(); ++n) {
    m.reveal_all();
    REQUIRE(m.continue_story());
  }
  m.reveal_all();
  REQUIRE(m.choose(0));
  const std::string line = m.player_line();
  REQUIRE_FALSE(line.empty());
  Headless h(m);
  h.audit.record_drawn(true);
  h.frame();
  std::vector<std::string> bubbles;
  for (const auto& d : h.audit.drawn_texts())
    if (d.where == "chat-bubble") bubbles.push_back(d.text);
  REQUIRE(bubbles.size() >= 2);
  CHECK(bubbles.front() == line);  // the student's line, then the reply
  for (const auto& p : h.audit.problems()) FAIL_CHECK(p.kind, " ", p.where, " ", p.text);
}

TEST_CASE("on a wide join screen the code row sits on the keypad's columns") {
  const ContentLibrary lib = ContentLibrary::load(content_paths());
  RecordingSink sink;
  ScriptedClassLink conn;
  AppModel m(lib, nullptr, sink, conn);
  m.start();
  m.choose_language("en");
  REQUIRE(m.choose_class());
  for (ImVec2 size : {ImVec2(1280, 720), ImVec2(1024, 600)}) {
    Headless h(m, size);
    h.frame();
    h.frame();
    auto by_label = [&](std::string_view label) -> const ui::ScreenControl* {
      for (const auto& c : h.controls.list)
        if (c.label.find(label) != std::string::npos) return &c;
      return nullptr;
    };
    const ui::ScreenControl* erase = by_label("Delete");
    const ui::ScreenControl* a = by_label("A");
    const ui::ScreenControl* b = by_label("B");
    REQUIRE(erase);
    REQUIRE(a);
    REQUIRE(b);
    // Delete spans the last two keys' columns, after the six boxes on the six before them.
    CHECK(erase->min.x == doctest::Approx(a->min.x).epsilon(0.001));
    CHECK(erase->max.x == doctest::Approx(b->max.x).epsilon(0.001));
  }
}

TEST_CASE(
    "the text-size buttons stay under the pointer when the text grows or shrinks (issue 15)") {
  const ContentLibrary lib = ContentLibrary::load(content_paths());
  RecordingSink sink;
  NotConnected conn;
  AppModel m(lib, nullptr, sink, conn);
  m.start();
  m.choose_language("en");
  Headless h(m, ImVec2(1024, 600));
  REQUIRE(m.open_settings());
  h.frame();
  h.frame();
  // A size button's label ends with its name ("✓ Large" when it is the current one).
  auto size_button = [&](int step) -> const ui::ScreenControl* {
    const std::string name = m.text().get("game.settings.size." + std::to_string(step));
    for (const auto& c : h.controls.list)
      if (c.label.size() >= name.size() &&
          c.label.compare(c.label.size() - name.size(), name.size(), name) == 0 &&
          (c.label.size() == name.size() || c.label[c.label.size() - name.size() - 1] == ' '))
        return &c;
    return nullptr;
  };
  for (const int step : {kTextSizeSteps - 1, 0, 2}) {
    const ui::ScreenControl* before = size_button(step);
    REQUIRE(before != nullptr);
    const ImVec2 at((before->min.x + before->max.x) * 0.5f, (before->min.y + before->max.y) * 0.5f);
    const float top = before->min.y;
    h.tap(at);
    REQUIRE(m.settings().text_size == step);
    h.rebuild_fonts();
    for (int i = 0; i < 4; ++i) h.pointer(at, false);
    const ui::ScreenControl* after = size_button(step);
    REQUIRE(after != nullptr);
    INFO("step " << step << ": row top was " << top << ", is " << after->min.y);
    CHECK(std::fabs(after->min.y - top) < 1.0f);
    CHECK(at.y > after->min.y);
    CHECK(at.y < after->max.y);
  }
  // Moving away lets go; the row keeps its place instead of jumping back.
  const float kept = size_button(2)->min.y;
  h.pointer(ImVec2(5.0f, 5.0f), false);
  h.frame();
  CHECK(std::fabs(size_button(2)->min.y - kept) < 1.0f);
}
