// Packs made to hurt the checker (issue 16): minified files with tens of thousands of
// errors, NUL and bidi characters, numbers beyond any range, HTML and Twine markup in
// texts, a thousand choices. Each ends in bounded, readable diagnostics.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>

#include "test_support.hpp"
#include "upstander/diagnostic_codes.hpp"
#include "upstander/text_hygiene.hpp"
#include "upstander/utf8.hpp"

using namespace upstander;
namespace fs = std::filesystem;
using namespace std::string_literals;

namespace {

bool reports_code(const Diagnostics& d, std::string_view code) {
  for (const auto& x : d.all()) {
    if (x.code == code) return true;
  }
  return false;
}

const Diagnostic* first_with(const Diagnostics& d, std::string_view code) {
  for (const auto& x : d.all()) {
    if (x.code == code) return &x;
  }
  return nullptr;
}

// The header of a valid two-locale scenario; `nodes` goes after it.
std::string scenario_with(const std::string& nodes) {
  return R"({"type":"scenario","format_version":1,"id":"mini","locales":["en","ko"],"title":{"en":"Mini","ko":"미니"},)"
         R"("summary":{"en":"A tiny scenario.","ko":"작은 시나리오."},"content_note":{"en":"Nothing.","ko":"괜찮아."},)"
         R"("audience":{"min_age":12,"max_age":18},"minutes":1,"learning_goals":["real_harm"],"review":{"status":"draft"},)"
         R"("player":"me","start":"a","characters":[{"id":"me","name":{"en":"You","ko":"나"},"avatar":{"color":"#4a90d9"}}],)"
         R"("nodes":[)" +
         nodes +
         R"(,{"id":"end","kind":"ending","outcome":"upstander","title":{"en":"The end","ko":"끝"},"text":{"en":"Over.","ko":"끝."},)"
         R"("debrief":{"targeted":{"text":{"en":"S.","ko":"지."}},"around":{"text":{"en":"F.","ko":"친."}},)"
         R"("rules":{"text":{"en":"Crime.","ko":"범죄."},"sources":["https://example.org/law"]}},"help":["counselling"]}]})";
}

std::string narration(const std::string& en, const std::string& ko, const std::string& extra = "") {
  return R"({"id":"a","kind":"narration","text":{"en":")" + en + R"(","ko":")" + ko +
         R"("},"next":"end")" + extra + "}";
}

// `errors` nodes on one line, each with one misspelled key: what bench/make_error_pack.py
// writes, smaller.
std::string minified_pack(int errors) {
  std::string nodes = R"({"id":"a","kind":"narration","text":{"en":"a","ko":"b"},"next":"n0"})";
  for (int i = 0; i < errors; ++i) {
    nodes += R"(,{"id":"n)" + std::to_string(i) +
             R"(","kind":"narration","text":{"en":"a","ko":"b"},"txet":0,"next":")" +
             (i + 1 < errors ? "n" + std::to_string(i + 1) : std::string("end")) + "\"}";
  }
  return scenario_with(nodes);
}

std::size_t kept_bytes(const Diagnostics& d) {
  std::size_t n = 0;
  for (const auto& x : d.all())
    n += x.file.size() + x.code.size() + x.pointer.size() + x.message.size() + x.fix.size() +
         x.excerpt.size();
  return n;
}

// The column of the caret in format_text's caret line, and the excerpt line itself.
struct Shown {
  std::string excerpt_line;
  std::size_t caret = 0;
};
Shown shown_of(const Diagnostic& d) {
  const std::string text = format_text(d);
  const auto first = text.find('\n') + 1;
  const auto second = text.find('\n', first) + 1;
  Shown s;
  s.excerpt_line = text.substr(first, second - first - 1);
  s.caret = text.find('^', second) - second;
  return s;
}

}  // namespace

