// Model to canonical JSON.
//
// Index:
//   1. Texts and strings
//   2. Conditions, effects, images and layers
//   3. Nodes
//   4. Translations
//   5. Model to JSON: scenario, survey, help, locale strings
//   6. When a value fits on one line
//   7. Writing the canonical text

#include "upstander/canonical_json.hpp"

#include <algorithm>

#include "upstander/node_kinds.hpp"
#include "upstander/utf8.hpp"

namespace upstander {

using ojson = nlohmann::ordered_json;

namespace {

// --- 1. Texts and strings ---

ojson text_json(const LocalizedText& t) {
  ojson j = ojson::object();
  for (const auto& [locale, text] : t.entries()) j[locale] = text;
  return j;
}

void put_text(ojson& j, const char* key, const LocalizedText& t) {
  if (!t.empty()) j[key] = text_json(t);
}

void put_string(ojson& j, const char* key, const std::string& s) {
  if (!s.empty()) j[key] = s;
}

// --- 2. Conditions, effects, images and layers ---

ojson condition_json(const Condition& c) {
  switch (c.kind) {
    case Condition::Kind::Flag: return ojson{{"flag", c.var.id}};
    case Condition::Kind::Compare: {
      ojson j;
      j["counter"] = c.var.id;
      j["op"] = std::string(compare_op_symbol(c.op));
      j["value"] = c.value;
      return j;
    }
    case Condition::Kind::Not:
      return ojson{{"not", c.children.empty() ? ojson::object() : condition_json(c.children[0])}};
    case Condition::Kind::All:
    case Condition::Kind::Any: {
      ojson list = ojson::array();
      for (const auto& child : c.children) list.push_back(condition_json(child));
      return ojson{{c.kind == Condition::Kind::All ? "all" : "any", list}};
    }
  }
  return ojson::object();
}

ojson effects_json(const Scenario& s, const std::vector<Effect>& effects) {
  ojson list = ojson::array();
  for (const auto& e : effects) {
    ojson j;
    if (e.kind == Effect::Kind::Add) {
      j["add"] = e.var.id;
      j["by"] = e.value;
    } else {
      j["set"] = e.var.id;
      const Variable* v = s.find_variable(e.var.id);
      const bool is_flag = v ? v->type == VariableType::Flag : e.written_as_bool;
      if (is_flag)
        j["to"] = e.value != 0;
      else
        j["to"] = e.value;
    }
    list.push_back(std::move(j));
  }
  return list;
}

ojson image_json(const ImageCard& img) {
  ojson j;
  j["icon"] = std::string(name_of(img.icon));
  put_text(j, "label", img.label);
  return j;
}

ojson layer_json(const DebriefLayer& l) {
  ojson j = ojson::object();
  put_text(j, "text", l.text);
  if (!l.sources.empty()) j["sources"] = l.sources;
  return j;
}

// --- 3. Nodes ---

void put_body(ojson& j, const Node& n) {
  std::visit(
      [&](const auto& b) {
        using B = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<B, NarrationBody>) {
          put_text(j, "text", b.text);
        } else if constexpr (std::is_same_v<B, ChatBody>) {
          j["thread"] = b.thread.id;
          ojson msgs = ojson::array();
          for (const auto& m : b.messages) {
            ojson mj;
            mj["from"] = m.from.id;
            put_string(mj, "time", m.time);
            put_text(mj, "text", m.text);
            if (m.image) mj["image"] = image_json(*m.image);
            msgs.push_back(std::move(mj));
          }
          j["messages"] = std::move(msgs);
        } else if constexpr (std::is_same_v<B, FeedPostBody>) {
          j["author"] = b.author.id;
          put_text(j, "text", b.text);
          if (b.image) j["image"] = image_json(*b.image);
          if (b.likes) j["likes"] = b.likes;
          if (b.comments) j["comments"] = b.comments;
        } else if constexpr (std::is_same_v<B, DirectMessageBody>) {
          j["from"] = b.from.id;
          put_text(j, "text", b.text);
          if (b.image) j["image"] = image_json(*b.image);
        } else if constexpr (std::is_same_v<B, NotificationBody>) {
          put_text(j, "app", b.app);
          put_text(j, "title", b.title);
          put_text(j, "text", b.text);
        } else if constexpr (std::is_same_v<B, ImageCardBody>) {
          put_string(j, "thread", b.thread.id);
          put_string(j, "from", b.from.id);
          j["image"] = image_json(b.image);
          put_text(j, "caption", b.caption);
        } else if constexpr (std::is_same_v<B, PerspectiveBody>) {
          j["character"] = b.character.id;
          put_text(j, "caption", b.caption);
        } else if constexpr (std::is_same_v<B, ExcuseBody>) {
          put_string(j, "speaker", b.speaker.id);
          put_text(j, "excuse", b.excuse);
          put_text(j, "answer", b.answer);
          put_string(j, "source", b.source);
        } else if constexpr (std::is_same_v<B, ThoughtBody>) {
          put_string(j, "speaker", b.speaker.id);
          put_text(j, "thought", b.thought);
          put_text(j, "answer", b.answer);
          put_string(j, "source", b.source);
        } else if constexpr (std::is_same_v<B, RippleBody>) {
          j["counter"] = b.counter.id;
          put_text(j, "caption", b.caption);
        } else if constexpr (std::is_same_v<B, ReflectionBody>) {
          put_text(j, "question", b.question);
          if (b.scale) {
            ojson sj = ojson::object();
            put_text(sj, "min_label", b.scale->min_label);
            put_text(sj, "max_label", b.scale->max_label);
            j["scale"] = std::move(sj);
          } else {
            ojson opts = ojson::array();
            for (const auto& o : b.options) {
              ojson oj;
              oj["id"] = o.id;
              put_text(oj, "text", o.text);
              opts.push_back(std::move(oj));
            }
            j["options"] = std::move(opts);
          }
        } else if constexpr (std::is_same_v<B, FactBody>) {
          put_text(j, "text", b.text);
          j["source"] = b.source;
          put_text(j, "source_label", b.source_label);
        } else if constexpr (std::is_same_v<B, EndingBody>) {
          j["outcome"] = std::string(name_of(b.outcome));
          put_text(j, "title", b.title);
          put_text(j, "text", b.text);
          // A layer with nothing in it is left out, so the checker says which layer is
          // missing (debrief-incomplete) instead of complaining about a null.
          ojson d = ojson::object();
          for (const auto& [key, layer] :
               {std::pair{"targeted", &b.targeted}, std::pair{"around", &b.around},
                std::pair{"rules", &b.rules}}) {
            if (!layer->text.empty() || !layer->sources.empty()) d[key] = layer_json(*layer);
          }
          if (!d.empty()) j["debrief"] = std::move(d);
          ojson help = ojson::array();
          for (auto t : b.help) help.push_back(std::string(name_of(t)));
          j["help"] = std::move(help);
        }
      },
      n.body);
}

ojson node_json(const Scenario& s, const Node& n) {
  ojson j;
  j["id"] = n.id;
  j["kind"] = std::string(name_of(n.kind));
  put_string(j, "scene", n.scene);
  put_string(j, "time", n.time);
  put_string(j, "note", n.note);
  // The body's fields in node_kinds.hpp's order; a field the table does not list is not
  // written, so a table that lags behind the model shows up in every round-trip test.
  ojson body = ojson::object();
  put_body(body, n);
  for (const FieldSpec& f : kind_spec(n.kind).fields) {
    const std::string key(f.name);
    if (auto it = body.find(key); it != body.end()) j[key] = std::move(*it);
  }
  if (!n.effects.empty()) j["effects"] = effects_json(s, n.effects);
  if (n.next) j["next"] = n.next->id;
  if (!n.route.empty()) {
    ojson list = ojson::array();
    for (const auto& r : n.route) {
      ojson rj;
      if (r.condition) rj["if"] = condition_json(*r.condition);
      rj["to"] = r.to.id;
      list.push_back(std::move(rj));
    }
    j["route"] = std::move(list);
  }
  if (!n.choices.empty()) {
    ojson list = ojson::array();
    for (const auto& c : n.choices) {
      ojson cj;
      cj["id"] = c.id;
      put_text(cj, "text", c.text);
      if (c.condition) cj["if"] = condition_json(*c.condition);
      if (!c.effects.empty()) cj["effects"] = effects_json(s, c.effects);
      cj["to"] = c.to.id;
      list.push_back(std::move(cj));
    }
    j["choices"] = std::move(list);
  }
  if (n.skip_to) j["skip_to"] = n.skip_to->id;
  return j;
}

// --- 4. Translations ---

// Sorted by key so that the order of edits never shows up as a diff.
ojson translations_json(const std::vector<TranslationRecord>& records) {
  ojson j = ojson::object();
  for (const auto& r : records) {
    std::vector<const TranslatedText*> sorted;
    for (const auto& t : r.texts) sorted.push_back(&t);
    std::sort(sorted.begin(), sorted.end(),
              [](const auto* a, const auto* b) { return a->key < b->key; });
    ojson texts = ojson::object();
    for (const auto* t : sorted) texts[t->key] = t->fingerprint;
    j[r.locale] = ojson{{"from", r.from}, {"texts", std::move(texts)}};
  }
  return j;
}

}  // namespace

