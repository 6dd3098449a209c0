// The pack's settings (the scenario header) as controls: its languages (adding one leaves
// its texts to write; removing one drops them, and undo brings them back), the ages it is
// for, the minutes it takes, its place in lists, the learning goals it serves, whose phone
// it plays on and who the harm is aimed at.
#include "author_screens.hpp"
#include "upstander/ui/text_draw.hpp"

namespace upstander::dashboard {

namespace ed = author::edit;

namespace {

void settings_label(DashUi& ui, const std::string& text, float width, const char* where) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 sz = ui::draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, p,
                                  ui.theme.text_muted, text, width, where);
  ImGui::Dummy(ImVec2(width, sz.y + 2.0f * ui.s()));
}

void languages(DashUi& ui, AuthorWorkspace& w, const Scenario& s, float width) {
  settings_label(ui, ui.t("teacher.author.settings.languages"), width, "settings-languages");
  for (const auto& l : s.locales) {
    ImGui::PushID(l.c_str());
    ImGui::BeginDisabled(s.locales.size() == 1);
    if (small_button(ui, ui.t("teacher.author.settings.remove_language", {{"code", l}}),
                     "settings-language-remove")) {
      std::vector<std::string> kept;
      for (const auto& other : s.locales) {
        if (other != l) kept.push_back(other);
      }
      ui.post([&w, kept] { w.apply(ed::SetLocales{kept}); });
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::PopID();
  }
  ImGui::NewLine();
  const float half = std::floor((width - 10.0f * ui.s()) * 0.5f);
  text_field(ui, "new-language", ui.t("teacher.author.settings.new_language"), w.new_locale_input,
             half);
  if (small_button(ui, ui.t("teacher.author.settings.add_language"), "settings-language-add"))
    ui.post([&w] {
      auto locales = w.doc().scenario().locales;
      locales.push_back(w.new_locale_input);
      if (w.apply(ed::SetLocales{locales})) w.new_locale_input.clear();
    });
}

// Three numbers side by side: youngest and oldest age, minutes; then the list order.
void numbers(DashUi& ui, AuthorWorkspace& w, const Scenario& s, float width) {
  const float gap = 10.0f * ui.s();
  const float col = std::floor((width - 3 * gap) / 4.0f);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  int values[4] = {s.min_age, s.max_age, s.minutes, s.order};
  const char* keys[4] = {"teacher.author.settings.min_age", "teacher.author.settings.max_age",
                         "teacher.author.settings.minutes", "teacher.author.settings.order"};
  float bottom = p.y;
  for (int k = 0; k < 4; ++k) {
    ImGui::SetCursorScreenPos(ImVec2(p.x + static_cast<float>(k) * (col + gap), p.y));
    ImGui::PushID(k);
    const ImVec2 q = ImGui::GetCursorScreenPos();
    const ImVec2 ls = ui::draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, q,
                                    ui.theme.text_muted, ui.t(keys[k]), col, keys[k]);
    ImGui::SetCursorScreenPos(ImVec2(q.x, q.y + ls.y + 2.0f * ui.s()));
    ImGui::SetNextItemWidth(col);
    if (ImGui::InputInt("##n", &values[k], 1, 5)) {
      const int lo = values[0], hi = values[1], minutes = values[2], order = values[3];
      if (k < 2) ui.post([&w, lo, hi] { w.apply(ed::SetAudience{lo, hi}, true); });
      if (k == 2) ui.post([&w, minutes] { w.apply(ed::SetMinutes{minutes}, true); });
      if (k == 3) ui.post([&w, order] { w.apply(ed::SetOrder{order}, true); });
    }
    ImGui::PopID();
    bottom = std::max(bottom, ImGui::GetCursorScreenPos().y);
  }
  ImGui::SetCursorScreenPos(ImVec2(p.x, bottom + 4.0f * ui.s()));
}

void goals(DashUi& ui, AuthorWorkspace& w, const Scenario& s, float width) {
  settings_label(ui, ui.t("teacher.author.settings.goals"), width, "settings-goals");
  for (const auto& name : all_names<LearningGoal>()) {
    const LearningGoal g = *parse_name<LearningGoal>(name);
    bool on = std::find(s.goals.begin(), s.goals.end(), g) != s.goals.end();
    if (ImGui::Checkbox(ui::widget_label(ui, ui.t("teacher.goal." + name), "settings-goal").c_str(),
                        &on)) {
      // Kept in the order LEARNING.md lists the goals.
      std::vector<LearningGoal> picked;
      for (const auto& other : all_names<LearningGoal>()) {
        const LearningGoal o = *parse_name<LearningGoal>(other);
        const bool had = std::find(s.goals.begin(), s.goals.end(), o) != s.goals.end();
        if (o == g ? on : had) picked.push_back(o);
      }
      ui.post([&w, picked] { w.apply(ed::SetLearningGoals{picked}); });
    }
  }
}

void people(DashUi& ui, AuthorWorkspace& w, const Scenario& s, float width) {
  std::vector<std::string> ids;
  for (const auto& c : s.characters) ids.push_back(c.id);
  std::string player = s.player.id;
  if (id_combo(ui, "player", ui.t("teacher.author.settings.player"), ids, player, width))
    ui.post([&w, player] { w.apply(ed::SetPlayer{player}); });
  settings_label(ui, ui.t("teacher.author.settings.targeted"), width, "settings-targeted");
  // Several to a line, as many as fit.
  float x = 0.0f;
  for (const auto& c : s.characters) {
    const float w_box = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                        ImGui::CalcTextSize(c.id.c_str()).x + ImGui::GetStyle().ItemSpacing.x;
    if (x > 0.0f && x + w_box <= width)
      ImGui::SameLine();
    else
      x = 0.0f;
    x += w_box;
    bool on = s.is_targeted(c.id);
    ImGui::PushID(c.id.c_str());
    if (ImGui::Checkbox(ui::widget_label(ui, c.id, "settings-targeted-person").c_str(), &on)) {
      std::vector<std::string> picked;
      for (const auto& other : s.characters) {
        if (other.id == c.id ? on : s.is_targeted(other.id)) picked.push_back(other.id);
      }
      ui.post([&w, picked] { w.apply(ed::SetTargeted{picked}); });
    }
    ImGui::PopID();
  }
}

}  // namespace

void draw_author_settings(DashUi& ui, float width) {
  AuthorWorkspace& w = *ui.author;
  const Scenario& s = w.doc().scenario();
  author_heading(ui, width, ui.t("teacher.author.settings.title"), "author-settings-heading");
  languages(ui, w, s, width);
  author_gap(ui, width, 6.0f);
  numbers(ui, w, s, width);
  goals(ui, w, s, width);
  author_gap(ui, width, 6.0f);
  people(ui, w, s, width);
  author_gap(ui, width, 16.0f);
}

}  // namespace upstander::dashboard
