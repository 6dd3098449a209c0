// Seeded random edits: every command the editor can send, with valid and invalid values.
// After each one the text must load back as exactly the same text with no syntax or type
// problem; undoing everything gives back the original bytes, redoing everything the edited.
#include <doctest/doctest.h>

#include <random>

#include "author_test_support.hpp"
#include "upstander/author/document.hpp"
#include "upstander/author/text_slots.hpp"
#include "upstander/canonical_json.hpp"
#include "upstander/diagnostic_codes.hpp"

using namespace upstander;
using namespace upstander::author;

namespace {

class CommandMaker {
 public:
  CommandMaker(const Scenario& s, std::mt19937& rng) : s_(s), rng_(rng) {}

  EditCommand make() {
    switch (pick(47)) {
      case 0: return edit::SetText{text_key(), locale(), words()};
      case 1: return edit::SetText{text_key(), locale(), ""};
      case 2: return edit::ConfirmTranslation{text_key(), locale()};
      case 3: return edit::SetMinutes{static_cast<int>(pick(100))};
      case 4:
        return edit::SetAudience{10 + static_cast<int>(pick(10)), 12 + static_cast<int>(pick(8))};
      case 5:
        return edit::SetReview{pick(2) ? ReviewStatus::Draft : ReviewStatus::Reviewed,
                               pick(2) ? "School team" : "",
                               pick(2) ? "2026-03-14" : (pick(2) ? "" : "14/03/2026")};
      case 6: return edit::SetStart{node_id()};
      case 7: return edit::SetPlayer{character_id()};
      case 8: return edit::AddCharacter{fresh_id("c")};
      case 9: return edit::RemoveCharacter{character_id()};
      case 10: return edit::RenameCharacter{character_id(), fresh_id("who")};
      case 11:
        return edit::SetAvatar{character_id(), pick(2) ? "🐻" : "",
                               pick(2) ? "#12ab34" : (pick(2) ? "" : "red")};
      case 12: return edit::AddThread{fresh_id("t")};
      case 13: return edit::RemoveThread{thread_id()};
      case 14:
        return edit::SetThread{thread_id(), pick(2) ? ThreadKind::Group : ThreadKind::Direct,
                               static_cast<int>(pick(40))};
      case 15:
        return edit::AddVariable{fresh_id("v"),
                                 pick(2) ? VariableType::Flag : VariableType::Counter};
      case 16: return edit::RemoveVariable{variable_id()};
      case 17: return edit::RenameVariable{variable_id(), fresh_id("var")};
      case 18:
        return edit::AddNode{
            fresh_id("n"), kind(),
            pick(3) ? std::optional<std::size_t>{}
                    : std::optional<std::size_t>(pick(static_cast<unsigned>(s_.nodes.size() + 2)))};
      case 19: return edit::DeleteNode{node_id(), pick(2) ? node_id() : ""};
      case 20: return edit::MoveNode{node_id(), pick(static_cast<unsigned>(s_.nodes.size() + 1))};
      case 21: return edit::RenameNode{node_id(), fresh_id("node")};
      case 22: return edit::ChangeKind{node_id(), kind()};
      case 23: return edit::SetScene{node_id(), pick(2) ? "scene one" : ""};
      case 24: return edit::SetTime{node_id(), pick(2) ? "21:04" : (pick(2) ? "" : "9:4")};
      case 25: return edit::SetNote{node_id(), words()};
      case 26:
        return edit::SetSpeaker{node_id(), pick(4) ? character_id() : "",
                                static_cast<int>(pick(3)) - 1};
      case 27: return edit::SetNodeThread{node_id(), thread_id()};
      case 28:
        return edit::SetImage{
            node_id(), pick(2) ? std::optional<ImageIcon>(ImageIcon::Screenshot) : std::nullopt,
            static_cast<int>(pick(3)) - 1};
      case 29: return edit::AddMessage{node_id(), character_id(), {}};
      case 30: return edit::RemoveMessage{node_id(), pick(3)};
      case 31: return edit::MoveMessage{node_id(), pick(3), pick(3)};
      case 32: return edit::SetRippleCounter{node_id(), variable_id()};
      case 33:
        return edit::SetFactSource{node_id(), pick(2) ? "https://example.org/fact" : "not a url"};
      case 34: return edit::SetOutcome{node_id(), static_cast<Outcome>(pick(3))};
      case 35:
        return edit::SetHelpTopics{node_id(), {HelpTopic::Report, static_cast<HelpTopic>(pick(6))}};
      case 36: return edit::AddOption{node_id(), fresh_id("o")};
      case 37: return edit::SetReflectionScale{node_id(), pick(2) == 1};
      case 38: return edit::SetNext{node_id(), pick(5) ? node_id() : ""};
      case 39: return edit::AddChoice{node_id(), fresh_id("ch"), node_id(), {}};
      case 40: {
        const auto [n, c] = choice();
        return edit::RemoveChoice{n, c};
      }
      case 41: {
        const auto [n, c] = choice();
        return edit::SetChoiceTarget{n, c, node_id()};
      }
      case 42: {
        const auto [n, c] = choice();
        return edit::SetChoiceCondition{
            n, c, pick(3) ? std::optional<Condition>(condition(0)) : std::nullopt};
      }
      case 43: {
        const auto [n, c] = choice();
        return edit::SetChoiceEffects{n, c, effects()};
      }
      case 44: return edit::SetSkipTo{node_id(), pick(3) ? node_id() : ""};
      case 45: {
        static const std::vector<std::vector<std::string>> kSets = {
            {"ko", "en"}, {"en", "ko"}, {"ko"}, {"ko", "en", "ja"}};
        return edit::SetLocales{kSets[pick(4)]};
      }
      default: {
        std::vector<Route> route;
        if (pick(2)) route.push_back(Route{condition(0), IdRef{node_id(), {}, -1}, {}});
        route.push_back(Route{std::nullopt, IdRef{node_id(), {}, -1}, {}});
        return edit::SetRoute{node_id(), route};
      }
    }
  }

