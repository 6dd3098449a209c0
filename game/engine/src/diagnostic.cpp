// Recording and printing content diagnostics.
#include "upstander/diagnostic.hpp"

#include <algorithm>
#include <tuple>

#include "upstander/source_text.hpp"
#include "upstander/utf8.hpp"

namespace upstander {

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::Error) ++errors_;
  items_.push_back(std::move(d));
}

void Diagnostics::report(const SourceText& source, std::uint32_t offset, Severity severity,
                         std::string_view code, std::string pointer, std::string message,
                         std::string fix) {
  Diagnostic d;
  d.severity = severity;
  d.code = std::string(code);
  d.file = source.path();
  d.pointer = std::move(pointer);
  d.message = std::move(message);
  d.fix = std::move(fix);
  if (offset != kNoOffset) {
    const LineColumn at = source.locate(offset);
    d.line = at.line;
    d.column = at.column;
    d.source_line = std::string(source.line_text(at.line));
  }
  add(std::move(d));
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.items_) add(d);
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  });
}

std::string_view severity_name(Severity s) { return s == Severity::Error ? "error" : "warning"; }

namespace {

// Very long lines (minified JSON) are shown as a window around the column.
constexpr std::size_t kShownCodePoints = 100;

struct ShownLine {
  std::string text;
  std::size_t caret_width = 0;  // terminal cells before the caret
};

ShownLine window_around(const std::string& line, std::uint32_t column) {
  const std::vector<std::string_view> cps = utf8::split_code_points(line);
  const std::size_t col = column > 0 ? column - 1 : 0;
  std::size_t begin = 0;
  if (cps.size() > kShownCodePoints && col > kShownCodePoints / 2) begin = col - kShownCodePoints / 2;
  const std::size_t end = std::min(cps.size(), begin + kShownCodePoints);
  ShownLine shown;
  if (begin > 0) {
    shown.text += "...";
    shown.caret_width += 3;
  }
  for (std::size_t i = begin; i < end; ++i) {
    shown.text += cps[i];
    if (i < col) shown.caret_width += utf8::display_width(cps[i]);
  }
  if (end < cps.size()) shown.text += "...";
  return shown;
}

}  // namespace

std::string format_text(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
  out += ": ";
  out += severity_name(d.severity);
  out += "[" + d.code + "]: ";
  if (!d.pointer.empty()) out += d.pointer + ": ";
  out += d.message + "\n";
  if (d.line > 0) {
    const std::string number = std::to_string(d.line);
    const std::string gutter(number.size(), ' ');
    const ShownLine shown = window_around(d.source_line, d.column);
    out += " " + number + " | " + shown.text + "\n";
    // Tabs in the source keep the caret aligned only if the padding keeps them too.
    std::string pad;
    for (std::size_t i = 0, cells = 0; cells < shown.caret_width && i < shown.text.size(); ++i) {
      pad += shown.text[i] == '\t' ? '\t' : ' ';
      ++cells;
    }
    if (pad.size() < shown.caret_width) pad.append(shown.caret_width - pad.size(), ' ');
    out += " " + gutter + " | " + pad + "^\n";
  }
  if (!d.fix.empty()) out += " = fix: " + d.fix + "\n";
  return out;
}

namespace {
// Workflow commands treat %, CR and LF specially in the message part.
std::string escape_github(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}
}  // namespace

std::string format_github(const Diagnostic& d) {
  std::string out = "::";
  out += severity_name(d.severity);
  out += " file=" + escape_github(d.file, true);
  if (d.line > 0) {
    out += ",line=" + std::to_string(d.line) + ",col=" + std::to_string(d.column);
  }
  out += ",title=" + escape_github(d.code, true) + "::";
  std::string msg = d.pointer.empty() ? d.message : d.pointer + ": " + d.message;
  if (!d.fix.empty()) msg += "\nfix: " + d.fix;
  out += escape_github(msg, false);
  return out;
}

}  // namespace upstander
