// Twine story to scenario model.
//
// Index:
//   1. Tags, lines, paragraphs and web addresses
//   2. Ids made from text
//   3. The conversion in order; the story's header
//   4. Special passages and StoryInit
//   5. Redirects and passage names
//   6. Variables
//   7. Conditions, effects and link targets in ids; passage tags
//   8. Speakers, characters, threads and counters
//   9. Node bodies by kind, and who speaks in them
//   10. Exits: choices, routes and go-tos
//   11. Passage to node; start, reading time and story notes
//   12. Ids from text and the entry point

#include "upstander/author/twine_import.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <map>
#include <set>

#include "twine_reading.hpp"
#include "upstander/author/passage_markup.hpp"
#include "upstander/author/twine_logic.hpp"
#include "upstander/field_readers.hpp"
#include "upstander/object_reader.hpp"
#include "upstander/scenario_text.hpp"
#include "upstander/utf8.hpp"

namespace upstander::author {

namespace {

// --- 1. Tags, lines, paragraphs and web addresses ---

// Avatar colours for imported characters: distinct, readable on light and dark themes.
constexpr const char* kPalette[] = {"#4a90d9", "#d96c4a", "#5aa469", "#a05ad9",
                                    "#d9a441", "#4ab5c4", "#c44a7a", "#7a7a7a"};

struct PassageTags {
  std::optional<NodeKind> kind;
  std::optional<Outcome> outcome;
  std::vector<HelpTopic> help;
  std::string thread, counter, scene;
  std::string skip;  // skip-<passage>: where "skip this scene" leads
};

std::optional<NodeKind> kind_from_tag(const std::string& t) {
  static const std::map<std::string, NodeKind> kAliases = {{"feed", NodeKind::FeedPost},
                                                           {"post", NodeKind::FeedPost},
                                                           {"direct", NodeKind::DirectMessage},
                                                           {"image", NodeKind::ImageCard},
                                                           {"card", NodeKind::ImageCard}};
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
    if (std::string p = trim_copy(text.substr(start, end - start)); !p.empty())
      out.push_back(std::move(p));
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

// The "Label: value" lines export-twee writes after a kind's text (twine_reading.hpp),
// taken off the end of the text; its first line is always the text, whatever it says.
class ExtraLines {
 public:
  ExtraLines(std::string& text, std::initializer_list<std::string_view> labels) {
    std::vector<std::string> lines = split_lines(text);
    while (lines.size() > 1) {
      const std::string last = trim_copy(lines.back());
      const std::size_t colon = last.find(':');
      if (!last.empty()) {
        if (colon == std::string::npos) break;
        const std::string label = ascii_lower(trim_copy(last.substr(0, colon)));
        const bool known = std::any_of(labels.begin(), labels.end(), [&](std::string_view l) {
          return ascii_lower(std::string(l)) == label;
        });
        if (!known || found_.count(label) > 0) break;
        found_[label] = trim_copy(last.substr(colon + 1));
      }
      lines.pop_back();
    }
    text = join(lines, "\n");
  }
  // The value on the line with this label, or "" when there is none.
  std::string get(std::string_view label) const {
    const auto it = found_.find(ascii_lower(std::string(label)));
    return it == found_.end() ? std::string() : it->second;
  }

 private:
  std::map<std::string, std::string> found_;  // by label in lower case
};

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
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
           text[end] != ')' && text[end] != '>')
      ++end;
    while (end > at && (text[end - 1] == '.' || text[end - 1] == ',')) --end;
    if (!is_http_url(std::string_view(text).substr(at, end - at))) {  // "https://" alone stays text
      at = end > at ? end : at + 4;
      continue;
    }
    urls.push_back(text.substr(at, end - at));
    text.erase(at, end - at);
  }
  text = trim_copy(text);
  return urls;
}

// --- 2. Ids made from text ---

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

// --- 3. The conversion in order; the story's header ---

class StoryConverter {
 public:
  StoryConverter(const TwineStory& story, const TwineImportOptions& options)
      : story_(story), options_(options) {}

