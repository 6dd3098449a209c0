// The condition builder: only operators and values that fit the variable's type, and/or
// groups, and whatever sequence of moves the author makes, a condition the editor accepts.
#include <doctest/doctest.h>

#include <random>

#include "author_test_support.hpp"
#include "upstander/author/condition_builder.hpp"
#include "upstander/author/document.hpp"
#include "upstander/canonical_json.hpp"

using namespace upstander;
using namespace upstander::author;
using BK = BuiltCondition::Kind;

namespace {

Scenario builder_tour() {
  return test::load_scenario(test::source_path("content/scenarios/feature-tour.json"));
}

const Route& builder_route_step(const Scenario& s, const std::string& node, std::size_t i) {
  const Node* n = s.find_node(node);
  REQUIRE(n != nullptr);
  REQUIRE(i < n->route.size());
  return n->route[i];
}

std::string condition_json(const Condition& c) {
  // Compared through a choice's JSON, the form the file holds.
  Scenario s;
  Node n;
  n.id = "x";
  n.body = NarrationBody{};
  n.choices.push_back(Choice{"c", {}, IdRef{"x", {}, -1}, c, {}, {}});
  s.nodes.push_back(n);
  return to_json(s)["nodes"][0]["choices"][0]["if"].dump();
}

}  // namespace

