// The scenes on the phone: chats, feed posts, DMs, banners, image cards, the change of
// phone, excuse, thought and fact cards, the ripple. Scenes that are one card must fit the screen
// (the tour checks it); a chat scrolls like a real one, newest message at the bottom.
//
// Index:
//   1. Characters, motion and numbers
//   2. Headers of apps on the phone
//   3. Chat bubbles
//   4. Chat scenes: history and the player's line
//   5. Cards and scrolling
//   6. Lock screen, narration, DMs, feed, images, perspectives
//   7. Excuse, thought and fact cards
//   8. The ripple
//   9. Picking the scene to draw

#include "source_link.hpp"
#include "phone_scene.hpp"
#include "card_heading.hpp"
#include "character_name.hpp"
#include "upstander/ui/shapes.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "upstander/ui/text_draw.hpp"
#include "upstander/ui/theme.hpp"
#include "story_widgets.hpp"

namespace upstander::app {

namespace {

// --- 1. Characters, motion and numbers ---

constexpr float kPi = 3.14159265f;

const Character* character(const Runner& r, const IdRef& ref) {
  return ref.id.empty() ? nullptr : r.scenario().find_character(ref.id);
}

std::string name_of_character(const Ui& ui, const Character* c) {
  return character_name(ui.m.text(), c);
}

// 0 -> 1 over `seconds` since the node appeared; always 1 with reduced motion.
float appear(const Ui& ui, float seconds) {
  if (ui.m.settings().reduce_motion || seconds <= 0.0f) return 1.0f;
  const float t = static_cast<float>(ui.m.now() - ui.m.node_entered_at()) / seconds;
  return std::clamp(t, 0.0f, 1.0f);
}

float ease(float t) {
  return 1.0f - (1.0f - t) * (1.0f - t);
}

// 12000 -> "12,000": both Korean and English group thousands with commas.
std::string grouped(long long n) {
  const std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out = n < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// --- 2. Headers of apps on the phone ---

float app_header(Ui& ui, ImDrawList* dl, const ScreenArea& area, const std::string& title,
                 const std::string& sub, int unread, const Character* who) {
  const ui::Theme& t = ui.theme;
  const float pad = 12.0f * ui.s();
  const float sub_h = sub.empty() ? 0.0f : ui.fonts.small->FontSize + 2.0f;
  const float h = ui.fonts.body->FontSize + sub_h + 2.0f * pad;
  ui::fill_rounded(dl, area.a, ImVec2(area.b.x, area.a.y + h), t.header_bg);
  // Separators are 1 px rectangles: thin lines can vanish in the software rasteriser.
  ui::fill_rounded(dl, ImVec2(area.a.x, area.a.y + h), ImVec2(area.b.x, area.a.y + h + 1.0f),
                   t.card_border);
  float x = area.a.x + pad;
  // A back chevron with the unread badge of the other chats.
  const float cy = area.a.y + h * 0.5f;
  dl->AddLine(ImVec2(x + 8 * ui.s(), cy - 7 * ui.s()), ImVec2(x + 1 * ui.s(), cy), t.header_text,
              2.0f);
  dl->AddLine(ImVec2(x + 1 * ui.s(), cy), ImVec2(x + 8 * ui.s(), cy + 7 * ui.s()), t.header_text,
              2.0f);
  x += 14.0f * ui.s();
  if (unread > 0) {
    const std::string n = std::to_string(unread);
    const ImVec2 ns = ui::measure(ui, ui.fonts.small, n);
    const float bw = std::max(ns.x + 10.0f * ui.s(), 20.0f * ui.s());
    const float bh = ui.fonts.small->FontSize + 4.0f * ui.s();
    ui::fill_rounded(dl, ImVec2(x, cy - bh * 0.5f), ImVec2(x + bw, cy + bh * 0.5f), t.badge,
                     bh * 0.5f);
    ui::draw_text(ui, dl, ui.fonts.small, ImVec2(x + (bw - ns.x) * 0.5f, cy - ns.y * 0.5f),
                  t.badge_text, n, 0.0f, "unread-badge");
    x += bw + 8.0f * ui.s();
  }
  if (who) {
    const float r = 15.0f * ui.s();
    avatar(ui, dl, ImVec2(x + r, cy), r, who);
    x += 2.0f * r + 8.0f * ui.s();
  }
  const float max_w = area.b.x - pad - x;
  ui::draw_text(ui, dl, ui.fonts.body, ImVec2(x, area.a.y + pad), t.header_text, title, 0.0f,
                "app-header", 0.0f, max_w);
  if (!sub.empty()) {
    ui::draw_text(ui, dl, ui.fonts.small,
                  ImVec2(x, area.a.y + pad + ui.fonts.body->FontSize + 2.0f), t.text_muted, sub,
                  0.0f, "app-header-sub", 0.0f, max_w);
  }
  return h;
}

// --- 3. Chat bubbles ---

struct Bubble {
  const Character* from = nullptr;
  bool mine = false;
  const LocalizedText* text = nullptr;
  std::string said;  // the player's line from the choice just made, when `text` is null
  const ImageCard* image = nullptr;
  std::string time;
};

std::string bubble_text(const Ui& ui, const Bubble& b) {
  return b.text ? ui.pick(*b.text) : b.said;
}

struct BubbleLayout {
  float width = 0, height = 0, text_h = 0, image_h = 0, name_h = 0;
};

constexpr float kAvatarR = 15.0f;

BubbleLayout layout_bubble(const Ui& ui, const Bubble& b, float screen_w) {
  BubbleLayout l;
  const float pad = 9.0f * ui.s();
  const float max_w = screen_w * 0.70f;
  const std::string text = bubble_text(ui, b);
  const bool has_text = !text.empty();
  if (has_text) {
    const ImVec2 ts = ui::measure(ui, ui.fonts.body, text, max_w - 2.0f * pad);
    l.width = ts.x + 2.0f * pad;
    l.text_h = ts.y;
  }
  if (b.image) {
    l.width = max_w;
    l.image_h = image_card_height(ui, max_w - 2.0f * pad, *b.image);
  }
  l.name_h = b.mine ? 0.0f : ui.fonts.small->FontSize + 3.0f;
  l.height = l.name_h + l.text_h + l.image_h + 2.0f * pad + (has_text && b.image ? 6.0f : 0.0f);
  return l;
}

void draw_bubble(Ui& ui, ImDrawList* dl, const ScreenArea& area, float y, const Bubble& b,
                 const BubbleLayout& l) {
  const ui::Theme& t = ui.theme;
  const float pad = 9.0f * ui.s();
  const float side = 10.0f * ui.s();
  const float r = kAvatarR * ui.s();
  float x;
  if (b.mine) {
    x = area.b.x - side - l.width;
  } else {
    avatar(ui, dl, ImVec2(area.a.x + side + r, y + r), r, b.from);
    x = area.a.x + side + 2.0f * r + 8.0f * ui.s();
    ui::draw_text(ui, dl, ui.fonts.small, ImVec2(x, y), t.name_text, name_of_character(ui, b.from),
                  0.0f, "bubble-name", 0.0f, area.b.x - x);
  }
  const float top = y + l.name_h;
  const ImVec2 ba(x, top);
  const ImVec2 bb(x + l.width, top + l.height - l.name_h);
  const bool bordered = t.high_contrast || !b.mine;
  ui::fill_rounded(dl, ba, bb, b.mine ? t.bubble_mine : t.bubble_other, 12.0f * ui.s(), 0,
                   !bordered);
  if (bordered) dl->AddRect(ba, bb, t.card_border, 12.0f * ui.s(), 0, 1.0f);
  float cy = top + pad;
  if (b.image) {
    image_card(ui, dl, ImVec2(x + pad, cy), l.width - 2.0f * pad, *b.image, "chat-image");
    cy += l.image_h + 6.0f;
  }
  if (const std::string text = bubble_text(ui, b); !text.empty()) {
    ui::draw_text(ui, dl, ui.fonts.body, ImVec2(x + pad, cy),
                  b.mine ? t.bubble_mine_text : t.bubble_other_text, text,
                  l.width - 2.0f * pad + 1.0f, "chat-bubble");
  }
  if (!b.time.empty()) {
    const ImVec2 ts = ui::measure(ui, ui.fonts.small, b.time);
    const float tx = b.mine ? ba.x - ts.x - 5.0f * ui.s() : bb.x + 5.0f * ui.s();
    if (tx > area.a.x && tx + ts.x < area.b.x) {
      ui::draw_text(ui, dl, ui.fonts.small, ImVec2(tx, bb.y - ts.y), t.time_text, b.time, 0.0f,
                    "bubble-time");
    }
  }
}

void typing_indicator(Ui& ui, ImDrawList* dl, const ScreenArea& area, float y,
                      const Character* who) {
  const ui::Theme& t = ui.theme;
  const float side = 10.0f * ui.s();
  const float r = kAvatarR * ui.s();
  avatar(ui, dl, ImVec2(area.a.x + side + r, y + r), r, who);
  const float x = area.a.x + side + 2.0f * r + 8.0f * ui.s();
  const float w = 58.0f * ui.s();
  const float h = 30.0f * ui.s();
  ui::fill_rounded(dl, ImVec2(x, y), ImVec2(x + w, y + h), t.bubble_other, 12.0f * ui.s());
  dl->AddRect(ImVec2(x, y), ImVec2(x + w, y + h), t.card_border, 12.0f * ui.s(), 0, 1.0f);
  const float phase = static_cast<float>(ui.m.now()) * 5.0f;
  for (int i = 0; i < 3; ++i) {
    const float lift = ui.m.settings().reduce_motion
                           ? 0.0f
                           : std::max(0.0f, std::sin(phase - static_cast<float>(i))) * 3.0f;
    dl->AddCircleFilled(
        ImVec2(x + (17.0f + 12.0f * static_cast<float>(i)) * ui.s(), y + h * 0.5f - lift),
        3.5f * ui.s(), t.text_muted, 12);
  }
}

// Bubbles in a list that scrolls like a real chat: it sits on the newest message whenever
// one arrives (or the node changes), and a finger dragged down (or the wheel) brings back
// the earlier ones. A list shorter than the area starts at its top.
void bubble_list(Ui& ui, ImDrawList*, const ScreenArea& area, const std::vector<Bubble>& bubbles,
                 bool typing, const Character* next_sender) {
  const float gap = 10.0f * ui.s();
  std::vector<BubbleLayout> layouts;
  float total = typing ? 30.0f * ui.s() + gap : 0.0f;
  for (const auto& b : bubbles) {
    layouts.push_back(layout_bubble(ui, b, area.w()));
    total += layouts.back().height + gap;  // taller than the area: the list scrolls
  }
  const float content_h = total + gap;
  ImGui::SetCursorScreenPos(area.a);
  ImGui::BeginChild("chat-list", ImVec2(area.w(), area.h()), false,
                    ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
  // Whether the list sits on its newest message: a new node or a new bubble puts it there,
  // and it stays there (through a notice or a resize that changes the area) until the
  // student scrolls away, which shows as a scroll other than the one set last frame.
  ImGuiStorage* seen = ImGui::GetStateStorage();
  const ImGuiID node_key = ImGui::GetID("node");
  const ImGuiID count_key = ImGui::GetID("count");
  const ImGuiID set_key = ImGui::GetID("set");
  const ImGuiID stick_key = ImGui::GetID("stick");
  const int node = static_cast<int>(ui.m.node_serial());
  const int count = static_cast<int>(bubbles.size()) + (typing ? 1 : 0);
  const bool arrived = seen->GetInt(node_key, -1) != node || seen->GetInt(count_key, -1) != count;
  seen->SetInt(node_key, node);
  seen->SetInt(count_key, count);
  const float max_scroll = std::max(0.0f, content_h - area.h());
  bool stick = seen->GetBool(stick_key, true);
  const float now = ImGui::GetScrollY();
  if (arrived) {
    stick = true;
  } else if (std::fabs(now - seen->GetFloat(set_key, now)) > 0.5f) {
    stick = now >= ImGui::GetScrollMaxY() - 1.0f;  // moved by the student
  }
  // Drawn at the scroll it will have, so a new message is never a frame late.
  const float scroll = stick ? max_scroll : std::clamp(now, 0.0f, max_scroll);
  ImGui::SetScrollY(scroll);
  seen->SetFloat(set_key, scroll);
  seen->SetBool(stick_key, stick);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float y = area.a.y - scroll + gap;
  for (std::size_t i = 0; i < bubbles.size(); ++i) {
    draw_bubble(ui, dl, area, y, bubbles[i], layouts[i]);
    y += layouts[i].height + gap;
  }
  if (typing) typing_indicator(ui, dl, area, y, next_sender);
  ImGui::SetCursorPos(ImVec2(0.0f, 0.0f));
  ImGui::Dummy(ImVec2(area.w(), content_h));  // the list's height, for scrolling
  ImGui::EndChild();
}

// --- 4. Chat scenes: history and the player's line ---

std::string members_line(const Ui& ui, const Thread* th) {
  if (!th || th->members <= 0) return "";
  return ui.t("game.phone.members", {{"count", std::to_string(th->members)}});
}

// The thread's earlier messages on this phone, oldest first: a chat keeps its history.
std::vector<Bubble> history(const Ui& ui, const Runner& r, const std::string& thread_id) {
  std::vector<Bubble> out;
  for (const Node* n : ui.m.earlier_in_thread(thread_id)) {
    if (n->kind == NodeKind::Chat) {
      for (const auto& msg : n->as<ChatBody>().messages) {
        Bubble b;
        b.from = character(r, msg.from);
        b.mine = msg.from.id == r.perspective();
        b.text = &msg.text;
        b.image = msg.image ? &*msg.image : nullptr;
        b.time = msg.time;
        out.push_back(b);
      }
    } else {
      const auto& card = n->as<ImageCardBody>();
      Bubble b;
      b.from = character(r, card.from);
      b.mine = card.from.id == r.perspective();
      b.image = &card.image;
      b.time = n->time;
      out.push_back(b);
    }
  }
  return out;
}

// The line the student just chose to say, as their own message before the replies
// (AppModel::player_line decides when).
void add_player_line(const Ui& ui, const Runner& r, std::vector<Bubble>& bubbles) {
  std::string line = ui.m.player_line();
  if (line.empty()) return;
  Bubble b;
  b.from = phone_owner(r);
  b.mine = true;
  b.said = std::move(line);
  bubbles.push_back(std::move(b));
}

void chat_scene(Ui& ui, ImDrawList* dl, const ScreenArea& area, const Runner& r) {
  const auto& body = r.node().as<ChatBody>();
  const Thread* th = r.scenario().find_thread(body.thread.id);
  const std::size_t shown = ui.m.revealed_items();
  const float hh = app_header(ui, dl, area, th ? ui.pick(th->name) : "", members_line(ui, th),
                              static_cast<int>(body.messages.size()), nullptr);
  std::vector<Bubble> bubbles = history(ui, r, body.thread.id);
  add_player_line(ui, r, bubbles);
  for (std::size_t i = 0; i < shown && i < body.messages.size(); ++i) {
    const auto& msg = body.messages[i];
    Bubble b;
    b.from = character(r, msg.from);
    b.mine = msg.from.id == r.perspective();
    b.text = &msg.text;
    b.image = msg.image ? &*msg.image : nullptr;
    b.time = msg.time;
    bubbles.push_back(b);
  }
  const bool typing = shown < body.messages.size();
  const Character* next = typing ? character(r, body.messages[shown].from) : nullptr;
  bubble_list(ui, dl, ScreenArea{ImVec2(area.a.x, area.a.y + hh), area.b}, bubbles, typing, next);
}

// --- 5. Cards and scrolling ---

// A card with a heading, centred vertically in the area; returns the card's rectangle.
struct Card {
  ImU32 fill;
  std::string heading;
  std::string text;
  const char* where;
  bool thought_mark = false;  // a small thought bubble before the heading
};

// Three rising circles, the thought-bubble sign: drawn, so it needs no emoji font.
float draw_thought_mark(const Ui& ui, ImDrawList* dl, ImVec2 pos, float size) {
  const ImU32 col = ui.theme.thought_mark;
  dl->AddCircleFilled(ImVec2(pos.x + size * 0.12f, pos.y + size * 0.88f), size * 0.10f, col, 12);
  dl->AddCircleFilled(ImVec2(pos.x + size * 0.34f, pos.y + size * 0.66f), size * 0.15f, col, 16);
  dl->AddCircleFilled(ImVec2(pos.x + size * 0.68f, pos.y + size * 0.36f), size * 0.30f, col, 24);
  return size + 6.0f * ui.s();
}

float card_height(const Ui& ui, const Card& c, float w) {
  const float pad = 14.0f * ui.s();
  float h = 2.0f * pad;
  if (!c.heading.empty()) h += ui.fonts.small->FontSize + 6.0f * ui.s();
  h += ui::measure(ui, ui.fonts.body, c.text, w - 2.0f * pad).y;
  return h;
}

float draw_card(Ui& ui, ImDrawList* dl, ImVec2 pos, float w, const Card& c) {
  const ui::Theme& t = ui.theme;
  const float pad = 14.0f * ui.s();
  const float h = card_height(ui, c, w);
  ui::fill_rounded(dl, pos, ImVec2(pos.x + w, pos.y + h), c.fill, t.rounding, 0, false);
  dl->AddRect(pos, ImVec2(pos.x + w, pos.y + h), t.card_border, t.rounding, 0, 1.0f);
  float y = pos.y + pad;
  if (c.thought_mark) {
    // A warm stripe down the left edge marks the card apart from an excuse even in grey.
    ui::fill_rounded(dl, pos, ImVec2(pos.x + 5.0f * ui.s(), pos.y + h), t.thought_mark, t.rounding);
  }
  if (!c.heading.empty()) {
    const float mark =
        c.thought_mark ? draw_thought_mark(ui, dl, ImVec2(pos.x + pad, y), ui.fonts.small->FontSize)
                       : 0.0f;
    ui::draw_text(ui, dl, ui.fonts.small, ImVec2(pos.x + pad + mark, y), t.text_muted, c.heading,
                  0.0f, c.where, 0.0f, w - 2.0f * pad - mark);
    y += ui.fonts.small->FontSize + 6.0f * ui.s();
  }
  ui::draw_text(ui, dl, ui.fonts.body, ImVec2(pos.x + pad, y), t.card_text, c.text, w - 2.0f * pad,
                c.where);
  return h;
}

// Stacks cards centred vertically; everything must fit on the screen.
// A part of the phone's screen that scrolls (by finger, wheel or its thin bar) when what it
// shows is taller than it: the largest text on a small screen (1024x600) makes some cards
// taller than the phone. What fits is drawn as before, unscrolled.
class SceneScroll {
 public:
  SceneScroll(const Ui& ui, const char* id, const ScreenArea& area, float content_h)
      : overflows_(content_h > area.h() + 0.5f) {
    ImGui::SetCursorScreenPos(area.a);
    ImGui::BeginChild(
        id, ImVec2(area.w(), area.h()), false,
        ImGuiWindowFlags_NoBackground |
            (overflows_ ? ImGuiWindowFlags_AlwaysVerticalScrollbar : ImGuiWindowFlags_NoScrollbar));
    // A new node starts at the top of its cards.
    ImGuiStorage* seen = ImGui::GetStateStorage();
    const ImGuiID key = ImGui::GetID("node");
    const int node = static_cast<int>(ui.m.node_serial());
    const bool fresh = seen->GetInt(key, -1) != node;
    if (fresh) ImGui::SetScrollY(0.0f);
    seen->SetInt(key, node);
    top_ = area.a.y - (fresh ? 0.0f : ImGui::GetScrollY());
    content_h_ = content_h;
  }
  ~SceneScroll() {
    ImGui::SetCursorPos(ImVec2(0.0f, 0.0f));
    ImGui::Dummy(ImVec2(1.0f, content_h_));
    ImGui::EndChild();
  }
  SceneScroll(const SceneScroll&) = delete;
  SceneScroll& operator=(const SceneScroll&) = delete;

  ImDrawList* dl() const { return ImGui::GetWindowDrawList(); }
  float top() const { return top_; }  // where the content's first pixel row is drawn
  bool overflows() const { return overflows_; }

 private:
  bool overflows_;
  float top_ = 0.0f;
  float content_h_ = 0.0f;
};

// Stacks cards centred vertically; when they are taller than the screen, they scroll.
void card_stack(Ui& ui, ImDrawList*, const ScreenArea& area, const std::vector<Card>& cards,
                float extra_top = 0.0f) {
  const float margin = 14.0f * ui.s();
  const auto height = [&](float w) {
    float total = extra_top;
    for (const auto& c : cards) total += card_height(ui, c, w) + margin;
    return total - margin;
  };
  float w = area.w() - 2.0f * margin;
  float total = height(w);
  if (total + 2.0f * margin > area.h()) {
    w -= ImGui::GetStyle().ScrollbarSize;  // room for the bar that shows there is more
    total = height(w);
  }
  const SceneScroll scroll(ui, "cards", area, total + 2.0f * margin);
  float y = scroll.top() + std::max(margin, (area.h() - total) * 0.5f) + extra_top;
  for (const auto& c : cards)
    y += draw_card(ui, scroll.dl(), ImVec2(area.a.x + margin, y), w, c) + margin;
}

// --- 6. Lock screen, narration, DMs, feed, images, perspectives ---

void lock_screen(Ui& ui, ImDrawList* dl, const ScreenArea& area, const Runner& r, float top) {
  const ui::Theme& t = ui.theme;
  const ImU32 top_col = t.high_contrast ? IM_COL32(0, 0, 0, 255) : IM_COL32(70, 92, 140, 255);
  const ImU32 bottom_col = t.high_contrast ? IM_COL32(0, 0, 0, 255) : IM_COL32(150, 120, 170, 255);
  dl->AddRectFilledMultiColor(area.a, area.b, top_col, top_col, bottom_col, bottom_col);
  std::string clock = r.node().time;
  if (!clock.empty()) {
    ui::draw_centered(ui, dl, ui.fonts.big, area.a.x, area.b.x, area.a.y + top,
                      IM_COL32(255, 255, 255, 255), clock, "lock-clock");
  }
}

void narration_scene(Ui& ui, ImDrawList* dl, const ScreenArea& area, const Runner& r) {
  lock_screen(ui, dl, area, r, 24.0f * ui.s());
  const float clock_h = r.node().time.empty() ? 0.0f : ui.fonts.big->FontSize + 24.0f * ui.s();
  ScreenArea below{ImVec2(area.a.x, area.a.y + clock_h), area.b};
  card_stack(ui, dl, below,
             {{ui.theme.card, "", ui.pick(r.node().as<NarrationBody>().text), "narration"}});
}

void notification_scene(Ui& ui, ImDrawList* dl, const ScreenArea& area, const Runner& r) {
  const auto& body = r.node().as<NotificationBody>();
  const ui::Theme& t = ui.theme;
  const float margin = 10.0f * ui.s();
  const float pad = 12.0f * ui.s();
  const float w = area.w() - 2.0f * margin;
  const std::string app = ui.pick(body.app);
  const std::string title = ui.pick(body.title);
  const std::string text = ui.pick(body.text);
  const float text_h = ui::measure(ui, ui.fonts.body, text, w - 2.0f * pad).y;
  const float h = 2.0f * pad + ui.fonts.small->FontSize + 4.0f +
                  (title.empty() ? 0.0f : ui.fonts.body->FontSize + 2.0f) + text_h;
  ui::check_fit(ui, "notification", text, h + ui.fonts.big->FontSize + 2.0f * margin, area.h());
  lock_screen(ui, dl, area, r, h + 3.0f * margin);
  // The banner slides down from the top edge.
  const float y = area.a.y + margin - (1.0f - ease(appear(ui, 0.45f))) * (h + margin);
  const ImVec2 a(area.a.x + margin, y);
  ui::fill_rounded(dl, a, ImVec2(a.x + w, y + h), t.banner, 14.0f * ui.s());
  dl->AddRect(a, ImVec2(a.x + w, y + h), t.card_border, 14.0f * ui.s(), 0, 1.0f);
  float cy = y + pad;
  ui::fill_rounded(dl, ImVec2(a.x + pad, cy), ImVec2(a.x + pad + 14 * ui.s(), cy + 14 * ui.s()),
                   t.accent, 4.0f);
  ui::draw_text(ui, dl, ui.fonts.small, ImVec2(a.x + pad + 20 * ui.s(), cy), t.text_muted, app,
                0.0f, "notification-app", 0.0f, w * 0.6f);
  const std::string now = ui.t("game.phone.now");
  const float nw = ui::measure(ui, ui.fonts.small, now).x;
  ui::draw_text(ui, dl, ui.fonts.small, ImVec2(a.x + w - pad - nw, cy), t.text_muted, now, 0.0f,
                "notification-time");
  cy += ui.fonts.small->FontSize + 4.0f;
  if (!title.empty()) {
    ui::draw_text(ui, dl, ui.fonts.body, ImVec2(a.x + pad, cy), t.card_text, title, 0.0f,
                  "notification-title", 0.0f, w - 2 * pad);
    cy += ui.fonts.body->FontSize + 2.0f;
  }
  ui::draw_text(ui, dl, ui.fonts.body, ImVec2(a.x + pad, cy), t.card_text, text, w - 2.0f * pad,
                "notification");
}

void dm_scene(Ui& ui, ImDrawList* dl, const ScreenArea& area, const Runner& r) {
  const auto& body = r.node().as<DirectMessageBody>();
  const Character* from = character(r, body.from);
  const bool unknown = !from || from->unknown;
  const std::string sub = unknown ? ui.t("game.phone.message_request") : "";
  const float hh = app_header(ui, dl, area, name_of_character(ui, from), sub, 0, from);
  ScreenArea list{ImVec2(area.a.x, area.a.y + hh), area.b};
  if (unknown) {
    // Say plainly that this account is not someone the phone's owner knows.
    const float pad = 10.0f * ui.s();
    const std::string note = ui.t("game.phone.unknown_note");
    const float nh = ui::measure(ui, ui.fonts.small, note, list.w() - 4.0f * pad).y;
    ui::fill_rounded(dl, ImVec2(list.a.x + pad, list.a.y + pad),
                     ImVec2(list.b.x - pad, list.a.y + 3 * pad + nh), ui.theme.excuse, 8.0f);
    ui::draw_text(ui, dl, ui.fonts.small, ImVec2(list.a.x + 2 * pad, list.a.y + 2 * pad),
                  ui.theme.card_text, note, list.w() - 4.0f * pad, "unknown-note");
    list.a.y += nh + 4.0f * pad;
  }
  Bubble b;
  b.from = from;
  b.mine = body.from.id == r.perspective();
  b.text = &body.text;
  b.image = body.image ? &*body.image : nullptr;
  b.time = r.node().time;
  std::vector<Bubble> bubbles;
  add_player_line(ui, r, bubbles);
  bubbles.push_back(b);
  bubble_list(ui, dl, list, bubbles, false, nullptr);
}

void feed_scene(Ui& ui, ImDrawList* dl, const ScreenArea& area, const Runner& r) {
  const auto& body = r.node().as<FeedPostBody>();
  const ui::Theme& t = ui.theme;
  const float hh = app_header(ui, dl, area, ui.t("game.phone.feed"), "", 0, nullptr);
  const float margin = 12.0f * ui.s();
  const float pad = 12.0f * ui.s();
  const float w = area.w() - 2.0f * margin;
  const Character* author = character(r, body.author);
  const std::string text = ui.pick(body.text);
  const float ar = 17.0f * ui.s();
  const float text_h = ui::measure(ui, ui.fonts.body, text, w - 2.0f * pad).y;
  const float img_h = body.image ? image_card_height(ui, w - 2.0f * pad, *body.image) + 8.0f : 0.0f;
  const float stats_h = ui.fonts.small->FontSize + 10.0f * ui.s();
  const float h = 2.0f * pad + 2.0f * ar + 8.0f + text_h + img_h + stats_h;
  const SceneScroll scroll(ui, "feed", ScreenArea{ImVec2(area.a.x, area.a.y + hh), area.b},
                           h + 2.0f * margin);
  dl = scroll.dl();
  ImVec2 a(area.a.x + margin, scroll.top() + margin);
  ui::fill_rounded(dl, a, ImVec2(a.x + w, a.y + h), t.card, t.rounding);
  dl->AddRect(a, ImVec2(a.x + w, a.y + h), t.card_border, t.rounding, 0, 1.0f);
  float y = a.y + pad;
  avatar(ui, dl, ImVec2(a.x + pad + ar, y + ar), ar, author);
  ui::draw_text(ui, dl, ui.fonts.body,
                ImVec2(a.x + pad + 2 * ar + 8, y + ar - ui.fonts.body->FontSize * 0.5f),
                t.card_text, name_of_character(ui, author), 0.0f, "feed-author", 0.0f,
                w - 2 * ar - 3 * pad);
  y += 2.0f * ar + 8.0f;
  ui::draw_text(ui, dl, ui.fonts.body, ImVec2(a.x + pad, y), t.card_text, text, w - 2.0f * pad,
                "feed-post");
  y += text_h;
  if (body.image) {
    y += 8.0f;
    image_card(ui, dl, ImVec2(a.x + pad, y), w - 2.0f * pad, *body.image, "feed-image");
    y += img_h - 8.0f;
  }
  y += 8.0f * ui.s();
  // A heart and a speech bubble drawn with primitives, then the counts.
  const float hs = 6.0f * ui.s();
  const ImVec2 hc(a.x + pad + hs, y + ui.fonts.small->FontSize * 0.5f);
  dl->AddCircleFilled(ImVec2(hc.x - hs * 0.5f, hc.y - hs * 0.3f), hs * 0.6f, t.ripple, 12);
  dl->AddCircleFilled(ImVec2(hc.x + hs * 0.5f, hc.y - hs * 0.3f), hs * 0.6f, t.ripple, 12);
  dl->AddTriangleFilled(ImVec2(hc.x - hs * 1.1f, hc.y - hs * 0.1f),
                        ImVec2(hc.x + hs * 1.1f, hc.y - hs * 0.1f), ImVec2(hc.x, hc.y + hs),
                        t.ripple);
  const std::string likes = std::to_string(body.likes);
  float x = hc.x + 2.0f * hs;
  x += ui::draw_text(ui, dl, ui.fonts.small, ImVec2(x, y), t.text_muted, likes, 0.0f, "feed-likes")
           .x +
       16.0f * ui.s();
  dl->AddCircle(ImVec2(x + hs, hc.y), hs, t.text_muted, 12, 1.5f);
  x += 2.0f * hs + 6.0f;
  ui::draw_text(ui, dl, ui.fonts.small, ImVec2(x, y), t.text_muted, std::to_string(body.comments),
                0.0f, "feed-comments");
}

void image_card_scene(Ui& ui, ImDrawList* dl, const ScreenArea& area, const Runner& r) {
  const auto& body = r.node().as<ImageCardBody>();
  const std::string caption = ui.pick(body.caption);
  if (!body.thread.id.empty()) {
    const Thread* th = r.scenario().find_thread(body.thread.id);
    const float hh =
        app_header(ui, dl, area, th ? ui.pick(th->name) : "", members_line(ui, th), 1, nullptr);
    ScreenArea list{ImVec2(area.a.x, area.a.y + hh), area.b};
    float note_h = 0.0f;
    if (!caption.empty()) {
      note_h =
          ui::measure(ui, ui.fonts.small, caption, list.w() - 40.0f * ui.s()).y + 20.0f * ui.s();
    }
    std::vector<Bubble> bubbles = history(ui, r, body.thread.id);
    Bubble b;
    b.from = character(r, body.from);
    b.mine = body.from.id == r.perspective();
    b.image = &body.image;
    b.time = r.node().time;
    bubbles.push_back(b);
    bubble_list(ui, dl, ScreenArea{list.a, ImVec2(list.b.x, list.b.y - note_h)}, bubbles, false,
                nullptr);
    if (!caption.empty()) {
      const float y = list.b.y - note_h + 6.0f * ui.s();
      ui::fill_rounded(dl, ImVec2(list.a.x + 14 * ui.s(), y),
                       ImVec2(list.b.x - 14 * ui.s(), list.b.y - 4 * ui.s()), ui.theme.hint_bg,
                       8.0f);
      ui::draw_text(ui, dl, ui.fonts.small, ImVec2(list.a.x + 20 * ui.s(), y + 4 * ui.s()),
                    ui.theme.hint_text, caption, list.w() - 40.0f * ui.s(), "image-caption");
    }
    return;
  }
  const float margin = 16.0f * ui.s();
  const float w = area.w() - 2.0f * margin;
  const float ih = image_card_height(ui, w, body.image);
  const float ch =
      caption.empty() ? 0.0f : ui::measure(ui, ui.fonts.body, caption, w).y + 12.0f * ui.s();
  ui::check_fit(ui, "image-caption", caption, ih + ch, area.h() - 2.0f * margin);
  float y = area.a.y + std::max(margin, (area.h() - ih - ch) * 0.5f);
  image_card(ui, dl, ImVec2(area.a.x + margin, y), w, body.image, "image-card");
  if (!caption.empty()) {
    ui::draw_text(ui, dl, ui.fonts.body, ImVec2(area.a.x + margin, y + ih + 12.0f * ui.s()),
                  ui.theme.text, caption, w, "image-caption");
  }
}

void perspective_scene(Ui& ui, ImDrawList* dl, const ScreenArea& area, const Runner& r) {
  const auto& body = r.node().as<PerspectiveBody>();
  const Character* who = character(r, body.character);
  const ImU32 col =
      who ? ui::parse_color(who->avatar.color.c_str(), ui.theme.accent) : ui.theme.accent;
  if (!ui.theme.high_contrast)
    ui::fill_rounded(dl, area.a, area.b, ui::mix(ui.theme.phone_screen, col, 0.18f));
  const float t = ease(appear(ui, 0.6f));
  const float radius = 42.0f * ui.s();
  const ImVec2 c((area.a.x + area.b.x) * 0.5f, area.a.y + area.h() * 0.32f);
  dl->AddCircle(c, radius * (1.2f + 0.5f * t), ui::mix(col, ui.theme.phone_screen, 0.3f + 0.5f * t),
                48, 3.0f);
  avatar(ui, dl, c, radius, who);
  const std::string name = name_of_character(ui, who);
  ui::draw_centered(ui, dl, ui.fonts.title, area.a.x, area.b.x, c.y + radius * 1.8f, ui.theme.text,
                    name, "perspective-name");
  const float margin = 18.0f * ui.s();
  const std::string caption = ui.pick(body.caption);
  const float w = area.w() - 2.0f * margin;
  const float y = c.y + radius * 1.8f + ui.fonts.title->FontSize + 16.0f * ui.s();
  const ImVec2 cs = ui::measure(ui, ui.fonts.body, caption, w);
  ui::check_fit(ui, "perspective-caption", caption, y + cs.y, area.b.y);
  ui::draw_wrapped_centered(ui, dl, ui.fonts.body, area.a.x + margin, area.b.x - margin, y,
                            ui.theme.text, caption, "perspective-caption");
}

// --- 7. Excuse, thought and fact cards ---

// Source links show the site alone (source_site): a student reads where a claim comes from
// in one line; the whole address (often 80 characters of query string) would push the
// answer off a small phone. Teachers find the full links in the guide's facts page.

// The source of a claim in an answer, under it, when the card has one.
void add_source(Ui& ui, std::vector<Card>& cards, const std::string& source, const char* where) {
  if (source.empty() || ui.m.revealed_items() < 2) return;
  cards.push_back(
      {ui.theme.card, "", ui.t("game.fact.source", {{"source", source_site(source)}}), where});
}

void excuse_scene(Ui& ui, ImDrawList* dl, const ScreenArea& area, const Runner& r) {
  const auto& body = r.node().as<ExcuseBody>();
  std::vector<Card> cards;
  cards.push_back({ui.theme.excuse, excuse_heading(ui.m.text(), r.scenario(), body),
                   ui.pick(body.excuse), "excuse"});
  if (ui.m.revealed_items() >= 2)
    cards.push_back({ui.theme.answer, ui.t("game.excuse.answer_heading"), ui.pick(body.answer),
                     "excuse-answer"});
  add_source(ui, cards, body.source, "excuse-source");
  card_stack(ui, dl, area, cards);
}

// A thought that gets in the way, then what helps: warm, never framed as an excuse.
void thought_scene(Ui& ui, ImDrawList* dl, const ScreenArea& area, const Runner& r) {
  const auto& body = r.node().as<ThoughtBody>();
  std::vector<Card> cards;
  cards.push_back(
      {ui.theme.thought, thought_heading(ui.m.text()), ui.pick(body.thought), "thought", true});
  if (ui.m.revealed_items() >= 2)
    cards.push_back({ui.theme.answer, ui.t("game.thought.answer_heading"), ui.pick(body.answer),
                     "thought-answer"});
  add_source(ui, cards, body.source, "thought-source");
  card_stack(ui, dl, area, cards);
}

void fact_scene(Ui& ui, ImDrawList* dl, const ScreenArea& area, const Runner& r) {
  const auto& body = r.node().as<FactBody>();
  std::string source = ui.pick(body.source_label);
  const std::string url = source_site(body.source);
  const std::string src_line = source.empty()
                                   ? ui.t("game.fact.source", {{"source", url}})
                                   : ui.t("game.fact.source", {{"source", source + " · " + url}});
  card_stack(ui, dl, area,
             {{ui.theme.fact, ui.t("game.fact.heading"), ui.pick(body.text), "fact"},
              {ui.theme.card, "", src_line, "fact-source"}});
}

// --- 8. The ripple ---

void ripple_scene(Ui& ui, ImDrawList* dl, const ScreenArea& area, const Runner& r) {
  const auto& body = r.node().as<RippleBody>();
  const auto from = static_cast<double>(r.value_on_arrival(body.counter.id));
  const auto to = static_cast<double>(r.value_of(body.counter.id));
  const float t = ease(appear(ui, 1.6f));
  const auto shown =
      static_cast<long long>(std::llround(from + (to - from) * static_cast<double>(t)));
  // Rings spread out with the count; dots stand for groups of people who have seen it. They
  // give way to the caption when the text is large on a short screen.
  const float caption_margin = 16.0f * ui.s();
  const float caption_h =
      ui::measure(ui, ui.fonts.body, ui.pick(body.caption), area.w() - 2.0f * caption_margin).y;
  const float below =
      12.0f * ui.s() + ui.fonts.big->FontSize + 8.0f * ui.s() + caption_h + 8.0f * ui.s();
  const float maxr = std::max(
      20.0f * ui.s(),
      std::min({area.w() * 0.42f, area.h() * 0.26f, (area.h() - 16.0f * ui.s() - below) * 0.5f}));
  const ImVec2 c((area.a.x + area.b.x) * 0.5f, area.a.y + 16.0f * ui.s() + maxr);
  const int rings =
      1 + static_cast<int>(std::log10(std::max(1.0, static_cast<double>(shown)) + 1.0) * 1.5);
  for (int i = 0; i < rings; ++i) {
    const float rr =
        maxr * static_cast<float>(i + 1) / static_cast<float>(rings) * (0.6f + 0.4f * t);
    dl->AddCircle(
        c, rr,
        ui::mix(ui.theme.ripple, ui.theme.phone_screen, 0.25f + 0.12f * static_cast<float>(i)), 64,
        2.5f);
    const int dots = 6 * (i + 1);
    for (int d = 0; d < dots; ++d) {
      const float ang = 2.0f * kPi * static_cast<float>(d) / static_cast<float>(dots) +
                        static_cast<float>(i) * 0.4f;
      dl->AddCircleFilled(ImVec2(c.x + std::cos(ang) * rr, c.y + std::sin(ang) * rr), 3.0f * ui.s(),
                          ui.theme.ripple, 8);
    }
  }
  dl->AddCircleFilled(c, 10.0f * ui.s(), ui.theme.ripple, 16);
  const std::string number = grouped(shown);
  const float number_y = c.y + maxr + 12.0f * ui.s();
  ui::draw_centered(ui, dl, ui.fonts.big, area.a.x, area.b.x, number_y, ui.theme.text, number,
                    "ripple-number");
  const float margin = 16.0f * ui.s();
  const float w = area.w() - 2.0f * margin;
  const std::string caption = ui.pick(body.caption);
  const float y = number_y + ui.fonts.big->FontSize + 8.0f * ui.s();
  const ImVec2 cs = ui::measure(ui, ui.fonts.body, caption, w);
  ui::check_fit(ui, "ripple-caption", caption, y + cs.y, area.b.y);
  ui::draw_wrapped_centered(ui, dl, ui.fonts.body, area.a.x + margin, area.b.x - margin, y,
                            ui.theme.text, caption, "ripple-caption");
}

}  // namespace

// --- 9. Picking the scene to draw ---

const Character* phone_owner(const Runner& r) {
  const std::string& id = r.perspective().empty() ? r.scenario().player.id : r.perspective();
  return r.scenario().find_character(id);
}

void draw_scene(Ui& ui, ImDrawList* dl, const ScreenArea& area, const Runner& r) {
  switch (r.node().kind) {
    case NodeKind::Narration: narration_scene(ui, dl, area, r); break;
    case NodeKind::Chat: chat_scene(ui, dl, area, r); break;
    case NodeKind::FeedPost: feed_scene(ui, dl, area, r); break;
    case NodeKind::DirectMessage: dm_scene(ui, dl, area, r); break;
    case NodeKind::Notification: notification_scene(ui, dl, area, r); break;
    case NodeKind::ImageCard: image_card_scene(ui, dl, area, r); break;
    case NodeKind::Perspective: perspective_scene(ui, dl, area, r); break;
    case NodeKind::Excuse: excuse_scene(ui, dl, area, r); break;
    case NodeKind::Thought: thought_scene(ui, dl, area, r); break;
    case NodeKind::Ripple: ripple_scene(ui, dl, area, r); break;
    case NodeKind::Fact: fact_scene(ui, dl, area, r); break;
    case NodeKind::Reflection:
    case NodeKind::Ending: lock_screen(ui, dl, area, r, 40.0f * ui.s()); break;
  }
}

}  // namespace upstander::app
