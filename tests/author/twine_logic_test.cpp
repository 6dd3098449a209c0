// Twine logic: Harlowe and SugarCube set/if/go-to read as Upstander conditions, effects and
// routes; every shipped scenario exported as Twee (both formats) and imported back plays the
// same paths; every Twine fixture becomes a file that every command and the editor open.
#include <doctest/doctest.h>

#include <set>

#include "author_test_support.hpp"
#include "content_tool_run.hpp"
#include "upstander/author/document.hpp"
#include "upstander/author/load_fidelity.hpp"
#include "upstander/author/translation_table.hpp"
#include "upstander/author/twee_export.hpp"
#include "upstander/author/twine_import.hpp"
#include "upstander/author/twine_logic.hpp"
#include "upstander/canonical_json.hpp"
#include "upstander/runner.hpp"

using namespace upstander;
using namespace upstander::author;

namespace {

// The condition as Harlowe writes it: a short, exact way to compare.
std::string harlowe_condition(std::string_view twine) {
  const TwineCondition c = parse_twine_condition(twine);
  if (!c.ok()) return "error: " + c.error();
  return write_twine_condition(*c, TwineFormat::Harlowe);
}

std::string harlowe_effects(std::string_view twine) {
  const TwineEffects e = parse_twine_assignments(twine);
  if (!e.ok()) return "error: " + e.error();
  return write_twine_effects(*e, TwineFormat::Harlowe);
}

// Every way through a scenario, as the runner plays it: the nodes visited, each decision's
// visible choices and its skip, and the variables' values at the ending.
struct Paths {
  std::set<std::string> all;
  std::size_t cut = 0;  // paths stopped at the depth limit (loops)
};

void walk(const Runner& r, std::string path, int depth, Paths& out) {
  path += r.node().id;
  if (r.at_ending()) {
    for (auto v : r.values()) path += " " + std::to_string(v);
    out.all.insert(path);
    return;
  }
  if (depth == 0) {
    ++out.cut;
    out.all.insert(path + " (cut)");
    return;
  }
  if (r.node().is_decision()) {
    const std::vector<int> visible = r.visible_choices();
    if (visible.empty()) out.all.insert(path + " (stuck)");
    for (std::size_t k = 0; k < visible.size(); ++k) {
      Runner next = r;
      REQUIRE(next.choose_visible(k) == StepResult::Ok);
      walk(next, path + " >" + std::to_string(k) + " ", depth - 1, out);
    }
    if (r.node().skip_to) {
      Runner next = r;
      REQUIRE(next.skip() == StepResult::Ok);
      walk(next, path + " >skip ", depth - 1, out);
    }
  } else if (r.can_continue()) {
    Runner next = r;
    REQUIRE(next.advance() == StepResult::Ok);
    walk(next, path + " ", depth - 1, out);
  } else {
    out.all.insert(path + " (dead end)");
  }
}

Paths paths_of(const Scenario& s) {
  Runner r(s);
  r.start();
  Paths p;
  walk(r, "", 60, p);
  return p;
}

// An import as the tool writes it, loaded back (linked) the way every command loads it.
struct Loaded {
  std::string json;
  Diagnostics diagnostics;
  ContentFile file;
};

Loaded load_import(const TwineImport& imported) {
  Loaded l;
  l.json = write_canonical(to_json(imported.scenario));
  l.file = load_content_text("imported.json", l.json, l.diagnostics);
  return l;
}

const TwineStory& only_story(const TwineFile& f) {
  REQUIRE(f.stories.size() >= 1);
  return f.stories.front();
}

}  // namespace