 private:
  unsigned pick(unsigned n) {
    return n == 0 ? 0 : std::uniform_int_distribution<unsigned>(0, n - 1)(rng_);
  }
  template <typename T>
  std::string any_id(const std::vector<T>& items) {
    if (items.empty() || pick(12) == 0) return pick(2) ? "missing" : "";
    return items[pick(static_cast<unsigned>(items.size()))].id;
  }
  std::string node_id() { return any_id(s_.nodes); }
  std::string character_id() { return any_id(s_.characters); }
  std::string thread_id() { return any_id(s_.threads); }
  std::string variable_id() { return any_id(s_.variables); }
  std::string fresh_id(const char* prefix) {
    if (pick(15) == 0) return "Not Valid";
    return std::string(prefix) + "-" + std::to_string(pick(40));
  }
  std::string locale() {
    return pick(10) == 0 ? "fr" : s_.locales[pick(static_cast<unsigned>(s_.locales.size()))];
  }
  NodeKind kind() { return static_cast<NodeKind>(pick(12)); }
  std::string words() {
    static const char* kWords[] = {"지우야 괜찮아?", "Forward it", "say \"no\"", "two\nlines", "🐱",
                                   "a, b",           "  spaced  "};
    return kWords[pick(std::size(kWords))];
  }
  std::string text_key() {
    std::vector<std::string> keys;
    for_each_slot(s_,
                  [&](const TextSlot& slot, const LocalizedText&) { keys.push_back(slot.key); });
    if (keys.empty() || pick(15) == 0) return "node/missing/text";
    return keys[pick(static_cast<unsigned>(keys.size()))];
  }
  std::pair<std::string, std::string> choice() {
    std::vector<std::pair<std::string, std::string>> all;
    for (const auto& n : s_.nodes) {
      for (const auto& c : n.choices) all.emplace_back(n.id, c.id);
    }
    if (all.empty() || pick(12) == 0) return {node_id(), "missing"};
    return all[pick(static_cast<unsigned>(all.size()))];
  }
  Condition condition(int depth) {
    Condition c;
    const unsigned form = depth > 1 ? pick(2) : pick(5);
    c.kind = static_cast<Condition::Kind>(form);
    if (form <= 1) {
      c.var.id = variable_id();
      c.op = static_cast<CompareOp>(pick(6));
      c.value = static_cast<std::int64_t>(pick(5));
    } else {
      const unsigned children = form == 2 ? 1 : 1 + pick(2);
      for (unsigned i = 0; i < children; ++i) c.children.push_back(condition(depth + 1));
    }
    return c;
  }
  std::vector<Effect> effects() {
    std::vector<Effect> out;
    for (unsigned i = pick(3); i > 0; --i) {
      Effect e;
      e.kind = pick(2) ? Effect::Kind::Set : Effect::Kind::Add;
      e.var.id = variable_id();
      e.written_as_bool = e.kind == Effect::Kind::Set && pick(2);
      e.value = e.written_as_bool ? pick(2) : static_cast<std::int64_t>(pick(20)) - 5;
      out.push_back(e);
    }
    return out;
  }

