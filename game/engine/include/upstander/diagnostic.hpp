// A content problem with its position, stable code, severity and what to do about it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace upstander {

class SourceText;

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;  // stable, kebab-case; listed in diagnostic_codes.hpp and FORMAT.md
  std::string file;
  std::uint32_t line = 0;  // 0 when the problem concerns the whole file
  std::uint32_t column = 0;
  std::string pointer;  // RFC 6901 JSON pointer of the value concerned ("" = whole document)
  std::string message;  // what is wrong
  std::string fix;      // what the author should do
  // The source line around the column, as written: at most kExcerptCodePoints code points,
  // never the whole line (a minified pack is one line of megabytes, and a copy of it per
  // diagnostic once took gigabytes). Control characters are escaped only when printed.
  std::string excerpt;
  std::uint32_t excerpt_column = 0;  // 1-based code point in `excerpt` the caret points at
  bool clipped_before = false;       // the line goes on before / after the excerpt
  bool clipped_after = false;
};

inline constexpr std::size_t kExcerptCodePoints = 100;

// How many problems a file can have before the rest are only counted. Nobody fixes the
// 201st problem before the first: the list says how many more there are, and each kept
// diagnostic is small (messages and excerpts are clipped), so a hostile file with millions
// of problems costs megabytes, not gigabytes.
struct DiagnosticLimits {
  std::size_t per_file = 200;
  std::size_t in_total = 5'000;  // across every file of one check
};

// The problems of one file that were counted but not kept.
struct OmittedDiagnostics {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t total() const { return errors + warnings; }
};

// Collects every problem of every file; loading never stops at the first one.
class Diagnostics {
 public:
  Diagnostics() = default;
  explicit Diagnostics(DiagnosticLimits limits) : limits_(limits) {}

  // Messages, fixes and pointers longer than this are clipped in the middle.
  static constexpr std::size_t kMaxMessageBytes = 2'000;

  void add(Diagnostic d);
  // Records a problem at a byte offset in `source` (kNoOffset: no position).
  void report(const SourceText& source, std::uint32_t offset, Severity severity,
              std::string_view code, std::string pointer, std::string message, std::string fix);

  // The kept problems; error_count() and warning_count() count every problem.
  const std::vector<Diagnostic>& all() const { return items_; }
  std::size_t error_count() const { return errors_; }
  std::size_t warning_count() const { return warnings_; }
  bool has_errors() const { return errors_ > 0; }
  bool empty() const { return errors_ + warnings_ == 0; }
  // Errors in one file, kept or not.
  std::size_t error_count_in(std::string_view file) const;
  // Per file, the problems counted but not kept (only files that have some).
  std::map<std::string, OmittedDiagnostics, std::less<>> omitted() const;
  std::size_t omitted_count() const { return errors_ + warnings_ - items_.size(); }
  void append(const Diagnostics& other);
  // Keeps files together and, within a file, source order: the order an author fixes them in.
  void sort();

 private:
  struct Tally {
    std::size_t kept = 0;
    std::size_t kept_warnings = 0;
    std::size_t errors = 0;  // kept or not
    OmittedDiagnostics omitted;
  };
  bool keep(Tally& t, Severity s);
  Tally& tally(std::string_view file);

  DiagnosticLimits limits_;
  std::vector<Diagnostic> items_;
  std::map<std::string, Tally, std::less<>> files_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
};

// `path:line:col: error[code]: /pointer: message`, the source line with a caret, and the fix.
// Control characters, bidi controls and invalid bytes are shown escaped (\u0000, \xC0), so
// nothing in a file can cut the output short or rearrange it.
std::string format_text(const Diagnostic& d);
// A GitHub Actions workflow command, so CI shows the problem on the line in the pull request.
std::string format_github(const Diagnostic& d);
// The line that stands for a file's problems that were not kept ("and N more").
// Its code is too-many-problems; it is not counted as a problem itself.
std::string format_omitted_text(const std::string& file, const OmittedDiagnostics& o);
std::string format_omitted_github(const std::string& file, const OmittedDiagnostics& o);
// Every kept problem, each file's "and N more" after its last one: what `check` prints.
std::string format_all_text(const Diagnostics& d);
std::string_view severity_name(Severity s);
// `s` with control characters, bidi controls, invisible format characters and invalid
// UTF-8 escaped (\u0000, \u202e, \xC0); tabs too unless `keep_tabs`.
std::string escape_for_display(std::string_view s, bool keep_tabs = false);

}  // namespace upstander
