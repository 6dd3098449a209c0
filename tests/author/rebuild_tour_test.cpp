// Issue 18's "done when": the feature tour, rebuilt from an empty pack only through the
// editor's commands (the same ones author mode sends: no JSON is written or read on the
// way), is the shipped file. Conditions go through the condition builder, routes through the
// route editor and effects through the effect builder, as the author's pickers do. The
// commands are derived from the shipped scenario's model, one author action each, in the
// order an author works: header, declarations, nodes, their fields, their links, the texts.
#include <doctest/doctest.h>

#include "author_test_support.hpp"
#include "upstander/author/condition_builder.hpp"
#include "upstander/author/document.hpp"
#include "upstander/author/effect_builder.hpp"
#include "upstander/author/pack_template.hpp"
#include "upstander/author/route_editor.hpp"
#include "upstander/author/text_slots.hpp"
#include "upstander/canonical_json.hpp"

using namespace upstander;
using namespace upstander::author;

namespace {

struct Rebuild {
  Document& doc;
  std::size_t steps = 0;

  const Scenario& now() const { return doc.scenario(); }

  void run(const EditCommand& c) {
    const EditResult r = doc.apply(c);
    INFO("command #" << steps << " (variant " << c.index()
                     << "): " << (r.ok() ? "applied" : name_of(r.error().code)) << " "
                     << (r.ok() ? "" : r.error().detail));
    // A value the empty pack already has (an audience of 12-18) is no step.
    REQUIRE((r.ok() || test::refusal(r) == EditError::NoChange));
    if (r.ok()) ++steps;
  }

  // Through the builder: what the author's picker would produce for this condition.
  Condition built(const Condition& c) {
    const auto b = from_condition(c, now());
    REQUIRE(b.has_value());
    return to_condition(*b);
  }

  std::vector<Effect> built(const std::vector<Effect>& effects) {
    std::vector<Effect> out;
    for (const auto& e : effects) {
      const auto made = make_effect(now(), e.var.id, action_of(e), e.value);
      REQUIRE(made.has_value());
      out.push_back(*made);
    }
    return out;
  }

  void header(const Scenario& t) {
    run(edit::SetAudience{t.min_age, t.max_age});
    run(edit::SetMinutes{t.minutes});
    if (t.order != now().order) run(edit::SetOrder{t.order});
    run(edit::SetLearningGoals{t.goals});
    if (t.review.status != ReviewStatus::Draft)
      run(edit::SetReview{t.review.status, t.review.by, t.review.date});
  }

  void declarations(const Scenario& t) {
    for (const auto& v : t.variables) {
      run(edit::AddVariable{v.id, v.type});
      if (v.initial != 0 || v.min || v.max || !v.description.empty())
        run(edit::SetVariable{v.id, v.type, v.initial, v.min, v.max, v.description});
    }
    // The empty pack's one character becomes the first; the rest are added after it.
    if (now().characters.front().id != t.characters.front().id)
      run(edit::RenameCharacter{now().characters.front().id, t.characters.front().id});
    for (std::size_t i = 1; i < t.characters.size(); ++i)
      run(edit::AddCharacter{t.characters[i].id});
    for (const auto& c : t.characters) {
      run(edit::SetAvatar{c.id, c.avatar.emoji, c.avatar.color});
      if (c.unknown) run(edit::SetCharacterUnknown{c.id, true});
    }
    run(edit::SetPlayer{t.player.id});
    std::vector<std::string> targeted;
    for (const auto& r : t.targeted) targeted.push_back(r.id);
    if (!targeted.empty()) run(edit::SetTargeted{targeted});
    for (const auto& th : t.threads) {
      run(edit::AddThread{th.id});
      if (th.kind != ThreadKind::Group || th.members != 0)
        run(edit::SetThread{th.id, th.kind, th.members});
    }
  }

  // The empty pack's two nodes become the first two; the rest are added in order.
  void nodes(const Scenario& t) {
    REQUIRE(t.nodes.size() >= 2);
    for (std::size_t i = 0; i < 2; ++i) {
      if (now().nodes[i].id != t.nodes[i].id)
        run(edit::RenameNode{now().nodes[i].id, t.nodes[i].id});
      if (now().nodes[i].kind != t.nodes[i].kind)
        run(edit::ChangeKind{t.nodes[i].id, t.nodes[i].kind});
    }
    for (std::size_t i = 2; i < t.nodes.size(); ++i)
      run(edit::AddNode{t.nodes[i].id, t.nodes[i].kind, std::nullopt});
    run(edit::SetStart{t.start.id});
  }

