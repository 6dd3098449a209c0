// The small parts under the loader: conditions, effects, UTF-8, suggestions, placeholders,
// help lookup.
#include <doctest/doctest.h>

#include "upstander/condition.hpp"
#include "upstander/effect.hpp"
#include "upstander/help_directory.hpp"
#include "upstander/locale_strings.hpp"
#include "upstander/scenario.hpp"
#include "upstander/suggest.hpp"
#include "upstander/utf8.hpp"

using namespace upstander;

namespace {

Condition flag(int index) {
  Condition c;
  c.kind = Condition::Kind::Flag;
  c.var.index = index;
  return c;
}

Condition compare(int index, CompareOp op, std::int64_t value) {
  Condition c;
  c.kind = Condition::Kind::Compare;
  c.var.index = index;
  c.op = op;
  c.value = value;
  return c;
}

Condition combine(Condition::Kind kind, std::vector<Condition> children) {
  Condition c;
  c.kind = kind;
  c.children = std::move(children);
  return c;
}

}  // namespace

TEST_CASE("conditions evaluate flags, comparisons and their combinations") {
  const std::vector<std::int64_t> vars = {1, 0, 30};
  CHECK(evaluate(flag(0), vars));
  CHECK_FALSE(evaluate(flag(1), vars));
  CHECK(evaluate(compare(2, CompareOp::Ge, 30), vars));
  CHECK_FALSE(evaluate(compare(2, CompareOp::Gt, 30), vars));
  CHECK(evaluate(compare(2, CompareOp::Lt, 31), vars));
  CHECK(evaluate(compare(2, CompareOp::Le, 30), vars));
  CHECK(evaluate(compare(2, CompareOp::Ne, 29), vars));
  CHECK(evaluate(compare(2, CompareOp::Eq, 30), vars));
  CHECK(evaluate(combine(Condition::Kind::Not, {flag(1)}), vars));
  CHECK(evaluate(combine(Condition::Kind::All, {flag(0), compare(2, CompareOp::Eq, 30)}), vars));
  CHECK_FALSE(evaluate(combine(Condition::Kind::All, {flag(0), flag(1)}), vars));
  CHECK(evaluate(combine(Condition::Kind::Any, {flag(1), flag(0)}), vars));
  CHECK_FALSE(evaluate(combine(Condition::Kind::Any, {flag(1)}), vars));
}

TEST_CASE("effects set flags, add to counters, clamp and saturate") {
  std::vector<Variable> decls(3);
  decls[0].type = VariableType::Flag;
  decls[1].type = VariableType::Counter;
  decls[1].min = 0;
  decls[1].max = 100;
  decls[2].type = VariableType::Counter;
  std::vector<std::int64_t> vars = {0, 90, INT64_MAX - 1};
  auto effect = [](Effect::Kind k, int index, std::int64_t value) {
    Effect e;
    e.kind = k;
    e.var.index = index;
    e.value = value;
    return e;
  };
  const std::vector<Effect> effects = {effect(Effect::Kind::Set, 0, 7),
                                       effect(Effect::Kind::Add, 1, 30),
                                       effect(Effect::Kind::Add, 2, 10)};
  apply_effects(effects, decls, vars);
  CHECK(vars[0] == 1);  // any non-zero sets a flag
  CHECK(vars[1] == 100);
  CHECK(vars[2] == INT64_MAX);
  apply_effects(std::vector<Effect>{effect(Effect::Kind::Add, 1, -500)}, decls, vars);
  CHECK(vars[1] == 0);
}

TEST_CASE("UTF-8 validation rejects overlongs, surrogates and stray bytes") {
  CHECK(utf8::is_valid("plain"));
  CHECK(utf8::is_valid("한국어 😀"));
  CHECK_FALSE(utf8::is_valid("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(utf8::is_valid("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(utf8::is_valid("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(utf8::is_valid("ab\x80"));
  CHECK_FALSE(utf8::is_valid("\xE2\x82"));  // truncated
  CHECK(utf8::invalid_offsets("a\x80"
                              "b\xFF",
                              10) == std::vector<std::size_t>{1, 3});
  CHECK(utf8::count_code_points("한국어") == 3);
  CHECK(utf8::display_width("한") == 2);
  CHECK(utf8::display_width("a") == 1);
  std::string s;
  utf8::append(s, 0xD55C);
  CHECK(s == "한");
}

TEST_CASE("suggestions catch likely typos and stay quiet otherwise") {
  const std::vector<std::string> keys = {"text", "next", "choices", "time"};
  CHECK(closest_match("txet", keys) == "text");
  CHECK(closest_match("chioces", keys) == "choices");
  CHECK(closest_match("Text", keys) == "text");
  CHECK(closest_match("banana", keys).empty());
  CHECK(did_you_mean("nxet", keys) == " (did you mean \"next\"?)");
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(join_list({"a", "b", "c"}) == "a, b or c");
}

TEST_CASE("placeholders are found, compared and filled") {
  CHECK(placeholders_of("{count} of {total}") == std::vector<std::string>{"count", "total"});
  CHECK(fill_placeholders("{count} waiting", {{"count", "3"}}) == "3 waiting");
  CHECK(fill_placeholders("{missing} stays", {}) == "{missing} stays");
}

TEST_CASE("help falls back to the international list and ranks by topic") {
  HelpDirectory d;
  HelpCountry kr;
  kr.code = "KR";
  HelpResource a, b;
  a.id = "a";
  a.topics = {HelpTopic::Police};
  b.id = "b";
  b.topics = {HelpTopic::Takedown};
  kr.resources = {a, b};
  HelpCountry intl;
  intl.code = "INT";
  d.countries = {kr, intl};
  CHECK(d.for_country("KR")->code == "KR");
  CHECK(d.for_country("FR")->code == "INT");
  const auto ranked = d.ranked(*d.for_country("KR"), {HelpTopic::Takedown});
  CHECK(ranked[0]->id == "b");
  CHECK(ranked[1]->id == "a");
}
