// Issue 18's editor capabilities besides variables: the header (order, who is targeted),
// debrief sources, effects and routes built with their pickers' models, renaming characters
// and chats everywhere, the skip rule checked while editing, a typed field as one undo step,
// and recovery after a crash holding all of it.
#include <doctest/doctest.h>

#include "author_test_support.hpp"
#include "upstander/author/document.hpp"
#include "upstander/author/effect_builder.hpp"
#include "upstander/author/route_editor.hpp"
#include "upstander/author/skip_check.hpp"
#include "upstander/diagnostic_codes.hpp"

using namespace upstander;
using namespace upstander::author;

namespace {

struct CapabilityTour {
  test::ScratchDir dir;
  std::string path;
  AutosaveSettings autosave;
  std::unique_ptr<Document> doc;

  explicit CapabilityTour(const std::string& name) : dir(name), path(dir.file("tour.json")) {
    test::write_text(path,
                     test::read_text(test::source_path("content/scenarios/feature-tour.json")));
    autosave.data_dir = dir.file("data");
    autosave.interval = std::chrono::milliseconds(0);
    OpenResult r = Document::open(path, autosave);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    doc = std::move(r->document);
  }
  const Node& node(const std::string& id) const {
    const Node* n = doc->scenario().find_node(id);
    REQUIRE(n != nullptr);
    return *n;
  }
  bool diagnosed(std::string_view code, const std::string& element) {
    for (const auto& x : doc->diagnostics().items) {
      if (x.diagnostic.code == code && x.element_id == element) return true;
    }
    return false;
  }
};

}  // namespace

