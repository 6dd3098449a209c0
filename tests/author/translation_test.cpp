// The translator's table: export, fill in, import; stale translations after the source
// changes; errors with CSV line numbers and nothing changed on error; coverage.
#include <doctest/doctest.h>

#include "author_test_support.hpp"
#include "upstander/author/csv.hpp"
#include "upstander/author/text_slots.hpp"
#include "upstander/author/translation_table.hpp"
#include "upstander/canonical_json.hpp"
#include "upstander/diagnostic_codes.hpp"
#include "upstander/scenario_text.hpp"

using namespace upstander;
using namespace upstander::author;

namespace {

Scenario tour() {
  return test::load_scenario(test::source_path("content/scenarios/feature-tour.json"));
}

std::size_t text_count(const Scenario& s) {
  std::size_t n = 0;
  for_each_text(s, [&](const std::string&, const LocalizedText&) { ++n; });
  return n;
}

// Fills the translation column of an exported table for every row whose id passes `want`.
std::string fill(
    const std::string& csv,
    const std::function<std::string(const std::string&, const std::string&)>& translate) {
  CsvTable t = parse_csv(csv);
  std::string out(kUtf8Bom);
  out += csv_record(t.records[0].fields);
  for (std::size_t i = 1; i < t.records.size(); ++i) {
    auto f = t.records[i].fields;
    f[2] = translate(f[0], f[1]);
    out += csv_record(f);
  }
  return out;
}

Diagnostics check(const Scenario& s) {
  Diagnostics d;
  load_content_text("s.json", write_canonical(to_json(s)), d);
  return d;
}

bool has_code(const Diagnostics& d, std::string_view code) {
  for (const auto& x : d.all()) {
    if (x.code == code) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the export lists every text with its status, as UTF-8 with a byte-order mark") {
  const Scenario s = tour();
  const std::string csv = write_translation_csv(s, "ko", "en");
  REQUIRE(csv.rfind(std::string(kUtf8Bom), 0) == 0);
  const CsvTable t = parse_csv(csv);
  CHECK(t.problems.empty());
  REQUIRE(t.records.size() == text_count(s) + 1);
  CHECK(t.records[0].fields ==
        std::vector<std::string>{"id", "source (ko)", "translation (en)", "status"});
  CHECK(t.records[1].fields[0] == "title");
  CHECK(t.records[1].fields[1] == *s.title.find("ko"));
  CHECK(t.records[1].fields[2] == *s.title.find("en"));
  for (std::size_t i = 1; i < t.records.size(); ++i) CHECK(t.records[i].fields[3] == "translated");
}

TEST_CASE("a new language: export, translate part of it, import; coverage and check agree") {
  Scenario s = tour();
  const std::size_t total = text_count(s);
  const std::string csv = write_translation_csv(s, "ko", "ja");
  for (const auto& r : translation_rows(s, "ko", "ja"))
    CHECK(r.status == TranslationStatus::Missing);
  int filled = 0;
  const std::string done =
      fill(csv, [&](const std::string& key, const std::string&) -> std::string {
        if (key.rfind("node/", 0) == 0 && filled >= 5) return "";
        ++filled;
        return "訳, \"" + key + "\"\n二行目";
      });
  const TranslationImport result = apply_translation_csv(s, done);
  CHECK(result.errors.empty());
  CHECK(result.added_locale);
  CHECK(result.source == "ko");
  CHECK(result.target == "ja");
  CHECK(result.applied == static_cast<std::size_t>(filled));
  CHECK(s.locales.back() == "ja");
  CHECK(*s.title.find("ja") == "訳, \"title\"\n二行目");
  const auto coverage = translation_coverage(s);
  REQUIRE(coverage.size() == 3);
  CHECK(coverage[2].first == "ja");
  CHECK(coverage[2].second.total == total);
  CHECK(coverage[2].second.translated == static_cast<std::size_t>(filled));
  CHECK(coverage[2].second.missing == total - static_cast<std::size_t>(filled));
  CHECK(coverage[0].second.translated == total);
  // The checker sees the missing Japanese texts, and nothing stale.
  const Diagnostics d = check(s);
  CHECK(has_code(d, codes::kMissingTranslation));
  CHECK_FALSE(has_code(d, codes::kStaleTranslation));
  CHECK_FALSE(has_code(d, codes::kUnknownText));
}

TEST_CASE("changing the source text marks its translation stale, in the table and in check") {
  Scenario s = tour();
  const std::string csv = write_translation_csv(s, "ko", "en");
  REQUIRE(apply_translation_csv(s, csv)
              .errors.empty());  // records what each English text was made from
  CHECK(check(s).warning_count() == 0);
  s.title.set("ko", "새 제목");
  bool stale_row = false;
  for (const auto& r : translation_rows(s, "ko", "en")) {
    if (r.key == "title")
      stale_row = r.status == TranslationStatus::Stale;
    else
      CHECK(r.status == TranslationStatus::Translated);
  }
  CHECK(stale_row);
  const std::string table = write_translation_csv(s, "ko", "en");
  CHECK(table.find("\r\ntitle,새 제목,") != std::string::npos);
  CHECK(table.find(",stale\r\n") != std::string::npos);
  const Diagnostics d = check(s);
  REQUIRE(has_code(d, codes::kStaleTranslation));
  CHECK(translation_coverage(s)[1].second.stale == 1);
  // Re-importing the fresh table with the English title confirmed clears it.
  REQUIRE(apply_translation_csv(s, table).errors.empty());
  CHECK_FALSE(has_code(check(s), codes::kStaleTranslation));
}

TEST_CASE("a table exported before the source changed imports as stale, with a note") {
  Scenario s = tour();
  const std::string old_table =
      fill(write_translation_csv(s, "ko", "en"),
           [](const std::string&, const std::string&) { return std::string("Translated"); });
  s.title.set("ko", "바뀐 제목");
  const TranslationImport r = apply_translation_csv(s, old_table);
  CHECK(r.errors.empty());
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0].line == 2);
  CHECK(r.notes[0].message.find("changed since") != std::string::npos);
  CHECK(translation_status(s, "title", s.title, "en") == TranslationStatus::Stale);
}

