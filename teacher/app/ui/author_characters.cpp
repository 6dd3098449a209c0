// The characters of the pack: each name in every language, the avatar (an emoji and a
// colour, never a picture), removing one (refused while a node still uses it, with the
// reason), renaming one everywhere it is used, and adding a new one by id; then the chats
// (threads) a chat node happens in.
#include "author_screens.hpp"
#include "upstander/ui/display_text.hpp"
#include "upstander/ui/text_draw.hpp"

namespace upstander::dashboard {

namespace ed = author::edit;

namespace {

// "#RRGGBB" is complete; anything shorter is still being typed and is not sent (the edit
// would refuse it and the message would flash on every keystroke).
bool colour_complete(const std::string& c) {
  return c.empty() || (c.size() == 7 && c[0] == '#');
}

void avatar_row(DashUi& ui, AuthorWorkspace& w, const Character& c, float width) {
  const float col_gap = 10.0f * ui.s();
  const float sw = ImGui::GetFrameHeight();
  const float col = std::floor((width - col_gap - sw - col_gap) * 0.5f);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  // ImGui holds 16-bit code points: the field edits the emoji's display form (its stand-in,
  // drawn with the colour glyph), not the emoji itself, which it would show as "?".
  std::string shown = ui::to_display(c.avatar.emoji, ui.emoji);
  if (text_field(ui, "emoji", ui.t("teacher.author.characters.emoji"), shown, col)) {
    if (auto emoji = ui::from_display(shown, ui.emoji))
      ui.post([&w, id = c.id, emoji = *emoji, color = c.avatar.color] {
        w.apply(ed::SetAvatar{id, emoji, color}, true);
      });
  }
  const float y1 = ImGui::GetCursorScreenPos().y;
  ImGui::SetCursorScreenPos(ImVec2(p.x + col + col_gap, p.y));
  std::string colour = c.avatar.color;
  if (text_field(ui, "colour", ui.t("teacher.author.characters.colour"), colour, col) &&
      colour_complete(colour))
    ui.post([&w, id = c.id, emoji = c.avatar.emoji, colour] {
      w.apply(ed::SetAvatar{id, emoji, colour}, true);
    });
  // A swatch of the colour as the game shows it.
  const ImVec2 q = ImGui::GetCursorScreenPos();
  if (c.avatar.color.size() == 7) {
    const auto hex = static_cast<unsigned>(std::strtoul(c.avatar.color.c_str() + 1, nullptr, 16));
    const ImU32 fill = IM_COL32((hex >> 16) & 0xff, (hex >> 8) & 0xff, hex & 0xff, 255);
    const ImVec2 a(p.x + 2 * col + 2 * col_gap, q.y - sw);
    ImGui::GetWindowDrawList()->AddRectFilled(a, ImVec2(a.x + sw, a.y + sw), fill, 4.0f * ui.s());
  }
  ImGui::SetCursorScreenPos(ImVec2(p.x, std::max(y1, q.y)));
}

// Renaming a character or a chat: every message, speaker, chat node and the targeted list
// follow the new id. `what` is "character" or "thread".
void rename_declared(DashUi& ui, AuthorWorkspace& w, const std::string& what, const std::string& id,
                     float width) {
  const std::string key = what + ":" + id;
  if (w.rename_character_from != key) {
    if (small_button(ui, ui.t("teacher.author.characters.rename", {{"id", id}}), "rename-open"))
      ui.post([&w, key, id] {
        w.rename_character_from = key;
        w.rename_character_input = id;
      });
    return;
  }
  text_field(ui, "rename", ui.t("teacher.author.characters.rename_to", {{"id", id}}),
             w.rename_character_input, width);
  if (small_button(ui, ui.t("teacher.author.variables.rename_apply"), "rename-apply"))
    ui.post([&w, what, id] {
      const bool done = what == "thread"
                            ? w.apply(ed::RenameThread{id, w.rename_character_input})
                            : w.apply(ed::RenameCharacter{id, w.rename_character_input});
      if (done) w.rename_character_from.clear();
    });
  ImGui::SameLine();
  if (small_button(ui, ui.t("teacher.author.variables.cancel"), "rename-cancel"))
    ui.post([&w] { w.rename_character_from.clear(); });
}

// A group chat or a direct conversation, and the member count shown under its name.
void thread_kind_row(DashUi& ui, AuthorWorkspace& w, const Thread& t, float width) {
  const float half = std::floor((width - 10.0f * ui.s()) * 0.5f);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const std::vector<ComboItem> kinds = {{"group", ui.t("teacher.author.threads.kind.group")},
                                        {"direct", ui.t("teacher.author.threads.kind.direct")}};
  std::string kind(name_of(t.kind));
  if (item_combo(ui, "thread-kind", ui.t("teacher.author.threads.kind"), kinds, kind, half)) {
    if (const auto k = parse_name<ThreadKind>(kind))
      ui.post([&w, id = t.id, k, members = t.members] { w.apply(ed::SetThread{id, *k, members}); });
  }
  const float y1 = ImGui::GetCursorScreenPos().y;
  const float x = p.x + half + 10.0f * ui.s();
  const ImVec2 ls = ui::draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, ImVec2(x, p.y),
                                  ui.theme.text_muted, ui.t("teacher.author.threads.members"), half,
                                  "thread-members");
  ImGui::SetCursorScreenPos(ImVec2(x, p.y + ls.y + 2.0f * ui.s()));
  int members = t.members;
  ImGui::SetNextItemWidth(half);
  if (ImGui::InputInt("##members", &members, 1, 10))
    ui.post([&w, id = t.id, kind = t.kind, members = std::max(0, members)] {
      w.apply(ed::SetThread{id, kind, members}, true);
    });
  ImGui::SetCursorScreenPos(
      ImVec2(p.x, std::max(y1, ImGui::GetCursorScreenPos().y) + 4.0f * ui.s()));
}

// A chat node needs a chat to happen in: a new pack has none until one is added here.
void draw_threads(DashUi& ui, AuthorWorkspace& w, float width) {
  author_heading(ui, width, ui.t("teacher.author.threads.title"), "author-threads-heading");
  for (const auto& t : w.doc().scenario().threads) {
    ImGui::PushID(t.id.c_str());
    text_row(ui, "thread/" + t.id + "/name", t.name,
             ui.t("teacher.author.threads.name", {{"id", t.id}}), width);
    thread_kind_row(ui, w, t, width);
    rename_declared(ui, w, "thread", t.id, width);
    if (w.rename_character_from != "thread:" + t.id) ImGui::SameLine();
    if (small_button(ui, ui.t("teacher.author.threads.remove", {{"id", t.id}}), "thread-remove"))
      ui.post([&w, id = t.id] { w.apply(ed::RemoveThread{id}); });
    author_gap(ui, width, 10.0f);
    ImGui::PopID();
  }
  text_field(ui, "new-thread", ui.t("teacher.author.threads.new_id"), w.new_thread_input, width);
  if (small_button(ui, ui.t("teacher.author.threads.add"), "thread-add"))
    ui.post([&w] {
      if (w.apply(ed::AddThread{w.new_thread_input})) w.new_thread_input.clear();
    });
  author_gap(ui, width, 16.0f);
}

}  // namespace

