// The author side follows the node kinds' table: a kind change carries the main text and
// the speaker between whichever fields the table marks, and the Twee export shows every
// student-readable text of every kind and imports each back unchanged.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <map>

#include "author_test_support.hpp"
#include "kind_table_checks.hpp"
#include "upstander/author/document.hpp"
#include "upstander/author/twee_export.hpp"
#include "upstander/author/twine_story.hpp"
#include "upstander/author/twine_import.hpp"
#include "upstander/node_fields.hpp"
#include "upstander/scenario_text.hpp"

using namespace upstander;
using namespace upstander::author;
namespace kc = upstander::kind_check;

namespace {

// The main text and speaker of a node, read through the table's Carries.
struct Carried {
  std::string text;
  std::string speaker;
};

Carried carried(const Node& n) {
  Carried c;
  const KindSpec& k = kind_spec(n.kind);
  std::size_t at = 0;
  bind_node_fields(n.body, [&](std::string_view, const auto& member) {
    using M = std::remove_cvref_t<decltype(member)>;
    const Carries role = k.fields[at++].carries;
    if constexpr (std::is_same_v<M, LocalizedText>) {
      if (role == Carries::MainText) c.text = member.get("en");
    } else if constexpr (std::is_same_v<M, IdRef>) {
      if (role == Carries::Speaker) c.speaker = member.id;
    } else if constexpr (std::is_same_v<M, std::vector<ChatMessage>>) {
      if (!member.empty()) c = {member.front().text.get("en"), member.front().from.id};
    }
  });
  return c;
}

bool has_speaker(const KindSpec& k) {
  return std::any_of(k.fields.begin(), k.fields.end(), [](const FieldSpec& f) {
    return f.carries == Carries::Speaker || f.type == FieldType::Messages;
  });
}

std::unique_ptr<Document> open_sample(const test::ScratchDir& dir, const KindSpec& k,
                                      AutosaveSettings& autosave) {
  const std::string path = dir.file(std::string(k.name) + ".json");
  test::write_text(path, kc::sample_scenario(kc::sample_node(k, kc::skips_for(k).front())).dump(2));
  autosave.data_dir = dir.file("data");
  autosave.interval = std::chrono::milliseconds(0);
  OpenResult r = Document::open(path, autosave);
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  return std::move(r->document);
}

}  // namespace

TEST_CASE(
    "a kind change carries the main text and the speaker between the fields the table marks") {
  test::ScratchDir dir("kind-change-table");
  AutosaveSettings autosave;
  for (const KindSpec& from : node_kinds()) {
    for (const KindSpec& to : node_kinds()) {
      if (from.kind == to.kind) continue;
      CAPTURE(from.name);
      CAPTURE(to.name);
      auto doc = open_sample(dir, from, autosave);
      const Carried before = carried(*doc->scenario().find_node("n"));
      REQUIRE_FALSE(before.text.empty());
      REQUIRE(doc->apply(edit::ChangeKind{"n", to.kind}).ok());
      const Node& after = *doc->scenario().find_node("n");
      CHECK(after.kind == to.kind);
      CHECK(carried(after).text == before.text);
      if (has_speaker(from) && has_speaker(to)) CHECK(carried(after).speaker == before.speaker);
    }
  }
}

// Every text of every kind, in each story format: shown in the Twee export, and the same
// text under the same key once the export is imported back.
TEST_CASE("the Twee export shows every student-readable text of every kind and imports it back") {
  for (const KindSpec& k : node_kinds()) {
    for (auto skip : kc::skips_for(k)) {
      for (TwineFormat format : {TwineFormat::Harlowe, TwineFormat::SugarCube}) {
        CAPTURE(k.name);
        CAPTURE(skip);
        CAPTURE(format == TwineFormat::Harlowe);
        const auto l =
            kc::load_text("kinds.json", kc::sample_scenario(kc::sample_node(k, skip)).dump(2));
        REQUIRE(!l.diagnostics.has_errors());
        const Scenario& s = *l.file.scenario();
        const std::string twee = export_twee(s, "en", format);
        const TwineFile file = read_twee(SourceText("kinds.twee", twee));
        REQUIRE(file.stories.size() == 1);
        const TwineImport back = import_twine_story(file.stories[0], {"en", s.id});
        // The imported scenario is not linked yet, so its nodes are searched, not looked up.
        const auto& nodes = back.scenario.nodes;
        const auto n = std::find_if(nodes.begin(), nodes.end(),
                                    [](const Node& node) { return node.id == "n"; });
        REQUIRE(n != nodes.end());
        std::map<std::string, std::string> imported;
        for_each_node_text(*n, [&](const std::string& key, const LocalizedText& t) {
          imported[key] = t.get("en");
        });
        for_each_node_text(*s.find_node("n"), [&](const std::string& key, const LocalizedText& t) {
          CAPTURE(key);
          CHECK(twee.find(t.get("en")) != std::string::npos);
          CHECK(imported[key] == t.get("en"));
        });
      }
    }
  }
}