  const Scenario& s_;
  std::mt19937& rng_;
};

// Problems that would mean an edit produced something other than a well-formed scenario.
bool is_shape_breakage(const std::string& code) {
  return code == codes::kJsonSyntax || code == codes::kUnknownKey || code == codes::kDuplicateKey ||
         code == codes::kWrongType || code == codes::kConflictingFields ||
         code == codes::kTooDeep || code == codes::kInvalidUtf8 ||
         code == codes::kUnknownFileType || code == codes::kFormatVersion ||
         code == codes::kUndeclaredLocale || code == codes::kDuplicateId;
}

void run(const std::string& scenario, unsigned seed, int steps) {
  test::ScratchDir dir("random-edit");
  const std::string path = dir.file("pack.json");
  test::write_text(path, test::read_text(test::source_path("content/scenarios/" + scenario)));
  AutosaveSettings a;
  a.data_dir = dir.file("data");
  OpenResult r = Document::open(path, a);
  REQUIRE(r.ok());
  Document& doc = *r->document;
  const std::string original = doc.text();
  std::mt19937 rng(seed);
  int applied = 0;
  for (int i = 0; i < steps; ++i) {
    CommandMaker maker(doc.scenario(), rng);
    const EditCommand command = maker.make();
    const EditResult result = doc.apply(command);
    CAPTURE(seed);
    CAPTURE(i);
    CAPTURE(command.index());
    if (!result.ok()) continue;
    ++applied;
    Diagnostics d;
    LoadOptions options;
    options.check_flow = false;
    const ContentFile f = load_content_text("pack.json", doc.text(), d, options);
    for (const auto& x : d.all()) CHECK_MESSAGE(!is_shape_breakage(x.code), format_text(x));
    REQUIRE(f.scenario());
    CHECK(canonical_text(f) == doc.text());
  }
  CHECK(applied > steps / 4);
  const std::string edited = doc.text();
  int undone = 0;
  while (doc.undo()) ++undone;
  CHECK(undone == applied);
  CHECK(doc.text() == original);
  CHECK_FALSE(doc.dirty());
  while (doc.redo()) {
  }
  CHECK(doc.text() == edited);
  doc.discard_changes();
}

}  // namespace

// Under AddressSanitizer every step costs several times more; the sanitizer run checks
// memory safety on fewer steps, the normal run covers them all (about 3 s).
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

TEST_CASE("random edits never break the file, and undoing them all restores the original bytes") {
  for (unsigned seed : {1u, 2u, 3u}) {
    if (!kSanitized || seed == 1) run("feature-tour.json", seed, kSanitized ? 150 : 250);
  }
  for (unsigned seed : {11u, 12u}) {
    if (!kSanitized || seed == 11) run("group-chat.json", seed, kSanitized ? 60 : 200);
  }
}
