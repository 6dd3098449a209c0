// The non-text fields of each node kind, every one a typed control: chat messages (add,
// remove, move, sender, image), the image icon of a DM, feed post or image card (an icon
// from a list, never an image file), feed counts, a fact's source, an ending's help topics
// and debrief sources, a ripple's counter, a reflection's options or scale, the phone
// clock, the scene label, the author's note and the skip target.
#include "author_screens.hpp"
#include "upstander/ui/text_draw.hpp"
#include "upstander/author/text_slots.hpp"
#include "upstander/node_fields.hpp"

namespace upstander::dashboard {

namespace ed = author::edit;

namespace {

std::vector<std::string> character_ids(const Scenario& s) {
  std::vector<std::string> out;
  for (const auto& c : s.characters) out.push_back(c.id);
  return out;
}

// "" = no image (when allowed), else an icon name.
std::vector<ComboItem> icon_items(const DashUi& ui, bool allow_none) {
  std::vector<ComboItem> out;
  if (allow_none) out.push_back({"", ui.t("teacher.author.image.none")});
  for (const auto& i : all_names<ImageIcon>())
    out.push_back({i, ui.t("teacher.author.image." + i)});
  return out;
}

void image_picker(DashUi& ui, AuthorWorkspace& w, const std::string& node,
                  const std::optional<ImageCard>& image, int message, float width) {
  std::string icon = image ? std::string(name_of(image->icon)) : "";
  if (item_combo(ui, "image", ui.t("teacher.author.image.label"), icon_items(ui, true), icon,
                 width)) {
    const std::optional<ImageIcon> picked = parse_name<ImageIcon>(icon);
    ui.post([&w, node, picked, message] { w.apply(ed::SetImage{node, picked, message}); });
  }
}

// A clock time is sent once it is complete ("21:04") or cleared; the edit checks the range.
bool clock_complete(const std::string& t) {
  return t.empty() || (t.size() == 5 && t[2] == ':');
}

bool url_started(const std::string& u) {
  return u.rfind("http://", 0) == 0 || u.rfind("https://", 0) == 0;
}

void chat_messages(DashUi& ui, AuthorWorkspace& w, const Node& n, const ChatBody& chat,
                   float width) {
  const auto characters = character_ids(w.doc().scenario());
  for (std::size_t i = 0; i < chat.messages.size(); ++i) {
    const ChatMessage& m = chat.messages[i];
    ImGui::PushID(static_cast<int>(i));
    const float half = std::floor((width - 10.0f * ui.s()) * 0.5f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    std::string who = m.from.id;
    if (id_combo(ui, "from",
                 ui.t("teacher.author.node.message_from", {{"n", std::to_string(i + 1)}}),
                 characters, who, half))
      ui.post([&w, node = n.id, who, i] {
        w.apply(ed::SetSpeaker{node, who, static_cast<int>(i)});
      });
    const float y1 = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(p.x + half + 10.0f * ui.s(), p.y));
    image_picker(ui, w, n.id, m.image, static_cast<int>(i), half);
    ImGui::SetCursorScreenPos(ImVec2(p.x, std::max(y1, ImGui::GetCursorScreenPos().y)));
    std::string sent = m.time;
    if (text_field(ui, "sent", ui.t("teacher.author.messages.time"), sent, half) &&
        clock_complete(sent))
      ui.post([&w, node = n.id, i, sent] { w.apply(ed::SetMessageTime{node, i, sent}, true); });
    // The message's words right under its sender (the node's other texts come later).
    const std::string key = author::node_key_prefix(n.id) + "message/" + std::to_string(i);
    const std::string number = std::to_string(i + 1);
    text_row(ui, key + "/text", m.text, ui.t("teacher.author.messages.text", {{"n", number}}),
             width);
    if (m.image)
      text_row(ui, key + "/image", m.image->label,
               ui.t("teacher.author.messages.image_label", {{"n", number}}), width);
    if (i > 0 && small_button(ui, ui.t("teacher.author.messages.up"), "message-up"))
      ui.post([&w, node = n.id, i] { w.apply(ed::MoveMessage{node, i, i - 1}); });
    if (i > 0) ImGui::SameLine();
    if (i + 1 < chat.messages.size() &&
        small_button(ui, ui.t("teacher.author.messages.down"), "message-down"))
      ui.post([&w, node = n.id, i] { w.apply(ed::MoveMessage{node, i, i + 1}); });
    if (i + 1 < chat.messages.size()) ImGui::SameLine();
    if (small_button(ui, ui.t("teacher.author.messages.remove", {{"n", std::to_string(i + 1)}}),
                     "message-remove"))
      ui.post([&w, node = n.id, i] { w.apply(ed::RemoveMessage{node, i}); });
    author_gap(ui, width, 6.0f);
    ImGui::PopID();
  }
  if (small_button(ui, ui.t("teacher.author.messages.add"), "message-add"))
    ui.post([&w, node = n.id] {
      const Scenario& s = w.doc().scenario();
      const std::string from =
          s.player.id.empty() && !s.characters.empty() ? s.characters.front().id : s.player.id;
      w.apply(ed::AddMessage{node, from, std::nullopt});
    });
}

void feed_counts(DashUi& ui, AuthorWorkspace& w, const Node& n, const FeedPostBody& feed,
                 float width) {
  const float half = std::floor((width - 10.0f * ui.s()) * 0.5f);
  int counts[2] = {feed.likes, feed.comments};
  const char* keys[2] = {"teacher.author.feed.likes", "teacher.author.feed.comments"};
  const ImVec2 p = ImGui::GetCursorScreenPos();
  float bottom = p.y;
  for (int k = 0; k < 2; ++k) {
    ImGui::SetCursorScreenPos(ImVec2(p.x + static_cast<float>(k) * (half + 10.0f * ui.s()), p.y));
    const ImVec2 ls =
        ui::draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, ImGui::GetCursorScreenPos(),
                      ui.theme.text_muted, ui.t(keys[k]), half, keys[k]);
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, p.y + ls.y + 2.0f * ui.s()));
    ImGui::SetNextItemWidth(half);
    ImGui::PushID(k);
    if (ImGui::InputInt("##count", &counts[k], 1, 100)) {
      const int likes = std::max(0, counts[0]), comments = std::max(0, counts[1]);
      ui.post([&w, node = n.id, likes, comments] {
        w.apply(ed::SetFeedCounts{node, likes, comments}, true);
      });
    }
    ImGui::PopID();
    bottom = std::max(bottom, ImGui::GetCursorScreenPos().y);
  }
  ImGui::SetCursorScreenPos(ImVec2(p.x, bottom));
}

