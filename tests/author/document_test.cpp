// The editor model: edits, undo and redo, dirty tracking, kind changes, deleting a node
// that choices point to, live diagnostics tied to nodes, recovery after a crash, backups.
#include <doctest/doctest.h>

#include <filesystem>

#include "author_test_support.hpp"
#include "upstander/author/document.hpp"
#include "upstander/author/pack_template.hpp"
#include "upstander/diagnostic_codes.hpp"

using namespace upstander;
using namespace upstander::author;
namespace fs = std::filesystem;

namespace {

AutosaveSettings settings(const test::ScratchDir& dir,
                          std::chrono::milliseconds interval = std::chrono::milliseconds(0)) {
  AutosaveSettings a;
  a.data_dir = dir.file("data");
  a.interval = interval;
  a.keep_backups = 3;
  return a;
}

std::unique_ptr<Document> open_copy(const test::ScratchDir& dir, const std::string& scenario,
                                    const std::string& name, const AutosaveSettings& a) {
  const std::string copy = dir.file(name);
  test::write_text(copy, test::read_text(test::source_path("content/scenarios/" + scenario)));
  OpenResult r = Document::open(copy, a);
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  return std::move(r->document);
}

const Node& node(const Document& d, const std::string& id) {
  for (const auto& n : d.scenario().nodes) {
    if (n.id == id) return n;
  }
  FAIL("no node " << id);
  throw 0;
}

bool has_diagnostic(Document& d, std::string_view code, const std::string& element) {
  for (const auto& x : d.diagnostics().items) {
    if (x.diagnostic.code == code && x.element_id == element) return true;
  }
  return false;
}

}  // namespace

TEST_CASE(
    "an edit changes the text, marks the pack dirty, and undo and redo walk it back and forth") {
  test::ScratchDir dir("doc-edit");
  auto doc = open_copy(dir, "feature-tour.json", "tour.json", settings(dir));
  const std::string original = doc->text();
  const std::string start = doc->scenario().start.id;
  REQUIRE(doc->apply(edit::SetText{"node/" + start + "/text", "en", "A new first line."}).ok());
  CHECK(doc->dirty());
  CHECK(doc->text().find("A new first line.") != std::string::npos);
  const std::string edited = doc->text();
  REQUIRE(doc->undo());
  CHECK(doc->text() == original);
  CHECK_FALSE(doc->dirty());
  REQUIRE(doc->redo());
  CHECK(doc->text() == edited);
  CHECK_FALSE(doc->redo());
  // A new edit after an undo drops the redo branch.
  REQUIRE(doc->undo());
  REQUIRE(doc->apply(edit::SetMinutes{7}).ok());
  CHECK_FALSE(doc->can_redo());
}

TEST_CASE("edits that would break ids are refused and change nothing") {
  test::ScratchDir dir("doc-refuse");
  auto doc = open_copy(dir, "feature-tour.json", "tour.json", settings(dir));
  const std::string before = doc->text();
  const std::string start = doc->scenario().start.id;
  const std::string other = doc->scenario().nodes[1].id;
  CHECK(test::refusal(doc->apply(edit::AddNode{"Bad Id!", NodeKind::Narration, {}})) ==
        EditError::BadId);
  CHECK(test::refusal(doc->apply(edit::AddNode{other, NodeKind::Narration, {}})) ==
        EditError::DuplicateId);
  CHECK(test::refusal(doc->apply(edit::SetNext{start, "no-such-node"})) == EditError::UnknownNode);
  CHECK(test::refusal(doc->apply(edit::SetText{"node/nowhere/text", "en", "x"})) ==
        EditError::UnknownText);
  CHECK(test::refusal(doc->apply(edit::SetText{"title", "fr", "x"})) == EditError::UnknownLocale);
  CHECK(test::refusal(doc->apply(edit::SetTime{start, "25:00"})) == EditError::BadValue);
  CHECK(test::refusal(doc->apply(edit::SetMinutes{0})) == EditError::BadValue);
  CHECK(test::refusal(doc->apply(edit::RemoveCharacter{doc->scenario().player.id})) ==
        EditError::InUse);
  Condition wrong;
  wrong.kind = Condition::Kind::Flag;
  wrong.var.id = "undeclared";
  const Node* decision = nullptr;
  for (const auto& n : doc->scenario().nodes) {
    if (n.is_decision() && !decision) decision = &n;
  }
  REQUIRE(decision);
  CHECK(test::refusal(doc->apply(edit::SetChoiceCondition{decision->id, decision->choices[0].id,
                                                          wrong})) == EditError::UnknownVariable);
  CHECK(test::refusal(doc->apply(edit::SetMinutes{doc->scenario().minutes})) ==
        EditError::NoChange);
  CHECK(doc->text() == before);
  CHECK_FALSE(doc->dirty());
  CHECK_FALSE(doc->can_undo());
}

