// One panel in the middle of the page.
#include "screen_sign_in.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "dashboard_screens.hpp"
#include "upstander/ui/text_draw.hpp"
#include "upstander/ui/widgets.hpp"

namespace upstander::dashboard::web {

using ui::draw_text;

void draw_sign_in(DashUi& ui, TeacherSignIn& s) {
  const ImVec2 size = ui.window_size;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(size);
  ImGui::Begin("sign-in", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ui::Theme& t = ui.theme;
  const float pad = 28.0f * ui.s();
  const float w = std::min(size.x - 40.0f * ui.s(), 720.0f * ui.s());
  const float x = (size.x - w) * 0.5f;
  float y = std::max(24.0f * ui.s(), size.y * 0.18f);
  ui::panel(ui, dl, ImVec2(x, y), ImVec2(x + w, y + size.y * 0.6f), t.panel, t.panel_border);
  const float inner = w - 2 * pad;
  y += pad;
  y += draw_text(ui, dl, ui.fonts.title, ImVec2(x + pad, y), t.text, ui.t("teacher.signin.title"),
                 inner, "signin-title")
           .y;
  y += 12.0f * ui.s();
  if (s.state() == SignIn::Checking) {
    draw_text(ui, dl, ui.fonts.body, ImVec2(x + pad, y), t.text_muted,
              ui.t("teacher.signin.checking"), inner, "signin-checking");
    ImGui::End();
    return;
  }
  y += draw_text(ui, dl, ui.fonts.body, ImVec2(x + pad, y), t.text, ui.t("teacher.signin.how"),
                 inner, "signin-how")
           .y;
  y += 20.0f * ui.s();
  y += draw_text(ui, dl, ui.fonts.small, ImVec2(x + pad, y), t.text_muted,
                 ui.t("teacher.signin.passphrase"), inner, "signin-passphrase")
           .y;
  y += 6.0f * ui.s();
  ImGui::SetCursorScreenPos(ImVec2(x + pad, y));
  ImGui::SetNextItemWidth(inner);
  const bool entered =
      ImGui::InputText("##passphrase", &s.passphrase(),
                       ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
  if (ui.controls)
    ui.controls->add(ui.t("teacher.signin.passphrase"), "", ImGui::GetItemRectMin(),
                     ImGui::GetItemRectMax());
  y += ImGui::GetItemRectSize().y + 16.0f * ui.s();
  if (!s.problem().empty()) {
    const std::string why = ui.t(s.problem(), {{"seconds", std::to_string(s.retry_after())}});
    y +=
        draw_text(ui, dl, ui.fonts.body, ImVec2(x + pad, y), t.ripple, why, inner, "signin-problem")
            .y;
    y += 12.0f * ui.s();
  }
  const std::vector<BarItem> items = {{"signin-go", ui.t("teacher.signin.go"),
                                       ui::ButtonKind::Primary,
                                       s.state() != SignIn::SigningIn && !s.passphrase().empty()}};
  const int pressed = button_bar(ui, ImVec2(x + pad, y), items, inner, true);
  if (pressed == 0 || (entered && !s.passphrase().empty()))
    ui.post([&s] { s.sign_in(s.passphrase()); });
  ImGui::End();
}

}  // namespace upstander::dashboard::web
