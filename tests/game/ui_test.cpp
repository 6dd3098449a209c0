// The drawing code on a headless ImGui context (no SDL): keyboard focus and Enter press
// real buttons, and the text checks the tour relies on really fire.
#include <doctest/doctest.h>

#include <imgui.h>

#include "font_set.hpp"
#include "game_test_support.hpp"
#include "key_input.hpp"
#include "screens.hpp"
#include "scripted_class_connection.hpp"
#include "text_draw.hpp"

using namespace upstander;
using namespace upstander::app;
using namespace upstander::app::test;

namespace {

struct Headless {
  explicit Headless(AppModel& model) : m(model) {
    ctx = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 720);
    io.DeltaTime = 1.0f / 60.0f;
    glyphs = content_glyphs(m.library());
    for (std::string_view k : hint::kAll) add_text(glyphs, k);  // as GameWindow does
    emoji = EmojiMap(glyphs);
    builder = std::make_unique<FontBuilder>(default_font_files(UPSTANDER_ASSETS_DIR_FOR_TESTS));
    fonts = builder->build(*io.Fonts, glyphs, emoji, 1.0f, &atlas);
    theme = make_theme(false);
  }
  ~Headless() { ImGui::DestroyContext(ctx); }

  // One frame with optional Tab moves and an Enter press; runs the posted actions.
  void frame(int tabs = 0, bool enter = false) {
    focus.activate = enter && focus.visible;
    ImGui::NewFrame();
    Ui ui{m, fonts, theme, audit, emoji, focus, ImVec2(1280, 720), {}};
    focus.begin_frame();
    draw_app(ui);
    focus.move = tabs;
    focus.end_frame();
    ImGui::Render();
    for (auto& a : ui.actions) a();
  }

  AppModel& m;
  ImGuiContext* ctx = nullptr;
  GlyphSet glyphs;
  EmojiMap emoji;
  std::unique_ptr<FontBuilder> builder;
  FontSet fonts;
  AtlasReport atlas;
  Theme theme;
  TextAudit audit;
  FocusRing focus;
};

}  // namespace

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
  draw_text(ui, dl, h.fonts.body, ImVec2(0, 0), 0xffffffff, "ok \xE4\xB8\xAD", 0.0f,
            "box");  // 中: not in the content
  draw_text(ui, dl, h.fonts.body, ImVec2(0, 0), 0xffffffff, "one two three four five six", 40.0f,
            "narrow", 20.0f);
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

TEST_CASE("on the join screen Tab reaches the address field, Enter selects it, and Join joins") {
  const ContentLibrary lib = ContentLibrary::load(content_paths());
  RecordingSink sink;
  ScriptedClassConnection conn;
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
  for (const auto& p : h.audit.problems()) FAIL_CHECK(p.kind, " ", p.where, " ", p.text, " ", p.detail);
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
  for (const auto& p : h.audit.problems()) FAIL_CHECK(p.kind, " ", p.where, " ", p.text, " ", p.detail);
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
    if (d.where == "survey-anonymous") said = d.text.find("stay on this device") != std::string::npos;
    if (d.where == "survey-intro") CHECK(d.text.find("teacher") == std::string::npos);
  }
  CHECK(said);
}
