// Twine import: golden output for the fixtures in tests/fixtures/twine (each imported the
// way `upstander-content import-twine` does, with its notes, passage mapping and what check
// still reports), the link forms, character references, Twee escapes, macros, broken HTML
// and seeded random damage, and the export-twee round trip.
// To regenerate after an intended change: UPSTANDER_UPDATE_GOLDEN=1 ./author_tests, then
// read the diff before committing.
#include <doctest/doctest.h>

#include <cstdlib>
#include <random>

#include "author_test_support.hpp"
#include "upstander/author/html_scan.hpp"
#include "upstander/author/load_fidelity.hpp"
#include "upstander/author/passage_markup.hpp"
#include "upstander/author/twee_export.hpp"
#include "upstander/author/twine_import.hpp"
#include "upstander/canonical_json.hpp"

using namespace upstander;
using namespace upstander::author;

namespace {

const std::string kDir = "tests/fixtures/twine/";

struct Fixture {
  std::string file;
  std::string lang;
  std::string id;
  std::string story;
};

const Fixture kFixtures[] = {
    {"class-chat.twee", "en", "", ""},
    {"published.html", "ko", "", ""},
    {"archive.html", "en", "first-story", "First story"},
    {"tour-export.twee", "en", "", ""},
    {"harlowe-logic.twee", "en", "", ""},
    {"sugarcube-logic.twee", "en", "", ""},
};

struct Imported {
  std::string json;
  std::string log;
};

Imported import_fixture(const Fixture& f) {
  const std::string relative = kDir + f.file;
  const SourceText source(relative, test::read_text(test::source_path(relative)));
  const TwineFile file = read_twine(source);
  const TwineStory* story = nullptr;
  for (const auto& s : file.stories) {
    if (f.story.empty() || s.name == f.story) story = story ? story : &s;
  }
  REQUIRE(story != nullptr);
  const TwineImport imported = import_twine_story(*story, {f.lang, f.id});
  ImportNotes notes = file.notes;
  notes.insert(notes.end(), imported.notes.begin(), imported.notes.end());
  Imported out;
  out.json = write_canonical(to_json(imported.scenario));
  out.log = format_notes(relative, notes) + "passages and the nodes they became:\n";
  for (const auto& m : imported.mapping) {
    out.log +=
        "  line " + std::to_string(m.line) + ": \"" + m.passage + "\" -> " + m.node_id + "\n";
  }
  Diagnostics d;
  load_content_text(kDir + std::filesystem::path(f.file).stem().string() + ".expected.json",
                    out.json, d);
  d.sort();
  out.log += "to finish the import, fix:\n";
  for (const auto& x : d.all()) out.log += format_text(x);
  return out;
}

}  // namespace

TEST_CASE("each Twine fixture imports to exactly its expected scenario and report") {
  const bool update = std::getenv("UPSTANDER_UPDATE_GOLDEN") != nullptr;
  for (const auto& f : kFixtures) {
    CAPTURE(f.file);
    const Imported got = import_fixture(f);
    const std::string stem =
        test::source_path(kDir + std::filesystem::path(f.file).stem().string());
    if (update) {
      test::write_text(stem + ".expected.json", got.json);
      test::write_text(stem + ".expected.txt", got.log);
      continue;
    }
    REQUIRE_MESSAGE(std::filesystem::exists(stem + ".expected.json"),
                    "run with UPSTANDER_UPDATE_GOLDEN=1");
    CHECK(got.json == test::read_text(stem + ".expected.json"));
    CHECK(got.log == test::read_text(stem + ".expected.txt"));
  }
}

TEST_CASE("export-twee writes exactly the expected Twee for the fixture scenario") {
  const Scenario s = test::load_scenario(test::source_path(kDir + "tour.json"));
  const std::string twee = export_twee(s, "en");
  const std::string expected = test::source_path(kDir + "tour-export.twee");
  if (std::getenv("UPSTANDER_UPDATE_GOLDEN") != nullptr) test::write_text(expected, twee);
  CHECK(twee == test::read_text(expected));
}