  TwineImport run() {
    header();
    sort_passages();
    find_redirects();
    name_passages();
    declare_variables();
    for (std::size_t k = 0; k < nodes_.size(); ++k) convert(*nodes_[k], contents_[k], node_ids_[k]);
    player_and_start();
    estimate_minutes();
    story_notes();
    return std::move(out_);
  }

 private:
  Scenario& s() { return out_.scenario; }
  void note(std::uint32_t line, std::string message,
            ImportNote::Level level = ImportNote::Level::Warning) {
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
      note(
          story_.line,
          "the story's title gives no id; the scenario is called \"imported-story\" (choose one with --id)");
    }
    s().locales = {options_.lang};
    s().title = text_of(story_.name);
    s().review.status = ReviewStatus::Draft;
  }

  // --- 4. Special passages and StoryInit ---

  // Special passages (StoryInit, PassageHeader ...) are not story; StoryInit's changes
  // become the variables' initial values.
  void sort_passages() {
    for (const auto& p : story_.passages) {
      if (p.name == "StoryInit" || p.has_tag("startup") || p.has_tag("debug-startup")) {
        story_init(p);
      } else if (const char* what = special_passage(p)) {
        note(p.header_line, "passage \"" + p.name + "\" is " + what +
                                "; Upstander has no place for it, not imported");
      } else {
        nodes_.push_back(&p);
        contents_.push_back(read_passage_markup(p, out_.notes));
      }
    }
  }

  static const char* special_passage(const TwinePassage& p) {
    static const std::map<std::string, const char*> kNames = {
        {"PassageHeader", "SugarCube's header, shown above every passage"},
        {"PassageFooter", "SugarCube's footer, shown below every passage"},
        {"PassageReady", "SugarCube's code run before every passage"},
        {"PassageDone", "SugarCube's code run after every passage"},
        {"StoryCaption", "SugarCube's sidebar caption"},
        {"StoryMenu", "SugarCube's sidebar menu"},
        {"StoryBanner", "SugarCube's sidebar banner"},
        {"StoryAuthor", "SugarCube's sidebar author line"},
        {"StorySubtitle", "SugarCube's sidebar subtitle"},
        {"StoryDisplayTitle", "SugarCube's displayed title"},
        {"StoryInterface", "SugarCube's page layout"},
        {"StoryShare", "SugarCube's share links"}};
    if (auto it = kNames.find(p.name); it != kNames.end()) return it->second;
    for (const auto& t : p.tags) {
      const std::string tag = ascii_lower(t);
      if (tag == "header" || tag == "debug-header")
        return "a Harlowe header (tagged header), shown above every passage";
      if (tag == "footer" || tag == "debug-footer")
        return "a Harlowe footer (tagged footer), shown below every passage";
      if (tag == "widget") return "a SugarCube widget (tagged widget)";
    }
    return nullptr;
  }

  void story_init(const TwinePassage& p) {
    PassageContent c = read_passage_markup(p, out_.notes);
    for (const auto& e : c.effects) {
      see_variable(e.var.id, type_of(e), p.header_line);
      VarInfo& v = vars_.at(e.var.id);
      if (e.kind == Effect::Kind::Set)
        v.initial = e.value;
      else
        v.initial = v.initial.value_or(0) + e.value;
    }
    if (!c.links.empty())
      note(p.header_line,
           "passage \"" + p.name + "\" sets up the story; its links are not imported");
    if (!c.text.empty())
      note(p.header_line,
           "passage \"" + p.name + "\" sets up the story; its text is not shown anywhere");
    note(p.header_line,
         "passage \"" + p.name +
             "\" sets up the story: its changes are the variables' initial values",
         ImportNote::Level::Info);
  }

  // --- 5. Redirects and passage names ---

  // A passage that only goes on, (go-to:) with no text and no changes: links to it lead
  // straight to where it goes.
  void find_redirects() {
    for (std::size_t k = 0; k < nodes_.size(); ++k) {
      const PassageContent& c = contents_[k];
      if (!c.text.empty() || !c.effects.empty() || c.links.size() != 1 || !c.links[0].go_to ||
          !c.links[0].conditions.empty() || !nodes_[k]->tags.empty()) {
        continue;
      }
      redirects_.emplace(nodes_[k]->name, c.links[0].target);
    }
    for (auto it = redirects_.begin(); it != redirects_.end();) {
      std::set<std::string> seen = {it->first};
      std::string at = it->second;
      while (redirects_.count(at) && seen.insert(at).second) at = redirects_.at(at);
      if (seen.count(at)) {
        it =
            redirects_.erase(it);  // a loop of redirects: kept as passages (check reports the loop)
      } else {
        ++it;
      }
    }
  }

  std::string resolved(const std::string& name) const {
    std::string at = name;
    for (std::size_t n = 0; n <= redirects_.size(); ++n) {
      auto it = redirects_.find(at);
      if (it == redirects_.end()) break;
      at = it->second;
    }
    return at;
  }

  void name_passages() {
    IdMaker ids;
    for (const TwinePassage* p : nodes_) {
      if (redirects_.count(p->name)) continue;
      const std::string id = ids.make(p->name, "passage");
      if (by_name_.count(p->name)) {
        note(p->header_line,
             "there are two passages named \"" + p->name + "\"; links go to the first");
      } else {
        by_name_.emplace(p->name, id);
      }
      node_ids_.push_back(id);
    }
    std::vector<const TwinePassage*> kept;
    std::vector<PassageContent> kept_contents;
    for (std::size_t k = 0; k < nodes_.size(); ++k) {
      const TwinePassage* p = nodes_[k];
      if (redirects_.count(p->name)) {
        const std::string to = resolved(p->name);
        auto it = by_name_.find(to);
        out_.mapping.push_back(
            {p->name, it != by_name_.end() ? it->second : slug_id(to), p->header_line});
        note(p->header_line,
             "passage \"" + p->name + "\" only goes on to \"" + to +
                 "\"; links to it lead straight there",
             ImportNote::Level::Info);
        continue;
      }
      out_.mapping.push_back({p->name, node_ids_[kept.size()], p->header_line});
      kept.push_back(p);
      kept_contents.push_back(std::move(contents_[k]));
    }
    nodes_ = std::move(kept);
    contents_ = std::move(kept_contents);
  }

  // --- 6. Variables ---

  static std::optional<VariableType> type_of(const Effect& e) {
    return e.kind == Effect::Kind::Set && e.written_as_bool ? VariableType::Flag
                                                            : VariableType::Counter;
  }

  void see_variable(const std::string& name, std::optional<VariableType> type, std::uint32_t line) {
    auto [it, added] = vars_.try_emplace(name);
    if (added) var_order_.push_back(name);
    VarInfo& v = it->second;
    if (!type) return;
    if (v.type && *v.type != *type && !v.conflict) {
      v.conflict = true;
      note(line,
           "$" + name + " is used both as true/false and as a number; it is kept as " +
               (*v.type == VariableType::Flag ? "true/false (a flag)" : "a number (a counter)"));
    }
    if (!v.type) v.type = type;
  }

  void see_condition(const Condition& c, std::uint32_t line) {
    if (c.kind == Condition::Kind::Compare) see_variable(c.var.id, VariableType::Counter, line);
    if (c.kind == Condition::Kind::Flag) see_variable(c.var.id, std::nullopt, line);
    for (const auto& child : c.children) see_condition(child, line);
  }

  void declare_variables() {
    for (std::size_t k = 0; k < nodes_.size(); ++k) {
      for (const auto& e : contents_[k].effects)
        see_variable(e.var.id, type_of(e), nodes_[k]->header_line);
      for (const auto& l : contents_[k].links) {
        for (const auto& e : l.effects) see_variable(e.var.id, type_of(e), l.line);
        for (const auto& c : l.conditions) see_condition(c, l.line);
      }
    }
    IdMaker ids;
    for (const auto& name : var_order_) {
      VarInfo& info = vars_.at(name);
      Variable v;
      v.id = info.id = ids.make(name, "variable");
      v.type = info.type.value_or(VariableType::Flag);
      v.initial = info.initial.value_or(0);
      if (v.type == VariableType::Flag) v.initial = v.initial != 0 ? 1 : 0;
      s().variables.push_back(std::move(v));
    }
  }

  // --- 7. Conditions, effects and link targets in ids; passage tags ---

  std::vector<Effect> mapped(std::vector<Effect> effects) const {
    for (auto& e : effects) e.var.id = vars_.at(e.var.id).id;
    return effects;
  }

  // Twine names to ids; a bare counter ("if $n") holds when it is not 0.
  Condition mapped(Condition c) const {
    for (auto& child : c.children) child = mapped(std::move(child));
    if (c.kind == Condition::Kind::Flag || c.kind == Condition::Kind::Compare) {
      const VarInfo& v = vars_.at(c.var.id);
      c.var.id = v.id;
      if (c.kind == Condition::Kind::Flag && v.type == VariableType::Counter) {
        c.kind = Condition::Kind::Compare;
        c.op = CompareOp::Ne;
        c.value = 0;
      }
    }
    return c;
  }

  std::optional<Condition> mapped(const std::vector<Condition>& conjuncts) const {
    if (conjuncts.empty()) return std::nullopt;
    if (conjuncts.size() == 1) return mapped(conjuncts.front());
    Condition all;
    all.kind = Condition::Kind::All;
    for (const auto& c : conjuncts) all.children.push_back(mapped(c));
    return all;
  }

  std::string target_id(const TwineLink& l) {
    if (auto it = by_name_.find(resolved(l.target)); it != by_name_.end()) return it->second;
    note(l.line, "a link goes to \"" + l.target + "\", which is not a passage of this story");
    const std::string id = slug_id(l.target);
    return id.empty() ? "missing-passage" : id;
  }

  PassageTags read_tags(const TwinePassage& p) {
    PassageTags t;
    for (const auto& raw : p.tags) {
      const std::string tag = ascii_lower(raw);
      auto suffix = [&](std::string_view prefix) {
        return tag.rfind(prefix, 0) == 0 ? tag.substr(prefix.size()) : std::string();
      };
      if (auto k = kind_from_tag(tag)) {
        if (t.kind && *t.kind != *k) {
          note(p.header_line, "passage \"" + p.name + "\" has two kind tags; using \"" +
                                  std::string(name_of(*t.kind)) + "\"");
        } else {
          t.kind = k;
        }
      } else if (auto o = parse_name<Outcome>(suffix("ending-"));
                 o && tag.rfind("ending-", 0) == 0) {
        t.kind = NodeKind::Ending;
        t.outcome = o;
      } else if (auto h = parse_name<HelpTopic>(suffix("help-")); h && tag.rfind("help-", 0) == 0) {
        t.help.push_back(*h);
      } else if (!suffix("thread-").empty() && is_valid_id(suffix("thread-"))) {
        t.thread = suffix("thread-");
      } else if (!suffix("counter-").empty() && is_valid_id(suffix("counter-"))) {
        t.counter = suffix("counter-");
      } else if (!suffix("skip-").empty()) {
        t.skip = raw.substr(5);
      } else if (!suffix("scene-").empty()) {
        t.scene = raw.substr(6);
      } else if (tag == kOneChoiceTag) {
        // read by exits(): its one link stays a choice
      } else {
        note(p.header_line,
             "passage \"" + p.name + "\": the tag \"" + raw +
                 "\" means nothing in Upstander; ignored",
             ImportNote::Level::Info);
      }
    }
    return t;
  }

  // --- 8. Speakers, characters, threads and counters ---

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
    if (id.empty() || character_ids_.count(id))
      id = characters_.make(name, "character");
    else
      characters_.reserve(id);
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
    for (auto& v : s().variables) {
      if (v.id != id) continue;
      if (v.type == VariableType::Counter && !v.min) v.min = 0;  // a ripple never counts below zero
      return;
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

  // --- 9. Node bodies by kind, and who speaks in them ---

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
          note(p.header_line, "passage \"" + p.name +
                                  "\": a chat line without \"Name: \" is taken as the player's");
          from = player_id();
        }
        m.text = text_of(line);
      }
      m.from.id = from;
      b.messages.push_back(std::move(m));
    }
    if (b.messages.empty()) {  // one message left for the author to write (check asks for its text)
      note(p.header_line,
           "chat \"" + p.name + "\" has no messages: write them as \"Name: text\" lines");
      ChatMessage m;
      m.from.id = player_id();
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

  // Who sends what names no sender: a character "narrator" for the author to name (check
  // asks for the name), never an empty "from" that no other command could read.
  std::string narrator_id() {
    if (narrator_.empty()) {
      narrator_ = characters_.make("narrator", "character");
      character_ids_.insert(narrator_);
      Character c;
      c.id = narrator_;
      c.avatar.color = kPalette[s().characters.size() % std::size(kPalette)];
      s().characters.push_back(std::move(c));
    }
    return narrator_;
  }

  EndingBody ending_body(const TwinePassage& p, const PassageTags& tags, const std::string& text) {
    EndingBody e;
    e.outcome = tags.outcome.value_or(Outcome::Mixed);
    if (!tags.outcome) {
      note(
          p.header_line,
          "ending \"" + p.name +
              "\" has no outcome tag (ending-upstander, ending-mixed, ending-harm, ending-supported, ending-partly_supported, ending-not_yet_supported or ending-skipped); "
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
      if (e.title.empty() && sections.empty() && !t.empty() && (t[0] == '#' || t[0] == '!') &&
          heading != std::string::npos) {
        e.title = text_of(t.substr(heading));
      } else if (label == "targeted" || label == "around" || label == "rules") {
        current = label;
        sections[current].push_back(trim_copy(t.substr(colon + 1)));
      } else {
        sections[current].push_back(line);
      }
    }
    if (e.title.empty() && !trim_copy(p.name).empty() && utf8::count_code_points(p.name) <= 60) {
      e.title = text_of(p.name);
      note(p.header_line,
           "ending \"" + p.name + "\" has no \"# Title\" line; its title is the passage's name",
           ImportNote::Level::Info);
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

  NodeBody body_for(NodeKind kind, const TwinePassage& p, const PassageTags& tags,
                    PassageContent& c, Node& n) {
    const std::string& text = c.text;
    switch (kind) {
      case NodeKind::Narration: return NarrationBody{text_of(text)};
      case NodeKind::Chat: return chat_body(p, tags, text);
      case NodeKind::FeedPost: {
        FeedPostBody b;
        std::string rest = text;
        const ExtraLines extra(rest, {kImageLine});
        b.image = image_card(extra.get(kImageLine));
        auto [who, t] = speaker_and_text(rest);
        if (who.empty()) {
          note(p.header_line, "feed post \"" + p.name +
                                  "\" names no author: start it with \"Name: \"; posted by \"" +
                                  narrator_id() + "\" until then");
          who = narrator_id();
        }
        b.author.id = who;
        b.text = text_of(t);
        return b;
      }
      case NodeKind::DirectMessage: {
        DirectMessageBody b;
        std::string rest = text;
        const ExtraLines extra(rest, {kImageLine});
        b.image = image_card(extra.get(kImageLine));
        auto [who, t] = speaker_and_text(rest);
        if (who.empty()) {
          note(p.header_line, "message \"" + p.name +
                                  "\" names no sender: start it with \"Name: \"; sent by \"" +
                                  narrator_id() + "\" until then");
          who = narrator_id();
        }
        b.from.id = who;
        b.text = text_of(t);
        return b;
      }
      case NodeKind::Notification: {
        NotificationBody b;
        std::string rest = text;
        b.title = text_of(ExtraLines(rest, {kTitleLine}).get(kTitleLine));
        std::vector<std::string> lines = split_lines(rest);
        if (auto sp = lines.empty() ? std::nullopt : split_speaker(lines[0])) {
          b.app = text_of(sp->first);
          lines[0] = sp->second;
        } else {
          note(p.header_line,
               "notification \"" + p.name + "\" names no app: start it with \"App: \"");
        }
        b.text = text_of(join(lines, "\n"));
        return b;
      }
      case NodeKind::ImageCard: {
        ImageCardBody b;
        std::string rest = text;
        b.caption = text_of(ExtraLines(rest, {kCaptionLine}).get(kCaptionLine));
        auto [who, t] = speaker_and_text(rest);
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
        if (who.empty()) {
          note(p.header_line,
               "perspective \"" + p.name +
                   "\" names nobody: start it with \"Name: \"; the player's phone until then");
          who = player_id();
        }
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
        if (!urls.empty())
          b.source = urls.front();
        else
          note(p.header_line, "fact \"" + p.name + "\" has no source address (https://...)");
        b.source_label = text_of(ExtraLines(t, {kSourceLabelLine}).get(kSourceLabelLine));
        b.text = text_of(t);
        return b;
      }
      case NodeKind::Ending: return ending_body(p, tags, text);
    }
    return NarrationBody{};
  }

  // A post's or message's picture, when an "Image:" line gives its label.
  std::optional<ImageCard> image_card(const std::string& label) const {
    if (label.empty()) return std::nullopt;
    ImageCard card;
    card.label = text_of(label);
    return card;
  }

  // "Name: what they say\n\nthe answer\nhttps://source": excuse and thought cards.
  void said_and_answered(const TwinePassage& p, const char* kind, const std::string& text,
                         IdRef& speaker, LocalizedText& said, LocalizedText& answer,
                         std::string& source) {
    std::string rest = text;
    if (std::vector<std::string> urls = take_urls(rest); !urls.empty()) source = urls.front();
    auto [who, t] = speaker_and_text(rest);
    speaker.id = who;
    std::vector<std::string> paras = split_paragraphs(t);
    if (!paras.empty()) said = text_of(paras[0]);
    if (paras.size() > 1)
      answer = text_of(join({paras.begin() + 1, paras.end()}, "\n\n"));
    else
      note(p.header_line,
           std::string(kind) + " \"" + p.name + "\" has no answer: write it as a second paragraph");
  }

  ReflectionBody reflection_body(const TwinePassage& p, const PassageContent& c, Node& n) {
    ReflectionBody b;
    IdMaker option_ids;
    for (const auto& l : c.links) {
      if (l.external) continue;
      // A bare [[Passage]] only says where to continue (a 1-5 scale has no options).
      if (l.text != l.target)
        b.options.push_back({option_ids.make(l.text, "option"), text_of(l.text), {}});
      const std::string to = target_id(l);
      if (!n.next) {
        n.next = IdRef{to, {}, -1};
      } else if (n.next->id != to) {
        note(l.line, "reflection \"" + p.name +
                         "\": its answers lead to different passages; all continue to the first");
      }
    }
    // Without answers to choose from it is a 1-5 scale; its labels follow the question.
    std::string question = c.text;
    if (b.options.empty()) {
      const ExtraLines extra(question, {kScaleMinLine, kScaleMaxLine});
      b.scale = Scale{text_of(extra.get(kScaleMinLine)), text_of(extra.get(kScaleMaxLine))};
    }
    b.question = text_of(question);
    return b;
  }

  // --- 10. Exits: choices, routes and go-tos ---

  void exits(const TwinePassage& p, const PassageContent& content, Node& n) {
    std::vector<const TwineLink*> gotos, shown;
    for (const auto& l : content.links) {
      if (l.external)
        note(l.line, "passage \"" + p.name + "\": the web link " + l.target +
                         " is kept as text, not as a choice");
      else
        (l.go_to ? gotos : shown).push_back(&l);
    }
    if (n.is_ending()) {
      if (!gotos.empty() || !shown.empty())
        note(p.header_line,
             "ending \"" + p.name + "\" has links; an ending has no choices, dropped");
      return;
    }
    if (gotos.empty() && shown.empty()) {
      note(p.header_line,
           "passage \"" + p.name + "\" has no links: link it onward or tag it ending");
    } else if (!gotos.empty()) {
      go_on_by_goto(p, gotos, shown, n);
    } else if (forms_route(shown, content.chains)) {
      note(shown[0]->line,
           "passage \"" + p.name +
               "\": one link shows in each case of its condition, so it goes on by a route; "
               "the link texts are not kept",
           ImportNote::Level::Info);
      route(shown, n);
    } else if (shown.size() == 1 && shown[0]->conditions.empty() && shown[0]->effects.empty() &&
               !p.has_tag(kOneChoiceTag)) {
      // Twine's usual "next page" link; a passage tagged "choice" (as export-twee tags a
      // decision with one choice) keeps it as a choice with its words.
      n.next = IdRef{target_id(*shown[0]), {}, -1};
      if (shown[0]->text != shown[0]->target) {
        note(shown[0]->line,
             "passage \"" + p.name + "\": its one link becomes \"continue\"; the link text \"" +
                 shown[0]->text +
                 "\" is not kept (tag the passage \"choice\" to keep it as a choice)",
             ImportNote::Level::Info);
      }
    } else {
      choices(shown, n);
    }
  }

  // (go-to:) and <<goto>> move on without asking: a route, unless links are shown too.
  void go_on_by_goto(const TwinePassage& p, std::vector<const TwineLink*> gotos,
                     const std::vector<const TwineLink*>& shown, Node& n) {
    const bool always = std::any_of(gotos.begin(), gotos.end(),
                                    [](const TwineLink* l) { return l->conditions.empty(); });
    if (always && !shown.empty()) {
      note(shown[0]->line,
           "passage \"" + p.name +
               "\" always goes on by (go-to:), so its links are never shown; dropped");
    } else if (!always && shown.size() == 1 && shown[0]->conditions.empty() &&
               shown[0]->effects.empty()) {
      gotos.push_back(shown[0]);  // the link is where the story goes when no (go-to:) is taken
    } else if (!always && !shown.empty()) {
      note(gotos[0]->line,
           "passage \"" + p.name +
               "\" has both choices and a (go-to:) under a condition; a node goes on "
               "either by choices or by a route, so the choices are kept and the (go-to:) dropped");
      choices(shown, n);
      return;
    } else if (!always) {
      note(gotos[0]->line,
           "passage \"" + p.name +
               "\" goes on only under a condition; when none holds Twine stays here: "
               "add a way on");
    }
    route(gotos, n);
  }

  // Links in one (if:)...(else:) chain (or <<if>>...<<else>>), one in each branch and
  // nothing else: whatever the state, exactly one is shown.
  static bool forms_route(const std::vector<const TwineLink*>& links,
                          const std::vector<IfChain>& chains) {
    if (links.size() < 2) return false;
    const int chain = links[0]->chain;
    if (chain < 0) return false;
    const IfChain& c = chains[static_cast<std::size_t>(chain)];
    if (!c.top_level || !c.has_else || c.branches != static_cast<int>(links.size())) return false;
    for (std::size_t k = 0; k < links.size(); ++k) {
      if (links[k]->chain != chain || links[k]->branch != static_cast<int>(k) ||
          !links[k]->effects.empty())
        return false;
    }
    return true;
  }

  // The first entry whose condition holds is taken, so "not X" after an entry taken
  // exactly when X says nothing new and is left out.
  void route(const std::vector<const TwineLink*>& exits, Node& n) {
    std::vector<std::vector<Condition>> earlier;
    for (const TwineLink* l : exits) {
      std::vector<Condition> conds;
      for (const auto& c : l->conditions) {
        const Condition opposite = negated_condition(c);
        const bool implied = std::any_of(earlier.begin(), earlier.end(), [&](const auto& e) {
          return e.size() == 1 && same_condition(e.front(), opposite);
        });
        if (!implied) conds.push_back(c);
      }
      Route r;
      r.to = IdRef{target_id(*l), {}, -1};
      r.condition = mapped(conds);
      n.route.push_back(std::move(r));
      earlier.push_back(std::move(conds));
      if (earlier.back().empty()) break;  // the default: later entries are never reached
    }
    if (n.route.size() == 1 && !n.route[0].condition) {
      n.next = n.route[0].to;
      n.route.clear();
    }
  }

  void choices(const std::vector<const TwineLink*>& links, Node& n) {
    IdMaker choice_ids;
    for (const auto* l : links) {
      Choice c;
      c.id = choice_ids.make(l->text, "choice");
      c.text = text_of(l->text);
      c.to = IdRef{target_id(*l), {}, -1};
      c.condition = mapped(l->conditions);
      c.effects = mapped(l->effects);
      n.choices.push_back(std::move(c));
    }
  }

  // --- 11. Passage to node; start, reading time and story notes ---

  void convert(const TwinePassage& p, const PassageContent& content, const std::string& id) {
    const PassageTags tags = read_tags(p);
    bool internal_links = std::any_of(content.links.begin(), content.links.end(),
                                      [](const auto& l) { return !l.external; });
    NodeKind kind = tags.kind.value_or(NodeKind::Narration);
    if (!tags.kind && !internal_links) {
      kind = NodeKind::Ending;  // Twine's convention: a passage without links ends the story
      note(p.header_line,
           "passage \"" + p.name + "\" has no links and no kind tag: imported as an ending",
           ImportNote::Level::Info);
    }
    Node n;
    n.id = id;
    n.kind = kind;
    n.scene = tags.scene;
    // A name the id cannot carry (no Latin letters) is kept as the scene's label.
    if (n.scene.empty() && slug_id(p.name).empty() && utf8::count_code_points(p.name) <= 60)
      n.scene = trim_copy(p.name);
    n.effects = mapped(content.effects);
    PassageContent c = content;
    n.body = body_for(kind, p, tags, c, n);
    if (kind != NodeKind::Reflection) exits(p, content, n);
    if (!tags.skip.empty()) {
      TwineLink skip;
      skip.target = tags.skip;
      skip.line = p.header_line;
      n.skip_to = IdRef{target_id(skip), {}, -1};
    }
    s().nodes.push_back(std::move(n));
  }

  void player_and_start() {
    s().player.id = player_id();
    if (!story_.start.empty() && by_name_.count(story_.start)) {
      s().start.id = by_name_.at(story_.start);
    } else if (!s().nodes.empty()) {
      s().start.id = s().nodes.front().id;
      const std::string why = story_.start.empty()
                                  ? "the story names no start passage"
                                  : "the start passage \"" + story_.start + "\" does not exist";
      note(story_.line, why + "; starting at \"" + story_.passages.front().name + "\"");
    }
  }

  void estimate_minutes() {
    double seconds = 0;
    for_each_text(s(), [&](const std::string&, const LocalizedText& t) {
      seconds += reading_seconds(options_.lang, t.get(options_.lang));
    });
    s().minutes = std::clamp(static_cast<int>(std::ceil(seconds / 60.0)), 1, 90);
    note(0,
         "\"minutes\" is set to " + std::to_string(s().minutes) +
             " from the reading time of every text; measure it in class and correct it",
         ImportNote::Level::Info);
  }

  void story_notes() {
    if (!story_.format.empty()) {
      note(
          story_.line,
          "the story was written for " + story_.format + " " + story_.format_version +
              "; of its macros only (set:), (if:), (go-to:) and links with their SugarCube forms are carried",
          ImportNote::Level::Info);
    }
    if (!story_.ifid.empty())
      note(story_.line,
           "the IFID " + story_.ifid + " is not kept (scenarios are known by their id)",
           ImportNote::Level::Info);
    if (!story_.tag_colors.empty())
      note(story_.line, "tag colours are not kept", ImportNote::Level::Info);
    if (story_.has_script) note(story_.line, "the story's JavaScript is not imported");
    if (story_.has_stylesheet)
      note(story_.line, "the story's stylesheet is not imported", ImportNote::Level::Info);
  }

  const TwineStory& story_;
  const TwineImportOptions& options_;
  TwineImport out_;
  std::map<std::string, std::string> by_name_;
  std::map<std::string, std::string> speakers_;
  std::set<std::string> character_ids_;
  IdMaker characters_;
  std::string player_;
  std::string narrator_;
  std::vector<const TwinePassage*> nodes_;  // the passages that become nodes
  std::vector<PassageContent> contents_;    // read from each of nodes_
  std::vector<std::string> node_ids_;
  std::map<std::string, std::string> redirects_;  // passage name -> where its (go-to:) leads
  struct VarInfo {
    std::string id;
    std::optional<VariableType> type;
    std::optional<std::int64_t> initial;
    bool conflict = false;
  };
  std::map<std::string, VarInfo> vars_;  // by Twine name
  std::vector<std::string> var_order_;
};

}  // namespace

// --- 12. Ids from text and the entry point ---

std::string slug_id(std::string_view text, std::size_t max) {
  std::string out;
  bool dash = false;
  for (char ch : text) {
    char c = ch;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool keep =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '_' && !out.empty());
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
