// A content problem with its position, stable code, severity and what to do about it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace upstander {

class SourceText;

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;         // stable, kebab-case; listed in diagnostic_codes.hpp and FORMAT.md
  std::string file;
  std::uint32_t line = 0;   // 0 when the problem concerns the whole file
  std::uint32_t column = 0;
  std::string pointer;      // RFC 6901 JSON pointer of the value concerned ("" = whole document)
  std::string message;      // what is wrong
  std::string fix;          // what the author should do
  std::string source_line;  // the line as written, for the caret display
};

// Collects every problem of every file; loading never stops at the first one.
class Diagnostics {
 public:
  void add(Diagnostic d);
  // Records a problem at a byte offset in `source` (kNoOffset: no position).
  void report(const SourceText& source, std::uint32_t offset, Severity severity, std::string_view code,
              std::string pointer, std::string message, std::string fix);

  const std::vector<Diagnostic>& all() const { return items_; }
  std::size_t error_count() const { return errors_; }
  std::size_t warning_count() const { return items_.size() - errors_; }
  bool has_errors() const { return errors_ > 0; }
  bool empty() const { return items_.empty(); }
  void append(const Diagnostics& other);
  // Keeps files together and, within a file, source order: the order an author fixes them in.
  void sort();

 private:
  std::vector<Diagnostic> items_;
  std::size_t errors_ = 0;
};

// `path:line:col: error[code]: /pointer: message`, the source line with a caret, and the fix.
std::string format_text(const Diagnostic& d);
// A GitHub Actions workflow command, so CI shows the problem on the line in the pull request.
std::string format_github(const Diagnostic& d);
std::string_view severity_name(Severity s);

}  // namespace upstander
