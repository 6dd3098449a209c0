// Load, save, load: the same scenario, and the saved bytes are what `fmt` writes.
#include <doctest/doctest.h>

#include "author_test_support.hpp"
#include "upstander/author/document.hpp"
#include "upstander/author/translation_table.hpp"
#include "upstander/canonical_json.hpp"

using namespace upstander;
using namespace upstander::author;

namespace {

AutosaveSettings scratch_autosave(const test::ScratchDir& dir) {
  AutosaveSettings a;
  a.data_dir = dir.file("data");
  a.interval = std::chrono::milliseconds(0);
  return a;
}

}  // namespace

TEST_CASE("every shipped scenario opens clean and saves to the same bytes") {
  test::ScratchDir dir("round-trip");
  for (const auto& path : test::shipped_scenario_paths()) {
    CAPTURE(path);
    const std::string original = test::read_text(path);
    const std::string copy = dir.file("copy.json");
    test::write_text(copy, original);
    OpenResult r = Document::open(copy, scratch_autosave(dir));
    REQUIRE(r.ok());
    CHECK(r->lossy.empty());
    CHECK_FALSE(r->document->dirty());
    CHECK(r->document->text() == original);
    REQUIRE(r->document->save());
    CHECK(test::read_text(copy) == original);
  }
}

TEST_CASE("a file in another layout is saved exactly as fmt would write it, and stays that way") {
  test::ScratchDir dir("round-trip-layout");
  const std::string fixture = test::source_path("tests/fixtures/diagnostics/unused-variable.json");
  const std::string copy = dir.file("pack.json");
  test::write_text(copy, test::read_text(fixture));
  OpenResult r = Document::open(copy, scratch_autosave(dir));
  REQUIRE(r.ok());
  CHECK_FALSE(r->document->dirty());  // a layout is not a change
  REQUIRE(r->document->save());
  const std::string saved = test::read_text(copy);
  // fmt's output: the engine's canonical text of the file.
  Diagnostics d;
  const ContentFile f = load_content_file(fixture, d);
  CHECK(saved == canonical_text(f));
  // Load the saved file, save again: nothing moves.
  OpenResult again = Document::open(copy, scratch_autosave(dir));
  REQUIRE(again.ok());
  CHECK(again->document->text() == saved);
  REQUIRE(again->document->save());
  CHECK(test::read_text(copy) == saved);
  // The file as it was before is kept as a backup.
  CHECK(std::filesystem::exists(r->document->autosaver().backup_folder()));
}

TEST_CASE("the translations record survives load and save, sorted by key") {
  test::ScratchDir dir("round-trip-translations");
  Scenario s = test::load_scenario(test::source_path("content/scenarios/feature-tour.json"));
  TranslationRecord rec;
  rec.locale = "en";
  rec.from = "ko";
  rec.texts.push_back({"title", text_fingerprint(*s.title.find("ko")), {}});
  rec.texts.push_back({"summary", text_fingerprint(*s.summary.find("ko")), {}});
  s.translations.push_back(rec);
  const std::string text = write_canonical(to_json(s));
  CHECK(text.find("\"translations\": {") != std::string::npos);
  CHECK(text.find("\"summary\"") < text.rfind("\"title\""));
  Diagnostics d;
  const ContentFile f = load_content_text("t.json", text, d);
  CHECK_FALSE(d.has_errors());
  CHECK(d.warning_count() == 0);
  REQUIRE(f.scenario());
  REQUIRE(f.scenario()->translations.size() == 1);
  CHECK(f.scenario()->translations[0].texts.size() == 2);
  CHECK(canonical_text(f) == text);
}