// --- 5. Model to JSON: scenario, survey, help, locale strings ---

ojson to_json(const Scenario& s) {
  ojson j;
  put_string(j, "$schema", s.schema);
  j["type"] = "scenario";
  j["format_version"] = s.format_version;
  j["id"] = s.id;
  j["locales"] = s.locales;
  put_text(j, "title", s.title);
  put_text(j, "summary", s.summary);
  put_text(j, "content_note", s.content_note);
  j["audience"] = ojson{{"min_age", s.min_age}, {"max_age", s.max_age}};
  j["minutes"] = s.minutes;
  if (s.order != 100) j["order"] = s.order;
  ojson goals = ojson::array();
  for (auto g : s.goals) goals.push_back(std::string(name_of(g)));
  j["learning_goals"] = std::move(goals);
  ojson review;
  review["status"] = std::string(name_of(s.review.status));
  put_string(review, "by", s.review.by);
  put_string(review, "date", s.review.date);
  j["review"] = std::move(review);
  j["player"] = s.player.id;
  if (!s.targeted.empty()) {
    ojson targeted = ojson::array();
    for (const auto& t : s.targeted) targeted.push_back(t.id);
    j["targeted"] = std::move(targeted);
  }
  j["start"] = s.start.id;
  if (!s.variables.empty()) {
    ojson vars = ojson::array();
    for (const auto& v : s.variables) {
      ojson vj;
      vj["id"] = v.id;
      vj["type"] = std::string(name_of(v.type));
      if (v.type == VariableType::Flag) {
        if (v.initial != 0) vj["initial"] = true;
      } else {
        if (v.initial != 0) vj["initial"] = v.initial;
        if (v.min) vj["min"] = *v.min;
        if (v.max) vj["max"] = *v.max;
      }
      put_string(vj, "description", v.description);
      vars.push_back(std::move(vj));
    }
    j["variables"] = std::move(vars);
  }
  ojson chars = ojson::array();
  for (const auto& c : s.characters) {
    ojson cj;
    cj["id"] = c.id;
    put_text(cj, "name", c.name);
    ojson av = ojson::object();
    put_string(av, "emoji", c.avatar.emoji);
    put_string(av, "color", c.avatar.color);
    cj["avatar"] = std::move(av);
    if (c.unknown) cj["unknown"] = true;
    chars.push_back(std::move(cj));
  }
  j["characters"] = std::move(chars);
  if (!s.threads.empty()) {
    ojson threads = ojson::array();
    for (const auto& t : s.threads) {
      ojson tj;
      tj["id"] = t.id;
      put_text(tj, "name", t.name);
      if (t.kind != ThreadKind::Group) tj["kind"] = std::string(name_of(t.kind));
      if (t.members) tj["members"] = t.members;
      threads.push_back(std::move(tj));
    }
    j["threads"] = std::move(threads);
  }
  ojson nodes = ojson::array();
  for (const auto& n : s.nodes) nodes.push_back(node_json(s, n));
  j["nodes"] = std::move(nodes);
  if (!s.translations.empty()) j["translations"] = translations_json(s.translations);
  return j;
}