TEST_CASE(
    "Harlowe and SugarCube assignments read as effects, and anything else is refused with a "
    "reason") {
  CHECK(harlowe_effects("$x to 1") == "(set: $x to 1)");
  CHECK(harlowe_effects("$x to -3") == "(set: $x to -3)");
  CHECK(harlowe_effects("$x to true, $y to false") == "(set: $x to true)(set: $y to false)");
  CHECK(harlowe_effects("$x to $x + 5") == "(set: $x to it + 5)");
  CHECK(harlowe_effects("$x to it - 2") == "(set: $x to it - 2)");
  CHECK(harlowe_effects("$x to 5 + $x") == "(set: $x to it + 5)");
  CHECK(harlowe_effects("$x += 2; $y -= 4") == "(set: $x to it + 2)(set: $y to it - 4)");
  CHECK(harlowe_effects("$x = 7") == "(set: $x to 7)");
  CHECK(harlowe_effects("$x++") == "(set: $x to it + 1)");
  CHECK(harlowe_effects("$Trust to TRUE") == "(set: $Trust to true)");
  CHECK(harlowe_effects("$x to \"Jiwoo\"").rfind("error: ", 0) == 0);
  CHECK(harlowe_effects("$x to $y + 1").rfind("error: ", 0) == 0);
  CHECK(harlowe_effects("$x to $x * 2").rfind("error: ", 0) == 0);
  CHECK(harlowe_effects("$x to 1.5").rfind("error: ", 0) == 0);
  CHECK(harlowe_effects("_t to 1") == "error: _t is a temporary variable");
  CHECK(harlowe_effects("$x to 99999999999999999999").rfind("error: the number", 0) == 0);
  CHECK(harlowe_effects("").rfind("error: ", 0) == 0);
  CHECK(harlowe_effects("$x to (random: 1, 6)").rfind("error: ", 0) == 0);
}

TEST_CASE("Harlowe and SugarCube conditions read as Upstander conditions with the same meaning") {
  CHECK(harlowe_condition("$x > 3") == "$x > 3");
  CHECK(harlowe_condition("$x gt 3") == "$x > 3");
  CHECK(harlowe_condition("$x gte -2") == "$x >= -2");
  CHECK(harlowe_condition("3 < $x") == "$x > 3");  // the variable goes left, the comparison turns
  CHECK(harlowe_condition("$x is 2") == "$x is 2");
  CHECK(harlowe_condition("$x is not 2") == "$x is not 2");
  CHECK(harlowe_condition("$x isnot 2") == "$x is not 2");
  CHECK(harlowe_condition("$x === 2") == "$x is 2");
  CHECK(harlowe_condition("$x != 2") == "$x is not 2");
  CHECK(harlowe_condition("$seen") == "$seen");
  CHECK(harlowe_condition("not $seen") == "not $seen");
  CHECK(harlowe_condition("!$seen") == "not $seen");
  CHECK(harlowe_condition("not not $seen") == "$seen");
  CHECK(harlowe_condition("$seen is true") == "$seen");
  CHECK(harlowe_condition("$seen is false") == "not $seen");
  CHECK(harlowe_condition("$seen isnot true") == "not $seen");
  CHECK(harlowe_condition("$a and $b or $c") == "($a and $b) or $c");
  CHECK(harlowe_condition("$a && ($b || $c > 1)") == "$a and ($b or $c > 1)");
  CHECK(harlowe_condition("not ($a and $b)") == "not ($a and $b)");
  CHECK(harlowe_condition("$x contains \"a\"").rfind("error: ", 0) == 0);
  CHECK(harlowe_condition("$x > $y") == "error: two variables are compared");
  CHECK(harlowe_condition("1 < 2") == "error: a condition without a variable");
  CHECK(harlowe_condition("$seen > true").rfind("error: ", 0) == 0);
  CHECK(harlowe_condition("$name.includes(\"J\")").rfind("error: ", 0) == 0);
  CHECK(harlowe_condition("($a").rfind("error: ", 0) == 0);
}

TEST_CASE("conditions and effects written in either format read back the same") {
  const char* conditions[] = {"$x > 3", "not $a", "$a and not ($b or $c <= -1)", "$n is not 0",
                              "($a or $b) and $c is 2"};
  for (const char* text : conditions) {
    CAPTURE(text);
    const TwineCondition c = parse_twine_condition(text);
    REQUIRE(c.ok());
    for (TwineFormat f : {TwineFormat::Harlowe, TwineFormat::SugarCube}) {
      const TwineCondition back = parse_twine_condition(write_twine_condition(*c, f));
      REQUIRE(back.ok());
      CHECK(same_condition(*back, *c));
    }
  }
  const TwineEffects e =
      parse_twine_assignments("$a to true, $n to it - 5, $m to 3, $k to it + 9223372036854775807");
  REQUIRE(e.ok());
  const std::string sugar = write_twine_effects(*e, TwineFormat::SugarCube);
  CHECK(sugar ==
        "<<set $a to true>><<set $n -= 5>><<set $m to 3>><<set $k += 9223372036854775807>>");
  CHECK(twine_variable_name("told-teacher") == "told_teacher");
}

