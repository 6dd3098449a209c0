// The editor schemas are written by hand; their word lists must match the engine's.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.hpp"
#include "upstander/vocabulary.hpp"

using namespace upstander;

namespace {

nlohmann::json schema(const std::string& name) {
  std::ifstream in(test::source_path("content/schema/" + name + ".schema.json"));
  return nlohmann::json::parse(in);
}

std::vector<std::string> strings(const nlohmann::json& j) {
  return j.get<std::vector<std::string>>();
}

}  // namespace

TEST_CASE("the scenario schema lists exactly the engine's node kinds and vocabularies") {
  const nlohmann::json s = schema("scenario");
  const auto& defs = s["definitions"];
  CHECK(strings(defs["nodeKind"]["enum"]) == all_names<NodeKind>());
  std::vector<std::string> kinds_in_one_of;
  for (const auto& n : defs["node"]["oneOf"])
    kinds_in_one_of.push_back(n["properties"]["kind"]["const"]);
  CHECK(kinds_in_one_of == all_names<NodeKind>());
  CHECK(strings(s["properties"]["learning_goals"]["items"]["enum"]) == all_names<LearningGoal>());
  CHECK(strings(defs["image"]["properties"]["icon"]["enum"]) == all_names<ImageIcon>());
  const nlohmann::json* ending_node = nullptr;
  for (const auto& n : defs["node"]["oneOf"]) {
    if (n["properties"]["kind"]["const"] == "ending") ending_node = &n;
  }
  REQUIRE(ending_node != nullptr);
  const auto& ending = (*ending_node)["properties"];
  CHECK(strings(ending["outcome"]["enum"]) == all_names<Outcome>());
  CHECK(strings(ending["help"]["items"]["enum"]) == all_names<HelpTopic>());
  CHECK(strings(s["properties"]["review"]["properties"]["status"]["enum"]) ==
        all_names<ReviewStatus>());
}

TEST_CASE("the survey and help schemas use the engine's goals and topics") {
  CHECK(strings(schema("survey")["properties"]["items"]["items"]["properties"]["goal"]["enum"]) ==
        all_names<LearningGoal>());
  CHECK(
      strings(schema("help")["definitions"]["resource"]["properties"]["topics"]["items"]["enum"]) ==
      all_names<HelpTopic>());
}