ojson to_json(const Survey& s) {
  ojson j;
  put_string(j, "$schema", s.schema);
  j["type"] = "survey";
  j["format_version"] = kSurveyFormatVersion;
  j["id"] = s.id;
  j["locales"] = s.locales;
  put_text(j, "title", s.title);
  put_text(j, "intro_pre", s.intro_pre);
  put_text(j, "intro_post", s.intro_post);
  put_text(j, "min_label", s.min_label);
  put_text(j, "max_label", s.max_label);
  put_text(j, "vignette_prompt", s.vignette_prompt);
  ojson items = ojson::array();
  ojson vignettes = ojson::array();
  for (const auto& it : s.items) {
    ojson ij;
    ij["id"] = it.id;
    if (it.is_vignette()) {
      ij["key"] = it.key == VignetteKey::Benign ? "benign" : "harmful";
    } else {
      ij["goal"] = std::string(name_of(it.goal));
      if (it.reverse) ij["reverse"] = true;
    }
    put_text(ij, "form_a", it.form_a);
    put_text(ij, "form_b", it.form_b);
    (it.is_vignette() ? vignettes : items).push_back(std::move(ij));
  }
  j["items"] = std::move(items);
  if (!vignettes.empty()) j["vignettes"] = std::move(vignettes);
  return j;
}

