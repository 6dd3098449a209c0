// Twine story to scenario model.
#include "upstander/author/twine_import.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "twine_reading.hpp"
#include "upstander/author/passage_markup.hpp"
#include "upstander/object_reader.hpp"
#include "upstander/scenario_text.hpp"
#include "upstander/utf8.hpp"

namespace upstander::author {

namespace {

// Avatar colours for imported characters: distinct, readable on light and dark themes.
constexpr const char* kPalette[] = {"#4a90d9", "#d96c4a", "#5aa469", "#a05ad9", "#d9a441", "#4ab5c4", "#c44a7a", "#7a7a7a"};

struct PassageTags {
  std::optional<NodeKind> kind;
  std::optional<Outcome> outcome;
  std::vector<HelpTopic> help;
  std::string thread, counter, scene;
};

std::optional<NodeKind> kind_from_tag(const std::string& t) {
  static const std::map<std::string, NodeKind> kAliases = {
      {"feed", NodeKind::FeedPost}, {"post", NodeKind::FeedPost}, {"direct", NodeKind::DirectMessage},
      {"image", NodeKind::ImageCard}, {"card", NodeKind::ImageCard}};
  if (auto k = parse_name<NodeKind>(t)) return k;
  if (auto it = kAliases.find(t); it != kAliases.end()) return it->second;
  return std::nullopt;
}

// "Name: text" at the start of a line names who says it (at most 30 characters, no URL).
std::optional<std::pair<std::string, std::string>> split_speaker(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  const std::string name = trim_copy(line.substr(0, colon));
  const std::string_view rest = line.substr(colon + 1);
  if (name.empty() || utf8::count_code_points(name) > 30 || rest.substr(0, 2) == "//" ||
      (!rest.empty() && rest[0] != ' ' && rest[0] != '\t')) {
    return std::nullopt;
  }
  return std::make_pair(name, trim_copy(rest));
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

// Paragraphs are separated by blank lines (markup reading leaves at most one).
std::vector<std::string> split_paragraphs(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    if (std::string p = trim_copy(text.substr(start, end - start)); !p.empty()) out.push_back(std::move(p));
    start = end + 2;
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// Pulls http(s) addresses out of a text (fact and rules sources).
std::vector<std::string> take_urls(std::string& text) {
  std::vector<std::string> urls;
  for (std::size_t at = text.find("http"); at != std::string::npos; at = text.find("http", at)) {
    const std::string_view rest = std::string_view(text).substr(at);
    if (rest.rfind("https://", 0) != 0 && rest.rfind("http://", 0) != 0) {
      at += 4;
      continue;
    }
    std::size_t end = at;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != ')' && text[end] != '>') ++end;
    while (end > at && (text[end - 1] == '.' || text[end - 1] == ',')) --end;
    urls.push_back(text.substr(at, end - at));
    text.erase(at, end - at);
  }
  text = trim_copy(text);
  return urls;
}

class IdMaker {
 public:
  std::string make(std::string_view text, std::string_view fallback_prefix) {
    std::string base = slug_id(text, 56);
    if (base.empty()) base = std::string(fallback_prefix) + "-" + std::to_string(++fallbacks_);
    std::string id = base;
    for (int n = 2; used_.count(id); ++n) id = base + "-" + std::to_string(n);
    used_.insert(id);
    return id;
  }
  void reserve(const std::string& id) { used_.insert(id); }

 private:
  std::set<std::string> used_;
  int fallbacks_ = 0;
};

class StoryConverter {
 public:
  StoryConverter(const TwineStory& story, const TwineImportOptions& options) : story_(story), options_(options) {}

  TwineImport run() {
    header();
    name_passages();
    for (std::size_t i = 0; i < story_.passages.size(); ++i) convert(story_.passages[i], out_.mapping[i].node_id);
    player_and_start();
    estimate_minutes();
    story_notes();
    return std::move(out_);
  }

 private:
  Scenario& s() { return out_.scenario; }
  void note(std::uint32_t line, std::string message, ImportNote::Level level = ImportNote::Level::Warning) {
    out_.notes.push_back({level, line, std::move(message)});
  }
  LocalizedText text_of(const std::string& t) const {
    LocalizedText lt;
    if (!trim_copy(t).empty()) lt.set(options_.lang, trim_copy(t));
    return lt;
  }

  void header() {
    s().id = options_.id.empty() ? slug_id(story_.name) : options_.id;
    if (s().id.empty()) {
      s().id = "imported-story";
      note(story_.line, "the story's title gives no id; the scenario is called \"imported-story\" (choose one with --id)");
    }
    s().locales = {options_.lang};
    s().title = text_of(story_.name);
    s().review.status = ReviewStatus::Draft;
  }

  void name_passages() {
    IdMaker ids;
    for (const auto& p : story_.passages) {
      const std::string id = ids.make(p.name, "passage");
      if (by_name_.count(p.name)) {
        note(p.header_line, "there are two passages named \"" + p.name + "\"; links go to the first");
      } else {
        by_name_.emplace(p.name, id);
      }
      out_.mapping.push_back({p.name, id, p.header_line});
    }
  }

  std::string target_id(const TwineLink& l) {
    if (auto it = by_name_.find(l.target); it != by_name_.end()) return it->second;
    note(l.line, "a link goes to \"" + l.target + "\", which is not a passage of this story");
    const std::string id = slug_id(l.target);
    return id.empty() ? "missing-passage" : id;
  }

  PassageTags read_tags(const TwinePassage& p) {
    PassageTags t;
    for (const auto& raw : p.tags) {
      const std::string tag = ascii_lower(raw);
      auto suffix = [&](std::string_view prefix) { return tag.rfind(prefix, 0) == 0 ? tag.substr(prefix.size()) : std::string(); };
      if (auto k = kind_from_tag(tag)) {
        if (t.kind && *t.kind != *k) {
          note(p.header_line, "passage \"" + p.name + "\" has two kind tags; using \"" + std::string(name_of(*t.kind)) + "\"");
        } else {
          t.kind = k;
        }
      } else if (auto o = parse_name<Outcome>(suffix("ending-")); o && tag.rfind("ending-", 0) == 0) {
        t.kind = NodeKind::Ending;
        t.outcome = o;
      } else if (auto h = parse_name<HelpTopic>(suffix("help-")); h && tag.rfind("help-", 0) == 0) {
        t.help.push_back(*h);
      } else if (!suffix("thread-").empty() && is_valid_id(suffix("thread-"))) {
        t.thread = suffix("thread-");
      } else if (!suffix("counter-").empty() && is_valid_id(suffix("counter-"))) {
        t.counter = suffix("counter-");
      } else if (!suffix("scene-").empty()) {
        t.scene = raw.substr(6);
      } else {
        note(p.header_line, "passage \"" + p.name + "\": the tag \"" + raw + "\" means nothing in Upstander; ignored",
             ImportNote::Level::Info);
      }
    }
    return t;
  }

  std::string character(const std::string& name) {
    if (auto it = speakers_.find(name); it != speakers_.end()) return it->second;
    std::string id = slug_id(name, 56);
    if (id == "me" && !player_.empty()) {  // the player, made before anyone named them
      for (auto& c : s().characters) {
        if (c.id == player_ && c.name.empty()) c.name = text_of(name);
      }
      speakers_.emplace(name, player_);
      return player_;
    }
    if (id.empty() || character_ids_.count(id)) id = characters_.make(name, "character");
    else characters_.reserve(id);
    character_ids_.insert(id);
    Character c;
    c.id = id;
    c.name = text_of(name);
    c.avatar.color = kPalette[s().characters.size() % std::size(kPalette)];
    s().characters.push_back(std::move(c));
    speakers_.emplace(name, id);
    return id;
  }

  void ensure_thread(const std::string& id) {
    for (const auto& t : s().threads) {
      if (t.id == id) return;
    }
    Thread t;
    t.id = id;
    s().threads.push_back(std::move(t));  // its name is the author's to write (check asks for it)
  }

  void ensure_counter(const std::string& id) {
    for (const auto& v : s().variables) {
      if (v.id == id) return;
    }
    Variable v;
    v.id = id;
    v.type = VariableType::Counter;
    v.min = 0;
    s().variables.push_back(std::move(v));
  }

  // "Name: text" on the first line: the speaker and the rest; else no speaker.
  std::pair<std::string, std::string> speaker_and_text(const std::string& text) {
    std::vector<std::string> lines = split_lines(text);
    if (lines.empty()) return {"", ""};
    auto sp = split_speaker(lines[0]);
    if (!sp) return {"", text};
    lines[0] = sp->second;
    return {character(sp->first), trim_copy(join(lines, "\n"))};
  }

  ChatBody chat_body(const TwinePassage& p, const PassageTags& tags, const std::string& text) {
    ChatBody b;
    b.thread.id = tags.thread.empty() ? "chat" : tags.thread;
    ensure_thread(b.thread.id);
    std::string from;
    for (const auto& line : split_lines(text)) {
      if (trim_copy(line).empty()) continue;
      ChatMessage m;
      if (auto sp = split_speaker(line)) {
        from = character(sp->first);
        m.text = text_of(sp->second);
      } else {
        if (from.empty()) {
          note(p.header_line, "passage \"" + p.name + "\": a chat line without \"Name: \" is taken as the player's");
          from = player_id();
        }
        m.text = text_of(line);
      }
      m.from.id = from;
      b.messages.push_back(std::move(m));
    }
    return b;
  }

  // The character whose phone it is: a speaker called "Me", else one made without a name
  // (check then asks the author to name them).
  std::string player_id() {
    for (const auto& [name, id] : speakers_) {
      if (slug_id(name) == "me") return id;
    }
    if (player_.empty()) {
      player_ = characters_.make("me", "character");
      character_ids_.insert(player_);
      Character c;
      c.id = player_;
      c.avatar.color = kPalette[s().characters.size() % std::size(kPalette)];
      s().characters.push_back(std::move(c));
    }
    return player_;
  }

  EndingBody ending_body(const TwinePassage& p, const PassageTags& tags, const std::string& text) {
    EndingBody e;
    e.outcome = tags.outcome.value_or(Outcome::Mixed);
    if (!tags.outcome) {
      note(p.header_line, "ending \"" + p.name + "\" has no outcome tag (ending-upstander, ending-mixed, ending-harm, ending-supported, ending-partly_supported, ending-not_yet_supported or ending-skipped); "
                          "set to mixed, check it");
    }
    e.help = tags.help;
    // A heading first is the title; a line "Targeted:", "Around:" or "Rules:" starts that
    // debrief layer, which runs until the next such line.
    std::map<std::string, std::vector<std::string>> sections;
    std::string current = "text";
    for (const auto& line : split_lines(text)) {
      const std::string t = trim_copy(line);
      const std::size_t heading = t.find_first_not_of("#! ");
      const std::size_t colon = t.find(':');
      const std::string label = colon == std::string::npos ? "" : ascii_lower(t.substr(0, colon));
      if (e.title.empty() && sections.empty() && !t.empty() && (t[0] == '#' || t[0] == '!') && heading != std::string::npos) {
        e.title = text_of(t.substr(heading));
      } else if (label == "targeted" || label == "around" || label == "rules") {
        current = label;
        sections[current].push_back(trim_copy(t.substr(colon + 1)));
      } else {
        sections[current].push_back(line);
      }
    }
    auto section = [&](const std::string& name) { return trim_copy(join(sections[name], "\n")); };
    e.targeted.text = text_of(section("targeted"));
    e.around.text = text_of(section("around"));
    std::string rules = section("rules");
    e.rules.sources = take_urls(rules);
    e.rules.text = text_of(rules);
    e.text = text_of(section("text"));
    return e;
  }

  NodeBody body_for(NodeKind kind, const TwinePassage& p, const PassageTags& tags, PassageContent& c, Node& n) {
    const std::string& text = c.text;
    switch (kind) {
      case NodeKind::Narration: return NarrationBody{text_of(text)};
      case NodeKind::Chat: return chat_body(p, tags, text);
      case NodeKind::FeedPost: {
        FeedPostBody b;
        auto [who, t] = speaker_and_text(text);
        if (who.empty()) note(p.header_line, "feed post \"" + p.name + "\" names no author: start it with \"Name: \"");
        b.author.id = who;
        b.text = text_of(t);
        return b;
      }
      case NodeKind::DirectMessage: {
        DirectMessageBody b;
        auto [who, t] = speaker_and_text(text);
        if (who.empty()) note(p.header_line, "message \"" + p.name + "\" names no sender: start it with \"Name: \"");
        b.from.id = who;
        b.text = text_of(t);
        return b;
      }
      case NodeKind::Notification: {
        NotificationBody b;
        std::vector<std::string> lines = split_lines(text);
        if (auto sp = lines.empty() ? std::nullopt : split_speaker(lines[0])) {
          b.app = text_of(sp->first);
          lines[0] = sp->second;
        } else {
          note(p.header_line, "notification \"" + p.name + "\" names no app: start it with \"App: \"");
        }
        b.text = text_of(join(lines, "\n"));
        return b;
      }
      case NodeKind::ImageCard: {
        ImageCardBody b;
        auto [who, t] = speaker_and_text(text);
        b.from.id = who;
        if (!tags.thread.empty()) {
          ensure_thread(tags.thread);
          b.thread.id = tags.thread;
        }
        b.image.label = text_of(t);
        return b;
      }
      case NodeKind::Perspective: {
        PerspectiveBody b;
        auto [who, t] = speaker_and_text(text);
        if (who.empty()) note(p.header_line, "perspective \"" + p.name + "\" names nobody: start it with \"Name: \"");
        b.character.id = who;
        b.caption = text_of(t);
        return b;
      }
      case NodeKind::Excuse: {
        ExcuseBody b;
        said_and_answered(p, "excuse", text, b.speaker, b.excuse, b.answer, b.source);
        return b;
      }
      case NodeKind::Thought: {
        ThoughtBody b;
        said_and_answered(p, "thought", text, b.speaker, b.thought, b.answer, b.source);
        return b;
      }
      case NodeKind::Ripple: {
        RippleBody b;
        if (tags.counter.empty()) {
          note(p.header_line, "ripple \"" + p.name + "\" names no counter: tag it counter-<name>");
        } else {
          ensure_counter(tags.counter);
          b.counter.id = tags.counter;
        }
        b.caption = text_of(text);
        return b;
      }
      case NodeKind::Reflection: return reflection_body(p, c, n);
      case NodeKind::Fact: {
        FactBody b;
        std::string t = text;
        std::vector<std::string> urls = take_urls(t);
        for (const auto& l : c.links) {
          if (l.external) urls.insert(urls.begin(), l.target);
        }
        if (!urls.empty()) b.source = urls.front();
        else note(p.header_line, "fact \"" + p.name + "\" has no source address (https://...)");
        b.text = text_of(t);
        return b;
      }
      case NodeKind::Ending: return ending_body(p, tags, text);
    }
    return NarrationBody{};
  }

  // "Name: what they say\n\nthe answer\nhttps://source": excuse and thought cards.
  void said_and_answered(const TwinePassage& p, const char* kind, const std::string& text, IdRef& speaker,
                         LocalizedText& said, LocalizedText& answer, std::string& source) {
    std::string rest = text;
    if (std::vector<std::string> urls = take_urls(rest); !urls.empty()) source = urls.front();
    auto [who, t] = speaker_and_text(rest);
    speaker.id = who;
    std::vector<std::string> paras = split_paragraphs(t);
    if (!paras.empty()) said = text_of(paras[0]);
    if (paras.size() > 1) answer = text_of(join({paras.begin() + 1, paras.end()}, "\n\n"));
    else note(p.header_line, std::string(kind) + " \"" + p.name + "\" has no answer: write it as a second paragraph");
  }

  ReflectionBody reflection_body(const TwinePassage& p, const PassageContent& c, Node& n) {
    ReflectionBody b;
    b.question = text_of(c.text);
    IdMaker option_ids;
    for (const auto& l : c.links) {
      if (l.external) continue;
      // A bare [[Passage]] only says where to continue (a 1-5 scale has no options).
      if (l.text != l.target) b.options.push_back({option_ids.make(l.text, "option"), text_of(l.text), {}});
      const std::string to = target_id(l);
      if (!n.next) {
        n.next = IdRef{to, {}, -1};
      } else if (n.next->id != to) {
        note(l.line, "reflection \"" + p.name + "\": its answers lead to different passages; all continue to the first");
      }
    }
    // Without answers to choose from it is a 1-5 scale; its two labels are the author's to write.
    if (b.options.empty()) b.scale = Scale{};
    return b;
  }

  void exits(const TwinePassage& p, const std::vector<TwineLink>& links, Node& n) {
    std::vector<const TwineLink*> internal;
    for (const auto& l : links) {
      if (l.external) note(l.line, "passage \"" + p.name + "\": the web link " + l.target + " is kept as text, not as a choice");
      else internal.push_back(&l);
    }
    if (n.is_ending()) {
      if (!internal.empty()) note(p.header_line, "ending \"" + p.name + "\" has links; an ending has no choices, dropped");
      return;
    }
    if (internal.empty()) {
      note(p.header_line, "passage \"" + p.name + "\" has no links: link it onward or tag it ending");
    } else if (internal.size() == 1) {
      n.next = IdRef{target_id(*internal[0]), {}, -1};
      if (internal[0]->text != internal[0]->target) {
        note(internal[0]->line, "passage \"" + p.name + "\": its one link becomes \"continue\"; the link text \"" +
                                    internal[0]->text + "\" is not kept", ImportNote::Level::Info);
      }
    } else {
      IdMaker choice_ids;
      for (const auto* l : internal) {
        Choice c;
        c.id = choice_ids.make(l->text, "choice");
        c.text = text_of(l->text);
        c.to = IdRef{target_id(*l), {}, -1};
        n.choices.push_back(std::move(c));
      }
    }
  }

  void convert(const TwinePassage& p, const std::string& id) {
    const PassageTags tags = read_tags(p);
    PassageContent content = read_passage_markup(p, out_.notes);
    bool internal_links = std::any_of(content.links.begin(), content.links.end(), [](const auto& l) { return !l.external; });
    NodeKind kind = tags.kind.value_or(NodeKind::Narration);
    if (!tags.kind && !internal_links) {
      kind = NodeKind::Ending;  // Twine's convention: a passage without links ends the story
      note(p.header_line, "passage \"" + p.name + "\" has no links and no kind tag: imported as an ending",
           ImportNote::Level::Info);
    }
    Node n;
    n.id = id;
    n.kind = kind;
    n.scene = tags.scene;
    n.body = body_for(kind, p, tags, content, n);
    if (kind != NodeKind::Reflection) exits(p, content.links, n);
    s().nodes.push_back(std::move(n));
  }

  void player_and_start() {
    s().player.id = player_id();
    if (!story_.start.empty() && by_name_.count(story_.start)) {
      s().start.id = by_name_.at(story_.start);
    } else if (!s().nodes.empty()) {
      s().start.id = s().nodes.front().id;
      const std::string why = story_.start.empty() ? "the story names no start passage"
                                                   : "the start passage \"" + story_.start + "\" does not exist";
      note(story_.line, why + "; starting at \"" + story_.passages.front().name + "\"");
    }
  }

  void estimate_minutes() {
    double seconds = 0;
    for_each_text(s(), [&](const std::string&, const LocalizedText& t) { seconds += reading_seconds(options_.lang, t.get(options_.lang)); });
    s().minutes = std::clamp(static_cast<int>(std::ceil(seconds / 60.0)), 1, 90);
    note(0, "\"minutes\" is set to " + std::to_string(s().minutes) +
                " from the reading time of every text; measure it in class and correct it", ImportNote::Level::Info);
  }

  void story_notes() {
    if (!story_.format.empty()) {
      note(story_.line, "the story was written for " + story_.format + " " + story_.format_version +
                            "; its macros do not run in Upstander", ImportNote::Level::Info);
    }
    if (!story_.ifid.empty()) note(story_.line, "the IFID " + story_.ifid + " is not kept (scenarios are known by their id)", ImportNote::Level::Info);
    if (!story_.tag_colors.empty()) note(story_.line, "tag colours are not kept", ImportNote::Level::Info);
    if (story_.has_script) note(story_.line, "the story's JavaScript is not imported");
    if (story_.has_stylesheet) note(story_.line, "the story's stylesheet is not imported", ImportNote::Level::Info);
  }

  const TwineStory& story_;
  const TwineImportOptions& options_;
  TwineImport out_;
  std::map<std::string, std::string> by_name_;
  std::map<std::string, std::string> speakers_;
  std::set<std::string> character_ids_;
  IdMaker characters_;
  std::string player_;
};

}  // namespace

std::string slug_id(std::string_view text, std::size_t max) {
  std::string out;
  bool dash = false;
  for (char ch : text) {
    char c = ch;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '_' && !out.empty());
    if (keep) {
      if (dash && !out.empty()) out += '-';
      out += c;
      dash = false;
    } else {
      dash = true;
    }
    if (out.size() >= max) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.substr(0, max);
}

TwineImport import_twine_story(const TwineStory& story, const TwineImportOptions& options) {
  return StoryConverter(story, options).run();
}

}  // namespace upstander::author
