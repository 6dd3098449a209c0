// A reflection question skipped is counted as skipped (issue 15 item 3): apart from the
// answers, suppressed with them, replaced by a later answer, and in the CSV.
#include <doctest/doctest.h>

#include <string>

#include "server_test_support.hpp"

namespace upstander::test {

namespace {

nlohmann::json reflection(const nlohmann::json& summary, const std::string& node) {
  for (const auto& r : summary["scenarios"][0]["reflections"])
    if (r["node"] == node) return r;
  return {};
}

std::string skip_event(int n, const std::string& node, const std::string& to) {
  return R"({"id":")" + hex_id(static_cast<std::uint64_t>(n)) + R"(","ord":)" + std::to_string(n) +
         R"(,"type":"scene_skipped","scenario":"feature-tour","node":")" + node + R"(","to":")" +
         to + R"("})";
}

std::string answer_event(int n, const std::string& node, const std::string& field) {
  return R"({"id":")" + hex_id(static_cast<std::uint64_t>(n)) + R"(","ord":)" + std::to_string(n) +
         R"(,"type":"reflection_answered","scenario":"feature-tour","node":")" + node + "\"," +
         field + "}";
}

}  // namespace

TEST_CASE(
    "skipped reflection questions are counted apart from the answers, and a later answer replaces a skip") {
  TempDir dir;
  TestServer srv(dir.path());
  Http http = srv.http();
  const auto s =
      srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}, {"k", 3}});
  const std::string base = "/api/v1/teacher/sessions/" + s["id"].get<std::string>();
  std::vector<std::unique_ptr<SimStudent>> class_;
  auto post = [&](SimStudent& st, const std::string& e) {
    return http.post("/api/v1/student/events", "{\"events\":[" + e + "]}", st.token()).status;
  };
  for (int i = 0; i < 9; ++i) {
    class_.push_back(std::make_unique<SimStudent>(srv.port(), static_cast<std::uint64_t>(40 + i)));
    REQUIRE(class_.back()->join(s["code"]) == 200);
  }
  // Four answer both questions; five skip both.
  for (int i = 0; i < 9; ++i) {
    SimStudent& st = *class_[static_cast<std::size_t>(i)];
    if (i < 4) {
      REQUIRE(post(st, answer_event(1, "what-helps", R"("option":"adult")")) == 200);
      REQUIRE(post(st, answer_event(2, "how-sure", R"("value":4)")) == 200);
    } else {
      REQUIRE(post(st, skip_event(1, "what-helps", "how-sure")) == 200);
      REQUIRE(post(st, skip_event(2, "how-sure", "monday")) == 200);
    }
  }
  nlohmann::json sum = http.get(base + "/summary", srv.token()).json();
  nlohmann::json opt = reflection(sum, "what-helps");
  CHECK(opt["skipped"]["count"] == 5);
  CHECK(opt["total"]["count"] == 9);
  for (const auto& c : opt["cells"]) CHECK(c["id"] != "[skipped]");  // never one of the answers
  nlohmann::json scale = reflection(sum, "how-sure");
  CHECK(scale["n"]["count"] == 4);
  CHECK(scale["mean"] == 4.0);
  CHECK(scale["skipped"]["count"] == 5);

  const std::string csv = http.get(base + "/export?format=csv", srv.token()).body;
  CHECK(csv.find("reflection_skipped,feature-tour,what-helps,") != std::string::npos);
  CHECK(csv.find(",skipped,,5,count,") != std::string::npos);

  // Three skippers go back and answer the scale: their skips become answers.
  for (int i = 4; i < 7; ++i)
    REQUIRE(post(*class_[static_cast<std::size_t>(i)],
                 answer_event(3, "how-sure", R"("value":2)")) == 200);
  sum = http.get(base + "/summary", srv.token()).json();
  scale = reflection(sum, "how-sure");
  CHECK(scale["n"]["count"] == 7);
  CHECK(scale["mean"] == doctest::Approx((4 * 4 + 3 * 2) / 7.0).epsilon(0.01));
  CHECK(scale["skipped"]["count"].is_null());  // 2 skipped: fewer than k, and not derivable
  CHECK(scale["skipped"]["shown"] == "fewer_than_k");
}

TEST_CASE("in a small class, a few skips hide neither the answers nor the mean") {
  TempDir dir;
  TestServer srv(dir.path());
  Http http = srv.http();
  const auto s =
      srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}, {"k", 5}});
  const std::string base = "/api/v1/teacher/sessions/" + s["id"].get<std::string>();
  // 6 answer each question, 1 skips each.
  for (int i = 0; i < 7; ++i) {
    SimStudent st(srv.port(), static_cast<std::uint64_t>(60 + i));
    REQUIRE(st.join(s["code"]) == 200);
    const std::string e =
        i < 6 ? answer_event(1, "how-sure", R"("value":5)") + "," +
                    answer_event(2, "what-helps", R"("option":"adult")")
              : skip_event(1, "how-sure", "monday") + "," + skip_event(2, "what-helps", "how-sure");
    REQUIRE(http.post("/api/v1/student/events", "{\"events\":[" + e + "]}", st.token()).status ==
            200);
  }
  const nlohmann::json sum = http.get(base + "/summary", srv.token()).json();
  const nlohmann::json scale = reflection(sum, "how-sure");
  CHECK(scale["n"]["count"] == 6);
  CHECK(scale["mean"] == 5.0);
  CHECK(scale["skipped"]["count"].is_null());
  CHECK(scale["skipped"]["shown"] == "fewer_than_k");
  // The options row publishes its total: the one skip must not follow from it.
  const nlohmann::json opt = reflection(sum, "what-helps");
  CHECK(opt["skipped"]["count"].is_null());
  std::int64_t shown_sum = 0;
  bool any_hidden = false;
  for (const auto& c : opt["cells"]) {
    if (c["count"].is_number())
      shown_sum += c["count"].get<std::int64_t>();
    else
      any_hidden = true;
  }
  if (opt["total"]["count"].is_number())
    CHECK((any_hidden || opt["total"]["count"].get<std::int64_t>() - shown_sum >= 5 ||
           opt["total"]["count"].get<std::int64_t>() - shown_sum == 0));
}

}  // namespace upstander::test
