// upstander-content import-twine, export-twee and strings as programs: exit codes, what
// they print, and that they never write a file when they refuse.
#include <doctest/doctest.h>

#include <filesystem>

#include "author_test_support.hpp"
#include "content_tool_run.hpp"
#include "upstander/author/csv.hpp"

using namespace upstander;
namespace fs = std::filesystem;

namespace {
// A path as one shell word.
std::string q(const std::string& path) {
  return "'" + path + "'";
}
}  // namespace

TEST_CASE("import-twine writes the scenario, prints the mapping and what is left to fix") {
  test::ScratchDir dir("cli-import");
  const std::string out = dir.file("class-chat.json");
  const test::ToolRun r =
      test::run_content_tool("import-twine tests/fixtures/twine/class-chat.twee -o " + q(out));
  CHECK(r.exit_code == 1);  // imported, but check still finds errors
  CHECK(r.output.find("line 14: \"Saturday [morning]\" -> saturday-morning") != std::string::npos);
  CHECK(
      r.output.find(
          "class-chat.twee:32: warning: passage \"What now\": SugarCube <<if>>: Upstander shows no text under a "
          "condition") != std::string::npos);
  CHECK(r.output.find("(set:) is not supported") ==
        std::string::npos);  // (set: $seen to 0) is carried
  CHECK(r.output.find("to finish the import, fix:") != std::string::npos);
  CHECK(r.output.find("error[missing-field]: /summary") != std::string::npos);
  CHECK(fs::exists(out));
  // The file is in the canonical layout.
  CHECK(test::run_content_tool("fmt --check " + q(out)).exit_code ==
        1);  // errors: fmt refuses, but says why
  CHECK(test::run_content_tool("check " + q(out)).exit_code == 1);
}

TEST_CASE(
    "import-twine: an archive with several stories needs --story; it never overwrites by default") {
  test::ScratchDir dir("cli-archive");
  const test::ToolRun several = test::run_content_tool(
      "import-twine tests/fixtures/twine/archive.html -o " + q(dir.file("a.json")));
  CHECK(several.exit_code == 2);
  CHECK(several.output.find("holds 3 stories") != std::string::npos);
  CHECK(several.output.find("  Second story") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.file("a.json")));
  const test::ToolRun one = test::run_content_tool(
      "import-twine --story \"First story\" --id first tests/fixtures/twine/archive.html -o " +
      q(dir.file("a.json")));
  CHECK(one.output.find("wrote ") != std::string::npos);
  CHECK(fs::exists(dir.file("a.json")));
  // Without -o the output goes next to the input, and an existing file is left alone.
  fs::copy_file(test::source_path("tests/fixtures/twine/class-chat.twee"), dir.file("story.twee"));
  test::write_text(dir.file("story.json"), "keep me");
  const test::ToolRun refused = test::run_content_tool("import-twine " + q(dir.file("story.twee")));
  CHECK(refused.exit_code == 2);
  CHECK(test::read_text(dir.file("story.json")) == "keep me");
  CHECK(
      test::run_content_tool("import-twine --lang Korean " + q(dir.file("story.twee"))).exit_code ==
      2);
}

TEST_CASE("import-twine writes nothing for a file without passages") {
  test::ScratchDir dir("cli-empty");
  test::write_text(dir.file("notes.twee"), "just some notes\nno passages here\n");
  const test::ToolRun r = test::run_content_tool("import-twine " + q(dir.file("notes.twee")));
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("no passages") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.file("notes.json")));
}

TEST_CASE("export-twee prints Twee that says what does not survive") {
  const test::ToolRun r =
      test::run_content_tool("export-twee --lang ko content/scenarios/feature-tour.json");
  CHECK(r.exit_code == 0);
  CHECK(r.output.rfind("Exported from an Upstander scenario", 0) == 0);
  CHECK(r.output.find("What does not survive the trip") != std::string::npos);
  CHECK(r.output.find(":: StoryData") != std::string::npos);
  CHECK(test::run_content_tool("export-twee --lang fr content/scenarios/feature-tour.json")
            .exit_code == 2);
}

