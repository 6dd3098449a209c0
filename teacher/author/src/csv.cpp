// A small RFC 4180 reader and writer.
#include "upstander/author/csv.hpp"

#include "upstander/utf8.hpp"

namespace upstander::author {

namespace {

class CsvReader {
 public:
  explicit CsvReader(std::string_view bytes) : s_(bytes) {
    if (s_.substr(0, kUtf8Bom.size()) == kUtf8Bom) s_.remove_prefix(kUtf8Bom.size());
  }

  CsvTable run() {
    while (pos_ < s_.size()) {
      if (at_line_end()) {  // a blank line
        skip_line_end();
        continue;
      }
      read_record();
    }
    return std::move(table_);
  }

 private:
  bool at_line_end() const { return s_[pos_] == '\n' || s_[pos_] == '\r'; }

  void skip_line_end() {
    if (s_[pos_] == '\r' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  void problem(std::uint32_t line, std::string message) {
    table_.problems.push_back({line, std::move(message)});
  }

  void read_record() {
    CsvRecord record;
    record.line = line_;
    while (true) {
      record.fields.push_back(pos_ < s_.size() && s_[pos_] == '"' ? quoted_field() : plain_field());
      if (pos_ >= s_.size()) break;
      if (s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      skip_line_end();
      break;
    }
    for (const auto& f : record.fields) {
      if (!utf8::is_valid(f)) {
        problem(record.line, "a field is not valid UTF-8 (save the file as \"CSV UTF-8\")");
        break;
      }
    }
    table_.records.push_back(std::move(record));
  }

  std::string plain_field() {
    const std::size_t start = pos_;
    bool reported = false;
    while (pos_ < s_.size() && s_[pos_] != ',' && !at_line_end()) {
      if (s_[pos_] == '"' && !reported) {
        problem(
            line_,
            "a quote inside a field that does not start with a quote (write the field as \"...\" and "
            "double the quote: \"\")");
        reported = true;
      }
      ++pos_;
    }
    return std::string(s_.substr(start, pos_ - start));
  }

  std::string quoted_field() {
    const std::uint32_t start_line = line_;
    ++pos_;  // the opening quote
    std::string out;
    while (true) {
      if (pos_ >= s_.size()) {
        problem(start_line, "a quoted field is not closed (a \" is missing)");
        return out;
      }
      const char c = s_[pos_];
      if (c == '"') {
        if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '"') {
          out += '"';
          pos_ += 2;
          continue;
        }
        ++pos_;
        break;
      }
      if (c == '\n') ++line_;
      if (c == '\r' && !(pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n')) ++line_;
      out += c;
      ++pos_;
    }
    if (pos_ < s_.size() && s_[pos_] != ',' && !at_line_end()) {
      problem(line_,
              "text after the closing quote of a field (double a quote inside a field: \"\")");
      while (pos_ < s_.size() && s_[pos_] != ',' && !at_line_end()) out += s_[pos_++];
    }
    // Spreadsheets write CRLF inside fields too, and old ones a lone CR; the content format
    // uses \n. Every line break becomes one \n, so a field read, written and read again is
    // the same ("\r\r\n" is two breaks, not a CR that a second reading would turn into one).
    std::string normalized;
    normalized.reserve(out.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (out[i] != '\r') {
        normalized += out[i];
        continue;
      }
      normalized += '\n';
      if (i + 1 < out.size() && out[i + 1] == '\n') ++i;
    }
    return normalized;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  CsvTable table_;
};

bool needs_quotes(std::string_view f) {
  return f.find_first_of(",\"\r\n") != std::string_view::npos ||
         (!f.empty() && (f.front() == ' ' || f.back() == ' '));
}

}  // namespace

CsvTable parse_csv(std::string_view bytes) {
  return CsvReader(bytes).run();
}

std::string csv_record(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    const std::string& f = fields[i];
    if (!needs_quotes(f)) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out + "\r\n";
}

}  // namespace upstander::author