TEST_CASE("links of every form, as Twine 2 reads them") {
  auto check = [](std::string_view inner, const char* text, const char* target) {
    const TwineLink l = parse_link(inner);
    CHECK(l.text == text);
    CHECK(l.target == target);
  };
  check("Go home", "Go home", "Go home");
  check("Forward it->Forward", "Forward it", "Forward");
  check("Forward<-Forward it", "Forward it", "Forward");
  check("Message Jiwoo|Support", "Message Jiwoo", "Support");
  check("a->b->c", "a->b", "c");  // the rightmost ->
  check("a<-b<-c", "b<-c", "a");  // the leftmost <-
  check("x|y|z", "x|y", "z");     // the last |
  check("  spaced -> Target  ", "spaced", "Target");
  const TwineLink setter = parse_link("Go->There][$x to 1");
  CHECK(setter.has_setter);
  CHECK(setter.target == "There");
  CHECK(parse_link("https://example.org/help").external);
  CHECK(parse_link("Help->https://example.org/help").external);
  CHECK_FALSE(parse_link("Not: a url").external);
}

TEST_CASE("character references decode, and anything else is left as written") {
  CHECK(decode_html_entities("Tom &amp; Jerry &lt;3 &quot;hi&quot; &#39;x&#39; &apos;") ==
        "Tom & Jerry <3 \"hi\" 'x' '");
  CHECK(decode_html_entities("&amp;lt;") == "&lt;");
  CHECK(decode_html_entities("&#x1F600;&#128512;") == "😀😀");
  CHECK(decode_html_entities("&#0;&#xD800;&#99999999999;") == "\uFFFD\uFFFD\uFFFD");
  CHECK(decode_html_entities("& &; &#; &#x; &bogus; &amp") == "& &; &#; &#x; &bogus; &amp");
  CHECK(decode_html_entities("a&hellip;b&nbsp;c") == "a…b\u00A0c");
  std::vector<std::uint32_t> lines;
  CHECK(decode_html_entities("one&#10;two\nthree", 7, lines) == "one\ntwo\nthree");
  CHECK(lines == std::vector<std::uint32_t>{7, 7, 8});
}

TEST_CASE("Twee headers: escapes, tags, metadata, and escaped :: in text") {
  const SourceText src(
      "t.twee",
      ":: A \\[bracketed\\] \\{name\\} with \\\\ slash [chat  thread-x] {\"position\":\"10,20\"}\n"
      "\\:: still text\n\n\n"
      ":: Second\r\nline one\r\n");
  const TwineFile f = read_twee(src);
  REQUIRE(f.stories.size() == 1);
  REQUIRE(f.stories[0].passages.size() == 2);
  const TwinePassage& p = f.stories[0].passages[0];
  CHECK(p.name == "A [bracketed] {name} with \\ slash");
  CHECK(p.tags == std::vector<std::string>{"chat", "thread-x"});
  REQUIRE(p.position.has_value());
  CHECK(p.position->first == 10);
  CHECK(p.text == ":: still text");  // trailing blank lines dropped
  CHECK(p.line_of(0) == 2);
  CHECK(f.stories[0].passages[1].text == "line one");
}

TEST_CASE(
    "macros are removed with a note on their line; hooks keep their text; inline links keep theirs") {
  TwinePassage p;
  p.name = "P";
  p.text =
      "(set: $x to (a: \"(\", ')'))Start.\n"
      "(if: $x is 1)[Shown [[always->There]]] and <<if $y>>kept<</if>>\n"
      "Go [[back->Back]] now.\n"
      "[[A->B]] | [[C->D]]\n"
      "/* a comment\nover lines */after <!-- html comment --> end\n"
      "see https://example.org/x and ''bold'' //it//";
  p.text_lines = {10, 11, 12, 13, 14, 15, 16};
  ImportNotes notes;
  const PassageContent c = read_passage_markup(p, notes);
  CHECK(
      c.text ==
      "Start.\nShown always and kept\nGo back now.\nafter  end\nsee https://example.org/x and bold it");
  REQUIRE(c.links.size() == 4);
  CHECK(c.links[0].target == "There");
  CHECK(c.links[0].line == 11);
  CHECK(c.links[3].target == "D");
  CHECK(c.links[3].line == 13);
  std::vector<std::uint32_t> lines;
  for (const auto& n : notes) lines.push_back(n.line);
  CHECK(lines == std::vector<std::uint32_t>{10, 11, 11, 16});
}

