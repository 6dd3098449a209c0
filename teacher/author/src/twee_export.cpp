// Scenario to Twee 3, following the conventions import-twine reads back.
#include "upstander/author/twee_export.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "twine_reading.hpp"
#include "upstander/author/map_layout.hpp"
#include "upstander/author/twine_logic.hpp"
#include "upstander/translation_record.hpp"

namespace upstander::author {

namespace {

constexpr const char* kPreamble =
    "Exported from an Upstander scenario by upstander-content export-twee. Passage names are node ids;\n"
    "tags give the kind (chat, dm, ending-harm, help-report, thread-<id>, counter-<id>, scene-<label>,\n"
    "skip-<node>, and choice: the passage's one link is a choice); \"Name: text\" lines say who speaks.\n"
    "Variables start in StoryInit; effects are set macros, conditions if macros, routes one link per\n"
    "case. Import it back with upstander-content import-twine. What does not survive the trip: every\n"
    "other language; the limits (min, max) and descriptions of counters; chat message times and images\n"
    "inside messages; image icons; character avatars; thread names, kinds and members; who is\n"
    "targeted; audience, minutes, learning goals, review status, summary and content note; author\n"
    "notes; translation records. A kind's short extra texts follow its text on lines of their own\n"
    "(Image:, Title:, Caption:, Scale 1:, Scale 5:, Source:). Re-importing makes a new scenario:\n"
    "merge changes into the original by hand.\n";

std::string text(const LocalizedText& t, const std::string& lang) {
  const std::string* s = t.find(lang);
  return s ? *s : std::string();
}

std::string escape_header(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '[' || c == ']' || c == '{' || c == '}') out += '\\';
    out += c;
  }
  return out;
}