TEST_CASE(
    "export-twee --format writes the logic as Harlowe or SugarCube, and import-twine reads either back") {
  test::ScratchDir dir("cli-formats");
  const test::ToolRun harlowe =
      test::run_content_tool("export-twee --lang en content/scenarios/feature-tour.json");
  CHECK(harlowe.output.find("\"format\": \"Harlowe\"") != std::string::npos);
  CHECK(harlowe.output.find("(set: $spoke_up to false)") != std::string::npos);
  CHECK(harlowe.output.find("(if: $spoke_up or $told_teacher)[ [[end-upstander]] ]") !=
        std::string::npos);
  const test::ToolRun sugar = test::run_content_tool(
      "export-twee --lang en --format sugarcube content/scenarios/feature-tour.json -o " +
      q(dir.file("t.twee")));
  CHECK(sugar.exit_code == 0);
  const std::string twee = test::read_text(dir.file("t.twee"));
  CHECK(twee.find("\"format\": \"SugarCube\"") != std::string::npos);
  CHECK(twee.find("<<set $spoke_up to false>>") != std::string::npos);
  CHECK(twee.find("<<if $spoke_up or $told_teacher>>[[end-upstander]]") != std::string::npos);
  CHECK(test::run_content_tool("export-twee --format snowman content/scenarios/feature-tour.json")
            .exit_code == 2);
  const test::ToolRun back = test::run_content_tool(
      "import-twine --id tour " + q(dir.file("t.twee")) + " -o " + q(dir.file("t.json")));
  CHECK(back.output.find("cannot be carried") == std::string::npos);
  CHECK(test::read_text(dir.file("t.json"))
            .find("\"any\": [{\"flag\": \"spoke_up\"}, {\"flag\": \"told_teacher\"}]") !=
        std::string::npos);
}

TEST_CASE("import-twine writes nothing when every passage is a special one") {
  test::ScratchDir dir("cli-special-only");
  test::write_text(dir.file("s.twee"),
                   ":: StoryInit\n<<set $x to 1>>\n\n:: PassageHeader\nHello\n");
  const test::ToolRun r = test::run_content_tool("import-twine " + q(dir.file("s.twee")));
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("\"PassageHeader\" is SugarCube's header") != std::string::npos);
  CHECK(r.output.find("no passages to import") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.file("s.json")));
}

TEST_CASE("strings export and import through the command line") {
  test::ScratchDir dir("cli-strings");
  const std::string pack = dir.file("tour.json");
  fs::copy_file(test::source_path("content/scenarios/feature-tour.json"), pack);
  const test::ToolRun exported = test::run_content_tool("strings export --lang ja " + q(pack) +
                                                        " -o " + q(dir.file("ja.csv")));
  REQUIRE(exported.exit_code == 0);
  std::string csv = test::read_text(dir.file("ja.csv"));
  CHECK(csv.rfind(std::string(author::kUtf8Bom) + "id,source (ko),translation (ja),status\r\n",
                  0) == 0);

  // A translator fills in the title in a spreadsheet.
  author::CsvTable table = author::parse_csv(csv);
  std::string filled(author::kUtf8Bom);
  for (auto& rec : table.records) {
    if (rec.fields[0] == "title") rec.fields[2] = "機能, \"ツアー\"";
    filled += author::csv_record(rec.fields);
  }
  csv = filled;
  test::write_text(dir.file("ja.csv"), csv);
  const test::ToolRun imported =
      test::run_content_tool("strings import " + q(pack) + " " + q(dir.file("ja.csv")));
  CHECK_MESSAGE(imported.exit_code == 0, imported.output);
  CHECK(imported.output.find("imported 1 translation") != std::string::npos);
  CHECK(imported.output.find("added it to \"locales\"") != std::string::npos);
  CHECK(imported.output.find("ja: 1 of") != std::string::npos);
  CHECK(test::read_text(pack).find("\"ja\": \"機能, \\\"ツアー\\\"\"") != std::string::npos);

  // A broken table: reported with its line, and the pack is not touched.
  const std::string before = test::read_text(pack);
  test::write_text(
      dir.file("bad.csv"),
      "id,source (ko),translation (ja),status\r\ntitle,x,y,z\r\nnode/ghost/text,a,b,c\r\n");
  const test::ToolRun bad =
      test::run_content_tool("strings import " + q(pack) + " " + q(dir.file("bad.csv")));
  CHECK(bad.exit_code == 1);
  CHECK(bad.output.find("bad.csv:3: error:") != std::string::npos);
  CHECK(bad.output.find("nothing was changed") != std::string::npos);
  CHECK(test::read_text(pack) == before);
}

TEST_CASE("strings refuses a file the model cannot hold whole") {
  const test::ToolRun r = test::run_content_tool(
      "strings export --lang en tests/fixtures/diagnostics/unknown-key.json");
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("fix the errors above first") != std::string::npos);
}

TEST_CASE("the help lists the authoring commands") {
  const test::ToolRun r = test::run_content_tool("--help");
  for (const char* c : {"import-twine", "export-twee", "strings export", "strings import"})
    CHECK(r.output.find(c) != std::string::npos);
}
