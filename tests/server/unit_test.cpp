// The small pieces: join codes, addresses, Host/Origin checks, the router, the limiter.
#include <doctest/doctest.h>

#include <set>

#include "api_router.hpp"
#include "join_code.hpp"
#include "rate_limiter.hpp"
#include "request_guard.hpp"
#include "strict_json.hpp"

using namespace upstander::server;

TEST_CASE("join codes use 30 symbols that cannot be confused") {
  CHECK(kJoinCodeAlphabet.size() == 30);
  for (char c : std::string("01OILU")) CHECK(kJoinCodeAlphabet.find(c) == std::string_view::npos);
  std::set<std::string> codes;
  for (int i = 0; i < 2000; ++i) {
    const std::string c = make_join_code().value();
    CHECK(c.size() == 6);
    CHECK(normalize_join_code(c) == c);
    codes.insert(c);
  }
  CHECK(codes.size() > 1990);  // 729 million possibilities: repeats are rare
  CHECK(normalize_join_code(" k7m-2qx ") == std::optional<std::string>("K7M2QX"));
  CHECK_FALSE(normalize_join_code("K7M2Q"));
  CHECK_FALSE(normalize_join_code("K7M2QO"));
  CHECK_FALSE(normalize_join_code("K7M2QX9"));
}

TEST_CASE("Host and Origin checks") {
  RequestGuard g({"Teacher-Laptop.local"}, {"http://dashboard.school"});
  CHECK(g.host_allowed("127.0.0.1:8080"));
  CHECK(g.host_allowed("192.168.0.12"));
  CHECK(g.host_allowed("[::1]:8080"));
  CHECK(g.host_allowed("localhost:8080"));
  CHECK(g.host_allowed("teacher-laptop.local:8080"));
  CHECK_FALSE(g.host_allowed("evil.example"));
  CHECK_FALSE(g.host_allowed(""));
  CHECK_FALSE(g.host_allowed("127.0.0.1:80x"));
  CHECK_FALSE(g.host_allowed("127.0.0.1.evil.example"));
  CHECK(g.origin_allowed("", "127.0.0.1:8080"));
  CHECK(g.origin_allowed("http://127.0.0.1:8080", "127.0.0.1:8080"));
  CHECK(g.origin_allowed("http://dashboard.school", "127.0.0.1:8080"));
  CHECK_FALSE(g.origin_allowed("http://evil.example", "127.0.0.1:8080"));
  CHECK_FALSE(g.origin_allowed("null", "127.0.0.1:8080"));
}

TEST_CASE("addresses: loopback and IPv4-mapped forms") {
  CHECK(is_loopback_address("127.0.0.1"));
  CHECK(is_loopback_address("::ffff:127.0.0.1"));
  CHECK(is_loopback_address("::1"));
  CHECK_FALSE(is_loopback_address("10.0.0.5"));
  CHECK_FALSE(is_loopback_address("::ffff:10.0.0.5"));
  CHECK(canonical_address("::ffff:10.0.0.5") == "10.0.0.5");
}

TEST_CASE("the per-address bucket refills at its rate and forgets nobody within its window") {
  AddressRateLimiter l(2.0, 4.0, 64);
  int retry = 0;
  for (int i = 0; i < 4; ++i) CHECK(l.allow("10.0.0.1", 100.0, retry));
  CHECK_FALSE(l.allow("10.0.0.1", 100.0, retry));
  CHECK(retry == 1);
  CHECK(l.allow("10.0.0.2", 100.0, retry));  // another address is not affected
  CHECK(l.allow("10.0.0.1", 100.5, retry));  // one token back after half a second
  // Many addresses: the table stays bounded and keeps working.
  for (int i = 0; i < 5000; ++i)
    l.allow("10.1." + std::to_string(i / 250) + "." + std::to_string(i % 250), 101.0, retry);
  CHECK(l.allow("10.9.9.9", 101.0, retry));
}

TEST_CASE("the router tells 404 from 405 and fills path parameters") {
  ApiRouter r;
  r.add("GET", "/api/v1/teacher/sessions/{}", Caller::Teacher, 10, [](ApiRequest& q) {
    return json_response(200, nlohmann::json{{"id", q.path_params.at(0)}});
  });
  r.add("POST", "/api/v1/boom", Caller::Anyone, 10,
        [](ApiRequest&) -> ApiResponse { throw std::runtime_error("bug"); });
  auto allow = [](const upstander::server::Route&, ApiRequest&) {
    return std::optional<ApiResponse>();
  };
  ApiRequest q;
  q.method = "GET";
  q.path = "/api/v1/teacher/sessions/abc";
  CHECK(r.dispatch(q, allow).body == R"({"id":"abc"})");
  q.method = "DELETE";
  CHECK(r.dispatch(q, allow).status == 405);
  q.path = "/api/v1/teacher/sessions/abc/x";
  CHECK(r.dispatch(q, allow).status == 404);
  ApiRequest boom;
  boom.method = "POST";
  boom.path = "/api/v1/boom";
  const ApiResponse crashed = r.dispatch(boom, allow);
  CHECK(crashed.status == 500);
  CHECK(crashed.body.find("\"internal\"") != std::string::npos);
  CHECK(r.body_limit("GET", "/api/v1/teacher/sessions/x") == 10);
  CHECK(r.body_limit("GET", "/nothing") == 0);
}

TEST_CASE("strict JSON: numbers, nesting and keys") {
  CHECK(parse_object(R"({"a":1})").ok());
  const auto duplicate = parse_object(R"({"a":1,"a":2})");
  REQUIRE_FALSE(duplicate.ok());
  CHECK(duplicate.error().code == "duplicate_key");
  const auto deep = parse_object(R"({"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":{"i":1}}}}}}}}})");
  REQUIRE_FALSE(deep.ok());
  CHECK(deep.error().code == "too_deep");
  auto j = parse_object(R"({"n":18446744073709551615,"m":3.0,"k":"x"})");
  REQUIRE(j.ok());
  FieldReader f(*j);
  CHECK_FALSE(f.integer("n", true, 0, 100));
  const auto fe = f.finish();
  REQUIRE_FALSE(fe.ok());
  CHECK(fe.error().code == "out_of_range");
  FieldReader f2(*j);
  CHECK_FALSE(f2.integer("m", true, 0, 100));
  const auto fe2 = f2.finish();
  REQUIRE_FALSE(fe2.ok());
  CHECK(fe2.error().code == "wrong_type");
}
