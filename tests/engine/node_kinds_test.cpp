// The node kinds' table (node_kinds.hpp) is the one description of the kinds: the model's
// field bindings, the reader, the writer and the text walkers agree with it, and a field
// added to a copy of the table reaches the generated schema and FORMAT.md.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "kind_docs.hpp"
#include "kind_table_checks.hpp"
#include "test_support.hpp"
#include "upstander/node_fields.hpp"
#include "upstander/reading_length.hpp"
#include "upstander/scenario_text.hpp"

using namespace upstander;
using upstander::kind_check::ojson;
namespace kc = upstander::kind_check;

namespace {

template <typename M>
constexpr bool kIsDebrief = std::is_same_v<M, DebriefRef<DebriefLayer>>;

// The table's type for a model member's C++ type.
template <typename M>
FieldType type_of_member() {
  if constexpr (std::is_same_v<M, LocalizedText>)
    return FieldType::Text;
  else if constexpr (std::is_same_v<M, IdRef>)
    return FieldType::Ref;
  else if constexpr (std::is_same_v<M, ImageCard> || std::is_same_v<M, std::optional<ImageCard>>)
    return FieldType::Image;
  else if constexpr (std::is_same_v<M, int>)
    return FieldType::Count;
  else if constexpr (std::is_same_v<M, std::string>)
    return FieldType::Url;
  else if constexpr (std::is_same_v<M, std::vector<ChatMessage>>)
    return FieldType::Messages;
  else if constexpr (std::is_same_v<M, std::vector<ReflectionOption>>)
    return FieldType::Options;
  else if constexpr (std::is_same_v<M, std::optional<Scale>>)
    return FieldType::Scale;
  else if constexpr (std::is_same_v<M, Outcome>)
    return FieldType::Outcome;
  else if constexpr (kIsDebrief<M>)
    return FieldType::Debrief;
  else if constexpr (std::is_same_v<M, std::vector<HelpTopic>>)
    return FieldType::HelpList;
  else
    static_assert(!sizeof(M), "a member type the table has no FieldType for");
}

}  // namespace

TEST_CASE("the table lists every kind once, in NodeKind's order, under its JSON name") {
  REQUIRE(node_kinds().size() == all_names<NodeKind>().size());
  REQUIRE(node_kinds().size() == std::variant_size_v<NodeBody>);
  for (std::size_t i = 0; i < node_kinds().size(); ++i) {
    const KindSpec& k = node_kinds()[i];
    CAPTURE(k.name);
    CHECK(static_cast<std::size_t>(k.kind) == i);
    CHECK(parse_name<NodeKind>(k.name) == k.kind);
    CHECK(&kind_spec(k.kind) == &k);
    std::set<std::string_view> names;
    for (const auto& f : k.fields) {
      CHECK(names.insert(f.name).second);
      CHECK_FALSE(allows_common_field(Exits::Any, f.name));  // no body field shadows a common one
      CHECK((f.type == FieldType::Ref) == !f.refers_to.empty());
      if (f.type == FieldType::Text) CHECK(f.limit > 0);
    }
  }
}

TEST_CASE(
    "each body's field bindings name exactly the table's fields, in order, with the table's types") {
  for (const KindSpec& k : node_kinds()) {
    CAPTURE(k.name);
    NodeBody body = default_body(k.kind);
    REQUIRE(body.index() == static_cast<std::size_t>(k.kind));
    std::vector<std::pair<std::string, FieldType>> bound;
    bind_node_fields(body, [&](std::string_view name, auto& member) {
      bound.emplace_back(std::string(name),
                         type_of_member<std::remove_cvref_t<decltype(member)>>());
    });
    std::vector<std::pair<std::string, FieldType>> listed;
    for (const auto& f : k.fields) listed.emplace_back(std::string(f.name), f.type);
    CHECK(bound == listed);
  }
}

TEST_CASE("the reader reads every field of the table, and a missing required field is an error") {
  const auto gaps = kc::reader_gaps(node_kinds());
  for (const auto& g : gaps) MESSAGE(g);
  CHECK(gaps.empty());
}

TEST_CASE("the canonical writer writes every field of the table, in the table's order") {
  const auto gaps = kc::writer_gaps(node_kinds());
  for (const auto& g : gaps) MESSAGE(g);
  CHECK(gaps.empty());
}

