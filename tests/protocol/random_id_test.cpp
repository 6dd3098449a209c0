// Random ids: bounded retries, an error instead of a hang or an abort, and the id format the
// server accepts.
#include <doctest/doctest.h>

#include <set>

#include "upstander/protocol/random_id.hpp"

using namespace upstander::protocol;

namespace {

int g_calls = 0;
int g_fail_first = 0;

bool never(void*, std::size_t) {
  ++g_calls;
  return false;
}

// Fails g_fail_first times, then gives 0xab bytes.
bool late(void* out, std::size_t n) {
  ++g_calls;
  if (g_calls <= g_fail_first) return false;
  auto* p = static_cast<unsigned char*>(out);
  for (std::size_t i = 0; i < n; ++i) p[i] = 0xab;
  return true;
}

}  // namespace

TEST_CASE("a generator that keeps refusing gives an error after kRandomTries, not a hang") {
  g_calls = 0;
  CHECK_FALSE(random_event_id(never).has_value());
  CHECK(g_calls == kRandomTries);
  g_calls = 0;
  CHECK_FALSE(random_below(30, never).has_value());
  CHECK(g_calls == kRandomTries);
  CHECK_FALSE(random_seed(never).has_value());
  CHECK_FALSE(random_hex(32, never).has_value());
}

TEST_CASE("a generator that refuses a few times and then answers gives an id") {
  g_calls = 0;
  g_fail_first = kRandomTries - 1;
  const auto id = random_event_id(late);
  REQUIRE(id.has_value());
  CHECK(*id == "abababababababababababababababab");
  CHECK(g_calls == kRandomTries);
}

TEST_CASE("event ids are 32 lowercase hex digits that the server accepts, and differ") {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const auto id = random_event_id();
    REQUIRE(id.has_value());
    CHECK(id->size() == 32);
    CHECK(is_event_id(*id));
    seen.insert(*id);
  }
  CHECK(seen.size() == 100);
  CHECK_FALSE(is_event_id("ABCDEF0123456789"));    // upper case
  CHECK_FALSE(is_event_id("0123456789abcde"));     // 15 digits
  CHECK(is_event_id("0123456789abcdef"));          // 16
  CHECK_FALSE(is_event_id(std::string(33, 'a')));  // 33
}

TEST_CASE("random_below stays below its bound") {
  for (int i = 0; i < 1000; ++i) {
    const auto v = random_below(7);
    REQUIRE(v.has_value());
    CHECK(*v < 7u);
  }
}
