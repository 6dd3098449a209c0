// upstander::Result, the one result type (issue 17): values, errors, and misuse that fails
// loudly even in a release build (CI's tests run with NDEBUG).
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "upstander/result.hpp"

using namespace upstander;

namespace {

enum class DemoCode { First, Second };
using DemoFailure = Error<DemoCode>;

Result<int, DemoFailure> parse_digit(char c) {
  if (c < '0' || c > '9') return fail(DemoFailure{DemoCode::Second, std::string(1, c)});
  return c - '0';
}

Result<void, DemoFailure> check(bool good) {
  if (!good) return fail(DemoFailure{DemoCode::Second, "bad"});
  return {};
}

}  // namespace

TEST_CASE("a Result holds either the value or the error") {
  const auto seven = parse_digit('7');
  REQUIRE(seven.ok());
  CHECK(*seven == 7);
  CHECK(seven.value_or(0) == 7);

  const auto x = parse_digit('x');
  REQUIRE_FALSE(x.ok());
  CHECK(x.error().code == DemoCode::Second);
  CHECK(x.error().message == "x");
  CHECK(x.value_or(-1) == -1);
}

TEST_CASE("a string value and a string error are told apart") {
  Result<std::string, std::string> value = std::string("text");
  Result<std::string, std::string> error = fail(std::string("why"));
  CHECK(value.ok());
  CHECK(*value == "text");
  CHECK_FALSE(error.ok());
  CHECK(error.error() == "why");
}

TEST_CASE("asking a success for its error throws instead of returning a default error") {
  // A default DemoFailure has code First, so a silent default would make
  // `r.error().code == DemoCode::First` pass on a success.
  const auto good = check(true);
  REQUIRE(good.ok());
  CHECK_THROWS_AS((void)good.error(), std::logic_error);
  CHECK_THROWS_AS((void)parse_digit('3').error(), std::logic_error);

  const auto bad = check(false);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == DemoCode::Second);
}