TEST_CASE("passage names without Latin letters get numbered ids; duplicates stay unique") {
  TwineStory story;
  story.name = "테스트";
  for (const char* name : {"시작", "Same name", "Same-name", "끝"}) {
    TwinePassage p;
    p.name = name;
    p.text = std::string(name) == "끝" ? "끝." : "[[끝]]";
    story.passages.push_back(p);
  }
  const TwineImport r = import_twine_story(story, {"ko", ""});
  REQUIRE(r.mapping.size() == 4);
  CHECK(r.mapping[0].node_id == "passage-1");
  CHECK(r.mapping[1].node_id == "same-name");
  CHECK(r.mapping[2].node_id == "same-name-2");
  CHECK(r.mapping[3].node_id == "passage-2");
  CHECK(r.scenario.id == "imported-story");
  CHECK(r.scenario.start.id == "passage-1");
}

TEST_CASE("damaged HTML never crashes the reader (seeded random cuts, insertions and swaps)") {
  const std::string original = test::read_text(test::source_path(kDir + "published.html"));
  std::mt19937 rng(20260101);
  const std::string noise = "<>&;\"'=/ tw-passagedata tw-storydata &#x; &#10;\n[[->|";
  for (int round = 0; round < 400; ++round) {
    std::string s = original;
    for (int k = 0; k < 6; ++k) {
      const std::size_t at = rng() % (s.size() + 1);
      switch (rng() % 3) {
        case 0: s.erase(at, rng() % 40); break;
        case 1: s.insert(at, noise.substr(rng() % noise.size(), 1 + rng() % 8)); break;
        default:
          if (!s.empty()) s[at % s.size()] = noise[rng() % noise.size()];
      }
    }
    const TwineFile f = read_twine(SourceText("damaged.html", s));
    for (const auto& story : f.stories) {
      const TwineImport r = import_twine_story(story, {"ko", ""});
      CHECK(!r.scenario.id.empty());
      // Whatever the damage, the result is a file every command can open (issue 18);
      // without a single passage to import the tool writes nothing.
      if (r.scenario.nodes.empty()) continue;
      Diagnostics d;
      load_content_text("damaged.json", write_canonical(to_json(r.scenario)), d);
      for (const auto& x : lossy_problems(d)) CHECK_MESSAGE(false, format_text(x));
    }
  }
}

TEST_CASE("export-twee then import-twine gives back the nodes, kinds and links of every scenario") {
  for (const auto& path : test::shipped_scenario_paths()) {
    CAPTURE(path);
    const Scenario s = test::load_scenario(path);
    const std::string twee = export_twee(s, "en");
    const TwineFile f = read_twee(SourceText("x.twee", twee));
    REQUIRE(f.stories.size() == 1);
    const TwineImport back = import_twine_story(f.stories[0], {"en", s.id});
    CHECK(back.scenario.start.id == s.start.id);
    REQUIRE(back.scenario.nodes.size() == s.nodes.size());
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
      const Node& a = s.nodes[i];
      const Node& b = back.scenario.nodes[i];
      CAPTURE(a.id);
      CHECK(b.id == a.id);
      CHECK(b.kind == a.kind);
      if (!a.route.empty()) continue;  // routes come back as plain links (the preamble says so)
      CHECK(b.next.has_value() == a.next.has_value());
      if (a.next && b.next) CHECK(b.next->id == a.next->id);
      REQUIRE(b.choices.size() == a.choices.size());
      for (std::size_t c = 0; c < a.choices.size(); ++c) {
        CHECK(b.choices[c].to.id == a.choices[c].to.id);
        CHECK(b.choices[c].text.get("en") == a.choices[c].text.get("en"));
      }
      if (a.is_ending()) CHECK(b.as<EndingBody>().outcome == a.as<EndingBody>().outcome);
    }
  }
}

namespace {
const Node* node_named(const Scenario& s, const std::string& id) {
  auto it = std::find_if(s.nodes.begin(), s.nodes.end(), [&](const Node& n) { return n.id == id; });
  return it == s.nodes.end() ? nullptr : &*it;
}
}  // namespace