TEST_CASE(
    "every student-readable text of a node made from the table is walked, image labels included") {
  for (const KindSpec& k : node_kinds()) {
    for (auto skip : kc::skips_for(k)) {
      CAPTURE(k.name);
      const auto l =
          kc::load_text("kinds.json", kc::sample_scenario(kc::sample_node(k, skip)).dump(2));
      REQUIRE_MESSAGE(!l.diagnostics.has_errors(), test::render(l.diagnostics));
      std::vector<std::string> walked;
      for_each_node_text(
          *l.file.scenario()->find_node("n"),
          [&](const std::string& key, const LocalizedText&) { walked.push_back(key); });
      for (const auto& f : k.fields) {
        if (f.name == skip) continue;
        CAPTURE(f.name);
        const std::string key = "/" + std::string(f.name);
        const bool found = std::any_of(walked.begin(), walked.end(), [&](const std::string& w) {
          return w == key || (f.type == FieldType::Messages && w.rfind("/message/", 0) == 0) ||
                 (f.type == FieldType::Options && w.rfind("/option/", 0) == 0) ||
                 (f.type == FieldType::Scale && w.rfind("/scale/", 0) == 0) ||
                 (f.type == FieldType::Debrief &&
                  (w == "/targeted" || w == "/around" || w == "/rules"));
        });
        const bool readable = f.type != FieldType::Ref && f.type != FieldType::Count &&
                              f.type != FieldType::Url && f.type != FieldType::Outcome &&
                              f.type != FieldType::HelpList;
        CHECK(found == readable);
      }
    }
  }
}

TEST_CASE(
    "a field added to a copy of the table reaches the schema and FORMAT.md, and the reader check catches it") {
  const std::span<const KindSpec> real = node_kinds();
  std::vector<KindSpec> kinds(real.begin(), real.end());
  std::vector<FieldSpec> narration(kinds[0].fields.begin(), kinds[0].fields.end());
  narration.push_back(FieldSpec{"mood", FieldType::Text, true, 80});
  kinds[0].fields = narration;

  const ojson defs = kind_docs::node_definitions(kinds);
  const ojson& schema = defs["node"]["oneOf"][0];
  CHECK(schema["properties"]["kind"]["const"] == "narration");
  CHECK(schema["properties"]["mood"] == ojson{{"$ref", "#/definitions/text"}});
  CHECK(std::find(schema["required"].begin(), schema["required"].end(), "mood") !=
        schema["required"].end());
  CHECK(kind_docs::node_definitions(real)["node"]["oneOf"][0]["properties"].count("mood") == 0);

  const std::string doc = kind_docs::kind_reference(kinds);
  CHECK(doc.find("| `narration` | a short line of story | `text`, `mood` |") != std::string::npos);
  const auto with_markers =
      std::string(kind_docs::kBeginMarker) + "\nold\n" + std::string(kind_docs::kEndMarker) + "\n";
  CHECK(kind_docs::format_doc(with_markers, kinds)->find("`mood`") != std::string::npos);
  CHECK_FALSE(kind_docs::format_doc("no markers", kinds).has_value());

  // The reader and writer are code; the checks against the table say what to change.
  const auto reader = kc::reader_gaps(kinds);
  REQUIRE_FALSE(reader.empty());
  CHECK(reader.front().find("narration") != std::string::npos);
  CHECK(reader.front().find("mood") != std::string::npos);
  CHECK_FALSE(kc::writer_gaps(kinds).empty());

  // A field the table calls required but the reader lets go is caught too.
  std::vector<FieldSpec> feed(kinds[2].fields.begin(), kinds[2].fields.end());
  REQUIRE(feed[3].name == "likes");
  feed[3].required = true;
  kinds[2].fields = feed;
  const auto gaps = kc::reader_gaps(kinds);
  CHECK(std::count_if(gaps.begin(), gaps.end(), [](const std::string& g) {
          return g.rfind("feed_post.likes:", 0) == 0;
        }) == 1);
}

TEST_CASE("reading length: Korean syllables and English words, punctuation not counted") {
  CHECK(reading_units("") == 0);
  CHECK(reading_units("Delete it now.") == 3);
  CHECK(reading_units("  don't\tforward\nit  ") == 3);
  CHECK(reading_units("... - ?") == 0);
  CHECK(reading_units("지금 지워 줘.") == 5);
  CHECK(reading_units("SNS에 올렸어") == 5);  // one word and four syllables
  CHECK(reading_units("21:04") == 1);
  CHECK(reading_seconds("en", "one two three") == doctest::Approx(1.0));  // 180 words a minute
  CHECK(reading_seconds("ko", "가나다라마바사아자차") ==
        doctest::Approx(1.2));  // 500 syllables a minute
}
