// The position-aware parser: every value and key knows where it starts.
#include <doctest/doctest.h>

#include "upstander/json_parser.hpp"

using namespace upstander;

namespace {

JsonValue parse_ok(const std::string& text) {
  SourceText src("t.json", text);
  Diagnostics d;
  auto v = parse_json(src, d);
  REQUIRE_MESSAGE(v.has_value(), (d.empty() ? "" : d.all()[0].message));
  return std::move(*v);
}

}  // namespace

TEST_CASE("offsets point at the first character of each value and key") {
  const std::string text =
      R"({"a": "x\"y\\", "bb": [1, -2.5e3, true, null, {"c": "\u00e9"}], "d": false})";
  const JsonValue v = parse_ok(text);
  CHECK(v.offset() == 0);
  const auto& m = v.members();
  REQUIRE(m.size() == 3);
  CHECK(text.substr(m[0].key_offset, 3) == "\"a\"");
  CHECK(text.substr(m[0].value.offset(), 3) == "\"x\\");
  CHECK(m[0].value.as_string() == "x\"y\\");
  CHECK(text.substr(m[1].key_offset, 4) == "\"bb\"");
  const auto& items = m[1].value.items();
  CHECK(text[m[1].value.offset()] == '[');
  CHECK(text.substr(items[0].offset(), 1) == "1");
  CHECK(text.substr(items[1].offset(), 6) == "-2.5e3");
  CHECK(items[1].as_double() == -2500.0);
  CHECK(text.substr(items[2].offset(), 4) == "true");
  CHECK(text.substr(items[3].offset(), 4) == "null");
  CHECK(text[items[4].offset()] == '{');
  CHECK(items[4].members()[0].value.as_string() == "\xC3\xA9");
  CHECK(text.substr(m[2].value.offset(), 5) == "false");
}

TEST_CASE("a number at the very end of the text has the right offset") {
  const JsonValue v = parse_ok("  42");
  CHECK(v.offset() == 2);
  CHECK(v.as_int() == 42);
}

TEST_CASE("an escaped quote right before the closing quote does not confuse the offset") {
  const std::string text = "[\"\\\\\", \"\\\"\"]";
  const JsonValue v = parse_ok(text);
  CHECK(v.items()[0].offset() == 1);
  CHECK(v.items()[0].as_string() == "\\");
  CHECK(v.items()[1].offset() == 7);
  CHECK(v.items()[1].as_string() == "\"");
}

TEST_CASE("columns count code points, so a caret lines up under Korean text") {
  const std::string text = "{\n  \"ko\": \"안녕\", \"x\": 1\n}";
  const JsonValue v = parse_ok(text);
  SourceText src("t.json", text);
  const LineColumn x = src.locate(v.members()[1].key_offset);
  CHECK(x.line == 2);
  CHECK(x.column == 15);
  CHECK(src.line_text(2) == "  \"ko\": \"안녕\", \"x\": 1");
}

TEST_CASE("big unsigned numbers become floats instead of wrapping") {
  const JsonValue v = parse_ok("[18446744073709551615, 9223372036854775807]");
  CHECK(v.items()[0].is(JsonType::Float));
  CHECK(v.items()[1].is(JsonType::Integer));
  CHECK(v.items()[1].as_int() == INT64_MAX);
}

TEST_CASE("duplicate keys are kept so the reader can report them") {
  const JsonValue v = parse_ok(R"({"a": 1, "a": 2})");
  CHECK(v.members().size() == 2);
}

TEST_CASE("syntax errors say where, what was found and what should be there") {
  SourceText src("t.json", "{\"a\": 1,\n}");
  Diagnostics d;
  CHECK_FALSE(parse_json(src, d).has_value());
  REQUIRE(d.error_count() == 1);
  CHECK(d.all()[0].line == 2);
  CHECK(d.all()[0].column == 1);
  CHECK(d.all()[0].message ==
        "this is not valid JSON: found '}' where a key in double quotes should be");
  CHECK(d.all()[0].fix.find("remove the comma") == 0);
}

TEST_CASE("an unclosed object is reported at the end of the file") {
  SourceText src("t.json", "{\"a\": [1, 2]");
  Diagnostics d;
  CHECK_FALSE(parse_json(src, d).has_value());
  REQUIRE(d.error_count() == 1);
  CHECK(d.all()[0].message == "the file ends before the JSON is complete");
}
