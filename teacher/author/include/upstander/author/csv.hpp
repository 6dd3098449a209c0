// RFC 4180 CSV as spreadsheets write it: fields separated by commas, quoted when they hold
// a comma, a quote or a line break, quotes doubled inside quotes, CRLF between records.
// Reading also accepts LF line ends and a UTF-8 byte-order mark (Excel writes one).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace upstander::author {

struct CsvRecord {
  std::vector<std::string> fields;
  std::uint32_t line = 0;  // the line the record starts on (1-based), for messages
};

struct CsvProblem {
  std::uint32_t line = 0;
  std::string message;
};

struct CsvTable {
  std::vector<CsvRecord> records;
  std::vector<CsvProblem> problems;  // malformed quoting, invalid UTF-8; empty when well-formed
};

// Reads every record; blank lines between records are skipped. Never throws.
CsvTable parse_csv(std::string_view bytes);

// One record, ending with CRLF.
std::string csv_record(const std::vector<std::string>& fields);
// The byte-order mark that makes Excel read the file as UTF-8 (Korean would show as
// mojibake otherwise).
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace upstander::author
