// Who is targeted and what skipping may lead to: thought cards, the "targeted" header,
// excuses never spoken by the person targeted, the two outcome families, and skip edges as
// real edges that must stay safe (issue 14).
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "test_support.hpp"
#include "upstander/canonical_json.hpp"
#include "upstander/diagnostic_codes.hpp"
#include "upstander/runner.hpp"
#include "upstander/scenario_text.hpp"

using namespace upstander;
using json = nlohmann::ordered_json;

namespace {

json text(const std::string& en) {
  return json{{"en", en}};
}

json ending(const std::string& id, const std::string& outcome) {
  return json{
      {"id", id},
      {"kind", "ending"},
      {"outcome", outcome},
      {"title", text("The end")},
      {"text", text("It is over.")},
      {"debrief",
       {{"targeted", {{"text", text("Days later.")}}},
        {"around", {{"text", text("Friends.")}}},
        {"rules",
         {{"text", text("The law.")}, {"sources", json::array({"https://example.org/law"})}}}}},
      {"help", json::array({"counselling"})}};
}

json narration(const std::string& id, const std::string& next) {
  return json{
      {"id", id}, {"kind", "narration"}, {"text", text("Something happens.")}, {"next", next}};
}

// A decision with one choice per target, and where skipping it leads.
json decision(const std::string& id, const std::vector<std::string>& targets,
              const std::string& skip_to) {
  json choices = json::array();
  for (const auto& t : targets)
    choices.push_back({{"id", "to-" + t}, {"text", text("Go to " + t)}, {"to", t}});
  json n{{"id", id}, {"kind", "narration"}, {"text", text("What now?")}, {"choices", choices}};
  if (!skip_to.empty()) n["skip_to"] = skip_to;
  return n;
}

json card(const std::string& kind, const std::string& id, const std::string& speaker,
          const std::string& next) {
  json n{{"id", id}, {"kind", kind}};
  if (!speaker.empty()) n["speaker"] = speaker;
  n[kind] = text("It is not a big deal.");
  n["answer"] = text("It is a big deal to the person in it.");
  n["next"] = next;
  return n;
}

json scenario(json nodes, json targeted = json()) {
  json s{{"type", "scenario"},
         {"format_version", 1},
         {"id", "roles"},
         {"locales", json::array({"en"})},
         {"title", text("Roles")},
         {"summary", text("A test.")},
         {"content_note", text("Nothing upsetting.")},
         {"audience", {{"min_age", 12}, {"max_age", 18}}},
         {"minutes", 1},
         {"learning_goals", json::array({"excuses"})},
         {"review", {{"status", "draft"}}},
         {"player", "me"}};
  if (!targeted.is_null()) s["targeted"] = targeted;
  s["start"] = nodes.at(0).at("id");
  // Only the characters the nodes or "targeted" mention, so none is reported unused.
  const std::string mentioned = nodes.dump() + targeted.dump();
  s["characters"] =
      json::array({{{"id", "me"}, {"name", text("You")}, {"avatar", {{"color", "#4a90d9"}}}}});
  for (const char* id : {"jiwoo", "dohyun"}) {
    if (mentioned.find(std::string("\"") + id + "\"") == std::string::npos) continue;
    s["characters"].push_back({{"id", id}, {"name", text(id)}, {"avatar", {{"color", "#d98e4a"}}}});
  }
  s["nodes"] = std::move(nodes);
  return s;
}

test::Loaded load(const json& s) {
  return test::load_text("roles.json", s.dump(2));
}

std::vector<std::string> codes_of(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.all()) out.push_back(x.code);
  return out;
}

bool has(const Diagnostics& d, std::string_view code) {
  return std::any_of(d.all().begin(), d.all().end(),
                     [&](const Diagnostic& x) { return x.code == code; });
}

}  // namespace

TEST_CASE(
    "a thought card loads, keeps its speaker, answer and source, and is written back the same") {
  json th = card("thought", "fear", "jiwoo", "end");
  th["source"] = "https://example.org/help";
  const json s = scenario(json::array({narration("a", "fear"), th, ending("end", "upstander")}),
                          json::array({"jiwoo"}));
  test::Loaded l = load(s);
  REQUIRE_MESSAGE(!l.diagnostics.has_errors(), test::render(l.diagnostics));
  const Scenario& sc = *l.file.scenario();
  const Node& n = *sc.find_node("fear");
  CHECK(n.kind == NodeKind::Thought);
  CHECK(n.as<ThoughtBody>().speaker.id == "jiwoo");
  CHECK(n.as<ThoughtBody>().thought.get("en") == "It is not a big deal.");
  CHECK(n.as<ThoughtBody>().source == "https://example.org/help");
  CHECK(sc.is_targeted("jiwoo"));
  CHECK_FALSE(sc.player_is_targeted());

  std::vector<std::string> keys;
  for_each_text(sc, [&](const std::string& key, const LocalizedText&) { keys.push_back(key); });
  CHECK(std::find(keys.begin(), keys.end(), "node/fear/thought") != keys.end());

  const json written = to_json(sc);
  CHECK(written["targeted"] == json::array({"jiwoo"}));
  test::Loaded again = test::load_text("again.json", write_canonical(written));
  REQUIRE(again.file.ok());
  CHECK(write_canonical(to_json(*again.file.scenario())) == write_canonical(written));
}