TEST_CASE(
    "unknown ids, duplicate ids and malformed lines are errors with their line; nothing changes") {
  const Scenario original = tour();
  const std::string before = write_canonical(to_json(original));
  auto attempt = [&](const std::string& csv) {
    Scenario s = original;
    TranslationImport r = apply_translation_csv(s, csv);
    CHECK(write_canonical(to_json(s)) == before);
    return r;
  };
  const std::string header = "id,source (ko),translation (en),status\r\n";
  SUBCASE("unknown id") {
    const auto r =
        attempt(header + "title,x,Title,translated\r\nnode/ghost/text,x,Boo,missing\r\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 3);
    CHECK(r.errors[0].message.find("node/ghost/text") != std::string::npos);
  }
  SUBCASE("duplicate id") {
    const auto r = attempt(
        header + "title,x,A,translated\r\nsummary,y,B,translated\r\ntitle,x,C,translated\r\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 4);
    CHECK(r.errors[0].message.find("line 2") != std::string::npos);
  }
  SUBCASE("malformed quoting") {
    const auto r = attempt(header + "title,x,\"Title,translated\r\n");
    REQUIRE_FALSE(r.errors.empty());
    CHECK(r.errors[0].line == 2);
  }
  SUBCASE("too few columns") {
    const auto r = attempt(header + "title,only\r\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 2);
  }
  SUBCASE("not our header") {
    const auto r = attempt("key,english\r\ntitle,Title\r\n");
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].line == 1);
  }
  SUBCASE("a source language the scenario does not have") {
    const auto r =
        attempt("id,source (fr),translation (en),status\r\ntitle,x,Title,translated\r\n");
    REQUIRE_FALSE(r.errors.empty());
  }
}

TEST_CASE("importing the same table twice changes nothing the second time") {
  Scenario s = tour();
  const std::string csv = write_translation_csv(s, "ko", "en");
  const TranslationImport first = apply_translation_csv(s, csv);
  CHECK(first.applied == text_count(s));
  const std::string after_first = write_canonical(to_json(s));
  const TranslationImport second = apply_translation_csv(s, csv);
  CHECK(second.applied == 0);
  CHECK(second.unchanged == text_count(s));
  CHECK(write_canonical(to_json(s)) == after_first);
}

TEST_CASE("records for texts that no longer exist are pruned") {
  Scenario s = tour();
  REQUIRE(apply_translation_csv(s, write_translation_csv(s, "ko", "en")).errors.empty());
  const std::string last = s.nodes.back().id;
  s.nodes.pop_back();
  CHECK(has_code(check(s), codes::kUnknownText));
  CHECK(prune_translation_records(s) > 0);
  CHECK_FALSE(has_code(check(s), codes::kUnknownText));
}
