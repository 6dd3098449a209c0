// Reads scenario files field by field (see content/FORMAT.md for the format).
//
// Index:
//   1. Format version
//   2. Conditions and effects
//   3. Header parts: goals, audience, review, variables, cast, threads
//   4. Node bodies: images, messages, endings, reflections
//   5. Choices, routes and exits
//   6. Nodes: clock times, one node, the node list
//   7. Translation records
//   8. The whole scenario

#include "upstander/scenario_reader.hpp"

#include <algorithm>
#include <unordered_set>

#include "upstander/diagnostic_codes.hpp"
#include "upstander/field_readers.hpp"
#include "upstander/suggest.hpp"
#include "upstander/text_limits.hpp"
#include "upstander/utf8.hpp"

namespace upstander {

// --- 1. Format version ---

void read_format_version(ObjectReader& r, int supported) {
  const JsonValue* v =
      r.required("format_version", "add \"format_version\": " + std::to_string(supported));
  if (v == nullptr) return;
  if (!v->is(JsonType::Integer)) {
    r.expect_type(*v, "format_version", JsonType::Integer);
    return;
  }
  if (v->as_int() > supported) {
    r.context().report(v->offset(), Severity::Error, codes::kFormatVersion,
                       r.context().pointer_to("format_version"),
                       "this file uses format " + std::to_string(v->as_int()) +
                           "; this version of Upstander reads format " + std::to_string(supported),
                       "update Upstander, or ask the file's author for a version in format " +
                           std::to_string(supported));
  } else if (v->as_int() < 1) {
    r.context().report(v->offset(), Severity::Error, codes::kFormatVersion,
                       r.context().pointer_to("format_version"),
                       "format_version " + std::to_string(v->as_int()) + " does not exist",
                       "use \"format_version\": " + std::to_string(supported));
  }
}

namespace {

// --- 2. Conditions and effects ---

SourceLoc loc_of(const JsonValue& v) {
  return SourceLoc{v.offset()};
}

std::optional<Condition> read_condition(ReadContext& ctx, const JsonValue& v);

std::optional<CompareOp> parse_op(std::string_view s) {
  if (s == "==") return CompareOp::Eq;
  if (s == "!=") return CompareOp::Ne;
  if (s == "<") return CompareOp::Lt;
  if (s == "<=") return CompareOp::Le;
  if (s == ">") return CompareOp::Gt;
  if (s == ">=") return CompareOp::Ge;
  return std::nullopt;
}

std::optional<Condition> read_condition(ReadContext& ctx, const JsonValue& v) {
  const std::string kForms =
      "write one of {\"flag\": \"x\"}, {\"counter\": \"x\", \"op\": \">=\", \"value\": 3}, "
      "{\"not\": {...}}, {\"all\": [...]}, {\"any\": [...]}";
  if (!v.is(JsonType::Object)) {
    ctx.error(v.offset(), codes::kWrongType,
              "a condition should be an object, not " + std::string(json_type_name(v.type())),
              kForms);
    return std::nullopt;
  }
  ObjectReader r(ctx, v, "a condition");
  const char* forms[] = {"flag", "counter", "not", "all", "any"};
  int present = 0;
  for (const char* f : forms) present += r.has(f) ? 1 : 0;
  if (present != 1) {
    for (const char* f : forms) r.allow(f);
    r.allow("op");
    r.allow("value");
    ctx.error(v.offset(), present == 0 ? codes::kMissingField : codes::kConflictingFields,
              present == 0 ? "this condition tests nothing"
                           : "a condition tests one thing; combine several with \"all\" or \"any\"",
              kForms);
    r.finish();
    return std::nullopt;
  }
  Condition c;
  c.loc = loc_of(v);
  bool ok = true;
  if (r.has("flag")) {
    c.kind = Condition::Kind::Flag;
    auto ref = required_ref(r, "flag");
    ok = ref.has_value();
    if (ref) c.var = *ref;
  } else if (r.has("counter")) {
    c.kind = Condition::Kind::Compare;
    auto ref = required_ref(r, "counter");
    ok = ref.has_value();
    if (ref) c.var = *ref;
    auto op = r.required_enum("op", {"==", "!=", "<", "<=", ">", ">="});
    ok = ok && op.has_value();
    if (op) c.op = *parse_op(*op);
    auto value = r.required_int("value", INT64_MIN, INT64_MAX);
    ok = ok && value.has_value();
    if (value) c.value = *value;
  } else if (r.has("not")) {
    c.kind = Condition::Kind::Not;
    const JsonValue* inner = r.required("not");
    auto scope = ctx.at("not");
    auto child = read_condition(ctx, *inner);
    ok = child.has_value();
    if (child) c.children.push_back(std::move(*child));
  } else {
    const bool all = r.has("all");
    const char* key = all ? "all" : "any";
    c.kind = all ? Condition::Kind::All : Condition::Kind::Any;
    const JsonValue* list = r.required(key);
    for_each_item(r, list, key, [&](std::size_t, const JsonValue& item) {
      auto child = read_condition(ctx, item);
      ok = ok && child.has_value();
      if (child) c.children.push_back(std::move(*child));
    });
    if (list && list->is(JsonType::Array) && list->items().empty()) {
      ctx.error(list->offset(), codes::kBadValue,
                std::string("\"") + key + "\" lists no conditions",
                "list at least one condition, or remove the \"if\"");
      ok = false;
    }
  }
  r.finish();
  if (!ok) return std::nullopt;
  return c;
}

std::vector<Effect> read_effects(ObjectReader& owner, std::string_view key) {
  std::vector<Effect> effects;
  ReadContext& ctx = owner.context();
  for_each_item(owner, owner.optional(key), key, [&](std::size_t, const JsonValue& item) {
    if (!item.is(JsonType::Object)) {
      ctx.error(
          item.offset(), codes::kWrongType,
          "an effect should be an object, not " + std::string(json_type_name(item.type())),
          "write {\"set\": \"flag_name\", \"to\": true} or {\"add\": \"counter_name\", \"by\": 1}");
      return;
    }
    ObjectReader r(ctx, item, "an effect");
    Effect e;
    e.loc = loc_of(item);
    if (r.has("set") == r.has("add")) {
      r.allow("set");
      r.allow("add");
      r.allow("to");
      r.allow("by");
      ctx.error(
          item.offset(), r.has("set") ? codes::kConflictingFields : codes::kMissingField,
          "an effect either sets a variable or adds to a counter",
          "write {\"set\": \"flag_name\", \"to\": true} or {\"add\": \"counter_name\", \"by\": 1}");
      r.finish();
      return;
    }
    bool ok = true;
    if (r.has("set")) {
      e.kind = Effect::Kind::Set;
      auto ref = required_ref(r, "set");
      ok = ref.has_value();
      if (ref) e.var = *ref;
      const JsonValue* to =
          r.required("to", "add \"to\": true (for a flag) or a number (for a counter)");
      if (to && to->is(JsonType::Bool)) {
        e.value = to->as_bool() ? 1 : 0;
        e.written_as_bool = true;
      } else if (to && to->is(JsonType::Integer)) {
        e.value = to->as_int();
      } else if (to && r.report_if_too_large(
                           *to, "to", "a counter holds a number of a sensible size, e.g. 0")) {
        ok = false;
      } else if (to) {
        ctx.report(to->offset(), Severity::Error, codes::kWrongType, ctx.pointer_to("to"),
                   "\"to\" should be true, false or a whole number",
                   "write true/false for a flag, a number for a counter");
        ok = false;
      } else {
        ok = false;
      }
    } else {
      e.kind = Effect::Kind::Add;
      auto ref = required_ref(r, "add");
      ok = ref.has_value();
      if (ref) e.var = *ref;
      auto by = r.required_int("by", -1'000'000'000, 1'000'000'000);
      ok = ok && by.has_value();
      if (by) e.value = *by;
    }
    r.finish();
    if (ok) effects.push_back(std::move(e));
  });
  return effects;
}

// --- 3. Header parts: goals, audience, review, variables, cast, threads ---

// "targeted": ["jiwoo"]: who the story's harm is aimed at (the player's id for "me").
void read_targeted(ObjectReader& r, Scenario& s) {
  ReadContext& ctx = r.context();
  for_each_item(r, r.optional("targeted"), "targeted", [&](std::size_t, const JsonValue& item) {
    if (!r.expect_type(item, "", JsonType::String) || !r.check_id(item, "")) return;
    for (const auto& t : s.targeted) {
      if (t.id == item.as_string()) {
        ctx.error(item.offset(), codes::kDuplicateId, "this character is listed twice",
                  "list each character once");
        return;
      }
    }
    s.targeted.push_back(IdRef{item.as_string(), SourceLoc{item.offset()}, -1});
  });
}

std::vector<LearningGoal> read_goals(ObjectReader& r) {
  std::vector<LearningGoal> goals;
  ReadContext& ctx = r.context();
  const std::vector<std::string> names = all_names<LearningGoal>();
  for_each_item(r, r.required("learning_goals"), "learning_goals",
                [&](std::size_t, const JsonValue& item) {
                  std::optional<LearningGoal> g;
                  if (item.is(JsonType::String)) g = parse_name<LearningGoal>(item.as_string());
                  if (!g) {
                    std::vector<std::string> quoted;
                    for (const auto& n : names) quoted.push_back("\"" + n + "\"");
                    ctx.error(item.offset(), codes::kBadValue,
                              "this is not one of the five learning goals" +
                                  (item.is(JsonType::String) ? did_you_mean(item.as_string(), names)
                                                             : std::string()),
                              "use " + join_list(quoted));
                    return;
                  }
                  for (auto existing : goals) {
                    if (existing == *g) {
                      ctx.error(item.offset(), codes::kDuplicateId, "this goal is listed twice",
                                "list each goal once");
                      return;
                    }
                  }
                  goals.push_back(*g);
                });
  return goals;
}

void read_audience(ObjectReader& parent, Scenario& s) {
  const JsonValue* v =
      parent.required("audience", "add \"audience\": {\"min_age\": 12, \"max_age\": 18}");
  if (v == nullptr || !parent.expect_type(*v, "audience", JsonType::Object)) return;
  ReadContext& ctx = parent.context();
  auto scope = ctx.at("audience");
  ObjectReader r(ctx, *v, "\"audience\"");
  s.min_age = static_cast<int>(r.required_int("min_age", 10, 19).value_or(12));
  s.max_age = static_cast<int>(r.required_int("max_age", 10, 19).value_or(18));
  if (s.min_age > s.max_age) {
    ctx.error(v->offset(), codes::kBadValue, "min_age is greater than max_age",
              "swap the two ages");
  }
  r.finish();
}

void read_review(ObjectReader& parent, Scenario& s) {
  const JsonValue* v = parent.required("review", "add \"review\": {\"status\": \"draft\"}");
  if (v == nullptr || !parent.expect_type(*v, "review", JsonType::Object)) return;
  ReadContext& ctx = parent.context();
  auto scope = ctx.at("review");
  ObjectReader r(ctx, *v, "\"review\"");
  if (auto st = r.required_enum("status", all_names<ReviewStatus>()))
    s.review.status = *parse_name<ReviewStatus>(*st);
  s.review.by = r.optional_string("by", "");
  s.review.date = r.optional_string("date", "");
  if (!s.review.date.empty()) {
    const std::string& d = s.review.date;
    const bool shape = d.size() == 10 && d[4] == '-' && d[7] == '-';
    if (!shape) {
      ctx.report(v->find("date")->offset(), Severity::Error, codes::kBadValue,
                 ctx.pointer_to("date"), "\"" + d + "\" is not a date written as YYYY-MM-DD",
                 "write the date like \"2026-03-14\"");
    }
  }
  if (s.review.status == ReviewStatus::Reviewed && (s.review.by.empty() || s.review.date.empty())) {
    ctx.error(
        v->offset(), codes::kReviewIncomplete,
        "a reviewed scenario must say who reviewed it and when",
        "add \"by\": \"(the reviewer's role or school)\" and \"date\": \"YYYY-MM-DD\", or set \"status\": \"draft\"");
  }
  r.finish();
}

void read_variables(ObjectReader& parent, Scenario& s) {
  ReadContext& ctx = parent.context();
  for_each_item(
      parent, parent.optional("variables"), "variables", [&](std::size_t, const JsonValue& item) {
        if (!parent.expect_type(item, "", JsonType::Object)) return;
        ObjectReader r(ctx, item, "a variable");
        Variable var;
        var.loc = entity_loc(item.offset(), item.offset_of("id"));
        var.id = r.required_id("id").value_or("");
        if (auto t = r.required_enum("type", all_names<VariableType>()))
          var.type = *parse_name<VariableType>(*t);
        var.description = r.optional_string("description", "");
        if (var.type == VariableType::Flag) {
          var.initial = r.optional_bool("initial", false) ? 1 : 0;
        } else {
          var.initial = r.optional_int("initial", 0, -1'000'000'000, 1'000'000'000);
          if (r.has("min")) var.min = r.optional_int("min", 0, -1'000'000'000, 1'000'000'000);
          if (r.has("max")) var.max = r.optional_int("max", 0, -1'000'000'000, 1'000'000'000);
          if ((var.min && var.initial < *var.min) || (var.max && var.initial > *var.max)) {
            ctx.error(item.offset(), codes::kBadValue,
                      "the initial value of \"" + var.id + "\" is outside its min and max",
                      "make min <= initial <= max");
          }
        }
        r.finish();
        s.variables.push_back(std::move(var));
      });
}

bool is_hex_colour(std::string_view c) {
  if (c.size() != 7 || c[0] != '#') return false;
  for (std::size_t i = 1; i < 7; ++i) {
    const char ch = c[i];
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F')))
      return false;
  }
  return true;
}

void read_characters(ObjectReader& parent, Scenario& s) {
  ReadContext& ctx = parent.context();
  for_each_item(
      parent, parent.required("characters"), "characters", [&](std::size_t, const JsonValue& item) {
        if (!parent.expect_type(item, "", JsonType::Object)) return;
        ObjectReader r(ctx, item, "a character");
        Character c;
        c.loc = entity_loc(item.offset(), item.offset_of("id"));
        c.id = r.required_id("id").value_or("");
        c.name = required_text(r, "name", limits::kName);
        c.unknown = r.optional_bool("unknown", false);
        if (const JsonValue* av = r.required(
                "avatar", "add \"avatar\": {\"color\": \"#4a90d9\"} or {\"emoji\": \"🐻\"}")) {
          if (r.expect_type(*av, "avatar", JsonType::Object)) {
            auto scope = ctx.at("avatar");
            ObjectReader ar(ctx, *av, "an avatar");
            c.avatar.emoji = ar.optional_string("emoji", "");
            c.avatar.color = ar.optional_string("color", "");
            if (!c.avatar.color.empty() && !is_hex_colour(c.avatar.color)) {
              ctx.report(av->find("color")->offset(), Severity::Error, codes::kBadValue,
                         ctx.pointer_to("color"),
                         "\"" + c.avatar.color + "\" is not a colour written as #RRGGBB",
                         "write a colour like \"#4a90d9\"");
            }
            if (!c.avatar.emoji.empty() && (utf8::count_code_points(c.avatar.emoji) > 8 ||
                                            static_cast<unsigned char>(c.avatar.emoji[0]) < 0x80)) {
              ctx.report(av->find("emoji")->offset(), Severity::Error, codes::kBadValue,
                         ctx.pointer_to("emoji"), "\"emoji\" should be a single emoji",
                         "use one emoji such as \"🐻\"");
            }
            if (c.avatar.emoji.empty() && c.avatar.color.empty()) {
              ctx.error(av->offset(), codes::kMissingField, "an avatar needs a colour or an emoji",
                        "add \"color\": \"#4a90d9\" or \"emoji\": \"🐻\"");
            }
            ar.finish();
          }
        }
        r.finish();
        s.characters.push_back(std::move(c));
      });
}

void read_threads(ObjectReader& parent, Scenario& s) {
  ReadContext& ctx = parent.context();
  for_each_item(parent, parent.optional("threads"), "threads",
                [&](std::size_t, const JsonValue& item) {
                  if (!parent.expect_type(item, "", JsonType::Object)) return;
                  ObjectReader r(ctx, item, "a thread");
                  Thread t;
                  t.loc = entity_loc(item.offset(), item.offset_of("id"));
                  t.id = r.required_id("id").value_or("");
                  t.name = required_text(r, "name", limits::kTitle);
                  if (auto k = r.optional_enum("kind", all_names<ThreadKind>()))
                    t.kind = *parse_name<ThreadKind>(*k);
                  t.members = static_cast<int>(r.optional_int("members", 0, 0, 100000));
                  r.finish();
                  s.threads.push_back(std::move(t));
                });
}

// --- 4. Node bodies: images, messages, endings, reflections ---

std::optional<ImageCard> read_image(ObjectReader& parent, std::string_view key, bool required) {
  ReadContext& ctx = parent.context();
  const JsonValue* v = required ? parent.required(key) : parent.optional(key);
  if (v == nullptr || !parent.expect_type(*v, key, JsonType::Object)) return std::nullopt;
  auto scope = ctx.at(key);
  ObjectReader r(ctx, *v, "an image card");
  ImageCard card;
  if (auto icon = r.optional_enum("icon", all_names<ImageIcon>()))
    card.icon = *parse_name<ImageIcon>(*icon);
  if (!r.has("label")) {
    r.allow("label");
    ctx.report(
        v->offset(), Severity::Error, codes::kImageWithoutLabel, ctx.pointer_to("label"),
        "this image card has no label",
        "add \"label\" saying what the card stands for, e.g. {\"en\": \"a fake image of Jiwoo\"}; "
        "images are never shown, only labelled");
  } else {
    card.label = required_text(r, "label", limits::kLabel);
  }
  r.finish();
  return card;
}

void read_messages(ObjectReader& r, ChatBody& chat) {
  ReadContext& ctx = r.context();
  const JsonValue* list = r.required("messages");
  for_each_item(r, list, "messages", [&](std::size_t, const JsonValue& item) {
    if (!r.expect_type(item, "", JsonType::Object)) return;
    ObjectReader mr(ctx, item, "a chat message");
    ChatMessage m;
    if (auto from = required_ref(mr, "from")) m.from = *from;
    m.image = read_image(mr, "image", false);
    if (m.image) {
      m.text = optional_text(mr, "text", limits::kBubble);
    } else {
      m.text = required_text(mr, "text", limits::kBubble);
    }
    m.time = mr.optional_string("time", "");
    mr.finish();
    chat.messages.push_back(std::move(m));
  });
  if (list && list->is(JsonType::Array) && list->items().empty()) {
    ctx.report(list->offset(), Severity::Error, codes::kBadValue, ctx.pointer_to("messages"),
               "this chat has no messages",
               "add at least one message {\"from\": \"...\", \"text\": {...}}");
  }
}

DebriefLayer read_layer(ObjectReader& parent, std::string_view key, const char* what_it_is) {
  ReadContext& ctx = parent.context();
  DebriefLayer layer;
  const JsonValue* v = parent.optional(key);
  if (v == nullptr) {
    ctx.report(
        parent.object().offset(), Severity::Error, codes::kDebriefIncomplete, ctx.pointer_to(key),
        std::string("the debrief has no \"") + std::string(key) + "\" layer (" + what_it_is + ")",
        "every ending explains what happens to the person targeted, to the people around, and under the rules; "
        "add \"" +
            std::string(key) + "\": {\"text\": {...}}");
    return layer;
  }
  if (!parent.expect_type(*v, key, JsonType::Object)) return layer;
  auto scope = ctx.at(key);
  ObjectReader r(ctx, *v, "a debrief layer");
  layer.text = required_text(r, "text", limits::kDebrief);
  layer.sources = optional_url_list(r, "sources");
  r.finish();
  return layer;
}

EndingBody read_ending(ObjectReader& r) {
  ReadContext& ctx = r.context();
  EndingBody e;
  if (auto o = r.required_enum("outcome", all_names<Outcome>()))
    e.outcome = *parse_name<Outcome>(*o);
  e.title = required_text(r, "title", limits::kTitle);
  e.text = required_text(r, "text", limits::kDebrief);
  const JsonValue* debrief = r.optional("debrief");
  if (debrief == nullptr) {
    ctx.report(
        r.object().offset(), Severity::Error, codes::kDebriefIncomplete, ctx.pointer_to("debrief"),
        "this ending has no debrief",
        "add \"debrief\" with three layers: \"targeted\" (the person targeted), \"around\" (friends, class, "
        "family) and \"rules\" (law and school)");
  } else if (r.expect_type(*debrief, "debrief", JsonType::Object)) {
    auto scope = ctx.at("debrief");
    ObjectReader dr(ctx, *debrief, "a debrief");
    e.targeted = read_layer(dr, "targeted", "the person targeted, days and weeks later");
    e.around = read_layer(dr, "around", "friends, class and family");
    e.rules = read_layer(dr, "rules", "the law and the school");
    if (dr.has("rules") && e.rules.sources.empty() && !e.rules.text.empty()) {
      ctx.report(
          debrief->find("rules")->offset(), Severity::Warning, codes::kRulesWithoutSource,
          ctx.pointer_to("rules"), "the rules layer states facts without a source",
          "add \"sources\": [\"https://...\"] with the sources in content/FACTS.md, so schools can check them");
    }
    dr.finish();
  }
  const JsonValue* help = r.optional("help");
  if (help == nullptr) {
    ctx.report(
        r.object().offset(), Severity::Error, codes::kEndingWithoutHelp, ctx.pointer_to("help"),
        "this ending does not point to help",
        "add \"help\": [\"counselling\", \"report\"] (the topics to lead with); every ending shows help resources");
  } else {
    const std::vector<std::string> names = all_names<HelpTopic>();
    for_each_item(r, help, "help", [&](std::size_t, const JsonValue& item) {
      std::optional<HelpTopic> t;
      if (item.is(JsonType::String)) t = parse_name<HelpTopic>(item.as_string());
      if (!t) {
        ctx.error(
            item.offset(), codes::kBadValue,
            "this is not a help topic" +
                (item.is(JsonType::String) ? did_you_mean(item.as_string(), names) : std::string()),
            "use " + join_list(names));
        return;
      }
      e.help.push_back(*t);
    });
    if (help->is(JsonType::Array) && help->items().empty()) {
      ctx.report(help->offset(), Severity::Error, codes::kEndingWithoutHelp, ctx.pointer_to("help"),
                 "\"help\" is empty", "list at least one topic, e.g. [\"counselling\"]");
    }
  }
  return e;
}

// A student picks a choice with the number keys 1-9 (or taps it); a tenth choice has no
// key, and at 1024x600 with large text about six fit on the screen without scrolling.
constexpr std::size_t kMaxChoices = 9;

void check_choice_count(ReadContext& ctx, const JsonValue& list, std::string_view key) {
  if (!list.is(JsonType::Array) || list.items().size() <= kMaxChoices) return;
  const std::string n = std::to_string(list.items().size());
  ctx.report(
      list.offset(), Severity::Warning, codes::kTooManyChoices, ctx.pointer_to(key),
      "this decision has " + n + " " + std::string(key) +
          "; students pick with the number keys 1-" + std::to_string(kMaxChoices) +
          ", so choices after the " + std::to_string(kMaxChoices) + "th have no key",
      "keep at most " + std::to_string(kMaxChoices) +
          ": merge choices that lead to the same place, or split the decision into two steps");
}

ReflectionBody read_reflection(ObjectReader& r) {
  ReadContext& ctx = r.context();
  ReflectionBody body;
  body.question = required_text(r, "question", limits::kCard);
  const bool has_options = r.has("options"), has_scale = r.has("scale");
  if (has_options == has_scale) {
    r.allow("options");
    r.allow("scale");
    ctx.error(
        r.object().offset(), has_options ? codes::kConflictingFields : codes::kMissingField,
        "a reflection question has either \"options\" or a 1-5 \"scale\"",
        "keep one: \"options\": [{\"id\": \"a\", \"text\": {...}}] or \"scale\": {\"min_label\": {...}, \"max_label\": {...}}");
    return body;
  }
  if (has_options) {
    const JsonValue* list = r.required("options");
    for_each_item(r, list, "options", [&](std::size_t, const JsonValue& item) {
      if (!r.expect_type(item, "", JsonType::Object)) return;
      ObjectReader orr(ctx, item, "a reflection option");
      ReflectionOption opt;
      opt.loc = entity_loc(item.offset(), item.offset_of("id"));
      opt.id = orr.required_id("id").value_or("");
      opt.text = required_text(orr, "text", limits::kChoice);
      orr.finish();
      body.options.push_back(std::move(opt));
    });
    check_choice_count(ctx, *list, "options");
    if (list->is(JsonType::Array) && list->items().size() < 2) {
      ctx.report(list->offset(), Severity::Error, codes::kBadValue, ctx.pointer_to("options"),
                 "a reflection question needs at least two options",
                 "add options, or use a 1-5 \"scale\"");
    }
  } else {
    const JsonValue* sv = r.required("scale");
    if (r.expect_type(*sv, "scale", JsonType::Object)) {
      auto scope = ctx.at("scale");
      ObjectReader sr(ctx, *sv, "a scale");
      Scale scale;
      scale.min_label = required_text(sr, "min_label", limits::kLabel);
      scale.max_label = required_text(sr, "max_label", limits::kLabel);
      sr.finish();
      body.scale = std::move(scale);
    }
  }
  return body;
}

NodeBody read_body(ObjectReader& r, NodeKind kind) {
  switch (kind) {
    case NodeKind::Narration: return NarrationBody{required_text(r, "text", limits::kCard)};
    case NodeKind::Chat: {
      ChatBody b;
      if (auto t = required_ref(r, "thread")) b.thread = *t;
      read_messages(r, b);
      return b;
    }
    case NodeKind::FeedPost: {
      FeedPostBody b;
      if (auto a = required_ref(r, "author")) b.author = *a;
      b.text = required_text(r, "text", limits::kBubble);
      b.image = read_image(r, "image", false);
      b.likes = static_cast<int>(r.optional_int("likes", 0, 0, 10'000'000));
      b.comments = static_cast<int>(r.optional_int("comments", 0, 0, 10'000'000));
      return b;
    }
    case NodeKind::DirectMessage: {
      DirectMessageBody b;
      if (auto f = required_ref(r, "from")) b.from = *f;
      b.image = read_image(r, "image", false);
      b.text = b.image ? optional_text(r, "text", limits::kBubble)
                       : required_text(r, "text", limits::kBubble);
      return b;
    }
    case NodeKind::Notification: {
      NotificationBody b;
      b.app = required_text(r, "app", limits::kName);
      b.title = optional_text(r, "title", limits::kLabel);
      b.text = required_text(r, "text", limits::kBubble);
      return b;
    }
    case NodeKind::ImageCard: {
      ImageCardBody b;
      if (r.has("label") && !r.has("image")) {
        // The most common slip: label written on the node instead of inside "image".
        r.allow("label");
        r.context().report(r.object().find("label")->offset(), Severity::Error, codes::kUnknownKey,
                           r.context().pointer_to("label"),
                           "an image card's label goes inside \"image\"",
                           "write \"image\": {\"icon\": \"photo\", \"label\": {...}}");
      }
      if (auto img = read_image(r, "image", false)) {
        b.image = std::move(*img);
      } else if (!r.has("image")) {
        r.context().report(
            r.object().offset(), Severity::Error, codes::kImageWithoutLabel,
            r.context().pointer_to("image"), "this image card has no image label",
            "add \"image\": {\"icon\": \"photo\", \"label\": {...}}; images are never shown, only labelled");
      }
      if (auto t = optional_ref(r, "thread")) b.thread = *t;
      if (auto f = optional_ref(r, "from")) b.from = *f;
      b.caption = optional_text(r, "caption", limits::kLabel);
      return b;
    }
    case NodeKind::Perspective: {
      PerspectiveBody b;
      if (auto c = required_ref(r, "character")) b.character = *c;
      b.caption = required_text(r, "caption", limits::kLabel);
      return b;
    }
    case NodeKind::Excuse: {
      ExcuseBody b;
      if (auto sp = optional_ref(r, "speaker")) b.speaker = *sp;
      b.excuse = required_text(r, "excuse", limits::kCard);
      b.answer = required_text(r, "answer", limits::kCard);
      if (r.has("source")) b.source = required_url(r, "source").value_or("");
      return b;
    }
    case NodeKind::Thought: {
      ThoughtBody b;
      if (auto sp = optional_ref(r, "speaker")) b.speaker = *sp;
      b.thought = required_text(r, "thought", limits::kCard);
      b.answer = required_text(r, "answer", limits::kCard);
      if (r.has("source")) b.source = required_url(r, "source").value_or("");
      return b;
    }
    case NodeKind::Ripple: {
      RippleBody b;
      if (auto c = required_ref(r, "counter")) b.counter = *c;
      b.caption = required_text(r, "caption", limits::kLabel);
      return b;
    }
    case NodeKind::Reflection: return read_reflection(r);
    case NodeKind::Fact: {
      FactBody b;
      b.text = required_text(r, "text", limits::kCard);
      if (!r.has("source")) {
        r.allow("source");
        r.context().report(
            r.object().offset(), Severity::Error, codes::kFactWithoutSource,
            r.context().pointer_to("source"), "this fact card has no source",
            "add \"source\": \"https://...\" (see content/FACTS.md); every fact shows where it comes from");
      } else {
        b.source = required_url(r, "source").value_or("");
      }
      b.source_label = optional_text(r, "source_label", limits::kLabel);
      return b;
    }
    case NodeKind::Ending: return read_ending(r);
  }
  return NarrationBody{};
}

// --- 5. Choices, routes and exits ---

std::vector<Choice> read_choices(ObjectReader& r) {
  std::vector<Choice> choices;
  ReadContext& ctx = r.context();
  const JsonValue* list = r.optional("choices");
  if (list && list->is(JsonType::Array)) choices.reserve(list->items().size());
  for_each_item(r, list, "choices", [&](std::size_t, const JsonValue& item) {
    if (!r.expect_type(item, "", JsonType::Object)) return;
    ObjectReader cr(ctx, item, "a choice");
    Choice c;
    c.loc = entity_loc(item.offset(), item.offset_of("id"));
    c.id = cr.required_id("id").value_or("");
    c.text = required_text(cr, "text", limits::kChoice);
    if (auto to = required_ref(cr, "to")) c.to = *to;
    if (const JsonValue* cond = cr.optional("if")) {
      auto scope = ctx.at("if");
      c.condition = read_condition(ctx, *cond);
    }
    c.effects = read_effects(cr, "effects");
    cr.finish();
    choices.push_back(std::move(c));
  });
  if (list && list->is(JsonType::Array) && list->items().empty()) {
    ctx.report(list->offset(), Severity::Error, codes::kNoWayForward, ctx.pointer_to("choices"),
               "\"choices\" is empty",
               "add choices, or replace \"choices\" with \"next\": \"(node id)\"");
  }
  if (list) check_choice_count(ctx, *list, "choices");
  return choices;
}

std::vector<Route> read_route(ObjectReader& r) {
  std::vector<Route> route;
  ReadContext& ctx = r.context();
  const JsonValue* list = r.optional("route");
  for_each_item(r, list, "route", [&](std::size_t i, const JsonValue& item) {
    if (!r.expect_type(item, "", JsonType::Object)) return;
    ObjectReader rr(ctx, item, "a route entry");
    Route entry;
    entry.loc = SourceLoc{item.offset()};
    if (const JsonValue* cond = rr.optional("if")) {
      auto scope = ctx.at("if");
      entry.condition = read_condition(ctx, *cond);
    }
    if (auto to = required_ref(rr, "to")) entry.to = *to;
    const bool last = i + 1 == list->items().size();
    if (last && item.find("if") != nullptr) {
      ctx.error(item.offset(), codes::kRouteWithoutDefault,
                "the last entry of a route has an \"if\"",
                "remove its \"if\" so it is the default: a route must always lead somewhere");
    } else if (!last && item.find("if") == nullptr) {
      ctx.error(item.offset(), codes::kRouteWithoutDefault,
                "only the last entry of a route may be without \"if\"",
                "add an \"if\" to this entry, or move it to the end as the default");
    }
    rr.finish();
    route.push_back(std::move(entry));
  });
  if (list && list->is(JsonType::Array) && list->items().empty()) {
    ctx.report(list->offset(), Severity::Error, codes::kNoWayForward, ctx.pointer_to("route"),
               "\"route\" is empty",
               "add entries {\"if\": {...}, \"to\": \"...\"} and a last entry {\"to\": \"...\"}");
  }
  return route;
}

void read_exits(ObjectReader& r, Node& n) {
  ReadContext& ctx = r.context();
  if (n.is_ending()) {
    for (const char* key : {"next", "choices", "route", "skip_to"}) {
      if (const JsonValue* v = r.optional(key)) {
        ctx.report(
            v->offset(), Severity::Error, codes::kConflictingFields, ctx.pointer_to(key),
            std::string("an ending cannot have \"") + key + "\": endings finish the scenario",
            std::string("remove \"") + key + "\", or change \"kind\" if this is not an ending");
      }
    }
    return;
  }
  const int exits = (r.has("next") ? 1 : 0) + (r.has("choices") ? 1 : 0) + (r.has("route") ? 1 : 0);
  if (exits > 1) {
    const char* second = r.has("choices") ? "choices" : "route";
    ctx.report(
        r.object().find(second)->offset(), Severity::Error, codes::kConflictingFields,
        ctx.pointer_to(second), "a node has one of \"next\", \"choices\" or \"route\", not several",
        "continue without a decision with \"next\"; let the student decide with \"choices\"; "
        "continue depending on earlier choices with \"route\"");
  } else if (exits == 0) {
    ctx.report(
        r.object().offset(), Severity::Error, codes::kNoWayForward, ctx.pointer_to("next"),
        "this " + std::string(name_of(n.kind)) + " node is not an ending but has no way forward",
        "add \"next\": \"(node id)\" or \"choices\": [...], or make it \"kind\": \"ending\"");
  }
  if (n.kind == NodeKind::Reflection && r.has("choices")) {
    ctx.report(r.object().find("choices")->offset(), Severity::Error, codes::kConflictingFields,
               ctx.pointer_to("choices"),
               "a reflection question continues with \"next\"; its answers are \"options\"",
               "move the answers to \"options\" and add \"next\"");
  }
  if (auto next = optional_ref(r, "next")) n.next = *next;
  n.choices = read_choices(r);
  n.route = read_route(r);
  if (auto skip = optional_ref(r, "skip_to")) n.skip_to = *skip;
}

// --- 6. Nodes: clock times, one node, the node list ---

bool is_clock(std::string_view t) {
  return t.size() == 5 && t[2] == ':' && t[0] >= '0' && t[0] <= '2' && t[1] >= '0' && t[1] <= '9' &&
         t[3] >= '0' && t[3] <= '5' && t[4] >= '0' && t[4] <= '9' && (t[0] < '2' || t[1] <= '3');
}

void check_clock(ObjectReader& r, std::string_view key, const std::string& value) {
  if (value.empty() || is_clock(value)) return;
  r.context().report(r.object().find(key)->offset(), Severity::Error, codes::kBadValue,
                     r.context().pointer_to(key),
                     "\"" + value + "\" is not a time written as HH:MM",
                     "write a 24-hour time like \"21:04\"");
}

std::optional<Node> read_node(ReadContext& ctx, const JsonValue& item) {
  if (!item.is(JsonType::Object)) {
    ctx.error(item.offset(), codes::kWrongType,
              "a node should be an object, not " + std::string(json_type_name(item.type())),
              "write {\"id\": \"...\", \"kind\": \"narration\", ...}");
    return std::nullopt;
  }
  Node n;
  n.loc = entity_loc(item.offset(), item.offset_of("id"));
  const std::vector<std::string> kinds = all_names<NodeKind>();
  // Read the kind first so the other fields are checked against it.
  ObjectReader kr(ctx, item, "a node");
  std::optional<std::string> kind = kr.required_enum("kind", kinds);
  if (!kind) {
    // Without a kind the other fields cannot be judged; keep the node's id and links so
    // the rest of the scenario is still checked without a cascade of unknown-node errors.
    for (const auto& m : item.members()) kr.allow(m.key);
    n.id = kr.required_id("id").value_or("");
    read_exits(kr, n);
    kr.finish();
    return n;
  }
  n.kind = *parse_name<NodeKind>(*kind);
  kr.rename("a " + *kind + " node");
  n.id = kr.required_id("id").value_or("");
  n.scene = kr.optional_string("scene", "");
  n.time = kr.optional_string("time", "");
  check_clock(kr, "time", n.time);
  n.note = kr.optional_string("note", "");
  n.effects = read_effects(kr, "effects");
  read_exits(kr, n);
  n.body = read_body(kr, n.kind);
  if (n.kind == NodeKind::Chat) {
    const JsonValue* msgs = item.find("messages");
    if (msgs && msgs->is(JsonType::Array)) {
      auto scope = ctx.at("messages");
      for (std::size_t i = 0; i < msgs->items().size(); ++i) {
        const JsonValue& m = msgs->items()[i];
        const JsonValue* t = m.find("time");
        if (t && t->is(JsonType::String) && !is_clock(t->as_string())) {
          auto is = ctx.at(i);
          ctx.report(t->offset(), Severity::Error, codes::kBadValue, ctx.pointer_to("time"),
                     "\"" + t->as_string() + "\" is not a time written as HH:MM",
                     "write a 24-hour time like \"21:04\"");
        }
      }
    }
  }
  kr.finish();
  return n;
}

void read_nodes(ObjectReader& parent, Scenario& s) {
  ReadContext& ctx = parent.context();
  const JsonValue* list = parent.required("nodes");
  if (list && list->is(JsonType::Array)) s.nodes.reserve(list->items().size());
  for_each_item(parent, list, "nodes", [&](std::size_t, const JsonValue& item) {
    if (auto n = read_node(ctx, item)) s.nodes.push_back(std::move(*n));
  });
  if (list && list->is(JsonType::Array) && list->items().empty()) {
    ctx.report(list->offset(), Severity::Error, codes::kBadValue, "/nodes",
               "the scenario has no nodes",
               "add nodes; content/scenarios/feature-tour.json shows every kind");
  }
}

// --- 7. Translation records ---

bool is_declared(const ReadContext& ctx, std::string_view locale) {
  return std::find(ctx.locales.begin(), ctx.locales.end(), locale) != ctx.locales.end();
}

void read_record_texts(ObjectReader& rr, TranslationRecord& rec) {
  ReadContext& ctx = rr.context();
  const JsonValue* texts =
      rr.required("texts", "add \"texts\": {} (the translation tools fill it)");
  if (texts == nullptr || !rr.expect_type(*texts, "texts", JsonType::Object)) return;
  auto scope = ctx.at("texts");
  ObjectReader tr(ctx, *texts, "\"texts\"");
  std::unordered_set<std::string_view> seen;
  for (const auto& t : texts->members()) {
    tr.allow(t.key);  // a key given twice is reported by finish()
    if (!seen.insert(t.key).second) continue;
    if (!t.value.is(JsonType::String)) {
      tr.expect_type(t.value, t.key, JsonType::String);
      continue;
    }
    if (!is_fingerprint(t.value.as_string())) {
      ctx.report(t.value.offset(), Severity::Error, codes::kBadValue, ctx.pointer_to(t.key),
                 "\"" + t.value.as_string() + "\" is not a text fingerprint (8 digits 0-9 and a-f)",
                 "leave \"translations\" to the translation tools, or remove this entry");
      continue;
    }
    rec.texts.push_back(TranslatedText{t.key, t.value.as_string(), SourceLoc{t.key_offset}});
  }
  tr.finish();
  std::sort(rec.texts.begin(), rec.texts.end(),
            [](const auto& a, const auto& b) { return a.key < b.key; });
}

std::optional<TranslationRecord> read_record(ReadContext& ctx, const JsonMember& m) {
  if (!is_declared(ctx, m.key)) {
    ctx.report(m.key_offset, Severity::Error, codes::kUndeclaredLocale, ctx.pointer_to(m.key),
               "there is a translation record for " + locale_display_name(m.key) +
                   ", but the file's \"locales\" does not list it",
               "add \"" + m.key + "\" to \"locales\", or remove this record");
    return std::nullopt;
  }
  auto scope = ctx.at(m.key);
  ObjectReader rr(ctx, m.value, "a translation record");
  TranslationRecord rec;
  rec.locale = m.key;
  rec.loc = SourceLoc{m.key_offset};
  if (auto from = rr.required_string("from")) {
    const std::uint32_t at = m.value.offset_of("from");
    if (!is_declared(ctx, *from)) {
      ctx.report(at, Severity::Error, codes::kUndeclaredLocale, ctx.pointer_to("from"),
                 locale_display_name(*from) + " is not one of the file's \"locales\"",
                 "name the declared language this one was translated from");
    } else if (*from == m.key) {
      ctx.report(at, Severity::Error, codes::kBadValue, ctx.pointer_to("from"),
                 "a language cannot be translated from itself",
                 "name the language the translation was made from");
    }
    rec.from = *from;
  }
  read_record_texts(rr, rec);
  rr.finish();
  return rec;
}

void read_translations(ObjectReader& parent, Scenario& s) {
  const JsonValue* v = parent.optional("translations");
  if (v == nullptr || !parent.expect_type(*v, "translations", JsonType::Object)) return;
  ReadContext& ctx = parent.context();
  auto scope = ctx.at("translations");
  ObjectReader r(ctx, *v, "\"translations\"");
  std::unordered_set<std::string_view> seen;
  for (const auto& m : v->members()) {
    r.allow(m.key);
    if (!seen.insert(m.key).second || !r.expect_type(m.value, m.key, JsonType::Object)) continue;
    if (auto rec = read_record(ctx, m)) s.translations.push_back(std::move(*rec));
  }
  r.finish();
}

}  // namespace

// --- 8. The whole scenario ---

Scenario read_scenario(ReadContext& ctx, JsonValue& root) {
  Scenario s;
  ObjectReader r(ctx, root, "a scenario");
  r.allow("type");
  s.schema = r.optional_string("$schema", "");
  read_format_version(r, kScenarioFormatVersion);
  s.id = r.required_id("id").value_or("");
  s.locales = read_locales(r);
  s.title = required_text(r, "title", limits::kTitle);
  s.summary = required_text(r, "summary", limits::kSummary);
  s.content_note = required_text(r, "content_note", limits::kSummary);
  read_audience(r, s);
  s.minutes = static_cast<int>(r.required_int("minutes", 1, 90).value_or(10));
  s.order = static_cast<int>(r.optional_int("order", 100, 0, 10'000));
  s.goals = read_goals(r);
  read_review(r, s);
  if (auto p = required_ref(r, "player")) s.player = *p;
  read_targeted(r, s);
  if (auto st = required_ref(r, "start")) s.start = *st;
  read_variables(r, s);
  read_characters(r, s);
  read_threads(r, s);
  read_nodes(r, s);
  read_translations(r, s);
  r.finish();
  return s;
}

}  // namespace upstander