void help_topics(DashUi& ui, AuthorWorkspace& w, const Node& n, const EndingBody& end,
                 float width) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 ls =
      ui::draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, p, ui.theme.text_muted,
                    ui.t("teacher.author.ending.help"), width, "ending-help");
  ImGui::Dummy(ImVec2(width, ls.y));
  // Two columns: six topics in one would push the rest of the ending out of view.
  const float column = std::floor(width * 0.5f);
  int i = 0;
  for (const auto& name : all_names<HelpTopic>()) {
    if (i++ % 2 == 1) ImGui::SameLine(column);
    const HelpTopic t = *parse_name<HelpTopic>(name);
    bool on = std::find(end.help.begin(), end.help.end(), t) != end.help.end();
    if (ImGui::Checkbox(
            ui::widget_label(ui, ui.t("teacher.author.help." + name), "ending-help-topic").c_str(),
            &on)) {
      std::vector<HelpTopic> topics;
      for (const auto& other : all_names<HelpTopic>()) {
        const HelpTopic o = *parse_name<HelpTopic>(other);
        const bool had = std::find(end.help.begin(), end.help.end(), o) != end.help.end();
        if (o == t ? on : had) topics.push_back(o);
      }
      ui.post([&w, node = n.id, topics] { w.apply(ed::SetHelpTopics{node, topics}); });
    }
  }
}

