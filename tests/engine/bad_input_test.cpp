// Hostile and broken input: every case ends in diagnostics, never a crash, hang or stack
// overflow. The sanitizer build runs these too.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "test_support.hpp"
#include "upstander/diagnostic_codes.hpp"
#include "upstander/json_parser.hpp"

using namespace upstander;
namespace fs = std::filesystem;

namespace {

bool has_code(const Diagnostics& d, std::string_view code) {
  for (const auto& x : d.all()) {
    if (x.code == code) return true;
  }
  return false;
}

std::string tour_bytes() {
  std::ifstream in(test::source_path("content/scenarios/feature-tour.json"), std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A temporary folder removed when the test ends.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("upstander-test-" + std::to_string(std::random_device{}()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

}  // namespace

TEST_CASE("malformed JSON gets a json-syntax error with a position") {
  const char* cases[] = {
      "{",
      "{\"type\": \"scenario\",}",
      "{\"type\" \"scenario\"}",
      "[1, 2",
      "{\"a\": tru}",
      "{\"a\": \"unterminated}",
      "{\"a\": \"line\nbreak\"}",
      "{\"a\": 1} {\"b\": 2}",
      "{\"a\": 01}",
      "{\"a\": 1e999}",
      "// comment\n{}",
      "{'a': 1}",
      "\x00\x01",
      "{\"a\": \"\\uD800\"}",
  };
  for (const char* c : cases) {
    CAPTURE(c);
    test::Loaded l = test::load_text("bad.json", c);
    CHECK(l.diagnostics.has_errors());
    CHECK_FALSE(l.file.ok());
    for (const auto& d : l.diagnostics.all()) CHECK(!d.message.empty());
  }
}

TEST_CASE("an empty file and a file of whitespace are reported, not parsed") {
  for (const char* c : {"", "  \n\t "}) {
    test::Loaded l = test::load_text("empty.json", c);
    REQUIRE(l.diagnostics.error_count() == 1);
    CHECK(l.diagnostics.all()[0].message == "the file is empty");
  }
}

TEST_CASE("a byte-order mark is an error but the rest of the file is still checked") {
  test::Loaded l = test::load_text("bom.json", "\xEF\xBB\xBF" + tour_bytes());
  CHECK(has_code(l.diagnostics, codes::kByteOrderMark));
  CHECK(l.diagnostics.error_count() == 1);
  REQUIRE(l.file.scenario() != nullptr);
  CHECK(l.file.scenario()->id == "feature-tour");
}

TEST_CASE("invalid UTF-8 anywhere is reported with its position") {
  std::string bytes = tour_bytes();
  const auto at = bytes.find("Saturday morning");
  bytes[at] = '\xFF';
  bytes[at + 200] = '\xC0';
  test::Loaded l = test::load_text("latin1.json", bytes);
  REQUIRE(l.diagnostics.error_count() == 2);
  CHECK(l.diagnostics.all()[0].code == codes::kInvalidUtf8);
  CHECK(l.diagnostics.all()[0].line > 1);
}

TEST_CASE("a 50 MB file is refused before it is read") {
  TempDir dir;
  const fs::path big = dir.path / "big.json";
  {
    std::ofstream out(big, std::ios::binary);
    const std::string chunk(1 << 20, ' ');
    for (int i = 0; i < 50; ++i) out << chunk;
  }
  Diagnostics d;
  ContentFile f = load_content_file(big.string(), d);
  REQUIRE(d.error_count() == 1);
  CHECK(d.all()[0].code == codes::kFileTooLarge);
  CHECK(d.all()[0].message.find("50 MB") != std::string::npos);
  CHECK_FALSE(f.ok());
}

TEST_CASE("a file that does not exist is an io-error") {
  Diagnostics d;
  load_content_file("/nonexistent/upstander/scenario.json", d);
  REQUIRE(d.error_count() == 1);
  CHECK(d.all()[0].code == codes::kIoError);
}

TEST_CASE("nesting 100,000 deep stops at the depth limit without overflowing the stack") {
  for (char open : {'[', '{'}) {
    std::string deep;
    for (int i = 0; i < 100'000; ++i) deep += open == '[' ? "[" : "{\"a\":";
    test::Loaded l = test::load_text("deep.json", deep);
    CHECK(has_code(l.diagnostics, codes::kTooDeep));
  }
  // Deep but balanced, just under the limit, still loads as JSON (then fails as content).
  std::string fine = "{\"x\": " + std::string(60, '[') + std::string(60, ']') + "}";
  Diagnostics d;
  SourceText src("fine.json", fine);
  CHECK(parse_json(src, d).has_value());
}

TEST_CASE("odd characters in ids are reported as bad-id") {
  const std::string base = tour_bytes();
  const char* ids[] = {
      "Saturday",  "sat urday",
      "토요일",    "../etc/passwd",
      "a/b",       "-start",
      "",          "😀",
      "a\\u0000b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"};
  for (const char* id : ids) {
    CAPTURE(id);
    std::string bytes = base;
    const std::string from = "\"id\": \"saturday\"";
    bytes.replace(bytes.find(from), from.size(), std::string("\"id\": \"") + id + "\"");
    test::Loaded l = test::load_text("ids.json", bytes);
    CHECK(has_code(l.diagnostics, codes::kBadId));
  }
}

TEST_CASE("cycles: a loop with a way out is fine, one without is an error") {
  const std::string base = tour_bytes();
  SUBCASE("going back to an earlier scene from a choice") {
    std::string bytes = base;
    const std::string from = "\"to\": \"cropped\"";
    bytes.replace(bytes.find(from), from.size(), "\"to\": \"saturday\"");
    test::Loaded l = test::load_text("loop.json", bytes);
    CHECK_FALSE(has_code(l.diagnostics, codes::kNoPathToEnding));
    CHECK_FALSE(l.diagnostics.has_errors());
  }
  SUBCASE("a linear loop") {
    std::string bytes = base;
    const std::string from = "\"next\": \"monday\"";
    bytes.replace(bytes.find(from), from.size(), "\"next\": \"what-helps\"");
    test::Loaded l = test::load_text("loop.json", bytes);
    CHECK(has_code(l.diagnostics, codes::kNoPathToEnding));
  }
  SUBCASE("a choice that leads to its own node") {
    std::string bytes = base;
    const std::string from = "\"to\": \"cropped\"";
    bytes.replace(bytes.find(from), from.size(), "\"to\": \"ask-share\"");
    test::Loaded l = test::load_text("self.json", bytes);
    CHECK_FALSE(l.diagnostics.has_errors());
  }
}

TEST_CASE("an unbounded counter makes the condition search say it is incomplete") {
  std::string bytes = tour_bytes();
  // Each trip round the loop adds to "spread", so there are infinitely many states.
  const std::string from = "\"to\": \"cropped\"";
  bytes.replace(bytes.find(from), from.size(),
                "\"effects\": [{\"add\": \"spread\", \"by\": 1}], \"to\": \"saturday\"");
  Diagnostics d;
  LoadOptions options;
  options.flow.max_states = 1000;
  load_content_text("unbounded.json", bytes, d, options);
  CHECK(has_code(d, codes::kSearchIncomplete));
  CHECK_FALSE(d.has_errors());
}

TEST_CASE("seeded random mutations of a real scenario never crash the loader") {
  const std::string base = tour_bytes();
  std::mt19937 rng(20261121);
  for (int round = 0; round < 1500; ++round) {
    std::string bytes = base;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = rng() % bytes.size();
      switch (rng() % 5) {
        case 0: bytes[at] = static_cast<char>(rng() & 0xFF); break;
        case 1: bytes.erase(at, 1 + rng() % 40); break;
        case 2: bytes.insert(at, std::string(1 + rng() % 3, "{}[],:\"\\0x"[rng() % 10])); break;
        case 3: bytes.resize(at); break;
        default: bytes.insert(at, bytes.substr(rng() % bytes.size(), rng() % 200)); break;
      }
      if (bytes.empty()) bytes = "{";
    }
    Diagnostics d;
    ContentFile f = load_content_text("mutant.json", bytes, d);
    for (const auto& x : d.all()) {
      REQUIRE(!x.code.empty());
      REQUIRE(!format_text(x).empty());
    }
  }
}
