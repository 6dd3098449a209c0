// Fuzz target: any bytes as a translator's CSV table (`upstander-content strings import`):
// the RFC 4180 reader, then the table applied to a small scenario. A table read without
// problems must write back to the same records, and a table applied without errors must
// leave a scenario that writes and loads. Built as a libFuzzer binary with clang
// (-DUPSTANDER_FUZZ=ON), and in every build as a corpus replay test.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "upstander/author/csv.hpp"
#include "upstander/author/translation_table.hpp"
#include "upstander/canonical_json.hpp"
#include "upstander/content_file.hpp"
#include "upstander/diagnostic_codes.hpp"

namespace {

using namespace upstander;

// The scenario the tables are applied to: Korean only, so a table can add English.
constexpr std::string_view kScenario =
    R"({"type":"scenario","format_version":1,"id":"mini","locales":["ko"],
"title":{"ko":"미니"},"summary":{"ko":"작은 시나리오."},"content_note":{"ko":"괜찮은 내용이야."},
"audience":{"min_age":12,"max_age":18},"minutes":1,"learning_goals":["real_harm"],"review":{"status":"draft"},
"player":"me","start":"a","characters":[{"id":"me","name":{"ko":"나"},"avatar":{"color":"#4a90d9"}}],
"nodes":[{"id":"a","kind":"narration","text":{"ko":"안녕."},"choices":[{"id":"x","text":{"ko":"가기"},"to":"end"},
{"id":"y","text":{"ko":"있기"},"to":"end"}],"skip_to":"end"},{"id":"end","kind":"ending","outcome":"upstander",
"title":{"ko":"끝"},"text":{"ko":"끝났어."},"debrief":{"targeted":{"text":{"ko":"지지받았다고 느꼈어."}},
"around":{"text":{"ko":"친구들이 알아챘어."}},"rules":{"text":{"ko":"만드는 것도 범죄야."},
"sources":["https://example.org/law"]}},"help":["counselling"]}]})";

const Scenario& base_scenario() {
  static const Scenario s = [] {
    Diagnostics d;
    ContentFile f = load_content_text("mini.json", std::string(kScenario), d);
    if (f.scenario() == nullptr || d.has_errors()) __builtin_trap();
    return *f.scenario();
  }();
  return s;
}

// A record of one empty field is a blank line once written, and a field starting with a
// byte-order mark at the very start of the file is read as one: both are left out.
bool writes_back(const author::CsvRecord& r, bool first) {
  if (r.fields.size() == 1 && r.fields[0].empty()) return false;
  return !(first && r.fields[0].rfind(author::kUtf8Bom, 0) == 0);
}

void check_round_trip(const author::CsvTable& table) {
  std::string written;
  std::vector<const author::CsvRecord*> kept;
  for (std::size_t i = 0; i < table.records.size(); ++i) {
    if (!writes_back(table.records[i], i == 0)) continue;
    written += author::csv_record(table.records[i].fields);
    kept.push_back(&table.records[i]);
  }
  const author::CsvTable again = author::parse_csv(written);
  if (!again.problems.empty() || again.records.size() != kept.size()) __builtin_trap();
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (again.records[i].fields != kept[i]->fields) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const author::CsvTable table = author::parse_csv(bytes);
  if (table.problems.empty()) check_round_trip(table);

  Scenario s = base_scenario();
  const author::TranslationImport result = author::apply_translation_csv(s, bytes);
  if (result.errors.empty()) {
    Diagnostics d;
    load_content_text("translated.json", write_canonical(to_json(s)), d);
    for (const auto& x : d.all()) {
      if (x.code == codes::kJsonSyntax || x.code == codes::kInvalidUtf8) __builtin_trap();
    }
    (void)author::translation_coverage(s);
  }
  return 0;
}