TEST_CASE("changing a node's kind keeps what fits, and undo brings the rest back") {
  test::ScratchDir dir("doc-kind");
  auto doc = open_copy(dir, "feature-tour.json", "tour.json", settings(dir));
  const std::string before = doc->text();
  // A DM becomes a chat message in a thread: its sender and text carry over.
  const Node* dm = nullptr;
  for (const auto& n : doc->scenario().nodes) {
    if (n.kind == NodeKind::DirectMessage && !dm) dm = &n;
  }
  REQUIRE(dm);
  const std::string id = dm->id;
  const DirectMessageBody old = dm->as<DirectMessageBody>();
  REQUIRE(doc->apply(edit::ChangeKind{id, NodeKind::Chat}).ok());
  const ChatBody& chat = node(*doc, id).as<ChatBody>();
  REQUIRE(chat.messages.size() == 1);
  CHECK(chat.messages[0].from.id == old.from.id);
  CHECK(chat.messages[0].text == old.text);
  // The chat has no thread yet: the live diagnostics say so, on this node.
  CHECK(has_diagnostic(*doc, codes::kBadId, id));
  // Turning a decision point into an ending drops its exits (an ending has none).
  const Node* decision = nullptr;
  for (const auto& n : doc->scenario().nodes) {
    if (n.is_decision() && !decision) decision = &n;
  }
  REQUIRE(decision);
  const std::string did = decision->id;
  REQUIRE(doc->apply(edit::ChangeKind{did, NodeKind::Ending}).ok());
  CHECK(node(*doc, did).choices.empty());
  CHECK_FALSE(node(*doc, did).skip_to.has_value());
  CHECK(has_diagnostic(*doc, codes::kDebriefIncomplete, did));
  REQUIRE(doc->undo());
  REQUIRE(doc->undo());
  CHECK(doc->text() == before);
}

TEST_CASE(
    "deleting a node that choices point to leaves the links for the author, or redirects them") {
  test::ScratchDir dir("doc-delete");
  auto doc = open_copy(dir, "feature-tour.json", "tour.json", settings(dir));
  // Find a choice and the node it points to.
  std::string from, choice, target;
  for (const auto& n : doc->scenario().nodes) {
    for (const auto& c : n.choices) {
      if (target.empty() && c.to.id != doc->scenario().start.id) {
        from = n.id;
        choice = c.id;
        target = c.to.id;
      }
    }
  }
  REQUIRE_FALSE(target.empty());
  REQUIRE(doc->apply(edit::DeleteNode{target, ""}).ok());
  for (const auto& n : doc->scenario().nodes) CHECK(n.id != target);
  // The choice still names the deleted node; the checker reports it on the choice's node.
  bool dangling = false;
  for (const auto& c : node(*doc, from).choices)
    dangling = dangling || (c.id == choice && c.to.id == target);
  CHECK(dangling);
  CHECK(has_diagnostic(*doc, codes::kUnknownNode, from));
  CHECK(doc->diagnostics().by_node.at(from).errors >= 1);
  REQUIRE(doc->undo());
  CHECK_FALSE(has_diagnostic(*doc, codes::kUnknownNode, from));

  // With a redirect every link goes to the other node instead.
  const std::string elsewhere = doc->scenario().start.id;
  REQUIRE(doc->apply(edit::DeleteNode{target, elsewhere}).ok());
  for (const auto& c : node(*doc, from).choices) {
    if (c.id == choice) CHECK(c.to.id == elsewhere);
  }
  CHECK_FALSE(has_diagnostic(*doc, codes::kUnknownNode, from));
}

