// A frame equal to the one on screen is recognised, and any change to what decides the
// pixels (a vertex, a colour, a clip rectangle, the background, the window) is not missed.
#include <doctest/doctest.h>

#include <imgui.h>

#include "upstander/ui/frame_snapshot.hpp"

using upstander::ui::FrameSnapshot;

namespace {

struct Context {
  ImGuiContext* ctx = ImGui::CreateContext();
  Context() {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(320, 200);
    io.DeltaTime = 1.0f / 60.0f;
    io.Fonts->AddFontDefault();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // no renderer: build the atlas by hand
  }
  ~Context() { ImGui::DestroyContext(ctx); }
};

struct Scene {
  float bar = 100.0f;
  ImU32 colour = IM_COL32(30, 90, 160, 255);
  const char* label = "12";
  ImVec2 clip_max = ImVec2(300, 190);
};

const ImDrawData& draw(const Scene& s) {
  ImGui::NewFrame();
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->PushClipRect(ImVec2(0, 0), s.clip_max);
  dl->AddRectFilled(ImVec2(10, 10), ImVec2(10 + s.bar, 40), s.colour);
  dl->AddText(ImVec2(10, 50), IM_COL32(0, 0, 0, 255), s.label);
  dl->PopClipRect();
  ImGui::Render();
  return *ImGui::GetDrawData();
}

}  // namespace

TEST_CASE("a frame is drawn again only when something that decides its pixels changed") {
  Context c;
  FrameSnapshot snap;
  const ImU32 bg = IM_COL32(230, 232, 236, 255);
  Scene s;
  CHECK(snap.changed(draw(s), bg));  // nothing on screen yet
  CHECK_FALSE(snap.changed(draw(s), bg));
  CHECK_FALSE(snap.changed(draw(s), bg));

  SUBCASE("a bar grows") {
    s.bar = 101.0f;
  }
  SUBCASE("a colour") {
    s.colour = IM_COL32(30, 90, 161, 255);
  }
  SUBCASE("a text of the same length") {
    s.label = "13";
  }
  SUBCASE("a clip rectangle") {
    s.clip_max = ImVec2(300, 189);
  }
  SUBCASE("the window's pixels were lost") {
    snap.invalidate();
  }
  CHECK(snap.changed(draw(s), bg));
  CHECK_FALSE(snap.changed(draw(s), bg));
}

TEST_CASE("the background and the display size are part of the frame") {
  Context c;
  FrameSnapshot snap;
  Scene s;
  CHECK(snap.changed(draw(s), IM_COL32(230, 232, 236, 255)));
  CHECK(snap.changed(draw(s), IM_COL32(0, 0, 0, 255)));
  ImGui::GetIO().DisplaySize = ImVec2(321, 200);
  CHECK(snap.changed(draw(s), IM_COL32(0, 0, 0, 255)));
}