TEST_CASE("a one-line pack with 20,000 errors keeps 200 small diagnostics and counts every error") {
  const std::string pack = minified_pack(20'000);
  REQUIRE(pack.find('\n') == std::string::npos);
  const auto t0 = std::chrono::steady_clock::now();
  test::Loaded l = test::load_text("min.json", pack);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(l.diagnostics.error_count() == 20'000);
  CHECK(l.diagnostics.all().size() == 200);
  CHECK(l.file.errors == 20'000);
  const auto omitted = l.diagnostics.omitted();
  REQUIRE(omitted.count("min.json") == 1);
  CHECK(omitted.at("min.json").errors == 19'800);
  // Each kept diagnostic is a window of the line, not a copy of it (1.7 MB here).
  for (const auto& d : l.diagnostics.all())
    CHECK(utf8::count_code_points(d.excerpt) <= kExcerptCodePoints);
  CHECK(kept_bytes(l.diagnostics) < 200 * 1024);
  // Before: each of the 20,000 counted columns from the start of the 1.7 MB line.
  CHECK(seconds < 10.0);
  const std::string all = format_all_text(l.diagnostics);
  CHECK(all.find("min.json: error[too-many-problems]: 19800 more problems (19800 errors, 0 "
                 "warnings) not listed") != std::string::npos);
}

TEST_CASE("the excerpt of a megabyte line is a window with the caret under the problem") {
  const std::string pad(1'000'000, ' ');
  const std::string bytes = "{\"type\": \"scenario\"," + pad + "\"wat\" 1}";
  test::Loaded l = test::load_text("long.json", bytes);
  REQUIRE(l.diagnostics.all().size() == 1);
  const Diagnostic& d = l.diagnostics.all()[0];
  CHECK(d.code == codes::kJsonSyntax);
  CHECK(d.column == 1'000'027);
  CHECK(d.clipped_before);
  CHECK(d.clipped_after == false);
  const Shown s = shown_of(d);
  CHECK(s.excerpt_line.size() < 120);
  CHECK(s.excerpt_line[s.caret] == '1');
}

TEST_CASE("columns stay right across the line index's blocks, Korean included") {
  std::string text;
  std::mt19937 rng(7);
  for (int i = 0; i < 30'000; ++i) {
    const auto r = rng() % 10;
    text += r == 0 ? "\n" : r < 4 ? "한" : "a";
  }
  const SourceText src("k.json", text);
  for (std::uint32_t offset = 0; offset <= text.size(); offset += 997) {
    while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
      ++offset;
    std::uint32_t line = 1, column = 1;
    for (std::uint32_t i = 0; i < offset; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    const LineColumn at = src.locate(offset);
    CHECK(at.line == line);
    CHECK(at.column == column);
  }
  CHECK(src.locate(static_cast<std::uint32_t>(text.size())).line >= 1);
}

TEST_CASE("warnings take at most half of a file's places, so they never hide its errors") {
  Diagnostics d;
  const SourceText src("w.json", "{}");
  for (int i = 0; i < 300; ++i)
    d.report(src, 0, Severity::Warning, codes::kTextTooLong, "", "long", "shorten");
  for (int i = 0; i < 50; ++i)
    d.report(src, 0, Severity::Error, codes::kUnknownKey, "", "typo", "fix");
  CHECK(d.all().size() == 150);
  CHECK(d.error_count() == 50);
  CHECK(d.warning_count() == 300);
  std::size_t kept_errors = 0;
  for (const auto& x : d.all()) kept_errors += x.severity == Severity::Error ? 1 : 0;
  CHECK(kept_errors == 50);
  // Appending keeps the counts of what was left out.
  Diagnostics all;
  all.append(d);
  CHECK(all.error_count() == 50);
  CHECK(all.warning_count() == 300);
  CHECK(all.omitted().at("w.json").warnings == 200);
  CHECK(all.error_count_in("w.json") == 50);
}

TEST_CASE("the whole check keeps at most DiagnosticLimits::in_total diagnostics across files") {
  Diagnostics d(DiagnosticLimits{10, 25});
  for (int f = 0; f < 5; ++f) {
    const SourceText src("f" + std::to_string(f) + ".json", "{}");
    for (int i = 0; i < 20; ++i)
      d.report(src, 0, Severity::Error, codes::kUnknownKey, "", "typo", "fix");
  }
  CHECK(d.all().size() == 25);
  CHECK(d.error_count() == 100);
  CHECK(d.omitted().size() == 5);
  const std::string text = format_all_text(d);
  CHECK(text.find("f4.json: error[too-many-problems]: 20 more problems") != std::string::npos);
}

TEST_CASE("a message quoting a megabyte of text is clipped in the middle") {
  const std::string key(1 << 20, 'k');
  test::Loaded l =
      test::load_text("key.json", scenario_with(narration("Hi.", "안녕.", ",\"" + key + "\":1")));
  const Diagnostic* d = first_with(l.diagnostics, codes::kUnknownKey);
  REQUIRE(d != nullptr);
  CHECK(d->message.size() <= Diagnostics::kMaxMessageBytes + 16);
  CHECK(d->message.find("is not a field of") != std::string::npos);  // the end is kept
  CHECK(d->pointer.size() <= Diagnostics::kMaxMessageBytes + 16);
}

TEST_CASE("a NUL byte is shown as \\u0000 and cuts nothing") {
  // A raw NUL inside a string: the JSON error must still show its excerpt, caret and fix.
  test::Loaded raw = test::load_text("nul.json", "{\"type\": \"sce\0nario\"}"s);
  REQUIRE(raw.diagnostics.all().size() == 1);
  const std::string text = format_text(raw.diagnostics.all()[0]);
  CHECK(text.find('\0') == std::string::npos);
  CHECK(text.find(R"("sce\u0000nario")") != std::string::npos);
  CHECK(text.find(" = fix: ") != std::string::npos);
  const Shown s = shown_of(raw.diagnostics.all()[0]);
  CHECK(s.excerpt_line.substr(s.caret, 6) == "\\u0000");
  // An escaped NUL in a key reaches the message decoded; it is shown escaped there too.
  test::Loaded key =
      test::load_text("key.json", scenario_with(narration("Hi.", "안녕.", R"(,"te\u0000xt":1)")));
  const Diagnostic* d = first_with(key.diagnostics, codes::kUnknownKey);
  REQUIRE(d != nullptr);
  CHECK(d->message.find('\0') == std::string::npos);
  CHECK(d->message.find(R"("te\u0000xt")") != std::string::npos);
  CHECK(d->pointer.find(R"(te\u0000xt)") != std::string::npos);
}

TEST_CASE("escape_for_display escapes what hides or reorders text and nothing else") {
  CHECK(escape_for_display(std::string("a\0b", 3)) == "a\\u0000b");
  CHECK(escape_for_display("a\x01\x1b[31m") == "a\\u0001\\u001b[31m");
  CHECK(escape_for_display("line\nnext\r\t") == "line\\nnext\\r\\t");
  CHECK(escape_for_display("tab\t", true) == "tab\t");
  CHECK(escape_for_display("\x7f") == "\\u007f");
  CHECK(escape_for_display("\xC2\x85") == "\\u0085");  // NEXT LINE
  CHECK(escape_for_display("abc\xE2\x80\xAE"
                           "def") == "abc\\u202edef");     // RIGHT-TO-LEFT OVERRIDE
  CHECK(escape_for_display("\xE2\x80\x8B") == "\\u200b");  // ZERO WIDTH SPACE
  CHECK(escape_for_display("\xC0 bad") == "\\xC0 bad");
  CHECK(escape_for_display("안녕하세요 😀") == "안녕하세요 😀");
  CHECK(escape_for_display("👩\xE2\x80\x8D👧") ==
        "👩\xE2\x80\x8D👧");  // an emoji sequence keeps its joiner
}

TEST_CASE("1e400 and 99999999999999999999999 are numbers too large, not syntax or type errors") {
  test::Loaded e = test::load_text("e.json", "{\"type\": \"scenario\", \"minutes\": 1e400}");
  REQUIRE(e.diagnostics.all().size() == 1);
  const Diagnostic& d = e.diagnostics.all()[0];
  CHECK(d.code == codes::kNumberTooLarge);
  CHECK(d.message.find("number too large: 1e400") != std::string::npos);
  CHECK(d.column == 33);  // the number's first character
  CHECK(!reports_code(e.diagnostics, codes::kJsonSyntax));

  for (const std::string big :
       {"99999999999999999999999", "-99999999999999999999999", "18446744073709551615"}) {
    CAPTURE(big);
    std::string bytes = scenario_with(narration("Hi.", "안녕."));
    bytes.replace(bytes.find("\"minutes\":1"), 11, "\"minutes\":" + big);
    test::Loaded l = test::load_text("big.json", bytes);
    const Diagnostic* m = first_with(l.diagnostics, codes::kNumberTooLarge);
    REQUIRE(m != nullptr);
    CHECK(m->pointer == "/minutes");
    CHECK(m->message == "\"minutes\" is " + big + ": number too large");
    CHECK(!reports_code(l.diagnostics, codes::kWrongType));
  }
  // A counter set to such a number says the same.
  const std::string vars = R"("variables":[{"id":"n","type":"counter"}],)";
  std::string bytes = scenario_with(
      narration("Hi.", "안녕.", R"(,"effects":[{"set":"n","to":99999999999999999999999}])"));
  bytes.insert(bytes.find("\"nodes\""), vars);
  test::Loaded c = test::load_text("to.json", bytes);
  CHECK_MESSAGE(reports_code(c.diagnostics, codes::kNumberTooLarge), test::render(c.diagnostics));
  CHECK(!reports_code(c.diagnostics, codes::kWrongType));
  // A fraction is still a wrong type.
  std::string frac = scenario_with(narration("Hi.", "안녕."));
  frac.replace(frac.find("\"minutes\":1"), 11, "\"minutes\":1.5");
  CHECK(reports_code(test::load_text("f.json", frac).diagnostics, codes::kWrongType));
}

TEST_CASE("HTML, Twine markup and invisible characters in a text are warnings that point at them") {
  auto check_text = [](const std::string& en) {
    return test::load_text("t.json", scenario_with(narration(en, "안녕.")));
  };
  struct Case {
    std::string text;
    std::string_view code;  // "" = nothing to say
  };
  const std::vector<Case> cases = {
      {"Hi <b>there</b>", codes::kHtmlInText},
      {"<script src=x></script>", codes::kHtmlInText},
      {"Tom&nbsp;and Jerry", codes::kHtmlInText},
      {"it&#39;s", codes::kHtmlInText},
      {"<!-- note -->", codes::kHtmlInText},
      {"I <3 you", ""},
      {"a < b and c > d", ""},
      {"R&D; AT&T", ""},
      {"Go [[to the park]]", codes::kTwineMarkupInText},
      {"<<set $x to 1>>", codes::kTwineMarkupInText},
      {"a [[ half", ""},
      {"Hi\u200bthere", codes::kInvisibleCharacter},
      {"abc\u202edef", codes::kInvisibleCharacter},
      {"abc\u2066def\u2069", codes::kInvisibleCharacter},
      {"Hi\u200dthere", codes::kInvisibleCharacter},
      {"family 👩\u200d👩\u200d👧", ""},
      {"שלום\u200f!", ""},  // a mark inside right-to-left text is how those languages are written
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const test::Loaded l = check_text(c.text);
    for (std::string_view code :
         {codes::kHtmlInText, codes::kTwineMarkupInText, codes::kInvisibleCharacter}) {
      CHECK(reports_code(l.diagnostics, code) == (code == c.code));
    }
    CHECK(l.diagnostics.error_count() == 0);
  }
  // The caret is on the character, also when the file writes it as an escape.
  const test::Loaded l = check_text(R"(Hi \"you\" \u202eevil)");
  const Diagnostic* d = first_with(l.diagnostics, codes::kInvisibleCharacter);
  REQUIRE(d != nullptr);
  const Shown s = shown_of(*d);
  CHECK(s.excerpt_line.substr(s.caret, 6) == "\\u202e");
  CHECK(d->message.find("U+202E RIGHT-TO-LEFT OVERRIDE") != std::string::npos);
}

TEST_CASE("raw_offset_in_string follows escapes back to the file") {
  const std::string src = R"(x"a\n\u00e9\ud83d\ude00b")";
  CHECK(raw_offset_in_string(src, 1, 0) == 2);   // a
  CHECK(raw_offset_in_string(src, 1, 1) == 3);   // \n
  CHECK(raw_offset_in_string(src, 1, 2) == 5);   // é (two bytes decoded)
  CHECK(raw_offset_in_string(src, 1, 4) == 11);  // 😀 (four bytes, a surrogate pair)
  CHECK(raw_offset_in_string(src, 1, 8) == 23);  // b
}

TEST_CASE("a decision with more choices than number keys gets a warning; 9 are fine") {
  auto with_choices = [](int n, const char* key) {
    std::string list;
    for (int i = 0; i < n; ++i) {
      list += (i ? "," : "") + std::string(R"({"id":"c)") + std::to_string(i) +
              R"(","text":{"en":"Go","ko":"가기"})" +
              (std::string(key) == "choices" ? R"(,"to":"end"})" : "}");
    }
    if (std::string(key) == "choices") {
      return scenario_with(
          R"({"id":"a","kind":"narration","text":{"en":"Hi","ko":"안녕"},"choices":[)" + list +
          R"(],"skip_to":"end"})");
    }
    return scenario_with(
        R"({"id":"a","kind":"reflection","question":{"en":"Q?","ko":"질문?"},"options":[)" + list +
        R"(],"next":"end"})");
  };
  CHECK(!reports_code(test::load_text("c.json", with_choices(9, "choices")).diagnostics,
                      codes::kTooManyChoices));
  const test::Loaded many = test::load_text("c.json", with_choices(1000, "choices"));
  const Diagnostic* d = first_with(many.diagnostics, codes::kTooManyChoices);
  REQUIRE_MESSAGE(d != nullptr, test::render(many.diagnostics));
  CHECK(d->message.find("1000 choices") != std::string::npos);
  CHECK(d->pointer == "/nodes/0/choices");
  CHECK(reports_code(test::load_text("o.json", with_choices(10, "options")).diagnostics,
                     codes::kTooManyChoices));
}

TEST_CASE(
    "a check holds at most LoadOptions::max_total_bytes of files; the rest are named, not read") {
  const fs::path dir =
      fs::temp_directory_path() / ("upstander-budget-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  const std::string pack = scenario_with(narration("Hi.", "안녕."));
  for (const char* name : {"a", "b", "c"}) {
    std::string own = pack;  // each its own scenario id
    own.replace(own.find("\"mini\""), 6, "\"mini" + std::string(name) + "\"");
    std::ofstream(dir / (std::string(name) + ".json"), std::ios::binary) << own;
  }
  LoadOptions options;
  options.max_total_bytes = pack.size() * 2 + 2;
  const ContentLibrary lib = ContentLibrary::load({dir.string()}, options);
  REQUIRE(lib.files().size() == 3);
  CHECK(lib.files()[0].ok());
  CHECK(lib.files()[1].ok());
  CHECK(!lib.files()[2].ok());
  const Diagnostic* d = first_with(lib.diagnostics(), codes::kFileTooLarge);
  REQUIRE(d != nullptr);
  CHECK(d->file == (dir / "c.json").string());
  fs::remove_all(dir);
}
