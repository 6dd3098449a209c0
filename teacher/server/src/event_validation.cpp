// Batch parsing and per-type checks against the engine's scenario model.
#include "event_validation.hpp"

#include <algorithm>
#include <string>

#include "upstander/protocol/random_id.hpp"

namespace upstander::server {

namespace {

constexpr std::int64_t kMaxOrd = (std::int64_t{1} << 53);  // exact in every JSON reader

struct EventReader {
  const SessionContent& content;

  const Scenario* scenario_of(FieldReader& f) {
    auto id = f.id("scenario", true);
    if (!id) return nullptr;
    const Scenario* s = content.scenario(*id);
    if (s == nullptr)
      f.fail(422, "unknown_scenario", "the scenario \"" + *id + "\" is not part of this session",
             "scenario");
    return s;
  }

  const Node* node_of(FieldReader& f, const Scenario& s, std::string_view key = "node") {
    auto id = f.id(key, true);
    if (!id) return nullptr;
    const Node* n = s.find_node(*id);
    if (n == nullptr)
      f.fail(422, "unknown_node", "the node \"" + *id + "\" is not in " + s.id, key);
    return n;
  }

  void read_choice(FieldReader& f, ClassEvent& e) {
    const Scenario* s = scenario_of(f);
    const Node* n = s ? node_of(f, *s) : nullptr;
    auto choice = f.id("choice", true);
    if (!n || !choice) return;
    const auto& cs = n->choices;
    if (std::none_of(cs.begin(), cs.end(), [&](const Choice& c) { return c.id == *choice; })) {
      f.fail(422, "choice_not_on_node",
             "the choice \"" + *choice + "\" does not belong to the node \"" + n->id + "\"",
             "choice");
      return;
    }
    e.scenario = s->id;
    e.node = n->id;
    e.answer = *choice;
  }

  void read_reflection(FieldReader& f, ClassEvent& e) {
    const Scenario* s = scenario_of(f);
    const Node* n = s ? node_of(f, *s) : nullptr;
    const auto* option_field = f.raw("option", false);
    const auto* value_field = f.raw("value", false);
    if (!n) return;
    if (n->kind != NodeKind::Reflection) {
      f.fail(422, "not_a_reflection", "the node \"" + n->id + "\" is not a reflection question",
             "node");
      return;
    }
    const auto& body = n->as<ReflectionBody>();
    e.scenario = s->id;
    e.node = n->id;
    if (!body.options.empty()) {
      if (value_field) {
        f.fail(422, "wrong_answer_kind", "this question is answered with an option, not a value",
               "value");
        return;
      }
      auto option = f.id("option", true);
      if (!option) return;
      const auto& os = body.options;
      if (std::none_of(os.begin(), os.end(),
                       [&](const ReflectionOption& o) { return o.id == *option; })) {
        f.fail(422, "option_not_on_node",
               "the option \"" + *option + "\" does not belong to \"" + n->id + "\"", "option");
        return;
      }
      e.answer = *option;
    } else {
      if (option_field) {
        f.fail(422, "wrong_answer_kind", "this question is answered with a value from 1 to 5",
               "option");
        return;
      }
      auto v = f.integer("value", true, 1, 5);
      if (v) e.value = static_cast<int>(*v);
    }
  }

  void read_skip(FieldReader& f, ClassEvent& e) {
    const Scenario* s = scenario_of(f);
    const Node* from = s ? node_of(f, *s) : nullptr;
    const Node* to = s ? node_of(f, *s, "to") : nullptr;
    if (!from || !to) return;
    e.scenario = s->id;
    e.node = from->id;
    e.answer = to->id;
    if (from->kind == NodeKind::Reflection) {
      e.skipped_question = true;
      e.question_is_scale = from->as<ReflectionBody>().options.empty();
    }
  }

  void read_ending(FieldReader& f, ClassEvent& e) {
    const Scenario* s = scenario_of(f);
    const Node* n = s ? node_of(f, *s) : nullptr;
    if (!n) return;
    if (!n->is_ending()) {
      f.fail(422, "not_an_ending", "the node \"" + n->id + "\" is not an ending", "node");
      return;
    }
    e.scenario = s->id;
    e.node = n->id;
  }