// The sources of one debrief layer at a time (the rules layer by default): most cite only
// the law and school rules, some the facts in what happens around the person targeted.
void debrief_sources(DashUi& ui, AuthorWorkspace& w, const Node& n, const EndingBody& end,
                     float width) {
  using L = ed::DebriefLayerId;
  const std::vector<ComboItem> layers = {
      {"rules", ui.t("teacher.author.ending.layer.rules")},
      {"around", ui.t("teacher.author.ending.layer.around")},
      {"targeted", ui.t("teacher.author.ending.layer.targeted")}};
  std::string picked = w.sources_layer;
  if (item_combo(ui, "source-layer", ui.t("teacher.author.ending.sources_of"), layers, picked,
                 width))
    ui.post([&w, picked] { w.sources_layer = picked; });
  const L layer = w.sources_layer == "around"     ? L::Around
                  : w.sources_layer == "targeted" ? L::Targeted
                                                  : L::Rules;
  const std::vector<std::string>& sources = layer == L::Around     ? end.around.sources
                                            : layer == L::Targeted ? end.targeted.sources
                                                                   : end.rules.sources;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    // An address can be longer than the column: it wraps beside its remove button.
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool remove =
        small_button(ui, ui.t("teacher.author.ending.remove_source"), "ending-source-remove");
    ImGui::SameLine();
    const ImVec2 q = ImGui::GetCursorScreenPos();
    const ImVec2 sz =
        ui::draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, q, ui.theme.text, sources[i],
                      width - (q.x - p.x), "ending-source");
    ImGui::SetCursorScreenPos(
        ImVec2(p.x, std::max(ImGui::GetCursorScreenPos().y, q.y + sz.y + 4.0f * ui.s())));
    ImGui::Dummy(ImVec2(width, 0.0f));
    if (remove) {
      auto urls = sources;
      urls.erase(urls.begin() + static_cast<std::ptrdiff_t>(i));
      ui.post([&w, node = n.id, layer, urls] {
        w.apply(ed::SetDebriefSources{node, layer, urls});
      });
    }
    ImGui::PopID();
  }
  text_field(ui, "new-source", ui.t("teacher.author.ending.new_source"), w.new_source_input, width);
  if (small_button(ui, ui.t("teacher.author.ending.add_source"), "ending-source-add")) {
    auto urls = sources;
    urls.push_back(w.new_source_input);
    ui.post([&w, node = n.id, layer, urls] {
      if (w.apply(ed::SetDebriefSources{node, layer, urls})) w.new_source_input.clear();
    });
  }
}

// A ripple shows how far something spread: one of the pack's counters.
void ripple_counter(DashUi& ui, AuthorWorkspace& w, const Node& n, const RippleBody& ripple,
                    float width) {
  std::vector<std::string> counters;
  for (const auto& v : w.doc().scenario().variables) {
    if (v.type == VariableType::Counter) counters.push_back(v.id);
  }
  std::string picked = ripple.counter.id;
  if (id_combo(ui, "ripple-counter", ui.t("teacher.author.ripple.counter"), counters, picked,
               width))
    ui.post([&w, node = n.id, picked] { w.apply(ed::SetRippleCounter{node, picked}); });
}

void reflection_fields(DashUi& ui, AuthorWorkspace& w, const Node& n, const ReflectionBody& r,
                       float width) {
  bool scale = r.scale.has_value();
  if (ImGui::Checkbox(
          ui::widget_label(ui, ui.t("teacher.author.reflection.scale"), "reflection-scale").c_str(),
          &scale))
    ui.post([&w, node = n.id, scale] { w.apply(ed::SetReflectionScale{node, scale}); });
  if (scale) return;
  for (const auto& o : r.options) {
    ImGui::PushID(o.id.c_str());
    if (small_button(ui, ui.t("teacher.author.reflection.remove", {{"id", o.id}}),
                     "reflection-remove"))
      ui.post([&w, node = n.id, id = o.id] { w.apply(ed::RemoveOption{node, id}); });
    ImGui::PopID();
  }
  text_field(ui, "new-option", ui.t("teacher.author.reflection.new_id"), w.new_option_input, width);
  if (small_button(ui, ui.t("teacher.author.reflection.add"), "reflection-add"))
    ui.post([&w, node = n.id] {
      if (w.apply(ed::AddOption{node, w.new_option_input})) w.new_option_input.clear();
    });
}