TEST_CASE("renaming a node updates every link to it and the translation records") {
  test::ScratchDir dir("doc-rename");
  auto doc = open_copy(dir, "feature-tour.json", "tour.json", settings(dir));
  const std::string start = doc->scenario().start.id;
  REQUIRE(doc->apply(edit::ConfirmTranslation{"node/" + start + "/text", "en"}).ok());
  REQUIRE(doc->apply(edit::RenameNode{start, "opening"}).ok());
  CHECK(doc->scenario().start.id == "opening");
  CHECK(doc->text().find("\"node/opening/text\"") != std::string::npos);
  CHECK(doc->diagnostics().errors == 0);
}

TEST_CASE("choices: add, target, reorder, conditions from the structured form, remove") {
  test::ScratchDir dir("doc-choices");
  auto doc = open_copy(dir, "feature-tour.json", "tour.json", settings(dir));
  const std::string start = doc->scenario().start.id;
  REQUIRE(doc->apply(edit::AddVariable{"asked", VariableType::Flag}).ok());
  REQUIRE(doc->apply(edit::AddNode{"side", NodeKind::Narration, {}}).ok());
  REQUIRE(doc->apply(edit::SetText{"node/side/text", "ko", "옆길이야."}).ok());
  REQUIRE(doc->apply(edit::SetText{"node/side/text", "en", "A side path."}).ok());
  const std::string after =
      node(*doc, start).next ? node(*doc, start).next->id : node(*doc, start).choices[0].to.id;
  REQUIRE(doc->apply(edit::SetNext{"side", after}).ok());
  REQUIRE(doc->apply(edit::AddChoice{start, "main", after, {}}).ok());
  REQUIRE(doc->apply(edit::AddChoice{start, "side", "side", {}}).ok());
  CHECK_FALSE(node(*doc, start).next.has_value());  // the first choice replaced "next"
  REQUIRE(doc->apply(edit::MoveChoice{start, "side", 0}).ok());
  CHECK(node(*doc, start).choices[0].id == "side");
  Effect set;
  set.kind = Effect::Kind::Set;
  set.var.id = "asked";
  set.value = 1;
  set.written_as_bool = true;
  REQUIRE(doc->apply(edit::SetChoiceEffects{start, "side", {set}}).ok());
  Condition cond;
  cond.kind = Condition::Kind::Not;
  Condition flag;
  flag.kind = Condition::Kind::Flag;
  flag.var.id = "asked";
  cond.children.push_back(flag);
  REQUIRE(doc->apply(edit::SetChoiceCondition{start, "side", cond}).ok());
  CHECK(doc->text().find("\"if\": {\"not\": {\"flag\": \"asked\"}}") != std::string::npos);
  CHECK(doc->text().find("\"effects\": [{\"set\": \"asked\", \"to\": true}]") != std::string::npos);
  // Choice texts are still to be written: the diagnostics point at this node.
  CHECK(has_diagnostic(*doc, codes::kMissingField, start));
  REQUIRE(doc->apply(edit::SetSkipTo{start, after}).ok());
  REQUIRE(doc->apply(edit::RemoveChoice{start, "main"}).ok());
  REQUIRE(doc->apply(edit::RemoveChoice{start, "side"}).ok());
  CHECK_FALSE(node(*doc, start).skip_to.has_value());  // skip_to belongs to decisions
}