// Lines starting with "::" would start a passage.
std::string escape_text(const std::string& t) {
  std::string out;
  std::size_t start = 0;
  while (start <= t.size()) {
    std::size_t end = t.find('\n', start);
    if (end == std::string::npos) end = t.size();
    if (t.compare(start, 2, "::") == 0) out += '\\';
    out.append(t, start, end - start);
    if (end == t.size()) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

// A deterministic IFID (UUID v4 layout) from the scenario id, so exports are reproducible.
std::string ifid_for(const std::string& id) {
  std::string hex;
  for (int salt = 0; hex.size() < 32; ++salt)
    hex += text_fingerprint(id + "#" + std::to_string(salt));
  hex[12] = '4';
  hex[16] = "89ab"[static_cast<std::size_t>(hex[16]) % 4];
  std::string out;
  for (std::size_t i = 0; i < 32; ++i) {
    if (i == 8 || i == 12 || i == 16 || i == 20) out += '-';
    out += static_cast<char>(hex[i] >= 'a' ? hex[i] - 'a' + 'A' : hex[i]);
  }
  return out;
}

class TweeWriter {
 public:
  TweeWriter(const Scenario& s, const std::string& lang, TwineFormat format)
      : s_(s), lang_(lang), f_(format) {}

  std::string run() {
    out_ = kPreamble;
    out_ += "\n:: StoryTitle\n" + text(s_.title, lang_) + "\n\n";
    nlohmann::ordered_json data;
    data["ifid"] = ifid_for(s_.id);
    data["format"] = harlowe() ? "Harlowe" : "SugarCube";
    data["format-version"] = harlowe() ? "3.3.9" : "2.37.3";
    data["start"] = s_.start.id;
    out_ += ":: StoryData\n" + data.dump(2) + "\n\n";
    story_init();
    const MapLayout map = layout_map(s_);
    for (std::size_t i = 0; i < s_.nodes.size(); ++i) passage(s_.nodes[i], map.nodes[i]);
    return out_;
  }

 private:
  std::string name_of_character(const IdRef& ref) const {
    for (const auto& c : s_.characters) {
      if (c.id == ref.id) {
        const std::string n = text(c.name, lang_);
        return n.empty() ? c.id : n;
      }
    }
    return ref.id;
  }
  std::string said(const IdRef& who, const std::string& t) const {
    return who.empty() ? t : name_of_character(who) + ": " + t;
  }
  // "\nLabel: value" for a short extra text (see twine_reading.hpp), nothing when empty; a
  // line break inside would end the line, so it becomes a space.
  std::string line(std::string_view label, const LocalizedText& t) const {
    std::string value = text(t, lang_);
    if (value.empty()) return "";
    for (char& c : value) {
      if (c == '\n') c = ' ';
    }
    return "\n" + std::string(label) + ": " + value;
  }
  std::string image_line(const std::optional<ImageCard>& image) const {
    return image ? line(kImageLine, image->label) : "";
  }

  std::vector<std::string> tags(const Node& n) const {
    std::vector<std::string> t;
    if (n.is_ending()) {
      t.push_back("ending-" + std::string(name_of(n.as<EndingBody>().outcome)));
      for (auto h : n.as<EndingBody>().help) t.push_back("help-" + std::string(name_of(h)));
    } else {
      t.emplace_back(name_of(n.kind));
    }
    if (const auto* chat = std::get_if<ChatBody>(&n.body)) t.push_back("thread-" + chat->thread.id);
    if (const auto* card = std::get_if<ImageCardBody>(&n.body); card && !card->thread.empty())
      t.push_back("thread-" + card->thread.id);
    if (const auto* ripple = std::get_if<RippleBody>(&n.body); ripple && !ripple->counter.empty()) {
      t.push_back("counter-" + twine_variable_name(ripple->counter.id));
    }
    if (n.skip_to) t.push_back("skip-" + n.skip_to->id);
    if (n.choices.size() == 1) t.emplace_back(kOneChoiceTag);
    if (!n.scene.empty()) {
      std::string scene = n.scene;
      for (auto& c : scene) {
        if (c == ' ') c = '-';
      }
      t.push_back("scene-" + scene);
    }
    return t;
  }

  std::string body(const Node& n) const {
    return std::visit(
        [&](const auto& b) -> std::string {
          using B = std::decay_t<decltype(b)>;
          if constexpr (std::is_same_v<B, NarrationBody>) {
            return text(b.text, lang_);
          } else if constexpr (std::is_same_v<B, ChatBody>) {
            std::string out;
            for (const auto& m : b.messages) {
              std::string t = text(m.text, lang_);
              if (t.empty() && m.image) t = "[" + text(m.image->label, lang_) + "]";
              out += (out.empty() ? "" : "\n") + said(m.from, t);
            }
            return out;
          } else if constexpr (std::is_same_v<B, FeedPostBody>) {
            return said(b.author, text(b.text, lang_)) + image_line(b.image);
          } else if constexpr (std::is_same_v<B, DirectMessageBody>) {
            return said(b.from, text(b.text, lang_)) + image_line(b.image);
          } else if constexpr (std::is_same_v<B, NotificationBody>) {
            return text(b.app, lang_) + ": " + text(b.text, lang_) + line(kTitleLine, b.title);
          } else if constexpr (std::is_same_v<B, ImageCardBody>) {
            return said(b.from, text(b.image.label, lang_)) + line(kCaptionLine, b.caption);
          } else if constexpr (std::is_same_v<B, PerspectiveBody>) {
            return said(b.character, text(b.caption, lang_));
          } else if constexpr (std::is_same_v<B, ExcuseBody>) {
            return said(b.speaker, text(b.excuse, lang_)) + "\n\n" + text(b.answer, lang_) +
                   (b.source.empty() ? "" : "\n" + b.source);
          } else if constexpr (std::is_same_v<B, ThoughtBody>) {
            return said(b.speaker, text(b.thought, lang_)) + "\n\n" + text(b.answer, lang_) +
                   (b.source.empty() ? "" : "\n" + b.source);
          } else if constexpr (std::is_same_v<B, RippleBody>) {
            return text(b.caption, lang_);
          } else if constexpr (std::is_same_v<B, ReflectionBody>) {
            std::string out = text(b.question, lang_);
            if (b.scale)
              out +=
                  line(kScaleMinLine, b.scale->min_label) + line(kScaleMaxLine, b.scale->max_label);
            const std::string to = n.next ? n.next->id : "";
            for (const auto& o : b.options) out += "\n[[" + text(o.text, lang_) + "->" + to + "]]";
            if (b.options.empty() && !to.empty()) out += "\n[[" + to + "]]";
            return out;
          } else if constexpr (std::is_same_v<B, FactBody>) {
            return text(b.text, lang_) + line(kSourceLabelLine, b.source_label) + "\n" + b.source;
          } else if constexpr (std::is_same_v<B, EndingBody>) {
            std::vector<std::string> parts;
            if (!text(b.title, lang_).empty()) parts.push_back("# " + text(b.title, lang_));
            if (!text(b.text, lang_).empty()) parts.push_back(text(b.text, lang_));
            if (!text(b.targeted.text, lang_).empty())
              parts.push_back("Targeted: " + text(b.targeted.text, lang_));
            if (!text(b.around.text, lang_).empty())
              parts.push_back("Around: " + text(b.around.text, lang_));
            std::string rules = text(b.rules.text, lang_);
            for (const auto& src : b.rules.sources) rules += " " + src;
            if (!rules.empty()) parts.push_back("Rules: " + rules);
            std::string out;
            for (const auto& part : parts) out += (out.empty() ? "" : "\n\n") + part;
            return out;
          }
          return "";
        },
        n.body);
  }

  bool harlowe() const { return f_ == TwineFormat::Harlowe; }

  // Every variable's starting value, where both story formats set them up.
  void story_init() {
    if (s_.variables.empty()) return;
    std::vector<Effect> starts;
    for (const auto& v : s_.variables) {
      Effect e;
      e.var.id = v.id;
      e.value = v.initial;
      e.written_as_bool = v.type == VariableType::Flag;
      starts.push_back(std::move(e));
    }
    out_ += ":: StoryInit\n";
    for (const auto& e : starts) out_ += write_twine_effects({e}, f_) + "\n";
    out_ += "\n";
  }

  static std::string quoted(const std::string& t) {
    std::string out = "\"";
    for (char c : t) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    return out + "\"";
  }

  std::string when(const std::optional<Condition>& c, const std::string& then) const {
    if (!c) return then;
    const std::string cond = write_twine_condition(*c, f_);
    return harlowe() ? "(if: " + cond + ")[ " + then + " ]"
                     : "<<if " + cond + ">>" + then + "<</if>>";
  }

  std::string choice(const Choice& c) const {
    const std::string label = text(c.text, lang_);
    if (c.effects.empty()) return when(c.condition, "[[" + label + "->" + c.to.id + "]]");
    const std::string sets = write_twine_effects(c.effects, f_);
    return when(
        c.condition,
        harlowe() ? "(link: " + quoted(label) + ")[" + sets + "(go-to: " + quoted(c.to.id) + ")]"
                  : "<<link " + quoted(label) + " " + quoted(c.to.id) + ">>" + sets + "<</link>>");
  }

  // One link in each case, in order: the reader sees exactly the one the route takes.
  std::string route(const std::vector<Route>& route) const {
    if (route.size() == 1 && !route[0].condition) return "\n[[" + route[0].to.id + "]]";
    std::string out;
    for (std::size_t k = 0; k < route.size(); ++k) {
      const std::string link = "[[" + route[k].to.id + "]]";
      const std::string cond =
          route[k].condition ? write_twine_condition(*route[k].condition, f_) : "";
      if (harlowe()) {
        out += "\n" +
               std::string(k == 0         ? "(if: " + cond + ")"
                           : cond.empty() ? "(else:)"
                                          : "(else-if: " + cond + ")") +
               "[ " + link + " ]";
      } else {
        out += "\n" +
               std::string(k == 0         ? "<<if " + cond + ">>"
                           : cond.empty() ? "<<else>>"
                                          : "<<elseif " + cond + ">>") +
               link;
      }
    }
    if (!harlowe()) out += "<</if>>";
    return out;
  }

  std::string exits(const Node& n) const {
    std::string out;
    if (n.kind == NodeKind::Reflection) return out;  // its options are its links
    if (n.next) out += "\n[[" + n.next->id + "]]";
    for (const auto& c : n.choices) out += "\n" + choice(c);
    if (!n.route.empty()) out += route(n.route);
    return out;
  }

  void passage(const Node& n, const MapNode& at) {
    std::string tag_list;
    for (const auto& t : tags(n)) tag_list += (tag_list.empty() ? "" : " ") + escape_header(t);
    char position[64];
    std::snprintf(position, sizeof position, "%.0f,%.0f", at.x + 100, at.y + 100);
    out_ += ":: " + escape_header(n.id) + " [" + tag_list + "] {\"position\":\"" + position +
            "\",\"size\":\"100,100\"}\n";
    const std::string sets = n.effects.empty() ? "" : write_twine_effects(n.effects, f_) + "\n";
    out_ += escape_text(sets + body(n) + exits(n)) + "\n\n";
  }

  const Scenario& s_;
  const std::string& lang_;
  TwineFormat f_;
  std::string out_;
};

}  // namespace

std::string export_twee(const Scenario& s, const std::string& lang, TwineFormat format) {
  return TweeWriter(s, lang, format).run();
}

}  // namespace upstander::author