TEST_CASE(
    "a decision with one choice keeps its choice through Twee; Twine's plain next link stays continue") {
  // From an Upstander scenario: export-twee tags the passage "choice", the import keeps it.
  Scenario s = test::load_scenario(test::source_path("content/scenarios/group-chat.json"));
  auto it = std::find_if(s.nodes.begin(), s.nodes.end(),
                         [](const Node& n) { return n.choices.size() > 1; });
  REQUIRE(it != s.nodes.end());
  it->choices.resize(1);
  const Choice kept = it->choices.front();
  const TwineFile f = read_twee(SourceText("x.twee", export_twee(s, "en")));
  REQUIRE(f.stories.size() == 1);
  const TwineImport back = import_twine_story(f.stories[0], {"en", s.id});
  const Node* b = node_named(back.scenario, it->id);
  REQUIRE(b != nullptr);
  CHECK_FALSE(b->next.has_value());
  REQUIRE(b->choices.size() == 1);
  CHECK(b->choices[0].to.id == kept.to.id);
  CHECK(b->choices[0].text.get("en") == kept.text.get("en"));

  // Written in Twine: one link is "next page" unless the passage is tagged "choice".
  const std::string twee =
      ":: StoryTitle\nOne link\n\n:: Start\nA message arrives.\n[[Look at it->End]]\n\n"
      ":: Ask [choice]\nWill you answer?\n[[Answer kindly->End]]\n\n:: End [ending-upstander]\nDone.\n";
  const TwineFile g = read_twee(SourceText("one.twee", twee));
  REQUIRE(g.stories.size() == 1);
  const TwineImport one = import_twine_story(g.stories[0], {"en", "one-link"});
  const Node* start = node_named(one.scenario, "start");
  const Node* ask = node_named(one.scenario, "ask");
  REQUIRE(start != nullptr);
  REQUIRE(ask != nullptr);
  CHECK(start->next.has_value());
  CHECK(start->choices.empty());
  REQUIRE(ask->choices.size() == 1);
  CHECK(ask->choices[0].text.get("en") == "Answer kindly");
  bool told = false;
  for (const auto& n : one.notes)
    told = told || n.message.find("tag the passage \"choice\"") != std::string::npos;
  CHECK(told);
}

TEST_CASE(
    "a kind's last lines (Image:, Title:, ...) are read only at its end, never its first line") {
  const std::string twee =
      ":: StoryTitle\nLast lines\n\n"
      ":: Post [feed_post]\nImage: a picture of my lunch\n[[Note]]\n\n"
      ":: Note [notification]\nClass chat: a photo\nTitle: Minji\nimage: not a post\n[[Talk]]\n\n"
      ":: Talk\nSomeone says hi.\nTitle: this is narration\n[[End]]\n\n"
      ":: End [ending-upstander]\n# Done\nDone.\n";
  const TwineFile f = read_twee(SourceText("last-lines.twee", twee));
  REQUIRE(f.stories.size() == 1);
  const TwineImport r = import_twine_story(f.stories[0], {"en", "last-lines"});
  const Node* post = node_named(r.scenario, "post");
  const Node* note = node_named(r.scenario, "note");
  const Node* talk = node_named(r.scenario, "talk");
  REQUIRE(post != nullptr);
  REQUIRE(note != nullptr);
  REQUIRE(talk != nullptr);
  // The first line is the text: here a speaker called "Image".
  const auto& p = post->as<FeedPostBody>();
  CHECK(p.author.id == "image");
  CHECK(p.text.get("en") == "a picture of my lunch");
  CHECK_FALSE(p.image.has_value());
  // A label another kind uses stays text; the kind's own is taken from the end.
  const auto& n = note->as<NotificationBody>();
  CHECK(n.app.get("en") == "Class chat");
  CHECK(n.text.get("en") == "a photo\nTitle: Minji\nimage: not a post");
  CHECK(n.title.get("en").empty());
  CHECK(talk->as<NarrationBody>().text.get("en") == "Someone says hi.\nTitle: this is narration");
}