TEST_CASE("header: list order and the people targeted, each one undo step") {
  CapabilityTour t("cap-header");
  const std::string before = t.doc->text();
  REQUIRE(t.doc->apply(edit::SetOrder{5}).ok());
  CHECK(t.doc->scenario().order == 5);
  CHECK(test::refusal(t.doc->apply(edit::SetOrder{10'001})) == EditError::BadValue);
  REQUIRE(t.doc->apply(edit::SetTargeted{{"seoyeon", "me"}}).ok());
  CHECK(t.doc->text().find(R"("targeted": ["seoyeon", "me"])") != std::string::npos);
  CHECK(test::refusal(t.doc->apply(edit::SetTargeted{{"nobody"}})) == EditError::UnknownCharacter);
  CHECK(test::refusal(t.doc->apply(edit::SetTargeted{{"me", "me"}})) == EditError::DuplicateId);
  // The player is now targeted, so the bystander endings no longer fit: shown as you edit.
  CHECK(t.diagnosed(codes::kOutcomeFamily, "end-upstander"));
  REQUIRE(t.doc->undo());
  CHECK(t.doc->scenario().targeted.size() == 1);
  REQUIRE(t.doc->undo());
  CHECK(t.doc->text() == before);
  REQUIRE(t.doc->redo());
  CHECK(t.doc->scenario().order == 5);
  // Languages, audience, minutes, goals.
  REQUIRE(t.doc->apply(edit::SetAudience{13, 16}).ok());
  REQUIRE(t.doc->apply(edit::SetMinutes{12}).ok());
  REQUIRE(t.doc->apply(edit::SetLearningGoals{{LearningGoal::Consequences}}).ok());
  REQUIRE(t.doc->apply(edit::SetLocales{{"ko"}}).ok());
  CHECK(t.doc->text().find(R"("en":)") == std::string::npos);
  REQUIRE(t.doc->undo());
  CHECK(t.doc->text().find(R"("en": "Saturday morning.)") != std::string::npos);
}

TEST_CASE(
    "renaming a character or a chat updates every place that names it, the targeted list too") {
  CapabilityTour t("cap-rename");
  REQUIRE(t.doc->apply(edit::RenameCharacter{"seoyeon", "yuna"}).ok());
  const std::string& text = t.doc->text();
  CHECK(text.find(R"("from": "seoyeon")") == std::string::npos);
  CHECK(text.find(R"("character": "seoyeon")") == std::string::npos);
  CHECK(text.find(R"("from": "yuna")") != std::string::npos);
  CHECK(text.find(R"("scene": "seoyeon")") !=
        std::string::npos);  // a scene label is not a character
  CHECK(text.find(R"("targeted": ["yuna"])") != std::string::npos);
  CHECK(t.doc->diagnostics().errors == 0);
  // Still named in the targeted list: it cannot be removed.
  const EditResult in_use = t.doc->apply(edit::RemoveCharacter{"yuna"});
  CHECK(test::refusal(in_use) == EditError::InUse);
  REQUIRE(t.doc->apply(edit::RenameThread{"class", "class-2-3"}).ok());
  CHECK(std::get<ChatBody>(t.node("ask-share").body).thread.id == "class-2-3");
  CHECK(t.doc->diagnostics().errors == 0);
  REQUIRE(t.doc->undo());
  REQUIRE(t.doc->undo());
  CHECK(t.doc->text() == test::read_text(t.path));
}

TEST_CASE("debrief sources on every layer") {
  CapabilityTour t("cap-debrief");
  using L = edit::DebriefLayerId;
  REQUIRE(
      t.doc->apply(edit::SetDebriefSources{"end-harm", L::Around, {"https://example.org/a"}}).ok());
  CHECK(std::get<EndingBody>(t.node("end-harm").body).around.sources ==
        std::vector<std::string>{"https://example.org/a"});
  CHECK(test::refusal(t.doc->apply(edit::SetDebriefSources{
            "end-harm", L::Targeted, {"not a url"}})) == EditError::BadValue);
  CHECK(test::refusal(t.doc->apply(edit::SetDebriefSources{"monday", L::Rules, {}})) ==
        EditError::WrongKind);
}

TEST_CASE("effects from the picker's model: the actions of the variable's type only") {
  CapabilityTour t("cap-effects");
  const Scenario& s = t.doc->scenario();
  CHECK(actions_for(VariableType::Flag) ==
        std::vector<EffectAction>{EffectAction::TurnOn, EffectAction::TurnOff});
  CHECK_FALSE(make_effect(s, "spoke_up", EffectAction::Add, 3).has_value());
  CHECK_FALSE(make_effect(s, "spread", EffectAction::TurnOn).has_value());
  CHECK_FALSE(make_effect(s, "gone", EffectAction::Add, 1).has_value());
  const auto add = make_effect(s, "spread", EffectAction::Add, -5);
  REQUIRE(add.has_value());
  const auto off = make_effect(s, "spoke_up", EffectAction::TurnOff);
  REQUIRE(off.has_value());
  // On a node and on a choice.
  REQUIRE(t.doc->apply(edit::SetNodeEffects{"monday", {*add, *off}}).ok());
  CHECK(t.doc->text().find(R"({"add": "spread", "by": -5}, {"set": "spoke_up", "to": false})") !=
        std::string::npos);
  // Switching the variable keeps what fits: a flag's "turn off" becomes a counter's "add 1".
  const auto moved = with_variable(s, *off, "spread");
  REQUIRE(moved.has_value());
  CHECK(action_of(*moved) == EffectAction::Add);
  REQUIRE(t.doc->apply(edit::SetChoiceEffects{"edited", "speak-up", {*moved}}).ok());
  CHECK(t.doc->diagnostics().errors == 0);
  // A ripple shows a counter, never a flag.
  CHECK(test::refusal(t.doc->apply(edit::SetRippleCounter{"ripple", "spoke_up"})) ==
        EditError::WrongVariableType);
}

TEST_CASE("routes: a step above the default, its condition and target, and back to next") {
  CapabilityTour t("cap-route");
  const Scenario& s = t.doc->scenario();
  // seoyeon-night moves on with "next".
  auto add = add_route_step(s, t.node("seoyeon-night"));
  REQUIRE(add.has_value());
  REQUIRE(t.doc->apply(*add).ok());
  const Node& n = t.node("seoyeon-night");
  REQUIRE(n.route.size() == 2);
  CHECK_FALSE(n.next.has_value());
  CHECK(n.route[0].to.id == "back-home");
  CHECK(n.route[1].to.id == "back-home");
  CHECK_FALSE(n.route[1].condition.has_value());
  auto target = set_route_target(t.node("seoyeon-night"), 0, "what-helps");
  REQUIRE(t.doc->apply(*target).ok());
  CHECK(t.diagnosed(codes::kRouteWithoutDefault, "seoyeon-night") == false);
  // The default cannot be removed on its own; removing the last step gives "next" back.
  CHECK_FALSE(remove_route_step(t.node("seoyeon-night"), 1).has_value());
  auto remove = remove_route_step(t.node("seoyeon-night"), 0);
  REQUIRE(remove.has_value());
  REQUIRE(t.doc->apply(*remove).ok());
  CHECK(t.node("seoyeon-night").next->id == "back-home");
  CHECK(t.node("seoyeon-night").route.empty());
  CHECK(t.doc->text() == test::read_text(t.path));
  // A condition that names an undeclared variable cannot be put on a route.
  Condition bad;
  bad.var.id = "gone";
  auto with_bad = set_route_condition(t.node("monday"), 0, bad);
  REQUIRE(with_bad.has_value());
  CHECK(test::refusal(t.doc->apply(*with_bad)) == EditError::UnknownVariable);
}

TEST_CASE(
    "the skip rule as you edit: the picker knows which targets are safe, as the checker does") {
  CapabilityTour t("cap-skip");
  const Scenario& s = t.doc->scenario();
  CHECK(check_skip_target(s, "skip-helps").safe);
  const SkipCheck monday = check_skip_target(s, "monday");
  CHECK_FALSE(monday.safe);
  CHECK(monday.path.front() == "monday");
  CHECK((monday.ending == "end-mixed" || monday.ending == "end-harm"));
  CHECK(check_skip_target(s, "end-skipped").safe);
  // The candidates put safe targets first.
  const auto candidates = skip_candidates(s, "edited");
  REQUIRE(!candidates.empty());
  CHECK(candidates.front().check.safe);
  CHECK_FALSE(candidates.back().check.safe);
  // Each candidate agrees with the checker's skip-reaches-harm once picked.
  for (const auto& c : candidates) {
    if (c.node == "end-skipped" || c.node == "monday" || c.node == "ask-share" ||
        c.node == "what-helps") {
      REQUIRE(t.doc->apply(edit::SetSkipTo{"edited", c.node}).ok());
      CAPTURE(c.node);
      CHECK(t.diagnosed(codes::kSkipReachesHarm, "edited") == !c.check.safe);
      REQUIRE(t.doc->undo());
    }
  }
  // A skip only exists on decisions.
  CHECK(test::refusal(t.doc->apply(edit::SetSkipTo{"monday", "skip-helps"})) ==
        EditError::WrongKind);
}

TEST_CASE(
    "typing into a field is one undo step; another field, an edit or leaving the field starts a "
    "new one") {
  CapabilityTour t("cap-typing");
  const std::string key = "node/saturday/text";
  const std::string before = t.doc->text();
  const std::size_t depth = t.doc->undo_depth();
  std::string typed;
  for (char c : std::string("Rainy Sunday.")) {
    typed += c;
    REQUIRE(t.doc->apply(edit::SetText{key, "en", typed}, true).ok());
  }
  CHECK(t.doc->undo_depth() == depth + 1);
  // The other language's field is another step.
  REQUIRE(t.doc->apply(edit::SetText{key, "ko", "비"}, true).ok());
  REQUIRE(t.doc->apply(edit::SetText{key, "ko", "비 오는"}, true).ok());
  CHECK(t.doc->undo_depth() == depth + 2);
  // Leaving the field, then typing in it again: a new step.
  t.doc->end_typing();
  REQUIRE(t.doc->apply(edit::SetText{key, "ko", "비 오는 일요일"}, true).ok());
  CHECK(t.doc->undo_depth() == depth + 3);
  // An edit that is not typing is its own step, and ends the typing.
  REQUIRE(t.doc->apply(edit::SetMinutes{7}).ok());
  REQUIRE(t.doc->apply(edit::SetText{key, "ko", "비 오는 일요일."}, true).ok());
  CHECK(t.doc->undo_depth() == depth + 5);
  // Without `typing` every change is a step, as before.
  REQUIRE(t.doc->apply(edit::SetNote{"saturday", "a"}).ok());
  REQUIRE(t.doc->apply(edit::SetNote{"saturday", "ab"}).ok());
  CHECK(t.doc->undo_depth() == depth + 7);
  for (int i = 0; i < 7; ++i) REQUIRE(t.doc->undo());
  CHECK(t.doc->text() == before);
  // Redo brings each typed field back whole.
  REQUIRE(t.doc->redo());
  CHECK(*t.doc->scenario().find_node("saturday")->as<NarrationBody>().text.find("en") ==
        "Rainy Sunday.");
  // After an undo, typing in the same field again is a new step (nothing merges into redone work).
  REQUIRE(t.doc->undo());
  REQUIRE(t.doc->apply(edit::SetText{key, "en", "X"}, true).ok());
  CHECK(t.doc->undo_depth() == depth + 1);
  CHECK_FALSE(t.doc->can_redo());
}

TEST_CASE("typing_field names the field, so two fields never merge") {
  CHECK(typing_field(edit::SetText{"node/a/text", "ko", "x"}) ==
        typing_field(edit::SetText{"node/a/text", "ko", "xy"}));
  CHECK(typing_field(edit::SetText{"node/a/text", "ko", "x"}) !=
        typing_field(edit::SetText{"node/a/text", "en", "x"}));
  CHECK(typing_field(edit::SetNote{"a", "x"}) != typing_field(edit::SetNote{"b", "x"}));
  CHECK(typing_field(edit::AddNode{"a", NodeKind::Narration, std::nullopt}).empty());
  CHECK(typing_field(edit::SetRoute{"a", {}}) == "route a");
}

TEST_CASE("recovery after a crash holds the new kinds of edit") {
  std::string unsaved;
  test::ScratchDir keep("cap-recovery-keep");
  std::string path;
  AutosaveSettings autosave;
  {
    CapabilityTour t("cap-recovery");
    path = keep.file("tour.json");
    test::write_text(path, test::read_text(t.path));
    autosave.data_dir = keep.file("data");
    autosave.interval = std::chrono::milliseconds(0);
    OpenResult r = Document::open(path, autosave);
    REQUIRE(r.ok());
    Document& doc = *r->document;
    const Scenario& s = doc.scenario();
    REQUIRE(doc.apply(edit::SetOrder{7}).ok());
    REQUIRE(doc.apply(edit::SetTargeted{{"seoyeon", "minji"}}).ok());
    REQUIRE(doc.apply(*add_route_step(s, *s.find_node("seoyeon-night"))).ok());
    REQUIRE(doc.apply(edit::SetNodeEffects{"monday",
                                           {*make_effect(s, "spread", EffectAction::SetTo, 3)}})
                .ok());
    REQUIRE(doc.apply(edit::SetDebriefSources{
                          "end-harm", edit::DebriefLayerId::Around, {"https://example.org/b"}})
                .ok());
    REQUIRE(doc.apply(edit::SetSkipTo{"edited", "end-skipped"}).ok());
    REQUIRE(doc.apply(edit::SetText{"node/monday/text", "en", "Mon"}, true).ok());
    REQUIRE(doc.apply(edit::SetText{"node/monday/text", "en", "Monday."}, true).ok());
    unsaved = doc.text();
    // The process dies here.
  }
  OpenResult again = Document::open(path, autosave);
  REQUIRE(again.ok());
  REQUIRE(again->recovery.has_value());
  CHECK(again->recovery->text == unsaved);
  REQUIRE(again->document->restore(*again->recovery));
  CHECK(again->document->text() == unsaved);
  const Scenario& s = again->document->scenario();
  CHECK(s.order == 7);
  CHECK(s.targeted.size() == 2);
  CHECK(s.find_node("seoyeon-night")->route.size() == 2);
  CHECK(s.find_node("edited")->skip_to->id == "end-skipped");
  again->document->discard_changes();
}

TEST_CASE("thought cards: a targeted person's thought is written as a thought, never an excuse") {
  CapabilityTour t("cap-thought");
  // joke-excuse is an excuse; spoken by the person targeted it is refused by the checker...
  REQUIRE(t.doc->apply(edit::SetSpeaker{"joke-excuse", "seoyeon"}).ok());
  CHECK(t.diagnosed(codes::kExcuseByTargeted, "joke-excuse"));
  // ...and as a thought card it is what the format asks for: the words and answer carry over.
  const ExcuseBody before = std::get<ExcuseBody>(t.node("joke-excuse").body);
  REQUIRE(t.doc->apply(edit::ChangeKind{"joke-excuse", NodeKind::Thought}).ok());
  const auto& thought = std::get<ThoughtBody>(t.node("joke-excuse").body);
  CHECK(thought.speaker.id == "seoyeon");
  CHECK(*thought.thought.find("en") == *before.excuse.find("en"));
  CHECK(*thought.answer.find("ko") == *before.answer.find("ko"));
  CHECK_FALSE(t.diagnosed(codes::kExcuseByTargeted, "joke-excuse"));
  REQUIRE(t.doc->apply(edit::SetFactSource{"joke-excuse", "https://example.org/help"}).ok());
  REQUIRE(
      t.doc->apply(edit::SetText{"node/joke-excuse/thought", "en", "It's my fault for posting it."})
          .ok());
  CHECK(t.doc->text().find(R"("kind": "thought")") != std::string::npos);
  CHECK(t.doc->diagnostics().errors == 0);
  // A new thought card, speaker optional.
  REQUIRE(t.doc->apply(edit::AddNode{"worry", NodeKind::Thought, std::nullopt}).ok());
  CHECK(test::refusal(t.doc->apply(edit::SetSpeaker{"worry", ""})) == EditError::NoChange);
  REQUIRE(t.doc->apply(edit::SetSpeaker{"worry", "me"}).ok());
}