// The chat a chat node or an image card happens in (optional for a card).
void thread_picker(DashUi& ui, AuthorWorkspace& w, const Node& n, const IdRef& thread,
                   float width) {
  std::vector<std::string> ids{""};
  for (const auto& t : w.doc().scenario().threads) ids.push_back(t.id);
  std::string picked = thread.id;
  if (id_combo(ui, "thread", ui.t("teacher.author.node.thread"), ids, picked, width))
    ui.post([&w, node = n.id, picked] { w.apply(ed::SetNodeThread{node, picked}); });
}

void body_fields(DashUi& ui, AuthorWorkspace& w, const Node& n, float width) {
  if (const auto* chat = std::get_if<ChatBody>(&n.body)) {
    thread_picker(ui, w, n, chat->thread, width);
    chat_messages(ui, w, n, *chat, width);
  }
  if (const auto* dm = std::get_if<DirectMessageBody>(&n.body))
    image_picker(ui, w, n.id, dm->image, -1, width);
  if (const auto* feed = std::get_if<FeedPostBody>(&n.body)) {
    image_picker(ui, w, n.id, feed->image, -1, width);
    feed_counts(ui, w, n, *feed, width);
  }
  if (const auto* card = std::get_if<ImageCardBody>(&n.body)) {
    thread_picker(ui, w, n, card->thread, width);
    std::string icon(name_of(card->image.icon));
    if (item_combo(ui, "card-icon", ui.t("teacher.author.image.icon"), icon_items(ui, false), icon,
                   width)) {
      const std::optional<ImageIcon> picked = parse_name<ImageIcon>(icon);
      ui.post([&w, node = n.id, picked] { w.apply(ed::SetImage{node, picked}); });
    }
  }
  const std::string* source = source_field(n.body);  // node_kinds.hpp's Url field
  if (source != nullptr) {
    std::string url = *source;
    if (text_field(ui, "fact-source", ui.t("teacher.author.fact.source"), url, width) &&
        (url.empty() || url_started(url)))
      ui.post([&w, node = n.id, url] { w.apply(ed::SetFactSource{node, url}, true); });
  }
  if (const auto* end = std::get_if<EndingBody>(&n.body)) {
    help_topics(ui, w, n, *end, width);
    author_gap(ui, width, 4.0f);
    debrief_sources(ui, w, n, *end, width);
  }
  if (const auto* r = std::get_if<ReflectionBody>(&n.body)) reflection_fields(ui, w, n, *r, width);
  if (const auto* ripple = std::get_if<RippleBody>(&n.body))
    ripple_counter(ui, w, n, *ripple, width);
}

}  // namespace

void draw_author_kind_fields(DashUi& ui, const Node& n, float width) {
  AuthorWorkspace& w = *ui.author;
  body_fields(ui, w, n, width);
  author_gap(ui, width, 4.0f);
  const float half = std::floor((width - 10.0f * ui.s()) * 0.5f);
  // The phone clock and the scene label side by side, the author's note under them.
  const ImVec2 p = ImGui::GetCursorScreenPos();
  std::string time = n.time;
  if (text_field(ui, "time", ui.t("teacher.author.node.time"), time, half) && clock_complete(time))
    ui.post([&w, node = n.id, time] { w.apply(ed::SetTime{node, time}, true); });
  const float y1 = ImGui::GetCursorScreenPos().y;
  ImGui::SetCursorScreenPos(ImVec2(p.x + half + 10.0f * ui.s(), p.y));
  std::string scene = n.scene;
  if (text_field(ui, "scene", ui.t("teacher.author.node.scene"), scene, half))
    ui.post([&w, node = n.id, scene] { w.apply(ed::SetScene{node, scene}, true); });
  ImGui::SetCursorScreenPos(ImVec2(p.x, std::max(y1, ImGui::GetCursorScreenPos().y)));
  std::string note = n.note;
  if (text_field(ui, "note", ui.t("teacher.author.node.note"), note, width))
    ui.post([&w, node = n.id, note] { w.apply(ed::SetNote{node, note}, true); });
  if (n.is_decision()) draw_author_skip(ui, n, width);
}

}  // namespace upstander::dashboard
