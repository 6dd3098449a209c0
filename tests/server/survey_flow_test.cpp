// The survey through the real server: forms counterbalanced half and half, summaries that
// compare before with after (never form A with form B), per-goal shifts, discernment, and
// exports that show reversed items the right way round.
#include <doctest/doctest.h>

#include <map>
#include <sstream>

#include "server_test_support.hpp"
#include "summary_checks.hpp"

using namespace upstander;
using namespace upstander::test;

namespace {

struct Class {
  TempDir dir;
  TestClock clock;
  TestServer srv{dir.path(), clock};
  std::string id, code;
  std::vector<std::unique_ptr<SimStudent>> students;

  explicit Class(int n, int k = 5) {
    const auto session = srv.create_session(
        {{"scenarios", {"feature-tour"}}, {"language", "en"}, {"k", k}, {"survey", true}});
    id = session["id"];
    code = session["code"];
    for (int i = 0; i < n; ++i) {
      students.push_back(
          std::make_unique<SimStudent>(srv.port(), 500 + static_cast<std::uint64_t>(i)));
      REQUIRE(students.back()->join(code) == 200);
    }
  }
  nlohmann::json summary() {
    const HttpResult r = srv.http().get("/api/v1/teacher/sessions/" + id + "/summary", srv.token());
    REQUIRE(r.status == 200);
    return r.json();
  }
  std::string csv() {
    const HttpResult r =
        srv.http().get("/api/v1/teacher/sessions/" + id + "/export?format=csv", srv.token());
    REQUIRE(r.status == 200);
    return r.body;
  }
};

const nlohmann::json& by_id(const nlohmann::json& list, const std::string& key,
                            const std::string& id) {
  for (const auto& x : list) {
    if (x[key] == id) return x;
  }
  FAIL("no entry ", id);
  static const nlohmann::json none;
  return none;
}

// One CSV row's fields (no quoted commas in the rows this test reads).
std::vector<std::string> csv_row(const std::string& csv, const std::string& starts) {
  std::istringstream in(csv);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(starts, 0) != 0) continue;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> out;
    std::string field;
    bool quoted = false;
    for (char c : line) {
      if (c == '"')
        quoted = !quoted;
      else if (c == ',' && !quoted)
        out.push_back(std::exchange(field, {}));
      else
        field += c;
    }
    out.push_back(field);
    return out;
  }
  return {};
}

}  // namespace

TEST_CASE("40 students: the server gives half of them form A first and half form B first") {
  Class c(40);
  int ab = 0, ba = 0;
  for (const auto& s : c.students) {
    const std::string order = s->join_answer().value("survey_order", "");
    CHECK((order == "AB" || order == "BA"));
    (order == "AB" ? ab : ba) += 1;
  }
  CHECK(ab == 20);
  CHECK(ba == 20);
  // Any prefix of the class is balanced within one, so a half-absent class is too.
  int diff = 0;
  for (const auto& s : c.students) {
    diff += s->join_answer()["survey_order"] == "AB" ? 1 : -1;
    CHECK(std::abs(diff) <= 1);
  }
}

TEST_CASE("summaries compare before with after, whichever form came first") {
  Class c(40);
  const Survey& survey = test_survey();
  // Everyone answers 2 before play and 4 after (harmful vignettes: 4 then 1; benign 2 then 5).
  // Compared form by form, both forms would mix 2s and 4s and show no shift at all.
  for (auto& s : c.students) {
    s->answer_survey(survey, SurveyPhase::Pre, [](const SurveyItem& i) {
      return i.is_vignette() ? (i.key == VignetteKey::Harmful ? 4 : 2) : 2;
    });
  }
  for (auto& s : c.students) {
    s->answer_survey(survey, SurveyPhase::Post, [](const SurveyItem& i) {
      return i.is_vignette() ? (i.key == VignetteKey::Harmful ? 1 : 5) : 4;
    });
  }
  int a_first = 0;
  for (const auto& s : c.students) {
    CHECK(s->pre_form() != s->post_form());
    a_first += s->pre_form() == 'A' ? 1 : 0;
  }
  CHECK(a_first == 20);

  const nlohmann::json summary = c.summary();
  check_no_small_counts(summary, 5);
  const auto& sv = summary["survey"];
  for (const auto& item : sv["items"]) {
    CAPTURE(item["id"].get<std::string>());
    const bool reverse = item["reverse"];
    CHECK(item["pre"]["n"]["count"] == 40);
    CHECK(item["pre"]["raw_mean"] == 2.0);
    CHECK(item["post"]["raw_mean"] == 4.0);
    CHECK(item["pre"]["keyed_mean"] == (reverse ? 4.0 : 2.0));
    CHECK(item["post"]["keyed_mean"] == (reverse ? 2.0 : 4.0));
    CHECK(item["shift"] == (reverse ? -2.0 : 2.0));
    CHECK(item["text_a"] == survey.find_item(item["id"].get<std::string>())->form_a.get("en"));
  }
  // Per goal: the mean of its items' keyed means. The test survey's excuses goal has one
  // reversed item, so agreeing more afterwards is a shift of -2 there.
  CHECK(by_id(sv["goals"], "goal", "real_harm")["shift"] == 2.0);
  CHECK(by_id(sv["goals"], "goal", "excuses")["pre"] == 4.0);
  CHECK(by_id(sv["goals"], "goal", "excuses")["shift"] == -2.0);
  CHECK(sv["goals"].size() == 5);

  const auto& d = sv["discernment"];
  CHECK(d["pre"]["score"] == -2.0);  // benign 2 - harmful 4
  CHECK(d["post"]["score"] == 4.0);  // benign 5 - harmful 1
  CHECK(d["shift"] == 6.0);
  const auto& harmful = by_id(d["vignettes"], "id", "forward-it");
  CHECK(harmful["key"] == "harmful");
  CHECK(harmful["good"] == "disagree");
  CHECK(harmful["post"]["raw_mean"] == 1.0);
  CHECK(harmful["post"]["keyed_mean"] == 5.0);
}