ojson to_json(const HelpDirectory& h) {
  ojson j;
  put_string(j, "$schema", h.schema);
  j["type"] = "help";
  j["format_version"] = kHelpFormatVersion;
  j["locales"] = h.locales;
  if (h.fallback != "INT") j["fallback"] = h.fallback;
  ojson countries = ojson::array();
  for (const auto& c : h.countries) {
    ojson cj;
    cj["code"] = c.code;
    put_text(cj, "name", c.name);
    ojson resources = ojson::array();
    for (const auto& r : c.resources) {
      ojson rj;
      rj["id"] = r.id;
      put_text(rj, "name", r.name);
      put_string(rj, "phone", r.phone);
      put_string(rj, "text", r.text);
      put_string(rj, "url", r.url);
      put_text(rj, "what", r.what);
      put_text(rj, "hours", r.hours);
      if (r.audience != HelpAudience::Everyone) rj["audience"] = std::string(name_of(r.audience));
      ojson topics = ojson::array();
      for (auto t : r.topics) topics.push_back(std::string(name_of(t)));
      rj["topics"] = std::move(topics);
      put_string(rj, "source", r.source);
      resources.push_back(std::move(rj));
    }
    cj["resources"] = std::move(resources);
    countries.push_back(std::move(cj));
  }
  j["countries"] = std::move(countries);
  return j;
}

ojson to_json(const LocaleStrings& l) {
  ojson j;
  put_string(j, "$schema", l.schema);
  j["type"] = "locale";
  j["format_version"] = kLocaleFormatVersion;
  j["locale"] = l.locale;
  j["name"] = l.name;
  ojson strings = ojson::object();
  for (const auto& e : l.entries) strings[e.key] = e.value;
  j["strings"] = std::move(strings);
  return j;
}

namespace {

// --- 6. When a value fits on one line ---

std::string scalar_text(const ojson& v) {
  // ensure_ascii=false keeps Korean readable; replace guards against invalid UTF-8 that an
  // editor might have let through.
  return v.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

bool is_scalar(const ojson& v) {
  return !v.is_object() && !v.is_array();
}

constexpr std::size_t kLineWidth = 100;

// The one-line form of a container, or "" when it should not be written on one line:
// containers nested more than two deep, and things with an "id" (nodes, choices,
// characters), which read best laid out even when short.
std::string inline_form(const ojson& v, int depth = 0) {
  if (depth > 1 || (v.is_object() && v.contains("id"))) return "";
  std::string out = v.is_object() ? "{" : "[";
  bool first = true;
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (!first) out += ", ";
    first = false;
    if (v.is_object()) out += scalar_text(ojson(it.key())) + ": ";
    if (is_scalar(it.value())) {
      out += scalar_text(it.value());
    } else if (it.value().empty()) {
      out += it.value().is_object() ? "{}" : "[]";
    } else {
      const std::string nested = inline_form(it.value(), depth + 1);
      if (nested.empty()) return "";
      out += nested;
    }
  }
  return out + (v.is_object() ? "}" : "]");
}

// --- 7. Writing the canonical text ---

// `column` is where the value starts on its line, so a short container of plain values
// ({"ko": "나", "en": "You"}, ["ko", "en"]) stays on one line when it fits.
void write_value(std::string& out, const ojson& v, int indent, std::size_t column) {
  const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
  const std::string inner(static_cast<std::size_t>(indent + 1) * 2, ' ');
  if (!v.is_object() && !v.is_array()) {
    out += scalar_text(v);
    return;
  }
  if (v.empty()) {
    out += v.is_object() ? "{}" : "[]";
    return;
  }
  if (const std::string one_line = inline_form(v);
      !one_line.empty() && column + utf8::count_code_points(one_line) <= kLineWidth) {
    out += one_line;
    return;
  }
  out += v.is_object() ? "{\n" : "[\n";
  bool first = true;
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (!first) out += ",\n";
    first = false;
    out += inner;
    std::size_t col = inner.size();
    if (v.is_object()) {
      const std::string key = scalar_text(ojson(it.key())) + ": ";
      out += key;
      col += utf8::count_code_points(key);
    }
    write_value(out, it.value(), indent + 1, col);
  }
  out += "\n" + pad + (v.is_object() ? "}" : "]");
}

}  // namespace

std::string write_canonical(const ojson& j) {
  std::string out;
  write_value(out, j, 0, 0);
  out += "\n";
  return out;
}

std::string canonical_text(const ContentFile& f) {
  if (const auto* s = f.scenario()) return write_canonical(to_json(*s));
  if (const auto* s = f.survey()) return write_canonical(to_json(*s));
  if (const auto* h = f.help()) return write_canonical(to_json(*h));
  if (const auto* l = f.locale()) return write_canonical(to_json(*l));
  return "";
}

}  // namespace upstander