TEST_CASE("a row offers the operators of its variable's type, and refuses the others") {
  const Scenario s = builder_tour();
  CHECK(ops_for(VariableType::Flag) == std::vector<TermOp>{TermOp::IsOn, TermOp::IsOff});
  CHECK(ops_for(VariableType::Counter).size() == 6);
  auto row = first_term(s);
  REQUIRE(row.has_value());
  CHECK(row->variable == "spread");  // the first declared, a counter
  CHECK(row->op == TermOp::Ge);
  CHECK_FALSE(set_op(*row, s, TermOp::IsOn));
  CHECK(set_value(*row, s, 50));
  CHECK_FALSE(set_value(*row, s, 2'000'000'000));
  CHECK(row->value == 50);
  // Picking a flag starts the row over with a flag's operator; a counter value has no place.
  CHECK(set_variable(*row, s, "spoke_up"));
  CHECK(row->op == TermOp::IsOn);
  CHECK_FALSE(set_value(*row, s, 3));
  CHECK_FALSE(set_op(*row, s, TermOp::Ge));
  CHECK(set_op(*row, s, TermOp::IsOff));
  // Another flag keeps "is off".
  CHECK(set_variable(*row, s, "told_teacher"));
  CHECK(row->op == TermOp::IsOff);
  CHECK_FALSE(set_variable(*row, s, "no-such-variable"));
  CHECK(condition_json(to_condition(*row)) == R"({"not":{"flag":"told_teacher"}})");

  Scenario none = s;
  none.variables.clear();
  CHECK_FALSE(first_term(none).has_value());
}

TEST_CASE("the tour's Monday route, built with the builder's moves, is the condition in the file") {
  const Scenario s = builder_tour();
  // "any of: spoke_up is on, told_teacher is on"
  BuiltCondition b = *first_term(s);
  REQUIRE(set_variable(b, s, "spoke_up"));
  REQUIRE(add_term(b, {}, s));  // the row grows into "all of" two rows
  CHECK(b.kind == BK::All);
  REQUIRE(set_variable(*at(b, {1}), s, "told_teacher"));
  b.kind = BK::Any;
  CHECK(condition_json(to_condition(b)) ==
        condition_json(*builder_route_step(s, "monday", 0).condition));
  // "spread >= 50"
  BuiltCondition c = *first_term(s);
  REQUIRE(set_value(c, s, 50));
  CHECK(condition_json(to_condition(c)) ==
        condition_json(*builder_route_step(s, "monday", 1).condition));
  // And the file's conditions read back into the builder unchanged.
  for (std::size_t i = 0; i < 2; ++i) {
    const Condition& file = *builder_route_step(s, "monday", i).condition;
    const auto read = from_condition(file, s);
    REQUIRE(read.has_value());
    CHECK(condition_json(to_condition(*read)) == condition_json(file));
  }
}

TEST_CASE("groups nest, negate, and an emptied group goes") {
  const Scenario s = builder_tour();
  BuiltCondition b = *first_term(s);
  REQUIRE(add_term(b, {}, s));
  REQUIRE(add_group(b, {}, BK::Any, s));
  REQUIRE(add_term(b, {2}, s));
  CHECK(b.children.size() == 3);
  CHECK(b.children[2].children.size() == 2);
  CHECK_FALSE(add_group(b, {0}, BK::All, s));  // a row is not a group
  at(b, {2})->negated = true;                  // "none of"
  const Condition c = to_condition(b);
  CHECK(c.children[2].kind == Condition::Kind::Not);
  CHECK(c.children[2].children[0].kind == Condition::Kind::Any);
  // Removing both rows of the inner group removes the group.
  REQUIRE(remove_at(b, {2, 1}));
  REQUIRE(remove_at(b, {2, 0}));
  CHECK(b.children.size() == 2);
  CHECK_FALSE(remove_at(b, {}));  // the root goes by removing the condition itself
  // A "not" around a comparison and around a group read back as written; a double "not"
  // is left to the file.
  Condition cmp;
  cmp.kind = Condition::Kind::Compare;
  cmp.var.id = "spread";
  cmp.op = CompareOp::Lt;
  cmp.value = 3;
  Condition not_cmp;
  not_cmp.kind = Condition::Kind::Not;
  not_cmp.children = {cmp};
  const auto read = from_condition(not_cmp, s);
  REQUIRE(read.has_value());
  CHECK(condition_json(to_condition(*read)) == condition_json(not_cmp));
  Condition twice;
  twice.kind = Condition::Kind::Not;
  twice.children = {not_cmp};
  CHECK_FALSE(from_condition(twice, s).has_value());
  Condition unknown = cmp;
  unknown.var.id = "gone";
  CHECK_FALSE(from_condition(unknown, s).has_value());
}

TEST_CASE("whatever the author does in the builder, the editor accepts the condition") {
  test::ScratchDir dir("condition-builder-random");
  const std::string copy = dir.file("tour.json");
  test::write_text(copy, test::read_text(test::source_path("content/scenarios/feature-tour.json")));
  AutosaveSettings a;
  a.data_dir = dir.file("data");
  a.interval = std::chrono::hours(1);
  OpenResult opened = Document::open(copy, a);
  REQUIRE(opened.ok());
  Document& doc = *opened->document;
  const Scenario& s = doc.scenario();
  std::mt19937 rng(18);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  BuiltCondition b = *first_term(s);
  for (int move = 0; move < 400; ++move) {
    // A path to some item of the tree.
    std::vector<std::size_t> path;
    for (BuiltCondition* at_now = &b; !at_now->children.empty() && pick(3) != 0;) {
      path.push_back(pick(at_now->children.size()));
      at_now = &at_now->children[path.back()];
    }
    BuiltCondition* item = at(b, path);
    REQUIRE(item != nullptr);
    const TermOp any_op = static_cast<TermOp>(pick(8));
    switch (pick(7)) {
      case 0: set_variable(*item, s, s.variables[pick(s.variables.size())].id); break;
      case 1: set_op(*item, s, any_op); break;
      case 2: set_value(*item, s, static_cast<std::int64_t>(pick(200)) - 100); break;
      case 3:
        if (path.size() < 4) add_term(b, path, s);
        break;
      case 4:
        if (path.size() < 4) add_group(b, path, pick(2) ? BK::All : BK::Any, s);
        break;
      case 5:
        if (!remove_at(b, path)) b = *first_term(s);
        break;
      case 6:
        if (item->kind != BK::Term)
          item->kind = pick(2) ? BK::All : BK::Any, item->negated = pick(2) != 0;
        break;
    }
    const EditResult r = doc.apply(edit::SetChoiceCondition{"edited", "speak-up", to_condition(b)});
    INFO("move " << move);
    REQUIRE((r.ok() || test::refusal(r) == EditError::NoChange));
    // And it reads back as the same builder state.
    const auto back = from_condition(to_condition(b), s);
    REQUIRE(back.has_value());
    CHECK(*back == b);
  }
  doc.discard_changes();
}
