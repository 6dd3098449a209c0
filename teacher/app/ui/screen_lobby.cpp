// The lobby for the projector: the join code, the address, a QR code, how many students
// joined (never who), and the lock.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <iterator>

#include "dashboard_screens.hpp"
#include "join_address.hpp"
#include "qr_matrix.hpp"
#include "upstander/ui/shapes.hpp"
#include "upstander/ui/text_draw.hpp"
#include "upstander/ui/widgets.hpp"

namespace upstander::dashboard {

using ui::ButtonKind;
using ui::draw_text;
using ui::measure;

namespace {

// Dark modules as rectangles, one per horizontal run (fewer triangles for the software
// renderer), on a white square with the quiet zone the standard asks for.
float draw_qr(ImDrawList* dl, const QrMatrix& qr, ImVec2 pos, float side) {
  if (qr.size == 0) return 0.0f;
  const int quiet = 4;
  const float m = std::floor(side / static_cast<float>(qr.size + 2 * quiet));
  const float full = m * static_cast<float>(qr.size + 2 * quiet);
  dl->AddRectFilled(pos, ImVec2(pos.x + full, pos.y + full), IM_COL32(255, 255, 255, 255));
  const float ox = pos.x + m * quiet, oy = pos.y + m * quiet;
  for (int y = 0; y < qr.size; ++y) {
    int x = 0;
    while (x < qr.size) {
      if (!qr.at(x, y)) {
        ++x;
        continue;
      }
      const int start = x;
      while (x < qr.size && qr.at(x, y)) ++x;
      dl->AddRectFilled(ImVec2(ox + m * static_cast<float>(start), oy + m * static_cast<float>(y)),
                        ImVec2(ox + m * static_cast<float>(x), oy + m * static_cast<float>(y + 1)),
                        IM_COL32(0, 0, 0, 255));
    }
  }
  return full;
}

// The projector view: the code and the address filling the whole window, as large as
// the window allows, so the back row reads them. Esc or a click anywhere goes back.
bool lobby_projector = false;

void draw_projector(DashUi& ui, const std::string& code, const std::string& address) {
  const ImVec2 size = ui.window_size;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(size);
  ImGui::SetNextWindowFocus();
  ImGui::Begin("lobby-projector", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ui::Theme& t = ui.theme;
  dl->AddRectFilled(ImVec2(0, 0), size, t.background);
  // The big font scaled up: the code's width fills most of the window, its height at most
  // half of it; the address below at a third of the code's size.
  ImFont* f = ui.fonts.big;
  std::string spaced;
  for (char c : code) {
    if (!spaced.empty()) spaced += ' ';
    spaced += c;
  }
  const float base = f->FontSize;
  const ImVec2 at_base = f->CalcTextSizeA(base, FLT_MAX, 0.0f, spaced.c_str());
  const float code_px = std::min(base * size.x * 0.9f / std::max(1.0f, at_base.x), size.y * 0.45f);
  const ImVec2 cs = f->CalcTextSizeA(code_px, FLT_MAX, 0.0f, spaced.c_str());
  const ImVec2 addr_base = f->CalcTextSizeA(base, FLT_MAX, 0.0f, address.c_str());
  const float addr_px =
      std::min(code_px / 3.0f, base * size.x * 0.9f / std::max(1.0f, addr_base.x));
  const ImVec2 as = f->CalcTextSizeA(addr_px, FLT_MAX, 0.0f, address.c_str());
  const float top = (size.y - cs.y - as.y - addr_px * 0.5f) * 0.5f;
  dl->AddText(f, code_px, ImVec2((size.x - cs.x) * 0.5f, top), t.text, spaced.c_str());
  dl->AddText(f, addr_px, ImVec2((size.x - as.x) * 0.5f, top + cs.y + addr_px * 0.5f), t.accent,
              address.c_str());
  const std::string hint = ui.t("teacher.lobby.projector_back");
  const ImVec2 hs = measure(ui, ui.fonts.small, hint);
  draw_text(ui, dl, ui.fonts.small, ImVec2((size.x - hs.x) * 0.5f, size.y - hs.y - 16.0f * ui.s()),
            t.text_muted, hint, 0.0f, "lobby-projector-back");
  ImGui::SetCursorScreenPos(ImVec2(0, 0));
  const bool clicked = ImGui::InvisibleButton("lobby-projector-close", size);
  if (clicked || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) lobby_projector = false;
  ImGui::End();
}

// Several LAN addresses (wired and Wi-Fi): the one the students' network reaches.
float draw_address_choice(DashUi& ui, ImVec2 pos, float width) {
  Dashboard& d = ui.d;
  const auto& hosts = d.join_host_choices();
  if (hosts.size() < 2) return 0.0f;
  static const char* const kIds[] = {"lobby-net-0", "lobby-net-1", "lobby-net-2", "lobby-net-3"};
  const float label_h =
      draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, pos, ui.theme.text_muted,
                ui.t("teacher.lobby.network"), width, "lobby-network")
          .y;
  std::vector<BarItem> items;
  for (std::size_t i = 0; i < hosts.size() && i < std::size(kIds); ++i) {
    items.push_back(
        {kIds[i], hosts[i], i == d.join_host_choice() ? ButtonKind::Primary : ButtonKind::Normal});
  }
  const int pressed = button_bar(ui, ImVec2(pos.x, pos.y + label_h + 4.0f * ui.s()), items, width);
  if (pressed >= 0)
    ui.post([&d, pressed] { d.choose_join_host(static_cast<std::size_t>(pressed)); });
  return label_h + 4.0f * ui.s() + button_bar_height(ui);
}

}  // namespace

void set_lobby_projector(bool on) {
  lobby_projector = on;
}

void draw_lobby(DashUi& ui, ImVec2 a, ImVec2 b) {
  Dashboard& d = ui.d;
  if (!d.current()) return;
  const SessionInfo& s = *d.current();
  const ui::Theme& t = ui.theme;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float pad = 32.0f * ui.s();
  const float bar_h = button_bar_height(ui) + 2.0f * 16.0f * ui.s();
  const float area_h = b.y - a.y - bar_h;
  const float qr_side = std::min((b.x - a.x) * 0.34f, area_h - 2 * pad);
  const float left_w = b.x - a.x - 3 * pad - qr_side;
  float y = a.y + pad;
  const float x = a.x + pad;

  y += draw_text(ui, dl, ui.fonts.title, ImVec2(x, y), t.text, ui.t("teacher.lobby.title"), left_w,
                 "lobby-title")
           .y;
  if (!s.name.empty())
    y += draw_text(ui, dl, ui.fonts.body, ImVec2(x, y), t.text_muted, s.name, left_w, "lobby-name")
             .y;
  y += 14.0f * ui.s();
  y += draw_text(ui, dl, ui.fonts.body, ImVec2(x, y), t.text, ui.t("teacher.lobby.how"), left_w,
                 "lobby-how")
           .y;
  y += 18.0f * ui.s();

  // The code, large, in a box, spaced so it reads from the back of the room.
  std::string spaced;
  for (char c : s.code) {
    if (!spaced.empty()) spaced += ' ';
    spaced += c;
  }
  const ImVec2 cs = measure(ui, ui.fonts.big, spaced);
  const float box_pad = 22.0f * ui.s();
  const ImVec2 ca(x, y), cb(x + cs.x + 2 * box_pad, y + cs.y + 2 * box_pad);
  ui::panel(ui, dl, ca, cb, t.panel, t.accent);
  dl->AddRect(ca, cb, t.accent, t.rounding * 1.4f, 0, 3.0f);
  draw_text(ui, dl, ui.fonts.big, ImVec2(x + box_pad, y + box_pad), t.text, spaced, 0.0f,
            "lobby-code", 0.0f, left_w);
  y = cb.y + 18.0f * ui.s();
  // The address to type in a browser, or why there is none: a server on loopback only.
  const bool local_only = is_loopback(d.join_host_port());
  y += draw_text(ui, dl, ui.fonts.body, ImVec2(x, y), local_only ? t.ripple : t.text_muted,
                 local_only
                     ? ui.t("teacher.lobby.loopback_only")
                     : ui.t("teacher.lobby.address", {{"address", join_page(d.join_host_port())}}),
                 left_w, "lobby-address")
           .y;
  if (d.join_by_name()) {
    y += 6.0f * ui.s();
    y += draw_text(ui, dl, ui.fonts.small, ImVec2(x, y), t.ripple, ui.t("teacher.lobby.by_name"),
                   left_w, "lobby-by-name")
             .y;
  }
  if (const float h = draw_address_choice(ui, ImVec2(x, y + 10.0f * ui.s()), left_w); h > 0)
    y += h + 10.0f * ui.s();
  y += 28.0f * ui.s();

  // How many joined: a number, never a name.
  const std::string joined = std::to_string(s.players);
  const ImVec2 js =
      draw_text(ui, dl, ui.fonts.big, ImVec2(x, y), t.accent, joined, 0.0f, "lobby-joined");
  draw_text(ui, dl, ui.fonts.title,
            ImVec2(x + js.x + 16.0f * ui.s(), y + js.y - ui.fonts.title->FontSize - 8.0f * ui.s()),
            t.text, ui.t("teacher.lobby.joined"), 0.0f, "lobby-joined-label", 0.0f,
            left_w - js.x - 16.0f * ui.s());
  y += js.y + 12.0f * ui.s();
  std::string state = ui.t(s.locked() ? "teacher.lobby.locked" : "teacher.lobby.open");
  if (!s.collect) state += " " + ui.t("teacher.lobby.not_collecting");
  draw_text(ui, dl, ui.fonts.body, ImVec2(x, y), s.locked() ? t.ripple : t.text_muted, state,
            left_w, "lobby-state");

  // The QR code opens the web game with the code filled in, from a tablet's camera.
  static std::string last_uri;
  static QrMatrix qr;
  const std::string uri = join_url(d.join_host_port(), s.code);
  if (uri != last_uri) {
    qr = make_qr(uri);
    last_uri = uri;
  }
  const ImVec2 qp(b.x - pad - qr_side, a.y + pad);
  const float drawn = draw_qr(dl, qr, qp, qr_side);
  draw_text(ui, dl, ui.fonts.small, ImVec2(qp.x, qp.y + drawn + 6.0f * ui.s()), t.text_muted,
            ui.t("teacher.lobby.qr"), qr_side, "lobby-qr");

  const std::vector<BarItem> items = {
      {"lobby-lock", ui.t(s.locked() ? "teacher.lobby.unlock" : "teacher.lobby.lock"),
       ButtonKind::Normal},
      {"lobby-end", ui.t("teacher.session.end"), ButtonKind::Quiet},
      {"lobby-projector", ui.t("teacher.lobby.projector"), ButtonKind::Normal},
      {"lobby-live", ui.t("teacher.lobby.to_live"), ButtonKind::Primary},
  };
  const int pressed = button_bar(ui, ImVec2(a.x + 16.0f * ui.s(), b.y - bar_h + 16.0f * ui.s()),
                                 items, b.x - a.x - 32.0f * ui.s(), true);
  if (pressed == 0) ui.post([&d, lock = !s.locked()] { d.set_locked(lock); });
  if (pressed == 1) ui.post([&d] { d.request_end(); });
  if (pressed == 2) lobby_projector = true;
  if (pressed == 3) ui.post([&d] { d.show_screen(Screen::Live); });
  if (lobby_projector) draw_projector(ui, s.code, join_page(d.join_host_port()));
}

}  // namespace upstander::dashboard