void draw_author_characters(DashUi& ui, float width) {
  AuthorWorkspace& w = *ui.author;
  const Scenario& s = w.doc().scenario();
  author_heading(ui, width, ui.t("teacher.author.pack.characters_title"),
                 "author-characters-heading");
  for (const auto& c : s.characters) {
    ImGui::PushID(c.id.c_str());
    text_row(ui, "character/" + c.id + "/name", c.name,
             ui.t("teacher.author.pack.character", {{"id", c.id}}), width);
    avatar_row(ui, w, c, width);
    bool unknown = c.unknown;
    if (ImGui::Checkbox(
            ui::widget_label(ui, ui.t("teacher.author.characters.unknown"), "character-unknown")
                .c_str(),
            &unknown))
      ui.post([&w, id = c.id, unknown] { w.apply(ed::SetCharacterUnknown{id, unknown}); });
    rename_declared(ui, w, "character", c.id, width);
    if (w.rename_character_from != "character:" + c.id) ImGui::SameLine();
    if (small_button(ui, ui.t("teacher.author.characters.remove", {{"id", c.id}}),
                     "character-remove"))
      ui.post([&w, id = c.id] { w.apply(ed::RemoveCharacter{id}); });
    author_gap(ui, width, 10.0f);
    ImGui::PopID();
  }
  text_field(ui, "new-character", ui.t("teacher.author.characters.new_id"), w.new_character_input,
             width);
  if (small_button(ui, ui.t("teacher.author.characters.add"), "character-add"))
    ui.post([&w] {
      if (w.apply(ed::AddCharacter{w.new_character_input})) w.new_character_input.clear();
    });
  author_gap(ui, width, 16.0f);
  draw_threads(ui, w, width);
}

}  // namespace upstander::dashboard