TEST_CASE("the CSV carries reversed, raw and keyed means for items, goals and discernment") {
  Class c(10);
  for (auto& s : c.students)
    s->answer_survey(test_survey(), SurveyPhase::Pre, [](const SurveyItem&) { return 5; });
  const std::string csv = c.csv();
  CHECK(csv.find("mean,reversed,raw_mean,keyed_mean\r\n") != std::string::npos);
  // section,scenario,point,point_text,answer,answer_text,count,shown,mean,reversed,raw_mean,keyed_mean
  const auto joke = csv_row(csv, "survey_pre,,just-a-joke,");
  REQUIRE(joke.size() == 12);
  CHECK(joke[3] ==
        "A: If it is fake, it is only a joke. / B: An edited picture is fine if it was made for "
        "fun.");
  CHECK(joke[6] == "10");
  CHECK(joke[9] == "1");
  CHECK(joke[10] == "5.00");  // what students answered: full agreement with the harmful view
  CHECK(joke[11] == "1.00");  // keyed: the worst answer
  CHECK(joke[8] == joke[11]);
  const auto harm = csv_row(csv, "survey_pre,,fake-harm,");
  REQUIRE(harm.size() == 12);
  CHECK(harm[9] == "0");
  CHECK(harm[10] == "5.00");
  CHECK(harm[11] == "5.00");
  const auto vignette = csv_row(csv, "vignette_pre,,agreed-photo,");
  REQUIRE(vignette.size() == 12);
  CHECK(vignette[4] == "benign");
  CHECK(vignette[9] == "0");
  CHECK(csv_row(csv, "vignette_pre,,forward-it,")[9] == "1");
  CHECK(csv_row(csv, "discernment_pre,")[8] == "0.00");  // everything "OK": no judgement shown
  CHECK(csv_row(csv, "goal_pre,,excuses,")[11] == "1.00");
}

TEST_CASE("small classes: survey means, goals and discernment stay hidden below k") {
  Class c(4);
  for (auto& s : c.students) s->answer_survey(test_survey(), SurveyPhase::Pre);
  const nlohmann::json summary = c.summary();
  check_no_small_counts(summary, 5);
  for (const auto& item : summary["survey"]["items"]) {
    CHECK(item["pre"]["raw_mean"].is_null());
    CHECK(item["pre"]["keyed_mean"].is_null());
  }
  for (const auto& g : summary["survey"]["goals"]) CHECK(g["pre"].is_null());
  CHECK(summary["survey"]["discernment"]["pre"].is_null());
  for (const auto& v : summary["survey"]["discernment"]["vignettes"])
    CHECK(v["pre"]["raw_mean"].is_null());
  const std::string csv = c.csv();
  CHECK(csv_row(csv, "survey_pre,,fake-harm,")[10].empty());
  CHECK(csv_row(csv, "discernment_pre,")[8].empty());
}

TEST_CASE("a client from before counterbalancing (no phase) is still counted: A before, B after") {
  Class c(5);
  for (auto& s : c.students) s->answer_survey_without_phase(test_survey(), 'A');
  for (auto& s : c.students) s->answer_survey_without_phase(test_survey(), 'B');
  const nlohmann::json summary = c.summary();
  CHECK(summary["survey"]["items"][0]["pre"]["n"]["count"] == 5);
  CHECK(summary["survey"]["items"][0]["post"]["n"]["count"] == 5);
}

TEST_CASE("a survey answer with a phase that is neither pre nor post is refused") {
  Class c(1);
  Http http = c.srv.http();
  const std::string body =
      R"({"events": [{"id": "e1", "ord": 1, "type": "survey_answered", "item": "fake-harm", "form": "A", "phase": "later", "value": 3}]})";
  const HttpResult r = http.post("/api/v1/student/events", body, c.students[0]->token());
  CHECK(r.status == 422);
}
