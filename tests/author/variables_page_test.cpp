// The variables page model: each variable's uses, adding one, renaming it with every
// reference updated, deleting it only when nothing uses it, each as one undo step.
#include <doctest/doctest.h>

#include "author_test_support.hpp"
#include "upstander/author/document.hpp"
#include "upstander/author/variables_page.hpp"

using namespace upstander;
using namespace upstander::author;
using K = VariableUse::Kind;

namespace {

struct OpenTour {
  test::ScratchDir dir{"variables-page"};
  std::unique_ptr<Document> doc;

  OpenTour() {
    const std::string copy = dir.file("tour.json");
    test::write_text(copy,
                     test::read_text(test::source_path("content/scenarios/feature-tour.json")));
    AutosaveSettings a;
    a.data_dir = dir.file("data");
    a.interval = std::chrono::milliseconds(0);
    OpenResult r = Document::open(copy, a);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    doc = std::move(r->document);
  }
};

const VariableRow* row(const std::vector<VariableRow>& page, const std::string& id) {
  for (const auto& r : page) {
    if (r.variable.id == id) return &r;
  }
  return nullptr;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("the variables page lists every place a variable is read or changed") {
  OpenTour t;
  const std::vector<VariableRow> page = variables_page(t.doc->scenario());
  REQUIRE(page.size() == 3);
  CHECK(page[0].variable.id == "spread");
  const VariableRow* spread = row(page, "spread");
  CHECK(spread->uses == std::vector<VariableUse>{{K::NodeEffect, "edited", "", -1},
                                                 {K::ChoiceEffect, "edited", "forward", -1},
                                                 {K::Ripple, "ripple", "", -1},
                                                 {K::Ripple, "ripple-stopped", "", -1},
                                                 {K::RouteCondition, "monday", "", 1}});
  CHECK(spread->reads());
  CHECK_FALSE(spread->deletable());
  const VariableRow* told = row(page, "told_teacher");
  CHECK(told->uses == std::vector<VariableUse>{{K::ChoiceEffect, "edited", "tell-teacher", -1},
                                               {K::RouteCondition, "monday", "", 0}});
}

TEST_CASE("adding a variable: a free id, no uses, one undo step") {
  OpenTour t;
  const std::string before = t.doc->text();
  const std::string id = new_variable_id(t.doc->scenario(), VariableType::Counter);
  CHECK(id == "counter-1");
  REQUIRE(t.doc->apply(edit::AddVariable{id, VariableType::Counter}).ok());
  CHECK(new_variable_id(t.doc->scenario(), VariableType::Counter) == "counter-2");
  CHECK(new_variable_id(t.doc->scenario(), VariableType::Flag) == "flag-1");
  const std::vector<VariableRow> page = variables_page(t.doc->scenario());
  REQUIRE(row(page, id) != nullptr);
  CHECK(row(page, id)->deletable());
  CHECK_FALSE(row(page, id)->reads());
  CHECK(test::refusal(t.doc->apply(edit::AddVariable{"spread", VariableType::Flag})) ==
        EditError::DuplicateId);
  CHECK(test::refusal(t.doc->apply(edit::AddVariable{"Bad Id", VariableType::Flag})) ==
        EditError::BadId);
  const std::string added = t.doc->text();
  REQUIRE(t.doc->undo());
  CHECK(t.doc->text() == before);
  CHECK_FALSE(t.doc->can_undo());
  REQUIRE(t.doc->redo());
  CHECK(t.doc->text() == added);
}

TEST_CASE(
    "renaming a variable updates every condition, effect, route and ripple, as one undo step") {
  OpenTour t;
  const std::string before = t.doc->text();
  const std::size_t uses_before = row(variables_page(t.doc->scenario()), "spread")->uses.size();
  REQUIRE(t.doc->apply(edit::RenameVariable{"spread", "reach"}).ok());
  const std::vector<VariableRow> page = variables_page(t.doc->scenario());
  CHECK(row(page, "spread") == nullptr);
  REQUIRE(row(page, "reach") != nullptr);
  CHECK(row(page, "reach")->uses.size() == uses_before);
  CHECK(t.doc->text().find("\"spread\"") == std::string::npos);
  CHECK(count(t.doc->text(), "\"reach\"") == count(before, "\"spread\""));
  CHECK(t.doc->diagnostics().errors == 0);  // nothing left pointing at the old id
  // Refused renames change nothing and leave no step to undo.
  CHECK(test::refusal(t.doc->apply(edit::RenameVariable{"reach", "spoke_up"})) ==
        EditError::DuplicateId);
  CHECK(test::refusal(t.doc->apply(edit::RenameVariable{"reach", "Reach!"})) == EditError::BadId);
  CHECK(test::refusal(t.doc->apply(edit::RenameVariable{"nobody", "x"})) ==
        EditError::UnknownVariable);
  const std::string renamed = t.doc->text();
  REQUIRE(t.doc->undo());
  CHECK(t.doc->text() == before);
  CHECK_FALSE(t.doc->can_undo());
  REQUIRE(t.doc->redo());
  CHECK(t.doc->text() == renamed);
}

TEST_CASE(
    "a variable in use cannot be deleted; once its uses are gone it can, and undo brings it back") {
  OpenTour t;
  const std::string before = t.doc->text();
  const EditResult refused = t.doc->apply(edit::RemoveVariable{"told_teacher"});
  REQUIRE(test::refusal(refused) == EditError::InUse);
  CHECK(refused.error().detail == "edited");  // the first node that uses it, as the page lists
  CHECK(t.doc->text() == before);
  CHECK_FALSE(t.doc->can_undo());

  // Remove its two uses: the choice's effect and the route step that reads it.
  REQUIRE(t.doc->apply(edit::SetChoiceEffects{"edited", "tell-teacher", {}}).ok());
  std::vector<Route> route;
  for (const auto& n : t.doc->scenario().nodes) {
    if (n.id == "monday") route = n.route;
  }
  REQUIRE(route.size() == 3);
  REQUIRE(route[0].condition);
  route[0].condition =
      route[0].condition->children[0];  // {"any": [spoke_up, told_teacher]} -> spoke_up
  REQUIRE(t.doc->apply(edit::SetRoute{"monday", route}).ok());
  CHECK(row(variables_page(t.doc->scenario()), "told_teacher")->deletable());
  const std::string unused = t.doc->text();
  REQUIRE(t.doc->apply(edit::RemoveVariable{"told_teacher"}).ok());
  CHECK(row(variables_page(t.doc->scenario()), "told_teacher") == nullptr);
  CHECK(t.doc->text().find("told_teacher") == std::string::npos);
  REQUIRE(t.doc->undo());
  CHECK(t.doc->text() == unused);
  REQUIRE(t.doc->undo());
  REQUIRE(t.doc->undo());
  CHECK(t.doc->text() == before);
}