TEST_CASE("a thought or excuse source must be a web address") {
  json th = card("thought", "fear", "", "end");
  th["source"] = "not a url";
  test::Loaded l = load(scenario(json::array({th, ending("end", "upstander")})));
  CHECK(has(l.diagnostics, codes::kBadUrl));
}

TEST_CASE("an excuse is never spoken by the person targeted") {
  SUBCASE("a targeted classmate's excuse is an error; a bystander's is fine") {
    test::Loaded bad = load(
        scenario(json::array({card("excuse", "x", "jiwoo", "end"), ending("end", "upstander")}),
                 json::array({"jiwoo"})));
    CHECK(codes_of(bad.diagnostics) == std::vector<std::string>{"excuse-by-targeted"});
    test::Loaded ok = load(
        scenario(json::array({card("excuse", "x", "dohyun", "end"), ending("end", "upstander")}),
                 json::array({"jiwoo"})));
    CHECK_MESSAGE(ok.diagnostics.empty(), test::render(ok.diagnostics));
  }
  SUBCASE("when the player is targeted, their own excuse and an unattributed one are errors") {
    const json targeted = json::array({"me"});
    test::Loaded own = load(scenario(
        json::array({card("excuse", "x", "me", "end"), ending("end", "supported")}), targeted));
    CHECK(codes_of(own.diagnostics) == std::vector<std::string>{"excuse-by-targeted"});
    test::Loaded nobody = load(scenario(
        json::array({card("excuse", "x", "", "end"), ending("end", "supported")}), targeted));
    CHECK(codes_of(nobody.diagnostics) == std::vector<std::string>{"excuse-by-targeted"});
    test::Loaded other = load(scenario(
        json::array({card("excuse", "x", "dohyun", "end"), ending("end", "supported")}), targeted));
    CHECK_MESSAGE(other.diagnostics.empty(), test::render(other.diagnostics));
  }
  SUBCASE(
      "the same words as a thought are fine, and an unattributed excuse is fine when the player is "
      "not targeted") {
    test::Loaded th =
        load(scenario(json::array({card("thought", "x", "me", "end"), ending("end", "supported")}),
                      json::array({"me"})));
    CHECK_MESSAGE(th.diagnostics.empty(), test::render(th.diagnostics));
    test::Loaded plain =
        load(scenario(json::array({card("excuse", "x", "", "end"), ending("end", "upstander")})));
    CHECK_MESSAGE(plain.diagnostics.empty(), test::render(plain.diagnostics));
  }
  SUBCASE("\"targeted\" names characters that exist") {
    test::Loaded l =
        load(scenario(json::array({ending("end", "upstander")}), json::array({"jiwo"})));
    CHECK(has(l.diagnostics, codes::kUnknownCharacter));
  }
}

TEST_CASE("a targeted player's endings use the supported family, and only they do") {
  const json targeted = json::array({"me"});
  for (const char* o : {"supported", "partly_supported", "not_yet_supported", "skipped"}) {
    CAPTURE(o);
    CHECK(load(scenario(json::array({ending("end", o)}), targeted)).diagnostics.empty());
  }
  for (const char* o : {"upstander", "mixed", "harm"}) {
    CAPTURE(o);
    CHECK(codes_of(load(scenario(json::array({ending("end", o)}), targeted)).diagnostics) ==
          std::vector<std::string>{"outcome-family"});
    CHECK(load(scenario(json::array({ending("end", o)}), json::array({"jiwoo"})))
              .diagnostics.empty());
  }
  for (const char* o : {"supported", "partly_supported", "not_yet_supported"}) {
    CAPTURE(o);
    CHECK(codes_of(load(scenario(json::array({ending("end", o)}))).diagnostics) ==
          std::vector<std::string>{"outcome-family"});
  }
}

TEST_CASE("skip edges are edges: what only a skip reaches is reachable") {
  // "end-skip" and "helps" are reached only by skipping "a".
  const json s =
      scenario(json::array({decision("a", {"end"}, "helps"), narration("helps", "end-skip"),
                            ending("end", "upstander"), ending("end-skip", "skipped")}));
  test::Loaded l = load(s);
  CHECK_MESSAGE(l.diagnostics.empty(), test::render(l.diagnostics));
  // Without the skip, the route is unreachable: the test would catch a checker ignoring skips.
  json no_skip = s;
  no_skip["nodes"][0].erase("skip_to");
  test::Loaded without = load(no_skip);
  CHECK(has(without.diagnostics, codes::kUnreachableEnding));
  CHECK(has(without.diagnostics, codes::kUnreachableNode));
}