TEST_CASE(
    "recovery: unsaved work written before a crash is offered when the pack is opened again") {
  test::ScratchDir dir("doc-recovery");
  const AutosaveSettings a = settings(dir);
  const std::string path = dir.file("tour.json");
  std::string unsaved;
  {
    auto doc = open_copy(dir, "feature-tour.json", "tour.json", a);
    REQUIRE(doc->apply(edit::SetText{"title", "en", "Changed, never saved"}).ok());
    REQUIRE(doc->apply(edit::SetMinutes{12}).ok());
    unsaved = doc->text();
    CHECK(fs::exists(doc->autosaver().recovery_file()));
    // The process dies here: no save, no discard. The destructor must keep the recovery.
  }
  CHECK(test::read_text(path).find("Changed, never saved") == std::string::npos);
  OpenResult r = Document::open(path, a);
  REQUIRE(r.ok());
  REQUIRE(r->recovery.has_value());
  CHECK(r->recovery->newer_than_pack);
  CHECK(r->recovery->text == unsaved);
  const std::string on_disk = r->document->text();
  REQUIRE(r->document->restore(*r->recovery));
  CHECK(r->document->text() == unsaved);
  CHECK(r->document->dirty());
  // Undo goes back to the file's version, redo to the recovered one; saving removes the recovery.
  REQUIRE(r->document->undo());
  CHECK(r->document->text() == on_disk);
  REQUIRE(r->document->redo());
  CHECK(r->document->text() == unsaved);
  REQUIRE(r->document->save());
  CHECK(test::read_text(path) == unsaved);
  CHECK_FALSE(fs::exists(r->document->autosaver().recovery_file()));
  OpenResult again = Document::open(path, a);
  CHECK_FALSE(again->recovery.has_value());
}