  void image(const std::string& node, const std::optional<ImageCard>& img, int message = -1) {
    if (img) run(edit::SetImage{node, img->icon, message});
  }

  void body(const Node& n) {
    const std::string& id = n.id;
    std::visit(
        [&](const auto& b) {
          using B = std::decay_t<decltype(b)>;
          if constexpr (std::is_same_v<B, ChatBody>) {
            run(edit::SetNodeThread{id, b.thread.id});
            for (std::size_t i = 0; i < b.messages.size(); ++i) {
              const ChatMessage& m = b.messages[i];
              // A new chat starts with one empty message: the author fills that in first.
              if (i < std::get<ChatBody>(current(id).body).messages.size())
                run(edit::SetSpeaker{id, m.from.id, static_cast<int>(i)});
              else
                run(edit::AddMessage{id, m.from.id, std::nullopt});
              if (!m.time.empty()) run(edit::SetMessageTime{id, i, m.time});
              image(id, m.image, static_cast<int>(i));
            }
          } else if constexpr (std::is_same_v<B, FeedPostBody>) {
            run(edit::SetSpeaker{id, b.author.id});
            image(id, b.image);
            if (b.likes || b.comments) run(edit::SetFeedCounts{id, b.likes, b.comments});
          } else if constexpr (std::is_same_v<B, DirectMessageBody>) {
            run(edit::SetSpeaker{id, b.from.id});
            image(id, b.image);
          } else if constexpr (std::is_same_v<B, ImageCardBody>) {
            run(edit::SetImage{id, b.image.icon});
            if (!b.thread.id.empty()) run(edit::SetNodeThread{id, b.thread.id});
            if (!b.from.id.empty()) run(edit::SetSpeaker{id, b.from.id});
          } else if constexpr (std::is_same_v<B, PerspectiveBody>) {
            run(edit::SetSpeaker{id, b.character.id});
          } else if constexpr (std::is_same_v<B, ExcuseBody> || std::is_same_v<B, ThoughtBody>) {
            if (!b.speaker.id.empty()) run(edit::SetSpeaker{id, b.speaker.id});
            if (!b.source.empty()) run(edit::SetFactSource{id, b.source});
          } else if constexpr (std::is_same_v<B, RippleBody>) {
            run(edit::SetRippleCounter{id, b.counter.id});
          } else if constexpr (std::is_same_v<B, ReflectionBody>) {
            // A new reflection starts as a 1-5 scale.
            run(edit::SetReflectionScale{id, b.scale.has_value()});
            for (const auto& o : b.options) run(edit::AddOption{id, o.id});
          } else if constexpr (std::is_same_v<B, FactBody>) {
            run(edit::SetFactSource{id, b.source});
          } else if constexpr (std::is_same_v<B, EndingBody>) {
            run(edit::SetOutcome{id, b.outcome});
            run(edit::SetHelpTopics{id, b.help});
            using L = edit::DebriefLayerId;
            for (const auto& [layer, part] :
                 {std::pair{L::Targeted, &b.targeted}, std::pair{L::Around, &b.around},
                  std::pair{L::Rules, &b.rules}}) {
              if (!part->sources.empty()) run(edit::SetDebriefSources{id, layer, part->sources});
            }
          }
        },
        n.body);
  }

  void fields(const Node& n) {
    if (!n.scene.empty()) run(edit::SetScene{n.id, n.scene});
    if (!n.time.empty()) run(edit::SetTime{n.id, n.time});
    if (!n.note.empty()) run(edit::SetNote{n.id, n.note});
    if (!n.effects.empty()) run(edit::SetNodeEffects{n.id, built(n.effects)});
    body(n);
  }

  const Node& current(const std::string& id) {
    const Node* n = now().find_node(id);
    REQUIRE(n != nullptr);
    return *n;
  }