TEST_CASE("a loop whose only way out is a skip has an exit") {
  // b's only choice returns to a; skipping b leads on to the ending.
  const json s = scenario(json::array(
      {narration("a", "b"), decision("b", {"a"}, "end-skip"), ending("end-skip", "skipped")}));
  test::Loaded l = load(s);
  CHECK_FALSE(has(l.diagnostics, codes::kNoPathToEnding));
  CHECK_FALSE(l.diagnostics.has_errors());
}

TEST_CASE("after a skip, no path may reach a harm, mixed or not fully supported ending") {
  for (const char* o : {"harm", "mixed"}) {
    CAPTURE(o);
    test::Loaded l = load(scenario(json::array(
        {decision("a", {"end"}, "bad"), ending("end", "upstander"), ending("bad", o)})));
    CHECK(codes_of(l.diagnostics) == std::vector<std::string>{"skip-reaches-harm"});
  }
  for (const char* o : {"partly_supported", "not_yet_supported"}) {
    CAPTURE(o);
    test::Loaded l = load(scenario(
        json::array({decision("a", {"end"}, "bad"), ending("end", "supported"), ending("bad", o)}),
        json::array({"me"})));
    CHECK(codes_of(l.diagnostics) == std::vector<std::string>{"skip-reaches-harm"});
  }
  SUBCASE("also through a later choice, and the message shows the way") {
    test::Loaded l = load(scenario(json::array(
        {decision("a", {"end"}, "b"), decision("b", {"end", "bad"}, "end-skip"),
         ending("end", "upstander"), ending("bad", "harm"), ending("end-skip", "skipped")})));
    REQUIRE(codes_of(l.diagnostics) == std::vector<std::string>{"skip-reaches-harm"});
    CHECK(l.diagnostics.all()[0].message.find("a (skip) -> b -> bad") != std::string::npos);
  }
  SUBCASE("skipping to a supportive or upstander ending is fine") {
    test::Loaded l = load(scenario(json::array(
        {decision("a", {"bad"}, "end"), ending("end", "upstander"), ending("bad", "harm")})));
    CHECK_MESSAGE(l.diagnostics.empty(), test::render(l.diagnostics));
  }
}

TEST_CASE("a student who skips every scene must reach an ending") {
  test::Loaded l = load(scenario(json::array(
      {decision("a", {"end"}, "b"), decision("b", {"end"}, "a"), ending("end", "upstander")})));
  const auto c = codes_of(l.diagnostics);
  CHECK(std::count(c.begin(), c.end(), "skip-loop") == 2);
  CHECK(std::count(c.begin(), c.end(), "no-path-to-ending") == 0);
  // A linear detour that comes back to the same decision is the same trap.
  test::Loaded detour = load(scenario(json::array(
      {decision("a", {"end"}, "pause"), narration("pause", "a"), ending("end", "upstander")})));
  CHECK(codes_of(detour.diagnostics) == std::vector<std::string>{"skip-loop"});
}

TEST_CASE("the runner reports a skip route's ending as skipped") {
  test::Loaded l =
      load(scenario(json::array({decision("a", {"end"}, "helps"), narration("helps", "end-skip"),
                                 ending("end", "upstander"), ending("end-skip", "skipped")})));
  REQUIRE(l.file.ok());
  Runner r(*l.file.scenario());
  r.start();
  REQUIRE(r.skip() == StepResult::Ok);
  REQUIRE(r.advance() == StepResult::Ok);
  REQUIRE(r.at_ending());
  const auto events = r.take_events();
  REQUIRE(events.back().type == EventType::EndingReached);
  CHECK(events.back().outcome == "skipped");
}

TEST_CASE("every help resource names its source") {
  const json help{
      {"type", "help"},
      {"format_version", 1},
      {"locales", json::array({"en"})},
      {"countries",
       json::array({{{"code", "INT"},
                     {"name", text("International")},
                     {"resources", json::array({{{"id", "line"},
                                                 {"name", text("A line")},
                                                 {"phone", "1366"},
                                                 {"what", text("Listens.")},
                                                 {"topics", json::array({"counselling"})}}})}}})}};
  CHECK(codes_of(test::load_text("help.json", help.dump()).diagnostics) ==
        std::vector<std::string>{"help-without-source"});
  json sourced = help;
  sourced["countries"][0]["resources"][0]["source"] = "https://example.org/line";
  CHECK(test::load_text("help.json", sourced.dump()).diagnostics.empty());
}