TEST_CASE(
    "recovery: discarding the changes removes the recovery; an older recovery is not offered") {
  test::ScratchDir dir("doc-discard");
  const AutosaveSettings a = settings(dir);
  {
    auto doc = open_copy(dir, "feature-tour.json", "tour.json", a);
    REQUIRE(doc->apply(edit::SetMinutes{12}).ok());
    doc->discard_changes();
  }
  const OpenResult after_discard = Document::open(dir.file("tour.json"), a);
  REQUIRE(after_discard.ok());
  CHECK_FALSE(after_discard->recovery.has_value());
  // A recovery older than the file (the file was saved by another tool afterwards).
  {
    AutosaveSettings past = a;
    past.clock = [] {
      return std::chrono::system_clock::time_point(std::chrono::seconds(1'000'000'000));
    };
    auto doc = open_copy(dir, "feature-tour.json", "tour.json", past);
    REQUIRE(doc->apply(edit::SetMinutes{13}).ok());
  }
  const auto found = Autosaver::find(dir.file("tour.json"), a);
  REQUIRE(found.has_value());
  CHECK_FALSE(found->newer_than_pack);
  const OpenResult after_older = Document::open(dir.file("tour.json"), a);
  REQUIRE(after_older.ok());
  CHECK_FALSE(after_older->recovery.has_value());
}

TEST_CASE("autosave writes at most once per interval and catches up on tick") {
  test::ScratchDir dir("doc-interval");
  auto now = std::chrono::system_clock::now();
  AutosaveSettings a = settings(dir, std::chrono::milliseconds(2000));
  a.clock = [&] { return now; };
  auto doc = open_copy(dir, "feature-tour.json", "tour.json", a);
  REQUIRE(doc->apply(edit::SetMinutes{11}).ok());  // first change: written at once
  const std::string file = doc->autosaver().recovery_file();
  const std::string first = test::read_text(file);
  REQUIRE(doc->apply(edit::SetMinutes{12}).ok());
  CHECK(test::read_text(file) == first);  // too soon
  CHECK(doc->autosaver().pending());
  now += std::chrono::milliseconds(2500);
  REQUIRE(doc->tick());
  CHECK(test::read_text(file) != first);
  CHECK(test::read_text(file).find("\\\"minutes\\\": 12") != std::string::npos);
  CHECK_FALSE(doc->autosaver().pending());
}

TEST_CASE("each save keeps the previous version, and only the last N backups") {
  test::ScratchDir dir("doc-backups");
  auto doc = open_copy(dir, "feature-tour.json", "tour.json", settings(dir));
  for (int m = 11; m <= 16; ++m) {
    REQUIRE(doc->apply(edit::SetMinutes{m}).ok());
    REQUIRE(doc->save());
  }
  std::vector<std::string> backups;
  for (const auto& e : fs::directory_iterator(doc->autosaver().backup_folder()))
    backups.push_back(test::read_text(e.path()));
  CHECK(backups.size() == 3);
  // The newest backup is the version before the last save.
  std::sort(backups.begin(), backups.end());
  bool has_15 = false;
  for (const auto& b : backups) has_15 = has_15 || b.find("\"minutes\": 15") != std::string::npos;
  CHECK(has_15);
}

TEST_CASE("a new pack from the blank template lists what to write; none of it is filled in") {
  test::ScratchDir dir("doc-new");
  auto doc = Document::create(dir.file("new.json"), blank_scenario("our-pack", {"ko", "en"}),
                              settings(dir));
  CHECK(doc->dirty());
  const LiveDiagnostics& live = doc->diagnostics();
  CHECK(live.errors > 0);
  CHECK(has_diagnostic(*doc, codes::kMissingField, "start"));
  CHECK(has_diagnostic(*doc, codes::kDebriefIncomplete, "end"));
  REQUIRE(doc->save());
  OpenResult r = Document::open(dir.file("new.json"), settings(dir));
  REQUIRE(r.ok());
  CHECK(r->lossy.empty());
  CHECK(r->document->text() == doc->text());
}

TEST_CASE("recovery: a new pack that was never saved comes back from its recovery file") {
  test::ScratchDir dir("doc-new-crash");
  AutosaveSettings a = settings(dir, std::chrono::milliseconds(60'000));
  std::string unsaved;
  {
    auto doc =
        Document::create(dir.file("never-saved.json"), blank_scenario("fresh", {"ko", "en"}), a);
    REQUIRE(doc->apply(edit::SetText{"title", "ko", "새 이야기"}).ok());
    REQUIRE(doc->apply(edit::SetText{"title", "en", "A new story"}).ok());
    CHECK(doc->autosaver().pending());  // within the interval: written when the document goes
    unsaved = doc->text();
  }
  CHECK_FALSE(fs::exists(dir.file("never-saved.json")));
  OpenResult r = Document::open(dir.file("never-saved.json"), a);
  REQUIRE(r.ok());
  CHECK(r->recovery.has_value());
  CHECK(r->document->text() == unsaved);
  CHECK(r->document->dirty());
  REQUIRE(r->document->save());
  CHECK(test::read_text(dir.file("never-saved.json")) == unsaved);
  CHECK_FALSE(Document::open(dir.file("missing.json"), a).ok());
}

TEST_CASE("a copy of a shipped scenario is a draft under its new id and checks clean") {
  test::ScratchDir dir("doc-template");
  const Scenario group =
      test::load_scenario(test::source_path("content/scenarios/group-chat.json"));
  auto doc = Document::create(dir.file("ours.json"),
                              scenario_from_template(group, "our-group-chat"), settings(dir));
  CHECK(doc->scenario().review.status == ReviewStatus::Draft);
  CHECK(doc->scenario().id == "our-group-chat");
  CHECK(doc->diagnostics().errors == 0);
}

TEST_CASE("stats: words per language, coverage, and the engine's minutes once it checks clean") {
  test::ScratchDir dir("doc-stats");
  auto doc = open_copy(dir, "group-chat.json", "gc.json", settings(dir));
  AuthorStats st = doc->stats();
  REQUIRE(st.locales.size() == 2);
  for (const auto& l : st.locales) {
    CHECK(l.words > 100);
    CHECK(l.coverage.missing == 0);
    CHECK(l.coverage.translated == l.coverage.total);
  }
  REQUIRE(st.engine.has_value());
  CHECK(st.engine->minutes_longest.at("en") > 1.0);
  // Removing an English text: coverage drops, and the engine's numbers wait for a clean check.
  REQUIRE(doc->apply(edit::SetText{"summary", "en", ""}).ok());
  st = doc->stats();
  CHECK(st.locales[1].coverage.missing == 1);
  CHECK_FALSE(st.engine.has_value());
}