  void links(const Node& n) {
    if (n.next) run(edit::SetNext{n.id, n.next->id});
    for (const auto& c : n.choices) {
      run(edit::AddChoice{n.id, c.id, c.to.id, std::nullopt});
      if (c.condition) run(edit::SetChoiceCondition{n.id, c.id, built(*c.condition)});
      if (!c.effects.empty()) run(edit::SetChoiceEffects{n.id, c.id, built(c.effects)});
    }
    if (!n.route.empty()) {
      // As in author mode: "next" to the default, then a step at a time above it.
      run(edit::SetNext{n.id, n.route.back().to.id});
      for (std::size_t i = 0; i + 1 < n.route.size(); ++i) {
        auto add = add_route_step(now(), current(n.id));
        REQUIRE(add.has_value());
        run(*add);
        auto target = set_route_target(current(n.id), i, n.route[i].to.id);
        REQUIRE(target.has_value());
        run(*target);
        auto cond = set_route_condition(current(n.id), i, built(*n.route[i].condition));
        REQUIRE(cond.has_value());
        run(*cond);
      }
    }
    if (n.skip_to) run(edit::SetSkipTo{n.id, n.skip_to->id});
  }

  void texts(const Scenario& t) {
    for_each_slot(t, [&](const TextSlot& slot, const LocalizedText& text) {
      for (const auto& locale : t.locales) {
        if (const std::string* v = text.find(locale); v && !v->empty()) {
          // Typed into the field a few characters at a time: one undo step per field.
          const std::string& whole = *v;
          const std::size_t half = whole.size() / 2;
          std::size_t cut = half;
          while (cut > 0 && (static_cast<unsigned char>(whole[cut]) & 0xC0) == 0x80)
            --cut;  // a UTF-8 boundary
          if (cut > 0)
            REQUIRE(doc.apply(edit::SetText{slot.key, locale, whole.substr(0, cut)}, true).ok());
          REQUIRE(doc.apply(edit::SetText{slot.key, locale, whole}, true).ok());
          doc.end_typing();
          ++steps;
        }
      }
    });
  }

  void all(const Scenario& t) {
    header(t);
    declarations(t);
    nodes(t);
    for (const auto& n : t.nodes) fields(n);
    for (const auto& n : t.nodes) links(n);
    texts(t);
  }
};

}  // namespace

TEST_CASE(
    "the feature tour rebuilt from an empty pack through the editor's commands is the shipped "
    "file") {
  test::ScratchDir dir("rebuild-tour");
  const std::string shipped_path = test::source_path("content/scenarios/feature-tour.json");
  const Scenario shipped = test::load_scenario(shipped_path);
  const std::string want = write_canonical(to_json(shipped));
  AutosaveSettings a;
  a.data_dir = dir.file("data");
  // The recovery is written when the document goes (as after a crash, see document.hpp),
  // not after each of the hundreds of steps.
  a.interval = std::chrono::hours(1);
  const std::string path = dir.file("feature-tour.json");
  std::string built_text;
  {
    auto doc = Document::create(path, blank_scenario(shipped.id, shipped.locales), a);
    const std::string empty = doc->text();
    Rebuild r{*doc};
    r.all(shipped);
    MESSAGE("author actions: " << r.steps << ", undo steps: " << doc->undo_depth());
    built_text = doc->text();
    CHECK(built_text == want);
    // The shipped file is in the canonical layout, so this is the file byte for byte.
    CHECK(built_text == test::read_text(shipped_path));
    CHECK(doc->diagnostics().errors == 0);

    // Every step undoes back to the empty pack and redoes to the tour: each typed text was
    // one step, however many keystrokes it took.
    CHECK(doc->undo_depth() == r.steps);
    while (doc->undo()) {
    }
    CHECK(doc->text() == empty);
    while (doc->redo()) {
    }
    CHECK(doc->text() == want);
    // The process ends here without saving.
  }
  // The recovery holds the whole rebuild.
  OpenResult again = Document::open(path, a);
  REQUIRE(again.ok());
  REQUIRE(again->recovery.has_value());
  CHECK(again->recovery->text == built_text);
  CHECK(again->document->text() == built_text);
}

TEST_CASE("every shipped scenario can be rebuilt through the editor's commands") {
  for (const auto& path : test::shipped_scenario_paths()) {
    CAPTURE(path);
    const Scenario shipped = test::load_scenario(path);
    test::ScratchDir dir("rebuild-all");
    AutosaveSettings a;
    a.data_dir = dir.file("data");
    a.interval = std::chrono::hours(1);
    auto doc =
        Document::create(dir.file("pack.json"), blank_scenario(shipped.id, shipped.locales), a);
    Rebuild r{*doc};
    r.all(shipped);
    CHECK(doc->text() == write_canonical(to_json(shipped)));
    doc->discard_changes();
  }
}
