// RFC 4180 reading and writing: Korean, commas, quotes, line breaks, byte-order marks,
// and malformed tables reported with their line.
#include <doctest/doctest.h>

#include "upstander/author/csv.hpp"

using namespace upstander::author;

TEST_CASE("fields with commas, quotes, line breaks and Korean survive a write and a read") {
  const std::vector<std::vector<std::string>> rows = {
      {"id", "source (ko)", "translation (en)", "status"},
      {"node/a/text", "안녕, 지우야! \"진짜\"야?", "Hi, Jiwoo! \"Really\"?", "translated"},
      {"node/b/text", "첫 줄\n둘째 줄", "first line\nsecond line", "translated"},
      {"node/c/text", "", "", "missing"},
      {"node/d/text", " leading and trailing spaces ", "tab\there", "stale"},
      {"emoji", "😀🐱", "ok", "translated"},
  };
  std::string csv(kUtf8Bom);
  for (const auto& r : rows) csv += csv_record(r);
  const CsvTable table = parse_csv(csv);
  CHECK(table.problems.empty());
  REQUIRE(table.records.size() == rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) CHECK(table.records[i].fields == rows[i]);
  // Line breaks inside fields count: the record after two of them starts two lines later.
  CHECK(table.records[2].line == 3);
  CHECK(table.records[3].line == 6);
}

TEST_CASE("written records quote exactly what needs quoting and end with CRLF") {
  CHECK(csv_record({"a", "b"}) == "a,b\r\n");
  CHECK(csv_record({"a,b", "say \"hi\""}) == "\"a,b\",\"say \"\"hi\"\"\"\r\n");
  CHECK(csv_record({"two\nlines", ""}) == "\"two\nlines\",\r\n");
  CHECK(csv_record({"지우"}) == "지우\r\n");
}

TEST_CASE("reading accepts LF line ends, CRLF inside quotes and blank lines") {
  const CsvTable t = parse_csv("a,b\n\n\"x\r\ny\",z\r\nlast,row");
  CHECK(t.problems.empty());
  REQUIRE(t.records.size() == 3);
  CHECK(t.records[1].fields == std::vector<std::string>{"x\ny", "z"});
  CHECK(t.records[1].line == 3);
  CHECK(t.records[2].fields == std::vector<std::string>{"last", "row"});
  CHECK(t.records[2].line == 5);
}

// Regression (found by the csv_import fuzzer): "\r\r\n" in quotes was read as "\r\n", which
// a second reading turned into "\n", so a table did not survive a write and a read.
TEST_CASE("every line break inside a field reads as one \\n, so a second reading changes nothing") {
  const CsvTable t = parse_csv("\"\r\r\n\"");
  REQUIRE(t.problems.empty());
  REQUIRE(t.records.size() == 1);
  CHECK(t.records[0].fields[0] == "\n\n");
  CHECK(parse_csv("\"old\rmac\"").records[0].fields[0] == "old\nmac");
  const CsvTable again = parse_csv(csv_record(t.records[0].fields));
  REQUIRE(again.records.size() == 1);
  CHECK(again.records[0].fields == t.records[0].fields);
}

TEST_CASE("an empty last field and a trailing comma are fields") {
  const CsvTable t = parse_csv("a,\r\n,b,\r\n");
  REQUIRE(t.records.size() == 2);
  CHECK(t.records[0].fields == std::vector<std::string>{"a", ""});
  CHECK(t.records[1].fields == std::vector<std::string>{"", "b", ""});
}

TEST_CASE("malformed tables are reported with the line of the problem") {
  SUBCASE("a quote inside an unquoted field") {
    const CsvTable t = parse_csv("id,text\r\nx,say \"hi\"\r\n");
    REQUIRE(t.problems.size() == 1);
    CHECK(t.problems[0].line == 2);
  }
  SUBCASE("a quoted field that never closes") {
    const CsvTable t = parse_csv("id,text\r\nx,ok\r\ny,\"open\r\nmore\r\n");
    REQUIRE(t.problems.size() == 1);
    CHECK(t.problems[0].line == 3);
    CHECK(t.problems[0].message.find("not closed") != std::string::npos);
  }
  SUBCASE("text after a closing quote") {
    const CsvTable t = parse_csv("a\r\n\"x\"y,z\r\n");
    REQUIRE(t.problems.size() == 1);
    CHECK(t.problems[0].line == 2);
  }
  SUBCASE("invalid UTF-8 (a file saved in another encoding)") {
    const CsvTable t = parse_csv("id,text\r\nx,\xB0\xA1\r\n");
    REQUIRE(t.problems.size() == 1);
    CHECK(t.problems[0].line == 2);
    CHECK(t.problems[0].message.find("UTF-8") != std::string::npos);
  }
}

TEST_CASE("random bytes never crash the reader") {
  std::uint32_t state = 12345;
  auto next = [&] { return state = state * 1664525u + 1013904223u; };
  const std::string alphabet = "a,\"\r\n \xEA\xB0\x80";
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const std::size_t len = next() % 64;
    for (std::size_t i = 0; i < len; ++i) s += alphabet[next() % alphabet.size()];
    const CsvTable t = parse_csv(s);
    for (const auto& r : t.records) CHECK(r.line >= 1);
  }
}