TEST_CASE(
    "every shipped scenario, exported to Harlowe and to SugarCube and imported back, plays the "
    "same paths") {
  for (const auto& path : test::shipped_scenario_paths()) {
    const Scenario original = test::load_scenario(path);
    const Paths want = paths_of(original);
    CHECK(want.all.size() > 1);
    for (TwineFormat f : {TwineFormat::Harlowe, TwineFormat::SugarCube}) {
      CAPTURE(path);
      CAPTURE(f == TwineFormat::Harlowe ? "Harlowe" : "SugarCube");
      const std::string twee = export_twee(original, original.locales.front(), f);
      const TwineFile file = read_twee(SourceText("x.twee", twee));
      const TwineImport back =
          import_twine_story(only_story(file), {original.locales.front(), original.id});
      Loaded l = load_import(back);
      REQUIRE(l.file.scenario() != nullptr);
      CHECK(lossy_problems(l.diagnostics).empty());
      const Scenario& s = *l.file.scenario();
      REQUIRE(s.variables.size() == original.variables.size());
      for (std::size_t k = 0; k < s.variables.size(); ++k) {
        CHECK(s.variables[k].type == original.variables[k].type);
        CHECK(s.variables[k].initial == original.variables[k].initial);
      }
      const Paths got = paths_of(s);
      CHECK(got.cut == want.cut);
      CHECK(got.all == want.all);
      // Nothing about the logic is reported as lost.
      for (const auto& n : back.notes) {
        CHECK_MESSAGE(n.message.find("cannot be carried") == std::string::npos, n.message);
        CHECK_MESSAGE(n.message.find("not supported") == std::string::npos, n.message);
      }
    }
  }
}

TEST_CASE("the Harlowe and the SugarCube fixture carry the same logic into the same scenario") {
  std::vector<Scenario> got;
  for (const char* name : {"harlowe-logic.twee", "sugarcube-logic.twee"}) {
    const std::string relative = std::string("tests/fixtures/twine/") + name;
    const TwineFile f =
        read_twine(SourceText(relative, test::read_text(test::source_path(relative))));
    got.push_back(import_twine_story(only_story(f), {"en", "logic"}).scenario);
  }
  got[1].title = got[0].title;
  CHECK(write_canonical(to_json(got[0])) == write_canonical(to_json(got[1])));

  const Scenario& s = got[0];
  // StoryInit gives the initial values; special passages are no nodes.
  REQUIRE(s.variables.size() == 4);
  CHECK(s.variables[0].id == "trust");
  CHECK(s.variables[0].type == VariableType::Counter);
  CHECK(s.variables[0].initial == 2);
  CHECK(s.variables[3].id == "brave");
  CHECK(s.variables[3].type == VariableType::Flag);
  CHECK(s.variables[3].initial == 1);
  std::set<std::string> ids;
  for (const auto& n : s.nodes) ids.insert(n.id);
  CHECK(ids == std::set<std::string>{"start", "decide", "support", "laugh", "report", "good-end",
                                     "okay-end", "mixed-end", "stay-quiet", "passage-1"});
  auto node = [&](const std::string& id) -> const Node& {
    return s.nodes[static_cast<std::size_t>(
        std::find_if(s.nodes.begin(), s.nodes.end(), [&](const Node& n) { return n.id == id; }) -
        s.nodes.begin())];
  };
  // Links with setters are choices with effects; (if:) around a link is the choice's "if";
  // a link to a passage that only goes on leads where it goes.
  const Node& decide = node("decide");
  REQUIRE(decide.choices.size() == 4);
  CHECK(decide.choices[1].effects.size() == 1);
  CHECK(decide.choices[1].effects[0].kind == Effect::Kind::Add);
  CHECK(decide.choices[1].effects[0].value == -2);
  CHECK(decide.choices[1].to.id == "laugh");
  REQUIRE(decide.choices[2].condition);
  CHECK(decide.choices[2].condition->kind == Condition::Kind::Compare);
  CHECK(decide.choices[2].condition->op == CompareOp::Gt);
  CHECK(decide.choices[3].to.id == "decide");
  // (go-to:) under conditions, then a link: a route with the link as its default.
  const Node& report = node("report");
  REQUIRE(report.route.size() == 3);
  CHECK(report.route[0].condition->kind == Condition::Kind::All);
  CHECK(report.route[1].to.id == "okay-end");
  CHECK_FALSE(report.route[2].condition);
  CHECK(report.effects.size() == 1);
  // One link in each branch of an (if:)(else:): a route.
  CHECK(node("laugh").route.size() == 2);
  // A message without a sender is the narrator's, never "".
  CHECK(node("support").as<DirectMessageBody>().from.id == "narrator");
  // Endings are titled with their passage's name; a name the id cannot hold is the scene.
  CHECK(node("okay-end").as<EndingBody>().title.get("en") == "Okay end");
  CHECK(node("passage-1").scene == "끝");
}

