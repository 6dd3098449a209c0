// The optional "translations" record: fingerprints, what the reader accepts and reports,
// stale and unknown entries, and the canonical layout.
#include <doctest/doctest.h>

#include <algorithm>

#include "test_support.hpp"
#include "upstander/canonical_json.hpp"
#include "upstander/diagnostic_codes.hpp"
#include "upstander/translation_record.hpp"

using namespace upstander;

namespace {

// The stale-translation fixture with its "translations" value replaced.
std::string with_translations(const std::string& value) {
  std::string text = test::load_repo_file("tests/fixtures/diagnostics/stale-translation.json")
                         .file.source->bytes();
  const std::size_t at = text.find("\"translations\":");
  REQUIRE(at != std::string::npos);
  return text.substr(0, at) + "\"translations\": " + value + "\n}\n";
}

std::vector<std::pair<std::string, std::string>> codes_and_pointers(
    const std::string& translations) {
  const test::Loaded l = test::load_text("t.json", with_translations(translations));
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& d : l.diagnostics.all()) out.emplace_back(d.code, d.pointer);
  return out;
}

}  // namespace

TEST_CASE("fingerprints are 32-bit FNV-1a in 8 lowercase hex digits") {
  CHECK(text_fingerprint("") == "811c9dc5");
  CHECK(text_fingerprint("a") == "e40c292c");
  CHECK(text_fingerprint("토요일") != text_fingerprint("토요일 "));
  CHECK(is_fingerprint("0123abcd"));
  CHECK_FALSE(is_fingerprint("0123ABCD"));
  CHECK_FALSE(is_fingerprint("0123abc"));
}

TEST_CASE("a translation is stale only when the record has it and the source changed") {
  TranslationRecord r;
  r.locale = "en";
  r.from = "ko";
  r.set("title", text_fingerprint("미니"));
  LocalizedText t{{"ko", "미니"}, {"en", "Mini"}};
  CHECK_FALSE(is_stale(r, "title", t));
  t.set("ko", "미니 2");
  CHECK(is_stale(r, "title", t));
  CHECK_FALSE(is_stale(r, "summary", t));                         // no entry
  CHECK_FALSE(is_stale(r, "title", LocalizedText{{"ko", "x"}}));  // no translation to be stale
  r.set("a", "00000000");
  r.set("b", "00000000");
  CHECK(r.texts.front().key == "a");
  CHECK(r.erase("a"));
  CHECK_FALSE(r.erase("a"));
}

TEST_CASE("the reader reports what is wrong in a record, each at its place") {
  using P = std::pair<std::string, std::string>;
  auto has = [](const std::vector<P>& all, const P& want) {
    return std::find(all.begin(), all.end(), want) != all.end();
  };
  const auto undeclared = codes_and_pointers(R"({"ja": {"from": "ko", "texts": {}}})");
  CHECK(has(undeclared, P{"undeclared-locale", "/translations/ja"}));
  const auto from = codes_and_pointers(R"({"en": {"from": "fr", "texts": {}}})");
  CHECK(has(from, P{"undeclared-locale", "/translations/en/from"}));
  const auto itself = codes_and_pointers(R"({"en": {"from": "en", "texts": {}}})");
  CHECK(has(itself, P{"bad-value", "/translations/en/from"}));
  const auto bad =
      codes_and_pointers(R"({"en": {"from": "ko", "texts": {"title": "XYZ", "summary": 3}}})");
  CHECK(has(bad, P{"bad-value", "/translations/en/texts/title"}));
  CHECK(has(bad, P{"wrong-type", "/translations/en/texts/summary"}));
  const auto keys = codes_and_pointers(
      R"({"en": {"from": "ko", "texts": {"title": "bd217001", "title": "bd217001"}, "note": 1}})");
  CHECK(has(keys, P{"duplicate-key", "/translations/en/texts/title"}));
  CHECK(has(keys, P{"unknown-key", "/translations/en/note"}));
  const auto missing = codes_and_pointers(R"({"en": {}})");
  CHECK(has(missing, P{"missing-field", "/translations/en/from"}));
  CHECK(has(missing, P{"missing-field", "/translations/en/texts"}));
  CHECK(has(codes_and_pointers("[]"), P{"wrong-type", "/translations"}));
}

TEST_CASE("a valid record loads without diagnostics and is written back sorted, in one place") {
  const std::string text = with_translations(
      R"({"en": {"from": "ko", "texts": {"title": "bd217001", "content_note": "00000000"}}})");
  const test::Loaded l = test::load_text("t.json", text);
  CHECK_FALSE(l.diagnostics.has_errors());
  REQUIRE(l.file.scenario());
  const auto& rec = l.file.scenario()->translations.at(0);
  CHECK(rec.texts.at(0).key == "content_note");
  const std::string canonical = canonical_text(l.file);
  CHECK(canonical.find("\"texts\": {\"content_note\": \"00000000\", \"title\": \"bd217001\"}") !=
        std::string::npos);
  CHECK(canonical_text(test::load_text("t2.json", canonical).file) == canonical);
  // The content note is stale (its fingerprint is not the Korean text's).
  bool stale = false;
  for (const auto& d : l.diagnostics.all())
    stale = stale ||
            (d.code == "stale-translation" && d.pointer == "/translations/en/texts/content_note");
  CHECK(stale);
}