  void read_survey(FieldReader& f, ClassEvent& e) {
    auto item = f.id("item", true);
    auto form = f.text("form", true, 1);
    auto value = f.integer("value", true, 1, 5);
    if (!item || !form || !value) return;
    const Survey* survey = content.survey();
    if (survey == nullptr) {
      f.fail(422, "no_survey", "this session has no survey", "item");
      return;
    }
    if (survey->find_item(*item) == nullptr) {
      f.fail(422, "unknown_item", "the survey has no item \"" + *item + "\"", "item");
      return;
    }
    if (*form != "A" && *form != "B") {
      f.fail(422, "bad_value", "\"form\" must be \"A\" or \"B\"", "form");
      return;
    }
    // Clients from before counterbalancing send no phase and always asked A first.
    auto phase = f.text("phase", false, 4);
    if (phase && *phase != "pre" && *phase != "post") {
      f.fail(422, "bad_value", "\"phase\" must be \"pre\" (before play) or \"post\" (after play)",
             "phase");
      return;
    }
    e.node = *item;
    e.answer = *form;
    e.value = static_cast<int>(*value);
    e.survey_pre = phase ? *phase == "pre" : *form == "A";
  }

  void read_plain(FieldReader& f, ClassEvent& e, bool with_node) {
    const Scenario* s = scenario_of(f);
    const Node* n = (s && with_node) ? node_of(f, *s) : nullptr;
    if (!s) return;
    e.scenario = s->id;
    if (n) e.node = n->id;
  }

  Result<void, BodyError> read_event(const nlohmann::json& j, std::size_t index, ClassEvent& e) {
    const std::string where = "/events/" + std::to_string(index);
    if (!j.is_object())
      return fail(BodyError{400, "wrong_type", "each event must be an object", where});
    FieldReader f(j, where);
    auto id = f.text("id", true, 64);
    if (id && !protocol::is_event_id(*id))
      f.fail(422, "bad_value", "\"id\" must be 16-32 lowercase hex digits", "id");
    auto ord = f.integer("ord", true, 0, kMaxOrd);
    auto type_name = f.text("type", true, 32);
    if (!f.ok()) return f.finish();
    auto type = protocol::parse_event_kind(*type_name);
    if (!type) {
      f.fail(422, "unknown_event_type", "unknown event type \"" + *type_name + "\"", "type");
      return f.finish();
    }
    e.client_id = *id;
    e.ord = *ord;
    e.type = *type;
    switch (*type) {
      case ClassEventType::ScenarioStarted: read_plain(f, e, false); break;
      case ClassEventType::NodeEntered: read_plain(f, e, true); break;
      case ClassEventType::ChoiceMade: read_choice(f, e); break;
      case ClassEventType::ReflectionAnswered: read_reflection(f, e); break;
      case ClassEventType::SceneSkipped: read_skip(f, e); break;
      case ClassEventType::EndingReached: read_ending(f, e); break;
      case ClassEventType::SurveyAnswered: read_survey(f, e); break;
    }
    return f.finish();
  }
};

}  // namespace

Result<std::vector<ClassEvent>, BodyError> read_event_batch(std::string_view body,
                                                            const SessionContent& content,
                                                            std::size_t max_events) {
  auto root = parse_object(body);
  if (!root) return fail(root.error());
  FieldReader top(*root);
  const nlohmann::json* list = top.raw("events", true);
  if (auto done = top.finish(); !done) return fail(done.error());
  if (!list->is_array())
    return fail(BodyError{400, "wrong_type", "\"events\" must be a list", "/events"});
  if (list->empty()) {
    return fail(BodyError{400, "empty_batch",
                          "a batch holds 1 to " + std::to_string(max_events) + " events",
                          "/events"});
  }
  if (list->size() > max_events) {
    return fail(BodyError{413, "too_many_events",
                          "a batch holds at most " + std::to_string(max_events) + " events",
                          "/events"});
  }
  std::vector<ClassEvent> events(list->size());
  EventReader reader{content};
  for (std::size_t i = 0; i < list->size(); ++i) {
    if (auto read = reader.read_event((*list)[i], i, events[i]); !read) return fail(read.error());
  }
  return events;
}

}  // namespace upstander::server