TEST_CASE(
    "every Twine fixture imports to a file that check, stats, strings export and the editor all "
    "open") {
  test::ScratchDir dir("twine-loads");
  const char* fixtures[] = {"class-chat.twee", "published.html", "tour-export.twee",
                            "harlowe-logic.twee", "sugarcube-logic.twee"};
  for (const char* name : fixtures) {
    CAPTURE(name);
    const std::string relative = std::string("tests/fixtures/twine/") + name;
    const TwineFile f =
        read_twine(SourceText(relative, test::read_text(test::source_path(relative))));
    const TwineImport imported = import_twine_story(only_story(f), {"en", "imported"});
    Loaded l = load_import(imported);
    REQUIRE(l.file.scenario() != nullptr);
    for (const auto& d : lossy_problems(l.diagnostics)) CHECK_MESSAGE(false, format_text(d));
    CHECK(l.json.find("\"from\": \"\"") == std::string::npos);
    CHECK_FALSE(write_translation_csv(*l.file.scenario(), "en", "ko").empty());
    const std::string path = dir.file("imported.json");
    test::write_text(path, l.json);
    OpenResult opened = Document::open(path);
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error().message));
    CHECK(opened->lossy.empty());
    // stats counts only finished files; of an unfinished one it lists the problems, by line.
    const test::ToolRun stats = test::run_content_tool("stats '" + path + "'");
    CHECK(stats.output.find(path + ":1:1: error[missing-field]: /summary") != std::string::npos);
    const test::ToolRun strings = test::run_content_tool("strings export --lang ko '" + path + "'");
    CHECK(strings.exit_code == 0);
  }
}

TEST_CASE("seeded random damage to a logic fixture never makes a file the other commands refuse") {
  const std::string original =
      test::read_text(test::source_path("tests/fixtures/twine/sugarcube-logic.twee")) +
      test::read_text(test::source_path("tests/fixtures/twine/harlowe-logic.twee"));
  std::uint32_t seed = 20261205;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  const std::string noise = "<<>>()[]$ if set to go-to \"'\n:: +-=!";
  for (int round = 0; round < 300; ++round) {
    std::string s = original;
    for (int k = 0; k < 8; ++k) {
      const std::size_t at = next() % (s.size() + 1);
      switch (next() % 3) {
        case 0: s.erase(at, next() % 20); break;
        case 1: s.insert(at, noise.substr(next() % noise.size(), 1 + next() % 6)); break;
        default:
          if (!s.empty()) s[at % s.size()] = noise[next() % noise.size()];
      }
    }
    const TwineFile f = read_twine(SourceText("damaged.twee", s));
    for (const auto& story : f.stories) {
      Loaded l = load_import(import_twine_story(story, {"en", "damaged"}));
      REQUIRE(l.file.scenario() != nullptr);
      for (const auto& d : lossy_problems(l.diagnostics)) CHECK_MESSAGE(false, format_text(d));
    }
  }
}
